"""The talk on the clock, as every script format reads it: the parts of the talk and each
slide's cue with its start time, so a cue in the teleprompter, a caption and a chapter all
agree with the Markdown script."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from deckmaker.planning import Kind, Part, Plan, SlidePlan
from deckmaker.planning.model import CLICK

_CLICK = re.compile(rf"(?:\s*{re.escape(CLICK)})+\s*")  # a run of marks: two bullets said at once


@dataclass(frozen=True)
class Cue:
    """A slide with its place on the clock: `[SLIDE N]` and when to show it."""

    slide: SlidePlan
    start: int  # seconds into the recording
    seconds: int
    hosts: tuple[str, ...] = ()  # the talk's two hosts, if it has two

    @property
    def voices(self) -> tuple[str, ...]:
        """Who says each paragraph, by name, in a talk of two hosts (as the plan shares them
        out); empty names in a talk of one."""
        speakers = self.slide.speakers
        if len(self.hosts) != 2 or len(speakers) != len(self.slide.spoken):
            return ("",) * len(self.slide.spoken)
        return tuple(self.hosts[host] for host in speakers)

    @property
    def number(self) -> int:
        return self.slide.number

    @property
    def kind(self) -> str:
        return self.slide.kind.value

    @property
    def title(self) -> str:
        return self.slide.title

    @property
    def spoken(self) -> tuple[str, ...]:
        return self.slide.spoken

    @property
    def notes(self) -> tuple[str, ...]:
        return self.slide.notes

    @property
    def words(self) -> int:
        return self.slide.words

    @property
    def clicks(self) -> int:
        return self.slide.clicks


def without_clicks(text: str) -> str:
    """What is said, for the formats that show no `[CLICK]` (captions) and the voice's macros:
    the marks gone, and no doubled or stray space where one stood."""
    return _CLICK.sub(" ", text).strip()


@dataclass(frozen=True)
class TimedPart:
    """A part of the talk with its place on the clock, for the template."""

    part: Part
    number: int  # sections count from 1; the opening and the closing are 0
    start: int  # seconds into the recording
    seconds: int
    slides: tuple[Cue, ...]

    @property
    def kind(self) -> str:
        return self.part.kind.value

    @property
    def title(self) -> str | None:
        return self.part.title

    @property
    def chapter(self) -> str:
        return self.part.chapter

    @property
    def words(self) -> int:
        return self.part.words


def timeline(plan: Plan) -> list[TimedPart]:
    """Each part with its section number, its place on the clock and its timed cues."""
    numbers = itertools.count(1)
    cues = iter(
        Cue(slide, start, seconds, plan.hosts)
        for slide, (start, seconds) in zip(plan.slides, plan.slide_timings, strict=True)
    )
    return [
        TimedPart(
            part,
            next(numbers) if part.kind is Kind.SECTION else 0,
            start,
            seconds,
            tuple(next(cues) for _ in part.slides),
        )
        for part, (start, seconds) in zip(plan.parts, plan.timings, strict=True)
    ]
