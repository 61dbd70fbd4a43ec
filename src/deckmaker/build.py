"""The whole pipeline: outline file -> plan -> deck and script, written only when all succeeded."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deckmaker.errors import DeckmakerError
from deckmaker.outline import Outline, load_outline
from deckmaker.plan import Plan, Voice, plan_talk
from deckmaker.plan.target import length_warnings
from deckmaker.plan.voice import DEFAULT_VOICE
from deckmaker.templates import DECK_TEMPLATE, Templates, bundled

if TYPE_CHECKING:
    from deckmaker.render.theme import Theme

EXAMPLE = "la-la-land.yaml"
ARTIFACTS = ("deck", "script")


@dataclass(frozen=True)
class Built:
    plan: Plan
    files: dict[str, Path]  # artifact -> where it was written: "deck", "script" (md), "srt", ...
    warnings: tuple[str, ...] = ()  # worth saying, not worth failing for


def example_outline() -> Path:
    return bundled("outlines") / EXAMPLE


def plan_outline(
    outline_path: Path,
    templates_dir: Path | None = None,
    wpm: int | None = None,
    voice: str | None = None,
    target: int | None = None,
) -> tuple[Plan, Templates, Theme]:
    """Load and plan: every check a build makes, short of rendering. `validate` stops here.
    `voice` and `target` override the outline's `voice:` and `duration:`."""
    from deckmaker.render.theme import load_theme  # python-pptx is slow to import: only here

    outline = load_outline(outline_path)
    templates = Templates(templates_dir)
    theme = load_theme(templates.path(DECK_TEMPLATE))
    speaker = _voice(templates, voice, outline)
    return plan_talk(outline, speaker, theme.frames, wpm, target), templates, theme


def _voice(templates: Templates, chosen: str | None, outline: Outline) -> Voice:
    """The voice asked for on the command line, else in the outline (whose line a mistake names)."""
    try:
        return Voice(templates, chosen or outline.voice or DEFAULT_VOICE)
    except DeckmakerError as err:
        place = outline.places.get(outline.voice or "")
        if chosen or place is None or len(err.problems) != 1 or err.problems[0].file:
            raise
        message = err.problems[0].message
        raise DeckmakerError.at(message, outline.source, place.line, "voice") from None


def build(
    outline_path: Path,
    out_dir: Path,
    only: tuple[str, ...] = ARTIFACTS,
    templates_dir: Path | None = None,
    wpm: int | None = None,
    formats: tuple[str, ...] = ("md",),
    voice: str | None = None,
    target: int | None = None,
) -> Built:
    """Build the artifacts in `only`, the script in each of `formats` (see
    `deckmaker.render.script.FORMATS`; "md" is filed as "script"). Everything is rendered in
    memory first, so a mistake anywhere leaves the previous outputs untouched."""
    plan, templates, theme = plan_outline(outline_path, templates_dir, wpm, voice, target)
    stem = outline_path.stem
    rendered: dict[str, tuple[Path, bytes]] = {}
    warnings = list(length_warnings(plan))
    if "deck" in only:
        from deckmaker.render.deck import render_deck

        rendered["deck"] = (out_dir / f"{stem}.pptx", render_deck(plan, theme))
    if "script" in only:
        from deckmaker.render.script import FORMATS, render_script

        if "dialogue" in formats and len(plan.hosts) != 2:
            raise DeckmakerError.at(
                "the dialogue format needs two hosts; add `hosts: [First, Second]`",
                str(outline_path),
                field="hosts",
            )
        for name in dict.fromkeys(formats):
            fmt = FORMATS[name]
            script = render_script(plan, templates, fmt.template, name)
            warnings += script.warnings
            key = "script" if name == "md" else name
            rendered[key] = (out_dir / f"{stem}{fmt.suffix}", script.text.encode("utf-8"))
    for path, data in rendered.values():
        write_atomically(path, data)
    files = {kind: path for kind, (path, _) in rendered.items()}
    return Built(plan, files, tuple(warnings))


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename over it: readers see the old file or the new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise DeckmakerError.at(f"cannot write here ({err.strerror})", str(path.parent)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise DeckmakerError.at(f"cannot be written ({err.strerror})", str(path)) from None
