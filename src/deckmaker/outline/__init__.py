"""Stage one: read an outline file into a validated, typed model."""

from deckmaker.outline.load import load_outline, parse_outline
from deckmaker.outline.model import Code, Column, Outline, Place, Point, Quote, Segment, Table

__all__ = [
    "Code", "Column", "Outline", "Place", "Point", "Quote", "Segment", "Table", "load_outline",
    "parse_outline",
]  # fmt: skip
