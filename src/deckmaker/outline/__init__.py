"""Stage one: read an outline file into a validated, typed model."""

from deckmaker.outline.load import load_outline, parse_outline
from deckmaker.outline.model import Outline, Place, Point, Quote, Segment

__all__ = ["Outline", "Place", "Point", "Quote", "Segment", "load_outline", "parse_outline"]
