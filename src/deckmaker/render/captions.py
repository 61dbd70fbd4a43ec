"""Caption segments for the SRT format, timed from the speaking rate.

Each caption holds at most two lines of at most 42 characters (the common broadcast limit) and
never runs across a sentence end or a slide change. Within a slide, time is shared out by words
(a `[PAUSE]` takes its seconds and shows no caption; a `[CLICK]` is not said, shows nothing and
takes no time), scaled so the slide's captions end exactly when its cue's time is up: captions,
cues and chapters keep the same clock.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from functools import partial
from typing import Any

from deckmaker.planning import Plan
from deckmaker.planning.model import PAUSE, PAUSE_SECONDS
from deckmaker.render.timeline import without_clicks
from deckmaker.sentences import split
from deckmaker.templates import Templates

LINE = 42
LINES = 2


@dataclass(frozen=True)
class Caption:
    number: int
    start: int  # milliseconds
    end: int
    lines: tuple[str, ...]


def captions_context(
    plan: Plan, parts: list[Any], templates: Templates
) -> tuple[dict[str, Any], tuple[str, ...]]:
    return {"captions": captions(plan)}, ()


def captions(plan: Plan) -> list[Caption]:
    out: list[Caption] = []
    for slide, (start, seconds) in zip(plan.slides, plan.slide_timings, strict=True):
        # Pieces of this slide: ("text", lines, words) or ("pause", (), 0), in order.
        pieces: list[tuple[tuple[str, ...], float]] = []
        for paragraph in slide.spoken:
            for chunk in re.split(r"(\[PAUSE\])", without_clicks(paragraph)):
                if chunk == PAUSE:
                    pieces.append(((), PAUSE_SECONDS))
                    continue
                for sentence in split(chunk):
                    pieces += [
                        (lines, len(" ".join(lines).split()) * 60 / plan.wpm)
                        for lines in _blocks(sentence)
                    ]
        total = sum(length for _, length in pieces)
        if not total:
            continue
        scale = seconds * 1000 / total
        done = 0.0
        for lines, length in pieces:
            begin, done = round(start * 1000 + done * scale), done + length
            if lines:
                out.append(Caption(len(out) + 1, begin, round(start * 1000 + done * scale), lines))
    return out


def _blocks(sentence: str) -> list[tuple[str, ...]]:
    """A sentence as the fewest caption blocks of up to LINES lines of up to LINE characters,
    its words shared evenly between them (no block left holding two stray words)."""
    words = [piece for w in sentence.split() for piece in textwrap.wrap(w, LINE)]
    count = -(-len(_wrap(" ".join(words))) // LINES)
    while True:
        size = len(" ".join(words)) / count
        groups: list[list[str]] = [[]]
        done = 0  # characters placed so far, counting a space after each word
        for word in words:
            if groups[-1] and done + len(word) / 2 > size * len(groups):
                groups.append([])
            groups[-1].append(word)
            done += len(word) + 1
        blocks = [tuple(_wrap(" ".join(g))) for g in groups]  # words are at most LINE long
        if all(len(b) <= LINES for b in blocks):
            return blocks
        count += 1


def _wrap(text: str) -> list[str]:
    """Lines of about equal length, none over LINE characters. A word is never broken here
    (`_blocks` broke those longer than LINE): a narrower width tried for balance would cut a
    word that fits a line whole."""
    wrap = partial(textwrap.wrap, break_on_hyphens=False, break_long_words=False)
    fewest = len(wrap(text, LINE))
    for width in range(min(LINE, -(-len(text) // fewest) + 4), LINE + 1):
        lines = wrap(text, width)
        if len(lines) <= fewest:
            return lines
    return wrap(text, LINE)
