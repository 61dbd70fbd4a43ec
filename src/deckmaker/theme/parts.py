"""A theme's package checked from its zip before python-pptx reads it: how many parts, how
large each and all of them unpacked (from the zip's directory, so a zip bomb is never
unpacked), every XML part well-formed and without a DTD (no Office file has one; an entity is
how XML reaches outside), every relationship leading to a part inside the package that is
there, of the kind it is named as, and placeholders of the types PowerPoint knows. python-pptx
meets any of these later as a KeyError, a ValueError or a part of the wrong class; here each is
one sentence naming the part."""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deckmaker.characters import unfit_in
from deckmaker.limits import MAX_THEME_PART, MAX_THEME_PARTS, MAX_THEME_UNPACKED

PKG_NS = "http://schemas.openxmlformats.org/package/2006/"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
# What a relationship that holds the deck together must reach (python-pptx builds the part by
# its content type; a slide layout of another type has none of a layout's properties).
STRUCTURE = {
    RT.OFFICE_DOCUMENT: (CT.PML_PRESENTATION_MAIN, TEMPLATE_MAIN),
    RT.SLIDE_MASTER: (CT.PML_SLIDE_MASTER,),
    RT.SLIDE_LAYOUT: (CT.PML_SLIDE_LAYOUT,),
    RT.THEME: (CT.OFC_THEME,),
    RT.NOTES_MASTER: (CT.PML_NOTES_MASTER,),
    RT.HANDOUT_MASTER: (CT.PML_HANDOUT_MASTER,),
    RT.SLIDE: (CT.PML_SLIDE,),
    RT.NOTES_SLIDE: (CT.PML_NOTES_SLIDE,),
}
# The values ECMA-376 allows for a placeholder's attributes (ST_PlaceholderType and friends).
PLACEHOLDER = {
    "type": {"title", "body", "ctrTitle", "subTitle", "dt", "sldNum", "ftr", "hdr", "obj",
             "chart", "tbl", "clipArt", "dgm", "media", "sldImg", "pic"},
    "orient": {"horz", "vert"},
    "sz": {"full", "half", "quarter"},
}  # fmt: skip
# Attributes that hold a whole number wherever deckmaker or python-pptx reads them, by the
# local name of their element (ECMA-376's ST_Coordinate, ST_Percentage, ST_StyleMatrixColumnIndex,
# ST_TextFontSize...): a position, a size, a style's index, a colour's tint or shade, a font size.
WHOLE = {
    **dict.fromkeys(("off", "chOff"), ("x", "y")),
    **dict.fromkeys(("ext", "chExt", "sldSz", "notesSz"), ("cx", "cy")),
    **dict.fromkeys(("bgRef", "fillRef", "lnRef", "effectRef"), ("idx",)),
    **dict.fromkeys(("rPr", "defRPr", "endParaRPr"), ("sz", "spc", "kern", "baseline")),
    **dict.fromkeys(("pPr", *(f"lvl{n}pPr" for n in range(1, 10))),
                    ("lvl", "marL", "marR", "indent", "defTabSz")),
    **dict.fromkeys(("tint", "shade", "alpha", "lumMod", "lumOff", "satMod", "satOff", "hueMod",
                     "hueOff", "alphaMod", "alphaOff", "spcPts", "spcPct", "buSzPct", "buSzPts",
                     "gs"), ("val", "pos")),
    "bodyPr": ("lIns", "tIns", "rIns", "bIns", "rot", "numCol", "spcCol"),
    "ln": ("w",),
    "xfrm": ("rot",),
}  # fmt: skip
_INTEGER = re.compile(r"-?[0-9]{1,15}")
# ...of them, those that are a size (ST_PositiveCoordinate): never below zero.
SIZES = frozenset(("cx", "cy"))
# Attributes that hold one of a fixed set of values, by their element's local name (ECMA-376's
# ST_SlideLayoutType, ST_SchemeColorVal): a reader such as openxml-audit refuses a deck with
# another.
_LAYOUT_TYPES = (
    "blank chart chartAndTx clipArtAndTx clipArtAndVertTx cust dgm fourObj mediaAndTx obj "
    "objAndTwoObj objAndTx objOnly objOverTx objTx picTx secHead tbl title titleOnly twoColTx "
    "twoObj twoObjAndObj twoObjAndTx twoObjOverTx twoTxTwoObj tx txAndChart txAndClipArt "
    "txAndMedia txAndObj txAndTwoObj txOverObj vertTitleAndTx vertTitleAndTxOverChart vertTx"
)
_SCHEME_COLOURS = (
    "bg1 tx1 bg2 tx2 accent1 accent2 accent3 accent4 accent5 accent6 hlink folHlink phClr dk1 "
    "lt1 dk2 lt2"
)
CHOICES = {
    "sldLayout": ("type", frozenset(_LAYOUT_TYPES.split())),
    "schemeClr": ("val", frozenset(_SCHEME_COLOURS.split())),
}
_HEX_COLOUR = re.compile(r"[0-9A-Fa-f]{6}")
# A slide's width and height, in EMU, as ECMA-376 bounds them (1 to 56 inches).
SLIDE_SIZE = (914400, 51206400)


class BrokenTheme(Exception):
    """What is wrong with the package, as the end of a sentence about the theme."""


# A zip's end record (its last 22 bytes, before a comment of up to 64 KB) and, for a zip of
# more than 65,535 entries, the ZIP64 end record it points to, as PKWARE's APPNOTE lays them out.
_END = struct.Struct("<4s4H2LH")
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")
# The most its directory may take up: MAX_THEME_PARTS entries of 46 bytes and a name, extra
# field and comment of up to 1 KB between them (a real part's name is under 60 characters).
MAX_DIRECTORY = MAX_THEME_PARTS * (46 + 1024)


def check_directory(data: bytes) -> None:
    """Raise `BrokenTheme` if the zip `data` says it holds too many parts, or has a directory
    too large for that many, from its end record alone: zipfile reads every entry of the
    directory into memory before anything can be counted (1.5 million took 10 s and 1 GB).
    A zip whose end record is not found is left for zipfile to refuse."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - _END.size - 0xFFFF))
    if at < 0 or at + _END.size > len(data):
        return
    _, _, _, _, parts, size, _, _ = _END.unpack_from(data, at)
    locator = at - _END64_LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        where = _END64_LOCATOR.unpack_from(data, locator)[2]
        if 0 <= where <= len(data) - _END64.size and data[where : where + 4] == b"PK\x06\x06":
            parts, size = _END64.unpack_from(data, where)[7:9]
    if parts > MAX_THEME_PARTS:
        raise BrokenTheme(f"it holds {parts:,} parts, over the {MAX_THEME_PARTS:,} limit")
    if size > MAX_DIRECTORY:
        raise BrokenTheme(
            f"its zip's directory takes {size >> 20} MB, more than {MAX_THEME_PARTS:,} parts "
            "would need (a zip made to be slow to read?)"
        )


def check_size(src: zipfile.ZipFile) -> None:
    """Raise `BrokenTheme` if the package `src` holds too many parts or unpacks too large,
    as its zip's directory says (zipfile never unpacks more than an entry's stated size)."""
    items = src.infolist()
    if len(items) > MAX_THEME_PARTS:
        raise BrokenTheme(f"it holds {len(items):,} parts, over the {MAX_THEME_PARTS:,} limit")
    for item in items:
        if item.file_size > MAX_THEME_PART:
            raise BrokenTheme(
                f"its part {item.filename!r} unpacks to {item.file_size >> 20} MB, over the "
                f"{MAX_THEME_PART >> 20} MB limit for one part (a zip bomb?)"
            )
    unpacked = sum(item.file_size for item in items)
    if unpacked > MAX_THEME_UNPACKED:
        raise BrokenTheme(
            f"it unpacks to {unpacked >> 20} MB, over the {MAX_THEME_UNPACKED >> 20} MB limit "
            "for a theme (a zip bomb?)"
        )


def check_parts(src: zipfile.ZipFile) -> None:
    """Raise `BrokenTheme` saying what is wrong with the parts of the package `src`, if
    anything; `check_size` first."""
    names = set(src.namelist())
    trees = {n: _parsed(src, n) for n in sorted(names) if n.endswith((".xml", ".rels"))}
    if "[Content_Types].xml" not in trees:
        raise BrokenTheme("it is a zip archive, but no presentation (no [Content_Types].xml)")
    types = _content_types(trees["[Content_Types].xml"])
    for name, tree in trees.items():
        if name.endswith(".rels"):
            _check_rels(name, tree, names, types)
        elif types(name) in (CT.PML_SLIDE_MASTER, CT.PML_SLIDE_LAYOUT):
            _check_placeholders(name, tree)
            _check_numbers(name, tree)
        elif types(name) == CT.OFC_THEME:
            _check_numbers(name, tree)
        elif types(name) in (CT.PML_PRESENTATION_MAIN, TEMPLATE_MAIN):
            _check_slide_size(name, tree)


def _parsed(src: zipfile.ZipFile, name: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(src.read(name), parser)
    except etree.XMLSyntaxError as err:
        said = " ".join(str(err.msg).split())  # lxml's message may hold a line break
        raise BrokenTheme(f"its part {name!r} is not well-formed XML ({said})") from None
    unfit = unfit_in(etree.tostring(root, encoding="unicode"))
    if unfit:  # a deck copies the theme's masters and layouts as they are
        raise BrokenTheme(
            f"its part {name!r} holds a character no deck may hold (U+{ord(unfit[0][1][0]):04X})"
        )
    if root.getroottree().docinfo.internalDTD is not None:
        raise BrokenTheme(f"its part {name!r} declares a DTD (<!DOCTYPE>), as no Office file does")
    return root


def _content_types(root: etree._Element):  # type: ignore[no-untyped-def]
    """A function giving a part's content type, as [Content_Types].xml declares it."""
    ns = {"t": PKG_NS + "content-types"}
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "")
        for d in root.findall("t:Default", ns)
    }
    overrides = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
        for o in root.findall("t:Override", ns)
    }
    return lambda name: overrides.get(name) or defaults.get(posixpath.splitext(name)[1][1:].lower())


def _check_rels(name: str, root: etree._Element, names: set[str], types) -> None:  # type: ignore[no-untyped-def]
    """Each relationship of the part whose .rels is `name`: inside the package, to a part
    that is there, of the kind its type names."""
    folder = posixpath.dirname(posixpath.dirname(name))  # ppt/slides/_rels/x.rels -> ppt/slides
    for rel in root.findall(f"{{{PKG_NS}relationships}}Relationship"):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        said = f"{name!r} links to {target!r}"
        if rel.get("TargetMode") == "External":
            if kind in STRUCTURE:
                raise BrokenTheme(f"{said} outside the package for one of its own parts")
            continue  # dropped from the deck with a warning (theme.inert)
        part = posixpath.normpath(target.lstrip("/") if target.startswith("/") else
                                  posixpath.join(folder, target))  # fmt: skip
        if part.startswith("../") or part == "..":
            raise BrokenTheme(f"{said}, outside the package")
        if part not in names:
            raise BrokenTheme(f"{said}, a part it does not hold")
        if kind in STRUCTURE and types(part) not in STRUCTURE[kind]:
            raise BrokenTheme(
                f"{said} as its {kind.rsplit('/', 1)[-1]}, a part of another kind "
                f"({types(part) or 'no content type'})"
            )


def _check_placeholders(name: str, root: etree._Element) -> None:
    for ph in root.iter(f"{{{P_NS}}}ph"):
        for attribute, allowed in PLACEHOLDER.items():
            value = ph.get(attribute)
            if value is not None and value not in allowed:
                raise BrokenTheme(
                    f"{name!r} has a placeholder of {attribute} {value!r}, which PowerPoint "
                    "does not know"
                )
        if not ph.get("idx", "0").isdigit():
            raise BrokenTheme(f"{name!r} has a placeholder numbered {ph.get('idx')!r}")


def _check_numbers(name: str, root: etree._Element) -> None:
    """Whole numbers (sizes not below zero), the values of a fixed set and colours (six hex
    digits) where the attributes named above hold them."""
    for element in root.iter(etree.Element):
        local = etree.QName(element).localname
        for attribute in WHOLE.get(local, ()):
            value = element.get(attribute)
            if value is None:
                continue
            if not _INTEGER.fullmatch(value.strip()) or (attribute in SIZES and int(value) < 0):
                raise BrokenTheme(
                    f"{name!r} has {value!r} for the {attribute} of a {local}, where a "
                    f"{'size' if attribute in SIZES else 'whole number'} belongs"
                )
        attribute, allowed = CHOICES.get(local, ("", frozenset()))
        value = element.get(attribute) if attribute else None
        if value is not None and value not in allowed:
            raise BrokenTheme(f"{name!r} has {value!r} for the {attribute} of a {local}")
        colour = element.get("val") if local == "srgbClr" else None
        if colour is not None and not _HEX_COLOUR.fullmatch(colour):
            raise BrokenTheme(f"{name!r} has {colour!r} for a colour (six hex digits)")


def _check_slide_size(name: str, root: etree._Element) -> None:
    size = root.find(f"{{{P_NS}}}sldSz")
    if size is None:
        return
    low, high = SLIDE_SIZE
    for attribute in ("cx", "cy"):
        value = size.get(attribute, "")
        if not value.isdigit() or not low <= int(value) <= high:
            raise BrokenTheme(
                f"{name!r} gives the slide a {'width' if attribute == 'cx' else 'height'} of "
                f"{value!r} EMU, outside the 1 to 56 inches a slide may be"
            )
