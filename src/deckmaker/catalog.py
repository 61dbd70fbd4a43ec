"""The bundled templates as a catalogue: what each controls, and copying them out for editing."""

from __future__ import annotations

import os
from pathlib import Path

from deckmaker.bundle import bundled
from deckmaker.errors import DeckmakerError
from deckmaker.outputs import replace_set

ABOUT = {
    "deck.pptx": "the deck's design: layouts, fonts, colours",
    "voice.j2": "the words deckmaker writes for you, as macros (every voice falls back here)",
    "voice-video.j2": "what the video voice says differently (greeting, sign-off)",
    "voice-talk.j2": "what the talk voice says differently",
    "voice-podcast.j2": "what the podcast voice says differently",
    "script.md.j2": "--format md: the Markdown recording script",
    "script.txt.j2": "--format txt: teleprompter text",
    "teleprompter.html.j2": "--format html: the teleprompter page",
    "captions.srt.j2": "--format srt: captions",
    "chapters.json.j2": "--format chapters: Podcasting 2.0 JSON chapters",
    "show-notes.txt.j2": "--format show-notes: description with chapter timestamps",
    "dialogue.md.j2": "--format dialogue: the script for two hosts",
}


def catalog() -> list[tuple[str, str]]:
    """(file name, what it controls) for every bundled template, in a stable order."""
    names = sorted(p.name for p in bundled("templates").iterdir() if p.is_file())
    order = list(ABOUT)
    return [(n, ABOUT.get(n, "")) for n in sorted(names, key=lambda n: (order + [n]).index(n))]


def export_templates(folder: Path, force: bool = False) -> list[Path]:
    """Copy every bundled template into `folder`; refuse to overwrite unless `force`."""
    if folder.exists() and not folder.is_dir():
        raise DeckmakerError.at(
            "is a file, not a folder; give a folder to copy the templates into", str(folder)
        )
    targets = [(bundled("templates") / name, folder / name) for name, _ in catalog()]
    # a link (a dangling one too) at a template's name is there, to be replaced, never written
    # through
    clash = [str(dst) for _, dst in targets if os.path.lexists(dst)]
    if clash and not force:
        raise DeckmakerError.at(
            f"already holds {', '.join(Path(c).name for c in clash)}; choose an empty folder, "
            "or pass --force to replace them",
            str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DeckmakerError.at(f"cannot write here ({err.strerror})", str(folder)) from None
    # written as one set, as a build's outputs are: all or none (a full disk keeps the old ones)
    return replace_set(folder, {dst.name: src.read_bytes() for src, dst in targets})
