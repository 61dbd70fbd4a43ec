"""A theme's layouts by what they hold: which layout serves each kind of slide, and each
layout's placeholders sorted out by what they are for.

Themes come from PowerPoint, Keynote, LibreOffice or python-pptx, and each names and numbers
layouts and placeholders its own way (LibreOffice's body placeholders carry no index at all).
So layouts are found by name first, then by what they hold, and placeholders by their *type*
(title, body, subtitle, picture) and position, never by index alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import SlideLayout

from deckmaker.theme.model import Layout

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
SUBTITLE_TYPES = (PP_PLACEHOLDER.SUBTITLE,)
PICTURE_TYPES = (PP_PLACEHOLDER.PICTURE,)
LATENT_TYPES = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)

# Layout names for each kind of slide, PowerPoint's first, then LibreOffice's; and how many
# text boxes beside the title a layout must hold to serve when no name matches.
NAMES: dict[Layout, tuple[str, ...]] = {
    Layout.COVER: ("Title Slide",),
    Layout.CONTENT: ("Title and Content", "Title, Content"),
    Layout.HEADER: ("Section Header", "Section Title"),
    Layout.QUOTE: ("Quote", "Section Header", "Section Title"),
    Layout.IMAGE: ("Title and Picture", "Title Only"),
    Layout.COLUMNS: ("Two Content", "Title, 2 Content"),
}
TEXT_BOXES = {
    Layout.COVER: 1, Layout.CONTENT: 1, Layout.HEADER: 0, Layout.QUOTE: 1, Layout.IMAGE: 0,
    Layout.COLUMNS: 2,
}  # fmt: skip
# What a kind of slide falls back to when the theme has no layout for it.
FALLBACK = {
    Layout.HEADER: Layout.COVER,
    Layout.QUOTE: Layout.HEADER,
    Layout.IMAGE: Layout.CONTENT,
    Layout.COLUMNS: Layout.CONTENT,
}
WHAT = {
    Layout.COVER: "title slides", Layout.CONTENT: "slides of points",
    Layout.HEADER: "section dividers", Layout.QUOTE: "quotes", Layout.IMAGE: "pictures",
    Layout.COLUMNS: "two columns",
}  # fmt: skip


@dataclass(frozen=True)
class Roles:
    """A layout's placeholders by what they are for: shapes in the layout."""

    title: Shape | None
    texts: tuple[Shape, ...]  # subtitle first, then bodies top to bottom, left to right
    picture: Shape | None
    latent: Mapping[PP_PLACEHOLDER, Shape]  # date, footer, slide number


def roles_of(lay: SlideLayout) -> Roles:
    title: Shape | None = None
    picture: Shape | None = None
    subtitles: list[Shape] = []
    bodies: list[Shape] = []
    latent: dict[PP_PLACEHOLDER, Shape] = {}
    for shape in list[Shape](lay.placeholders):
        kind = shape.placeholder_format.type
        if kind in TITLE_TYPES and title is None:
            title = shape
        elif kind in SUBTITLE_TYPES:
            subtitles.append(shape)
        elif kind in BODY_TYPES and not _vertical(shape):
            bodies.append(shape)
        elif kind in PICTURE_TYPES and picture is None:
            picture = shape
        elif kind in LATENT_TYPES:
            latent.setdefault(kind, shape)
    master = lay.slide_master
    for shape in list[Shape](master.placeholders):  # numbers and footers may be the master's
        kind = shape.placeholder_format.type
        if kind in LATENT_TYPES and kind not in latent and _placed(shape):
            latent[kind] = shape
    by_place = sorted(bodies, key=lambda s: (round((s.top or 0) / 91440), s.left or 0))
    texts = tuple(s for s in [*subtitles, *by_place] if _placed(s))
    return Roles(title if title is not None and _placed(title) else None, texts, picture, latent)


def find(prs: Presentation, kind: Layout) -> SlideLayout | None:
    """The layout named for `kind`, else the first that holds what `kind` needs."""
    for name in NAMES[kind]:
        for lay in prs.slide_layouts:
            if lay.name == name and _holds(roles_of(lay), kind):
                return lay
    if kind in (Layout.COVER, Layout.CONTENT, Layout.COLUMNS):
        for lay in prs.slide_layouts:
            r = roles_of(lay)
            exact = _holds(r, kind) and len(r.texts) == TEXT_BOXES[kind]
            if exact and (kind is not Layout.CONTENT or not _is_subtitle(r)):  # not a cover
                return lay
    return None


def _holds(r: Roles, kind: Layout) -> bool:
    return r.title is not None and len(r.texts) >= TEXT_BOXES[kind]


def _is_subtitle(r: Roles) -> bool:
    return any(s.placeholder_format.type in SUBTITLE_TYPES for s in r.texts)


def _vertical(shape: Shape) -> bool:
    ph = shape._element.ph
    return ph is not None and ph.get("orient") == "vert"  # vertical text: no place for a talk


def _placed(shape: Shape) -> bool:
    return bool(shape.width and shape.height)
