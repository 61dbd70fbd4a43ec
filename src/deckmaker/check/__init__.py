"""`deckmaker check`: an accessibility check of any .pptx, read from the file alone.

The rules are those of PowerPoint's Accessibility Checker that the file itself can answer
(missing alt text, missing and duplicate slide titles, reading order, tables without a header
row, no language set), WCAG 2.2's contrast for text against its fill or the slide behind it,
and text placed outside the slide. Each finding names its slide and what to do.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from deckmaker.check.rules import (
    FILE_NAME,
    Finding,
    alt_text,
    labelled,
    language,
    outside,
    reading_order,
    table_headers,
    text_contrast,
    titles,
)
from deckmaker.errors import DeckmakerError

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationType
    from pptx.slide import Slide

__all__ = ["Finding", "check_deck", "check_presentation", "summary"]

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def check_deck(deck: Path | bytes, name: str = "deck") -> tuple[Finding, ...]:
    """Every finding in the deck (a file, or a .pptx's bytes), by slide. Raises
    `DeckmakerError` when it cannot be read as a PowerPoint deck."""
    from lxml import etree
    from pptx import Presentation
    from pptx.exc import PackageNotFoundError

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
    return check_presentation(prs)


def check_presentation(
    prs: PresentationType, clean: set[bytes] | None = None
) -> tuple[Finding, ...]:
    """Every finding in an open presentation (as `check_deck` reads one, or as a build has
    just made it), by slide.

    Whether a slide's rules find anything depends on its shapes, their properties and its
    layout, never on what its text says (only on whether a run says anything): a slide built
    the same as one already found clean (`_structure`) is clean too and is not read again.
    A build's slides mostly repeat a few such structures. `clean`: the structures found clean
    before in presentations made the same way (`deckmaker.check.known`), added to here."""
    from deckmaker.check.styles import SlideStyles

    defaults = prs.element.find(f"{P}defaultTextStyle")
    slides = list(prs.slides)
    size = (prs.slide_width or 0, prs.slide_height or 0)
    shared: dict[object, object] = {}
    clean = set() if clean is None else clean
    found = titles(slides)
    unset: list[int] = []  # slides with text in no language
    for number, slide in enumerate(slides, 1):
        structure = _structure(slide)
        if structure in clean:
            continue
        styles = SlideStyles(slide, defaults, shared)
        rules = (alt_text, reading_order, text_contrast, table_headers)
        own = [finding for rule in rules for finding in rule(number, slide, styles)]
        own += outside(number, slide, styles, size)
        unlabelled = not labelled(styles)
        if unlabelled:
            unset.append(number)
        if not own and not unlabelled:
            clean.add(structure)
        found += own
    found += language(unset)
    return tuple(sorted(found, key=lambda f: f.slide))


# A slide's structure: its XML, each text's words and each description reduced to whether it
# says anything (a description that is a file's name kept as one), with its layout's name.
_WORDS = re.compile(rb"(<a:t>)[^<]*[^<\s][^<]*(</a:t>)")
_DESCRIPTION = re.compile(rb'( descr=")([^"]*)(")')


def _structure(slide: Slide) -> bytes:
    """The digest (sha256) of the slide's structure."""
    from lxml import etree

    xml = _WORDS.sub(rb"\1x\2", etree.tostring(slide.element))
    xml = _DESCRIPTION.sub(_described, xml)
    return hashlib.sha256(slide.slide_layout.part.partname.encode() + b" " + xml).digest()


def _described(match: re.Match[bytes]) -> bytes:
    said = match.group(2).decode("utf-8", "replace")
    kind = b"file.png" if FILE_NAME.fullmatch(said.strip()) else b"x" if said.strip() else b""
    return match.group(1) + kind + match.group(3)


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
