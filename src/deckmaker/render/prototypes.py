"""What every deck on a theme starts from, made once per theme and kept in the user's cache with
it (keyed by the theme file's content): each chosen layout's placeholders sorted out by what
they hold (`Placement`), a new slide on each layout and a new notes slide, as
`render.growth.Growth` makes them, and each layout's slide-number and footer boxes ready to
copy. Rendering then neither sorts a layout's placeholders out nor clones them for every deck.
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.shapes.autoshape import Shape
from pptx.slide import SlideLayout

from deckmaker import cache
from deckmaker.theme.cache import stamps
from deckmaker.theme.layouts import Roles, all_layouts, roles_of
from deckmaker.theme.model import Layout, Theme
from deckmaker.theme.room import inside

KIND = "prototypes"
Emus = tuple[int, int, int, int]  # left, top, width, height


@dataclass(frozen=True)
class Placement:
    """What a slide on one layout is made of, by the ids of the layout's shapes: sorted out once
    for a theme (and kept in the cache), so rendering need not sort the layout's placeholders
    out again through python-pptx for every deck."""

    title: int | None
    texts: tuple[int, ...]  # as Roles.texts
    picture: int | None
    # footer, slide number: on the master (else the layout)?, its place among the shapes there
    # (not its id: LibreOffice gives a layout's shapes the same ids again), its box
    latent: Mapping[PP_PLACEHOLDER, tuple[bool, int, Emus]]
    # the placeholders python-pptx clones onto a slide, in its order, each with the box written
    # out on the slide (None: the layout leaves it to the master)
    cloned: tuple[tuple[int, Emus | None], ...]


def _position(element: etree._Element) -> int:
    """Where `element` sits among its parent's children."""
    parent = element.getparent()
    assert parent is not None  # a layout's shape always sits in its shape tree
    return parent.index(element)


def placement(
    lay: SlideLayout, role: Roles, reshaped: Mapping[int, Emus] | None = None
) -> Placement:
    """`reshaped`: boxes to write instead of the layout's, by shape id (`Theme.reshaped`)."""
    boxes = reshaped or {}

    def emus(shape: Shape) -> Emus:
        found = boxes.get(shape.shape_id)
        return found or (shape.left, shape.top, shape.width, shape.height)

    cloned = tuple(
        (s.shape_id, emus(s) if s.shape_id in boxes or (s.width and s.height) else None)
        for s in lay.iter_cloneable_placeholders()
    )
    return Placement(
        role.title.shape_id if role.title is not None else None,
        tuple(s.shape_id for s in role.texts),
        role.picture.shape_id if role.picture is not None else None,
        {
            kind: (s.part is not lay.part, _position(s.element), emus(s))
            for kind, s in role.latent.items()
            if kind in (PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.FOOTER)
        },
        cloned,
    )


@dataclass(frozen=True)
class Prototypes:
    placements: Mapping[Layout, Placement]  # by kind of slide
    # a new slide on each layout used (by the layout's part name) and a new notes slide (by
    # the notes master's), as XML
    slides: Mapping[str, bytes]
    latent: Mapping[tuple[Layout, PP_PLACEHOLDER], bytes]  # slide-number and footer boxes


def prototypes(theme: Theme) -> Prototypes:
    """What decks on `theme` start from: from the cache when made before for the same file
    (kept for the next build in the same process too), else made now."""
    if not theme.digest:  # a theme read without the cache
        return _made(theme)
    key = (theme.digest, tuple(sorted(theme.layouts.items())))
    found = _KEPT.get(key)
    if found is None:
        found = _KEPT[key] = _stored_or_made(theme, key)
        if len(_KEPT) > 8:
            del _KEPT[next(iter(_KEPT))]
    return found


_KEPT: dict[tuple[str, tuple[tuple[Layout, int], ...]], Prototypes] = {}


def _stored_or_made(theme: Theme, key: tuple[object, ...]) -> Prototypes:
    from deckmaker.render import growth, package, prototypes

    name = cache.key(KIND, stamps(growth, package, prototypes), *key)
    stored = cache.read(KIND, name)
    if stored is not None:
        try:
            found = pickle.loads(stored)  # the user's own cache folder, written only by deckmaker
        except Exception:  # noqa: BLE001 - a corrupt entry can fail in any way: make them again
            found = None
        if isinstance(found, Prototypes):
            return found
    made = _made(theme)
    cache.write(KIND, name, pickle.dumps(made))
    return made


def _made(theme: Theme) -> Prototypes:
    """Made on a presentation of their own: slides are added to it."""
    from deckmaker.render.growth import Growth
    from deckmaker.render.package import latent_prototype

    prs = theme.open()
    every = all_layouts(prs)  # every master's layouts, as `Theme.layouts` counts them
    chosen = {kind: every[i] for kind, i in theme.layouts.items()}
    placements = {
        kind: placement(lay, roles_of(lay), _reshaped(theme, theme.layouts[kind]))
        for kind, lay in chosen.items()
    }
    latent = {}
    for kind, place in placements.items():
        lay = chosen[kind]
        for which, (on_master, index, box) in place.latent.items():
            tree = (lay.slide_master if on_master else lay).shapes.element
            # a number or footer box the theme lets reach off the slide, moved onto it
            on_slide = inside(box, prs.slide_width or 0, prs.slide_height or 0)
            latent[kind, which] = etree.tostring(latent_prototype(tree[index], on_slide))
    growth = Growth(prs)
    for lay in {lay.part.partname: lay for lay in chosen.values()}.values():
        growth.notes_slide(growth.add_slide(lay))
    return Prototypes(placements, growth.made(), latent)


def _reshaped(theme: Theme, index: int) -> dict[int, Emus]:
    return {shape: box for (at, shape), box in theme.reshaped.items() if at == index}
