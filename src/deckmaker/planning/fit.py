"""Will this text fit in that box? Measured with the theme's fonts (see fonts.py), or with
estimated widths that err on the wide side when no font file is found. Sizes are in points.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import lru_cache

from deckmaker.limits import TEXTS_KEPT
from deckmaker.planning.model import Bullet, evolve
from deckmaker.theme.fonts import ESTIMATE, Typeface
from deckmaker.theme.frames import Box

# A list over more pages than this is cut into pages of even counts, not balanced page by page
# (which costs pages x units): an agenda of a thousand parts has no tail to fear.
BALANCED_PAGES = 8
LINE_HEIGHT = 1.25  # line pitch as a multiple of the font size, as the writer sets it
# Titles are set at 90 % leading, as title styles are: lines about 1.1 x the size apart.
TITLE_LINE_SPACING = 0.9
TITLE_LINE_HEIGHT = 1.12
SPACE_BEFORE = 0.4  # space before each paragraph, as a multiple of the font size
SUB_POINT_SHRINK = 4  # sub-points are this many points smaller than points
# Measured widths are exact, but renderers kern and hint differently: keep a little slack.
MEASURED_SLACK = 1.03
NO_BREAK = "\u00a0"  # a no-break space: holds words together on a line
ESTIMATE_SLACK = 1.05  # estimates are wide already; bold titles are a little wider still
WRAP_MORE = 1  # lines a title may wrap onto beyond its usual most, at the floor size


def text_width(text: str, size: float, font: Typeface = ESTIMATE) -> float:
    slack = MEASURED_SLACK if font.measured_with else ESTIMATE_SLACK
    return font.width(text, size) * slack


def wrap(text: str, size: float, width: float, font: Typeface = ESTIMATE) -> list[str]:
    """Break `text` into lines as a word processor would: at spaces, or inside an overlong word."""
    return list(_wrapped(text, size, width, font))


# Planning asks again and again how the same paragraph wraps at the same size and width (each
# pagination, each pacing pass), and measuring is most of a long talk's planning: each answer
# is worked out once. A typeface is equal to another only if measured with the same file.
@lru_cache(maxsize=TEXTS_KEPT)
def _wrapped(text: str, size: float, width: float, font: Typeface) -> tuple[str, ...]:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, font) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # a word wider than the box breaks wherever it must
            if line and text_width(line + char, size, font) > width:
                lines.append(line)
                line = ""
            line += char
    lines.append(line)
    return tuple(lines)


def paragraph_height(text: str, size: float, width: float, font: Typeface = ESTIMATE) -> float:
    return (SPACE_BEFORE + LINE_HEIGHT * len(wrap(text, size, width, font))) * size


def lines_at(text: str, size: float, box: Box, font: Typeface = ESTIMATE) -> int:
    return sum(len(wrap(line, size, box.width, font)) for line in text.split("\n"))


def largest_fitting(
    text: str,
    box: Box,
    sizes: tuple[int, ...],
    max_lines: int = 3,
    font: Typeface = ESTIMATE,
    line_height: float = LINE_HEIGHT,
) -> int | None:
    """The largest size in `sizes` (descending) at which `text` (one paragraph per line) fits
    `box` in at most `max_lines` lines."""
    for size in sizes:
        lines = lines_at(text, size, box, font)
        if lines <= max_lines and lines * line_height * size <= box.height:
            return size
    return None


def unwidowed(text: str, size: float, box: Box, font: Typeface = ESTIMATE) -> str:
    """`text` with its last two words held together by a no-break space whenever it wraps,
    if that takes no more lines: so it never ends on a line holding one word alone, even
    where a renderer breaks its lines a little differently than measured here."""
    lines = wrap(text, size, box.width, font)
    words = text.rsplit(" ", 2)
    if len(lines) < 2 or len(words) < 3:
        return text
    glued = f"{words[0]} {words[1]}{NO_BREAK}{words[2]}"
    return glued if len(wrap(glued, size, box.width, font)) == len(lines) else text


def broken_at_colon(text: str, size: float, box: Box, font: Typeface = ESTIMATE) -> str:
    """A title that wraps and reads "Topic: what about it" breaks after its colon, as a
    designer would set it: the words after the colon are held together by no-break spaces
    when they fit one line and that takes no more lines."""
    head, colon, tail = text.partition(": ")
    lines = wrap(text, size, box.width, font)
    if not colon or len(lines) < 2 or " " not in tail:
        return text
    if (
        len(wrap(tail, size, box.width, font)) > 1
        or len(wrap(head + ":", size, box.width, font)) > 1
    ):
        return text
    glued = f"{head}{colon}{tail.replace(' ', NO_BREAK)}"
    return glued if len(wrap(glued, size, box.width, font)) <= len(lines) else text


def set_title(text: str, size: float, box: Box, font: Typeface = ESTIMATE) -> str:
    """A title as it is best broken: after its colon, else with no lone word at its end."""
    at_colon = broken_at_colon(text, size, box, font)
    return at_colon if at_colon != text else unwidowed(text, size, box, font)


def unwidowed_list(
    bullets: Sequence[Bullet], box: Box, size: int, font: Typeface = ESTIMATE
) -> tuple[Bullet, ...]:
    """Each point and sub-point kept from ending on a line holding one word alone, as titles
    are, at the size and width it is set in."""
    out = []
    widths: dict[int, Box] = {}  # each level's box, made once
    for b in bullets:
        pt = size - SUB_POINT_SHRINK * b.level
        if b.level not in widths:
            widths[b.level] = evolve(box, width=box.width - box.indent * (b.level + 1))
        text = unwidowed(b.text, pt, widths[b.level], font)
        out.append(b if text == b.text else evolve(b, text=text))
    return tuple(out)


def paginate(
    bullets: Sequence[Bullet], box: Box, size: int, font: Typeface = ESTIMATE
) -> list[tuple[Bullet, ...]]:
    """Share `bullets` out over as few boxes as they fit in, keeping each point with its
    sub-points where they fit together, and splitting only what could never fit one box."""

    def height(b: Bullet) -> float:
        return bullet_height(b, box, size, font)

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

    heights = [sum(height(b) for b in unit) for unit in units]
    count = 1
    used = 0.0
    for need in heights:
        if used and used + need > box.height:
            count += 1
            used = 0.0
        used += need
    pages = balanced(units, heights, count, box.height)
    return [tuple(b for u in page for b in u) for page in pages]


def one_box(bullets: Sequence[Bullet], box: Box, size: int, font: Typeface = ESTIMATE) -> bool:
    """Whether `paginate` keeps `bullets` on one page: when they fit the box together, or
    when one point alone cannot be split (many points that do not fit take more pages)."""
    used = 0.0
    for b in bullets:
        used += bullet_height(b, box, size, font)
        if used > box.height:
            return len(bullets) == 1 and len(paginate(bullets, box, size, font)) == 1
    return True


def bullet_height(b: Bullet, box: Box, size: int, font: Typeface = ESTIMATE) -> float:
    """A point's height in `box` at `size` (a sub-point's at its smaller size, further in)."""
    pt = size - SUB_POINT_SHRINK * b.level
    return paragraph_height(b.text, pt, box.width - box.indent * (b.level + 1), font)


def balanced(
    units: Sequence[list[Bullet]], heights: Sequence[float], count: int, most: float = math.inf
) -> list:
    """`units` in order over `count` pages as even as they can be: the tallest page as short
    as it can be, then the pages' counts of units as close as they can be (so a list that runs
    on leaves no tail of one or two points on a page of its own). Filling pages in turn takes
    as few pages but leaves the last one nearly empty. No page is taller than `most` (the box)
    unless one unit alone is: so each page tries only the few first pages that fit, and a
    thousand-item agenda is balanced in linear time."""
    n = len(units)
    if count <= 1 or n <= count:
        return [[u] for u in units] if n <= count and count > 1 else [list(units)]
    if count > BALANCED_PAGES:  # a list this long: pages of even counts, else filled in turn
        bounds = [n * p // count for p in range(count + 1)]
        pairs = list(zip(bounds, bounds[1:], strict=False))
        if all(sum(heights[a:b]) <= most for a, b in pairs):
            return [list(units[a:b]) for a, b in pairs]
        pages: list[list[list[Bullet]]] = [[]]
        used = 0.0
        for unit, need in zip(units, heights, strict=True):
            if pages[-1] and used + need > most:
                pages.append([])
                used = 0.0
            pages[-1].append(unit)
            used += need
        return pages
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    ideal = n / count
    # best[k][i]: (tallest page, unevenness) of units i.. over k pages; cut[k][i]: its first page
    best: dict[tuple[int, int], tuple[float, float]] = {}
    cut: dict[tuple[int, int], int] = {}
    for k in range(1, count + 1):
        for i in range(n - k, -1, -1):
            if k == 1:
                best[k, i] = (prefix[n] - prefix[i], (n - i - ideal) ** 2)
                continue
            options = []
            for j in range(i + 1, n - k + 2):
                here = prefix[j] - prefix[i]
                if here > most and j > i + 1:
                    break  # taller than the box: so is every longer first page
                tall, uneven = best[k - 1, j]
                options.append(((max(tall, here), uneven + (j - i - ideal) ** 2), j))
            best[k, i], cut[k, i] = min(options)
    pages, i = [], 0
    for k in range(count, 1, -1):
        j = cut[k, i]
        pages.append(list(units[i:j]))
        i = j
    pages.append(list(units[i:]))
    return pages


def body_height(bullets: Sequence[Bullet], box: Box, size: int, font: Typeface = ESTIMATE) -> float:
    return sum(
        paragraph_height(
            b.text, size - SUB_POINT_SHRINK * b.level, box.width - box.indent * (b.level + 1), font
        )
        for b in bullets
    )


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


def set_at(
    text: str,
    box: Box,
    sizes: tuple[int, ...],
    floor: int,
    max_lines: int = 3,
    font: Typeface = ESTIMATE,
    line_height: float = LINE_HEIGHT,
) -> int | None:
    """The size `text` is set at in `box`: the largest of `sizes` (descending) at which it
    fits in `max_lines` lines; else a smaller size, down to the legible `floor`; else the
    largest of those at which it fits the box in as many lines as the box holds, up to
    WRAP_MORE lines more. None when it does not fit even so: text too long for any slide."""
    candidates = sizes + tuple(range(sizes[-1] - 2, floor - 1, -2))
    size = largest_fitting(text, box, candidates, max_lines, font, line_height)
    return size or largest_fitting(text, box, candidates, max_lines + WRAP_MORE, font, line_height)
