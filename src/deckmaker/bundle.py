"""The folders of data shipped with deckmaker: templates, outlines (and the outline schema),
themes. Imports nothing heavy, so any command can find them."""

from __future__ import annotations

from pathlib import Path


def bundled(folder: str) -> Path:
    """A folder of package data ("templates", "outlines" or "themes").

    Installed, it sits inside the package (a folder on disk: deckmaker is never run from a
    zip, which python-pptx's templates could not be read from either); in a source checkout
    it is at the repository's top.
    """
    package = Path(__file__).resolve().parent
    inside = package / folder
    return inside if inside.is_dir() else package.parents[1] / folder
