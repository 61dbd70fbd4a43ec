"""Render the plan into the recording script's formats, each through a Jinja2 template.

Every format reads the same timeline: the parts of the talk and each slide's cue with its start
time, so a cue in the teleprompter, a caption and a chapter all agree with the Markdown script.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from deckmaker.planning import Kind, Part, Plan, SlidePlan
from deckmaker.planning.model import CLICK
from deckmaker.templates import Templates


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str  # after the outline's name: talk.script.md
    template: str
    about: str  # for --help and `templates list`
    ending: str = "\n"  # what the file ends with: SubRip closes its last caption with a blank line


FORMATS = {
    f.name: f
    for f in (
        Format("md", ".script.md", "script.md.j2", "the recording script, in Markdown"),
        Format("txt", ".script.txt", "script.txt.j2", "teleprompter text: plain paragraphs"),
        Format("html", ".teleprompter.html", "teleprompter.html.j2", "a teleprompter page"),
        Format("srt", ".srt", "captions.srt.j2", "captions (SubRip)", "\n\n"),
        Format("chapters", ".chapters.json", "chapters.json.j2", "Podcasting 2.0 chapters"),
        Format("show-notes", ".show-notes.txt", "show-notes.txt.j2", "description + chapters"),
        Format("dialogue", ".dialogue.md", "dialogue.md.j2", "the script for two hosts"),
    )
}
_CLICK = re.compile(rf"(?:\s*{re.escape(CLICK)})+\s*")  # a run of marks: two bullets said at once
DEFAULT_FORMAT = "md"
SCRIPT_TEMPLATE = FORMATS[DEFAULT_FORMAT].template


@dataclass(frozen=True)
class Cue:
    """A slide with its place on the clock: `[SLIDE N]` and when to show it."""

    slide: SlidePlan
    start: int  # seconds into the recording
    seconds: int

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
        Cue(slide, start, seconds)
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


@dataclass(frozen=True)
class Rendered:
    text: str
    warnings: tuple[str, ...] = ()


# What each format needs beyond the timeline, worked out only when that format is asked for.
Extra = Callable[[Plan, list[TimedPart], Templates], tuple[dict[str, Any], tuple[str, ...]]]


def _extras() -> dict[str, Extra]:
    from deckmaker.render.captions import captions_context
    from deckmaker.render.chapters import chapters_context, show_notes_context
    from deckmaker.render.dialogue import dialogue_context

    return {
        "html": page_context,
        "srt": captions_context,
        "chapters": chapters_context,
        "show-notes": show_notes_context,
        "dialogue": dialogue_context,
    }


def page_context(
    plan: Plan, parts: list[TimedPart], templates: Templates
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The teleprompter page's `language` (its `lang`): the talk's, as planning tells English
    from Spanish, so a browser hyphenates, and a screen reader speaks, the right language."""
    from deckmaker.essay.language import detect_language

    said = " ".join(p for slide in plan.slides for p in slide.spoken)
    return {"language": detect_language(said)}, ()


def render_script(
    plan: Plan, templates: Templates, name: str = SCRIPT_TEMPLATE, fmt: str = DEFAULT_FORMAT
) -> Rendered:
    """The script in format `fmt`, through template `name`."""
    parts = timeline(plan)
    extra: dict[str, Any] = {}
    warnings: tuple[str, ...] = ()
    if fmt in _extras():
        extra, warnings = _extras()[fmt](plan, parts, templates)
    cues = [cue for part in parts for cue in part.slides]
    text = templates.render(
        name, plan=plan, parts=parts, cues=cues, total=plan.total_seconds, **extra
    )
    return Rendered(text.rstrip("\n") + FORMATS[fmt].ending, warnings)
