"""The few things python-pptx's API cannot do, kept here so nothing else touches XML.

- A theme file may hold slides of its own; python-pptx has no way to delete a slide (#67),
  nor a shape (an empty placeholder would show "Click to add text").
- python-pptx creates a notes master but never lists it in presentation.xml; Keynote refuses
  such a file (#1051).
- The slide-number and footer placeholders that python-pptx never copies from a layout to a
  slide have no API either.
- Nor has marking a shape decorative (Office's `adec:decorative`, which screen readers and
  PowerPoint's Accessibility Checker read: no alt text needed).

Each works on the lxml elements python-pptx hands out publicly (`element`), with lxml's API.
Writing the package with fixed dates is `package_writer`'s.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import cast

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from deckmaker.render.package_writer import build_date, package_bytes
from deckmaker.theme.inert import active


def drop_slides(prs: Presentation) -> None:
    """Remove every slide a theme file came with, leaving no orphan part behind."""
    id_list = prs.element.find(qn("p:sldIdLst"))
    for sld_id in list(id_list if id_list is not None else ()):
        if sld_id.tag == qn("p:sldId"):
            prs.part.drop_rel(sld_id.get(qn("r:id")))
            id_list.remove(sld_id)


def remove_shape(shape: BaseShape) -> None:
    parent = shape.element.getparent()
    assert parent is not None  # a shape on a slide sits in its shape tree
    parent.remove(shape.element)


def list_notes_master(prs: Presentation) -> None:
    """Add `<p:notesMasterIdLst>` for the notes master python-pptx created, where the schema
    wants it: right after the slide masters' list."""
    root = prs.element
    if root.find(qn("p:notesMasterIdLst")) is not None:
        return
    rid = next(
        (
            r.rId
            for r in prs.part.rels.values()
            if r.reltype == RT.NOTES_MASTER and not r.is_external
        ),
        None,
    )
    if rid is None:
        return
    id_list = root.makeelement(qn("p:notesMasterIdLst"), {})
    id_list.append(root.makeelement(qn("p:notesMasterId"), {qn("r:id"): rid}))
    masters = root.find(qn("p:sldMasterIdLst"))
    assert masters is not None  # python-pptx refuses a presentation without one
    masters.addnext(id_list)


def reproducible_bytes(
    prs: Presentation, deflated: Callable[[str, bytes], bytes] | None = None
) -> bytes:
    """The package as python-pptx saves it, with fixed dates, so the same plan gives the same
    bytes (each member deflated by `deflated`, as `archive.zip_bytes` takes it)."""
    stamp = build_date()
    props = prs.core_properties
    props.created = props.modified = props.last_printed = stamp.replace(tzinfo=None)
    props.revision = 1
    props.last_modified_by = "deckmaker"
    return package_bytes(prs.part.package, stamp, deflated)


# -- paragraphs and shapes python-pptx has no API for ---------------------------------------------


def latent_prototype(source: etree._Element, box: tuple[int, int, int, int]) -> etree._Element:
    """A copy of a layout's slide-number or footer placeholder, which python-pptx never clones
    to a slide, at `box`, its text to be set by `add_latent`: made once for every slide that
    shows it. A slide-number field is kept alone in its paragraph, so PowerPoint renumbers."""
    element = copy.deepcopy(source)
    shape = Shape(element, None)  # type: ignore[arg-type]
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box)
    field = element.find(f".//{qn('a:fld')}")
    if field is not None and field.get("type") == "slidenum":
        runs = field.findall(qn("a:t"))
        for t in runs[1:]:
            field.remove(t)
        if not runs:
            etree.SubElement(field, qn("a:t"))
        paragraph = field.getparent()
        assert paragraph is not None  # a field sits in a paragraph
        for sibling in list(paragraph):  # leave the field alone in its paragraph
            if sibling.tag in (qn("a:r"), qn("a:br")):
                paragraph.remove(sibling)
        body = paragraph.getparent()
        assert body is not None  # and a paragraph in a text body
        for other in body.findall(qn("a:p")):
            if other is not paragraph:
                body.remove(other)
    return element


# Every id on a slide, compiled once (lxml compiles an expression given to `.xpath()` anew on
# each call).
_IDS = etree.XPath("//@id")


def add_latent(slide: Slide, prototype: etree._Element, text: str) -> None:
    """Put a copy of `prototype` (`latent_prototype`) on the slide, showing `text`."""
    element = copy.deepcopy(prototype)
    _place(slide, element)
    field = element.find(f".//{qn('a:fld')}")
    if field is not None and field.get("type") == "slidenum":
        number = field.find(qn("a:t"))
        assert number is not None  # latent_prototype leaves one text in the field
        number.text = text
    else:
        Shape(element, slide.shapes).text_frame.text = text  # type: ignore[arg-type]


def stamp(slide: Slide, made: etree._Element, text: str) -> None:
    """Put on the slide a copy of a text box python-pptx `made` on another (`add_textbox`:
    one run), saying `text`, with the id and name `add_textbox` would give it: a box made
    once per deck rather than through the API on each slide."""
    element = copy.deepcopy(made)
    shape_id = _place(slide, element)
    properties = element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
    assert properties is not None  # a text box has its id and name
    properties.set("name", f"TextBox {shape_id - 1}")
    (said,) = element.iter(qn("a:t"))
    said.text = text


def _place(slide: Slide, element: etree._Element) -> int:
    """Put the shape `element` last in the slide's shape tree (before its extensions), with the
    id python-pptx would give a new shape: one more than any on the slide."""
    tree = slide.shapes.element  # the slide's <p:spTree>
    ids = cast("list[str]", _IDS(tree))  # attribute values: strings
    shape_id = max((int(i) for i in ids if i.isdigit()), default=0) + 1
    properties = element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
    assert properties is not None  # a shape always has its id and name
    properties.set("id", str(shape_id))
    extensions = tree.find(qn("p:extLst"))
    if extensions is None:
        tree.append(element)
    else:
        extensions.addprevious(element)
    return shape_id


def fix_theme_parts(prs: Presentation, layouts: Iterable[SlideLayout]) -> None:
    """Make a theme from elsewhere fit for a deck deckmaker sizes itself:

    - "shrink text on overflow" off on the masters and the layouts used: the planner fitted
      every text, and PowerPoint would shrink it only once edited, LibreOffice at once;
    - a view-properties part, which LibreOffice does not write and PowerPoint repairs a file
      for lacking;
    - no text box on a master or layout that holds only a field's name as plain text
      ("<date/time>", "<footer>"): LibreOffice saves its masters' date and footer fields so,
      and every slide would show the words;
    - text styles on a master saved without any (LibreOffice's), as its prompts set them
      (`theme.prompts`): else every title and point would be black.
    """
    layouts = list(layouts)
    elements = {
        id(e): e for e in (x.element for x in (*layouts, *(s.slide_master for s in layouts)))
    }
    for master in {id(s.slide_master): s.slide_master for s in layouts}.values():
        if master.element.find(qn("p:txStyles")) is None:  # LibreOffice's: styled by prompts
            from deckmaker.theme.prompts import Look, write_styles  # only for such a theme

            used = [s.element for s in layouts if s.slide_master.element is master.element]
            look = Look(_pictures(master.part), (prs.slide_width or 0, prs.slide_height or 0))
            write_styles(master.element, used, look)
    for element in elements.values():
        for shrink in list(element.iter(qn("a:normAutofit"))):
            body = shrink.getparent()
            assert body is not None  # found below `element`, so it has a parent
            body.replace(shrink, shrink.makeelement(qn("a:noAutofit"), {}))
        for box in list(element.iter(qn("p:sp"))):
            if box.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}") is not None:
                continue  # a placeholder: slides show it only where they hold it
            runs = [t.text or "" for t in box.iter(qn("a:t"))]
            if runs and "".join(runs).strip() in STAND_INS and not list(box.iter(qn("a:fld"))):
                parent = box.getparent()
                assert parent is not None
                parent.remove(box)
    if any(r.reltype == RT.VIEW_PROPS for r in prs.part.rels.values()):
        return
    partname = PackURI("/ppt/viewProps.xml")
    view = Part(partname, CT.PML_VIEW_PROPS, prs.part.package, _VIEW_PROPS)
    prs.part.relate_to(view, RT.VIEW_PROPS)


def _pictures(part: Part) -> Callable[[str], bytes | None]:
    """The bytes of the picture `part` relates to by an id, None for no picture there."""

    def picture(rid: str) -> bytes | None:
        related = part.rels.get(rid)
        if related is None or related.is_external or related.reltype != RT.IMAGE:
            return None
        return related.target_part.blob

    return picture


def drop_active(prs: Presentation) -> None:
    """Drop every relationship of the theme that reaches outside the package, or to a macro,
    ActiveX control or OLE object (`theme.inert`): the parts behind them are no longer reached,
    so they are not written. The references to them in the parts python-pptx hands out (the
    presentation, masters, layouts, notes master) go too, so no id points nowhere."""
    found = list(active(prs.part.package))
    if not found:
        return
    elements = {id(prs.part): prs.element}
    for master in prs.slide_masters:
        elements[id(master.part)] = master.element
        elements.update((id(lay.part), lay.element) for lay in master.slide_layouts)
    if _has_notes_master(prs):  # asked for without one, python-pptx would make one
        elements[id(prs.notes_master.part)] = prs.notes_master.element
    for part, rid, _ in found:
        part.rels.pop(rid)
        element = elements.get(id(part))
        for node in element.iter() if element is not None else ():
            for name, value in list(node.attrib.items()):
                if value == rid and str(name).startswith(_R):
                    del node.attrib[name]


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def _has_notes_master(prs: Presentation) -> bool:
    return any(r.reltype == RT.NOTES_MASTER for r in prs.part.rels.values())


STAND_INS = frozenset({"<date/time>", "<footer>", "<header>"})  # LibreOffice's field names
_VIEW_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    b'<p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/>'
    b'</p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)


# Office's mark for a shape that only decorates (PowerPoint's "Mark as decorative").
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def mark_decorative(shape: BaseShape) -> None:
    """Mark `shape` decorative, as PowerPoint writes it: an extension of its `cNvPr`."""
    properties = shape.element.find(f".//{qn('p:cNvPr')}")
    assert properties is not None  # every shape has its non-visual properties
    extensions = etree.SubElement(properties, qn("a:extLst"))
    ext = etree.SubElement(extensions, qn("a:ext"), uri=DECORATIVE_URI)
    etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", val="1", nsmap={"adec": DECORATIVE_NS})
