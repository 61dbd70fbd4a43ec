"""The dialogue format: two hosts who talk to each other. The main host (the first named)
carries the author's words, all of them, so a "firstly … secondly" run or the author's "I" is
never split between two voices; the co-host asks the way into each section (the planner's
`lead`, from the voice's `ask` macro, already counted in the timings), and the main host picks
up after the question, now and then with a word from the voice's `handoff` macro. The slides and
cues are those of every format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.planning import Plan
from deckmaker.planning.model import PAUSE
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
            "the dialogue format needs two hosts; pass --hosts Ana,Ben or add "
            "`hosts: [Ana, Ben]` to the outline",
            field="hosts",
        )
    voice = Voice(templates, plan.voice, plan.language)
    main, cohost = plan.hosts
    lines: dict[int, tuple[Line, ...]] = {}
    turn, previous = 0, main
    for part in parts:
        asked = part.part.lead
        for cue in part.slides:
            said = []
            for paragraph in cue.spoken:
                # the voice judges the words (does the line open itself?), not the marks
                said_alone = without_clicks(paragraph)
                speaker = main
                # a slide held for 5 s opens on a pause: the co-host's question all the same
                if asked and said_alone.replace(PAUSE, "").strip() == asked:
                    speaker, asked = cohost, ""
                lead = ""
                if speaker != previous:
                    turn += 1
                    if speaker == main:
                        lead = voice.say("handoff", speaker, previous, turn, said_alone)
                said.append(Line(speaker, f"{lead} {paragraph}".strip()))
                previous = speaker
            lines[cue.number] = tuple(said)
    if not any(line.speaker == cohost for said in lines.values() for line in said):
        raise DeckmakerError.at(
            f"the dialogue gives {cohost} nothing to say: the {plan.language!r} voice has no "
            f"questions for a co-host; add voice.{plan.language}.j2 with an `ask` macro to your "
            "templates folder, or leave out the dialogue format",
            field="hosts",
        )
    return {"lines": lines}, ()
