"""Words that point back: what a sentence leans on of what was said before it.

A condensed essay must not keep a sentence whose antecedent was cut ("This", "But", "He",
"However", "As I said above"). These are the rules that tell, word by word, in English and
Spanish; `deckmaker.essay.condense` keeps such a sentence only with the one it leans on.
"""

from __future__ import annotations

import re

from deckmaker.essay.speech import speakable
from deckmaker.grammar import AUXILIARIES
from deckmaker.words import word_set, words

# Words that, opening a sentence, point at the sentence before it.
BACK_WORDS = {
    "en": word_set(
        """this that these those he she it they him her his its their them such but however
        yet so also and or nor still thus therefore hence moreover furthermore besides instead
        otherwise likewise similarly then again indeed accordingly consequently nevertheless
        nonetheless meanwhile afterwards here there's thither thence therein whereupon now
        yes"""
    ),
    "es": word_set(
        """esto eso aquello este esta estos estas ese esa esos esas aquel aquella él ella ellos
        ellas ello su sus pero y o ni también además así entonces luego incluso asimismo
        tampoco aun"""
    ),
}
# Openings of more than one word that point back the same way.
BACK_PHRASES = {
    "en": (
        "for example", "for instance", "in fact", "in other words", "on the other hand",
        "in contrast", "in addition", "as a result", "after all", "of course", "even so",
        "at the same time", "the former", "the latter", "by contrast", "that said",
        "not only that", "what's more", "to do so", "to do this", "no doubt", "e g", "i e",
        "having said that", "in short", "in a word", "in sum", "in brief", "to sum up",
        "all this",
    ),
    "es": (
        "sin embargo", "por eso", "por lo tanto", "por tanto", "en cambio", "por otro lado",
        "por otra parte", "por ejemplo", "es decir", "de hecho", "aun así", "no obstante",
        "en consecuencia", "por ello", "a pesar de ello", "a pesar de eso", "lo anterior",
    ),
}  # fmt: skip
# Words anywhere in a sentence that point further back than the sentence before.
FAR_BACK = {
    "en": re.compile(
        r"\b(?:as (?:I|we) (?:said|mentioned|noted|saw|discussed|argued|explained)"
        r"|as (?:mentioned|noted|discussed|described|explained|shown) (?:above|earlier|before)"
        r"|(?:see|mentioned|described|discussed|shown) above|the above|aforementioned"
        r"|as before|earlier in this)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:como (?:ya )?(?:dije|dijimos|vimos|mencioné|mencionamos|comenté|he dicho)"
        r"|como se (?:dijo|mencionó|vio)|(?:lo|el|la) anterior(?:es)?|más arriba"
        r"|mencionad[oa]s? (?:antes|arriba))\b",
        re.IGNORECASE,
    ),
}
# Words that, early in a sentence, name someone or something said before ("I saw their park",
# "Later botanists confirm his observations", "Round him I must revolve").
EARLY_BACK = {
    "en": word_set("he him his she her hers they them their theirs"),
    "es": word_set("él ella ellos ellas"),
}
EARLY = 6  # words: how early
# A sentence that goes on from the one before by a "then" between commas ("How vain, then,
# have been…", "Why has every man a conscience, then?").
THEN = {"en": re.compile(r",\s+then\b", re.IGNORECASE), "es": re.compile(r",\s+pues\b", re.I)}
# "This", "these" naming a time ("These days, …", "This year …") point at the calendar, not back.
NOW = {
    "en": re.compile(
        r"^(?:this|these|that|those) (?:days?|weeks?|months?|years?|mornings?|evenings?|nights?"
        r"|times?|summers?|winters?|springs?|autumns?|seasons?|decades?|centur(?:y|ies))\b"
    ),
    "es": re.compile(r"^(?:este|esta|estos|estas) (?:días?|semanas?|mes(?:es)?|años?|tiempos?)\b"),
}
# Where an essay was first given or printed, a line before its prose ("From lectures delivered
# at…", "First published in…"): never its hook, and no opening of anything.
PROVENANCE = {
    "en": re.compile(
        r"^\W*(?:from (?:a |an |the )?(?:lectures?|addresse?s?|talks?|speech|sermon|book)\b"
        r"|(?:first |originally )?(?:published|delivered|read|written|printed|given) "
        r"(?:in|at|on|before|as|for)\b)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"^\W*(?:de (?:una |la |el )?(?:conferencia|charla|discurso|libro)\b"
        r"|(?:publicado|leído|escrito|pronunciado) (?:en|ante|como|para)\b)",
        re.IGNORECASE,
    ),
}
SHORTEST = 4  # words: a sentence shorter than this is kept only with the one before it
FRAGMENT = 8  # words: a sentence shorter than this with no verb, or pointing at a thing, too
DEMONSTRATIVES = {
    "en": word_set("this these that those such"),
    "es": word_set("esto eso aquello este esta estos estas ese esa esos esas tal"),
}
_LEAD = "\"'“‘«([¿¡—–-* "


def points_at_a_thing(sentence: str, language: str) -> bool:
    """Whether the sentence says "this", "that", "such" anywhere: in a short one, a thing said
    before ("I see this blood flowing now.")."""
    said = {w.lower() for w in words(speakable(sentence))}
    return bool(said & DEMONSTRATIVES.get(language, DEMONSTRATIVES["en"]))


def points_back(sentence: str, language: str) -> tuple[bool, bool, bool]:
    """Whether the sentence opens on a word that points at the one before (or is someone's
    words in quotation marks, which the sentence before introduces), whether it points further
    back than that, and whether it ends introducing the sentence after it (on a colon or a
    dash)."""
    quoted = sentence.lstrip()[:1] in "“\"«‘'"
    # the rest of a sentence cut at an exclamation ("… of Maine! the young patriot feels")
    running_on = sentence.lstrip(_LEAD)[:1].islower()
    ahead = sentence.rstrip().endswith((":", "—", "–", " -"))
    lowered = speakable(sentence).lstrip(_LEAD).lower().replace("’", "'")
    opening = [w.replace("’", "'") for w in words(lowered)[:4]]
    first = opening[0].split("'")[0] if opening else ""  # "it's": "it"
    head = " ".join(opening)
    asks = len(opening) > 1 and first in AUXILIARIES.get(language, AUXILIARIES["en"])
    early = {w.replace("’", "'") for w in words(lowered)[:EARLY]}
    back = (
        quoted
        or running_on
        or bool(early & EARLY_BACK.get(language, EARLY_BACK["en"]))
        or bool(THEN.get(language, THEN["en"]).search(sentence))
        or asks
        and opening[1] in BACK_WORDS.get(language, BACK_WORDS["en"])  # "Are they…?"
        or first in BACK_WORDS.get(language, BACK_WORDS["en"])
        and not NOW.get(language, NOW["en"]).match(head)
        or any(head.startswith(p) for p in BACK_PHRASES.get(language, BACK_PHRASES["en"]))
    )
    far = bool(FAR_BACK.get(language, FAR_BACK["en"]).search(sentence))
    return back, far, ahead


def is_provenance(sentence: str, language: str) -> bool:
    """Whether the sentence says where the essay was first given or printed."""
    return bool(PROVENANCE.get(language, PROVENANCE["en"]).match(speakable(sentence)))
