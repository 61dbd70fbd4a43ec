"""Which of a theme's layouts serves each kind of slide, chosen by what the layouts hold.

Templates name their layouts in their own language ("Título e Conteúdo", "Titelfolie",
"タイトル スライド") or not at all, and many keep several slide masters (a cover design, a
content design, a dark variant). So each layout of every master is described by its
placeholders' types and places (`Holds`), and each kind of slide takes the layout that best
fits what it needs: a centred title over a subtitle is a title layout whatever it is called.
A name the kind is known by only breaks ties. The template's own sample slides say which
master its designer meant for the cover and which for content: those masters come first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from deckmaker.planning import Layout

Rect = tuple[float, float, float, float]  # left, top, width, height: fractions of the slide

# Names a kind is known by in PowerPoint, LibreOffice and the shipped themes; they break ties
# between layouts that hold the same things, never override what a layout holds.
NAMES: dict[Layout, tuple[str, ...]] = {
    Layout.COVER: ("title slide",),
    Layout.CONTENT: ("title and content", "title, content"),
    Layout.HEADER: ("section header", "section title"),
    Layout.QUOTE: ("quote",),
    Layout.IMAGE: ("title and picture", "title only"),
    Layout.COLUMNS: ("two content", "title, 2 content"),
}
# A body smaller than this share of the slide holds a label, not a list of points.
MIN_BODY_AREA = 0.12
TOP_BAND = 0.25  # a title starting above this share of the slide's height sits at its top


@dataclass(frozen=True)
class Holds:
    """What one layout holds: its placeholders' boxes as fractions of the slide."""

    name: str
    master: int  # which slide master it belongs to, in the presentation's order
    index: int  # its place among that master's layouts
    title: Rect | None
    centred: bool  # the title is a centred title (ctrTitle), as on title slides
    subtitles: tuple[Rect, ...]
    bodies: tuple[Rect, ...]  # body and content placeholders, top to bottom, left to right
    picture: Rect | None

    @property
    def texts(self) -> int:
        return len(self.subtitles) + len(self.bodies)


@dataclass(frozen=True)
class Preference:
    """The masters the template's own sample slides use: the first slide's for covers, the
    second's (else the first's) for everything else. None where it has no sample slides."""

    cover: int | None = None
    content: int | None = None


def area(r: Rect) -> float:
    return r[2] * r[3]


def _middle(r: Rect) -> float:
    return r[1] + r[3] / 2


def _named(h: Holds, kind: Layout) -> bool:
    return h.name.strip().lower() in NAMES.get(kind, ())


def _cover(h: Holds) -> float | None:
    if h.title is None or not h.texts:
        return None
    score = 4.0 * h.centred + 4.0 * bool(h.subtitles) + 2.0 * (0.2 <= _middle(h.title) <= 0.75)
    return score - 2.0 * max(0, h.texts - 2)


def _content(h: Holds) -> float | None:
    if h.title is None or h.subtitles or len(h.bodies) != 1 or area(h.bodies[0]) < MIN_BODY_AREA:
        return None
    body = h.bodies[0]
    below = body[1] >= h.title[1] + 0.5 * h.title[3]
    return 4.0 * area(body) + 2.0 * below + 1.0 * (h.title[1] < TOP_BAND) - 3.0 * h.centred


def _columns(h: Holds) -> float | None:
    if h.title is None or h.subtitles or len(h.bodies) != 2:
        return None
    a, b = sorted(h.bodies)
    side_by_side = abs(a[1] - b[1]) < 0.05 and a[0] + a[2] <= b[0] + 0.01
    if not side_by_side or min(area(a), area(b)) < MIN_BODY_AREA / 2:
        return None
    return 4.0 * (area(a) + area(b))


def _header(h: Holds) -> float | None:
    """A divider: a large title not at the top, with at most a small label; no subtitle (a
    title slide's) and no list."""
    if h.title is None or h.subtitles or len(h.bodies) > 1 or h.picture is not None:
        return None
    if h.bodies and area(h.bodies[0]) >= 0.25:
        return None
    low = h.title[1] >= 0.2 or h.title[3] >= 0.3
    return 4.0 * area(h.title) + 1.0 * bool(h.bodies) if low else None


def _quote(h: Holds) -> float | None:
    """A layout made for quotes (so named) whose title box is large enough to set one in."""
    if h.title is None or not _named(h, Layout.QUOTE) or area(h.title) < 0.2:
        return None
    return 4.0 * area(h.title) + 1.0 * bool(h.texts)


def _title_only(h: Holds) -> float | None:
    if h.title is None or h.texts or h.title[1] >= TOP_BAND:
        return None
    return 1.0 + 4.0 * (area(h.picture) if h.picture else 0.0)


SCORES: dict[Layout, Callable[[Holds], float | None]] = {
    Layout.COVER: _cover,
    Layout.CONTENT: _content,
    Layout.HEADER: _header,
    Layout.QUOTE: _quote,
    Layout.IMAGE: _title_only,
    Layout.COLUMNS: _columns,
}


def ranked(kind: Layout, layouts: Sequence[Holds], prefer: Preference) -> list[Holds]:
    """The layouts that can serve `kind`, best first: by what they hold, then the master the
    template's sample slides use for it, then the name, then the order they come in."""
    score = SCORES.get(kind)
    if score is None:
        return []
    master = prefer.cover if kind is Layout.COVER else prefer.content
    scored = []
    for h in layouts:
        s = score(h)
        if s is None:
            continue
        s += 2.0 * (h.master == master) + 1.5 * _named(h, kind)
        scored.append((-round(s, 6), h.master, h.index, h))
    return [h for *_, h in sorted(scored, key=lambda t: t[:3])]
