"""The folders of data shipped with deckmaker: templates, outlines (and the outline schema),
themes. Imports nothing heavy, so any command can find them."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled(folder: str) -> Path:
    """A folder of package data ("templates", "outlines" or "themes").

    Installed, it sits inside the package; in a source checkout it is at the repository's top.
    """
    inside = Path(str(files("deckmaker"))) / folder
    return inside if inside.is_dir() else Path(__file__).resolve().parents[2] / folder
