"""Every slide's title its own: a screen reader lists a deck by its titles, and PowerPoint's
Accessibility Checker warns of two slides with one. A title shown again (a list continued on a
further slide, a stretch of the same section after a quote) is numbered by the voice's
`continued` macro, "Sacrifices (2 of 3)", and fitted to its box again."""

from __future__ import annotations

from collections import Counter

from deckmaker.planning.fit import set_title
from deckmaker.planning.model import Layout, Part, SlidePlan, evolve
from deckmaker.planning.slides import COVER_TITLE_SIZES, TITLE_SIZES, Drafts

# Slides whose title is a heading over what they show; a quote's or a statement's "title" is
# its words and a cover's the talk's, none numbered.
HEADED = (
    Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE, Layout.HEADER, Layout.CODE, Layout.TABLE,
)  # fmt: skip


def plain(title: str) -> str:
    """A title as words, whatever line breaks and no-break spaces fitting it set."""
    return " ".join(title.replace("\u00a0", " ").split())


def unique_titles(parts: list[Part], drafts: Drafts) -> list[Part]:
    """The parts with every title its own: a slide whose heading another shows takes its topic
    where it has one (`_topics_as_titles`); the rest of a heading's slides are numbered, those
    after a divider that shows it from 1, so that a section's first slide after its divider
    never reads as its second."""
    parts = _topics_as_titles(parts, drafts)
    opening = {id(p.slides[0]) for p in parts if p.slides and p.slides[0].layout is Layout.HEADER}
    slides = [s for p in parts for s in p.slides if _headed(s)]
    dividers = Counter(_key(s) for s in slides if id(s) in opening)
    count = Counter(_key(s) for s in slides if id(s) not in opening)
    seen: Counter[str] = Counter()

    def numbered(slide: SlidePlan) -> SlidePlan:
        if not _headed(slide):
            return slide
        key = _key(slide)
        if id(slide) in opening:  # two sections of one title: the second numbered
            seen["divider " + key] += 1
            number, total = seen["divider " + key], dividers[key]
        else:
            seen[key] += 1
            number, total = seen[key], count[key]
        # a section's divider shows the title already: every slide under it is numbered from 1
        under_divider = bool(dividers[key]) and id(slide) not in opening
        if not under_divider and (total == 1 or number == 1):
            return slide
        title = drafts.voice.say("continued", plain(slide.title), number, total)
        return retitled(slide, title, drafts)

    return [evolve(p, slides=tuple(numbered(s) for s in p.slides)) for p in parts]


def _key(slide: SlidePlan) -> str:
    return plain(slide.title).casefold()


def _topics_as_titles(parts: list[Part], drafts: Drafts) -> list[Part]:
    """Each slide whose heading an earlier slide shows (a divider, a section's first slide)
    titled by its topic instead, where it has one that no other part's slide is titled."""
    owners: dict[str, int] = {}  # each title shown, and the part that shows it
    for n, p in enumerate(parts):
        for s in p.slides:
            if _headed(s):
                owners.setdefault(_key(s), n)
    seen: set[str] = set()
    out = []
    for n, p in enumerate(parts):
        slides = []
        for s in p.slides:
            key = _key(s)
            if _headed(s) and key in seen and s.topic and s.layout is not Layout.HEADER:
                topic = plain(s.topic).casefold()
                if owners.setdefault(topic, n) == n:
                    s = retitled(s, s.topic, drafts)
            seen.add(key)
            slides.append(s)
        out.append(evolve(p, slides=tuple(slides)))
    return out


def _headed(slide: SlidePlan) -> bool:
    """Titled by a heading: a slide of points, a picture, a divider, a quote in a body box
    under its section's title."""
    return slide.layout in HEADED or slide.quote_in_body


def retitled(slide: SlidePlan, title: str, drafts: Drafts) -> SlidePlan:
    """The slide under another title, at the size its box fits it at (never larger)."""
    f = drafts.frames
    box, sizes = (
        (f.header_title, COVER_TITLE_SIZES)
        if slide.layout is Layout.HEADER
        else (
            f.title,
            TITLE_SIZES,
        )
    )
    fitting = tuple(s for s in sizes if s <= slide.title_pt) or sizes[-1:]
    size = drafts.fit(title, box, fitting, "title")
    return evolve(slide, title=set_title(title, size, box, f.title_font), title_pt=size)
