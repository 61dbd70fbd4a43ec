"""Where a picture goes: as large as its area allows, its aspect ratio kept, centred."""

from __future__ import annotations

from deckmaker.errors import DeckmakerError
from deckmaker.plan.fit import Box

FORMATS = ("PNG", "JPEG", "GIF", "BMP")  # what a .pptx carries and every reader draws


def fitted_picture(path: str, box: Box) -> tuple[float, float, float, float]:
    """Left, top, width and height in points of the picture at `path` fitted into `box`.
    A file that is no readable picture raises before anything is written."""
    from PIL import Image, UnidentifiedImageError  # Pillow comes with python-pptx; only here

    try:
        with Image.open(path) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as err:
        raise DeckmakerError.at(
            f"cannot be read as a picture ({err}); give a PNG or JPEG file", path
        ) from None
    if kind not in FORMATS or not width or not height:
        raise DeckmakerError.at(f"is a {kind} picture; give a PNG or JPEG file", path)
    scale = min(box.width / width, box.height / height)
    w, h = width * scale, height * scale
    return (
        round(box.left + (box.width - w) / 2, 2),
        round(box.top + (box.height - h) / 2, 2),
        round(w, 2),
        round(h, 2),
    )
