"""Stage one: read an outline file into a validated, typed model."""

from deckmaker.outline.load import load_outline, parse_outline
from deckmaker.outline.model import Column, Outline, Place, Point, Quote, Segment

__all__ = [
    "Column", "Outline", "Place", "Point", "Quote", "Segment", "load_outline", "parse_outline",
]  # fmt: skip
