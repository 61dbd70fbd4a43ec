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

__all__ = ["Finding", "check_deck", "summary"]

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


def summary(found: tuple[Finding, ...] | list[Finding], most: int = 2) -> list[str]:
    """The findings as a build warns of them: a rule met on many slides (a theme's pale slide
    numbers) once, on its first slide, with how many more; `deckmaker check` lists them all."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in found:
        by_rule.setdefault(finding.rule, []).append(finding)
    lines = []
    for rule, findings in by_rule.items():
        if len(findings) <= most:
            lines += [str(f) for f in findings]
            continue
        first, more = findings[0], len({f.slide for f in findings[1:]})
        lines.append(
            f"slide {first.slide}: {first.message} (and on {more} more slides; `deckmaker "
            f"check` lists each) [{rule}]"
        )
    return lines
