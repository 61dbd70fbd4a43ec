"""The host's generated words, taken from voice templates so users can reword them.

Three voices are bundled: `voice.j2` holds every macro in a neutral voice, and `voice-video.j2`,
`voice-talk.j2` and `voice-podcast.j2` hold only what each kind of recording says differently.
A macro is looked up in the user's own `voice.j2` first (so it may define just the macros it
changes), then in the chosen voice, then in the bundled `voice.j2`. A macro left exactly as in
the bundled `voice.j2` (as `deckmaker templates export` copies it) does not count as a change,
so it still gives way to the chosen voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deckmaker.errors import DeckmakerError
from deckmaker.options import DEFAULT_VOICE
from deckmaker.planning.model import evolve
from deckmaker.templates import BUNDLED_PREFIX, Templates

VOICE_TEMPLATE = "voice.j2"
VOICES = ("video", "talk", "podcast")
ENGLISH = "en"
# Said in a language with no voice of its own: neutral cues and labels, no words of deckmaker's.
NEUTRAL_TEMPLATE = "voice.neutral.j2"
_MACRO = re.compile(r"{%-?\s*macro\s+(\w+)")
_WHOLE_MACRO = re.compile(r"{%-?\s*macro\s+(\w+).*?{%-?\s*endmacro\s*-?%}", re.S)


def voice_template(name: str, language: str = ENGLISH) -> str:
    return f"voice-{name}.j2" if language == ENGLISH else f"voice-{name}.{language}.j2"


def language_template(language: str) -> str:
    """The voice of every macro in a language: voice.j2 for English, voice.es.j2 for Spanish."""
    return VOICE_TEMPLATE if language == ENGLISH else f"voice.{language}.j2"


@dataclass(frozen=True)
class _Layer:
    name: str  # the template name Jinja knows it by
    path: Path
    module: Any
    lines: dict[str, int]  # macro -> the line it starts on
    own: frozenset[str] | None = None  # the macros it may answer for; None: all it has
    mine: bool = False  # the user's own file

    def has(self, macro: str) -> bool:
        return hasattr(self.module, macro) and (self.own is None or macro in self.own)


class Voice:
    """Calls the voice macros: greeting, agenda, transition, from_points, recap, signoff, ..."""

    def __init__(
        self, templates: Templates, name: str = DEFAULT_VOICE, language: str = ENGLISH
    ) -> None:
        self._templates = templates
        self.name = name
        self.language = language
        self.warning = ""  # said once when the language has no voice of its own
        self._checked: set[str] = set()  # the user's macros found to take the right arguments
        if language != ENGLISH:
            self._layers = self._foreign(name, language)
            return
        chain = [voice_template(name), f"{BUNDLED_PREFIX}/{VOICE_TEMPLATE}"]
        if templates.overridden(VOICE_TEMPLATE):
            chain.insert(0, VOICE_TEMPLATE)
        if not templates.exists(chain[-2]):
            known = sorted({*VOICES, *templates.voices()})
            raise DeckmakerError.at(
                f"no voice called '{name}'; choose one of {', '.join(known)}, or add "
                f"{voice_template(name)} to your templates folder"
            )
        self._layers = [self._layer(t) for t in chain]
        if templates.overridden(VOICE_TEMPLATE):
            bundled = _macro_sources(templates.source(self._layers[-1].name))
            mine = _macro_sources(templates.source(self._layers[0].name))
            edited = frozenset(m for m, text in mine.items() if bundled.get(m) != text)
            self._layers[0] = evolve(self._layers[0], own=edited)

    def _foreign(self, name: str, language: str) -> list[_Layer]:
        """The layers of a language other than English: the voice's own file in it
        (voice-video.es.j2) when there is one, then the language's voice.es.j2, which holds
        every macro. A language with neither speaks through the neutral voice, with a warning."""
        if not self._templates.exists(f"voice-{name}.j2") and name not in VOICES:
            known = sorted({*VOICES, *self._templates.voices()})
            raise DeckmakerError.at(
                f"no voice called '{name}'; choose one of {', '.join(known)}, or add "
                f"{voice_template(name)} to your templates folder"
            )
        whole = language_template(language)
        if not self._templates.exists(whole):
            self.warning = (
                f"deckmaker has no voice in the language '{language}': the scripts say only your "
                f"own words, with neutral cues; add {whole} to your templates folder to give it one"
            )
            return [self._layer(NEUTRAL_TEMPLATE)]
        own = voice_template(name, language)
        chain = [own, whole] if self._templates.exists(own) else [whole]
        return [self._layer(t) for t in chain]

    def _layer(self, name: str) -> _Layer:
        path = self._templates.path(name)
        # Jinja's tracebacks name the wrong line for errors inside macros called from Python,
        # so an error points at the line where its macro starts.
        source = self._templates.source(name)
        lines = {m.group(1): source.count("\n", 0, m.start()) + 1 for m in _MACRO.finditer(source)}
        mine = self._templates.overridden(name) is not None
        return _Layer(name, path, self._templates.macros(name), lines, mine=mine)

    def _check_arguments(self, layer: _Layer, macro: str) -> None:
        """A macro of the user's takes the arguments deckmaker calls the bundled one with: one
        written for an older call (handoff's `speaker, previous, turn, paragraph`) would fail
        somewhere inside, or say the wrong words; it is named in one line instead."""
        theirs = getattr(self._templates.macros(f"{BUNDLED_PREFIX}/{VOICE_TEMPLATE}"), macro, None)
        mine = tuple(getattr(layer.module, macro).arguments)
        if theirs is not None and mine != tuple(theirs.arguments):
            raise DeckmakerError.at(
                f"the voice macro '{macro}' takes ({', '.join(mine)}), but deckmaker now calls "
                f"it as {macro}({', '.join(theirs.arguments)}); update it to these arguments "
                f"(`deckmaker templates export` writes the bundled {VOICE_TEMPLATE}, which says "
                "what each one is)",
                str(layer.path),
                layer.lines.get(macro),
            )

    def say(self, macro: str, *args: Any) -> str:
        """The macro's words on one line: templates lay words out over lines; speech has none."""
        layer = next((lay for lay in self._layers if lay.has(macro)), None)
        if layer is None:
            raise DeckmakerError.at(
                f"no voice template has a macro '{macro}'; copy it from the bundled "
                f"{VOICE_TEMPLATE}",
                str(self._layers[0].path),
            )
        if layer.mine and macro not in self._checked:
            self._check_arguments(layer, macro)
            self._checked.add(macro)
        with self._templates.reporting(layer.name, layer.lines.get(macro)):
            text = str(getattr(layer.module, macro)(*args))
        return " ".join(text.split())


def _macro_sources(source: str) -> dict[str, str]:
    """Each macro's text, to tell an edited macro from an exported copy."""
    return {m.group(1): m.group(0) for m in _WHOLE_MACRO.finditer(source)}
