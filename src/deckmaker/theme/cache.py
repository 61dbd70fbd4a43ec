"""Themes read before, kept in the user's cache (`deckmaker.cache`), keyed by the theme file's
content: a build plans without opening the .pptx and reading its masters and layouts, the
largest part of a small deck's planning.

An entry is the `Theme` pickled, its typefaces without their widths: those are measured again
from the same font file (`fonts.remeasured`, itself cached while the file is unchanged). A
theme whose fonts were not found is not kept, so a font installed later is used at once. What
the theme lacks is worked out from the entry as from a fresh read (`Theme.general`), so a
build says the same with the cache as without. A stale, corrupt or unreadable entry is read
afresh from the file, as with no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from pathlib import Path

from deckmaker import cache
from deckmaker.limits import MAX_THEME_BYTES, check_size
from deckmaker.theme.fonts import Typeface, remeasured
from deckmaker.theme.model import Theme

KIND = "themes"
FORMAT = 6  # the entries' layout: raise it when Theme, Frames or Box change


def cached_theme(path: Path) -> Theme:
    """The theme at `path`, from the cache when its content has been read before."""
    from deckmaker.theme.read import read_theme  # python-pptx: only when the file is read

    check_size(path, MAX_THEME_BYTES, "a theme")  # before reading it whole, to know it
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return read_theme(path)  # which says what is wrong with the file
    name = cache.key("theme", stamps(), str(path), digest)
    stored = cache.read(KIND, name)
    if stored is not None:
        found = _measured(stored)
        if found is not None:
            return replace(found, path=path)
    theme = read_theme(path, digest)
    title, body, code = theme.frames.title_font, theme.frames.body_font, theme.frames.code_font
    if title.measured_with and body.measured_with and code.measured_with:
        bare = replace(
            theme.frames,
            title_font=Typeface(title.name, title.measured_with),
            body_font=Typeface(body.name, body.measured_with),
            code_font=Typeface(code.name, code.measured_with),
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
    frames = theme.frames
    title, body = remeasured(frames.title_font), remeasured(frames.body_font)
    code = remeasured(frames.code_font)
    if title is None or body is None or code is None:
        return None  # a font file moved or went: choose the fonts afresh
    measured = replace(frames, title_font=title, body_font=body, code_font=code)
    return replace(theme, frames=measured)


def stamps(*more: object) -> tuple[object, ...]:
    """The code that reads a theme (and `more` modules, for what is made from a theme), by
    size and date: an entry made by other code (an upgrade, a checkout) is never used."""
    from deckmaker import contrast, highlight
    from deckmaker.theme import (
        boxes,
        brand,
        colours,
        fonts,
        frames,
        inert,
        layouts,
        model,
        palette,
        parts,
        pictures,
        presentation,
        read,
        room,
    )

    found = []
    # palette, highlight, contrast: the code's colours and font
    for module in (read, parts, presentation, model, inert, layouts, frames, fonts, colours,
                   room, brand, palette, boxes, pictures, highlight, contrast,
                   *more):  # fmt: skip
        try:
            stat = os.stat(getattr(module, "__file__", None) or "")
        except OSError:
            return (None,)
        found.append((stat.st_size, stat.st_mtime_ns))
    return (*found, FORMAT)
