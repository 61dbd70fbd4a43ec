"""A theme's pictures (a photograph on a layout, a logo on the master) measured from their
headers as an outline's pictures are, never decoded: every deck carries them, LibreOffice draws
them in `preview` and PowerPoint when the deck is opened, so a decompression bomb among them is
refused, and one with more pixels than a slide shows is named in a warning."""

from __future__ import annotations

import io
from pathlib import Path

from pptx.opc.package import Part
from pptx.presentation import Presentation

from deckmaker.errors import DeckmakerError
from deckmaker.pixels import FORMATS, TooManyPixels, header_size, large, too_many

# The kinds of picture measured; others (EMF, WMF, SVG) have no pixels to count.
MEASURED = (*FORMATS, "TIFF")


def large_pictures(prs: Presentation, path: Path) -> tuple[tuple[str, int, int], ...]:
    """(part name, width, height) of each picture a deck takes from the theme `prs` past
    `LARGE_IMAGE_PIXELS`; one past `MAX_IMAGE_PIXELS` is refused, naming the theme file `path`
    and the part."""
    found = []
    for part in _carried(prs):
        if not part.content_type.startswith("image/"):
            continue
        try:
            width, height = header_size(io.BytesIO(part.blob), MEASURED)
        except TooManyPixels as err:
            raise DeckmakerError.at(
                f"its picture {str(part.partname)!r} {too_many(str(err))}, or give another theme",
                str(path),
            ) from None
        except (OSError, SyntaxError, ValueError):  # no picture Pillow reads: nothing to count
            continue
        if large(width, height):
            found.append((str(part.partname), width, height))
    return tuple(found)


def _carried(prs: Presentation) -> list[Part]:
    """The parts the masters reach, layouts and their pictures included, in a stable order:
    what a deck keeps of its theme (its slides are dropped)."""
    seen: dict[str, Part] = {}
    todo = [m.part for m in prs.slide_masters]
    while todo:
        part = todo.pop()
        if str(part.partname) in seen:
            continue
        seen[str(part.partname)] = part
        todo.extend(r.target_part for r in part.rels.values() if not r.is_external)
    return [seen[name] for name in sorted(seen)]
