"""The audio format: the build's narration, encoded as an MP3."""

from __future__ import annotations

from deckmaker.formats import Format
from deckmaker.narration.media import mp3
from deckmaker.planning import Plan
from deckmaker.render.media import Media
from deckmaker.render.script import Rendered
from deckmaker.templates import Templates


def render_audio(plan: Plan, templates: Templates, fmt: Format, media: Media) -> Rendered:
    return Rendered("", data=mp3(media.narration, plan.title))
