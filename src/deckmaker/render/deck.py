"""Render the plan into a .pptx: one slide per planned slide, the words said in its notes."""

from __future__ import annotations

from pptx.enum.text import MSO_AUTO_SIZE
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Pt

from deckmaker.plan import Layout, Plan, SlidePlan
from deckmaker.plan.fit import SPACE_BEFORE, SUB_POINT_SHRINK
from deckmaker.render.package import (
    drop_slides,
    list_notes_master,
    remove_shape,
    reproducible_bytes,
)
from deckmaker.render.theme import Theme, layout


def render_deck(plan: Plan, theme: Theme) -> bytes:
    prs = theme.open()
    drop_slides(prs)
    layouts = {kind: layout(prs, kind, theme.path) for kind in Layout}
    for planned in plan.slides:
        cover = planned.layout is Layout.COVER
        slide = prs.slides.add_slide(layouts[planned.layout])
        title, body = _placeholder(slide, 0), _placeholder(slide, 1)
        assert title is not None  # load_theme checked every layout has one
        _write(title.text_frame, [(planned.title, 0)], planned.title_pt)
        lines = _cover_lines(planned) if cover else [(b.text, b.level) for b in planned.bullets]
        if lines and body is not None:
            _write(body.text_frame, lines, planned.body_pt, bulleted=not cover)
        elif body is not None:  # an empty placeholder shows "Click to add text" in PowerPoint
            remove_shape(body)
        slide.notes_slide.notes_text_frame.text = speaker_notes(planned, plan.notes_heading)
    props = prs.core_properties
    props.title, props.subject = plan.title, plan.subtitle or ""
    props.author = plan.host or ""
    list_notes_master(prs)
    return reproducible_bytes(prs)


def speaker_notes(slide: SlidePlan, heading: str) -> str:
    """What the presenter reads off the notes pane: the words to say, then how to say them
    under `heading` (the voice's `notes_heading`)."""
    parts = list(slide.spoken)
    if slide.notes:
        parts.append("\n".join([heading, *(f"• {n}" for n in slide.notes)]))
    return "\n\n".join(parts)


def _cover_lines(slide: SlidePlan) -> list[tuple[str, int]]:
    return [(line, 0) for line in (slide.subtitle or "").split("\n") if line]


def _placeholder(slide: Slide, idx: int) -> SlidePlaceholder | None:
    return next((p for p in slide.placeholders if p.placeholder_format.idx == idx), None)


def _write(frame: TextFrame, lines: list[tuple[str, int]], size: int, bulleted: bool = False):
    """Fill a text frame with the sizes and spacing the planner fitted the text to."""
    frame.auto_size = MSO_AUTO_SIZE.NONE  # the planner made it fit; never let a reader shrink it
    frame.word_wrap = True
    for i, (text, level) in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        pt = size - SUB_POINT_SHRINK * level if bulleted else size
        para.level = level
        para.line_spacing = 1.0  # single: about 1.22 x the size in Calibri, under LINE_HEIGHT
        para.space_before = Pt(SPACE_BEFORE * pt) if bulleted else Pt(0)
        run = para.add_run()
        run.text = text
        run.font.size = Pt(pt)
