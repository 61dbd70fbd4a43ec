"""Room for titles in a theme whose title boxes are too small to hold one.

Corporate templates often keep a title box a line high, or a few inches wide, sized for their
own short titles. A talk's titles shrink to a legible floor and wrap there (the planner's
`fit.set_at`), but a box must hold those lines: so a title box lower than TITLE_LINES lines
at TITLE_FLOOR grows down to that height, and one narrower than MIN_WIDTH of the slide grows
on both sides; the text boxes and picture under a grown title start below it, keeping their
bottom edge (or their height, where the slide has room below). The layouts of the file are
left as they are: the new boxes are written on the slides made on them (`Theme.reshaped`).

A box that reaches partly off the slide (a designer's subtitle running past the bottom edge,
which PowerPoint opens without a word) is cut to the slide first (`onto_slide`): text is
fitted to the part anyone sees.
"""

from __future__ import annotations

from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.util import Emu, Pt

from deckmaker.theme.layouts import roles_of

TITLE_FLOOR = 16  # pt: the smallest a title is set at (the planner's floor for titles)
TITLE_LINES = 3  # lines a title box must hold at the floor
TITLE_LEADING = 1.12  # a title's line pitch as a multiple of its size (planning.fit's)
MIN_WIDTH = 0.5  # of the slide's width
GAP = Pt(6)

Emus = tuple[int, int, int, int]  # left, top, width, height


def _emus(shape: Shape) -> Emus:
    return (shape.left or 0, shape.top or 0, shape.width or 0, shape.height or 0)


def onto_slide(prs: Presentation, layouts: list, chosen: set[int]) -> dict[tuple[int, int], Emus]:
    """The boxes, by (layout's index, shape id), of the `chosen` layouts' title, text and
    picture placeholders that reach partly off the slide, cut to it; each is also set on `prs`,
    as `make_room`'s are. A box wholly off the slide is left for the theme's check to name."""
    width, height = prs.slide_width or 0, prs.slide_height or 0
    cut: dict[tuple[int, int], Emus] = {}
    for index in sorted(chosen):
        roles = roles_of(layouts[index])
        shapes = [roles.title, *roles.texts, roles.picture]
        for shape in (s for s in shapes if s is not None):
            left, top, w, h = _emus(shape)
            box = (max(left, 0), max(top, 0), min(left + w, width), min(top + h, height))
            if box[2] <= box[0] or box[3] <= box[1] or box == (left, top, left + w, top + h):
                continue
            shape.left, shape.top = Emu(box[0]), Emu(box[1])
            shape.width, shape.height = Emu(box[2] - box[0]), Emu(box[3] - box[1])
            cut[index, shape.shape_id] = _emus(shape)
    return cut


def inside(box: Emus, width: int, height: int) -> Emus:
    """`box` moved onto a slide of `width` x `height` (EMU), as little as it can be, and cut
    to it only where it is larger: for a slide number or footer, which holds one short line."""
    left, top, w, h = box
    w, h = min(w, width), min(h, height)
    return (min(max(left, 0), width - w), min(max(top, 0), height - h), w, h)


def make_room(prs: Presentation, layouts: list, chosen: set[int]) -> dict[tuple[int, int], Emus]:
    """The boxes to write instead of the layouts' own, by (layout's index, shape id), for the
    `chosen` layouts whose title box is too small; each is also set on `prs` (a copy read for
    this), so what is read from it afterwards sees the boxes slides will have."""
    width, height = prs.slide_width or 0, prs.slide_height or 0
    reshaped: dict[tuple[int, int], Emus] = {}
    for index in sorted(chosen):
        lay = layouts[index]
        roles = roles_of(lay)
        title = roles.title
        if title is None:
            continue
        frame = title.text_frame
        insets = (frame.margin_top or 0) + (frame.margin_bottom or 0)
        left, top, w, h = _emus(title)
        need = int(Pt(TITLE_LINES * TITLE_LEADING * TITLE_FLOOR)) + insets
        new_w = max(w, min(int(width * MIN_WIDTH), width))
        new_h = max(h, need)
        if (new_w, new_h) == (w, h):
            continue
        left = min(max(left - (new_w - w) // 2, 0), width - new_w)  # widened about its middle
        top = min(top, max(height - new_h, 0))
        boxes = {title.shape_id: (left, top, new_w, new_h)}
        bottom = top + new_h + GAP
        below = [*roles.texts, *([roles.picture] if roles.picture is not None else [])]
        for shape in below:
            x, y, sw, sh = _emus(shape)
            beside = x >= left + new_w or x + sw <= left
            if beside or y >= bottom or y + sh <= top:
                continue
            # it keeps its bottom edge, or its height where the slide has room below for it
            tall = max(y + sh - bottom, min(sh, height - bottom), int(Pt(12)))
            boxes[shape.shape_id] = (x, int(bottom), sw, int(tall))
        for shape in [title, *below]:
            if shape.shape_id in boxes:
                shape.left, shape.top, shape.width, shape.height = (
                    Emu(v) for v in boxes[shape.shape_id]
                )
                reshaped[index, shape.shape_id] = boxes[shape.shape_id]
    return reshaped
