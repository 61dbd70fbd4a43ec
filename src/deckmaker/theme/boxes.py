"""The boxes of a theme that slides are fitted to, checked before anything is fitted to them.
A box too small to hold a line of text, or lying off the slide, is the theme's fault, said
naming the theme's layout and placeholder: left to the planner, the first text that did not fit
(the outline's title) would be blamed, or the text would be written where no one sees it."""

from __future__ import annotations

from pptx.shapes.autoshape import Shape
from pptx.slide import SlideLayout
from pptx.util import Length

from deckmaker.theme.frames import Box

# A line of text at the smallest size deckmaker sets any (12 pt, a subtitle's or a label's
# floor) with its leading, and a few words of it: any box text goes in holds that much.
ONE_LINE = 12 * 1.2  # pt
FEW_WORDS = 36.0  # pt, half an inch
# How far a box may reach past the slide's edge before it is the theme's fault: a tenth of an
# inch, for boxes a designer set flush with the edge and a program rounded out (in EMU).
SLACK = 91440
EDIT = "in the slide master (PowerPoint: View > Slide Master; Impress: View > Master Slide)"


def misplaced(shape: Shape, inside: Box, layout: SlideLayout, slide: tuple[int, int]) -> str | None:
    """What is wrong with `shape` on `layout`, whose room for text is `inside` on a slide of
    `slide` (width, height in EMU), as the end of a sentence about the theme; None if nothing."""
    said = f"layout '{layout.name}': its placeholder '{shape.name}'"
    left, top = shape.left or 0, shape.top or 0
    right, bottom = left + (shape.width or 0), top + (shape.height or 0)
    width, height = slide
    if right <= 0 or bottom <= 0 or left >= width or top >= height:
        where = "wholly"
    elif min(left, top, width - right, height - bottom) < -SLACK:
        where = "partly"
    else:
        where = ""
    if where:
        return (
            f"{said} lies {where} off the slide ({_inches(left)}, {_inches(top)} to "
            f"{_inches(right)}, {_inches(bottom)} in, on a slide of {_inches(width)} x "
            f"{_inches(height)} in); move it onto the slide {EDIT}, or use a shipped theme"
        )
    if inside.width < FEW_WORDS or inside.height < ONE_LINE:
        return (
            f"{said} is {_inches(right - left)} x {_inches(bottom - top)} in, too small to "
            f"hold a line of text inside its margins; make it larger {EDIT}, or use a shipped "
            "theme"
        )
    return None


def _inches(emu: int) -> str:
    return f"{Length(emu).inches:.2f}"
