"""Code and tables on a slide, as the planner fitted them: code on a panel in the monospace font,
each run in its colour; a table as a native PowerPoint table with its header row marked, which
accessibility checkers read as a header. Both through python-pptx's public API."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.slide import Slide
from pptx.util import Pt

from deckmaker.planning import SlidePlan
from deckmaker.planning.slides import PANEL_INSET
from deckmaker.planning.table import CELL_X, CELL_Y


def add_code(slide: Slide, planned: SlidePlan) -> None:
    """The code's rows, one paragraph each, on a panel of the code's colour."""
    colours = planned.code_colours
    assert colours is not None and planned.area is not None  # the planner sets them together
    box = slide.shapes.add_textbox(*(Pt(v) for v in planned.area))
    box.name = "Code"
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor.from_string(colours.panel)
    frame = box.text_frame
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.word_wrap = False  # rows were cut to the panel's width; none wraps again
    frame.vertical_anchor = MSO_ANCHOR.TOP
    inset = Pt(PANEL_INSET)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset
    for i, row in enumerate(planned.code):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.line_spacing = 1.0
        paragraph.font.size = Pt(planned.code_pt)  # an empty row keeps the code's line height
        for piece in row or ():
            run = paragraph.add_run()
            run.text = piece.text
            font = run.font
            font.name = planned.code_font
            font.size = Pt(planned.code_pt)
            font.bold, font.italic = piece.bold, piece.italic
            font.color.rgb = RGBColor.from_string(piece.colour or colours.plain)


def add_table(slide: Slide, planned: SlidePlan) -> None:
    """A table of the planned rows, columns' widths and rows' heights; its first row the header."""
    assert planned.area is not None
    left, top, width, height = planned.area
    rows, cols = len(planned.table), len(planned.table[0])
    frame = slide.shapes.add_table(rows, cols, Pt(left), Pt(top), Pt(width), Pt(height))
    frame.name = "Table"
    table = frame.table
    table.first_row = True  # the header row, marked as one
    table.horz_banding = True
    for i, width in enumerate(planned.table_widths):
        table.columns[i].width = Pt(width)
    for i, height in enumerate(planned.table_heights):
        table.rows[i].height = Pt(height)
    for r, cells in enumerate(planned.table):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Pt(CELL_X)
            cell.margin_top = cell.margin_bottom = Pt(CELL_Y)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            frame_ = cell.text_frame
            frame_.word_wrap = True
            paragraph = frame_.paragraphs[0]
            paragraph.font.size = Pt(planned.table_pt)
            if text:
                run = paragraph.add_run()
                run.text = text
                run.font.size = Pt(planned.table_pt)
                run.font.bold = r == 0 or None
                if r == 0 and planned.table_header:
                    run.font.color.rgb = RGBColor.from_string(planned.table_header)
