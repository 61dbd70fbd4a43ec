"""deckmaker: one talk outline -> a PowerPoint deck and a recording script that stay in step."""

__version__ = "0.1.0"
