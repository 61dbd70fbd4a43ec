"""The host's generated words, taken from the `voice.j2` template so users can reword them."""

from __future__ import annotations

from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.templates import Templates

VOICE_TEMPLATE = "voice.j2"


class Voice:
    """Calls the macros of `voice.j2`: greeting, agenda, transition, from_points, signoff, ..."""

    def __init__(self, templates: Templates) -> None:
        self._templates = templates
        self._macros = templates.macros(VOICE_TEMPLATE)

    def say(self, macro: str, *args: Any) -> str:
        """The macro's words on one line: templates lay words out over lines; speech has none."""
        if not hasattr(self._macros, macro):
            raise DeckmakerError.at(
                f"template has no macro '{macro}'; copy it from the bundled {VOICE_TEMPLATE}",
                str(self._templates.path(VOICE_TEMPLATE)),
            )
        with self._templates.reporting(VOICE_TEMPLATE):
            text = str(getattr(self._macros, macro)(*args))
        return " ".join(text.split())
