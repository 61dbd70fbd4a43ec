"""The deck's theme: a .pptx whose masters and layouts give the design, and the text boxes the
planner fits slides to."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pptx
from pptx.exc import PackageNotFoundError
from pptx.presentation import Presentation
from pptx.slide import SlideLayout
from pptx.util import Length

from deckmaker.errors import DeckmakerError
from deckmaker.plan import Box, Frames, Layout

# The theme's layouts, by their standard names, for each kind of design a slide needs.
LAYOUT_NAMES = {
    Layout.COVER: "Title Slide",
    Layout.CONTENT: "Title and Content",
    Layout.HEADER: "Section Header",
}
BULLET_INDENT = Length(457200)  # the left margin a bullet level takes (0.5 in), at most


@dataclass(frozen=True)
class Theme:
    path: Path
    frames: Frames

    def open(self) -> Presentation:
        return pptx.Presentation(str(self.path))


def load_theme(path: Path) -> Theme:
    """Open the theme once to read its text boxes; a file that is no usable theme is an error."""
    prs = open_presentation(path)
    cover, content, header = (layout(prs, kind, path) for kind in Layout)
    return Theme(
        path,
        Frames(
            cover_title=_box(cover, 0, path),
            cover_subtitle=_box(cover, 1, path),
            title=_box(content, 0, path),
            body=_box(content, 1, path, indent=BULLET_INDENT.pt),
            header_title=_box(header, 0, path),
        ),
    )


def open_presentation(path: Path) -> Presentation:
    try:
        return pptx.Presentation(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise DeckmakerError.at(
            f"is not a usable .pptx theme ({type(err).__name__}: {err}); "
            "give a presentation saved by PowerPoint, Keynote or LibreOffice",
            str(path),
        ) from None


def layout(prs: Presentation, kind: Layout, path: Path) -> SlideLayout:
    name = LAYOUT_NAMES[kind]
    found = prs.slide_layouts.get_by_name(name)
    if found is None:
        have = ", ".join(f"'{lay.name}'" for lay in prs.slide_layouts)
        raise DeckmakerError.at(f"has no slide layout named '{name}' (it has {have})", str(path))
    return found


def _box(lay: SlideLayout, idx: int, path: Path, indent: float = 0.0) -> Box:
    shape = next((p for p in lay.placeholders if p.placeholder_format.idx == idx), None)
    if shape is None or shape.width is None or shape.height is None:
        raise DeckmakerError.at(
            f"layout '{lay.name}' has no placeholder {idx} with a size; deckmaker puts text there",
            str(path),
        )
    tf = shape.text_frame
    return Box(
        width=Length(shape.width - tf.margin_left - tf.margin_right).pt,
        height=Length(shape.height - tf.margin_top - tf.margin_bottom).pt,
        indent=indent,
    )
