"""The dialogue format: two hosts who talk to each other. Who says each paragraph is the plan's
(planning/dialogue.py: both hosts carry the talk, the co-host asks the way into each section,
the author's "I" stays with the main host); this only writes each line under its host's name.
The slides and cues are those of every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.planning import Plan
from deckmaker.planning.model import PAUSE
from deckmaker.render.timeline import Cue, TimedPart, without_clicks
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
            for host, text in zip(_speakers(part, cue), cue.spoken, strict=True)
        )
        for part in parts
        for cue in part.slides
    }
    cohost = plan.hosts[1]
    if not any(line.speaker == cohost for said in lines.values() for line in said):
        raise DeckmakerError.at(
            f"the dialogue gives {cohost} nothing to say: the talk is too short to share and "
            f"the {plan.language!r} voice has no questions for a co-host; add "
            f"voice.{plan.language}.j2 with an `ask` macro to your templates folder, or leave "
            "out the dialogue format",
            field="hosts",
        )
    return {"lines": lines}, ()


def _speakers(part: TimedPart, cue: Cue) -> tuple[int, ...]:
    """Who says each paragraph: the plan's; in a plan made without them (by hand, through the
    API), the co-host asks the part's way in (its `lead`) and the main host says the rest."""
    if cue.slide.speakers:
        return cue.slide.speakers
    lead = part.part.lead
    return tuple(
        int(bool(lead) and without_clicks(p).replace(PAUSE, " ").split() == lead.split())
        for p in cue.spoken
    )
