"""The video format: each slide's picture (drawn as `deckmaker preview` draws it) from its cue
for its seconds, over the build's narration, as an MP4."""

from __future__ import annotations

from deckmaker.formats import Format
from deckmaker.narration.media import mp4
from deckmaker.planning import Plan
from deckmaker.render.media import Media
from deckmaker.render.script import Rendered
from deckmaker.templates import Templates


def render_video(plan: Plan, templates: Templates, fmt: Format, media: Media) -> Rendered:
    return Rendered("", data=mp4(media.narration, media.pages(), plan.title))
