"""What outside readers say about deckmaker's artifacts: lists of findings, empty when clean.

python-pptx reading back what python-pptx wrote proves little, so each judge asks tools written
by others and names the file, the slide or line, and the judge in every finding.
docs/testing.md lists each judge and what it catches. Where a tool is known to be wrong, the
judge that calls it says so and how it works around it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from .animation import animation_findings
from .content import content_findings
from .layout import layout_findings
from .media import mp3_findings, mp4_findings
from .outline import outline_findings
from .package import package_findings
from .picture import png_findings
from .plain import dialogue_findings, show_notes_findings, teleprompter_findings
from .schema import schema_findings
from .script import chapters_findings, html_findings, markdown_findings, srt_findings
from .template import template_findings
from .tools import require

__all__ = [
    "animation_findings",
    "chapters_findings",
    "content_findings",
    "dialogue_findings",
    "findings",
    "html_findings",
    "layout_findings",
    "markdown_findings",
    "mp3_findings",
    "mp4_findings",
    "outline_findings",
    "package_findings",
    "png_findings",
    "require",
    "schema_findings",
    "show_notes_findings",
    "srt_findings",
    "teleprompter_findings",
    "template_findings",
]

Judge = Callable[[Path], list[str]]
# By how the file name ends; the longest ending that matches wins.
BY_SUFFIX: dict[str, tuple[Judge, ...]] = {
    ".pptx": (package_findings, layout_findings, animation_findings, content_findings),
    ".md": (markdown_findings,),
    ".dialogue.md": (markdown_findings, dialogue_findings),
    ".script.txt": (teleprompter_findings,),
    ".show-notes.txt": (show_notes_findings,),
    ".srt": (srt_findings,),
    ".html": (html_findings,),
    ".json": (chapters_findings,),
    ".schema.json": (schema_findings,),
    ".yaml": (outline_findings,),
    ".j2": (template_findings,),
    ".png": (png_findings,),
    ".mp3": (mp3_findings,),
    ".mp4": (mp4_findings,),
}
_seen: dict[tuple[str, str], list[str]] = {}


def findings(path: Path) -> list[str]:
    """Every judge of this kind of file. Builds are reproducible, so the same bytes under the
    same name are judged once per run."""
    ending = max((e for e in BY_SUFFIX if path.name.endswith(e)), key=len, default=None)
    if ending is None:
        return [f"{path.name}: no judge reads {path.suffix} files; add one to tests/judges"]
    key = (path.name, hashlib.sha256(path.read_bytes()).hexdigest())
    if key not in _seen:
        _seen[key] = [f for judge in BY_SUFFIX[ending] for f in judge(path)]
    return _seen[key]
