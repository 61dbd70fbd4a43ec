"""Render the plan into a .pptx: one slide per planned slide, the words said in its notes."""

from __future__ import annotations

import copy
import warnings
from dataclasses import dataclass

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import NotesSlide, Slide
from pptx.util import Emu, Pt

from deckmaker.errors import DeckmakerError
from deckmaker.planning import Bullet, Layout, Plan, SlidePlan
from deckmaker.planning.fit import SPACE_BEFORE, SUB_POINT_SHRINK, TITLE_LINE_SPACING
from deckmaker.render import deflated
from deckmaker.render.growth import Growth
from deckmaker.render.language import set_language
from deckmaker.render.listing import add_code, add_table
from deckmaker.render.package import (
    add_latent,
    drop_active,
    drop_slides,
    fix_theme_parts,
    list_notes_master,
    mark_decorative,
    remove_shape,
    reproducible_bytes,
    stamp,
)
from deckmaker.render.prototypes import Emus, Placement, prototypes
from deckmaker.render.reveal import reveal_bullets
from deckmaker.render.textbody import (
    emu,
    notes_body,
    notes_paragraphs,
    paragraph_xml,
    set_box,
    set_text_body,
)
from deckmaker.theme.layouts import all_layouts
from deckmaker.theme.model import Theme

# A list level's left margin and its bullet's hang (pt), and its bullet, for a theme that sets
# none: as the shipped themes set them, within the indent the planner fitted text to.
BARE_LIST_LEVELS = ((27.0, 27.0, "•"), (63.0, 27.0, "–"))
# What a quote opens on (typography.quoted), hung outside the text's edge.
OPENING_MARKS = ("\u201c", "\u2018", '"', "\u00ab", "\u201e")
_SP, _RPR = qn("p:sp"), qn("a:rPr")
_NV_PIC_PR, _C_NV_PR = qn("p:nvPicPr"), qn("p:cNvPr")


@dataclass(frozen=True)
class Block:
    """Text for one placeholder: its paragraphs, and how they are set."""

    lines: tuple[Bullet, ...]
    size: int
    bulleted: bool = False
    spacing: float = 0.0
    numbered_from: int = 0
    hanging: float = 0.0
    line_spacing: float = 1.0  # single: about 1.22 x the size in Calibri, under LINE_HEIGHT
    italic: bool | None = None  # None: as the layout sets it
    flush: bool = False  # every line flush left, whatever indent the layout's lists set


def render_deck(plan: Plan, theme: Theme) -> bytes:
    """The deck's bytes: `compose_deck`'s presentation, `saved`."""
    return saved(compose_deck(plan, theme), theme)


def saved(prs: Presentation, theme: Theme) -> bytes:
    """A presentation made in `theme` saved reproducibly, the theme's own parts deflated as in
    an earlier build on it (`deflated`)."""
    found = deflated.known(theme)
    before = dict(found)
    data = reproducible_bytes(prs, deflated.reusing(found))
    deflated.remember(theme, found, before)
    return data


def compose_deck(plan: Plan, theme: Theme) -> Presentation:
    """The planned slides made in the theme, with their notes: the presentation in memory,
    ready to be saved (`reproducible_bytes`) or checked as it stands."""
    made = prototypes(theme)
    prs = theme.open()
    every = all_layouts(prs)  # every master's layouts, as `Theme.layouts` counts them
    drop_slides(prs)
    layouts = {kind: every[i] for kind, i in theme.layouts.items()}
    places = made.placements  # each layout's placeholders, sorted out once for the theme
    latent = _latent(theme)
    fix_theme_parts(prs, layouts.values())
    drop_active(prs)
    set_language(prs, layouts.values(), plan.language)
    # python-pptx's add_slide and notes_slide, without their scans, from the new slides made
    # with the theme
    growth = Growth(prs, made.slides)
    accented = _Accented(theme.accent)  # labels and numerals
    for planned in plan.slides:
        lay, place = layouts[planned.layout], places[planned.layout]
        slide = growth.add_slide(lay)
        placed = _placed(slide, place.cloned)
        for shape_id in place.texts[len(blocks(planned)) :]:  # empty boxes say "Click to add text"
            remove_shape(placed[shape_id])
        if place.picture is not None:
            remove_shape(placed[place.picture])
        _fill(placed, place, planned, theme.sets_lists, theme.accent)
        reveal_bullets(slide, [placed[i] for i in place.texts], planned)
        if planned.image and planned.picture:
            growth.settle()  # python-pptx looks for the picture among the slides' images
            from PIL.Image import DecompressionBombWarning  # only for a slide with a picture

            with warnings.catch_warnings():  # Pillow's warning of a picture over 89 megapixels:
                # planning refused any past MAX_IMAGE_PIXELS and warned of these in our words
                warnings.simplefilter("ignore", DecompressionBombWarning)
                picture = slide.shapes.add_picture(planned.image, *(Pt(v) for v in planned.picture))
            # its description is its alt text (python-pptx writes the file's name there)
            described = picture.element.find(f"{_NV_PIC_PR}/{_C_NV_PR}")
            if described is not None:
                described.set("descr", planned.alt or "")
        if planned.code:
            add_code(slide, planned)
        if planned.table:
            add_table(slide, planned)
        if planned.rule is not None:
            _add_rule(slide, planned.rule, theme.accent)
        if planned.label and planned.label_box:
            label = planned.label, planned.label_pt, planned.label_box
            accented.label(slide, *label, theme.frames.body_font.name)
        if planned.numeral and planned.numeral_box:
            numeral = planned.numeral, planned.numeral_pt, planned.numeral_box
            accented.numeral(slide, *numeral, theme.frames.title_font.name)
        if planned.numbered:
            number = latent.get((planned.layout, PP_PLACEHOLDER.SLIDE_NUMBER))
            if number is not None:
                add_latent(slide, number, str(planned.number))
            footer = latent.get((planned.layout, PP_PLACEHOLDER.FOOTER))
            if plan.footer and footer is not None:
                add_latent(slide, footer, plan.footer)
        _write_notes(growth.notes_slide(slide), speaker_notes(planned, plan.notes_heading))
    props = prs.core_properties
    props.title, props.subject = _property(plan.title), _property(plan.subtitle or "")
    props.author = _property(plan.host or plan.author or "")
    growth.settle()
    list_notes_master(prs)
    return prs


def _property(text: str, limit: int = 255) -> str:
    """A document property as python-pptx takes it: at most 255 characters (it refuses more),
    so a longer subtitle is cut there, with an ellipsis; the slide shows it whole."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def speaker_notes(slide: SlidePlan, heading: str) -> str:
    """What the presenter reads off the notes pane: the words to say, then how to say them
    under `heading` (the voice's `notes_heading`)."""
    parts = list(slide.spoken)
    if slide.notes:
        parts.append("\n".join([heading, *(f"• {n}" for n in slide.notes)]))
    return "\n\n".join(parts)


def blocks(slide: SlidePlan) -> list[Block]:
    """The text boxes beside its title a slide fills, in the order of the layout's boxes."""
    if slide.columns:
        return [Block(c, slide.body_pt, True, slide.spacing) for c in slide.columns]
    if slide.bullets:
        numbers = slide.numbered_from, slide.hanging
        return [Block(slide.bullets, slide.body_pt, True, slide.spacing, *numbers)]
    if slide.subtitle:
        lines = tuple(Bullet(x) for x in slide.subtitle.split("\n"))
        # a quote in a body box hangs its opening mark; who said a quote stands in line with it
        hung = slide.hanging if slide.layout is Layout.QUOTE else 0.0
        # a statement in a body box: a sentence, not a list item hanging from its first line
        flush = slide.layout is Layout.STATEMENT
        return [Block(lines, slide.body_pt, hanging=hung, flush=flush)]
    return []


def _placed(slide: Slide, sources: tuple[tuple[int, Emus | None], ...]) -> dict[int, Shape]:
    """The slide's placeholders by the id of the layout placeholder each was cloned from
    (`Placement.cloned`). Each gets its layout's box written out, so no reader has to match it
    to the layout by an index it may not have."""
    shapes = slide.shapes  # cloned from the layout's placeholders, and nothing else yet
    cloned = [Shape(sp, shapes) for sp in shapes.element.iterchildren(_SP)]
    placed = {}
    for (shape_id, box), shape in zip(sources, cloned, strict=True):
        if box is not None:
            set_box(shape.element, box)
        placed[shape_id] = shape
    return placed


def _write_notes(notes: NotesSlide, text: str) -> None:
    """Put `text` in the notes slide's notes box, as python-pptx's `notes_text_frame.text`
    writes it (`textbody`)."""
    placeholder = notes_body(notes.element)
    if placeholder is not None:
        set_text_body(placeholder, notes_paragraphs(text), fitted=False)


def _fill(
    placed: dict[int, Shape],
    place: Placement,
    planned: SlidePlan,
    sets_lists: bool,
    accent: str | None = None,
) -> None:
    if place.title is None:
        raise DeckmakerError.at(f"the theme's layout for slide {planned.number} has no title")
    title = tuple(Bullet(line) for line in planned.title.split("\n"))
    # a quote's or a statement's leading, in the title box
    in_title = planned.layout in (Layout.STATEMENT, Layout.QUOTE) and not planned.quote_in_body
    leading = 1.0 if in_title else TITLE_LINE_SPACING
    # a statement is the host's own line: upright, whatever a quote layout sets
    upright = False if planned.layout is Layout.STATEMENT and in_title else None
    hung = planned.hanging if in_title else 0.0
    heading = Block(title, planned.title_pt, line_spacing=leading, italic=upright, hanging=hung)
    _write(placed[place.title], heading)
    if planned.layout is Layout.STATEMENT and in_title:  # as written, whatever capitals
        for props in placed[place.title].element.iter(_RPR):
            props.set("cap", "none")
    if planned.rule is not None:  # the quote stands on its box's foot, who said it under it
        placed[place.title].text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    if planned.title_top:  # the title just under its section's label
        placed[place.title].text_frame.vertical_anchor = MSO_ANCHOR.TOP
    wanted = blocks(planned)
    if len(wanted) > len(place.texts):  # the theme loader promised these boxes
        raise DeckmakerError.at(f"the theme's layout for slide {planned.number} lacks a text box")
    for shape_id, block in zip(place.texts, wanted, strict=False):
        _write(placed[shape_id], block, sets_lists, accent)
        if planned.drop:  # short text a little lower: optically centred
            shape, drop = placed[shape_id], Pt(planned.drop)
            shape.top, shape.height = Emu(shape.top + drop), Emu(shape.height - drop)
        if planned.rule is not None:
            placed[shape_id].text_frame.vertical_anchor = MSO_ANCHOR.TOP


def _latent(theme: Theme) -> dict[tuple[Layout, PP_PLACEHOLDER], BaseOxmlElement]:
    """Each layout's slide-number and footer placeholders, ready to copy onto its slides."""
    return {key: parse_xml(xml) for key, xml in prototypes(theme).latent.items()}


class _Accented:
    """One line of bold text in a box of its own, standing on its foot, in the theme's accent
    colour (`accent`, where the theme's brand colour stands in for it): section labels and
    divider numerals. The first box of a look is made through python-pptx's API, the others
    copied from it with their own words (`stamp`)."""

    def __init__(self, accent: str | None) -> None:
        self.accent = accent
        self.made: dict[tuple[object, ...], BaseOxmlElement] = {}

    def label(self, slide: Slide, text: str, size: int, box: tuple[float, ...], font: str) -> None:
        """A section's label over a slide's title: small, on one line, just over the title."""
        self._add(slide, text, size, box, font)

    def numeral(
        self, slide: Slide, text: str, size: int, box: tuple[float, ...], font: str
    ) -> None:
        """A divider's section number, just over the label and title, whatever its size. Large
        type's descent reaches below the line LibreOffice stands on the box's bottom edge: it
        is lifted a tenth of an em, so every stroke stays inside the box."""
        self._add(slide, text, size, box, font, lift=0.1 * size)

    def _add(
        self,
        slide: Slide,
        text: str,
        size: int,
        box: tuple[float, ...],
        font: str,
        lift: float = 0.0,
    ) -> None:
        """The box, `lift` pt over its foot, in `font` (named: LibreOffice does not resolve
        "+mj-lt" outside a placeholder)."""
        key = (size, tuple(box), font, lift)
        if key in self.made:
            stamp(slide, self.made[key], text)
            return
        shape = slide.shapes.add_textbox(*(Pt(v) for v in box))
        frame = shape.text_frame
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.word_wrap = False
        frame.vertical_anchor = MSO_ANCHOR.BOTTOM
        frame.margin_left = frame.margin_right = frame.margin_top = 0
        frame.margin_bottom = Pt(lift)
        run = frame.paragraphs[0].add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = True
        run.font.name = font
        if self.accent:
            run.font.color.rgb = RGBColor.from_string(self.accent)
        else:
            run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1
        self.made[key] = copy.deepcopy(shape.element)


def _add_rule(slide: Slide, box: tuple[float, ...], accent: str | None) -> None:
    """The rule beside a quote, in the theme's accent colour (or the brand's, `accent`),
    marked decorative: it says nothing a screen reader should read."""
    rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *(Pt(v) for v in box))
    rule.name = "Quote Rule"
    rule.line.fill.background()
    rule.shadow.inherit = False
    if accent:
        rule.fill.solid()
        rule.fill.fore_color.rgb = RGBColor.from_string(accent)
    else:
        rule.fill.solid()
        rule.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    mark_decorative(rule)


def _write(shape: Shape, block: Block, sets_lists: bool = True, accent: str | None = None) -> None:
    """Fill a placeholder's text with the sizes and spacing the planner fitted the text to, as
    XML (`textbody`: python-pptx's paragraph setters cost most of a long deck's time). Column
    headings take the theme's accent colour, or `accent` where the brand's stands in for it."""
    paragraphs = []
    for i, bullet in enumerate(block.lines):
        pt = block.size - SUB_POINT_SHRINK * bullet.level if block.bulleted else block.size
        under_heading = i > 0 and block.lines[i - 1].heading  # a heading stays with its points
        before = SPACE_BEFORE * pt if bullet.level or under_heading else block.spacing
        margin, bullet_xml = None, ""
        if block.flush:
            margin = (0, 0)
        if not block.bulleted and block.hanging:  # a quote's opening mark hangs
            hangs = i == 0 and bullet.text.startswith(OPENING_MARKS)
            margin = (emu(block.hanging), -emu(block.hanging) if hangs else 0)
        if not block.bulleted or bullet.heading:
            bullet_xml = "<a:buNone/>"
        elif block.numbered_from and bullet.level == 0:
            if block.hanging:
                margin = (emu(block.hanging), -emu(block.hanging))
            start = block.numbered_from
            at = f' startAt="{start}"' if start != 1 else ""
            bullet_xml = f'<a:buAutoNum type="arabicPeriod"{at}/>'
        elif not sets_lists:  # the theme's lists are flush left: indent them as ours are
            left, hang, char = BARE_LIST_LEVELS[min(bullet.level, 1)]
            margin = (emu(left), -emu(hang))
            bullet_xml = f'<a:buFont typeface="Arial"/><a:buChar char="{char}"/>'
        paragraphs.append(
            paragraph_xml(
                bullet.text,
                pt,
                level=bullet.level,
                line_spacing=block.line_spacing,
                space_before=before if block.bulleted else 0,
                margin=margin,
                bullet=bullet_xml,
                bold=bullet.heading,  # a column's heading: bold, in the theme's accent colour
                italic=block.italic,
                accent=(accent or True) if bullet.heading else False,
            )
        )
    set_text_body(shape.element, paragraphs, fitted=True)
