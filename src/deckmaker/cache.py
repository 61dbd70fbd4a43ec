"""The user's cache folder: what a build works out the same way every time (compiled templates,
font metrics), kept between runs so that a small deck is built in milliseconds.

Nothing in it changes an output: each entry is checked against its source (a template's text,
a font file's size and date) and ignored when stale, unreadable or corrupt. The folder is
`$DECKMAKER_CACHE`, else the system's own place for a user's caches, as platformdirs knows it
(`$XDG_CACHE_HOME/deckmaker` or `~/.cache/deckmaker` on Linux, `~/Library/Caches/deckmaker` on
macOS, `%LOCALAPPDATA%\\deckmaker\\Cache` on Windows); `DECKMAKER_CACHE=off` turns caching
off. A folder that cannot be written only costs time.

Entries hold compiled code and pickles, which run when read: a folder someone else could write
into (another owner's, or writable by the group or by all, as `/tmp` is) is not used at all.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from functools import lru_cache
from pathlib import Path

OFF = "off"


def folder(kind: str) -> Path | None:
    """The cache's subfolder for `kind` (created), or None when caching is off or impossible."""
    chosen = os.environ.get("DECKMAKER_CACHE", "")
    if chosen.lower() == OFF:
        return None
    base = Path(chosen) if chosen else _system_folder(os.environ.get("XDG_CACHE_HOME", ""))
    path = base / kind
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return path if _private(str(base)) and _private(str(path)) else None


@lru_cache(maxsize=4)
def _system_folder(xdg: str) -> Path:
    """The system's cache folder for deckmaker (`xdg`, which platformdirs reads on Linux, only
    keys the answer, so a changed XDG_CACHE_HOME is heard)."""
    import platformdirs  # only when no DECKMAKER_CACHE names the folder

    return platformdirs.user_cache_path("deckmaker", appauthor=False)


@lru_cache(maxsize=16)
def _private(folder: str) -> bool:
    """Whether only this user can write into `folder` (checked once a process)."""
    try:
        found = os.stat(folder)
    except OSError:
        return False
    mine = not hasattr(os, "getuid") or found.st_uid == os.getuid()
    return mine and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def key(*parts: object) -> str:
    """A file name for an entry that depends on exactly `parts`."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def read(kind: str, name: str) -> bytes | None:
    where = folder(kind)
    if where is None:
        return None
    try:
        return (where / name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Store an entry whole or not at all (a rename), so a reader never sees half of one."""
    where = folder(kind)
    if where is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=where, prefix=f".{name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, where / name)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
