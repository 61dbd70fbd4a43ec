"""How the outline's titles and points are said aloud, mid-sentence.

A title is written for a slide, in Title Case, often with a subtitle after a colon. Said in a
sentence it becomes a name: the part before the colon, with capitals kept only where the author
keeps them in running prose (names such as "La La Land", acronyms such as "REM", words with
inner capitals such as "iPhone") and lowered everywhere else. So "The 'What If' Montage: A Dream
Realized, Briefly" is said as "the 'what if' montage".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deckmaker.outline import Outline, Point, Segment

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;]['\"’”)\]]*\s+|\n)$")
_TRAILING = ".,:;"


@dataclass(frozen=True)
class Topic:
    """A section as the voice templates talk about it."""

    number: int  # 1-based; 0 for the intro and the outro
    title: str  # as written, for slides and labels
    name: str  # as said mid-sentence
    points: tuple[Point, ...]  # as said mid-sentence: no trailing stop, no needless capital
    order: int  # place in the talk (intro 0, sections 1…n, outro n+1), to vary the wording


@dataclass(frozen=True)
class Talk:
    """The talk as a whole, as the voice templates talk about it."""

    title: str
    name: str  # as said mid-sentence
    subtitle: str | None
    host: str | None
    hosts: tuple[str, ...]
    topics: tuple[Topic, ...]


def talk(outline: Outline, proper: frozenset[str]) -> Talk:
    return Talk(
        outline.title,
        spoken_title(outline.title, proper, whole=True),
        outline.subtitle,
        outline.host,
        outline.hosts,
        topics(outline, proper),
    )


def proper_words(outline: Outline) -> frozenset[str]:
    """Words the author capitalises where no sentence starts: names, not Title Case."""
    segments = [s for s in (outline.intro, *outline.sections, outline.outro) if s]
    texts: list[str] = [outline.greeting or "", outline.signoff or ""]
    for seg in segments:
        texts.append(seg.script or "")
        texts += [t for p in seg.points for t in (p.text, *p.points)]
        if seg.quote:
            texts.append(seg.quote.text)
    found = {"I"}
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group()
            if word[0].isupper() and not _SENTENCE_START.search(text[: match.start()]):
                found.add(_stem(word))
    return frozenset(found)


def topics(outline: Outline, proper: frozenset[str]) -> tuple[Topic, ...]:
    return tuple(topic(n, n, s, proper) for n, s in enumerate(outline.sections, 1))


def topic(
    number: int, order: int, seg: Segment, proper: frozenset[str], title: str = ""
) -> Topic:
    title = seg.title or title
    return Topic(number, title, spoken_title(title, proper), spoken_points(seg, proper), order)


def spoken_title(title: str, proper: frozenset[str], whole: bool = False) -> str:
    """The title as said mid-sentence: the part before a colon (all of it when `whole`), with
    capitals only where they are names."""
    head, sep, _ = title.partition(": ")
    main = head if sep and head.strip() and not whole else title
    return _lowered(main.strip().rstrip(_TRAILING), proper, every_word=True)


def spoken_points(seg: Segment, proper: frozenset[str]) -> tuple[Point, ...]:
    return tuple(
        Point(spoken_phrase(p.text, proper), tuple(spoken_phrase(s, proper) for s in p.points))
        for p in seg.points
    )


def spoken_phrase(text: str, proper: frozenset[str]) -> str:
    """A point said after "First," or in a list: its first word lowered unless it is a name."""
    return _lowered(text.strip().rstrip(_TRAILING), proper, every_word=False)


def _lowered(text: str, proper: frozenset[str], every_word: bool) -> str:
    def lower(match: re.Match[str]) -> str:
        word = match.group()
        keep = (
            word[0].islower()
            or _stem(word) in proper
            or any(c.isupper() for c in word[1:])  # REM, iPhone, McKay
        )
        return word if keep else word.lower()

    return _WORD.sub(lower, text) if every_word else _WORD.sub(lower, text, count=1)


def _stem(word: str) -> str:
    """"Land's" is the name "Land", and "I'd" is "I"."""
    return re.split(r"['’]", word, maxsplit=1)[0]
