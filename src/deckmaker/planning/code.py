"""Code fitted to a slide: set as large as it fits without breaking a line, down to a floor
that stays legible; past that, broken where it must and cut at blank lines onto further slides.

Code is measured in the monospace font the deck names (fonts.py), so a line that is said to fit
does; lines are never reflowed as prose is, only cut when wider than the panel, the rest
indented under it.
"""

from __future__ import annotations

from collections.abc import Sequence

from deckmaker.highlight import Line, Run, cut, text_of
from deckmaker.planning.fit import Box, text_width
from deckmaker.theme.fonts import Typeface

CODE_SIZES = (24, 22, 20, 18, 16, 14)  # 14 pt is the floor: smaller is not read from a screen
CODE_LINE_HEIGHT = 1.2  # single spacing in a monospace font, with a little to spare
CONTINUED_INDENT = "  "  # a line broken to fit goes on under itself, this much further in
LONE = 1 / 3  # of a page: fewer rows, the next stretch not on it, are lines lost on a slide


def max_rows(size: int, box: Box) -> int:
    return int(box.height // (CODE_LINE_HEIGHT * size))


def rows(line: Line, size: int, box: Box, font: Typeface) -> list[Line]:
    """A line of code as the rows it takes at `size`: itself, or cut where the panel ends (after
    a space, when one lies in the row's second half)."""
    text = text_of(line)
    if text_width(text, size, font) <= box.width:
        return [line]
    indent = text[: len(text) - len(text.lstrip(" "))] + CONTINUED_INDENT
    out: list[Line] = []
    rest = line
    lead = ""
    while rest:
        room = max(1, _fitting(lead + text_of(rest), size, box, font) - len(lead))
        if room < len(text_of(rest)):  # at a space when there is one late enough in the row
            space = text_of(rest)[:room].rfind(" ")
            room = space + 1 if space > room // 2 else room
        head, rest = cut(rest, room)
        out.append(((Run(lead),) if lead else ()) + head)
        lead = indent if len(indent) < room else ""
    return out


def _fitting(text: str, size: int, box: Box, font: Typeface) -> int:
    """How many of the first characters of `text` fit the panel's width (at least one)."""
    low, high = 1, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid], size, font) <= box.width:
            low = mid
        else:
            high = mid - 1
    return low


def _fits(lines: Sequence[Line], size: int, box: Box, font: Typeface, floor: bool) -> bool:
    """Whether the lines fit the panel at `size`: no line broken, except at the floor."""
    count = 0
    for line in lines:
        taken = len(rows(line, size, box, font))
        if taken > 1 and not floor:
            return False
        count += taken
    return count <= max_rows(size, box)


def code_pages(
    lines: Sequence[Line], box: Box, font: Typeface, sizes: tuple[int, ...] = CODE_SIZES
) -> tuple[int, list[tuple[Line, ...]]]:
    """The size to set the code at and its pages, each as the rows it shows: one page at the
    largest size it fits unbroken (or broken, at the floor); else pages cut at blank lines
    (at line ends when a stretch between blank lines is longer than a page), all at the largest
    size at which every page fits."""
    floor = sizes[-1]
    for size in sizes:
        if _fits(lines, size, box, font, size == floor):
            return size, [_rows(lines, size, box, font)]
    pages = _evened(lines, floor, box, font)
    # the floor always fits: the pages were cut there, row by row
    size = next((s for s in sizes if all(_fits(p, s, box, font, s == floor) for p in pages)), floor)
    return size, [_rows(p, size, box, font) for p in pages]


def _rows(lines: Sequence[Line], size: int, box: Box, font: Typeface) -> tuple[Line, ...]:
    return tuple(r for line in lines for r in rows(line, size, box, font))


def _evened(lines: Sequence[Line], size: int, box: Box, font: Typeface) -> list[list[Line]]:
    """The pages `_cut` makes, on as few pages, each as nearly as full as the others: the
    fewest rows a page may take that keeps their count (a last page of a row or two would be
    a line lost on an empty slide)."""
    pages = _cut(lines, size, box, font)
    rows = sum(len(p) for p in pages)
    for room in range(-(-rows // len(pages)), max_rows(size, box)):
        even = _cut(lines, size, box, font, room)
        if len(even) == len(pages):
            return even
    return pages


def _cut(
    lines: Sequence[Line], size: int, box: Box, font: Typeface, room: int | None = None
) -> list[list[Line]]:
    """Lines shared over pages at `size`, as the rows they take there: whole stretches between
    blank lines while they fit (`room` rows a page, at most what the panel holds), a stretch
    longer than a page cut at row ends, and one that follows a page of a few rows (under
    LONE of it) begun on it rather than leave them alone on their slide; no page starts or
    ends on a blank line."""
    room = max(1, room or max_rows(size, box))
    stretches: list[list[Line]] = [[]]
    for line in lines:
        if not text_of(line).strip():
            if stretches[-1]:
                stretches.append([])
            continue
        stretches[-1].extend(rows(line, size, box, font))
    pages: list[list[Line]] = [[]]
    for stretch in (s for s in stretches if s):
        alone = len(pages[-1]) < LONE * room  # a few lines (imports) left on a page alone
        if pages[-1] and len(pages[-1]) + 1 + len(stretch) > room and not alone:
            pages.append([])
        if pages[-1]:
            pages[-1].append(())  # the blank line between stretches
        for row in stretch:
            if len(pages[-1]) >= room:
                pages.append([])
            pages[-1].append(row)
    return [p for p in pages if p]
