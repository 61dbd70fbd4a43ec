"""A theme's colour scheme: its dark and light text and background colours, accents and links,
by the names OOXML gives them (`dk1`, `lt1`, `accent1`…), as RRGGBB."""

from __future__ import annotations

from lxml import etree

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
SLOTS = (
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6",
    "hlink", "folHlink",
)  # fmt: skip


def colour_scheme(theme_xml: etree._Element) -> dict[str, str]:
    """Each slot of the scheme with a colour given as RGB, or as a system colour's last value
    (`<a:sysClr lastClr=…>`, as PowerPoint writes window text and background)."""
    scheme = theme_xml.find(f".//{{{A_NS}}}clrScheme")
    found: dict[str, str] = {}
    if scheme is None:
        return found
    for slot in SLOTS:
        holder = scheme.find(f"{{{A_NS}}}{slot}")
        if holder is None or not len(holder):
            continue
        colour = holder[0]
        value = colour.get("val") if etree.QName(colour).localname == "srgbClr" else None
        value = value or colour.get("lastClr")
        if value and len(value) == 6:
            found[slot] = value.upper()
    return found
