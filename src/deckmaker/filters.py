"""Filters every template can use, besides Jinja2's own: `ALL` names them.

Each docstring says what the filter does and shows it at work in a `{{ … }}` example, which the
docs' template reference renders through the templates' own environment (a test fails for a
filter without one)."""

from __future__ import annotations

import json as _json
import re
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from deckmaker.characters import CLICK, PAUSE

_END = re.compile(r"[.!?…]['\"’”)\]]*$")


def sentence(text: str) -> str:
    """`text` as a spoken sentence: ends with a stop, a question or an exclamation mark; a
    trailing colon, semicolon or comma gives way to the stop.

    `{{ "Here's the thing:" | sentence }}`, `{{ "Is it ripe?" | sentence }}`"""
    text = str(text).strip().rstrip(",:;").rstrip()
    return text if not text or _END.search(text) else f"{text}."


def join_and(items: Iterable[str], conjunction: str = "and") -> str:
    """A list said as a list: 'a', 'a and b', 'a, b and c'; the conjunction as said before the
    last item (`before`: Spanish "y" is "e" before "Inés").

    `{{ ["Mia", "Sebastian", "Keith"] | join_and }}`, `{{ ["tea", "coffee"] | join_and("or") }}`,
    `{{ ["Lucía", "Inés"] | join_and("y") }}`"""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    said = before(conjunction, items[-1])
    return f"{', '.join(items[:-1])} {said} {items[-1]}"


_LETTERS = re.compile(r"[^\W\d_]+")


def before(conjunction: str, word: str) -> str:
    """A conjunction as said before `word`: the Spanish "y" is "e" before the sound /i/ (i-,
    hi-, but not hie- or hia-, where the sound is /j/), and "o" is "u" before /o/ (o-, ho-);
    every other conjunction as it is.

    `{{ "y" | before("Inés") }}`, `{{ "y" | before("hielo") }}`, `{{ "o" | before("hoy") }}`"""
    first = _LETTERS.search(word)
    said = first.group().lower() if first else ""
    sound = said.removeprefix("h")
    if conjunction == "y" and sound[:1] in ("i", "í") and not said.startswith(("hie", "hia")):
        return "e"
    if conjunction == "o" and sound[:1] in ("o", "ó"):
        return "u"
    return conjunction


def first_upper(text: str) -> str:
    """The first letter capitalised and nothing else touched (Jinja's `capitalize` lowers the
    rest, which would turn "REM" into "Rem"); text opening on code keeps its case.

    `{{ "the REM cycle" | first_upper }}`"""
    from deckmaker.typography import capitalised

    return capitalised(str(text))


_NUMBERS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
]  # fmt: skip
_ORDINALS = [
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth",
]  # fmt: skip


def number_word(n: int) -> str:
    """Small numbers (up to twelve) said as words; larger ones as digits.

    `{{ 3 | number_word }}`, `{{ 14 | number_word }}`"""
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def ordinal(n: int) -> str:
    """An ordinal: words up to the tenth, then digits with their suffix.

    `{{ 3 | ordinal }}`, `{{ 11 | ordinal }}`, `{{ 22 | ordinal }}`"""
    if 0 <= n < len(_ORDINALS):
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pick(choices: Sequence[Any], *keys: object) -> Any:
    """One of `choices`, chosen by a stable hash of `keys` (the talk's title and the section's,
    say): the same keys always pick the same one, and different talks and sections vary.

    `{{ ["Next up", "Now", "Then"] | pick("La La Land", "The ending") }}`"""
    if not choices:
        return ""
    digest = zlib.crc32("\x1f".join(str(k) for k in keys).encode("utf-8"))
    return choices[digest % len(choices)]


def in_turn(choices: Sequence[Any], step: int, *keys: object) -> Any:
    """One of `choices` taken in turn from a start chosen by a stable hash of `keys` (the
    talk's title, say): steps 1, 2, 3… (the sections) never repeat one until all are used, and
    different talks start at different ones.

    `{{ ["Next up", "Now", "Then"] | in_turn(2, "La La Land") }}`"""
    if not choices:
        return ""
    digest = zlib.crc32("\x1f".join(str(k) for k in keys).encode("utf-8"))
    return choices[(digest + step) % len(choices)]


_LEADING_ADVERBS = frozenset({
    "still", "also", "often", "never", "always", "only", "just", "even", "really",
    "quietly", "briefly"
})  # fmt: skip
_OBJECTS = frozenset({
    "a", "an", "the", "us", "you", "them", "him", "her", "it", "me", "our", "their", "his",
    "its", "your", "my", "this", "that", "these", "those", "every", "each", "no", "some",
    "all", "more"
})  # fmt: skip
_NOT_VERBS = frozenset({
    "this", "its", "his", "us", "thus", "yes", "news", "perhaps", "sometimes", "always",
    "various", "whereas", "series"
})  # fmt: skip


def verb_first(text: str) -> bool:
    """Does an English point open on a verb with no subject ("Lifts a simple romance…",
    "Briefly gives us…", "Makes viewers reflect")? Said as a sentence, it needs one.

    `{{ "Makes viewers reflect" | verb_first }}`, `{{ "Dreams cost time" | verb_first }}`"""
    words = [w.strip(",;:").lower() for w in str(text).split()]
    start = 1 if words and (words[0].endswith("ly") or words[0] in _LEADING_ADVERBS) else 0
    if len(words) < start + 2 or not str(text).split()[start][:1].islower():
        return False
    verb, after = words[start], words[start + 1]
    if not verb.endswith("s") or verb.endswith(("ss", "'s", "’s")) or verb in _NOT_VERBS:
        return False
    objects = after in _OBJECTS or (after.endswith("s") and not after.endswith("ss"))
    return bool(start) or objects


def verbless(text: str, language: str = "en") -> bool:
    """Is the point a phrase that says no thought on its own, a thing named but nothing said of
    it ("Five centimetres deep", "The cost of ambition")? Said as a sentence, it needs a verb
    around it; an imperative ("Plant in autumn") has one.

    `{{ "Five centimetres deep" | verbless }}`, `{{ "Plant in autumn" | verbless }}`"""
    from deckmaker.grammar import is_phrase  # only a part said from its points asks

    return is_phrase(str(text), language)


def has_verb(text: str, language: str = "en") -> bool:
    """Does the text have a finite verb, so that it can follow "that" ("we saw that it ends
    well")? An imperative or an infinitive has none.

    `{{ "It ends well" | has_verb }}`, `{{ "plantar en otoño" | has_verb("es") }}`"""
    from deckmaker.grammar import has_finite_verb  # only a recap of points asks

    return has_finite_verb(str(text), language)


_FIRST_PERSON = {"i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
                 "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll"}  # fmt: skip
_FIRST_PERSON_WORD = re.compile(r"\b(?:I['’](?:m|ve|d|ll)|I|me|my|mine|myself)\b", re.I)


def second_person(text: str) -> str:
    """The author's "I" as someone else says it back to them: "what I learned" -> "what you
    learned", "my mistakes" -> "your mistakes" (English).

    `{{ "What I learned from my mistakes" | second_person }}`"""

    def swap(found: re.Match[str]) -> str:
        word = found.group()
        said = _FIRST_PERSON[word.lower().replace("’", "'")]
        said = said.replace("'", "’") if "’" in word else said
        return said.capitalize() if found.start() == 0 else said

    return _FIRST_PERSON_WORD.sub(swap, str(text))


_CLAUSE_MARK = re.compile(r",\s|;\s|\s[–—]\s|:\s")


def last_phrase(text: str, openers: Iterable[str] = ()) -> str:
    """The last stretch of a sentence, after its last comma, semicolon, dash or colon, without
    its closing mark, and without one of `openers` before it ("and", "but").

    `{{ "It's a choice that leads to dreams, and the roads not taken." | last_phrase(["and"]) }}`"""
    tail = _CLAUSE_MARK.split(str(text).strip().rstrip(".!…"))[-1].strip()
    first, _, rest = tail.partition(" ")
    return rest if rest and first.lower() in {o.lower() for o in openers} else tail


def opens_with(text: str, openers: Iterable[str]) -> bool:
    """Does `text` start with one of `openers` (case aside), as whole words?

    `{{ "Okay, let's go" | opens_with(["okay", "so"]) }}`, `{{ "Sorry" | opens_with(["so"]) }}`"""
    start = str(text).lstrip().lower()
    return any(
        start.startswith(o.lower()) and not start[len(o) : len(o) + 1].isalnum() for o in openers
    )


def marked(text: str, words: dict[str, str]) -> str:
    """A paragraph's `[PAUSE]` and `[CLICK]` as the script's `words` write them in the talk's
    language (`pause_mark`, `click_mark`): the plan's marks are the same in every language.

    `{{ "[PAUSE] Hola." | marked({"pause_mark": "[PAUSA]", "click_mark": "[CLIC]"}) }}`"""
    return str(text).replace(PAUSE, words["pause_mark"]).replace(CLICK, words["click_mark"])


def plain(text: str) -> str:
    """Text for places that refuse angle brackets (YouTube descriptions): ‹ and › instead.

    `{{ "Use <b> sparingly" | plain }}`"""
    return str(text).replace("<", "‹").replace(">", "›")


def json(value: object) -> str:
    """A JSON value, with text kept readable (Jinja's `tojson` escapes quotes for HTML).

    `{{ 'Mia said "yes"' | json }}`, `{{ {"start": 0, "title": "Intro"} | json }}`"""
    return _json.dumps(value, ensure_ascii=False)


def srt_time(ms: int) -> str:
    """Milliseconds as SubRip writes a time: HH:MM:SS,mmm.

    `{{ 83250 | srt_time }}`"""
    s, ms = divmod(int(ms), 1000)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02}:{m:02}:{s:02},{ms:03}"


def clock(seconds: int) -> str:
    """Seconds as a clock shows them: m:ss, or h:mm:ss for an hour or more.

    `{{ 95 | clock }}`, `{{ 3725 | clock }}`"""
    h, rest = divmod(int(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02}:{s:02}" if h else f"{m}:{s:02}"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: its bars escaped.

    `{{ "either | or" | cell }}`"""
    return str(text).replace("|", "\\|")


# A "#" opening a line is escaped even with no space after it ("#hashtag"): linters read it
# as a heading missing its space; a ">" opens a quote with or without one. A list's number
# keeps its digits; its stop is escaped.
_BLOCK_START = re.compile(r"^(\s*)(#|>|[+-](?=[\s-]|$)|\\\*|\d+[.)](?=\s|$))")
# A web address, without the stop or bracket that may follow it in a sentence.
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>]*[^\s<>.,;:!?'\")\]’”]")


# What Markdown reads as emphasis, code, strikethrough, a link or an entity, escaped so that the
# author's characters show as typed; so is a closing run of "#", which would end a heading
# early. The script's own marks, [PAUSE] and [CLICK], stay as they are, except where they would
# read as part of a link (after a ")", before a "(", "[" or ":").
_INLINE = re.compile(r"(?<!\))\[(?:PAUSE|CLICK)\](?![(\[:])|[\\`*_~\[\]<]|&(?=#?\w+;)|#+$")


# Whatever `_INLINE` or `_URL` may find starts with one of these.
_SPECIAL = re.compile(r"[\\`*_~\[\]<&#]|://")


def md(text: str) -> str:
    """Text that Markdown will not mistake for a heading, quote, list, rule, emphasis, code,
    link or HTML tag: it shows as typed. A web address becomes an autolink, as Markdown wants
    it (inside one nothing is escaped, nor need be).

    `{{ "# of *stars* [PAUSE] see https://example.com/a_b" | md }}`"""
    text, out, at = str(text), [], 0
    if not _SPECIAL.search(text):  # as most sentences: only a paragraph's opening to check
        return _BLOCK_START.sub(_escaped, text)
    for url in _URL.finditer(text):
        out += [_INLINE.sub(_inline, text[at : url.start()]), f"<{url.group()}>"]
        at = url.end()
    out.append(_INLINE.sub(_inline, text[at:]))
    return _BLOCK_START.sub(_escaped, "".join(out))


def _inline(found: re.Match[str]) -> str:
    text = found.group()
    return text if text[0] == "[" and len(text) > 1 else "".join(f"\\{c}" for c in text)


def _escaped(start: re.Match[str]) -> str:
    indent, mark = start.groups()
    if mark == "\\*":  # already escaped as emphasis
        return start.group()
    return f"{indent}{mark[:-1]}\\{mark[-1]}" if mark[0].isdigit() else f"{indent}\\{mark}"


ALL = {
    "sentence": sentence, "join_and": join_and, "before": before, "clock": clock, "cell": cell,
    "md": md,
    "first_upper": first_upper, "number_word": number_word, "ordinal": ordinal,
    "opens_with": opens_with, "srt_time": srt_time, "plain": plain, "json": json, "pick": pick,
    "in_turn": in_turn,
    "verb_first": verb_first,
    "verbless": verbless,
    "has_verb": has_verb,
    "last_phrase": last_phrase,
    "second_person": second_person,
    "marked": marked,
}  # fmt: skip
