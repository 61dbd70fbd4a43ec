"""Real templates in, defects out: the example outline built in each template of a folder
(tests/templates/ by default: LibreOffice's, pandoc's and PowerPoint's designs, see its
SOURCES.md; or any folder of .pptx/.potx files a user might bring), each deck checked by
`deckmaker check` and read back for what a user would call broken. Measured from the decks
alone, so the same bench run under another checkout (PYTHONPATH=<it>/src) gives its numbers.

    python bench/realworld.py --templates [FOLDER]            # print the table
    python bench/realworld.py --templates [FOLDER] --write    # and replace its section

0 is good in every column.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from deckmaker.api import build
from deckmaker.check import check_deck
from deckmaker.errors import DeckmakerError
from deckmaker.pipeline import example_outline

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "templates"
HEADING = "## Real templates: defects per template"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
COLUMNS = ("refused", "colours lost", "text over art", "contrast", "outside", "duplicate title")
OVER_ART = 0.25  # the text's part of a box this much under the art (by the art's bounding boxes)
GROUND = 0.6  # art over this share of the slide is its ground (a panel)
# the boxes a talk's text stands in (not a title, nor a number or footer set on a band)
TEXTS = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def templates(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".pptx", ".potx"))


def defects(template: Path, out: Path) -> dict[str, int]:
    """The defects of the example built in `template`: one row of the table."""
    found = dict.fromkeys(COLUMNS, 0)
    try:
        made = build(example_outline(), out, theme=str(template), only=("deck",))
    except DeckmakerError:
        found["refused"] = 1
        return found
    deck = made.artifacts["deck"].data
    for finding in check_deck(deck):
        if finding.rule in ("contrast", "outside"):
            found[finding.rule] += 1
        elif finding.rule == "duplicate-title":
            found["duplicate title"] += 1
    (out / "deck.pptx").write_bytes(deck)
    prs = Presentation(str(out / "deck.pptx"))
    used = {
        id(s.slide_layout.slide_master.element): s.slide_layout.slide_master for s in prs.slides
    }
    found["colours lost"] = sum(_colours_lost(m.element) for m in used.values())
    found["text over art"] = sum(_over_art(prs, slide) for slide in prs.slides)
    return found


def _colours_lost(master: etree._Element) -> int:
    """1 for a master without text styles whose title or body prompt sets a colour (as
    LibreOffice saves them): slides on it show neither, whatever the design wanted."""
    if master.find(f"{P}txStyles") is not None:
        return 0
    for shape in master.iter(f"{P}sp"):
        ph = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        styled = ph is not None and ph.get("type", "body") in ("title", "ctrTitle", "body", "obj")
        if styled and shape.find(f".//{A}r/{A}rPr/{A}solidFill") is not None:
            return 1
    return 0


def _over_art(prs, slide) -> int:
    """1 for a slide whose text (its points, quote or subtitle) stands over its master's or layout's
    art (shapes drawn on every slide, but a ground filling the slide) by OVER_ART of the part
    of its box the text takes up, or more."""
    width, height = prs.slide_width, prs.slide_height
    layout = slide.slide_layout

    def rect(s):
        return (s.left / width, s.top / height, s.width / width, s.height / height)

    parts = [layout] + ([layout.slide_master] if layout.element.get("showMasterSp") != "0" else [])
    art = [rect(s) for part in parts for s in part.shapes if not s.is_placeholder and s.width]
    art = [a for a in art if a[2] * a[3] < GROUND]
    for shape in slide.placeholders:
        if shape.placeholder_format.type not in TEXTS or not shape.has_text_frame:
            continue
        if not shape.text_frame.text.strip() or not shape.width:
            continue
        left, top, wide, high = rect(shape)
        box = (left, top, wide, min(high, _text_height(shape) / height))
        over = sum(
            max(0.0, min(a[0] + a[2], box[0] + box[2]) - max(a[0], box[0]))
            * max(0.0, min(a[1] + a[3], box[1] + box[3]) - max(a[1], box[1]))
            for a in art
        )
        if over >= OVER_ART * box[2] * box[3]:
            return 1
    return 0


def _text_height(shape) -> int:
    """About how tall the shape's text stands (EMU): each paragraph's lines at its largest
    run's size (half an em a character), with its space before."""
    total = 0.0
    for paragraph in shape.text_frame.paragraphs:
        size = max((r.font.size.pt for r in paragraph.runs if r.font.size), default=18.0)
        chars = sum(len(r.text) for r in paragraph.runs)
        lines = max(1, -(-int(chars * size * 0.5) // max(int(shape.width / 12700), 1)))
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        total += lines * size * 1.2 + before
    return int(total * 12700)


def section(folder: Path) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for template in templates(folder):
            out = Path(tmp) / template.stem
            out.mkdir()
            rows.append((template.name, defects(template, out)))
    head = ["Template", *COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for name, found in rows:
        lines.append("| " + " | ".join([name, *(str(found[c]) for c in COLUMNS)]) + " |")
    totals = [sum(found[c] for _, found in rows) for c in COLUMNS]
    lines.append("| **All** | " + " | ".join(f"**{t}**" for t in totals) + " |")
    return "\n".join(lines)
