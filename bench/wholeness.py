"""Whether a title or a point is a whole phrase, judged from outside deckmaker: a title is a
noun phrase or a short whole clause, a point a whole thought, neither cut mid-phrase.

Each is judged against the essay it came from (both are runs of the essay's own words): what
follows it there tells whether the phrase was cut ("the star of empire takes | its way"), and an
English lexicon (lemminflect's, built from the SPECIALIST lexicon, not deckmaker's word lists)
tells whether a title's last word can be a noun at all ("Neighbors constitutes", "Stars
brighter").
"""

from __future__ import annotations

import re
from functools import cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words no title or point ends on: articles, prepositions, conjunctions, pronouns that are
# subjects, auxiliaries waiting for their verb.
FUNCTION_WORDS = {
    "en": _words("""a an the of in on at to for with by from into onto upon about over under between
        through without within and or nor but yet so than as if that which who whom whose
        where when while because although though unless until is are was were be been being
        am has have had do does did will would shall should can could may might must his her
        its our their my your this these those i we they he she every each no some any"""),
    "es": _words("""el la los las un una unos unas de del a al en con por para sin sobre entre hacia
        desde y e o u pero sino que quien cual cuando donde como si porque aunque mientras es
        son fue era ser está están ha han su sus mi mis tu tus nuestro nuestra este esta estos
        estas cada"""),
}
NUMBERS = _words("one two three four five six seven eight nine ten eleven twelve twenty hundred")
# Words that open a verb's object: a title followed by one ended on a verb ("takes | its way").
OBJECT_OPENERS = _words("a an the his her its our their my your this these those him them me us it")
# Words that open a clause of its own: a point may end before one and still be whole.
CLAUSE_OPENERS = {
    "en": _words(
        """and but or nor yet so because while although though whereas since unless until
        when whenever where which who whom whose that if as"""
    ),
    "es": _words(
        "y e o u pero sino porque cuando donde que quien quienes cual cuales aunque mientras si"
    ),
}
# A clause opening with one of these waits for its main clause.
SUBORDINATORS = {
    "en": _words("when whenever if unless because although though while whereas since until"),
    "es": _words("cuando si aunque porque mientras"),
}
COORDINATORS = {"en": _words("and or nor"), "es": _words("y e o u ni")}
# After "and", these open a phrase like the one before, not a clause: "of the first | and of
# the last ages", "the king | and the noble".
PHRASE_OPENERS = {
    "en": _words("of in on at to for with by from into the a an his her its their our my your"),
    "es": _words("de del en con por para"),  # "y la herramienta permite…": a clause
}
RELATIVES = _words("which whom whose que cual cuales quien quienes")
_QUOTES = str.maketrans("‘’“”«»", '\'\'""""')
_WORD = re.compile(r"[\w'’-]+")


# Where a block of the essay ends: a blank line, or a line opening a heading, a list item or a
# quotation (a list item's words never run on into the next item's).
_BLOCK = re.compile(r"\n\s*\n|\n(?=\s*(?:[#>*+-]|\d+[.)])\s)")


# An address is never said, nor the word that points at it ("the issue reported at <https://…>",
# "started on https://…"): the phrase ends there.
_ADDRESS = re.compile(
    r"(?:\s+(?:at|on|in|from|see|via|here))?\s*<?(?:https?://|www\.)[^\s>]+>?", re.IGNORECASE
)


def _flat(text: str) -> str:
    text = _ADDRESS.sub(" ¶ ", _BLOCK.sub(" ¶ ", text.translate(_QUOTES)))
    return " ".join(text.split()).lower()


def _last_word(text: str) -> str:
    found = _WORD.findall(text.translate(_QUOTES))
    return found[-1].lower().strip("'-") if found else ""


@cache
def _noun_capable(word: str) -> bool | None:
    """Whether the lexicon has a noun reading for the word; None for a word it does not know (a
    name, a coinage: taken as a noun)."""
    from lemminflect import getAllLemmas

    readings = getAllLemmas(word)
    if not readings:
        return None
    return "NOUN" in readings or "PROPN" in readings


def _followers(phrase: str, essay: str) -> list[str]:
    """What follows each place the phrase stands in the essay (up to the next word's end)."""
    flat, wanted = _flat(essay), _flat(phrase)
    if not wanted:
        return []
    pattern = re.compile(r"(?<!\w)" + re.escape(wanted) + r"(?!\w)")
    return [flat[m.end() : m.end() + 40] for m in pattern.finditer(flat)]


def _next_word(after: str) -> str:
    """The word right after a phrase, when nothing but a space stands between them."""
    found = re.match(r" (\w[\w'’-]*)", after)
    return found.group(1) if found else ""


def fragment_title(title: str, essay: str, language: str) -> bool:
    """A part's title that is no whole phrase: it ends on a function word, its last word can be
    no noun (English), or every place it stands in the essay goes on into a verb's object."""
    last = _last_word(title)
    if not last or last in FUNCTION_WORDS.get(language, frozenset()):
        return True
    words = _WORD.findall(title)
    proper = words[-1][:1].isupper() and len(words) > 1  # "Old Marlborough Road"
    counted = len(words) > 1 and words[-2].lower() in NUMBERS  # "four o'clock"
    if (
        language == "en"
        and not (proper or counted or last.isdigit())
        and _noun_capable(last) is False
    ):
        return True
    followers = _followers(title, essay)
    if not followers:
        bare = re.sub(r"^(the|a|an)\s+", "", title, flags=re.IGNORECASE)
        followers = _followers(bare, essay)
    return bool(followers) and all(_next_word(f) in OBJECT_OPENERS for f in followers)


def cut_point(point: str, essay: str, language: str) -> bool:
    """A point that is no whole thought: a bracket or quotation left open; or, where it stands
    in the essay, its words going straight on (no punctuation) into the same phrase rather than
    into a clause of its own, or any words at all after a function word ("I have met with |
    but one or two persons"), or an "and" joining a phrase like its last one ("of the first |
    and of the last ages"); or a list cut after its first items ("ten, fifteen, twenty |
    , fifty miles"), or a subordinate clause cut from its main clause ("When you have life in
    yourself | , …"); or, found nowhere as written, a function word at its end."""
    text = point.translate(_QUOTES).rstrip()
    if text.count("(") > text.count(")") or text.count('"') % 2:
        return True
    if text.endswith((".", "!", "?", '."', '!"', '?"', "…")):
        return False  # it ends where its sentence does
    followers = _followers(" ".join(point.split()[-4:]), essay)
    if not followers:
        return _last_word(point) in FUNCTION_WORDS.get(language, frozenset())
    openers = CLAUSE_OPENERS.get(language, frozenset())
    waiting = _last_word(point) in FUNCTION_WORDS.get(language, frozenset())
    stretches = text.split(",")
    listed = len(stretches) > 2 and all(len(x.split()) <= 2 for x in stretches[-2:])
    listed = listed and _WORD.findall(stretches[-1])[:1] not in (["and"], ["or"], ["y"], ["o"])

    first = _WORD.findall(text)[:1]
    subordinate = bool(first) and first[0].lower() in SUBORDINATORS.get(language, frozenset())

    def cut(after: str) -> bool:
        word = _next_word(after)
        if not word:
            # "When you have life in yourself | , …": a clause that waits for its main one
            return (listed or subordinate) and after.startswith(", ")
        if waiting:
            return True  # "I have met with | but one or two persons"
        second = _next_word(after[len(word) + 1 :])
        if word in COORDINATORS.get(language, frozenset()):
            # "between the great men of the first | and of the last ages": two phrases
            return second in PHRASE_OPENERS.get(language, frozenset())
        return word not in openers and second not in RELATIVES  # "the place | to which"

    return all(cut(f) for f in followers)
