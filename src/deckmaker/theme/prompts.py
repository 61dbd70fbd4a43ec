"""The text styles of a theme saved by LibreOffice. Its slide masters carry no text styles
(`<p:txStyles>`): the design's colours for titles and text stand only on each master
placeholder's prompt ("Click to edit the title text format"), which no slide inherits, so
PowerPoint and LibreOffice alike would set a deck's titles and points black (white titles on a
black band vanish). The master's prompts are read as the text styles they stand for (its
layouts' prompts are LibreOffice's generic ones, not the design's), but a prompt's colour that
would not stand out (3:1) from what its box lies on (its own fill, else the master's art where
a line starts and at the box's middle, translucent art blended, else the master's background;
every stop of a gradient; a picture's average colour there, on which the design's colour need
only not vanish, 1.5:1) gives way to black or white where one of them stands out from all of
it: a template drawn with text boxes of its own can keep a white prompt over white, which no
slide of ours should copy, and white titles on a pale band would not be read."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

from lxml import etree
from pptx.oxml.ns import qn

from deckmaker.contrast import contrast, mix

# A master placeholder's type and the text style its prompt stands for (no type: a body).
STYLE_OF = {
    "title": "titleStyle",
    "ctrTitle": "titleStyle",
    "body": "bodyStyle",
    "obj": "bodyStyle",
    "subTitle": "bodyStyle",
}
# What of a prompt's run properties a style takes: its colour. Not its typeface: the planner
# fits text to the theme's fonts (a design's own, often not installed, would overflow where
# it is drawn in another), nor its size, which the planner sets.
CARRIED = (qn("a:solidFill"),)
_TX_STYLES, _EXT_LST = qn("p:txStyles"), qn("p:extLst")
_FILL, _GRADIENT, _RGB = qn("a:solidFill"), qn("a:gradFill"), qn("a:srgbClr")
_PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
# The least contrast a prompt's colour must have with what its box lies on to be carried:
# WCAG's for large text (a design's own pale body colour stays; the build's check warns).
LEAST_CONTRAST = 3.0
# A picture under a box is seen as its average colour there: a photo's busy details would
# rule out black and white alike, and the design set its text for the picture as a whole.
LOOK_GRID = 1
# ...and the design's colour stands there unless it all but vanishes into it
LEAST_ON_PICTURE = 1.5


def unstyled(master: etree._Element) -> bool:
    """Whether a slide master (its `<p:sldMaster>`) has no text styles of its own."""
    return master.find(_TX_STYLES) is None


def prompt_styles(
    master: etree._Element, layouts: Iterable[etree._Element] = (), look: Look | None = None
) -> dict[str, etree._Element]:
    """The title's and the body's text styles as the master's prompts set them: a
    `<p:titleStyle>` and a `<p:bodyStyle>`, each level taking its prompt paragraph's colour;
    only the styles some prompt sets something for. A colour is kept only where it stands out
    in the boxes of that style on `layouts` (theirs), where slides set text; the master's own
    boxes where no layout is given. `look` tells what a picture shows (`Look`), without which
    text over a picture keeps its colour."""
    grounds: dict[str, list[Ground | None]] = {}
    for layout in layouts:
        for sp in _placeholders(layout):
            name = _style(sp)
            if name is not None:
                grounds.setdefault(name, []).append(
                    _own(sp) or _ground(master, _box(sp), None, look)
                )
    given = bool(grounds)
    styles: dict[str, etree._Element] = {}
    for sp in _placeholders(master):
        name = _style(sp)
        body = sp.find(qn("p:txBody"))
        if name is None or name in styles or body is None:
            continue
        seen = grounds.get(name, []) if given else [_own(sp) or _ground(master, _box(sp), sp, look)]
        behind = _known(seen)
        style = etree.Element(qn(f"p:{name}"))
        levels: dict[int, etree._Element] = {}
        for paragraph in body.iter(qn("a:p")):
            found = paragraph.find(qn("a:pPr"))
            level = int(found.get("lvl", "0")) if found is not None else 0
            props = paragraph.find(f"{qn('a:r')}/{qn('a:rPr')}")
            if props is None:
                props = paragraph.find(qn("a:endParaRPr"))
            if props is None or not 0 <= level <= 8 or level in levels:
                continue
            kept = [copy.deepcopy(c) for c in props if c.tag in CARRIED]
            colour = _rgb(props.find(_FILL))
            if colour and any(contrast(colour, g) < least for g, least in behind):
                # black or white, where one stands out from all it lies on; else the design's
                plain = [c for c in ("000000", "FFFFFF") if _stands_out(c, behind)]
                if plain:
                    kept = [_solid(plain[0]) if c.tag == _FILL else c for c in kept]
            if kept:
                levels[level] = etree.Element(qn("a:defRPr"))
                levels[level].extend(kept)
        for level in sorted(levels):
            etree.SubElement(style, qn(f"a:lvl{level + 1}pPr")).append(levels[level])
        if len(style):
            styles[name] = style
    return styles


def _placeholders(part: etree._Element) -> list[etree._Element]:
    return [sp for sp in part.iter(qn("p:sp")) if sp.find(_PH) is not None]


def _style(sp: etree._Element) -> str | None:
    ph = sp.find(_PH)
    return STYLE_OF.get(ph.get("type", "body")) if ph is not None else None


Colours = tuple[str, ...] | None  # a fill's colours (a gradient's stops); None: unknown


@dataclass(frozen=True)
class Ground:
    """The colours a box lies on, and the least contrast a text colour needs with each: the
    design's colour is trusted further on a picture, set for the picture as a whole."""

    colours: tuple[str, ...]
    least: float = LEAST_CONTRAST


@dataclass(frozen=True)
class Look:
    """What the pictures of a master show: its pictures' bytes by relationship id, and the
    slide's size (EMU), which a background picture is stretched over."""

    pictures: Callable[[str], bytes | None]
    slide: tuple[int, int]

    def colours(self, rid: str, region: tuple[float, float, float, float]) -> Colours:
        """The colours of the picture `rid` in `region` (left, top, right, bottom, as shares
        of it): LOOK_GRID x LOOK_GRID averages. None where the picture cannot be read."""
        data = self.pictures(rid)
        if data is None:
            return None
        from PIL import Image  # only for a LibreOffice theme whose text stands on a picture

        try:
            with Image.open(io.BytesIO(data)) as picture:
                width, height = picture.size
                area = (
                    int(region[0] * width),
                    int(region[1] * height),
                    max(int(region[2] * width), int(region[0] * width) + 1),
                    max(int(region[3] * height), int(region[1] * height) + 1),
                )
                shown = picture.convert("RGB").crop(area).resize((LOOK_GRID, LOOK_GRID))
                cells = ((x, y) for y in range(LOOK_GRID) for x in range(LOOK_GRID))
                return tuple(_hex(shown.getpixel(cell)) for cell in cells)
        except (OSError, ValueError, Image.DecompressionBombError):
            return None


def _hex(pixel: object) -> str:
    """An RGB picture's pixel as RRGGBB."""
    r, g, b = cast("tuple[int, int, int]", pixel)
    return f"{r:02X}{g:02X}{b:02X}"


def _known(grounds: list[Ground | None]) -> list[tuple[str, float]]:
    """Each colour text lies on, with the least contrast it needs there."""
    return [(colour, g.least) for g in grounds if g is not None for colour in g.colours]


def _fill_colours(fill: etree._Element | None) -> Colours:
    """The colours of a solid fill, or a gradient's stops, given as RGB; None for another
    fill (a picture, a pattern, a theme colour) and for a gradient that fades (a stop of some
    transparency: a glow, whose colour at a point cannot be told from its stops)."""
    if fill is None:
        return None
    if fill.tag == _FILL:
        found = _rgb(fill)
        return (found,) if found else None
    if fill.find(f"{qn('a:gsLst')}/{qn('a:gs')}/*/{qn('a:alpha')}") is not None:
        return None
    stops = [_rgb(stop) for stop in fill.iter(qn("a:gs"))]
    return tuple(s for s in stops if s) if stops and all(stops) else None


def _rgb(fill: etree._Element | None) -> str | None:
    """The colour of a solid fill given as RGB (as LibreOffice writes them); None otherwise."""
    found = fill.find(_RGB) if fill is not None else None
    value = found.get("val", "") if found is not None else ""
    return value.upper() if len(value) == 6 else None


def _ground(
    master: etree._Element,
    box: tuple[int, int, int, int] | None,
    under: etree._Element | None,
    look: Look | None = None,
) -> Ground | None:
    """What text in `box` lies on: the master's colours where a line of it starts (a tenth in
    from its left edge) and at its middle, half-way down (`_ground_at`); None where either
    cannot be told."""
    if box is None:
        return None
    y = box[1] + box[3] // 2
    found = [_ground_at(master, (x, y), box, under, look) for x in _across(box)]
    if any(g is None for g in found):
        return None
    known = [g for g in found if g is not None]
    colours = tuple(dict.fromkeys(c for g in known for c in g.colours))
    return Ground(colours, min(g.least for g in known))


def _across(box: tuple[int, int, int, int]) -> tuple[int, int]:
    return (box[0] + box[2] // 10, box[0] + box[2] // 2)


def _ground_at(
    master: etree._Element,
    point: tuple[int, int],
    box: tuple[int, int, int, int],
    under: etree._Element | None,
    look: Look | None = None,
) -> Ground | None:
    """The colours the master shows at `point` of `box`: those of its shapes drawn there
    (below `under`, a shape of its own; else all of them) with a solid or gradient fill, the
    topmost opaque one and the translucent ones over it blended, else its background's; white
    where it sets none. A picture there (a shape or the background) shows what `look` sees
    of it under the box. None where it cannot be told (a pattern, a picture not looked at, a
    box without a place)."""
    x, y = point
    tree = master.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    shapes = list(tree) if tree is not None else []
    if under is not None and under in shapes:
        shapes = shapes[: shapes.index(under)]
    layers: list[tuple[tuple[str, ...], float]] = []  # nearest first, with their opacity
    pictured = False  # what lies lowest is a picture
    for shape in reversed(shapes):
        found = _box(shape) if shape.tag in (qn("p:sp"), qn("p:pic")) else None
        if found is None or shape.find(f".//{qn('p:ph')}") is not None:
            continue
        if not _covers(shape, found, x, y):
            continue
        if shape.tag == qn("p:pic"):
            looked = _looked(look, shape, box, found)
            if looked is None:
                return None
            layers.append((looked, 1.0))
            pictured = True
            break
        if shape.find(f"{qn('p:spPr')}/{qn('a:noFill')}") is not None:
            continue
        fill = _fill_of(shape.find(qn("p:spPr")))
        colours = _fill_colours(fill)
        if colours is None:
            return None
        layers.append((colours, _opacity(fill)))
        if layers[-1][1] >= 1:
            break
    else:
        background = master.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        properties = background.find(qn("p:bgPr")) if background is not None else None
        if background is None:
            ground: Colours = ("FFFFFF",)
        elif properties is not None and properties.find(qn("a:blipFill")) is not None:
            ground = _looked(look, properties, box, None)
            pictured = True
        else:
            ground = _fill_colours(_fill_of(properties))
        if ground is None:
            return None
        layers.append((ground, 1.0))
    seen = layers[-1][0]
    for colours, opacity in reversed(layers[:-1]):  # translucent fills, from the bottom up
        seen = tuple(mix(below, over, opacity) for over in colours for below in seen)
    return Ground(seen, LEAST_ON_PICTURE if pictured else LEAST_CONTRAST)


def _covers(shape: etree._Element, box: tuple[int, int, int, int], x: int, y: int) -> bool:
    """Whether `shape` (at `box`) is drawn at (`x`, `y`): inside its box, and for an ellipse
    (a design's glow or bubble) inside the ellipse, not only its box's corners."""
    left, top, width, height = box
    if not (left <= x <= left + width and top <= y <= top + height):
        return False
    geometry = shape.find(f"{qn('p:spPr')}/{qn('a:prstGeom')}")
    if geometry is None or geometry.get("prst") != "ellipse" or not width or not height:
        return True
    dx, dy = (x - left - width / 2) / (width / 2), (y - top - height / 2) / (height / 2)
    return dx * dx + dy * dy <= 1


def _looked(
    look: Look | None,
    holder: etree._Element,
    box: tuple[int, int, int, int],
    placed: tuple[int, int, int, int] | None,
) -> Colours:
    """What `look` sees of the picture `holder` holds (a picture shape at `placed`, or the
    background, stretched over the slide) under `box`."""
    blip = holder.find(f".//{qn('a:blip')}")
    rid = blip.get(qn("r:embed")) if blip is not None else None
    if look is None or not rid:
        return None
    left, top, width, height = placed or (0, 0, *look.slide)
    if width <= 0 or height <= 0:
        return None
    region = (
        max((box[0] - left) / width, 0.0),
        max((box[1] - top) / height, 0.0),
        min((box[0] + box[2] - left) / width, 1.0),
        min((box[1] + box[3] - top) / height, 1.0),
    )
    return look.colours(rid, region) if region[0] < region[2] and region[1] < region[3] else None


def _opacity(fill: etree._Element | None) -> float:
    """How opaque a fill is (its first colour's alpha), 0 to 1."""
    alpha = fill.find(f".//{qn('a:alpha')}") if fill is not None else None
    return int(alpha.get("val", "100000")) / 100000 if alpha is not None else 1.0


def _stands_out(colour: str, behind: list[tuple[str, float]]) -> bool:
    return all(contrast(colour, g) >= least for g, least in behind)


def _solid(colour: str) -> etree._Element:
    fill = etree.Element(_FILL)
    etree.SubElement(fill, _RGB, val=colour)
    return fill


def _own(sp: etree._Element) -> Ground | None:
    """The colours of the placeholder's own fill, which its text stands on: None where it has
    none."""
    colours = _fill_colours(_fill_of(sp.find(qn("p:spPr"))))
    return Ground(colours) if colours else None


def _fill_of(properties: etree._Element | None) -> etree._Element | None:
    """A shape's or background's solid or gradient fill: None where it has neither."""
    if properties is None:
        return None
    found = properties.find(_FILL)
    return found if found is not None else properties.find(_GRADIENT)


def _box(shape: etree._Element) -> tuple[int, int, int, int] | None:
    xfrm = shape.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    off = xfrm.find(qn("a:off")) if xfrm is not None else None
    ext = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if off is None or ext is None:
        return None
    return (
        int(off.get("x", "0")),
        int(off.get("y", "0")),
        int(ext.get("cx", "0")),
        int(ext.get("cy", "0")),
    )


def write_styles(
    master: etree._Element, layouts: Iterable[etree._Element] = (), look: Look | None = None
) -> None:
    """Give a master without text styles the ones its prompts set (`prompt_styles`, for the
    slides on its `layouts`), so they inherit the design's colours; a master with its own is
    left."""
    if not unstyled(master):
        return
    styles = prompt_styles(master, layouts, look)
    if not styles:
        return
    held = etree.Element(_TX_STYLES)
    for name in ("titleStyle", "bodyStyle"):
        held.append(styles.get(name, etree.Element(qn(f"p:{name}"))))
    held.append(etree.Element(qn("p:otherStyle")))
    extensions = master.find(_EXT_LST)
    if extensions is None:
        master.append(held)
    else:
        extensions.addprevious(held)
