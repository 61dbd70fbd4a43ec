"""A theme's layouts by what they hold: which layout serves each kind of slide, and each
layout's placeholders sorted out by what they are for.

Themes come from PowerPoint, Keynote, LibreOffice or python-pptx, and each names and numbers
layouts and placeholders its own way (LibreOffice's body placeholders carry no index at all),
in its own language ("Título e Conteúdo", "Titelfolie", "タイトル スライド"), and many keep
several slide masters (a cover design, a content design). So placeholders are found by their
*type* (title, body, subtitle, picture) and position, never by index alone, and each layout of
every master is described by what it holds (`Holds`): each kind of slide takes the layout that
best fits what it needs (`ranked`), a centred title over a subtitle being a title layout
whatever it is called. A name the kind is known by only breaks ties, and the masters the
template's own sample slides use (`Preference`) come first.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
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
    Layout.STATEMENT: ("Quote", "Section Header", "Section Title"),
    Layout.CODE: ("Title Only",),
    Layout.TABLE: ("Title Only",),
}
TEXT_BOXES = {
    Layout.COVER: 1, Layout.CONTENT: 1, Layout.HEADER: 0, Layout.QUOTE: 1, Layout.IMAGE: 0,
    Layout.COLUMNS: 2, Layout.STATEMENT: 0, Layout.CODE: 0, Layout.TABLE: 0,
}  # fmt: skip
# What a kind of slide falls back to when the theme has no layout for it.
FALLBACK = {
    Layout.HEADER: Layout.COVER,
    Layout.QUOTE: Layout.HEADER,
    Layout.IMAGE: Layout.CONTENT,
    Layout.COLUMNS: Layout.CONTENT,
    Layout.STATEMENT: Layout.HEADER,  # set in the quote layout's box, else the divider's title
    Layout.CODE: Layout.CONTENT,
    Layout.TABLE: Layout.CONTENT,
}
# Kinds whose fallback serves as well as their own layout: nothing to warn about. A statement
# is set as a quote is (in the divider's title box where no layout is made for quotes); code
# and tables stand in the content area, the body box removed.
QUIET = (Layout.STATEMENT, Layout.CODE, Layout.TABLE)
WHAT = {
    Layout.COVER: "title slides", Layout.CONTENT: "slides of points",
    Layout.HEADER: "section dividers", Layout.QUOTE: "quotes", Layout.IMAGE: "pictures",
    Layout.COLUMNS: "two columns", Layout.STATEMENT: "statements", Layout.CODE: "code",
    Layout.TABLE: "tables",
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


def all_layouts(prs: Presentation) -> list[SlideLayout]:
    """Every layout of every slide master, master by master: what `Theme.layouts` counts in."""
    return [lay for master in prs.slide_masters for lay in master.slide_layouts]


def find(prs: Presentation, kind: Layout) -> SlideLayout | None:
    """The layout named for `kind`, else the first that holds what `kind` needs: for kinds
    `ranked` has no rule for."""
    for name in NAMES[kind]:
        for lay in all_layouts(prs):
            if lay.name == name and _holds(roles_of(lay), kind):
                return lay
    if kind in (Layout.COVER, Layout.CONTENT, Layout.COLUMNS):
        for lay in all_layouts(prs):
            r = roles_of(lay)
            exact = _holds(r, kind) and len(r.texts) == TEXT_BOXES[kind]
            if exact and (kind is not Layout.CONTENT or not _is_subtitle(r)):  # not a cover
                return lay
    return None


Rect = tuple[float, float, float, float]  # left, top, width, height: fractions of the slide
# A body smaller than this share of the slide holds a label, not a list of points.
MIN_BODY_AREA = 0.12
TOP_BAND = 0.25  # a title starting above this share of the slide's height sits at its top
# What a list's box under the master's art costs a layout, per share of the box covered: a
# third of it covered outweighs the master the template's own sample slides use (Candy's
# content master draws coloured bands over the left of its body box).
ART_PENALTY = 8.0
GROUND_AREA = 0.6  # art over this share of the slide is its ground (a panel), not art in the way
FOOT = 0.9  # where content under a title ends, as a share of the slide's height


@dataclass(frozen=True)
class Holds:
    """What one layout holds: its placeholders' boxes as fractions of the slide."""

    name: str
    master: int  # which slide master it belongs to, in the presentation's order
    index: int  # its place in `all_layouts`
    title: Rect | None
    centred: bool  # the title is a centred title (ctrTitle), as on title slides
    subtitles: tuple[Rect, ...]
    bodies: tuple[Rect, ...]  # body and content placeholders, top to bottom, left to right
    picture: Rect | None
    # how much of its content area (its first body box, else the band under its title) the art
    # drawn on every slide on it lies over (0: none; the share, by the art's bounding boxes)
    covered: float = 0.0

    @property
    def texts(self) -> int:
        return len(self.subtitles) + len(self.bodies)


@dataclass(frozen=True)
class Preference:
    """The masters the template's own sample slides use: the first slide's for title slides,
    the second's (else the first's) for the rest. None where it has no sample slides."""

    cover: int | None = None
    content: int | None = None


def described(prs: Presentation) -> list[Holds]:
    """Every layout of every master by what it holds."""
    width, height = prs.slide_width or 1, prs.slide_height or 1

    def rect(shape: BaseShape) -> Rect:
        return (
            (shape.left or 0) / width,
            (shape.top or 0) / height,
            (shape.width or 0) / width,
            (shape.height or 0) / height,
        )

    out: list[Holds] = []
    for m, master in enumerate(prs.slide_masters):
        drawn = _art(master.shapes, rect)
        for lay in master.slide_layouts:
            r = roles_of(lay)
            art = _art(lay.shapes, rect)
            if lay.element.get("showMasterSp") != "0":
                art += drawn
            subs = [s for s in r.texts if s.placeholder_format.type in SUBTITLE_TYPES]
            bodies = [s for s in r.texts if s not in subs]
            title = r.title if r.title is not None and not _vertical(r.title) else None
            title_box = rect(title) if title is not None else None
            out.append(
                Holds(
                    lay.name,
                    m,
                    len(out),
                    rect(title) if title is not None else None,
                    title is not None
                    and title.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE,
                    tuple(rect(s) for s in subs),
                    tuple(rect(s) for s in bodies),
                    rect(r.picture) if r.picture is not None and _placed(r.picture) else None,
                    _covered(_content_area(rect(bodies[0]) if bodies else None, title_box), art),
                )
            )
    return out


def _art(shapes: Iterable[BaseShape], rect: Callable[[BaseShape], Rect]) -> list[Rect]:
    """The boxes of the shapes a master or layout draws on every slide: all but placeholders,
    those of some size, and those that fill most of the slide (a picture or panel set as the
    slide's ground, which every layout of the design stands on)."""
    boxes = [rect(s) for s in shapes if not s.is_placeholder and s.width and s.height]
    return [b for b in boxes if area(b) < GROUND_AREA]


def _content_area(body: Rect | None, title: Rect | None) -> Rect | None:
    """Where a layout's content stands: its first body box, else (code, a table or a picture
    under a title) the band under its title, as wide as the title, to the slide's foot."""
    if body is not None or title is None:
        return body
    top = title[1] + title[3]
    return (title[0], top, title[2], max(FOOT - top, 0.0))


def _covered(box: Rect | None, art: Sequence[Rect]) -> float:
    """The share of `box` the `art` lies over (overlaps summed, at most 1)."""
    if box is None or area(box) <= 0:
        return 0.0
    over = 0.0
    for a in art:
        width = min(a[0] + a[2], box[0] + box[2]) - max(a[0], box[0])
        height = min(a[1] + a[3], box[1] + box[3]) - max(a[1], box[1])
        over += max(width, 0.0) * max(height, 0.0)
    return min(over / area(box), 1.0)


def preference(prs: Presentation) -> Preference:
    masters = list(prs.slide_masters)
    used = [masters.index(slide.slide_layout.slide_master) for slide in list(prs.slides)[:2]]
    if not used:
        return Preference()
    return Preference(used[0], used[-1])


def area(r: Rect) -> float:
    return r[2] * r[3]


def _middle(r: Rect) -> float:
    return r[1] + r[3] / 2


def _cover(h: Holds) -> float | None:
    if h.title is None or not h.texts or h.picture is not None:
        return None
    score = 4.0 * h.centred + 4.0 * bool(h.subtitles) + 2.0 * (0.2 <= _middle(h.title) <= 0.75)
    return score - 2.0 * max(0, h.texts - 2)


def _content(h: Holds) -> float | None:
    if h.title is None or h.subtitles or len(h.bodies) != 1 or area(h.bodies[0]) < MIN_BODY_AREA:
        return None
    body = h.bodies[0]
    below = body[1] >= h.title[1] + 0.5 * h.title[3]
    score = 4.0 * area(body) + 2.0 * below + 1.0 * (h.title[1] < TOP_BAND) - 3.0 * h.centred
    return score - ART_PENALTY * h.covered


def _columns(h: Holds) -> float | None:
    if h.title is None or h.subtitles or len(h.bodies) != 2:
        return None
    a, b = sorted(h.bodies)
    side_by_side = abs(a[1] - b[1]) < 0.05 and a[0] + a[2] <= b[0] + 0.01
    if not side_by_side or min(area(a), area(b)) < MIN_BODY_AREA / 2:
        return None
    return 4.0 * (area(a) + area(b)) - ART_PENALTY * h.covered


def _header(h: Holds) -> float | None:
    """A divider: a large title below the top, with at most a small label; no subtitle (a
    title slide's), no list and no picture."""
    if h.title is None or h.subtitles or len(h.bodies) > 1 or h.picture is not None:
        return None
    if h.bodies and area(h.bodies[0]) >= 0.25:  # room for points: no divider
        return None
    low = h.title[1] >= 0.2 or h.title[3] >= 0.3
    return 4.0 * area(h.title) + 1.0 * bool(h.bodies) if low else None


def _quote(h: Holds) -> float | None:
    """A layout made for quotes (so named) with a title box large enough to set one in: a
    quote goes in no other title box."""
    if h.title is None or h.name.strip().lower() != "quote" or area(h.title) < 0.2:
        return None
    return 4.0 * area(h.title) + 1.0 * bool(h.texts)


def _title_only(h: Holds) -> float | None:
    if h.title is None or h.texts or h.title[1] >= TOP_BAND:
        return None
    return 1.0 + 4.0 * (area(h.picture) if h.picture else 0.0) - ART_PENALTY * h.covered


SCORES: dict[Layout, Callable[[Holds], float | None]] = {
    Layout.COVER: _cover,
    Layout.CONTENT: _content,
    Layout.HEADER: _header,
    Layout.QUOTE: _quote,
    Layout.IMAGE: _title_only,
    Layout.COLUMNS: _columns,
    Layout.STATEMENT: _quote,  # the host's words large, as a quote is
    Layout.CODE: _title_only,  # code and tables stand in the content area under a title
    Layout.TABLE: _title_only,
}
# The names a kind is known by, in lower case: they break ties between layouts that hold the
# same, never choose a layout that does not hold what the kind needs.
NAMES_KNOWN = {kind: tuple(n.lower() for n in names) for kind, names in NAMES.items()}


def ranked(
    kind: Layout, layouts: Sequence[Holds], prefer: Preference, taken: Collection[int] = ()
) -> list[Holds]:
    """The layouts that can serve `kind`, best first: by what they hold, then the master the
    template's sample slides use for it, then the name, then the order they come in. Not the
    layouts `taken` (by index) for slides of another kind that must look different."""
    score = SCORES.get(kind)
    if score is None:
        return []
    master = prefer.cover if kind is Layout.COVER else prefer.content
    scored = []
    for h in layouts:
        s = score(h) if h.index not in taken else None
        if s is None:
            continue
        s += 2.0 * (h.master == master) + 1.5 * (h.name.strip().lower() in NAMES_KNOWN[kind])
        # a master kept for title slides (its cover art) serves other slides last, all else even
        s -= 0.5 * (kind is not Layout.COVER and h.master == prefer.cover != prefer.content)
        scored.append((-round(s, 6), h.index, h))
    return [h for *_, h in sorted(scored, key=lambda t: t[:2])]


def any_text(layouts: Sequence[Holds]) -> Holds | None:
    """The layout with a title and the largest text box, for points where no layout is made
    for them (a template of title slides only): None where no layout holds both."""
    held = [h for h in layouts if h.title is not None and h.texts]
    return max(held, key=lambda h: max(map(area, (*h.subtitles, *h.bodies))), default=None)


def _holds(r: Roles, kind: Layout) -> bool:
    return r.title is not None and len(r.texts) >= TEXT_BOXES[kind]


def _is_subtitle(r: Roles) -> bool:
    return any(s.placeholder_format.type in SUBTITLE_TYPES for s in r.texts)


def _vertical(shape: Shape) -> bool:
    ph = shape.element.ph
    return ph is not None and ph.get("orient") == "vert"  # vertical text: no place for a talk


def _placed(shape: Shape) -> bool:
    return bool(shape.width and shape.height)
