"""Adding slides and notes slides in constant time each, below python-pptx's public API.

Why not the API: `Slides.add_slide` and `Slide.notes_slide` are correct but quadratic. For each
new part python-pptx walks every part of the package to find a free part name
(`OpcPackage.next_partname`, python-pptx #644), rebuilds a dictionary of all the presentation's
relationships to check that a brand-new part is not related yet (`_Relationships.get_or_add`),
and reads every slide id to pick the next one (`CT_SlideIdList._next_id`), so each slide costs
more the more there are: about 10 ms a slide at 1,000 slides and 50 ms at 5,000, against a flat
2-3 ms here (measured by bench/speed.py's long decks). The API offers no way to say
"this part is new" or to keep a count, so `Growth` keeps the counts itself and does the same
steps in the same order: the package it builds is byte for byte the one the API builds (a test
compares them).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesMasterPart, NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.slide import NotesSlide, Slide, SlideLayout

SLIDE_NAME = "/ppt/slides/slide%d.xml"
NOTES_NAME = "/ppt/notesSlides/notesSlide%d.xml"


class Growth:
    """Adds slides, and a notes slide to each, to one presentation: what python-pptx's
    `prs.slides.add_slide(layout)` and `slide.notes_slide` do, without rescanning the package.
    Every part added to the presentation after this is made must come through it."""

    def __init__(self, prs: Presentation, prototypes: Mapping[str, bytes] | None = None) -> None:
        self._part = prs.part
        self._ids = prs.slides._sldIdLst
        # The one scan python-pptx would repeat for every notes slide: the names taken so far.
        prefix = NOTES_NAME[: NOTES_NAME.index("%")]
        parts = self._part.package.iter_parts()
        self._notes_names = {str(p.partname) for p in parts if p.partname.startswith(prefix)}
        self._slides = len(self._ids)  # python-pptx names slide N+1 after the N listed
        self._next_id = self._ids._next_id
        self._notes_master: NotesMasterPart | None = None
        # A new slide's placeholders, cloned from its layout the first time, copied after:
        # cloning the same placeholders again gives the same XML, more slowly. Keyed by the
        # layout's (or the notes master's) part name. `prototypes` (`made`, kept with the
        # theme) spares even the first cloning.
        self._prototypes: dict[str, BaseOxmlElement] = {}
        self._made = prototypes or {}

    def add_slide(self, layout: SlideLayout) -> Slide:
        """A new slide on `layout`, its placeholders cloned, listed last in the deck."""
        self._slides += 1
        package = self._part.package
        source = str(layout.part.partname)
        prototype = self._prototype(source)
        element = CT_Slide.new() if prototype is None else copy.deepcopy(prototype)
        slide_part = SlidePart(PackURI(SLIDE_NAME % self._slides), CT.PML_SLIDE, package, element)
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)  # a new part: its few rels only
        rid = _relate_new(self._part, slide_part, RT.SLIDE)
        slide = slide_part.slide
        if prototype is None:
            slide.shapes.clone_layout_placeholders(layout)
            self._prototypes[source] = copy.deepcopy(element)
        self._ids._add_sldId(id=self._next_id, rId=rid)
        self._next_id += 1
        return slide

    def notes_slide(self, slide: Slide) -> NotesSlide:
        """`slide`'s notes slide, made from the notes master (created on first use)."""
        slide_part = slide.part
        if self._notes_master is None:
            self._notes_master = self._part.notes_master_part  # python-pptx caches it
        package = self._part.package
        source = str(self._notes_master.partname)
        prototype = self._prototype(source)
        element = CT_NotesSlide.new() if prototype is None else copy.deepcopy(prototype)
        notes_part = NotesSlidePart(self._next_notes_name(), CT.PML_NOTES_SLIDE, package, element)
        notes_part.relate_to(self._notes_master, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        if prototype is None:
            notes_part.notes_slide.clone_master_placeholders(self._notes_master.notes_master)
            self._prototypes[source] = copy.deepcopy(element)
        _relate_new(slide_part, notes_part, RT.NOTES_SLIDE)
        return notes_part.notes_slide  # what slide.notes_slide now finds, without the search

    def made(self) -> dict[str, bytes]:
        """The new slides made so far, one on each layout used, and a new notes slide, as XML,
        before anything was written on them: what `Growth(prs, prototypes)` starts from."""
        return {source: etree.tostring(e) for source, e in self._prototypes.items()}

    def _prototype(self, source: str) -> BaseOxmlElement | None:
        if source not in self._prototypes and source in self._made:
            self._prototypes[source] = parse_xml(self._made[source])
        return self._prototypes.get(source)

    def _next_notes_name(self) -> PackURI:
        """What `OpcPackage.next_partname` answers, from the names kept here: the highest free
        number up to one past the count, so gaps left by a theme are filled as it fills them."""
        taken = self._notes_names
        for n in range(len(taken) + 1, 0, -1):
            if NOTES_NAME % n not in taken:
                taken.add(NOTES_NAME % n)
                return PackURI(NOTES_NAME % n)
        raise AssertionError("more names taken than there are")  # pragma: no cover


def _relate_new(source: Part, target: Part, reltype: str) -> str:
    """Relate `target`, a part made just now, to `source`: `relate_to` without first searching
    every existing relationship for one to `target`, which cannot exist yet."""
    return source._rels._add_relationship(reltype, target)
