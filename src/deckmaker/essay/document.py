"""An essay as its readers find it: a title, an opening and headed passages of prose.

Both readers (plain text and Markdown) produce this, and one step turns it into an `Outline`, so
the rules for greetings, titles and key points are the same whatever the essay was written in.
"""

from __future__ import annotations

from dataclasses import dataclass

from deckmaker.outline import Code, Quote, Table


@dataclass(frozen=True)
class Listed:
    """A point the essay writes out itself: a list item or a subsection's heading."""

    text: str
    points: tuple[str, ...] = ()
    said: str | None = None  # the words of the prose it goes with


@dataclass(frozen=True)
class Shown:
    """Something the essay shows rather than says (code, a table, someone's words), placed
    after the first `after` paragraphs of its passage."""

    after: int
    item: Code | Table | Quote
    # on screen from the sentence after it, not the one before: the code sits inside that
    # sentence ("the number of times the sequence", code, "shows up.")
    within: bool = False


@dataclass(frozen=True)
class Picture:
    """An image the essay shows: a file beside it, with the words that describe it."""

    path: str
    alt: str


@dataclass(frozen=True)
class Passage:
    """The opening, or a section: the prose under one heading, markup dropped."""

    title: str | None
    line: int  # of the heading (or of the first prose, for the opening)
    paragraphs: tuple[str, ...] = ()
    listed: tuple[Listed, ...] = ()
    shown: tuple[Shown, ...] = ()
    notes: tuple[str, ...] = ()  # for the speaker, never said (a remote picture, a footnote)
    show_notes: tuple[str, ...] = ()  # for the episode's description (links' addresses)
    picture: Picture | None = None


@dataclass(frozen=True)
class Essay:
    title: str | None
    title_line: int | None
    opening: Passage
    sections: tuple[Passage, ...]
    footnotes: tuple[tuple[str, str], ...] = ()  # (mark, text): "[^1]", "[1]", "<sup>1</sup>"
