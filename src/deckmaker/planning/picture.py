"""Where a picture goes: as large as its area allows, its aspect ratio kept, centred."""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from deckmaker.errors import DeckmakerError, Problem
from deckmaker.limits import MAX_IMAGE_PIXELS
from deckmaker.outline.model import Outline
from deckmaker.pixels import FORMATS, TooManyPixels, header_size, large, too_many
from deckmaker.theme.frames import Box


def fitted_picture(path: str, box: Box) -> tuple[float, float, float, float]:
    """Left, top, width and height in points of the picture at `path` fitted into `box`.
    A file that is no readable picture raises before anything is written."""
    width, height = picture_size(path)
    scale = min(box.width / width, box.height / height)
    w, h = width * scale, height * scale
    return (
        round(box.left + (box.width - w) / 2, 2),
        round(box.top + (box.height - h) / 2, 2),
        round(w, 2),
        round(h, 2),
    )


def picture_size(path: str) -> tuple[int, int]:
    """The width and height in pixels of the picture at `path`, checked whole (a file cut
    short is refused) but not decoded: only PNG, JPEG, GIF and BMP are tried, not every format
    Pillow knows, and a picture of more than `MAX_IMAGE_PIXELS` is refused from its header,
    before a decompression bomb could unpack."""
    from PIL import Image, UnidentifiedImageError  # Pillow comes with python-pptx; only here

    name = Path(path).name
    try:
        with warnings.catch_warnings():  # Pillow warns of large pictures; we refuse them below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                width, height = image.size
                if width * height <= MAX_IMAGE_PIXELS:
                    image.verify()
    except Image.DecompressionBombError:  # more than Pillow allows: over our limit too
        raise _too_large(name, path) from None
    except UnidentifiedImageError:
        empty = Path(path).stat().st_size == 0
        raise DeckmakerError.at(
            f"'{name}' is {'an empty file' if empty else 'no PNG, JPEG, GIF or BMP picture'}; "
            "give a picture in one of those formats (save or convert it again)",
            path,
        ) from None
    except PermissionError:
        raise DeckmakerError.at(
            f"'{name}' cannot be read (permission denied); check its permissions", path
        ) from None
    except (OSError, SyntaxError, ValueError) as err:  # what Pillow raises for a broken file
        raise DeckmakerError.at(
            f"'{name}' is damaged or cut short ({err}); save the picture again", path
        ) from None
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_large(name, path, f"{width} x {height}")
    if not width or not height:
        raise DeckmakerError.at(f"'{name}' has no pixels; give another picture", path)
    return width, height


def _too_large(name: str, path: str, size: str = "") -> DeckmakerError:
    return DeckmakerError.at(f"'{name}' {too_many(size)}", path)


def picture_warnings(images: Iterable[str], outline: Outline) -> tuple[str, ...]:
    """One line for each picture (by its path, as planned) with more pixels than a slide
    shows, naming the outline's line that gives it."""
    said = []
    for path in dict.fromkeys(images):
        with suppress(OSError, TooManyPixels):  # read whole when planned; changed since
            warning = large(*header_size(path))
            if warning:
                place = outline.places.get(path)
                at = (place.line, place.field) if place else (None, None)
                said.append(str(Problem(f"'{Path(path).name}' {warning}", outline.source, *at)))
    return tuple(said)
