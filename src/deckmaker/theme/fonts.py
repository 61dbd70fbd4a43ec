"""Type measured with real font metrics: the theme's own fonts when installed, else a
metric-compatible stand-in (Carlito for Calibri, Liberation for Arial and Times New Roman…),
read with fontTools. Only when neither exists does fitting fall back to estimated widths.

Fonts are found once per process through fontconfig (`fc-list`), and each font's advance
widths are read once and kept in the user's cache (`deckmaker.cache`); measuring a string is
then a dictionary lookup per character.
"""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from deckmaker import cache

# Fonts drawn with the same advance widths as the ones themes name (what LibreOffice substitutes).
METRIC_TWINS = {
    "calibri": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "courier new": "Liberation Mono",
    "arial narrow": "Liberation Sans Narrow",
}


@dataclass(frozen=True)
class Typeface:
    """Advance widths of one font in ems, by code point; characters it lacks are estimated."""

    name: str  # as the theme names it
    measured_with: str | None = None  # the font file measured, or None: widths are estimated
    advances: Mapping[int, float] = field(default_factory=dict, compare=False, repr=False)

    # Each character's width once worked out: fitting a long talk measures millions of them.
    _ems: dict[str, float] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ems", _Ems(self.advances))

    def em(self, char: str) -> float:
        return self._ems[char]

    def width(self, text: str, size: float) -> float:
        return sum(map(self._ems.__getitem__, text)) * size


class _Ems(dict[str, float]):
    """Width in ems by character, filled in on first sight from the font, else estimated."""

    def __init__(self, advances: Mapping[int, float]) -> None:
        super().__init__()
        self.advances = advances

    def __missing__(self, char: str) -> float:
        found = self.advances.get(ord(char))
        em = self[char] = found if found is not None else estimated_em(char)
        return em


ESTIMATE = Typeface("estimate")


def typeface(name: str, bold: bool = False) -> Typeface:
    """The font `name` (or its metric twin) as installed, else an estimating stand-in."""
    return _typeface(name, bold)


@lru_cache(maxsize=16)
def _typeface(name: str, bold: bool) -> Typeface:
    installed = _installed()
    for family in (name, METRIC_TWINS.get(name.lower(), "")):
        styles = installed.get(family.lower(), {})
        path = styles.get("bold" if bold else "regular") or styles.get("regular")
        if path:
            return Typeface(name, path, _advances(path))
    return Typeface(name)


def remeasured(font: Typeface) -> Typeface | None:
    """`font` with its widths read again from the file it was measured with (from the cache
    while the file is unchanged), or None if that file is gone."""
    path = font.measured_with
    if path is None or not os.path.isfile(path):
        return None
    return Typeface(font.name, path, _advances(path))


def _advances(path: str) -> dict[int, float]:
    """The font's advance widths, from the cache when the file has not changed since they were
    read (reading them takes fontTools longer than a small deck takes to build)."""
    try:
        stat = os.stat(path)
    except OSError:
        return _read_advances(path)
    name = cache.key("advances", path, stat.st_size, stat.st_mtime_ns)
    stored = cache.read("fonts", name)
    if stored is not None:
        try:
            found = marshal.loads(stored)
        except (ValueError, EOFError, TypeError):
            found = None
        if isinstance(found, dict):
            return found
    advances = _read_advances(path)
    cache.write("fonts", name, marshal.dumps(advances))
    return advances


def _read_advances(path: str) -> dict[int, float]:
    import logging

    from fontTools.ttLib import TTFont  # only when a deck is fitted: the CLI starts fast

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # it warns about old timestamps
    with TTFont(path, lazy=True, fontNumber=0) as font:
        per_em = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {code: metrics[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}


def installed_families() -> set[str]:
    """The font families fontconfig knows, in lower case."""
    return set(_installed())


@lru_cache(maxsize=1)
def _installed() -> dict[str, dict[str, str]]:
    """family (lower case) -> {"regular" | "bold": file}, from fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return {}
    try:
        out = subprocess.run(
            [fc_list, "--format", "%{family}\t%{style}\t%{file}\n", ":fontformat=TrueType"],
            capture_output=True, text=True, timeout=30, check=False,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, dict[str, str]] = {}
    for line in out.splitlines():
        families, styles, path = (line.split("\t") + ["", ""])[:3]
        style_words = styles.lower().replace(",", " ").split()
        if "italic" in style_words or "oblique" in style_words:
            continue
        kind = "bold" if "bold" in style_words else "regular"
        if kind == "regular" and not ({"regular", "book", "normal", "roman"} & set(style_words)):
            continue
        for family in families.split(","):
            found.setdefault(family.strip().lower(), {}).setdefault(kind, path)
    return found


@lru_cache(maxsize=4096)
def estimated_em(char: str) -> float:
    """A width a little wider than most sans-serif fonts give `char`, in ems."""
    if char.isspace():
        return 0.25
    if unicodedata.east_asian_width(char) in "WF" or ord(char) >= 0x1F000:
        return 1.25  # CJK and emoji are drawn about a full em wide, emoji a little more
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf"):
        return 0.0
    if char in "mwMW@%":
        return 0.9
    if char in "iljtfrI.,;:'!|()[]":
        return 0.35
    if char.isupper():
        return 0.66
    if char.isdigit():
        return 0.53
    return 0.55
