"""How large an input may be: one place for every limit, each far above what a real talk needs
and far below what would hang a build or fill the memory. Files are measured before they are
read, so an oversized one is refused at once; docs/untrusted.md lists these.
"""

from __future__ import annotations

import os
from pathlib import Path

from deckmaker.errors import DeckmakerError

MB = 1 << 20

# An outline or essay. A three-hour talk says about 27,000 words (about 160 KB); the bench's
# 5,000-section outline is 4.4 MB.
MAX_TEXT_BYTES = 10 * MB
# The nodes (fields, list items, texts) of an outline once its YAML aliases (`*name`) are
# expanded: the 5,000-section outline has 55,000. Caps an alias bomb ("billion laughs"), a
# small file that expands without end.
MAX_YAML_NODES = 250_000
# A text of one paragraph in an outline (a title, a point, a note): a slide shows a few
# hundred characters; this is about 1,700 words. A point is said on each slide it runs onto,
# so one far past a slide would be said over and over.
MAX_LINE_CHARS = 10_000
# A talk's sections (the bench's largest outline has 5,000), and the items of any other list
# (a section's points, notes, a table's rows: a slide shows a handful). A list's points are
# matched with every sentence of its section's script, so their time grows with both.
MAX_SECTIONS = 5_000
MAX_ITEMS = 300
# What planning asks of each text (its sentences, its stems, its language, how it wraps at a
# size) is worked out once and kept: each such cache holds this many answers, all of one
# build at MAX_SECTIONS (about 20 per section, for the wrapping); fewer, and a talk past a
# couple of thousand sections would work its texts out again and again.
TEXTS_KEPT = 1 << 17
# A picture: a camera's JPEG is 5-25 MB; its pixels, 100 megapixels (12,000 x 8,300). A picture
# that unpacks past that is refused before it is decoded (a decompression bomb).
MAX_IMAGE_BYTES = 50 * MB
MAX_IMAGE_PIXELS = 100_000_000
# Past this a picture is still built, with a warning naming it: a slide never shows so many
# pixels (a 4K screen has 8 million), and the deck carries it whole. Pillow's own warning of a
# decompression bomb starts here too; deckmaker says it in its own words instead.
LARGE_IMAGE_PIXELS = 89_478_485
# A theme (.pptx/.potx), and what its zip holds unpacked: a theme with photographs on its
# layouts runs to tens of MB. Caps a zip bomb.
MAX_THEME_BYTES = 200 * MB
MAX_THEME_UNPACKED = 500 * MB
# A theme's parts (its zip's entries), and one part unpacked: PowerPoint's themes hold a few
# hundred parts; the largest, a photograph or a video on a layout, tens of MB.
MAX_THEME_PARTS = 10_000
MAX_THEME_PART = 100 * MB
# A template (script.md.j2, voice.j2...): the bundled ones are a few KB.
MAX_TEMPLATE_BYTES = 1 * MB
# What a template's `*` may make of a text or list (characters, items), any text it makes by
# another route (a width, `join`, `replace`, `~`...), and how many digits its `**` may make
# (Python's own limit for printing a number): `'a' * 10**10` would fill the memory.
MAX_TEMPLATE_PRODUCT = 10_000_000
MAX_TEMPLATE_DIGITS = 4300
# All a template's render makes (its output, a macro's, a block's): five times the most text an
# outline holds; and how long a render may run (the bundled templates take milliseconds; the
# largest outline's script, seconds).
MAX_TEMPLATE_OUTPUT = 50_000_000
MAX_TEMPLATE_SECONDS = 30


def check_size(
    where: Path | str | int, limit: int, what: str, name: str | None = None, line: int | None = None
) -> None:
    """Refuse the file at `where` (a path, or an open file's descriptor, named by `name`) when
    it holds more than `limit` bytes; `what` says what it is ("an outline .yaml file"). A file
    that cannot be looked at is left for reading it to report."""
    try:
        size = os.stat(where).st_size
    except OSError:
        return
    if size > limit:
        raise DeckmakerError.at(
            f"is {_megabytes(size)}, over the {_megabytes(limit)} limit for {what}; check that "
            "this is the right file",
            name or str(where),
            line,
        )


def _megabytes(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= MB else f"{size / 1024:.0f} KB"
