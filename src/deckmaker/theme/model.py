"""What a theme is to deckmaker, read once (`theme.read`) and kept (`theme.cache`): plain data
that the planner (its boxes and fonts) and the renderer (its layouts) both read."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from deckmaker.pixels import large
from deckmaker.theme.frames import Box, Frames

if TYPE_CHECKING:
    from pptx.presentation import Presentation


class Layout(str, Enum):
    """The kind of design a slide needs; the theme supplies a layout for each."""

    COVER = "cover"  # a big title and a subtitle: the title and closing slides
    CONTENT = "content"  # a title and bullets
    HEADER = "header"  # a big title and a label ("Part 2 of 4"): a section's divider
    QUOTE = "quote"  # quoted words large, who said them below
    IMAGE = "image"  # a title and a picture
    COLUMNS = "columns"  # a title and two columns of points side by side
    STATEMENT = "statement"  # the host's own words large, without quote marks
    CODE = "code"  # a title and code in a monospace font on a panel
    TABLE = "table"  # a title and a table, its header row marked


@dataclass(frozen=True)
class Placeholder:
    """A placeholder on a layout: what it is for (python-pptx's type, in lower case: "title",
    "body", "subtitle", "picture", "slide_number"…), its shape id and where it sits (pt; None
    when neither the layout nor its master places it)."""

    type: str
    shape_id: int
    box: Box | None


@dataclass(frozen=True)
class LayoutShape:
    """One of the theme's layouts, described by what it holds."""

    name: str
    placeholders: tuple[Placeholder, ...]


@dataclass(frozen=True)
class Theme:
    path: Path
    frames: Frames
    layouts: Mapping[Layout, int]  # which of the theme's layouts each kind of slide uses
    notices: Mapping[Layout, str] = field(default_factory=dict)  # what a layout fell back to
    has_slide_number: bool = True
    has_footer: bool = True
    # Whether the theme's body text style indents and bullets its list levels. LibreOffice
    # writes its outline's bullets and indents into the master's sample text, which slides do
    # not inherit: its lists would show points and sub-points flush left, without bullets.
    sets_lists: bool = True
    catalogue: tuple[LayoutShape, ...] = ()  # every layout in the file, in its order
    colours: Mapping[str, str] = field(default_factory=dict)  # scheme slot -> RRGGBB
    digest: str = ""  # the file's content (sha256), which what is made from it is keyed by
    # boxes slides write instead of their layout's, by (layout's index, shape id), in EMU:
    # title boxes too small for a title, and what stood under them, and boxes reaching off
    # the slide, cut to it (`theme.room`)
    reshaped: Mapping[tuple[int, int], tuple[int, int, int, int]] = field(default_factory=dict)
    grown: bool = False  # some title box too small for a title grew (`theme.room.make_room`)
    # the colour headings and numbers take instead of accent 1 (RRGGBB), where accent 1 is
    # still Office's default and the masters use a brand colour of their own (`theme.brand`)
    accent: str | None = None
    # what the file carries that can act or call out (`theme.inert`), dropped from every deck
    active: tuple[str, ...] = ()
    # its pictures with more pixels than a slide shows (`theme.pictures`): part, width, height
    large_pictures: tuple[tuple[str, int, int], ...] = ()

    def open(self) -> Presentation:
        from deckmaker.theme.presentation import open_presentation  # python-pptx: slow import

        return open_presentation(self.path, self.digest)  # checked when it was read

    @property
    def general(self) -> tuple[str, ...]:
        """What the theme lacks whatever the deck holds, worked out from what was read (never
        stored as text), so a theme from the cache says the same as one read afresh."""
        lines = []
        if not self.has_slide_number:
            lines.append(
                f"{self.path.name}: the theme has no slide-number placeholder; no slide numbers"
            )
        for font in dict.fromkeys((self.frames.title_font, self.frames.body_font)):
            if font.measured_with is None:
                lines.append(
                    f"{self.path.name}: font '{font.name}' is not installed, nor one with its "
                    "metrics; text is fitted by estimated widths (install the font for a closer "
                    "fit)"
                )
        if self.grown:
            lines.append(
                f"{self.path.name}: its title boxes are too small for a title at 16 pt; titles "
                "get taller boxes on the slides, what stands under them moved down"
            )
        if self.active:
            lines.append(
                f"{self.path.name}: the theme carries {', '.join(self.active)}; dropped from "
                "the deck (a deck takes no links outside it, macros, ActiveX or OLE objects)"
            )
        for part, width, height in self.large_pictures:
            lines.append(f"{self.path.name}: its picture '{part}' {large(width, height)}")
        return tuple(lines)

    def warnings(self, used: Collection[Layout], footer: str | None = None) -> list[str]:
        """One line per piece the theme lacks that a deck using the `used` layouts (and showing
        `footer`) needs, and what is used instead."""
        lines = [*self.general, *(m for kind, m in self.notices.items() if kind in used)]
        if footer and not self.has_footer:
            lines.append(
                f"{self.path.name}: the theme has no footer placeholder; the footer "
                f"'{footer}' is not shown (add one to its slide master)"
            )
        return lines
