"""A table fitted to a slide: columns as wide as their text asks, within the content area; the
type as large as the whole table fits; past the floor, its rows shared over further slides,
each repeating the header row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from deckmaker.planning.fit import Box, text_width, wrap
from deckmaker.theme.fonts import Typeface

TABLE_SIZES = (24, 20, 18, 16, 14)  # 14 pt is the floor, as for code
CELL_X, CELL_Y = 7.2, 3.6  # a cell's insets left and right, top and bottom (pt): Office's
TABLE_LINE_HEIGHT = 1.25  # as body text

Row = tuple[str, ...]


@dataclass(frozen=True)
class TablePage:
    """One slide's table: the header and some rows, the columns' widths and the rows' heights."""

    rows: tuple[Row, ...]  # the header first
    widths: tuple[float, ...]
    heights: tuple[float, ...]


def _words_width(text: str, size: int, font: Typeface) -> float:
    return max((text_width(w, size, font) for w in text.split()), default=0.0)


def widths(
    rows: Sequence[Row], size: int, box: Box, font: Typeface, bold: Typeface
) -> tuple[float, ...] | None:
    """Each column's width at `size` filling the box: as its longest text asks when all fit,
    else at least its longest word, the rest shared by how much more each asks; None when not
    even the longest words fit side by side."""
    count = len(rows[0])

    def measure(i: int, each: Callable[[str, int, Typeface], float]) -> float:
        return max(each(r[i], size, bold if n == 0 else font) for n, r in enumerate(rows))

    natural = [measure(i, text_width) + 2 * CELL_X for i in range(count)]
    least = [measure(i, _words_width) + 2 * CELL_X for i in range(count)]
    if sum(natural) <= box.width:
        spare = box.width - sum(natural)
        return tuple(n + spare * n / sum(natural) for n in natural)
    if sum(least) > box.width:
        return None
    spare = box.width - sum(least)
    asks = [n - m for n, m in zip(natural, least, strict=True)]
    return tuple(m + spare * a / (sum(asks) or 1) for m, a in zip(least, asks, strict=True))


def heights(
    rows: Sequence[Row], cols: Sequence[float], size: int, font: Typeface, bold: Typeface
) -> tuple[float, ...]:
    def lines(text: str, width: float, face: Typeface) -> int:
        return len(wrap(text, size, width - 2 * CELL_X, face)) if text else 1

    return tuple(
        max(lines(c, w, bold if n == 0 else font) for c, w in zip(r, cols, strict=True))
        * TABLE_LINE_HEIGHT
        * size
        + 2 * CELL_Y
        for n, r in enumerate(rows)
    )


def _page(
    rows: Sequence[Row], size: int, box: Box, font: Typeface, bold: Typeface, floor: bool
) -> TablePage | None:
    cols = widths(rows, size, box, font, bold)
    if cols is None:
        if not floor:
            return None
        cols = tuple(box.width / len(rows[0]) for _ in rows[0])  # words break where they must
    tall = heights(rows, cols, size, font, bold)
    if sum(tall) > box.height and not (floor and len(rows) <= 2):
        return None
    return TablePage(tuple(rows), cols, tall)


def too_wide(header: Row, rows: Sequence[Row], box: Box, font: Typeface, bold: Typeface) -> bool:
    """Whether the table's columns do not fit side by side even at the floor, each as wide as
    its longest word: its words would break inside, on a slide per row or two. No slide can
    show it; a talk points to it instead."""
    return widths([header, *rows], TABLE_SIZES[-1], box, font, bold) is None


def table_pages(
    header: Row,
    rows: Sequence[Row],
    box: Box,
    font: Typeface,
    bold: Typeface,
    sizes: tuple[int, ...] = TABLE_SIZES,
) -> tuple[int, list[TablePage]]:
    """The size and the pages of a table: all on one slide at the largest size it fits, else
    its rows shared over as few slides as they fit at the floor, each with the header, all set
    at the largest size at which every one of them fits."""
    floor = sizes[-1]
    for size in sizes:
        page = _page([header, *rows], size, box, font, bold, size == floor)
        if page is not None:
            return size, [page]
    groups: list[list[Row]] = [[]]
    for row in rows:
        if groups[-1] and _page([header, *groups[-1], row], floor, box, font, bold, True) is None:
            groups.append([])
        groups[-1].append(row)
    for size in sizes:
        pages = [_page([header, *g], size, box, font, bold, size == floor) for g in groups]
        if all(p is not None for p in pages):
            return size, [p for p in pages if p is not None]
    raise AssertionError("the floor always fits: the rows were shared out there")
