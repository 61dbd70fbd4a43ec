"""What outside readers say about a deck: a list of findings, empty when the file is clean.

python-pptx reading back what python-pptx wrote proves little, so these ask tools written by
others (openxml-audit, lxml's strict parser, LibreOffice Impress and poppler) and compare what
LibreOffice drew with what the slides hold. See ../shared/research/judges.md for the traps.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
TOLERANCE_PT = 2.0  # rounding in LibreOffice's PDF export
# pdftotext draws each word's box from the font's full ascent and descent, which stand a little
# above and below the line the text really sits on: allow that much, and no more, vertically.
FONT_OVERHANG = 0.1


def require(tool: str) -> str:
    """The path of an outside tool; a skip locally when it is missing, a failure under CI."""
    found = shutil.which(tool) or shutil.which(tool, path=str(Path(sys.executable).parent))
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{tool} is not installed; .ci/run must install it")
    pytest.skip(f"{tool} is not installed (see README: Tests)")


# -- the package ----------------------------------------------------------------------------------


def package_findings(path: Path) -> list[str]:
    findings = _audit(path)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        xml_parts = [n for n in names if n.endswith((".xml", ".rels"))]
        strict = etree.XMLParser(recover=False, resolve_entities=False)
        trees = {}
        for name in xml_parts:
            try:
                trees[name] = etree.fromstring(z.read(name), strict)
            except etree.XMLSyntaxError as err:
                findings.append(f"{path.name}:{name}: not well-formed XML ({err}) [lxml]")
    findings += _orphans(path, names, trees)
    findings += _duplicate_ids(path, trees)
    if any(n.startswith("ppt/notesSlides/") for n in names):
        pres = trees.get("ppt/presentation.xml")
        if pres is None or pres.find(f"{{{P_NS}}}notesMasterIdLst") is None:
            findings.append(f"{path.name}: notes slides but no notesMasterIdLst [Keynote]")
    return findings


def _audit(path: Path) -> list[str]:
    tool = require("openxml-audit")
    run = subprocess.run([tool, str(path), "-o", "json"], capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return [f"{path.name}: openxml-audit gave no report: {run.stderr.strip()[:300]}"]
    return [
        f"{path.name}: {e.get('part') or e.get('path') or ''} {e.get('description') or e} "
        "[openxml-audit]"
        for f in report
        for e in f.get("errors", [])
    ]


def _orphans(path: Path, names: set[str], trees: dict) -> list[str]:
    """Every part must be reachable from the package relationships."""
    seen, todo = set(), ["_rels/.rels"]
    while todo:
        rels = todo.pop()
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in trees.get(rels, etree.Element("x")).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            if part in seen:
                continue
            seen.add(part)
            part_rels = posixpath.join(
                posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels"
            )
            if part_rels in names:
                todo.append(part_rels)
    plain = {n for n in names if not n.endswith(".rels") and n != "[Content_Types].xml"}
    return [f"{path.name}:{n}: orphan part, nothing refers to it [package]" for n in plain - seen]


def _duplicate_ids(path: Path, trees: dict) -> list[str]:
    findings = []
    for name, tree in trees.items():
        if not name.startswith("ppt/slides/slide"):
            continue
        ids = Counter(e.get("id") for e in tree.iter(f"{{{P_NS}}}cNvPr"))
        findings += [
            f"{path.name}:{name}: shape id {i} used {n} times [package]"
            for i, n in ids.items()
            if n > 1
        ]
    return findings


# -- the script ----------------------------------------------------------------------------------


def markdown_findings(path: Path) -> list[str]:
    """pymarkdownlnt's rules, less MD013: spoken paragraphs are long lines by design."""
    tool = require("pymarkdown")
    run = subprocess.run(
        [tool, "--disable-rules", "md013", "scan", str(path)], capture_output=True, text=True
    )
    return [f"{line} [pymarkdown]" for line in (run.stdout + run.stderr).splitlines() if line]


# -- the layout, as LibreOffice Impress draws it --------------------------------------------------


def layout_findings(path: Path) -> list[str]:
    """Render with LibreOffice; every letter and digit of every slide must be drawn, and every
    drawn word must lie inside a text box of its slide."""
    from pptx import Presentation

    soffice = require("soffice")
    pdftotext = require("pdftotext")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(path)],
            capture_output=True, timeout=300, check=False,
        )  # fmt: skip
        pdf = Path(tmp, path.stem + ".pdf")
        if not pdf.exists():  # LibreOffice exits 0 when it cannot load a file
            return [f"{path.name}: LibreOffice wrote no PDF (could not load it) [LibreOffice]"]
        html = Path(tmp, "words.html")
        subprocess.run([pdftotext, "-bbox", str(pdf), str(html)], check=True)
        pages = _pages(html)

    prs = Presentation(str(path))
    slides = list(prs.slides)
    if len(pages) != len(slides):
        return [f"{path.name}: {len(slides)} slides but LibreOffice drew {len(pages)} pages"]
    findings = []
    for number, (slide, (width, words)) in enumerate(zip(slides, pages, strict=True), 1):
        scale = width / (prs.slide_width / 12700)
        boxes = [
            tuple(v / 12700 * scale for v in (s.left, s.top, s.left + s.width, s.top + s.height))
            for s in slide.shapes
            if s.has_text_frame and s.text_frame.text.strip()
        ]
        held = _letters(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))
        drawn = _letters(" ".join(w for w, _ in words))
        missing = held - drawn
        if missing:
            text = "".join(sorted(missing.elements()))[:60]
            findings.append(f"{path.name}: slide {number}: not drawn: {text!r} [LibreOffice]")
        for word, (x0, y0, x1, y1) in words:
            dy = TOLERANCE_PT + FONT_OVERHANG * (y1 - y0)
            inside = any(
                x0 >= bx0 - TOLERANCE_PT
                and x1 <= bx1 + TOLERANCE_PT
                and y0 >= by0 - dy
                and y1 <= by1 + dy
                for bx0, by0, bx1, by1 in boxes
            )
            if not inside:
                findings.append(
                    f"{path.name}: slide {number}: {word!r} drawn outside every text box at "
                    f"({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) pt [LibreOffice]"
                )
    return findings


def _letters(text: str) -> Counter:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())


def _pages(html: Path) -> list[tuple[float, list[tuple[str, tuple[float, ...]]]]]:
    """Each page's width and its words with their boxes, from `pdftotext -bbox` output."""
    tree = etree.parse(str(html), etree.HTMLParser(encoding="utf-8"))
    pages = []
    for page in tree.iter("page"):
        words = [
            (w.text or "", tuple(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax")))
            for w in page.iter("word")
        ]
        pages.append((float(page.get("width")), words))
    return pages
