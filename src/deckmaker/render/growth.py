"""Adding slides and notes slides in constant time each, from python-pptx's public parts.

Why not `Slides.add_slide` and `Slide.notes_slide`: they are correct but quadratic. For each new
part python-pptx walks every part of the package to find a free part name
(`OpcPackage.next_partname`, python-pptx #644), reads all the presentation's relationships to
check that a brand-new part is not related yet (`relate_to`), and reads every slide id to pick
the next one, so each slide costs more the more there are: about 10 ms a slide at 1,000 slides
and 50 ms at 5,000, against a flat 1-3 ms here. The API offers no way to say "this part is new"
or to keep a count, so `Growth` keeps the counts itself and does the same steps in the same
order, with the same public pieces (part classes, `relate_to` on a new part, the slide list's
XML, `load_from_xml` for the presentation's relationships): the package it builds is byte for
byte the one the API builds (tests/test_speed.py compares them).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, NamedTuple

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesMasterPart, NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.slide import NotesSlide, Slide, SlideLayout

from deckmaker.render.package_writer import rels_xml

SLIDE_NAME = "/ppt/slides/slide%d.xml"
NOTES_NAME = "/ppt/notesSlides/notesSlide%d.xml"


_SLIDE_IDS = qn("p:sldIdLst")
_SLIDE_ID = qn("p:sldId")
_R_ID = qn("r:id")


class _NewRelationship(NamedTuple):
    """A relationship from the presentation to a new slide, not yet handed to python-pptx."""

    rId: str  # the names python-pptx's relationships have
    reltype: str
    target_ref: str
    target_part: Part
    is_external: bool = False


class Growth:
    """Adds slides, and a notes slide to each, to one presentation: what python-pptx's
    `prs.slides.add_slide(layout)` and `slide.notes_slide` do, without rescanning the package.
    Every part added to the presentation after this is made must come through it, and
    `settle()` must be called before anything else reads or adds the presentation's
    relationships (a picture, saving)."""

    def __init__(self, prs: Presentation, prototypes: Mapping[str, bytes] | None = None) -> None:
        self._part = prs.part
        self._ids = prs.element.find(_SLIDE_IDS)
        if self._ids is None:
            prs.slides  # noqa: B018 - python-pptx adds the empty list of slides on first use
            self._ids = prs.element.find(_SLIDE_IDS)
        # The one scan python-pptx would repeat for every notes slide: the names taken so far.
        prefix = NOTES_NAME[: NOTES_NAME.index("%")]
        parts = self._part.package.iter_parts()
        self._notes_names = {str(p.partname) for p in parts if p.partname.startswith(prefix)}
        self._slides = len(self._ids)  # python-pptx names slide N+1 after the N listed
        self._next_id = max([255, *(int(s.get("id")) for s in self._ids.iter(_SLIDE_ID))]) + 1
        # The presentation's relationship ids, and its relationships to the slides added since
        # the last `settle()`: python-pptx's `relate_to` reads every relationship the
        # presentation has to add one, so they are handed to it together.
        self._rids = set(self._part.rels.keys())
        self._pending: list[_NewRelationship] = []
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
        rid = self._relate_slide(slide_part)
        slide = slide_part.slide
        if prototype is None:
            slide.shapes.clone_layout_placeholders(layout)
            self._prototypes[source] = copy.deepcopy(element)
        etree.SubElement(self._ids, _SLIDE_ID, {"id": str(self._next_id), _R_ID: rid})
        self._next_id += 1
        return slide

    def notes_slide(self, slide: Slide) -> NotesSlide:
        """`slide`'s notes slide, made from the notes master (created on first use)."""
        slide_part = slide.part
        master = self._notes_master
        if master is None:
            self.settle()  # python-pptx relates a notes master it creates to the presentation
            master = self._notes_master = self._part.notes_master_part
            self._rids = set(self._part.rels.keys())
        package = self._part.package
        source = str(master.partname)
        prototype = self._prototype(source)
        element = CT_NotesSlide.new() if prototype is None else copy.deepcopy(prototype)
        notes_part = NotesSlidePart(self._next_notes_name(), CT.PML_NOTES_SLIDE, package, element)
        notes_part.relate_to(master, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        if prototype is None:
            notes_part.notes_slide.clone_master_placeholders(master.notes_master)
            self._prototypes[source] = copy.deepcopy(element)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)  # a slide's few relationships
        return notes_part.notes_slide  # what slide.notes_slide now finds, without the search

    def settle(self) -> None:
        """Hand the relationships to the slides added since the last call to python-pptx, in
        one pass over the presentation's relationships (`load_from_xml`, as when it reads a
        file) rather than one pass for each slide; in the order python-pptx keeps them, which
        is the order it writes the parts in."""
        if not self._pending:
            return
        rels = self._part.rels
        every: list[Any] = [*rels.values(), *self._pending]
        targets = {r.target_part.partname: r.target_part for r in every if not r.is_external}
        rels.load_from_xml(
            self._part.partname.baseURI,
            parse_xml(rels_xml(every, self._part.partname.baseURI, in_order=True)),
            targets,
        )
        self._pending.clear()

    def made(self) -> dict[str, bytes]:
        """The new slides made so far, one on each layout used, and a new notes slide, as XML,
        before anything was written on them: what `Growth(prs, prototypes)` starts from."""
        return {source: etree.tostring(e) for source, e in self._prototypes.items()}

    def _relate_slide(self, slide_part: SlidePart) -> str:
        """The id python-pptx's `relate_to` would give the presentation's relationship to the
        new slide (the highest free number up to one past the count), kept until `settle`."""
        taken = self._rids
        rid = next(f"rId{n}" for n in range(len(taken) + 1, 0, -1) if f"rId{n}" not in taken)
        taken.add(rid)
        ref = slide_part.partname.relative_ref(self._part.partname.baseURI)
        self._pending.append(_NewRelationship(rid, RT.SLIDE, ref, slide_part))
        return rid

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
