"""The dialogue format: two hosts who talk to each other. Who says each paragraph is the plan's
(planning/dialogue.py: both hosts carry the talk, the co-host asks the way into each section,
the author's "I" stays with the main host); this only writes each line under its host's name.
The slides and cues are those of every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.planning import Plan
from deckmaker.render.timeline import TimedPart
from deckmaker.templates import Templates


@dataclass(frozen=True)
class Line:
    speaker: str
    text: str


def dialogue_context(
    plan: Plan, parts: list[TimedPart], templates: Templates
) -> tuple[dict[str, Any], tuple[str, ...]]:
    if len(plan.hosts) != 2:
        raise DeckmakerError.at(
            "the dialogue format needs two hosts; pass --hosts Ana,Ben or add "
            "`hosts: [Ana, Ben]` to the outline",
            field="hosts",
        )
    lines = {
        cue.number: tuple(
            Line(plan.hosts[host], text)
            for host, text in zip(cue.slide.speakers, cue.spoken, strict=True)
        )
        for part in parts
        for cue in part.slides
    }
    return {"lines": lines}, ()
