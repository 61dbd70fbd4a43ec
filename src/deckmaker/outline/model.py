"""The outline as typed, immutable data: what the user wrote, validated, nothing derived."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    """A slide bullet, with at most one level of sub-points."""

    text: str
    points: tuple[str, ...] = ()
    # The opening words of the script's sentence this point was taken from, so that a planner
    # can show the point while that sentence is said. Imported points carry one; the loader
    # checks that it occurs in the segment's script. Words rather than a sentence number, so
    # editing the script elsewhere never moves an anchor silently, and a stale one is caught.
    said: str | None = None


@dataclass(frozen=True)
class Quote:
    """Words quoted from someone, shown on a slide of their own and introduced in the script
    as theirs."""

    text: str
    attribution: str | None = None  # who said or wrote it
    # The opening words of the script's sentence from which it is on screen, as `Point.said`:
    # where an essay quoted it. None: after the segment's points.
    said: str | None = None


@dataclass(frozen=True)
class Code:
    """A block of source code, shown on a code slide exactly as written (case, quotes,
    indentation) and never read aloud: the words said over it are the script's around it."""

    text: str  # its lines, indentation kept; no blank line at either end
    language: str | None = None  # a Pygments lexer name ("python", "js"); None: not highlighted
    said: str | None = None  # as `Quote.said`


@dataclass(frozen=True)
class Table:
    """A table, shown as a native table slide with its header row marked as one."""

    header: tuple[str, ...]  # the column headings
    rows: tuple[tuple[str, ...], ...]  # each as many cells as the header; a cell may be ""
    said: str | None = None  # as `Quote.said`


@dataclass(frozen=True)
class Column:
    """One side of a two-column slide: an optional heading over its points."""

    title: str | None = None
    points: tuple[Point, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A stretch of the talk: the opening, a section, or the closing."""

    title: str | None = None
    points: tuple[Point, ...] = ()
    script: str | None = None  # the host's own words; None means "speak from the points"
    notes: tuple[str, ...] = ()  # delivery notes: how to say it, never read aloud
    quotes: tuple[Quote, ...] = ()  # other people's words, each on a slide of its own
    image: str | None = None  # a picture's path, resolved against the outline's folder
    image_alt: str | None = None  # what the picture shows, for those who cannot see it
    columns: tuple[Column, ...] = ()  # two columns side by side, or none
    code: tuple[Code, ...] = ()  # code blocks, each on a code slide (or several, when long)
    tables: tuple[Table, ...] = ()  # tables, each on a table slide (or several, when long)
    # Paragraphs an essay condensed to a target left out (or kept only in part), in full and in
    # order: never said nor shown, kept so the author can put one back by copying it.
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """Where the user wrote something: the field's path and its line in the outline file."""

    field: str
    line: int


@dataclass(frozen=True)
class Outline:
    title: str
    sections: tuple[Segment, ...]
    subtitle: str | None = None
    host: str | None = None
    author: str | None = None  # who wrote it, credited when it is not the host
    greeting: str | None = None
    signoff: str | None = None
    wpm: int | None = None
    intro: Segment | None = None
    outro: Segment | None = None
    theme: str | None = None  # a .pptx/.potx path, resolved against the outline's folder, or a name
    footer: str | None = None  # text along the foot of every slide but the cover
    voice: str | None = None  # the name of a voice template: video, talk, podcast
    duration: int | None = None  # seconds the talk should run, to warn when it does not
    hosts: tuple[str, ...] = ()  # the two speakers of a dialogue script
    language: str | None = None  # the code of the language deckmaker speaks in: "en", "es"…
    curly_quotes: bool = False  # the words said curled (’ “ ”) as on the slides, not straight
    pace: int | None = None  # seconds a slide may stay up at most (`pace: 75s`, `1:15`)
    reveal: bool = False  # each bullet appears on a click, when it is said
    # What an essay's front matter or byline says of it that is no part of the talk (its date,
    # tags, where it was published), as (key, text) pairs in the order written.
    metadata: tuple[tuple[str, str], ...] = ()
    # Lines for the episode description, never said: an essay's footnotes, the addresses of its
    # links, its thanks to reviewers.
    show_notes: tuple[str, ...] = ()
    # The voices that read the talk aloud (--format audio), one per host; `deckmaker voices`.
    voices: tuple[str, ...] = ()
    # Names the voices should say otherwise than written: (written, said), audio only.
    pronounce: tuple[tuple[str, str], ...] = ()
    source: str = "<outline>"  # the file it came from, for messages
    # Where each text was first written, so a later stage can point at the line that needs
    # changing (a title too long for any type size is found only when the slides are planned).
    places: Mapping[str, Place] = field(default_factory=dict, compare=False, repr=False)
    # What reading it found worth a warning though nothing failed: characters no artifact can
    # hold, each replaced by "�" (`deckmaker.characters`), with where they were.
    warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)
