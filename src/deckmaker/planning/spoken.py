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
from collections import Counter
from dataclasses import dataclass

from deckmaker.filters import join_and
from deckmaker.outline import Outline, Point, Segment
from deckmaker.planning.model import evolve
from deckmaker.sentences import spans
from deckmaker.typography import looks_like_code

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# The words of `_WORD` that may start with a capital: the same matches, less those that start
# with a lower-case ASCII letter, found without visiting each of a long script's words in Python.
# Its first letter first, then what may not come before it (a letter, or a letter and an
# apostrophe): a pattern that starts on a set of letters is searched for quickly.
_CAPITAL_WORD = re.compile(
    r"[^\W\d_a-z](?<![^\W\d_].)(?<![^\W\d_]['’].)[^\W\d_]*(?:['’][^\W\d_]+)*"
)
_WORD_START = r"(?<![^\W\d_])(?<![^\W\d_]['’])"  # no letter, or letter and apostrophe, before
# Where a capital says nothing about a word, besides a sentence's start: after a colon or a
# semicolon, or at the start of a line.
_CLAUSE_START = re.compile(r"[:;]['\"’”)\]]*\s+(?=\S)|\n(?=\S)")
_OPENING_MARKS = "\"'“‘«([¿¡"
_TRAILING = ".,:;"
# A title's closing label, "…, Explained" or "…, Revisited": a word for the thumbnail, not for
# saying mid-sentence ("today we're talking about sleep", not "about sleep, explained").
_LABEL = re.compile(r",\s+[A-Z][a-z]+ed$")
# A generic label before a title's words ("Step 1: Prepare the soil", "Part II — The Fall",
# "Chapter 3. Home", "Paso 2: …", "1. Intro"): said, it names nothing, so the words after it
# are the name.
_GENERIC = re.compile(
    r"^(?:(?:step|part|chapter|section|lesson|stage|phase|paso|parte|cap[ií]tulo|secci[oó]n|"
    r"lecci[oó]n|etapa|fase)\s+(?:\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|un[oa]|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)|\d+)\s*(?:[:.)—–-]|\s-)\s*(?=\w)",
    re.I,
)
# An essay's "On the Duty of …" or "Sobre la …": said mid-sentence, the "on" goes ("today
# we're looking at the duty of …", not "looking at on the duty of …").
_ESSAY_ON = re.compile(r"^(?:On|Sobre)\s+(?=(?:the|la|el|los|las|lo)\s)", re.I)
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
    talk: str = ""  # the talk's title, so that wording varies from talk to talk
    voice: str = ""  # the voice it is said in (video, talk, podcast), for its own ways in


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
    asks: str = ""  # the subtitle when it is a question, for the recap to come back to
    hook: str = ""  # the intro's gist: its first point that reads aloud as written


def talk(outline: Outline, proper: frozenset[str]) -> Talk:
    intro = topic(0, 0, outline.intro, proper) if outline.intro else None
    subtitle = (outline.subtitle or "").strip()
    return Talk(
        outline.title,
        spoken_title(outline.title, proper, language_of(outline)),
        outline.subtitle,
        _question(outline),
        outline.host,
        outline.hosts,
        topics(outline, proper),
        outline.author if outline.author not in (outline.host, *outline.hosts) else None,
        asks=subtitle if subtitle.endswith("?") else "",
        hook=intro.gist if intro else "",
    )


def language_of(outline: Outline) -> str:
    """The language the outline's own words are in (deckmaker.words' guess: English or
    Spanish), for an outline that does not say with `language:`."""
    return outline.language or detected_language(outline)


def detected_language(outline: Outline) -> str:
    """The language deckmaker knows (`deckmaker.words.LANGUAGES`) that the outline's own words
    look most like."""
    from deckmaker.words import detect_language

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
    found: Counter[str] = Counter()
    runs = {"I"}  # words of a run of capitalised ones ("Society for … Useful Knowledge")
    for text in texts:
        starts = _starts(text)
        last = (-2, "")  # where the last capitalised word ended, and its stem
        for match in _CAPITAL_WORD.finditer(text):
            word = match.group()
            if word[0].isupper() and match.start() not in starts:
                found[_stem(word)] += 1
                if match.start() == last[0] + 1:
                    runs.update((last[1], _stem(word)))
                last = (match.end(), _stem(word))
    # A lone word the author writes lower-case more often than capitalised mid-sentence is no
    # name: a stray "honor, We must" does not make "we" one.
    lower = _written_lower({w.lower() for w in found}, " ".join(texts))
    return frozenset({*runs, *(w for w, n in found.items() if n >= lower[w.lower()])})


def _written_lower(wanted: set[str], text: str) -> Counter[str]:
    """How often each word of `wanted` that starts with a lower-case ASCII letter is written
    in `text` as a word of its own (`_WORD`), or as one's stem (`_stem`): only those are
    looked for, not every word of a long talk."""
    wanted = {w for w in wanted if "a" <= w[:1] <= "z"}
    if not wanted:
        return Counter()
    alternatives = "|".join(map(re.escape, sorted(wanted)))
    pattern = f"{_WORD_START}(?:{alternatives})(?![^\\W\\d_])"
    return Counter(re.findall(pattern, text))


def topics(outline: Outline, proper: frozenset[str]) -> tuple[Topic, ...]:
    return tuple(
        evolve(topic(n, n, s, proper), talk=outline.title)
        for n, s in enumerate(outline.sections, 1)
    )


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
    """The first point with no sub-points (else any) that reads aloud as written and fits
    after "Then, the section's name:": a point that is a web address or code would be said as
    something else, and one with a colon of its own, or a quote or bracket it does not close
    (a sentence cut from a longer one), makes a sentence no one would say."""
    readable = [
        (p, s.text)
        for p, s in zip(written, said, strict=True)
        if not _URL.search(p.text) and "`" not in p.text and _whole(s.text)
    ]
    plain = [text for p, text in readable if not p.points]
    return (plain or [text for _, text in readable] or [""])[0]


def _whole(text: str) -> bool:
    """A phrase with no colon of its own and every quote, bracket, ¿? and ¡! closed."""
    pairs = (("“", "”"), ("(", ")"), ("¿", "?"), ("¡", "!"))
    return (
        ": " not in text
        and text.count('"') % 2 == 0
        and all(text.count(a) == text.count(b) for a, b in pairs if a in text or b in text)
    )


def spoken_title(title: str, proper: frozenset[str], clauses_in: str | None = None) -> str:
    """The title as said mid-sentence: the part before a colon (a subtitle after it is for the
    slide) and before a closing ", Explained"-like label, with capitals only where they are
    names. With `clauses_in` (a language), a title that is a sentence ("Go will be at OSCON")
    is said in quotes, as written: "we're diving into Go will be at OSCON" is no sentence."""
    title = _GENERIC.sub("", title) or title
    head, sep, _ = title.partition(": ")
    main = (head if sep and head.strip() else title).strip().rstrip(_TRAILING)
    main = _LABEL.sub("", main) or main
    main = _ESSAY_ON.sub("", main) or main
    if clauses_in and not main.endswith("?"):
        from deckmaker.grammar import AUXILIARIES

        if AUXILIARIES.get(clauses_in, frozenset()) & set(_WORD.findall(main.lower())):
            return f"'{main}'"  # "Errors are values", "Go will be at OSCON"
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
    names = _names(text, proper) if every_word else set()

    def lower(match: re.Match[str]) -> str:
        word = match.group()
        keep = (
            word[0].islower()
            or _stem(word) in proper
            or any(c.isupper() for c in word[1:])  # REM, iPhone, McKay
            or match.start() in names
            or _before_name(text, match.end(), proper)  # "Josh" of "Josh Triplett"
        )
        return word if keep else word.lower()

    return _WORD.sub(lower, text) if every_word else _WORD.sub(lower, text, count=1)


def _before_name(text: str, end: int, proper: frozenset[str]) -> bool:
    """Whether the word ending at `end` is followed by a name's word: "Josh" before "Triplett"
    is a first name, not a word to lower; "Encouraging" before "Mia", a verb ("-ing", "-ed",
    "-ly") or a short word before a name ("With Mia"), is no first name."""
    word = [w.lower() for w in _WORD.findall(text[:end])[-1:]]
    if not word or word[0].endswith(("ing", "ed", "ly")) or word[0] in _NOT_FIRST_NAMES:
        return False
    after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return bool(after and after.group()[0].isupper() and _stem(after.group()) in proper)


_NOT_FIRST_NAMES = frozenset({
    "a", "an", "the", "to", "for", "from", "with", "without", "into", "onto", "upon",
    "about", "after", "before", "until", "than", "then", "when", "where", "while", "what",
    "why", "how", "who", "whom", "meet", "ask", "call", "tell", "let", "make", "give",
    "show", "watch", "hear", "see", "take", "find", "join", "follow", "help", "thank",
    "thanks", "like", "unlike", "dear", "and", "or", "but", "so", "as", "at", "by", "in",
    "on", "of", "is", "was"
})  # fmt: skip
# Two or more capitalised words ending in a possessive: "La La Land's", "New York's". In a
# Title Case title they are a name (a single "Today's" may be Title Case alone).
_POSSESSIVE_NAME = re.compile(r"(?:\b[A-Z][^\W\d_]*\s+)+[A-Z][^\W\d_]*['’]s\b")
_TITLE_WORDS = frozenset(
    ["A", "An", "The", "Of", "In", "On", "For", "And", "Or", "To", "With", "At", "By", "From"]
)


def _names(text: str, proper: frozenset[str]) -> set[int]:
    """Where the words of a name in a title start, when the title alone shows it is one."""
    found: set[int] = set()
    for run in _POSSESSIVE_NAME.finditer(text):
        words = list(_WORD.finditer(run.group()))
        while words and words[0].group() in _TITLE_WORDS:
            words.pop(0)
        if len(words) >= 2:
            found.update(run.start() + w.start() for w in words)
    return found


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
    return word.split("'", 1)[0].split("’", 1)[0]
