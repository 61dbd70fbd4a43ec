"""The dialogue format: two hosts take turns, paragraph by paragraph, with a hand-off line now
and then from the voice's `handoff` macro. The slides and cues are those of every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.planning import Plan
from deckmaker.planning.voice import Voice
from deckmaker.render.timeline import TimedPart, without_clicks
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
            "the dialogue format needs two hosts; add `hosts: [First Name, Second Name]` "
            "to the outline",
            field="hosts",
        )
    voice = Voice(templates, plan.voice)
    lines: dict[int, tuple[Line, ...]] = {}
    turn = 0
    for part in parts:
        for cue in part.slides:
            said = []
            for paragraph in cue.spoken:
                speaker, previous = plan.hosts[turn % 2], plan.hosts[(turn + 1) % 2]
                # the voice judges the words (does the line open itself?), not the marks
                said_alone = without_clicks(paragraph)
                lead = voice.say("handoff", speaker, previous, turn, said_alone) if turn else ""
                said.append(Line(speaker, f"{lead} {paragraph}".strip()))
                turn += 1
            lines[cue.number] = tuple(said)
    return {"lines": lines}, ()
