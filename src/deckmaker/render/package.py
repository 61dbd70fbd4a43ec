"""The few things python-pptx's public API cannot do, kept here so nothing else touches XML.

- A theme file may hold slides of its own; python-pptx has no way to delete a slide (#67),
  nor a shape (an empty placeholder would show "Click to add text").
- python-pptx creates a notes master but never lists it in presentation.xml; Keynote refuses
  such a file (#1051).
- python-pptx stamps zip entries with the wall clock (#702), so no two saves are identical.
"""

from __future__ import annotations

import io
import os
import zipfile
from datetime import datetime, timezone

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.base import BaseShape

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
    shape._element.getparent().remove(shape._element)


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
    root.find(qn("p:sldMasterIdLst")).addnext(id_list)


def reproducible_bytes(prs: Presentation) -> bytes:
    """Save, then rewrite the zip with fixed entry dates so the same plan gives the same bytes."""
    stamp = build_date()
    props = prs.core_properties
    props.created = props.modified = props.last_printed = stamp.replace(tzinfo=None)
    props.revision = 1
    props.last_modified_by = "deckmaker"
    raw = io.BytesIO()
    prs.save(raw)
    out = io.BytesIO()
    date_time = stamp.timetuple()[:6]
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item))
    return out.getvalue()
