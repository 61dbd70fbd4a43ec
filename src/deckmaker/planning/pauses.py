"""Pause beats that hold a slide up long enough to be seen, one at a time.

A slide said quicker than MIN_SECONDS (after pacing has lent it what its neighbours could
spare) is held with pauses, each PAUSE_SECONDS long. Two beats back to back read as a stumble
in the script ("[PAUSE] [PAUSE] Let's start with…"), so the beats stand apart: the first before
the host speaks, a beat for the audience to take in what the slide shows; the next after the
host's last words, before the next slide; any more between the slide's sentences. A slide's
opening beat gives way when the slide before ended on one (the host stopped already), unless
the slide has no other place for it: two beats with a slide change between them are better
than two in one breath. Only a slide with more beats than places around its sentences (a word
or two said in under a second) has two together. Said between sentences, a pause never splits
one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from deckmaker.planning.align import Sentence, paragraphs, sentences
from deckmaker.planning.model import PAUSE, PAUSE_SECONDS, SlidePlan, evolve
from deckmaker.planning.pace import MIN_SECONDS


def held(
    slides: Sequence[SlidePlan], length: Callable[[Sequence[Sentence]], float]
) -> list[SlidePlan]:
    """Every slide up for MIN_SECONDS at least, its pauses placed apart; `length` is how long
    the sentences take to say."""
    beats = [_beats(length(sentences(s.spoken))) if s.spoken else 0 for s in slides]
    out: list[SlidePlan] = []
    ended_on_pause = False
    for slide, count in zip(slides, beats, strict=True):
        if count:
            slide = _placed(slide, count, start=not ended_on_pause)
        ended_on_pause = bool(count) and slide.spoken[-1].endswith(PAUSE)
        out.append(slide)
    return out


def _beats(seconds: float) -> int:
    beats = 0
    while round(seconds + beats * PAUSE_SECONDS) < MIN_SECONDS:
        beats += 1
    return beats


def _placed(slide: SlidePlan, beats: int, start: bool) -> SlidePlan:
    """`slide` with `beats` pauses: before its first sentence (if `start`, or if there is no
    other place), after its last, then between its sentences; what is left over, at the first
    of these."""
    said = sentences(slide.spoken)
    gaps = [len(said)] if said else []  # gap k lies before sentence k; len(said): after the last
    gaps += list(range(1, len(said)))
    if start or beats > len(gaps):  # two beats across a cue rather than two in one breath
        gaps.insert(0, 0)
    before = [0] * (len(said) + 1)
    for k in range(beats):
        before[gaps[k] if k < len(gaps) else gaps[0] if gaps else 0] += 1
    marks = [" ".join([PAUSE] * n) for n in before]
    if any(before[1:-1]):  # between sentences: the paragraphs said again, sentence by sentence
        spoken = list(
            paragraphs(
                [
                    Sentence(" ".join(filter(None, (m, s.text))), s.paragraph)
                    for m, s in zip(marks, said, strict=False)
                ]
            )
        )
    else:
        spoken = list(slide.spoken)
        spoken[0] = " ".join(filter(None, (marks[0], spoken[0])))
    if len(before) > 1:
        spoken[-1] = " ".join(filter(None, (spoken[-1], marks[-1])))
    return evolve(slide, spoken=tuple(spoken))
