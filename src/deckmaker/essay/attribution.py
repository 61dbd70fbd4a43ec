"""Who a block quote is from, when the quote itself does not say: the line that introduces it.

Essays introduce someone else's words in the sentence before them: "Kelsey:", "As Kelsey put
it:", "The ABI tells us what to do here, in section 3.2.3:", "Según la documentación:". That
sentence ends on a colon and names the speaker before a verb of saying (or after "according
to"). A quote nobody is named for, introduced by "I wrote:" or by nothing, is the author's own
aside (a note, a callout): said as the author's words, never shown as a quotation.
"""

from __future__ import annotations

import re

from deckmaker.words import word_set

SPEAKER_WORDS = 6  # a speaker's name is a short phrase: "The ABI", "the Rust reference"
# Verbs that introduce someone's words, in the languages with voices.
_SAYING = re.compile(
    r"\b(?:says?|said|saying|writes?|wrote|written|tells?|told|puts?\s+it|notes?|noted|"
    r"explains?|explained|states?|stated|argues?|argued|repl(?:y|ies|ied)|tweets?|tweeted|"
    r"asks?|asked|reads?|observes?|observed|remarks?|remarked|recalls?|recalled|describes?|"
    r"described|warns?|warned|dice|dijo|escribe|escribió|explica|explicó|afirma|afirmó|"
    r"señala|señaló|advierte|advirtió|cuenta|contó)\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\b(?:according\s+to|in\s+the\s+words\s+of|según)\s+", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;()—–]|\s-\s|\b(?:and|but|so|y|pero)\s", re.IGNORECASE)
# Words that stand for the author, the reader or someone named earlier: no name of its own.
_PRONOUNS = word_set(
    """i we you he she they it this that these those one someone somebody everyone people
    yo nosotros nosotras tú usted ustedes él ella ellos ellas esto eso alguien"""
)
_LEADS = word_set("as here's here is how what como así")


def introduced(previous: str) -> str | None:
    """Who the quote after `previous` (the paragraph before it) is from, when its last
    sentence introduces it: "Kelsey:" alone, or a speaker named before a verb of saying or
    after "according to", ending on a colon. None when it names nobody but the author."""
    text = previous.rstrip()
    if not text.endswith(":"):
        return None
    words = text.removesuffix(":").split()
    if 0 < len(words) <= 3 and words[0][:1].isupper() and not _SAYING.search(text):
        return " ".join(words)
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    if found := _ACCORDING.search(last):
        return _speaker(_CLAUSE.split(last[found.end() :])[0].rstrip(":"), first=True)
    if found := _SAYING.search(last):
        return _speaker(_CLAUSE.split(last[: found.start()])[-1])
    return None


def _speaker(phrase: str, first: bool = False) -> str | None:
    """The name in `phrase` (the words before a verb of saying, or after "according to"):
    a short phrase that is no pronoun, its leading "As" dropped."""
    words = phrase.split()
    while words and words[0].lower().strip("'’") in _LEADS:
        words = words[1:]
    if first:
        words = words[:SPEAKER_WORDS]
    if not words or len(words) > SPEAKER_WORDS:
        return None
    if any(w.lower().strip(".,'’") in _PRONOUNS for w in words[-1:]):
        return None
    return " ".join(words)
