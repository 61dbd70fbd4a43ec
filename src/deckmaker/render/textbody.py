"""A placeholder's box and text written as XML directly, below python-pptx's API.

Why not the API: python-pptx sets each paragraph's properties one at a time through its object
layer, and each setter finds or inserts its element by searching the element's children for
every tag that may come after it (`xmlchemy.first_child_found_in`, an XPath per tag). A slide's
few paragraphs cost about 1 ms that way, most of a long deck's time. Here the same elements
are written as one string per text body, parsed once. The XML is exactly the XML the API
writes (tests/test_speed.py builds decks both ways, with the API's version kept there, and
compares their bytes), so nothing a reader sees changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
_OPEN = f'<p:txBody xmlns:a="{A_NS}" xmlns:p="{P_NS}">'
_TXBODY = qn("p:txBody")
_SPPR = qn("p:spPr")
_SP = qn("p:sp")
_EXTLST = qn("p:extLst")
_PH_PATH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
_T = qn("a:t")
_XFRM, _OFF, _EXT = qn("a:xfrm"), qn("a:off"), qn("a:ext")
# What python-pptx escapes in a run's text (`CT_RegularTextRun._escape_ctrl_chars`): control
# characters but tab and line feed, which XML cannot hold, as "_xHHHH_".
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")


def escape(text: str) -> str:
    """`text` as python-pptx stores it in `<a:t>` and lxml writes it: control characters as
    "_xHHHH_", then &, < and > as entities."""
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SCHEME_ACCENT = '<a:schemeClr val="accent1"/>'


def paragraph_xml(
    text: str,
    size: float | None = None,
    *,
    level: int = 0,
    line_spacing: float | None = None,
    space_before: float | None = None,
    margin: tuple[int, int] | None = None,
    bullet: str = "",
    bold: bool = False,
    italic: bool | None = None,
    accent: bool | str = False,
) -> str:
    """One `<a:p>`, its properties in the order python-pptx's setters leave them: `level`,
    then the left `margin` and indent (EMU), line spacing (a multiple), space before (pt),
    `bullet` (its elements' XML), and one run of `text` at `size` pt, bold, in the accent
    colour (`accent`: True for the theme's accent 1, or an "RRGGBB" to use instead), italic
    or upright whatever the layout sets (`italic`; None: as the layout sets it). Sizes
    and spacing are rounded as python-pptx rounds them (`Pt`, then centipoints)."""
    props = ""
    if line_spacing is not None:
        props += f'<a:lnSpc><a:spcPct val="{int(round(line_spacing * 100000.0))}"/></a:lnSpc>'
    if space_before is not None:
        props += f'<a:spcBef><a:spcPts val="{Pt(space_before).centipoints}"/></a:spcBef>'
    props += bullet
    attrs = f' lvl="{level}"' if level else ""
    if margin is not None:
        attrs += f' marL="{margin[0]}" indent="{margin[1]}"'
    ppr = ""
    if props:
        ppr = f"<a:pPr{attrs}>{props}</a:pPr>"
    elif attrs:
        ppr = f"<a:pPr{attrs}/>"
    rattrs = f' sz="{Pt(size).centipoints}"' if size is not None else ""
    rattrs += ' b="1"' if bold else ""
    rattrs += "" if italic is None else f' i="{int(italic)}"'
    fill = ""
    if accent:
        colour = f'<a:srgbClr val="{accent}"/>' if isinstance(accent, str) else SCHEME_ACCENT
        fill = f"<a:solidFill>{colour}</a:solidFill>"
    if rattrs or fill:
        rpr = f"<a:rPr{rattrs}>{fill}</a:rPr>" if fill else f"<a:rPr{rattrs}/>"
    else:
        rpr = ""
    return f"<a:p>{ppr}<a:r>{rpr}<a:t>{escape(text)}</a:t></a:r></a:p>"


def set_text_body(shape: etree._Element, paragraphs: Sequence[str], fitted: bool) -> None:
    """Replace the paragraphs of `shape`'s fresh text body (a cloned placeholder's
    `<a:bodyPr/><a:lstStyle/><a:p/>`) with `paragraphs` (`paragraph_xml`). `fitted`: the
    planner made the text fit, so no reader may shrink it, and lines wrap (what python-pptx's
    `auto_size = NONE` and `word_wrap = True` write)."""
    body = '<a:bodyPr wrap="square"><a:noAutofit/></a:bodyPr>' if fitted else "<a:bodyPr/>"
    xml = f"{_OPEN}{body}<a:lstStyle/>{''.join(paragraphs) or '<a:p/>'}</p:txBody>"
    new = parse_xml(xml)
    if "<a:t></a:t>" in xml:  # python-pptx writes an empty run's text as "", not as none
        for t in new.iter(_T):
            t.text = t.text or ""
    old = shape.find(_TXBODY)
    if old is not None:
        shape.replace(old, new)
    elif (ext := shape.find(_EXTLST)) is not None:  # the schema's order: txBody, then extLst
        ext.addprevious(new)
    else:  # python-pptx gives every text placeholder a body; should one lack it, add it last
        shape.append(new)


def notes_paragraphs(text: str) -> list[str]:
    """What python-pptx's `TextFrame.text = text` writes: a paragraph a line, a line break for
    each vertical tab, no empty runs."""
    paragraphs = []
    for line in text.split("\n"):
        content = "<a:br/>".join(
            f"<a:r><a:t>{escape(part)}</a:t></a:r>" if part else "" for part in line.split("\v")
        )
        paragraphs.append(f"<a:p>{content}</a:p>" if content else "<a:p/>")
    return paragraphs


def notes_body(notes: etree._Element) -> etree._Element | None:
    """The notes slide's notes box, its first body placeholder, as python-pptx's
    `notes_placeholder` finds it, without making an object of each shape on the way."""
    for sp in notes.iter(_SP):
        ph = sp.find(_PH_PATH)
        if ph is not None and ph.get("type") == "body":
            return sp
    return None


def set_box(shape: etree._Element, box: tuple[int, int, int, int]) -> None:
    """Give a placeholder whose `<p:spPr>` is empty the position and size `box` (EMU), as
    setting python-pptx's left, top, width and height in turn writes them."""
    sppr = shape.find(_SPPR)
    assert sppr is not None  # every shape has its properties, empty or not
    xfrm = etree.SubElement(sppr, _XFRM)
    left, top, width, height = box
    etree.SubElement(xfrm, _OFF, x=str(left), y=str(top))
    etree.SubElement(xfrm, _EXT, cx=str(width), cy=str(height))


def emu(value: float) -> int:
    """`value` pt in EMU, as python-pptx's `Pt` rounds it."""
    return int(Pt(value))
