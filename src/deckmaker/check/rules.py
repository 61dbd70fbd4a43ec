"""The rules of PowerPoint's Accessibility Checker that can be read from the file, and WCAG 2.2's
contrast: each a function of one slide (or of all, for those that compare slides) giving what it
finds, with what to do about it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.slide import Slide

from deckmaker.check.colour import A, contrast, hex_of
from deckmaker.check.styles import TITLES, P, SlideStyles
from deckmaker.render.package import DECORATIVE_NS, DECORATIVE_URI

# Office marks a picture that needs no description with an extension of its properties.
DECORATIVE_TAG = f"{{{DECORATIVE_NS}}}decorative"
# What python-pptx and some programs write as a picture's description: its file's name, which
# describes nothing.
FILE_NAME = re.compile(r"[^\s/\\]+\.(?:png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp)", re.I)
# WCAG 2.2, 1.4.3: large text is at least 18 pt, or 14 pt bold.
BODY_RATIO, LARGE_RATIO = 4.5, 3.0
# Ratios are reported to one decimal; one just under the line by rounding is not a finding.
SLACK = 0.005


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to fix: the slide it is on (1-based), the rule, and what to do."""

    slide: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"slide {self.slide}: {self.message} [{self.rule}]"


def _name(shape: Any) -> str:
    return f"'{shape.name}'" if shape.name else "a shape"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def alt_text(number: int, slide: Slide, styles: SlideStyles) -> list[Finding]:
    """Pictures, charts, diagrams and objects need alt text, unless marked decorative."""
    found = []
    for shape in styles.shapes:
        element = shape.element
        is_table = element.find(f".//{A}tbl") is not None
        if element.tag not in (f"{P}pic", f"{P}graphicFrame") or is_table:
            continue
        properties = element.find(f".//{P}cNvPr")
        described = (properties.get("descr") or "").strip() if properties is not None else ""
        if described and not FILE_NAME.fullmatch(described):
            continue
        if _decorative(properties):
            continue
        what = "picture" if element.tag == f"{P}pic" else "object"
        found.append(
            Finding(
                number,
                "alt-text",
                f"{what} {_name(shape)} has no alt text; describe it (Alt Text), or mark it "
                "decorative",
            )
        )
    return found


def _decorative(properties: Any) -> bool:
    for ext in properties.iter(f"{A}ext"):
        if ext.get("uri") == DECORATIVE_URI:
            mark = ext.find(DECORATIVE_TAG)
            return mark is not None and mark.get("val") in ("1", "true")
    return False


# The paragraphs of the slide's title, as python-pptx's `slide.shapes.title` finds it (the first
# shape whose placeholder's idx is 0), in one compiled expression rather than an XPath per shape.
_TITLE_PARAGRAPHS = etree.XPath(
    "p:cSld/p:spTree/*[self::p:sp or self::p:grpSp or self::p:graphicFrame or self::p:cxnSp"
    " or self::p:pic or self::p:contentPart][*[1]/p:nvPr/p:ph[not(@idx) or @idx = '0']][1]"
    "/self::p:sp/p:txBody/a:p",
    namespaces={"p": P[1:-1], "a": A[1:-1]},
)
_SAID = {f"{A}r", f"{A}fld"}  # what a paragraph's text is read from; a line break is a space


def title_of(slide: Slide) -> str:
    """The slide's title, its white space made single spaces; "" when it has none."""
    lines = []
    paragraphs: list[etree._Element] = _TITLE_PARAGRAPHS(slide.element)  # type: ignore[assignment]
    for paragraph in paragraphs:
        pieces = []
        for piece in paragraph:
            if piece.tag in _SAID:
                pieces.append(piece.findtext(f"{A}t") or "")
            elif piece.tag == f"{A}br":
                pieces.append(" ")
        lines.append("".join(pieces))
    return " ".join(" ".join(lines).split())


def titles(slides: Sequence[Slide]) -> list[Finding]:
    """Every slide has a title, and no two slides the same one."""
    found = []
    seen: dict[str, int] = {}
    for number, slide in enumerate(slides, 1):
        title = title_of(slide)
        if not title:
            found.append(
                Finding(number, "title", "has no title; give it one in a title placeholder")
            )
            continue
        first = seen.setdefault(title.casefold(), number)
        if first != number:
            found.append(
                Finding(
                    number,
                    "duplicate-title",
                    f"has the same title as slide {first} ('{_short(title)}'); make each "
                    "title unique, e.g. number the continuations",
                )
            )
    return found


def reading_order(number: int, slide: Slide, styles: SlideStyles) -> list[Finding]:
    """A screen reader reads the shapes in the order of the slide's shape tree: title first."""
    order = styles.order
    at = next(
        (i for i, s in enumerate(order) if (styles.placeholder(s) or (None,))[0] in TITLES),
        None,
    )
    if not at:  # first, or no title (which `titles` reports)
        return []
    return [
        Finding(
            number,
            "reading-order",
            f"the title is read after {at} other shape{'s' if at > 1 else ''}; move it to the "
            "top of the Reading Order pane",
        )
    ]


def text_contrast(number: int, slide: Slide, styles: SlideStyles) -> list[Finding]:
    """Text against what is behind it: 4.5:1, or 3:1 for large text (WCAG 2.2, 1.4.3)."""
    found = []
    for shape in styles.shapes:
        if not shape.has_text_frame:
            continue
        behind = None
        worst = None
        for run in styles.runs(shape):
            if run.colour is None:
                continue
            text_colour = run.colour
            if behind is None:
                behind = styles.behind(shape)
                if behind is None:
                    break  # over a picture or a pattern: not told here
            need = LARGE_RATIO if run.pt >= 18 or (run.bold and run.pt >= 14) else BODY_RATIO
            for colour in behind or ():
                ratio = contrast(text_colour, colour)
                if ratio + SLACK < need and (worst is None or ratio < worst[0]):
                    worst = (ratio, need, run, text_colour, colour)
        if worst is not None:
            ratio, need, run, text_colour, colour = worst
            found.append(
                Finding(
                    number,
                    "contrast",
                    f"text '{_short(run.text)}' ({run.pt:g} pt) is {ratio:.1f}:1 against its "
                    f"background ({hex_of(text_colour)} on {hex_of(colour)}); it needs "
                    f"{need:g}:1: darken the text or lighten what is behind it (or the reverse)",
                )
            )
    return found


def table_headers(number: int, slide: Slide, styles: SlideStyles) -> list[Finding]:
    """A table names its columns in a header row, marked as one."""
    found = []
    for shape in styles.shapes:
        table = shape.element.find(f".//{A}tbl")
        if table is None:
            continue
        properties = table.find(f"{A}tblPr")
        if properties is None or properties.get("firstRow") not in ("1", "true"):
            found.append(
                Finding(
                    number,
                    "table-header",
                    f"table {_name(shape)} has no header row; mark its first row as the header "
                    "(Table Design > Header Row)",
                )
            )
    return found


def outside(number: int, slide: Slide, styles: SlideStyles, size: tuple[int, int]) -> list[Finding]:
    """Text placed partly off the slide is cut when shown."""
    found = []
    width, height = size
    for shape in styles.shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        box = styles.box(shape)
        if box is None:
            continue
        left, top, w, h = box
        if left < 0 or top < 0 or left + w > width or top + h > height:
            found.append(
                Finding(
                    number,
                    "outside",
                    f"text box {_name(shape)} reaches outside the slide; move or shrink it so "
                    "that all of it is on the slide",
                )
            )
    return found


def labelled(styles: SlideStyles) -> bool:
    """Whether every run of text on the slide says which language it is in."""
    return all(
        run.lang is not None
        for shape in styles.shapes
        if shape.has_text_frame
        for run in styles.runs(shape)
    )


def language(missing: Sequence[int]) -> list[Finding]:
    """Text says which language it is in, so that it is spoken and spell-checked as such; one
    finding for the deck, on the first of the slides (`missing`) where some text does not."""
    if not missing:
        return []
    more = f" (and {len(missing) - 1} more slides)" if len(missing) > 1 else ""
    return [
        Finding(
            missing[0],
            "language",
            f"text has no language set{more}; set it (Review > Language), or the deck's "
            "default language",
        )
    ]
