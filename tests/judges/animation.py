"""A revealed deck's build animation, as LibreOffice reads it and as its XML says.

Each slide must have one on-click effect per `[CLICK]` mark in its speaker notes, so the
presenter reading the notes clicks exactly as often as the slide has bullets to show. The count
comes from LibreOffice: it converts the deck to OpenDocument, whose `content.xml` spells every
effect out (`presentation:node-type="on-click"`), each showing one paragraph (`text:p`) of its
page, and holds the notes as LibreOffice read them. A timing LibreOffice cannot follow (a dead
target, a paragraph that does not exist) loses its effects there. Our own walk of the slide XML
names the fault: every animated shape on the slide, every paragraph range inside its text, a
build-list entry for each.
"""

from __future__ import annotations

import posixpath
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from .tools import converted

MARK = "[CLICK]"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ODF = {
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "anim": "urn:oasis:names:tc:opendocument:xmlns:animation:1.0",
    "smil": "urn:oasis:names:tc:opendocument:xmlns:smil-compatible:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def animation_findings(path: Path) -> list[str]:
    try:
        slides, notes = _slides(path), _notes(path)
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        return []  # the package judge says what is wrong with the file itself
    findings = [f for number, slide in enumerate(slides, 1) for f in _walk(path, number, slide)]
    if not any(_marks(n) for n in notes) and not any(
        s.find(f"{{{P_NS}}}timing") is not None for s in slides
    ):
        return findings  # nothing animated and nothing to click: no need to ask LibreOffice
    pages = odp_pages(path)
    if isinstance(pages, str):
        return [*findings, pages]
    if len(pages) != len(slides):
        return [*findings, f"{path.name}: {len(slides)} slides but LibreOffice read {len(pages)}"]
    for number, (clicks, notes) in enumerate(pages, 1):
        if clicks != _marks(notes):
            findings.append(
                f"{path.name}: slide {number}: LibreOffice reads {clicks} on-click paragraph "
                f"effect(s), the notes have {_marks(notes)} {MARK} mark(s) [LibreOffice]"
            )
    return findings


def _marks(text: str) -> int:
    return text.count(MARK)


def _slides(path: Path) -> list[etree._Element]:
    """The slides' XML in the order the presentation lists them."""
    with zipfile.ZipFile(path) as z:
        pres = etree.fromstring(z.read("ppt/presentation.xml"))
        rels = etree.fromstring(z.read("ppt/_rels/presentation.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        ids = [s.get(f"{{{R_NS}}}id") for s in pres.iter(f"{{{P_NS}}}sldId")]
        names = [posixpath.normpath(posixpath.join("ppt", targets[i])) for i in ids]
        return [etree.fromstring(z.read(name)) for name in names]


def _notes(path: Path) -> list[str]:
    from pptx import Presentation

    return [
        s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""
        for s in Presentation(str(path)).slides
    ]


def _walk(path: Path, number: int, slide: etree._Element) -> list[str]:
    timing = slide.find(f"{{{P_NS}}}timing")
    if timing is None:
        return []
    where = f"{path.name}: slide {number}:"
    shapes = {
        e.get("id"): e.getparent().getparent() for e in slide.iter(f"{{{P_NS}}}cNvPr")
    }  # the shape that each id names
    found = []
    animated = set()
    for target in timing.iter(f"{{{P_NS}}}spTgt"):
        spid = target.get("spid")
        animated.add(spid)
        if spid not in shapes:
            found.append(
                f"{where} the animation targets shape {spid}, not on the slide [animation]"
            )
            continue
        paragraphs = len(list(shapes[spid].iter(f"{{{A_NS}}}p")))
        for rng in target.iter(f"{{{P_NS}}}pRg"):
            st, end = int(rng.get("st", -1)), int(rng.get("end", -1))
            if not 0 <= st <= end < paragraphs:
                found.append(
                    f"{where} the animation shows paragraphs {st}-{end} of shape {spid}, "
                    f"which has {paragraphs} (0-{paragraphs - 1}) [animation]"
                )
    built = {b.get("spid") for b in timing.iter(f"{{{P_NS}}}bldP")}
    found += [
        f"{where} shape {spid} is animated by paragraph but has no bldP [animation]"
        for spid in sorted(animated - built)
    ]
    return found


def odp_pages(path: Path) -> list[tuple[int, str]] | str:
    """Per page of LibreOffice's OpenDocument copy: its on-click effects that show one of the
    page's paragraphs, and its notes' text."""
    with tempfile.TemporaryDirectory() as tmp:
        odp = converted(path, "odp", tmp)
        if odp is None:
            return f"{path.name}: LibreOffice wrote no .odp (could not load it) [LibreOffice]"
        with zipfile.ZipFile(odp) as z:
            content = etree.fromstring(z.read("content.xml"))
    pages = []
    for page in content.iter(f"{{{ODF['draw']}}}page"):
        paragraphs = {p.get(XML_ID) for p in page.iter(f"{{{ODF['text']}}}p") if p.get(XML_ID)}
        effects = page.xpath(".//anim:par[@presentation:node-type='on-click']", namespaces=ODF)
        clicks = [
            effect
            for effect in effects
            if any(
                s.get(f"{{{ODF['smil']}}}targetElement") in paragraphs
                for s in effect.iter(f"{{{ODF['anim']}}}set")
            )
        ]
        notes = page.find(f"{{{ODF['presentation']}}}notes")
        lines = [] if notes is None else notes.iter(f"{{{ODF['text']}}}p")
        pages.append((len(clicks), "\n".join("".join(p.itertext()) for p in lines)))
    return pages
