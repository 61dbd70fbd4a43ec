"""The deck's theme: a .pptx or .potx whose masters and layouts give the design, the layouts
chosen for each kind of slide, and the text boxes and fonts the planner fits slides to.

Themes come from PowerPoint, Keynote, LibreOffice or python-pptx, and each names and numbers
layouts and placeholders its own way (LibreOffice's body placeholders carry no index at all).
So layouts are found by name first, then by what they hold, and placeholders by their *type*
(title, body, subtitle, picture) and position, never by index alone.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pptx
from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import SlideLayout
from pptx.util import Length

from deckmaker.errors import DeckmakerError
from deckmaker.limits import MAX_THEME_BYTES, MAX_THEME_UNPACKED, check_size
from deckmaker.planning import Box, Frames, Layout, Plan
from deckmaker.planning.fonts import typeface
from deckmaker.render.shipped import DEFAULT_THEME, shipped, theme_path
from deckmaker.textfile import unreadable

__all__ = ["DEFAULT_THEME", "Theme", "load_theme", "shipped", "theme_path"]

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
BULLET_INDENT = Length(457200)  # the left margin a bullet level takes (0.5 in), at most
# A divider's section number goes above its title where the layout leaves this much room
# (75 pt: a 60 pt number), kept clear of the slide's top edge and of the text below (pt).
NUMBER_TOP, NUMBER_GAP, NUMBER_MIN_HEIGHT = 36.0, 6.0, 75.0

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


Emus = tuple[int, int, int, int]  # left, top, width, height


@dataclass(frozen=True)
class Placement:
    """What a slide on one layout is made of, by the ids of the layout's shapes: read once with
    the theme (and kept in the cache with it), so rendering need not sort the layout's
    placeholders out again through python-pptx for every deck."""

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


def placement(lay: SlideLayout, role: Roles) -> Placement:
    def emus(shape: Shape) -> Emus:
        return (shape.left, shape.top, shape.width, shape.height)

    cloned = tuple(
        (s.shape_id, emus(s) if s.width and s.height else None)
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
class Theme:
    path: Path
    frames: Frames
    layouts: Mapping[Layout, int]  # which of the theme's layouts each kind of slide uses
    notices: Mapping[Layout, str] = field(default_factory=dict)  # what a layout fell back to
    general: tuple[str, ...] = ()  # what the theme lacks whatever the deck holds
    has_footer: bool = True
    # Whether the theme's body text style indents and bullets its list levels. LibreOffice
    # writes its outline's bullets and indents into the master's sample text, which slides do
    # not inherit: its lists would show points and sub-points flush left, without bullets.
    sets_lists: bool = True
    placements: Mapping[Layout, Placement] = field(default_factory=dict)  # by kind of slide
    # What every deck on the theme starts from, made once with it (`_prototypes`): a new slide
    # on each layout used (by the layout's part name) and a new notes slide (by the notes
    # master's), as `render.growth.Growth` makes them; each layout's slide-number and footer
    # boxes, ready to copy (`render.package.latent_prototype`). All as XML.
    prototypes: Mapping[str, bytes] = field(default_factory=dict)
    latent: Mapping[tuple[Layout, PP_PLACEHOLDER], bytes] = field(default_factory=dict)

    def open(self) -> Presentation:
        return open_presentation(self.path)

    def warnings(self, plan: Plan) -> list[str]:
        """One line per piece the theme lacks that this deck needs, and what is used instead."""
        used = {s.layout for s in plan.slides}
        lines = [*self.general, *(m for kind, m in self.notices.items() if kind in used)]
        if plan.footer and not self.has_footer:
            lines.append(
                f"{self.path.name}: the theme has no footer placeholder; the footer "
                f"'{plan.footer}' is not shown (add one to its slide master)"
            )
        return lines


def load_theme(path: Path) -> Theme:
    """Open the theme once to choose its layouts and read their text boxes; a file that cannot
    hold a deck is an error that says what it lacks."""
    prs = open_presentation(path)
    chosen: dict[Layout, SlideLayout] = {}
    notices: dict[Layout, str] = {}
    for kind in Layout:
        lay = _find(prs, kind)
        if lay is None and kind in FALLBACK:
            lay = chosen[FALLBACK[kind]]
            notices[kind] = (
                f"{path.name}: the theme has no layout for {WHAT[kind]} "
                f"({' or '.join(repr(n) for n in NAMES[kind][:2])}); using '{lay.name}'"
            )
        if lay is None:
            have = ", ".join(f"'{lay.name}'" for lay in prs.slide_layouts) or "no layouts at all"
            raise DeckmakerError.at(
                f"has no layout for {WHAT[kind]}: none is named "
                f"{' or '.join(repr(n) for n in NAMES[kind])}, and none holds a title and "
                f"{'a text box' if TEXT_BOXES[kind] == 1 else 'no text box'} (it has {have}); "
                "add one in PowerPoint or Impress, or use a shipped theme",
                str(path),
            )
        chosen[kind] = lay
    if Layout.COLUMNS in notices:  # the planner lists the columns' points instead
        notices[Layout.COLUMNS] = notices[Layout.COLUMNS].replace(
            f"using '{chosen[Layout.CONTENT].name}'", "listing the columns' points instead"
        )
    roles = {kind: roles_of(lay) for kind, lay in chosen.items()}
    frames = _frames(roles, chosen, path, Layout.COLUMNS not in notices, fonts=theme_fonts(prs))
    placements = {kind: placement(lay, roles[kind]) for kind, lay in chosen.items()}
    general = []
    if not any(
        PP_PLACEHOLDER.SLIDE_NUMBER in roles[k].latent for k in (Layout.CONTENT, Layout.HEADER)
    ):
        general.append(f"{path.name}: the theme has no slide-number placeholder; no slide numbers")
    for font in dict.fromkeys((frames.title_font, frames.body_font)):
        if font.measured_with is None:
            general.append(
                f"{path.name}: font '{font.name}' is not installed, nor one with its metrics; "
                "text is fitted by estimated widths (install the font for a closer fit)"
            )
    return Theme(
        path,
        frames,
        {kind: list(prs.slide_layouts).index(lay) for kind, lay in chosen.items()},
        notices,
        tuple(general),
        PP_PLACEHOLDER.FOOTER in roles[Layout.CONTENT].latent,
        _sets_lists(prs),
        placements,
        *_prototypes(prs, chosen, placements),
    )


def _prototypes(
    prs: Presentation, chosen: Mapping[Layout, SlideLayout], placements: Mapping[Layout, Placement]
) -> tuple[dict[str, bytes], dict[tuple[Layout, PP_PLACEHOLDER], bytes]]:
    """The new slides, notes slide and slide-number and footer boxes every deck on the theme
    starts from (`Theme.prototypes`, `Theme.latent`), made here once rather than by python-pptx
    for every deck. Slides are added to `prs`: read all else from it first."""
    from deckmaker.render.growth import Growth
    from deckmaker.render.package import latent_prototype

    latent = {}
    for kind, place in placements.items():
        lay = chosen[kind]
        for which, (on_master, index, box) in place.latent.items():
            tree = (lay.slide_master if on_master else lay).shapes.element
            latent[kind, which] = etree.tostring(latent_prototype(tree[index], box))
    growth = Growth(prs)
    for lay in {lay.part.partname: lay for lay in chosen.values()}.values():
        growth.notes_slide(growth.add_slide(lay))
    return growth.made(), latent


def _frames(
    roles: Mapping[Layout, Roles],
    chosen: Mapping[Layout, SlideLayout],
    path: Path,
    has_columns: bool,
    fonts: tuple[str, str],
) -> Frames:
    def text(kind: Layout, n: int = 0, indent: float = 0.0) -> Box:
        shapes = roles[kind].texts
        if len(shapes) <= n:
            raise DeckmakerError.at(
                f"layout '{chosen[kind].name}' has no text box to hold {WHAT[kind]}", str(path)
            )
        return box(shapes[n], indent)

    def title(kind: Layout) -> Box:
        shape = roles[kind].title
        if shape is None:
            raise DeckmakerError.at(f"layout '{chosen[kind].name}' has no title", str(path))
        return box(shape)

    header, quote = roles[Layout.HEADER], roles[Layout.QUOTE]
    picture = roles[Layout.IMAGE].picture
    header_title = title(Layout.HEADER)
    header_label = box(header.texts[0]) if header.texts else None
    return Frames(
        cover_title=title(Layout.COVER),
        cover_subtitle=text(Layout.COVER),
        title=title(Layout.CONTENT),
        body=text(Layout.CONTENT, indent=BULLET_INDENT.pt),
        header_title=header_title,
        header_label=header_label,
        header_number=_above(header_title, header_label),
        quote=title(Layout.QUOTE),
        quote_by=box(quote.texts[0]) if quote.texts else None,
        columns=(
            (text(Layout.COLUMNS, 0, BULLET_INDENT.pt), text(Layout.COLUMNS, 1, BULLET_INDENT.pt))
            if has_columns
            else None
        ),
        # a layout without a picture placeholder shows a picture where the points would be
        picture=box(picture) if picture is not None else text(Layout.CONTENT),
        title_font=typeface(fonts[0], bold=True),  # titles are bold: measure them so
        body_font=typeface(fonts[1]),
    )


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


def _find(prs: Presentation, kind: Layout) -> SlideLayout | None:
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
    ph = shape.element.ph
    return ph is not None and ph.get("orient") == "vert"  # vertical text: no place for a talk


def _placed(shape: Shape) -> bool:
    return bool(shape.width and shape.height)


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


def theme_fonts(prs: Presentation) -> tuple[str, str]:
    """The theme's heading and body typefaces (its major and minor Latin fonts)."""
    root = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)

    def latin(which: str) -> str:
        found = root.find(f".//{{{A_NS}}}{which}/{{{A_NS}}}latin")
        return (found.get("typeface") if found is not None else None) or "Calibri"

    return latin("majorFont"), latin("minorFont")


TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_MAIN = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


def open_presentation(path: Path) -> Presentation:
    """Open a .pptx, or a .potx read as the presentation it is (python-pptx refuses the
    template's content type, though the package is the same). A file that is no presentation,
    or is too large, says so and what to give instead."""
    name = str(path)
    try:
        with path.open("rb") as f:
            check_size(f.fileno(), MAX_THEME_BYTES, "a theme", name)
            data = f.read()
    except OSError as err:
        raise unreadable(err, name, "give a .pptx or .potx file") from None
    try:
        return pptx.Presentation(io.BytesIO(_as_presentation(data, name)))
    except zipfile.BadZipFile:
        why = "it is no zip archive, as a .pptx is (cut short, or another kind of file renamed)"
    except KeyError as err:  # a part the package names is not in it
        why = f"a part is missing ({err.args[0] if err.args else err})"
    except (PackageNotFoundError, ValueError, etree.LxmlError) as err:
        why = str(err)
    raise DeckmakerError.at(
        f"is not a usable .pptx or .potx theme: {why}; give a theme saved by PowerPoint, "
        "Keynote or LibreOffice",
        name,
    ) from None


# What a package says it is, in its [Content_Types].xml, for files that are not a presentation.
OTHER_DOCUMENTS = {
    b"wordprocessingml.document": "a Word document",
    b"spreadsheetml.sheet": "an Excel workbook",
}


def _as_presentation(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        unpacked = sum(item.file_size for item in src.infolist())  # as the zip says: zipfile
        if unpacked > MAX_THEME_UNPACKED:  # never unpacks more than an entry's stated size
            raise DeckmakerError.at(
                f"unpacks to {unpacked >> 20} MB, over the {MAX_THEME_UNPACKED >> 20} MB limit "
                "for a theme (a zip bomb?); give a theme saved by PowerPoint, Keynote or "
                "LibreOffice",
                name,
            )
        if "[Content_Types].xml" not in src.namelist():
            raise ValueError("it is a zip archive, but no presentation (no [Content_Types].xml)")
        types = src.read("[Content_Types].xml")
        for mark, kind in OTHER_DOCUMENTS.items():
            if mark in types and PRESENTATION_MAIN not in types and TEMPLATE_MAIN not in types:
                raise DeckmakerError.at(
                    f"is {kind}, not a presentation; give a .pptx or .potx theme", name
                )
        if TEMPLATE_MAIN not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                body = src.read(item)
                if item.filename == "[Content_Types].xml":
                    body = types.replace(TEMPLATE_MAIN, PRESENTATION_MAIN)
                dst.writestr(item, body)
        return out.getvalue()
