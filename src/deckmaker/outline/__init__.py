"""Stage one: read an outline file into a validated, typed model."""

from deckmaker.outline.load import load_outline, parse_outline
from deckmaker.outline.model import Outline, Place, Point, Segment

__all__ = ["Outline", "Place", "Point", "Segment", "load_outline", "parse_outline"]
