"""Render the plan into the recording script through a Jinja2 template (Markdown by default)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from deckmaker.plan import Kind, Part, Plan, SlidePlan
from deckmaker.templates import Templates

SCRIPT_TEMPLATE = "script.md.j2"


@dataclass(frozen=True)
class TimedPart:
    """A part of the talk with its place on the clock, for the template."""

    part: Part
    number: int  # sections count from 1; the opening and the closing are 0
    start: int  # seconds into the recording
    seconds: int

    @property
    def kind(self) -> str:
        return self.part.kind.value

    @property
    def title(self) -> str | None:
        return self.part.title

    @property
    def slides(self) -> tuple[SlidePlan, ...]:
        return self.part.slides

    @property
    def words(self) -> int:
        return self.part.words


def timeline(plan: Plan) -> list[TimedPart]:
    """Each part with its section number and its place on the clock."""
    numbers = itertools.count(1)
    return [
        TimedPart(part, next(numbers) if part.kind is Kind.SECTION else 0, start, seconds)
        for part, (start, seconds) in zip(plan.parts, plan.timings, strict=True)
    ]


def render_script(plan: Plan, templates: Templates, name: str = SCRIPT_TEMPLATE) -> str:
    parts = timeline(plan)
    text = templates.render(name, plan=plan, parts=parts, total=plan.total_seconds)
    return text.rstrip("\n") + "\n"
