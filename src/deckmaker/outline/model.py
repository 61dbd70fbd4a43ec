"""The outline as typed, immutable data: what the user wrote, validated, nothing derived."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    """A slide bullet, with at most one level of sub-points."""

    text: str
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A stretch of the talk: the opening, a section, or the closing."""

    title: str | None = None
    points: tuple[Point, ...] = ()
    script: str | None = None  # the host's own words; None means "speak from the points"
    notes: tuple[str, ...] = ()  # delivery notes: how to say it, never read aloud


@dataclass(frozen=True)
class Outline:
    title: str
    sections: tuple[Segment, ...]
    subtitle: str | None = None
    host: str | None = None
    greeting: str | None = None
    signoff: str | None = None
    wpm: int | None = None
    intro: Segment | None = None
    outro: Segment | None = None
    source: str = "<outline>"  # the file it came from, for messages
