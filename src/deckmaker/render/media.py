"""What the spoken formats are given besides the plan: the build's narration, and the deck's
pictures, drawn only when a format asks for them (LibreOffice is slow)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from deckmaker.narration.speak import Narration


@dataclass(frozen=True)
class Media:
    narration: Narration
    pages: Callable[[], list[bytes]]  # each slide as PNG bytes, as `deckmaker preview` draws it
