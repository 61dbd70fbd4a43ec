"""An essay as its readers find it: a title, an opening and headed passages of prose.

Both readers (plain text and Markdown) produce this, and one step turns it into an `Outline`, so
the rules for greetings, titles and key points are the same whatever the essay was written in.
"""

from __future__ import annotations

from dataclasses import dataclass

from deckmaker.outline import Quote


@dataclass(frozen=True)
class Listed:
    """A point the essay writes out itself: a list item or a subsection's heading."""

    text: str
    points: tuple[str, ...] = ()
    said: str | None = None  # the words of the prose it goes with


@dataclass(frozen=True)
class Passage:
    """The opening, or a section: the prose under one heading, markup dropped."""

    title: str | None
    line: int  # of the heading (or of the first prose, for the opening)
    paragraphs: tuple[str, ...] = ()
    listed: tuple[Listed, ...] = ()
    quote: Quote | None = None
    notes: tuple[str, ...] = ()  # what is not prose (code), kept for the speaker


@dataclass(frozen=True)
class Essay:
    title: str | None
    title_line: int | None
    opening: Passage
    sections: tuple[Passage, ...]
