"""Finishing touches, once every slide's sizes are settled: a small label over each section's
titled slides ("02 · Sacrifices") where the theme has room above the title (and over its
statements and quotes, where they leave room for it), and short content
set a little above the middle of its box, where the eye finds the middle (optically centred),
rather than hugging the box's top with the slide's lower half empty.

One rule for the whole deck: every section's titled slides carry a label, or none does (a
title too tall to leave room on one slide leaves every slide without one).
"""

from __future__ import annotations

from collections.abc import Sequence

from deckmaker.planning.fit import (
    LINE_HEIGHT,
    SPACE_BEFORE,
    SUB_POINT_SHRINK,
    largest_fitting,
    wrap,
)
from deckmaker.planning.model import Kind, Layout, Part, SlidePlan, evolve
from deckmaker.theme.frames import Box, Frames
from deckmaker.typography import typeset

LABEL_SIZES = (14, 12)
HEAD_WORDS = 4  # a section's short name is at most this many words
LABEL_GAP = 4.0  # between the label and the title's box (pt)
LABEL_MIN_TOP = 18.0  # a label stands at least this far (pt) below the slide's top edge
# Of the room a short list leaves in its box, this share goes above it: its middle a little
# above the box's, where a centred block looks centred.
OPTICAL = 0.4
LABELLED = (Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE, Layout.CODE, Layout.TABLE)
# Words set large in a layout made for quotes, with no title: labelled where the label fits,
# so that a statement or a quote in the middle of a section does not look like a divider
WORDS = (Layout.STATEMENT, Layout.QUOTE)


def finished(parts: Sequence[Part], frames: Frames) -> tuple[Part, ...]:
    """The parts with their section labels and their short content centred."""
    return _labelled(tuple(_centred(p, frames) for p in parts), frames)


def _centred(part: Part, frames: Frames) -> Part:
    return evolve(part, slides=tuple(_dropped(s, frames) for s in part.slides))


def _dropped(slide: SlidePlan, frames: Frames) -> SlidePlan:
    """A slide of points or columns whose text leaves room in its box, moved down by OPTICAL
    of that room."""
    if slide.layout is Layout.CONTENT and slide.bullets:
        sides = [(slide.bullets, frames.body)]
    elif slide.layout is Layout.COLUMNS and slide.columns and frames.columns:
        sides = list(zip(slide.columns, frames.columns, strict=False))
    else:
        return slide
    room = min(box.height - _height(b, box, slide) for b, box in sides)
    return evolve(slide, drop=round(OPTICAL * room, 1)) if room > 0 else slide


def _height(bullets: Sequence, box: Box, slide: SlidePlan) -> float:
    """How tall the text stands in `box`, as the writer spaces it (`render.deck._write`)."""
    total = 0.0
    for i, b in enumerate(bullets):
        pt = slide.body_pt - SUB_POINT_SHRINK * b.level
        width = box.width - box.indent * (b.level + 1)
        under_heading = i > 0 and bullets[i - 1].heading
        before = SPACE_BEFORE * pt if b.level or under_heading else slide.spacing
        total += before + LINE_HEIGHT * pt * len(wrap(b.text, pt, width))
    return total


def head(title: str) -> str | None:
    """What a section is called for short: its title up to a colon ("Sacrifices for Dreams"
    of "Sacrifices for Dreams: The Cost of Ambition"), or the whole title when it is short;
    None for a long title without a colon."""
    short = title.partition(": ")[0] if ": " in title else title
    return short if len(short.split()) <= HEAD_WORDS else None


def _labelled(parts: tuple[Part, ...], frames: Frames) -> tuple[Part, ...]:
    """Each section's label: its number and what it is called for short ("02 · Sacrifices"),
    or, where one section has no short name, its number of the count ("02 / 04")."""
    sections = [p for p in parts if p.kind is Kind.SECTION]
    heads = [head(typeset(p.title or "")) for p in sections]
    count = len(sections)
    labels = {
        id(part): f"{n:02d} · {name}" if all(heads) else f"{n:02d} / {count:02d}"
        for n, (part, name) in enumerate(zip(sections, heads, strict=True), 1)
    }
    out = []
    for part in parts:
        text = labels.get(id(part))
        slides = []
        for slide in part.slides:
            if slide.layout in LABELLED or slide.quote_in_body:
                # every titled slide's title at the top, as the labelled ones' stand
                slide = evolve(slide, title_top=True)
                if text:
                    got = _placed(slide, text, frames)
                    if got is None:
                        return parts  # no room on this one: no labels anywhere
                    slide = got
            elif slide.layout in WORDS and text:  # the section goes on: not a new one beginning
                slide = _placed(slide, text, frames) or slide
            slides.append(slide)
        out.append(evolve(part, slides=tuple(slides)))
    return tuple(out)


def _placed(slide: SlidePlan, text: str, frames: Frames) -> SlidePlan | None:
    """The slide with `text` as its label just over its title box, the title standing at the
    box's top (`SlidePlan.label`), or None where the label does not fit one line there, clear of
    the slide's top edge."""
    box, font = frames.title, frames.body_font
    for size in LABEL_SIZES:
        height = LINE_HEIGHT * size
        top = box.top - LABEL_GAP - height
        if top < LABEL_MIN_TOP:
            return None
        if largest_fitting(text, Box(box.width, height), (size,), 1, font):
            place = (box.left, round(top, 1), box.width, round(height, 1))
            return evolve(slide, label=text, label_pt=size, label_box=place)
    return None
