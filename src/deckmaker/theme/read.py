"""Reading a theme: a .pptx or .potx whose masters and layouts give the design. The layouts
chosen for each kind of slide (`layouts`), the text boxes and fonts the planner fits slides to
(`frames`, `fonts`), its colours (`colours`) and every layout described by what it holds, read
into one `Theme`; a file that cannot hold a deck is an error that says what it lacks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PythonPptxError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import SlideLayout
from pptx.util import Length

from deckmaker.contrast import clearest
from deckmaker.errors import DeckmakerError
from deckmaker.highlight import code_colours
from deckmaker.theme import inert
from deckmaker.theme.boxes import EDIT, misplaced
from deckmaker.theme.brand import brand_accent, used_colours
from deckmaker.theme.colours import colour_scheme
from deckmaker.theme.fonts import typeface
from deckmaker.theme.frames import Box, Frames
from deckmaker.theme.layouts import (
    FALLBACK,
    QUIET,
    SCORES,
    TITLE_TYPES,
    WHAT,
    Holds,
    Roles,
    all_layouts,
    any_text,
    described,
    find,
    preference,
    ranked,
    roles_of,
)
from deckmaker.theme.model import Layout, LayoutShape, Placeholder, Theme
from deckmaker.theme.palette import code_font, palette
from deckmaker.theme.pictures import large_pictures
from deckmaker.theme.presentation import open_presentation
from deckmaker.theme.room import make_room, onto_slide

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
BULLET_INDENT = Length(457200)  # the left margin a bullet level takes (0.5 in), at most
# A divider's section number goes above its title where the layout leaves this much room
# (75 pt: a 60 pt number), kept clear of the slide's top edge and of the text below (pt).
NUMBER_TOP, NUMBER_GAP, NUMBER_MIN_HEIGHT = 36.0, 6.0, 75.0


def read_theme(path: Path, digest: str = "") -> Theme:
    """Open the theme once to choose its layouts and read their text boxes; a file that cannot
    hold a deck is an error that says what it lacks."""
    prs = open_presentation(path)
    try:
        return _read(prs, path, digest)
    except (KeyError, ValueError, etree.LxmlError, PythonPptxError) as err:
        # what python-pptx raises on a value out of its range past the package's own checks
        # (theme.parts): the theme's fault, not ours
        raise DeckmakerError.at(
            f"is not a usable .pptx or .potx theme: {err}; give a theme saved by PowerPoint, "
            "Keynote or LibreOffice",
            str(path),
        ) from None


def _read(prs: Presentation, path: Path, digest: str) -> Theme:
    layouts = all_layouts(prs)
    chosen, notices = _choose(prs, layouts, path)
    used = {layouts.index(lay) for lay in chosen.values()}
    cut = onto_slide(prs, layouts, used)
    reshaped = {**cut, **make_room(prs, layouts, used)}
    colours = colour_scheme(_theme_part(prs))
    parts = [m.element for m in prs.slide_masters] + [lay.element for lay in chosen.values()]
    accent = brand_accent(
        colours.get("accent1", ""), used_colours(parts), colours.get("lt1", "FFFFFF")
    )
    roles = {kind: roles_of(lay) for kind, lay in chosen.items()}
    frames = _frames(
        roles,
        chosen,
        path,
        has_columns=Layout.COLUMNS not in notices,
        has_quote=Layout.QUOTE not in notices,
        fonts=theme_fonts(prs),
        slide=(prs.slide_width or 0, prs.slide_height or 0),
    )
    painted = palette(prs, chosen[Layout.CODE])
    frames = replace(
        frames,
        code_font=typeface(code_font(prs)),
        code_colours=code_colours(painted.background, painted.text, painted.accents),
        # a table's header row stands on the first accent (the table style's fill)
        table_header=clearest(painted.accents[0], painted.background, painted.text),
    )
    has_number = any(
        PP_PLACEHOLDER.SLIDE_NUMBER in roles[k].latent for k in (Layout.CONTENT, Layout.HEADER)
    )
    return Theme(
        path,
        frames,
        {kind: layouts.index(lay) for kind, lay in chosen.items()},
        notices,
        has_slide_number=has_number,
        has_footer=PP_PLACEHOLDER.FOOTER in roles[Layout.CONTENT].latent,
        sets_lists=_sets_lists(prs),
        catalogue=tuple(_described(lay) for lay in layouts),
        colours=colours,
        digest=digest,
        reshaped=reshaped,
        grown=len(reshaped) > len(cut) or any(cut[k] != reshaped[k] for k in cut),
        accent=accent,
        active=tuple(dict.fromkeys(what for _, _, what in inert.active(prs.part.package))),
        large_pictures=large_pictures(prs, path),
    )


def _choose(
    prs: Presentation, layouts: list[SlideLayout], path: Path
) -> tuple[dict[Layout, SlideLayout], dict[Layout, str]]:
    """The layout each kind of slide is set on, by what the layouts of every master hold
    (`layouts.ranked`), and a line for each kind that falls back to another's layout. Only a
    theme with nowhere at all for a title, or for points, is refused."""
    holds, prefer = described(prs), preference(prs)
    chosen: dict[Layout, SlideLayout] = {}
    notices: dict[Layout, str] = {}

    def fallen(kind: Layout, to: SlideLayout, how: str = "") -> None:
        chosen[kind] = to
        notices[kind] = (
            f"{path.name}: the theme has no layout for {WHAT[kind]}; {how or f'using {to.name!r}'}"
        )

    order = [
        Layout.CONTENT,
        Layout.COVER,
        *(k for k in Layout if k not in (Layout.CONTENT, Layout.COVER)),
    ]
    for kind in order:
        # a divider never looks like a slide of points
        taken = [layouts.index(chosen[Layout.CONTENT])] if kind is Layout.HEADER else []
        best = ranked(kind, holds, prefer, taken)
        lay = layouts[best[0].index] if best else find(prs, kind) if kind not in SCORES else None
        if lay is not None:
            chosen[kind] = lay
        elif kind is Layout.CONTENT:
            some = any_text(holds)
            if some is None:
                raise DeckmakerError.at(_nowhere(holds, layouts), str(path))
            fallen(
                kind,
                layouts[some.index],
                f"points stand in the text box of '{layouts[some.index].name}'",
            )
        elif kind is Layout.COVER:
            fallen(kind, chosen[Layout.CONTENT])
        elif kind is Layout.QUOTE:
            content = chosen[Layout.CONTENT]
            fallen(kind, content, f"each quote stands in the body box of '{content.name}'")
        elif kind is Layout.COLUMNS:
            fallen(kind, chosen[Layout.CONTENT], "listing the columns' points instead")
        elif kind in QUIET:  # its fallback serves as well as its own layout would
            chosen[kind] = chosen[FALLBACK[kind]]
        else:
            fallen(kind, chosen[FALLBACK.get(kind, Layout.CONTENT)])
    if Layout.QUOTE in notices:  # no layout made for quotes: a statement stands where a quote
        # does, in the body box under its section's title, not in a divider's (a new section)
        chosen[Layout.STATEMENT] = chosen[Layout.QUOTE]
    return {kind: chosen[kind] for kind in Layout}, {k: notices[k] for k in Layout if k in notices}


def _nowhere(holds: list[Holds], layouts: list[SlideLayout]) -> str:
    """Why a theme cannot hold a talk: what it lacks, and what it has."""
    have = ", ".join(f"'{lay.name}'" for lay in layouts) or "no layouts at all"
    lacks = "a title" if all(h.title is None for h in holds) else "a title and a text box"
    sizeless = [
        f"layout '{lay.name}': its placeholder '{shape.name}'"
        for lay in layouts
        for shape in list[Shape](lay.placeholders)
        if shape.placeholder_format.type in TITLE_TYPES and not (shape.width and shape.height)
    ]
    if sizeless and lacks == "a title":  # a title there, of no size: nothing fits in it
        more = f" (and {len(sizeless) - 1} more)" if len(sizeless) > 1 else ""
        return (
            f"has no layout for slides of points: {sizeless[0]}{more} has no size (0 x 0 in); "
            f"make it larger {EDIT}, or use a shipped theme"
        )
    return (
        f"has no layout for slides of points: none holds {lacks} (it has {have}); add one in "
        "PowerPoint or Impress, or use a shipped theme"
    )


def _described(lay: SlideLayout) -> LayoutShape:
    return LayoutShape(
        lay.name,
        tuple(
            Placeholder(
                shape.placeholder_format.type.name.lower(),
                shape.shape_id,
                box(shape) if shape.width and shape.height else None,  # None: left to the master
            )
            for shape in list[Shape](lay.placeholders)
            if shape.placeholder_format.type is not None
        ),
    )


def _frames(
    roles: Mapping[Layout, Roles],
    chosen: Mapping[Layout, SlideLayout],
    path: Path,
    has_columns: bool,
    has_quote: bool,
    fonts: tuple[str, str],
    slide: tuple[int, int],
) -> Frames:
    def checked(kind: Layout, shape: Shape, indent: float = 0.0) -> Box:
        inside = box(shape, indent)
        wrong = misplaced(shape, inside, chosen[kind], slide)
        if wrong:
            raise DeckmakerError.at(wrong, str(path))
        return inside

    def text(kind: Layout, n: int = 0, indent: float = 0.0) -> Box:
        shapes = roles[kind].texts
        if len(shapes) <= n:
            raise DeckmakerError.at(
                f"layout '{chosen[kind].name}' has no text box to hold {WHAT[kind]}", str(path)
            )
        return checked(kind, shapes[n], indent)

    def title(kind: Layout) -> Box:
        shape = roles[kind].title
        if shape is None:
            raise DeckmakerError.at(f"layout '{chosen[kind].name}' has no title", str(path))
        return checked(kind, shape)

    header, quote = roles[Layout.HEADER], roles[Layout.QUOTE]
    picture = roles[Layout.IMAGE].picture
    header_title = title(Layout.HEADER)
    header_label = checked(Layout.HEADER, header.texts[0]) if header.texts else None
    return Frames(
        cover_title=title(Layout.COVER),
        cover_subtitle=text(Layout.COVER),
        title=title(Layout.CONTENT),
        body=text(Layout.CONTENT, indent=BULLET_INDENT.pt),
        header_title=header_title,
        header_label=header_label,
        header_number=_above(header_title, header_label),
        # a theme without a layout made for quotes sets them in the body box: no quote box
        quote=title(Layout.QUOTE) if has_quote else None,
        quote_by=checked(Layout.QUOTE, quote.texts[0]) if quote.texts and has_quote else None,
        columns=(
            (text(Layout.COLUMNS, 0, BULLET_INDENT.pt), text(Layout.COLUMNS, 1, BULLET_INDENT.pt))
            if has_columns
            else None
        ),
        # a layout without a picture placeholder shows a picture where the points would be
        picture=checked(Layout.IMAGE, picture) if picture is not None else text(Layout.CONTENT),
        content=text(Layout.CONTENT),
        title_font=typeface(fonts[0], bold=True),  # titles are bold: measure them so
        body_font=typeface(fonts[1]),
        header_caps=_capitals(header.title),
        title_anchor=_anchor(roles[Layout.CONTENT].title, chosen[Layout.CONTENT]),
    )


def _anchor(title: Shape | None, layout: SlideLayout) -> str:
    """Where a title stands in its box ("t", "ctr" or "b"): as its layout sets it, else as its
    master's title does, else at the top (OOXML's default)."""
    shapes = [title.element] if title is not None else []
    for sp in layout.slide_master.element.iter(f"{{{P_NS}}}sp"):
        ph = sp.find(f".//{{{P_NS}}}ph")
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            shapes.append(sp)
    for shape in shapes:
        body = shape.find(f"{{{P_NS}}}txBody/{{{A_NS}}}bodyPr")
        if body is not None and body.get("anchor"):
            return str(body.get("anchor"))
    return "t"


def _capitals(title: Shape | None) -> bool:
    """Whether a title placeholder's own style sets its text in capitals (PowerPoint's
    section header does), which the planner must measure."""
    if title is None:
        return False
    style = title.element.find(f".//{{{A_NS}}}lstStyle/{{{A_NS}}}lvl1pPr/{{{A_NS}}}defRPr")
    return style is not None and style.get("cap") == "all"


def _above(title: Box, label: Box | None) -> Box | None:
    """The room on a divider above its title and label, for the section's number: as wide as
    the title, from a margin under the slide's top edge down to a gap over the text."""
    top = min(b.top for b in (title, label) if b is not None)
    height = top - NUMBER_TOP - NUMBER_GAP
    if height < NUMBER_MIN_HEIGHT:
        return None
    return Box(title.width, height, left=title.left, top=NUMBER_TOP)


def _sets_lists(prs: Presentation) -> bool:
    """Whether the master's body style indents its second list level (sub-points)."""
    second = prs.slide_master.element.find(f".//{{{P_NS}}}bodyStyle/{{{A_NS}}}lvl2pPr")
    return second is not None and int(second.get("marL", "0")) > 0


def box(shape: Shape, indent: float = 0.0) -> Box:
    tf = shape.text_frame if shape.has_text_frame else None
    insets = (tf.margin_left + tf.margin_right, tf.margin_top + tf.margin_bottom) if tf else (0, 0)
    return Box(
        width=Length(shape.width - insets[0]).pt,
        height=Length(shape.height - insets[1]).pt,
        indent=indent,
        left=Length(shape.left + (tf.margin_left if tf else 0)).pt,
        top=Length(shape.top + (tf.margin_top if tf else 0)).pt,
    )


def _theme_part(prs: Presentation) -> etree._Element:
    return etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)


def theme_fonts(prs: Presentation) -> tuple[str, str]:
    """The theme's heading and body typefaces (its major and minor Latin fonts)."""
    root = _theme_part(prs)

    def latin(which: str) -> str:
        found = root.find(f".//{{{A_NS}}}{which}/{{{A_NS}}}latin")
        return (found.get("typeface") if found is not None else None) or "Calibri"

    return latin("majorFont"), latin("minorFont")
