"""The few things python-pptx's public API cannot do, kept here so nothing else touches XML.

- A theme file may hold slides of its own; python-pptx has no way to delete a slide (#67),
  nor a shape (an empty placeholder would show "Click to add text").
- python-pptx creates a notes master but never lists it in presentation.xml; Keynote refuses
  such a file (#1051).
- python-pptx stamps zip entries with the wall clock (#702), so no two saves are identical:
  the package is written here, as `Presentation.save` writes it, with fixed dates.
- Numbered and bullet-less paragraphs, and the slide-number and footer placeholders that
  python-pptx never copies from a layout to a slide, have no API either.
"""

from __future__ import annotations

import copy
import io
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import IO, cast

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part, _Relationships
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from pptx.opc.serialized import PackageWriter, _ContentTypesItem, _PhysPkgWriter
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.slide import Slide, SlideLayout
from pptx.text.text import _Paragraph
from pptx.util import Emu, Pt

# A fixed date for reproducible files, used unless SOURCE_DATE_EPOCH says otherwise.
DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)


def build_date() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return max(
            datetime.fromtimestamp(int(epoch), timezone.utc),
            datetime(1980, 1, 1, tzinfo=timezone.utc),
        )
    return DEFAULT_DATE


def drop_slides(prs: Presentation) -> None:
    """Remove every slide a theme file came with, leaving no orphan part behind."""
    id_list = prs.slides._sldIdLst
    for sld_id in list(id_list):
        prs.part.drop_rel(sld_id.rId)
        id_list.remove(sld_id)


def remove_shape(shape: BaseShape) -> None:
    parent = shape._element.getparent()
    assert parent is not None  # a shape on a slide sits in its shape tree
    parent.remove(shape._element)


def list_notes_master(prs: Presentation) -> None:
    """Add `<p:notesMasterIdLst>` for the notes master python-pptx created, where the schema
    wants it: right after the slide masters' list."""
    root = prs.part._element
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


def reproducible_bytes(prs: Presentation) -> bytes:
    """The package as python-pptx saves it, with fixed dates, so the same plan gives the same
    bytes."""
    stamp = build_date()
    props = prs.core_properties
    props.created = props.modified = props.last_printed = stamp.replace(tzinfo=None)
    props.revision = 1
    props.last_modified_by = "deckmaker"
    package = prs.part.package
    out = io.BytesIO()
    _DatedPackageWriter(out, package._rels, tuple(package.iter_parts()), stamp).write_dated()
    return out.getvalue()


class _DatedPackageWriter(PackageWriter):
    """python-pptx's package writer (`Presentation.save`), its zip entries dated `stamp` instead
    of now, written once: saving and then rewriting the zip compressed everything twice."""

    def __init__(
        self, out: IO[bytes], rels: _Relationships, parts: Sequence[Part], stamp: datetime
    ) -> None:
        super().__init__(out, rels, parts)
        self._out, self._date = out, stamp.timetuple()[:6]

    def write_dated(self) -> None:
        with zipfile.ZipFile(self._out, "w", zipfile.ZIP_DEFLATED) as archive:
            entries = _DatedEntries(archive, self._date)
            entries.write(CONTENT_TYPES_URI, _content_types_xml(self._parts))
            entries.write(PACKAGE_URI.rels_uri, _rels_xml(self._pkg_rels))
            self._write_parts(entries)

    def _write_parts(self, phys_writer: _PhysPkgWriter) -> None:
        """As python-pptx's, each part's relationships written as text (`_rels_xml`)."""
        for part in self._parts:
            phys_writer.write(part.partname, part.blob)
            if part._rels:  # python-pptx's own test, as in its writer
                phys_writer.write(part.partname.rels_uri, _rels_xml(part._rels))


_RELS_OPEN = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)
# Ids, types and targets that need no escaping: all that a deck deckmaker writes has.
_PLAIN = re.compile(r"[A-Za-z0-9/._:#%~?=+-]*")


def _rels_xml(rels: _Relationships) -> bytes:
    """The .rels part python-pptx writes (`_Relationships.xml`), byte for byte, written as text:
    python-pptx builds an element per relationship and serialises the tree, a tenth of a small
    deck's time. Anything out of the ordinary (a target to escape, no relationship at all) is
    left to python-pptx."""
    ordered = sorted(
        (int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)
        for rid in rels.keys()  # noqa: SIM118 (python-pptx sorts its keys())
    )
    lines = []
    for _, rid in ordered:
        rel = rels[rid]
        target = rel.target_ref
        if not all(_PLAIN.fullmatch(text) for text in (rid, rel.reltype, target)):
            return rels.xml
        mode = ' TargetMode="External"' if rel.is_external else ""
        lines.append(f'<Relationship Id="{rid}" Type="{rel.reltype}" Target="{target}"{mode}/>')
    if not lines:
        return rels.xml
    return _RELS_OPEN + "".join(lines).encode("utf-8") + b"</Relationships>"


_TYPES_OPEN = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
)


def _content_types_xml(parts: Sequence[Part]) -> bytes:
    """`[Content_Types].xml` as python-pptx writes it (`_ContentTypesItem`), byte for byte,
    written as text rather than built element by element through its object layer. Anything
    to escape is left to python-pptx."""
    item = _ContentTypesItem(parts)
    defaults, overrides = item._defaults_and_overrides
    pairs = [*sorted(defaults.items()), *sorted(overrides.items())]
    if not pairs or not all(_PLAIN.fullmatch(text) for pair in pairs for text in pair):
        return serialize_part_xml(item._xml)
    lines = [f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in sorted(defaults.items())]
    lines += [f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in sorted(overrides.items())]
    return _TYPES_OPEN + "".join(lines).encode("utf-8") + b"</Types>"


class _DatedEntries(_PhysPkgWriter):
    def __init__(self, archive: zipfile.ZipFile, date: tuple[int, ...]) -> None:
        self._archive, self._date = archive, date

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, self._date)  # type: ignore[arg-type]
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._archive.writestr(info, blob)


# -- paragraphs and shapes python-pptx has no API for ---------------------------------------------

# Children of <a:pPr> that come after the bullet in the schema's order.
_AFTER_BULLET = ("a:tabLst", "a:defRPr", "a:extLst")
_BULLETS = ("a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip")


def set_bullet(paragraph: _Paragraph, start: int | None, hanging: float = 0.0) -> None:
    """Number the paragraph (1., 2., … counting from `start`), or with None show no bullet.
    `hanging` (pt): the text's left margin, the number hanging in it (else the theme's)."""
    ppr = paragraph._p.get_or_add_pPr()
    if hanging:
        margin = Pt(hanging)
        ppr.set("marL", str(margin))
        ppr.set("indent", str(-margin))
    for tag in _BULLETS:
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if start is None:
        bullet = ppr.makeelement(qn("a:buNone"), {})
    else:
        attrs = {"type": "arabicPeriod"}
        if start != 1:
            attrs["startAt"] = str(start)
        bullet = ppr.makeelement(qn("a:buAutoNum"), attrs)
    after = next((c for c in ppr if c.tag in {qn(t) for t in _AFTER_BULLET}), None)
    if after is not None:
        after.addprevious(bullet)
    else:
        ppr.append(bullet)


def set_list_level(paragraph: _Paragraph, margin: float, hanging: float, char: str) -> None:
    """Indent the paragraph `margin` pt with its bullet `char` hanging `hanging` pt to the
    left, for a theme whose own list levels set neither."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Pt(margin)))
    ppr.set("indent", str(-Pt(hanging)))
    for tag in (*_BULLETS, "a:buFont"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    font = ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"})  # every Arial clone has •, –
    bullet = ppr.makeelement(qn("a:buChar"), {"char": char})
    after = next((c for c in ppr if c.tag in {qn(t) for t in _AFTER_BULLET}), None)
    for element in (font, bullet):
        if after is not None:
            after.addprevious(element)
        else:
            ppr.append(element)


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
    tree = slide.shapes._spTree
    ids = cast("list[str]", _IDS(tree))  # attribute values: strings
    properties = element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}")
    assert properties is not None  # a placeholder shape always has its id and name
    properties.set("id", str(max(int(i) for i in ids if i.isdigit()) + 1))
    tree.append(element)
    field = element.find(f".//{qn('a:fld')}")
    if field is not None and field.get("type") == "slidenum":
        number = field.find(qn("a:t"))
        assert number is not None  # latent_prototype leaves one text in the field
        number.text = text
    else:
        Shape(element, slide.shapes).text_frame.text = text  # type: ignore[arg-type]


def fix_theme_parts(prs: Presentation, layouts: Iterable[SlideLayout]) -> None:
    """Make a theme from elsewhere fit for a deck deckmaker sizes itself:

    - "shrink text on overflow" off on the masters and the layouts used: the planner fitted
      every text, and PowerPoint would shrink it only once edited, LibreOffice at once;
    - a view-properties part, which LibreOffice does not write and PowerPoint repairs a file
      for lacking;
    - no text box on a master or layout that holds only a field's name as plain text
      ("<date/time>", "<footer>"): LibreOffice saves its masters' date and footer fields so,
      and every slide would show the words.
    """
    layouts = list(layouts)
    elements = {
        id(e): e for e in (x._element for x in (*layouts, *(s.slide_master for s in layouts)))
    }
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


STAND_INS = frozenset({"<date/time>", "<footer>", "<header>"})  # LibreOffice's field names
_VIEW_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
    b'<p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/>'
    b'</p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)
