"""What a talk's words are made of: their language, their sentences, and the words that carry
meaning.

Sentences are split by deckmaker.sentences, the splitter the planner and the captions use too
(bench/RESULTS.md compares it with pysbd and others on hard cases). Content words are the
snowball stems of the words that are not function words, so "dreams" and "dream", "soñar" and
"sueños" meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from deckmaker.limits import TEXTS_KEPT
from deckmaker.sentences import spans


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words: enough of each language's commonest words to tell the languages apart and to
# leave out of the comparison of sentences. Kept here rather than downloaded (NLTK's lists are a
# data download); snowballstemmer ships stemmers, not stop lists.
STOPWORDS = {
    "en": word_set(
        """a about above after again against all also am an and any are aren't as at be because
        been before being below between both but by can could did didn't do does doesn't doing
        don't down during each even few for from further had has have having he her here hers
        herself him himself his how i i'm if in into is isn't it it's its itself just let's me
        more most my myself no nor not now of off on once only or other our ours ourselves out
        over own really same she should so some such than that that's the their theirs them
        themselves then there there's these they they're this those through to too under until
        up us very was we were what what's when where which while who whom why will with would
        you you're your yours yourself yourselves guys okay ok well"""
    ),
    "es": word_set(
        """a al algo algunos ante antes aquí así aun aunque bien cada como con contra cual cuando
        de del desde donde dos el él ella ellas ellos en entre era eran es esa esas ese eso esos
        esta está están estas este esto estos fue fueron ha han hasta hay la las le les lo los
        más me mi mis muy nada ni no nos nosotros o os otra otro para pero poco por porque qué
        que quien se sea ser si sí sin sobre son su sus también tan te tiene tienen todo todos
        tu tú un una uno unos usted ustedes vez y ya yo bueno pues vale chicos amigos"""
    ),
}
LANGUAGES = tuple(STOPWORDS)
_WORD = re.compile(r"\w+(?:['’]\w+)*")


# A long text's language is judged by this many characters of it, in STRETCHES stretches spread
# through it: a whole book says no more than that about which language it is in.
LANGUAGE_SAMPLE = 24_000
STRETCHES = 8


# Planning asks again and again about the same sentences (each segment's script is aligned
# point by point): each text is judged and stemmed once.
@lru_cache(maxsize=TEXTS_KEPT)
def detect_language(text: str) -> str:
    """The language whose function words the text uses most; English when in doubt."""
    if len(text) > LANGUAGE_SAMPLE:
        step, size = len(text) // STRETCHES, LANGUAGE_SAMPLE // STRETCHES
        text = " ".join(text[i * step : i * step + size] for i in range(STRETCHES))
    words = _lowered(_WORD.findall, text)
    counts = {lang: sum(map(stop.__contains__, words)) for lang, stop in STOPWORDS.items()}
    return max(LANGUAGES, key=lambda lang: (counts[lang], lang == "en"))


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the paragraph it came from
    paragraph: int  # which paragraph of the segment


def split_sentences(paragraphs: tuple[str, ...], language: str) -> list[Sentence]:
    """Every sentence of the paragraphs, in order, with where it starts."""
    return [
        Sentence(paragraph[start:end], start, number)
        for number, paragraph in enumerate(paragraphs)
        for start, end in spans(paragraph, language)
    ]


def words(text: str) -> list[str]:
    """The words of `text` as written (letters and digits, apostrophes inside a word kept)."""
    return _WORD.findall(text)


# Words that open a sentence without adding to it: dropped when a comma or colon ends them.
MARKERS = {
    "en": word_set(
        """okay ok so well alright right now guys folks honestly firstly secondly thirdly
        finally first second third furthermore moreover ultimately however and but also
        perhaps more importantly basically look listen yes no oh indeed instead rather then
        still sure anyway besides plus here's the thing is truth in short other words that
        said to be fair let's honest essentially lastly last least not on note end start begin
        for example instance currently overall of course fact meanwhile additionally again
        similarly likewise these days nowadays today"""
    ),
    "es": word_set(
        """bueno pues así que entonces vale mira chicos amigos además primero segundo tercero
        finalmente sin embargo por otro lado en resumen y pero también quizás claro sí no
        oye verdad ahora luego"""
    ),
}


def strip_markers(text: str, language: str) -> str:
    """Drop leading stretches, ended by a comma or colon, made only of discourse markers."""
    markers = MARKERS[language]
    while True:
        stops = [text.find(mark) for mark in (",", ":") if 0 < text.find(mark) < 40]
        if not stops:
            return text
        head = text[: min(stops)]
        lowered = [w.lower().replace("’", "'") for w in words(head)]
        if not lowered or not all(w in markers for w in lowered):
            return text
        text = text[min(stops) + 1 :].lstrip()


def content_stems(text: str, language: str) -> list[str]:
    """Stems of the words that carry meaning: function words and one-letter words left out."""
    return list(_content_stems(text, language))


@lru_cache(maxsize=TEXTS_KEPT)
def _content_stems(text: str, language: str) -> tuple[str, ...]:
    stop, stem = STOPWORDS[language], _stemmer(language)
    return tuple(stem(w) for w in _lowered(words, text) if w not in stop and len(w) > 1)


def _lowered(split: Callable[[str], list[str]], text: str) -> list[str]:
    """The words `split` finds in `text`, in lower case, with ’ as '. Text whose lowering
    changes only ASCII letters (English, with its dashes and curly quotes) is lowered whole
    first, which finds the same words; other text word by word, as lowering may change what
    counts as a letter (Turkish "İ" lowers to "i" and a combining dot) or depend on the letters
    around (Greek's final sigma)."""
    text = text.replace("’", "'")
    lowered = text.lower()
    if text.isascii() or lowered == text.translate(_ASCII_LOWER):
        return split(lowered)
    return [w.lower() for w in split(text)]


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    import snowballstemmer  # type: ignore[import-untyped]

    name = {"en": "english", "es": "spanish"}[language]
    # snowballstemmer runs the compiled stemmers of PyStemmer (a dependency) when it is
    # installed, the same algorithms ~50x faster; a talk says the same words again and again,
    # so each is stemmed once all the same.
    return lru_cache(maxsize=1 << 16)(snowballstemmer.stemmer(name).stemWord)
