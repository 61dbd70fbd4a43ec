"""Will this text fit in that box? Estimated from per-character widths, erring on the wide side.

The shipped theme uses Calibri (drawn with the metric-compatible Carlito where Calibri is
missing); the widths below are close to, and a little wider than, its average advances, so an
estimate that fits leaves a margin. Sizes are in points.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from deckmaker.plan.model import Bullet

LINE_HEIGHT = 1.25  # line pitch as a multiple of the font size, as the writer sets it
SPACE_BEFORE = 0.4  # space before each paragraph, as a multiple of the font size
SUB_POINT_SHRINK = 4  # sub-points are this many points smaller than points


@dataclass(frozen=True)
class Box:
    """The area text may use: the shape's size less its insets, in points."""

    width: float
    height: float
    indent: float = 0.0  # extra left margin per bullet level


@lru_cache(maxsize=4096)
def _em(char: str) -> float:
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


def text_width(text: str, size: float) -> float:
    return sum(_em(c) for c in text) * size


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break `text` into lines as a word processor would: at spaces, or inside an overlong word."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # a word wider than the box breaks wherever it must
            if line and text_width(line + char, size) > width:
                lines.append(line)
                line = ""
            line += char
    lines.append(line)
    return lines


def paragraph_height(text: str, size: float, width: float) -> float:
    return (SPACE_BEFORE + LINE_HEIGHT * len(wrap(text, size, width))) * size


def largest_fitting(text: str, box: Box, sizes: tuple[int, ...], max_lines: int = 3) -> int | None:
    """The largest size in `sizes` (descending) at which `text` (one paragraph per line) fits
    `box` in at most `max_lines` lines."""
    for size in sizes:
        # titles are bold, so a little wider
        lines = sum(len(wrap(line, size * 1.05, box.width)) for line in text.split("\n"))
        if lines <= max_lines and lines * LINE_HEIGHT * size <= box.height:
            return size
    return None


def paginate(bullets: Sequence[Bullet], box: Box, size: int) -> list[tuple[Bullet, ...]]:
    """Share `bullets` out over as few boxes as they fit in, keeping each point with its
    sub-points where they fit together, and splitting only what could never fit one box."""

    def height(b: Bullet) -> float:
        pt = size - SUB_POINT_SHRINK * b.level
        return paragraph_height(b.text, pt, box.width - box.indent * (b.level + 1))

    groups: list[list[Bullet]] = []
    for b in bullets:
        if b.level == 0 or not groups:
            groups.append([])
        groups[-1].append(b)
    units: list[list[Bullet]] = []
    for group in groups:
        if sum(height(b) for b in group) <= box.height:
            units.append(group)
            continue
        for b in group:
            pieces = [b] if height(b) <= box.height else _split(b, height, box.height)
            units.extend([p] for p in pieces)

    pages: list[list[Bullet]] = [[]]
    used = 0.0
    for unit in units:
        need = sum(height(b) for b in unit)
        if pages[-1] and used + need > box.height:
            pages.append([])
            used = 0.0
        pages[-1].extend(unit)
        used += need
    return [tuple(page) for page in pages]


def _split(bullet: Bullet, height: Callable[[Bullet], float], limit: float) -> list[Bullet]:
    """Cut a paragraph too long for any box into box-sized pieces at word boundaries."""
    pieces: list[Bullet] = []
    words: list[str] = []
    for word in bullet.text.split():
        if words and height(Bullet(" ".join([*words, word]), bullet.level)) > limit:
            pieces.append(Bullet(" ".join(words), bullet.level))
            words = []
        words.append(word)
    pieces.append(Bullet(" ".join(words), bullet.level))
    return pieces
