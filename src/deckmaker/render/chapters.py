"""Chapters: one per part of the talk, for Podcasting 2.0 JSON and for show notes.

Show notes follow YouTube's rules for description chapters: the first at 0:00, at least three,
in ascending order, each at least ten seconds long. A shorter chapter is merged into its
neighbour and the build says so; with fewer than three left, the list is left out (YouTube would
show none) and the build says that too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deckmaker.filters import clock
from deckmaker.planning import Plan
from deckmaker.render.timeline import TimedPart
from deckmaker.templates import Templates

SHORTEST = 10  # seconds, YouTube's minimum chapter length
FEWEST = 3  # YouTube shows no chapters with fewer


@dataclass(frozen=True)
class Chapter:
    start: int  # seconds
    end: int
    title: str

    @property
    def seconds(self) -> int:
        return self.end - self.start


def chapters(parts: list[TimedPart]) -> list[Chapter]:
    """One chapter per part that takes any time."""
    return [Chapter(p.start, p.start + p.seconds, p.chapter) for p in parts if p.seconds > 0]


def chapters_context(
    plan: Plan, parts: list[TimedPart], templates: Templates
) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"chapters": chapters(parts)}, ()


def show_notes_context(
    plan: Plan, parts: list[TimedPart], templates: Templates
) -> tuple[dict[str, Any], tuple[str, ...]]:
    merged, warnings = youtube_chapters(chapters(parts))
    return {"chapters": merged}, warnings


def youtube_chapters(found: list[Chapter]) -> tuple[list[Chapter], tuple[str, ...]]:
    out = list(found)
    warnings: list[str] = []
    while len(out) > 1 and (short := next((c for c in out if c.seconds < SHORTEST), None)):
        i = out.index(short)
        warnings.append(
            f"show notes: the chapter '{short.title}' runs {short.seconds} s, under YouTube's "
            f"{SHORTEST} s minimum; merged into the chapter "
            + ("after it" if i == 0 else "before it")
        )
        if i == 0:  # the first keeps 0:00 and takes in the next one
            out[0:2] = [Chapter(0, out[1].end, short.title)]
        else:
            out[i - 1 : i + 1] = [Chapter(out[i - 1].start, short.end, out[i - 1].title)]
    if len(out) < FEWEST:
        warnings.append(
            f"show notes: only {len(out)} chapter{'s' if len(out) != 1 else ''} "
            f"({', '.join(clock(c.start) for c in out)}); YouTube shows chapters only when there "
            f"are at least {FEWEST}, so the show notes list none"
        )
        out = []
    return out, tuple(warnings)
