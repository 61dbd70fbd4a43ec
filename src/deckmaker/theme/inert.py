"""What in a theme can act or call out, which no deck of ours carries: links to files or servers
outside the package (`TargetMode="External"`: `file://`, `http://`, `\\\\server\\share`, which
PowerPoint follows when the deck is opened), a VBA project (macros), ActiveX controls and OLE
objects. Each is found by its relationship, so dropping the relationship drops what it reaches."""

from __future__ import annotations

from collections.abc import Iterator

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import OpcPackage, Part

ACTIVE = {  # relationship type -> what it reaches, as a warning names it
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject": "a VBA project (macros)",
    RT.CONTROL: "an ActiveX control",
    "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary": (
        "an ActiveX control"
    ),
    RT.OLE_OBJECT: "an OLE object",
    RT.PACKAGE: "an embedded package (OLE)",
}


def active(package: OpcPackage) -> Iterator[tuple[Part, str, str]]:
    """Each relationship in `package` that reaches outside it or to something that can act:
    the part holding it, its id, and what it reaches."""
    for part in package.iter_parts():
        for rel in part.rels.values():
            if rel.is_external:
                yield part, rel.rId, f"an external link to {rel.target_ref!r}"
            elif rel.reltype in ACTIVE:
                yield part, rel.rId, ACTIVE[rel.reltype]
