"""The host's generated words, taken from the `voice.j2` template so users can reword them."""

from __future__ import annotations

import re
from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.templates import Templates

VOICE_TEMPLATE = "voice.j2"
_MACRO = re.compile(r"{%-?\s*macro\s+(\w+)")


class Voice:
    """Calls the macros of `voice.j2`: greeting, agenda, transition, from_points, signoff, ..."""

    def __init__(self, templates: Templates) -> None:
        self._templates = templates
        self._macros = templates.macros(VOICE_TEMPLATE)
        # Jinja's tracebacks name the wrong line for errors inside macros called from Python,
        # so an error points at the line where its macro starts.
        source = templates.path(VOICE_TEMPLATE).read_text(encoding="utf-8")
        self._lines = {
            m.group(1): source.count("\n", 0, m.start()) + 1 for m in _MACRO.finditer(source)
        }

    def say(self, macro: str, *args: Any) -> str:
        """The macro's words on one line: templates lay words out over lines; speech has none."""
        if not hasattr(self._macros, macro):
            raise DeckmakerError.at(
                f"template has no macro '{macro}'; copy it from the bundled {VOICE_TEMPLATE}",
                str(self._templates.path(VOICE_TEMPLATE)),
            )
        with self._templates.reporting(VOICE_TEMPLATE, self._lines.get(macro)):
            text = str(getattr(self._macros, macro)(*args))
        return " ".join(text.split())
