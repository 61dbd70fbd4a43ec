"""Code and tables as a reader meets them, read from the slide XML: code set in a monospace
font no smaller than 14 pt, its quotes straight, every run standing out from its panel by
WCAG's 4.5:1; every table's first row marked as its header (`firstRow`), which is what
PowerPoint's accessibility checker and screen readers look for."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
MONOSPACE = {
    "consolas", "cascadia mono", "cascadia code", "menlo", "monaco", "sf mono", "jetbrains mono",
    "fira code", "fira mono", "source code pro", "ibm plex mono", "roboto mono", "ubuntu mono",
    "inconsolata", "dejavu sans mono", "liberation mono", "courier new", "courier",
}  # fmt: skip
CURLY = "‘’“”"
SMALLEST_PT = 14
CONTRAST = 4.5


def content_findings(path: Path) -> list[str]:
    found = []
    with zipfile.ZipFile(path) as z:
        names = sorted(
            (n for n in z.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml")),
            key=lambda n: int(n[len("ppt/slides/slide") : -4]),
        )
        for name in names:
            root = etree.fromstring(z.read(name))
            where = f"{path.name}: slide {name[len('ppt/slides/slide') : -4]}:"
            found += [f"{where} {f} [content]" for f in _code(root)]
            found += [f"{where} {f} [content]" for f in _tables(root)]
    return found


def _code(root: etree._Element) -> list[str]:
    out = []
    for sp in root.iter(f"{P}sp"):
        name = sp.find(f"{P}nvSpPr/{P}cNvPr")
        if name is None or name.get("name") != "Code":
            continue
        fill = sp.find(f"{P}spPr/{A}solidFill/{A}srgbClr")
        panel = fill.get("val") if fill is not None else None
        if panel is None:
            out.append("code has no panel colour of its own")
        for run in sp.iter(f"{A}r"):
            text = run.findtext(f"{A}t") or ""
            props = run.find(f"{A}rPr")
            latin = props.find(f"{A}latin") if props is not None else None
            face = latin.get("typeface", "") if latin is not None else ""
            if face.lower() not in MONOSPACE:
                out.append(f"code {text!r} is set in {face or 'the theme font'!r}, not monospace")
            size = int(props.get("sz", "0")) / 100 if props is not None else 0
            if size < SMALLEST_PT:
                out.append(f"code {text!r} is set at {size:g} pt, under {SMALLEST_PT} pt")
            if any(c in text for c in CURLY):
                out.append(f"code {text!r} has curly quotes: code keeps its straight ones")
            colour = props.find(f"{A}solidFill/{A}srgbClr") if props is not None else None
            if panel and colour is not None and text.strip():
                ratio = _contrast(colour.get("val"), panel)
                if ratio < CONTRAST:
                    out.append(f"code {text!r} stands out {ratio:.1f}:1 from its panel, under 4.5")
    return out


def _tables(root: etree._Element) -> list[str]:
    out = []
    for tbl in root.iter(f"{A}tbl"):
        props = tbl.find(f"{A}tblPr")
        if props is None or props.get("firstRow") not in ("1", "true"):
            out.append("a table without its header row marked (firstRow)")
    return out


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
