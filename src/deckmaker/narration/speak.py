"""The talk read aloud, slide by slide, onto one clock.

What is said is the plan's: each slide's paragraphs, `[PAUSE]` as PAUSE_SECONDS of silence,
`[CLICK]` and delivery notes never said; with two hosts, the dialogue's lines, each host in
their own voice. Each slide's speech is followed by silence up to the next whole second (at
least BREATH), so every slide lasts a whole number of seconds: the script's cues, captions and
chapters, which count in seconds, then fall exactly where the audio's slides begin.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TypeVar

from deckmaker.narration import engines
from deckmaker.planning import Plan
from deckmaker.planning.model import PAUSE, PAUSE_SECONDS
from deckmaker.render.timeline import timeline, without_clicks
from deckmaker.templates import Templates

BREATH = 0.3  # seconds of silence at least between one slide's speech and the next's
SAMPLE = 2  # bytes per sample
T = TypeVar("T")
# How a long job shows its progress: given the items and a label, a context giving them back
# (the command line passes click's progress bar on a terminal).
Progress = Callable[[list[T], str], AbstractContextManager[Iterable[T]]]


@dataclass(frozen=True)
class Line:
    voice: str
    text: str  # as said: the marks and the pronunciations applied, [PAUSE] kept


@dataclass(frozen=True)
class Narration:
    """The talk spoken: PCM samples at RATE and each slide's length in whole seconds."""

    pcm: bytes
    seconds: tuple[int, ...]
    voices: tuple[str, ...]  # the voices that spoke, in order of the hosts

    @property
    def about(self) -> str:
        """Who spoke, for the scripts' headers: "piper (joe, joe+high)"."""
        return engines.about(self.voices)


def lines(
    plan: Plan,
    templates: Templates,
    voices: tuple[str, ...],
    pronounce: tuple[tuple[str, str], ...],
) -> list[tuple[Line, ...]]:
    """What each slide says, line by line, with the voice that says it."""
    if len(plan.hosts) == 2:
        from deckmaker.render.dialogue import dialogue_context

        context, _ = dialogue_context(plan, timeline(plan), templates)
        return [
            tuple(
                Line(voices[plan.hosts.index(line.speaker)], _said(line.text, pronounce))
                for line in context["lines"][slide.number]
            )
            for slide in plan.slides
        ]
    return [
        tuple(Line(voices[0], _said(p, pronounce)) for p in slide.spoken) for slide in plan.slides
    ]


def narrate(
    plan: Plan,
    templates: Templates,
    voices: tuple[str, ...],
    pronounce: tuple[tuple[str, str], ...] = (),
    progress: Progress[tuple[Line, ...]] | None = None,
) -> Narration:
    engines.check(voices)
    said = lines(plan, templates, voices, pronounce)
    pcm = bytearray()
    seconds = []
    shown = progress(said, "Speaking") if progress else nullcontext(said)
    with shown as slides:
        for slide in slides:
            start = len(pcm)
            for line in slide:
                pcm += b"".join(_spoken(line, plan.wpm))
            spoken = (len(pcm) - start) / SAMPLE / engines.RATE
            whole = math.ceil(spoken + BREATH) if spoken else 0
            pcm += bytes(start + SAMPLE * engines.RATE * whole - len(pcm))
            seconds.append(whole)
    return Narration(bytes(pcm), tuple(seconds), voices)


def _spoken(line: Line, wpm: int) -> Iterator[bytes]:
    for n, piece in enumerate(line.text.split(PAUSE)):
        if n:
            yield _silence(PAUSE_SECONDS)
        if piece.strip():
            yield engines.speak(piece.strip(), line.voice, wpm)


def _silence(seconds: float) -> bytes:
    return bytes(SAMPLE * round(seconds * engines.RATE))


def _said(text: str, pronounce: tuple[tuple[str, str], ...]) -> str:
    """The words as the voice should read them: no `[CLICK]`, each written name replaced by
    how it is said (whole words only)."""
    text = without_clicks(text)
    for written, spoken in pronounce:
        text = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", spoken, text)
    return text
