"""What a shape on a slide inherits, read as PowerPoint reads it: its text's size, weight, colour
and language through the placeholder it fills (the layout's, then the master's), the master's
text styles and the presentation's defaults; and what lies behind it (its own fill, the filled
shapes under it, the slide's background through its layout and master)."""

from __future__ import annotations

from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.slide import Slide

from deckmaker.check.colour import RGB, A, first_colour, resolve
from deckmaker.theme.colours import colour_scheme

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
FILLS = {f"{A}{n}" for n in ("solidFill", "gradFill", "noFill", "blipFill", "pattFill", "grpFill")}
_DEF = f"{A}defRPr"
DEFAULT_PT = 18.0  # the size of text that no style sizes


@dataclass(frozen=True)
class Run:
    """One run of text as shown: its words, size (pt), weight, colour and language."""

    text: str
    pt: float
    bold: bool
    colour: RGB | None  # None: it cannot be told
    lang: str | None


class SlideStyles:
    """The slide's layout and master, its theme's colours, and the lookups over them."""

    def __init__(
        self, slide: Slide, defaults: etree._Element | None, shared: dict[Any, Any]
    ) -> None:
        self.slide = slide
        # what the slides of one deck share, read once: each layout's and master's
        # placeholders and art
        self.shared = shared
        self._runs: dict[int, list[Run]] = {}
        # python-pptx makes a new object for a shape each time the tree is walked, and reads
        # its placeholder and position through XPath: each slide's shapes are walked once
        self.order = list(slide.shapes)  # the shape tree's top level, in reading order
        self.shapes = list(_flattened(self.order))  # and those in groups
        self._boxes: dict[int, tuple[int, int, int, int] | None] = {}
        self._kinds: dict[int, tuple[Any, int] | None] = {}
        self.layout = slide.slide_layout
        self.master = self.layout.slide_master
        key = ("theme", id(self.master.element))
        if key not in shared:
            theme = etree.fromstring(self.master.part.part_related_by(RT.THEME).blob)
            shared[key] = (theme, colour_scheme(theme))
        self.theme, self.scheme = shared[key]
        self.colour_map = dict(self.master.element.find(f"{P}clrMap").attrib)
        for part in (self.layout, slide):  # a layout or slide may map the colours anew
            override = part.element.find(f"{P}clrMapOvr/{A}overrideClrMapping")
            if override is not None:
                self.colour_map = dict(override.attrib)
        self.defaults = defaults

    # -- text ------------------------------------------------------------------------------

    def runs(self, shape: Any) -> list[Run]:
        """Each run of the shape's text with what it inherits."""
        key = id(shape.element)
        if key not in self._runs:
            self._runs[key] = list(self._read_runs(shape))
        return self._runs[key]

    def _read_runs(self, shape: Any) -> Iterator[Run]:
        body = shape.element.find(f".//{A}txBody")
        if body is None:
            body = shape.element.find(f".//{P}txBody")
        if body is None:
            return
        styles = self.text_styles(shape, body)
        scale = _font_scale(body)
        font_ref = first_colour(shape.element.find(f"{P}style/{A}fontRef"))
        for paragraph in body.iter(f"{A}p"):
            found = paragraph.find(f"{A}pPr")
            level = int(found.get("lvl", "0")) if found is not None else 0
            chain = [
                paragraph.find(f"{A}pPr/{A}defRPr"),
                *(s.find(f"{A}lvl{level + 1}pPr/{A}defRPr") for s in styles),
            ]
            for run in paragraph.iter(f"{A}r", f"{A}fld"):
                text = "".join(t.text or "" for t in run.iter(f"{A}t"))
                if not text.strip():
                    continue
                props = [run.find(f"{A}rPr"), *chain]
                props = [p for p in props if p is not None]
                size = _first(props, "sz")
                bold = _first(props, "b")
                yield Run(
                    text,
                    (int(size) / 100 if size else DEFAULT_PT) * scale,
                    bold in ("1", "true"),
                    self._text_colour(props, font_ref),
                    _first(props, "lang"),
                )

    def text_styles(self, shape: Any, body: etree._Element) -> list[etree._Element]:
        """The list styles the shape's paragraphs inherit from, nearest first."""
        styles = [body.find(f"{A}lstStyle")]
        master_styles = self.master.element.find(f"{P}txStyles")
        held = self.placeholder(shape)
        if held is not None:
            kind = held[0]
            bases = self.bases(shape)
            for base in bases:
                styles.append(base.element.find(f".//{A}lstStyle"))
            if master_styles is None:  # LibreOffice's masters: styled by their prompt text
                styles += [self._prompt_style(base) for base in bases]
            name = "titleStyle" if kind in TITLES else "bodyStyle" if kind in BODIES else None
            if name and master_styles is not None:
                styles.append(master_styles.find(f"{P}{name}"))
            elif master_styles is not None:
                styles.append(master_styles.find(f"{P}otherStyle"))
        else:
            styles.append(self.defaults)
            if master_styles is not None:
                styles.append(master_styles.find(f"{P}otherStyle"))
        if held is not None:
            styles.append(self.defaults)
        return [s for s in styles if s is not None]

    def _prompt_style(self, base: Any) -> etree._Element:
        """A layout's or master's placeholder's prompt text ("Click to edit…") as a list style:
        a master without text styles (as LibreOffice saves them) is styled only there, each
        level's prompt paragraph carrying that level's run properties."""
        key = ("prompt", id(base.element))
        if key not in self.shared:
            style = etree.Element(f"{A}lstStyle")
            for paragraph in base.element.iter(f"{A}p"):
                found = paragraph.find(f"{A}pPr")
                level = int(found.get("lvl", "0")) if found is not None else 0
                props = paragraph.find(f"{A}r/{A}rPr")
                if props is None:
                    props = paragraph.find(f"{A}endParaRPr")
                if props is None or style.find(f"{A}lvl{level + 1}pPr") is not None:
                    continue
                copied = etree.SubElement(etree.SubElement(style, f"{A}lvl{level + 1}pPr"), _DEF)
                copied.attrib.update(props.attrib)
                copied.extend(deepcopy(child) for child in props)
            self.shared[key] = style
        return self.shared[key]

    def bases(self, shape: Any) -> list[Any]:
        """The layout's and the master's placeholders a slide placeholder inherits from."""
        kind, idx = self.placeholder(shape) or (None, 0)
        on_layout = _placeholder(self._placeholders(self.layout), kind, idx)
        wanted = on_layout[0] if on_layout is not None else kind
        on_master = _placeholder(self._placeholders(self.master), wanted, None)
        return [p[2] for p in (on_layout, on_master) if p is not None]

    def _placeholders(self, part: Any) -> list[tuple[Any, int, Any]]:
        key = ("placeholders", id(part.element))
        if key not in self.shared:
            self.shared[key] = [
                (p.placeholder_format.type, p.placeholder_format.idx, p) for p in part.placeholders
            ]
        return self.shared[key]

    def _text_colour(
        self, props: list[etree._Element], font_ref: etree._Element | None
    ) -> RGB | None:
        for prop in props:
            fill = prop.find(f"{A}solidFill")
            if fill is not None:
                colour = first_colour(fill)
                return self.colour(colour) if colour is not None else None
            if prop.find(f"{A}gradFill") is not None or prop.find(f"{A}noFill") is not None:
                return None
        if font_ref is not None:
            return self.colour(font_ref)
        return self.colour(etree.fromstring(f'<a:schemeClr xmlns:a="{A[1:-1]}" val="tx1"/>'))

    def colour(self, colour: etree._Element, placeholder: RGB | None = None) -> RGB | None:
        return resolve(colour, self.scheme, self.colour_map, placeholder)

    # -- what lies behind ----------------------------------------------------------------------

    def behind(self, shape: Any) -> list[RGB] | None:
        """The colours text in `shape` is seen against (several for a gradient), None when that
        cannot be told (a picture, a pattern)."""
        centre = self._centre(shape)
        beneath = [shape]
        if centre is not None:
            order = self.order
            mine = next((i for i, s in enumerate(order) if s.element is shape.element), 0)
            under = [*reversed(order[:mine]), *self._art(self.layout), *self._art(self.master)]
            beneath += [s for s in under if self._covers(s, centre)]
        layers: list[tuple[list[RGB], float]] = []  # fills, nearest first, with their opacity
        for other in beneath:
            if other.element.tag == f"{P}pic":
                return None  # text over a picture: not told here
            fill = self.shape_fill(other)
            if fill is None:
                return None
            if fill:
                layers.append((fill, _opacity(other)))
                if layers[-1][1] >= 1:
                    break
        else:
            ground = self._slide_background()
            if ground is None:
                return None
            layers.append((ground, 1.0))
        seen = layers[-1][0]
        for fill, opacity in reversed(layers[:-1]):  # translucent fills, from the bottom up
            seen = [_blend(f, b, opacity) for f in fill for b in seen]
        return seen

    def placeholder(self, shape: Any) -> tuple[Any, int] | None:
        """The type and index of the placeholder the shape fills; None for other shapes."""
        key = id(shape.element)
        if key not in self._kinds:
            held = shape.placeholder_format if shape.is_placeholder else None
            self._kinds[key] = (held.type, held.idx) if held is not None else None
        return self._kinds[key]

    def box(self, shape: Any) -> tuple[int, int, int, int] | None:
        """The shape's left, top, width and height (EMU), its own or those of the placeholder
        it inherits from; None when it has none."""
        key = id(shape.element)
        if key not in self._boxes:
            found = _own_box(shape.element)
            if found is None and self.placeholder(shape) is not None:
                found = next(filter(None, map(self._base_box, self.bases(shape))), None)
            self._boxes[key] = found
        return self._boxes[key]

    def _base_box(self, base: Any) -> tuple[int, int, int, int] | None:
        """A layout's or master's placeholder's box, read once per deck."""
        key = ("box", id(base.element))
        if key not in self.shared:
            self.shared[key] = _own_box(base.element)
        return self.shared[key]

    def _centre(self, shape: Any) -> tuple[int, int] | None:
        box = self.box(shape)
        if box is None:
            return None
        left, top, width, height = box
        return (left + width // 2, top + height // 2)

    def _covers(self, shape: Any, point: tuple[int, int]) -> bool:
        box = self.box(shape)
        if box is None:
            return False
        left, top, width, height = box
        return left <= point[0] <= left + width and top <= point[1] <= top + height

    def _slide_background(self) -> list[RGB] | None:
        for part in (self.slide, self.layout, self.master):
            background = part.element.find(f"{P}cSld/{P}bg")
            if background is not None:
                return self._background(background)
        return [(1.0, 1.0, 1.0)]

    def _art(self, part: Any) -> list[Any]:
        """The shapes of a layout or master drawn on each slide: all but its placeholders."""
        if part is self.master and self.layout.element.get("showMasterSp") == "0":
            return []
        key = ("art", id(part.element))
        if key not in self.shared:
            self.shared[key] = [*reversed([s for s in part.shapes if not s.is_placeholder])]
        return self.shared[key]

    def shape_fill(self, shape: Any) -> list[RGB] | None:
        """The shape's own fill, inherited through its placeholder: [] when it has none."""
        holders = [shape, *(self.bases(shape) if self.placeholder(shape) else [])]
        for holder in holders:
            properties = holder.element.find(f"{P}spPr")
            fill = _fill_of(properties)
            if fill is not None:
                return self._colours(fill)
        reference = shape.element.find(f"{P}style/{A}fillRef")
        if reference is not None and reference.get("idx", "0") != "0":
            colour = first_colour(reference)
            found = self.colour(colour) if colour is not None else None
            return [found] if found is not None else None
        return []

    def _background(self, background: etree._Element) -> list[RGB] | None:
        properties = background.find(f"{P}bgPr")
        if properties is not None:
            fill = _fill_of(properties)
            return self._colours(fill) if fill is not None else [(1.0, 1.0, 1.0)]
        reference = background.find(f"{P}bgRef")
        if reference is None:
            return None
        colour = first_colour(reference)
        own = self.colour(colour) if colour is not None else None
        index = int(reference.get("idx", "0"))
        styles = self.theme.find(f".//{A}bgFillStyleLst")
        if index < 1001 or styles is None or index - 1001 >= len(styles):
            return [own] if own is not None else None
        return self._colours(styles[index - 1001], own)

    def _colours(self, fill: etree._Element, placeholder: RGB | None = None) -> list[RGB] | None:
        name = etree.QName(fill).localname
        if name == "noFill":
            return []
        if name == "solidFill":
            colour = first_colour(fill)
            found = self.colour(colour, placeholder) if colour is not None else None
            return [found] if found is not None else None
        if name == "gradFill":
            if fill.find(f"{A}gsLst/{A}gs/*/{A}alpha") is not None:
                return None  # a glow that fades: its colour at the text cannot be told
            stops = [first_colour(stop) for stop in fill.iter(f"{A}gs")]
            seen = [self.colour(s, placeholder) for s in stops if s is not None]
            told = [c for c in seen if c is not None]
            return told if told and len(told) == len(seen) else None
        return None  # a picture, a pattern, the group's fill: not told here


def _opacity(shape: Any) -> float:
    """How opaque the shape's own solid fill is (its colour's `alpha`), 1 when it says not."""
    alpha = shape.element.find(f"{P}spPr/{A}solidFill/*/{A}alpha")
    return int(alpha.get("val", "100000")) / 100000 if alpha is not None else 1.0


def _blend(top: RGB, below: RGB, opacity: float) -> RGB:
    red, green, blue = (t * opacity + b * (1 - opacity) for t, b in zip(top, below, strict=True))
    return (red, green, blue)


def _fill_of(properties: etree._Element | None) -> etree._Element | None:
    if properties is None:
        return None
    return next((child for child in properties if child.tag in FILLS), None)


def _first(props: list[etree._Element], name: str) -> str | None:
    return next((p.get(name) for p in props if p.get(name) is not None), None)


def _font_scale(body: etree._Element) -> float:
    fitted = body.find(f"{A}bodyPr/{A}normAutofit")
    return int(fitted.get("fontScale", "100000")) / 100000 if fitted is not None else 1.0


def _placeholder(
    found: list[tuple[Any, int, Any]], kind: Any, idx: int | None
) -> tuple[Any, int, Any] | None:
    """The placeholder a layout's or master's list holds for a slide's: by index, else by
    type (a centred title by a title, a subtitle or object by a body)."""
    if idx is not None:
        by_idx = [p for p in found if p[1] == idx]
        if by_idx:
            return by_idx[0]
    similar = {PP_PLACEHOLDER.CENTER_TITLE: PP_PLACEHOLDER.TITLE}
    for wanted in (kind, similar.get(kind, kind)):
        same = [p for p in found if p[0] == wanted]
        if same:
            return same[0]
    if kind in BODIES:
        return next((p for p in found if p[0] == PP_PLACEHOLDER.BODY), None)
    return None


def _flattened(order: list[Any]) -> Iterator[Any]:
    """The shapes in reading order, those in groups in their group's place."""
    pending = list(order)
    while pending:
        shape = pending.pop(0)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            pending[:0] = list(shape.shapes)
        else:
            yield shape


def _own_box(element: etree._Element) -> tuple[int, int, int, int] | None:
    """The position and size a shape's element states itself (a shape's, picture's or group's
    `a:xfrm`, a graphic frame's `p:xfrm`), None when it states none."""
    xfrm = next(
        (x for x in (element.find(f"{P}spPr/{A}xfrm"), element.find(f"{P}grpSpPr/{A}xfrm"),
                     element.find(f"{P}xfrm")) if x is not None),
        None,
    )  # fmt: skip
    if xfrm is None:
        return None
    offset, extent = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
    if offset is None or extent is None:
        return None
    try:
        return (int(offset.get("x", "")), int(offset.get("y", "")),
                int(extent.get("cx", "")), int(extent.get("cy", "")))  # fmt: skip
    except ValueError:
        return None
