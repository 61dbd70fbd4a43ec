"""Writes the .pptx package itself: the zip, each part's relationships and the content types.

Why not python-pptx's API: `Presentation.save` stamps every zip entry with the wall clock
(python-pptx #702), so no two saves of one deck are the same bytes, and it takes no date; the
writer behind it (`pptx.opc.serialized.PackageWriter`) is documented as not for use. What a
package holds is public in python-pptx: every part reached from the package's relationships
(`iter_rels`), each part's name, content type, bytes and relationships. From those this module
writes what `save` writes, byte for byte (tests/test_speed.py compares the two), with fixed
dates, and as text rather than element by element (python-pptx builds and serialises an
element per relationship, a tenth of a small deck's time); the zip itself by `archive`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.package import OpcPackage, Part
from pptx.opc.spec import default_content_types

from deckmaker.render.archive import zip_bytes

# A fixed date for reproducible files, used unless SOURCE_DATE_EPOCH says otherwise.
DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
_HEAD = b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def build_date() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return max(
            datetime.fromtimestamp(int(epoch), timezone.utc),
            datetime(1980, 1, 1, tzinfo=timezone.utc),
        )
    return DEFAULT_DATE


def package_bytes(
    package: OpcPackage, stamp: datetime, deflated: Callable[[str, bytes], bytes] | None = None
) -> bytes:
    """The package as `Presentation.save` writes it, its zip entries dated `stamp` (each
    deflated by `deflated`, as `archive.zip_bytes` takes it)."""
    parts: list[Part] = []
    seen: set[int] = set()
    rels = list(package.iter_rels())  # depth first, as python-pptx walks it to save
    for rel in rels:
        if not rel.is_external and id(rel.target_part) not in seen:
            seen.add(id(rel.target_part))
            parts.append(rel.target_part)
    owned = {id(rel) for part in parts for rel in part.rels.values()}
    members = [
        ("[Content_Types].xml", content_types_xml(parts)),
        ("_rels/.rels", rels_xml((r for r in rels if id(r) not in owned), "/")),
    ]
    for part in parts:
        members.append((part.partname.membername, part.blob))
        if len(part.rels):
            rels_of = rels_xml(part.rels.values(), part.partname.baseURI)
            members.append((part.partname.rels_uri.membername, rels_of))
    return zip_bytes(members, stamp, deflated)


def rels_xml(rels: Iterable[Any], base: str, in_order: bool = False) -> bytes:
    """The .rels part of a part in folder `base`, its relationships in the order of their ids'
    numbers, as python-pptx writes it (`in_order`: in the order given)."""

    def number(rid: str) -> int:
        return int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0

    lines = []
    for rel in rels if in_order else sorted(rels, key=lambda r: (number(r.rId), r.rId)):
        mode = ' TargetMode="External"' if rel.is_external else ""
        target = rel.target_ref if rel.is_external else relative(rel.target_part.partname, base)
        lines.append(
            f'<Relationship Id="{_attr(rel.rId)}" Type="{_attr(rel.reltype)}" '
            f'Target="{_attr(target)}"{mode}/>'
        )
    return _HEAD + _element("Relationships", _RELS_NS, lines)


def relative(partname: str, base: str) -> str:
    """Part `partname` as a relationship from folder `base` names it: what python-pptx's
    `PackURI.relative_ref` gives (`posixpath.relpath`, for part names, which are normalised
    absolute paths), without the cost of `relpath` on every slide's relationships."""
    if base == "/":
        return partname[1:]
    target, start = partname.split("/"), base.split("/")
    common = 0
    while common < min(len(target) - 1, len(start)) and target[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])


def content_types_xml(parts: Iterable[Part]) -> bytes:
    """`[Content_Types].xml`: a default per extension whose content type is the usual one,
    else an override per part, sorted, as python-pptx writes it."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        ext = part.partname.ext.lower()
        if (ext, part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[str(part.partname)] = part.content_type
    lines = [
        f'<Default Extension="{_attr(e)}" ContentType="{_attr(t)}"/>'
        for e, t in sorted(defaults.items())
    ]
    lines += [
        f'<Override PartName="{_attr(n)}" ContentType="{_attr(t)}"/>'
        for n, t in sorted(overrides.items())
    ]
    return _HEAD + _element("Types", _TYPES_NS, lines)


def _element(tag: str, namespace: str, children: list[str]) -> bytes:
    if not children:
        return f'<{tag} xmlns="{namespace}"/>'.encode()
    return f'<{tag} xmlns="{namespace}">{"".join(children)}</{tag}>'.encode()


_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


def _attr(text: str) -> str:
    """An attribute's value escaped as lxml escapes it."""
    return text.translate(_ESCAPES)
