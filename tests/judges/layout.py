"""The deck as LibreOffice Impress draws it: every letter and digit of every slide must be drawn,
and every drawn word must lie inside a text box of its slide.

pdftotext silently drops words beyond the page edge, so "no word off the page" could never fail;
comparing what the slide holds with what was drawn catches clipped text instead.
"""

from __future__ import annotations

import subprocess
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from lxml import etree

from .tools import converted, require

TOLERANCE_PT = 2.0  # rounding in LibreOffice's PDF export
# pdftotext draws each word's box from the font's full ascent and descent, which stand a little
# above and below the line the text really sits on: allow that much, and no more, vertically.
FONT_OVERHANG = 0.1
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def layout_findings(path: Path) -> list[str]:
    from pptx import Presentation

    pages = drawn_pages(path)
    if isinstance(pages, str):
        return [pages]
    prs = Presentation(str(path))
    slides = list(prs.slides)
    if len(pages) != len(slides):
        return [f"{path.name}: {len(slides)} slides but LibreOffice drew {len(pages)} pages"]
    findings = []
    for number, (slide, (width, words)) in enumerate(zip(slides, pages, strict=True), 1):
        where = f"{path.name}: slide {number}:"
        if _shrinks_on_overflow(slide):
            findings.append(
                f"{where} normAutofit: LibreOffice shrinks overflowing text, PowerPoint does "
                "not until the box is edited, so this render cannot judge it [LibreOffice]"
            )
        scale = width / (prs.slide_width / 12700)
        boxes = [
            tuple(v / 12700 * scale for v in (s.left, s.top, s.left + s.width, s.top + s.height))
            for s in (*slide.shapes, *_drawn_behind(slide))
            # a placeholder's geometry comes from its layout if not its own
            if s.has_text_frame and s.text_frame.text.strip()
        ]
        held = _letters(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
        missing = held - _letters(" ".join(w for w, _ in words))
        if missing:
            text = "".join(sorted(missing.elements()))[:60]
            findings.append(f"{where} not drawn: {text!r} [LibreOffice]")
        for word, (x0, y0, x1, y1) in words:
            dy = TOLERANCE_PT + FONT_OVERHANG * (y1 - y0)
            if not any(
                x0 >= bx0 - TOLERANCE_PT
                and x1 <= bx1 + TOLERANCE_PT
                and y0 >= by0 - dy
                and y1 <= by1 + dy
                for bx0, by0, bx1, by1 in boxes
            ):
                findings.append(
                    f"{where} {word!r} drawn outside every text box at "
                    f"({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) pt [LibreOffice]"
                )
    return findings


Page = tuple[float, list[tuple[str, tuple[float, ...]]]]


def drawn_pages(path: Path) -> list[Page] | str:
    """Each page's width and its words with their boxes; a finding when nothing was drawn."""
    pdftotext = require("pdftotext")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = converted(path, "pdf", tmp)
        if pdf is None:
            return f"{path.name}: LibreOffice wrote no PDF (could not load it) [LibreOffice]"
        html = Path(tmp, "words.html")
        subprocess.run([pdftotext, "-bbox", str(pdf), str(html)], check=True)
        tree = etree.parse(str(html), etree.HTMLParser(encoding="utf-8"))
    return [
        (
            float(page.get("width")),
            [
                (w.text or "", tuple(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax")))
                for w in page.iter("word")
            ],
        )
        for page in tree.iter("page")
    ]


def _drawn_behind(slide) -> list:
    """The text shapes of the slide's layout and master that are no placeholders: the
    template's own words (a slide-number field in its art), drawn on every slide, in their
    boxes."""
    layout = slide.slide_layout
    parts = (layout, layout.slide_master)
    return [s for part in parts for s in part.shapes if not s.is_placeholder]


def _shrinks_on_overflow(slide) -> bool:
    layout = slide.slide_layout
    parts = (slide, layout, layout.slide_master)
    return any(p.element.find(f".//{{{A_NS}}}normAutofit") is not None for p in parts)


def _letters(text: str) -> Counter:
    """Letters and digits, case folded: a style may set text in capitals (PowerPoint's section
    headers are `cap="all"`), and that is the text drawn all the same."""
    return Counter(c for c in unicodedata.normalize("NFKC", text).casefold() if c.isalnum())
