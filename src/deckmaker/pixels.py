"""A picture's size in pixels, read from its header and never decoded, and what deckmaker says
of a picture with more pixels than any slide shows: a warning past `LARGE_IMAGE_PIXELS`, in
deckmaker's words and naming the file (where Pillow would warn of a decompression bomb), and a
refusal past `MAX_IMAGE_PIXELS`."""

from __future__ import annotations

import warnings
from typing import IO

from deckmaker.limits import LARGE_IMAGE_PIXELS, MAX_IMAGE_PIXELS

FORMATS = ("PNG", "JPEG", "GIF", "BMP")  # what a .pptx carries and every reader draws


class TooManyPixels(Exception):
    """A picture past `MAX_IMAGE_PIXELS`: its size as "W x H", when its header was read."""


def header_size(source: str | IO[bytes], formats: tuple[str, ...] = FORMATS) -> tuple[int, int]:
    """Width and height of the picture `source` (a path or an open file) from its header.
    Raises `TooManyPixels` past the limit, and Pillow's `UnidentifiedImageError` (or another
    `OSError`) for what is no picture of `formats`."""
    from PIL import Image  # Pillow comes with python-pptx; only where a picture is read

    try:
        with warnings.catch_warnings():  # Pillow's DecompressionBombWarning: said our way
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(source, formats=formats) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # past twice Pillow's warning: over our limit too
        raise TooManyPixels("") from None
    if width * height > MAX_IMAGE_PIXELS:
        raise TooManyPixels(f"{width} x {height}")
    return width, height


def too_many(size: str) -> str:
    """The end of a sentence refusing a picture: how large it may be, and what to do."""
    shown = f" ({size})" if size else ""
    return (
        f"has more than the {MAX_IMAGE_PIXELS // 1_000_000} million pixels a picture may "
        f"have{shown}; save it smaller"
    )


def large(width: int, height: int) -> str | None:
    """The end of a sentence warning of a picture that large, or None."""
    if width * height <= LARGE_IMAGE_PIXELS:
        return None
    return (
        f"has {width * height / 1_000_000:.0f} million pixels ({width} x {height}), more than "
        "ten times what a 4K screen shows; the deck carries it whole, so it is large and slow "
        "to open: save the picture smaller"
    )
