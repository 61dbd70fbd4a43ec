"""How the outline's titles and points are said aloud, mid-sentence.

A title is written for a slide, in Title Case, often with a subtitle after a colon. Said in a
sentence it becomes a name: the part before the colon, with capitals kept only where the author
keeps them in running prose (names such as "La La Land", acronyms such as "REM", words with
inner capitals such as "iPhone") and lowered everywhere else. So "The 'What If' Montage: A Dream
Realized, Briefly" is said as "the 'what if' montage". A one-word title that would lose its
capital ("Tiny") is a label, not a phrase: it is said as written, in quotes ("'Tiny'"), since
"let's start with tiny" sounds like a slip.

A point is said without what cannot be read out: a web address becomes its site ("rhs.org.uk"),
and code marks (backticks) go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from deckmaker.filters import join_and
from deckmaker.outline import Outline, Point, Segment
from deckmaker.sentences import spans
from deckmaker.typography import looks_like_code

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# The words of `_WORD` that may start with a capital: the same matches, less those that start
# with a lower-case ASCII letter, found without visiting each of a long script's words in Python.
_CAPITAL_WORD = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?=[^\W\d_a-z])" + _WORD.pattern)
# Where a capital says nothing about a word, besides a sentence's start: after a colon or a
# semicolon, or at the start of a line.
_CLAUSE_START = re.compile(r"[:;]['\"’”)\]]*\s+(?=\S)|\n(?=\S)")
_OPENING_MARKS = "\"'“‘«([¿¡"
_TRAILING = ".,:;"
# A title's closing label, "…, Explained" or "…, Revisited": a word for the thumbnail, not for
# saying mid-sentence ("today we're talking about sleep", not "about sleep, explained").
_LABEL = re.compile(r",\s+[A-Z][a-z]+ed$")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.I)
_CODE = re.compile(r"`([^`]*)`")


@dataclass(frozen=True)
class Topic:
    """A section as the voice templates talk about it."""

    number: int  # 1-based; 0 for the intro and the outro
    title: str  # as written, for slides and labels
    name: str  # as said mid-sentence
    points: tuple[Point, ...]  # as said mid-sentence: no trailing stop, no needless capital
    order: int  # place in the talk (intro 0, sections 1…n, outro n+1), to vary the wording
    gist: str = ""  # the point a recap says: the first plain one said as written; "" if none


@dataclass(frozen=True)
class Talk:
    """The talk as a whole, as the voice templates talk about it."""

    title: str
    name: str  # as said mid-sentence
    subtitle: str | None
    question: str  # the subtitle when it asks one the intro does not open with; else ""
    host: str | None
    hosts: tuple[str, ...]
    topics: tuple[Topic, ...]
    author: str | None = None  # who wrote it, when that is not the host: credited


def talk(outline: Outline, proper: frozenset[str]) -> Talk:
    return Talk(
        outline.title,
        spoken_title(outline.title, proper),
        outline.subtitle,
        _question(outline),
        outline.host,
        outline.hosts,
        topics(outline, proper),
        outline.author if outline.author not in (outline.host, *outline.hosts) else None,
    )


def language_of(outline: Outline) -> str:
    """The language the outline's own words are in (essay.language's guess: English or
    Spanish), for an outline that does not say with `language:`."""
    from deckmaker.essay.language import detect_language

    if outline.language:
        return outline.language
    segments = [s for s in (outline.intro, *outline.sections, outline.outro) if s]
    texts = [outline.title, outline.subtitle or "", outline.greeting or "", outline.signoff or ""]
    for seg in segments:
        texts += [seg.title or "", seg.script or ""]
        texts += [t for p in seg.points for t in (p.text, *p.points)]
        texts += [q.text for q in seg.quotes]
    return detect_language(" ".join(texts))


def _question(outline: Outline) -> str:
    """A subtitle that asks a question is asked in the greeting, unless the intro's own script
    opens by asking it: the same question twice in a row sounds like a glitch."""
    asked = (outline.subtitle or "").strip()
    if not asked.endswith("?"):
        return ""
    opening = outline.intro.script if outline.intro and outline.intro.script else ""
    return "" if _bare(opening).startswith(_bare(asked)) else asked


def _bare(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def proper_words(outline: Outline) -> frozenset[str]:
    """Words the author capitalises where no sentence starts: names, not Title Case."""
    segments = [s for s in (outline.intro, *outline.sections, outline.outro) if s]
    texts: list[str] = [outline.greeting or "", outline.signoff or ""]
    for seg in segments:
        texts.append(seg.script or "")
        texts += [t for p in seg.points for t in (p.text, *p.points)]
        texts += [q.text for q in seg.quotes]
    found = {"I"}
    for text in texts:
        starts = _starts(text)
        for match in _CAPITAL_WORD.finditer(text):
            word = match.group()
            if word[0].isupper() and match.start() not in starts:
                found.add(_stem(word))
    return frozenset(found)


def topics(outline: Outline, proper: frozenset[str]) -> tuple[Topic, ...]:
    return tuple(topic(n, n, s, proper) for n, s in enumerate(outline.sections, 1))


def topic(number: int, order: int, seg: Segment, proper: frozenset[str], title: str = "") -> Topic:
    title = seg.title or title
    written = said_points(seg)
    points = spoken_points(written, proper)
    gist = _gist(written, points) if seg.points else ""  # a column heading is no gist
    return Topic(number, title, spoken_title(title, proper), points, order, gist)


def said_points(seg: Segment) -> tuple[Point, ...]:
    """The points a segment's spoken lines are made from: its points, else its columns, each
    column a point with its heading first ("before: a and b") so a columns-only section is not
    passed over in silence."""
    if seg.points or not seg.columns:
        return seg.points
    return tuple(
        Point(c.title, tuple(p.text for p in c.points))
        if c.title
        else Point(join_and(p.text for p in c.points))
        for c in seg.columns
        if c.title or c.points
    )


def _gist(written: tuple[Point, ...], said: tuple[Point, ...]) -> str:
    """The first point with no sub-points (else any) that reads aloud as written: a point that
    is a web address or code would be said as something else, which a recap should not do."""
    readable = [
        (p, s.text)
        for p, s in zip(written, said, strict=True)
        if not _URL.search(p.text) and "`" not in p.text
    ]
    plain = [text for p, text in readable if not p.points]
    return (plain or [text for _, text in readable] or [""])[0]


def spoken_title(title: str, proper: frozenset[str]) -> str:
    """The title as said mid-sentence: the part before a colon (a subtitle after it is for the
    slide) and before a closing ", Explained"-like label, with capitals only where they are
    names."""
    head, sep, _ = title.partition(": ")
    main = (head if sep and head.strip() else title).strip().rstrip(_TRAILING)
    main = _LABEL.sub("", main) or main
    said = _lowered(main, proper, every_word=True)
    if said != main and len(_WORD.findall(main)) == 1 and _WORD.fullmatch(main):
        return f"'{main}'"  # a one-word label: "let's start with 'Tiny'", not "with tiny"
    return said


def spoken_points(points: tuple[Point, ...], proper: frozenset[str]) -> tuple[Point, ...]:
    return tuple(
        Point(spoken_phrase(p.text, proper), tuple(spoken_phrase(s, proper) for s in p.points))
        for p in points
    )


def spoken_phrase(text: str, proper: frozenset[str]) -> str:
    """A point said after "First," or in a list: its first word lowered unless it is a name;
    a web address as its site, code without its backticks (and in its own case)."""
    keeps_case = looks_like_code(text.lstrip().split(maxsplit=1)[0]) if text.strip() else False
    text = _CODE.sub(r"\1", _URL.sub(_site, text))
    if keeps_case:
        return text.strip().rstrip(_TRAILING)
    return _lowered(text.strip().rstrip(_TRAILING), proper, every_word=False)


def _site(match: re.Match[str]) -> str:
    """ "https://www.rhs.org.uk/vegetables/…" is said "rhs.org.uk"."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(), flags=re.I)
    return re.split(r"[/?#:]", host, maxsplit=1)[0].lower()


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


def _starts(text: str) -> set[int]:
    """Where each sentence's first word starts (past any opening quote or bracket), as the
    importer splits sentences, and where each clause after a colon or semicolon, or line,
    does."""
    found = {m.end() for m in _CLAUSE_START.finditer(text)}
    for start, end in spans(text):
        found.add(start + len(text[start:end]) - len(text[start:end].lstrip(_OPENING_MARKS)))
    return found


def _stem(word: str) -> str:
    """ "Land's" is the name "Land", and "I'd" is "I"."""
    return re.split(r"['’]", word, maxsplit=1)[0]
