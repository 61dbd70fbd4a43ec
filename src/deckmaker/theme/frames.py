"""The boxes of a theme that text is fitted to, and the fonts it is set in: what the planner
needs of a theme."""

from __future__ import annotations

from dataclasses import dataclass

from deckmaker.highlight import DEFAULT_CODE_COLOURS, CodeColours
from deckmaker.theme.fonts import ESTIMATE, Typeface


@dataclass(frozen=True)
class Box:
    """The area text may use: the shape's size less its insets, in points; where it sits."""

    width: float
    height: float
    indent: float = 0.0  # extra left margin per bullet level
    left: float = 0.0
    top: float = 0.0


@dataclass(frozen=True)
class Frames:
    """The text boxes of the deck's theme that slides are fitted to, and its fonts. A box the
    theme lacks is None, and the slide falls back to a layout it has."""

    cover_title: Box
    cover_subtitle: Box
    title: Box
    body: Box
    header_title: Box
    header_label: Box | None = None
    header_number: Box | None = None  # room for the section's number on a divider
    quote: Box | None = None
    quote_by: Box | None = None
    columns: tuple[Box, Box] | None = None
    picture: Box | None = None
    content: Box | None = None  # where code and tables stand: the body box, without indents
    title_font: Typeface = ESTIMATE  # bold, as titles are set
    header_caps: bool = False  # the divider's layout sets its title in capitals (cap="all")
    title_anchor: str = "t"  # where a title stands in its box: "t", "ctr" or "b"
    body_font: Typeface = ESTIMATE
    code_font: Typeface = ESTIMATE  # monospace (theme.palette.code_font)
    code_colours: CodeColours = DEFAULT_CODE_COLOURS
    table_header: str | None = None  # the header row's text colour; None: the table style's
