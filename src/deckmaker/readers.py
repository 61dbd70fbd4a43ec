"""Which reader a talk's file needs, by its suffix: an outline (YAML) or an essay (text, Markdown).

Every reader gives the same `Outline`, so nothing after this asks where a talk came from. The
essay reader and its sentence splitter are imported only when an essay is read: `--help` and
YAML builds stay fast.
"""

from __future__ import annotations

from pathlib import Path

from deckmaker.errors import DeckmakerError
from deckmaker.outline import Outline, load_outline

OUTLINE_SUFFIXES = (".yaml", ".yml")
ESSAY_SUFFIXES = (".txt", ".md", ".markdown")  # the same as deckmaker.essay's, without importing it


def is_essay(path: Path) -> bool:
    return path.suffix.lower() in ESSAY_SUFFIXES


def read_talk(
    path: Path,
    *,
    allow_outside: bool = False,
    target: int | None = None,
    wpm: int | None = None,
    spare: int = 0,
) -> Outline:
    """The outline of the talk in `path`, read by the reader its suffix names. Files an
    outline names must be in its folder unless `allow_outside` (an essay names none). An essay
    whose prose runs longer than `target` seconds at `wpm` is condensed to it, `spare` words
    fewer for what the voice says around its words."""
    if path.is_dir():
        raise DeckmakerError.at(
            "is a folder; give an outline (.yaml, .yml) or an essay (.txt, .md, .markdown)",
            str(path),
        )
    suffix = path.suffix.lower()
    if suffix in OUTLINE_SUFFIXES:
        return load_outline(path, allow_outside=allow_outside)
    if suffix in ESSAY_SUFFIXES:
        from deckmaker.essay import read_essay

        return read_essay(path, target=target, wpm=wpm, spare=spare)
    raise DeckmakerError.at(
        f"unknown kind of file ({suffix or 'no suffix'}); give an outline (.yaml, .yml) or an "
        "essay (.txt, .md, .markdown)",
        str(path),
    )
