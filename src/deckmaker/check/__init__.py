"""`deckmaker check`: an accessibility check of any .pptx, read from the file alone.

The rules are those of PowerPoint's Accessibility Checker that the file itself can answer
(missing alt text, missing and duplicate slide titles, reading order, tables without a header
row, no language set), WCAG 2.2's contrast for text against its fill or the slide behind it,
and text placed outside the slide. Each finding names its slide and what to do.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from deckmaker.check.rules import (
    Finding,
    alt_text,
    language,
    outside,
    reading_order,
    table_headers,
    text_contrast,
    titles,
)
from deckmaker.errors import DeckmakerError

__all__ = ["Finding", "check_deck"]

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def check_deck(deck: Path | bytes, name: str = "deck") -> tuple[Finding, ...]:
    """Every finding in the deck (a file, or a .pptx's bytes), by slide. Raises
    `DeckmakerError` when it cannot be read as a PowerPoint deck."""
    from lxml import etree
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

    from deckmaker.check.styles import SlideStyles

    where = str(deck) if isinstance(deck, Path) else name
    if isinstance(deck, Path) and not deck.is_file():
        what = "is a folder" if deck.is_dir() else "no such file"
        raise DeckmakerError.at(f"{what}; give a .pptx file", where)
    try:
        prs = Presentation(io.BytesIO(deck) if isinstance(deck, bytes) else str(deck))
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError,
            etree.XMLSyntaxError) as err:  # fmt: skip
        reason = err.strerror if isinstance(err, OSError) and err.strerror else "not a .pptx"
        raise DeckmakerError.at(
            f"cannot be read as a PowerPoint deck ({reason}); give a .pptx file", where
        ) from None
    defaults = prs.element.find(f"{P}defaultTextStyle")
    slides = list(prs.slides)
    size = (prs.slide_width or 0, prs.slide_height or 0)
    shared: dict[object, object] = {}
    styled = [(n, slide, SlideStyles(slide, defaults, shared)) for n, slide in enumerate(slides, 1)]
    found = [*titles(slides), *language(styled)]
    for number, slide, styles in styled:
        for rule in (alt_text, reading_order, text_contrast, table_headers):
            found += rule(number, slide, styles)
        found += outside(number, slide, styles, size)
    return tuple(sorted(found, key=lambda f: f.slide))
