"""Every slide's title its own: a screen reader lists a deck by its titles, and PowerPoint's
Accessibility Checker warns of two slides with one. A title shown again (a list continued on a
further slide, a stretch of the same section after a quote) is numbered by the voice's
`continued` macro, "Sacrifices (2 of 3)", and fitted to its box again."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from deckmaker.planning.fit import set_title
from deckmaker.planning.model import Layout, Part, SlidePlan
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
    """The parts with the second and later slides of each heading numbered."""
    headed = [plain(s.title).casefold() for p in parts for s in p.slides if _headed(s)]
    count = Counter(headed)
    seen: Counter[str] = Counter()

    def numbered(slide: SlidePlan) -> SlidePlan:
        if not _headed(slide):
            return slide
        key = plain(slide.title).casefold()
        seen[key] += 1
        if count[key] == 1 or seen[key] == 1:
            return slide
        title = drafts.voice.say("continued", plain(slide.title), seen[key], count[key])
        return retitled(slide, title, drafts)

    return [replace(p, slides=tuple(numbered(s) for s in p.slides)) for p in parts]


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
    return replace(slide, title=set_title(title, size, box, f.title_font), title_pt=size)
