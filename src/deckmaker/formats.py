"""The script formats, declared once: each one's name (for --format and the API's `formats`),
file suffix, renderer and template. The command line reads its choices and help from here
without importing the renderers; a format that needs an optional dependency names its extra."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

DEFAULT_FORMAT = "md"


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str  # after the input's name: talk.script.md
    template: str
    about: str  # for --help and `templates list`
    ending: str = "\n"  # what the file ends with: SubRip closes its last caption with a blank line
    # "module:function" called as function(plan, templates, format) -> Rendered, imported on use
    renderer: str = "deckmaker.render.script:render_format"
    extra: str | None = None  # the pip extra it needs (deckmaker[NAME]), if any
    # Spoken: called as function(plan, templates, format, media) with the build's `Media` (the
    # narration and the slides' pictures); its times put every format of the build on its clock.
    spoken: bool = False

    def render(self) -> Callable[..., Any]:
        module, _, function = self.renderer.partition(":")
        return getattr(importlib.import_module(module), function)


FORMATS = {
    f.name: f
    for f in (
        Format("md", ".script.md", "script.md.j2", "the recording script, in Markdown"),
        Format("txt", ".script.txt", "script.txt.j2", "teleprompter text: plain paragraphs"),
        Format("html", ".teleprompter.html", "teleprompter.html.j2", "a teleprompter page"),
        Format("srt", ".srt", "captions.srt.j2", "captions (SubRip)", "\n\n"),
        Format("chapters", ".chapters.json", "chapters.json.j2", "Podcasting 2.0 chapters"),
        Format("show-notes", ".show-notes.txt", "show-notes.txt.j2", "description + chapters"),
        Format("dialogue", ".dialogue.md", "dialogue.md.j2", "the script for two hosts"),
        Format(
            "audio",
            ".mp3",
            "",
            "the script read aloud by an offline voice (MP3)",
            "",
            "deckmaker.render.audio:render_audio",
            spoken=True,
        ),
        Format(
            "video",
            ".mp4",
            "",
            "the slides shown over the read script (MP4, 1080p)",
            "",
            "deckmaker.render.video:render_video",
            spoken=True,
        ),
    )
}
