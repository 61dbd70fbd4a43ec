"""Render the plan into the recording script's formats, each through a Jinja2 template.

Every format reads the same timeline: the parts of the talk and each slide's cue with its start
time, so a cue in the teleprompter, a caption and a chapter all agree with the Markdown script.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from deckmaker.formats import DEFAULT_FORMAT, FORMATS, Format
from deckmaker.planning import Plan
from deckmaker.planning.voice import Voice
from deckmaker.render.timeline import TimedPart, timeline
from deckmaker.render.variables import SCRIPT_WORDS
from deckmaker.templates import Templates

SCRIPT_TEMPLATE = FORMATS[DEFAULT_FORMAT].template


@dataclass(frozen=True)
class Rendered:
    text: str
    warnings: tuple[str, ...] = ()
    data: bytes | None = None  # a format that is no text (audio, video): its bytes

    def encoded(self) -> bytes:
        return self.text.encode("utf-8") if self.data is None else self.data


# What each format needs beyond the timeline, worked out only when that format is asked for.
Extra = Callable[[Plan, list[TimedPart], Templates], tuple[dict[str, Any], tuple[str, ...]]]


# "module:function", imported only for its format: a build of the Markdown script loads none.
_EXTRAS = {
    "html": "deckmaker.render.script:page_context",
    "srt": "deckmaker.render.captions:captions_context",
    "chapters": "deckmaker.render.chapters:chapters_context",
    "show-notes": "deckmaker.render.chapters:show_notes_context",
    "dialogue": "deckmaker.render.dialogue:dialogue_context",
}


def _extra(fmt: str) -> Extra | None:
    if fmt not in _EXTRAS:
        return None
    module, _, function = _EXTRAS[fmt].partition(":")
    found: Extra = getattr(importlib.import_module(module), function)
    return found


def page_context(
    plan: Plan, parts: list[TimedPart], templates: Templates
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The teleprompter page's `language` (its `lang`): the talk's, as planning tells English
    from Spanish, so a browser hyphenates, and a screen reader speaks, the right language."""
    return {"language": plan.language}, ()


def render_script(
    plan: Plan, templates: Templates, name: str = SCRIPT_TEMPLATE, fmt: str = DEFAULT_FORMAT
) -> Rendered:
    """The script in format `fmt`, through template `name`."""
    parts = timeline(plan)
    extra: dict[str, Any] = {}
    warnings: tuple[str, ...] = ()
    more = _extra(fmt)
    if more is not None:
        extra, warnings = more(plan, parts, templates)
    cues = [cue for part in parts for cue in part.slides]
    voice = Voice(templates, plan.voice, plan.language)
    words = {key: voice.say("script_word", key) for key in SCRIPT_WORDS}
    text = templates.render(
        name, plan=plan, parts=parts, cues=cues, total=plan.total_seconds, words=words, **extra
    )
    return Rendered(text.rstrip("\n") + FORMATS[fmt].ending, warnings)


def render_format(plan: Plan, templates: Templates, fmt: Format) -> Rendered:
    """The script in `fmt`, through its template (a format's renderer: see `deckmaker.formats`)."""
    return render_script(plan, templates, fmt.template, fmt.name)
