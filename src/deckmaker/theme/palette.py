"""What a theme's slides look like in colour and which monospace font it sets code in, read from
its parts: the colour scheme, the master's colour map and background, the fonts its masters and
layouts name. The planner colours code from these so that it reads on the slide it sits on.

python-pptx reads none of the theme part (it keeps it as a blob), so this reads its XML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.slide import SlideLayout

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
SCHEME = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)))
# What a colour map may send bg1, tx1, bg2 and tx2 to; Office's default map when none is given.
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}

# Monospace families a theme may name for code, best first; the first one it names is used.
MONOSPACE = (
    "Consolas", "Cascadia Mono", "Cascadia Code", "Menlo", "Monaco", "SF Mono", "JetBrains Mono",
    "Fira Code", "Fira Mono", "Source Code Pro", "IBM Plex Mono", "Roboto Mono", "Ubuntu Mono",
    "Inconsolata", "DejaVu Sans Mono", "Liberation Mono", "Courier New", "Courier",
)  # fmt: skip
# Code in a theme that names none: Courier New is on every PowerPoint machine, and LibreOffice
# draws it with Liberation Mono, whose widths are the same (fonts.METRIC_TWINS), so the fit
# measured here holds in both.
CODE_FONT = "Courier New"


@dataclass(frozen=True)
class Palette:
    """A slide's colours as "RRGGBB": its background, its text and the theme's six accents."""

    background: str = "FFFFFF"
    text: str = "000000"
    accents: tuple[str, ...] = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")


def palette(prs: Presentation, layout: SlideLayout) -> Palette:
    """The colours of a slide on `layout`: its background (the layout's, else the master's)."""
    master = layout.slide_master
    theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    scheme = {}
    for name in SCHEME:
        found = theme.find(f".//{A}clrScheme/{A}{name}")
        colour = _colour(found) if found is not None else None
        if colour:
            scheme[name] = colour
    mapping = dict(DEFAULT_MAP)
    clr_map = master.element.find(f"{P}clrMap")
    if clr_map is not None:
        mapping.update({str(k): str(v) for k, v in clr_map.attrib.items() if k in DEFAULT_MAP})
    override = layout.element.find(f"{P}clrMapOvr/{A}overrideClrMapping")
    if override is not None:
        mapping.update({str(k): str(v) for k, v in override.attrib.items() if k in DEFAULT_MAP})

    def resolve(name: str) -> str | None:
        return scheme.get(mapping.get(name, name))

    background = None
    for part in (layout.element, master.element):
        bg = part.find(f"{P}cSld/{P}bg")
        if bg is not None:
            background = _fill(bg, resolve)
            break
    default = Palette()
    return Palette(
        background=background or resolve("bg1") or default.background,
        text=resolve("tx1") or default.text,
        accents=tuple(scheme.get(f"accent{i}", a) for i, a in enumerate(default.accents, 1)),
    )


def _colour(element: etree._Element) -> str | None:
    """The colour a scheme entry gives (an RGB value, or a system colour's last value)."""
    for child in element:
        if child.tag == f"{A}srgbClr":
            return str(child.get("val", "")).upper() or None
        if child.tag == f"{A}sysClr":
            return str(child.get("lastClr", "")).upper() or None
    return None


def _fill(bg: etree._Element, resolve: Callable[[str], str | None]) -> str | None:
    """A background's solid colour, or the scheme colour it refers to; None for a picture or
    a gradient's first stop cannot stand for it."""
    for tag in (f"{A}srgbClr", f"{A}schemeClr"):
        found = bg.find(f".//{tag}")
        if found is None:
            continue
        if tag == f"{A}srgbClr":
            return str(found.get("val", "")).upper() or None
        return resolve(str(found.get("val", "")))
    return None


def code_font(prs: Presentation) -> str:
    """The monospace font the theme names for code anywhere (its fonts, masters, layouts),
    else CODE_FONT."""
    named: set[str] = set()
    for master in prs.slide_masters:
        theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
        for element in (theme, master.element, *(lay.element for lay in master.slide_layouts)):
            named.update(str(e.get("typeface")) for e in element.iter(f"{A}latin"))
    lowered = {n.lower() for n in named}
    return next((m for m in MONOSPACE if m.lower() in lowered), CODE_FONT)
