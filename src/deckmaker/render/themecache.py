"""What a build needs from a theme (its frames: boxes, fonts, sizes; which layouts it uses,
and their placeholders; the new slides it starts from; what it lacks), kept in the user's
cache (`deckmaker.cache`), keyed by the theme file's content: a build plans without opening
the .pptx and reading its masters and layouts, the largest part of a small deck's planning,
and renders without sorting each layout's placeholders out and cloning them again.

An entry is the `Theme` pickled, its typefaces without their widths: those are measured again
from the same font file (`fonts.remeasured`, itself cached while the file is unchanged). A
theme whose fonts were not found is not kept, so a font installed later is used at once. A
stale, corrupt or unreadable entry is read afresh from the file, as with no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from pathlib import Path

from deckmaker import cache
from deckmaker.limits import MAX_THEME_BYTES, check_size
from deckmaker.planning.fonts import Typeface, remeasured
from deckmaker.render.theme import Theme, load_theme

KIND = "themes"
FORMAT = 2  # the entries' layout: raise it when Theme, Frames or Box change


def cached_theme(path: Path) -> Theme:
    """The theme at `path`, from the cache when its content has been read before."""
    check_size(path, MAX_THEME_BYTES, "a theme")  # before reading it whole, to know it
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return load_theme(path)  # which says what is wrong with the file
    name = cache.key("theme", _version(), str(path), digest)
    stored = cache.read(KIND, name)
    if stored is not None:
        found = _measured(stored)
        if found is not None:
            return replace(found, path=path)
    theme = load_theme(path)
    title, body = theme.frames.title_font, theme.frames.body_font
    if title.measured_with and body.measured_with:
        bare = replace(
            theme.frames,
            title_font=Typeface(title.name, title.measured_with),
            body_font=Typeface(body.name, body.measured_with),
        )
        cache.write(KIND, name, pickle.dumps(replace(theme, frames=bare)))
    return theme


def _measured(stored: bytes) -> Theme | None:
    """The stored theme with its fonts measured again, or None if it cannot be used."""
    try:
        theme = pickle.loads(stored)  # the user's own cache folder, written only by deckmaker
    except Exception:  # noqa: BLE001 - a corrupt entry can fail in any way; read the file
        return None
    if not isinstance(theme, Theme):
        return None
    title, body = remeasured(theme.frames.title_font), remeasured(theme.frames.body_font)
    if title is None or body is None:
        return None  # a font file moved or went: choose the fonts afresh
    return replace(theme, frames=replace(theme.frames, title_font=title, body_font=body))


def _version() -> tuple[object, ...]:
    """The code that reads a theme, by size and date: an entry made by other code (an upgrade,
    a checkout) is never used."""
    from deckmaker.planning import fonts, model
    from deckmaker.render import growth, package, theme

    stamps = []
    for module in (theme, model, fonts, growth, package):  # growth, package: the prototypes
        try:
            stat = os.stat(module.__file__ or "")
        except OSError:
            return (None,)
        stamps.append((stat.st_size, stat.st_mtime_ns))
    return (*stamps, FORMAT)
