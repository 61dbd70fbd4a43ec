"""A template's brand colour, where its colour scheme does not carry it.

Many templates keep Office's default colour scheme (accent 1 #4472C4 or #4F81BD) and put their
own colour straight into the slide masters: the titles' colour, the bands and shapes of the
art. Column headings and section numbers set in accent 1 would then come out Office blue beside
a violet brand. So the colours the masters and layouts use are counted (titles first, then the
art's fills and lines), and where accent 1 is still a default while they use another colour,
that colour serves as the accent: darkened where needed to stand out on the slide (3:1, as
WCAG asks of large text).

python-pptx reads no theme or fill colours of masters' own shapes, so this reads their XML.
"""

from __future__ import annotations

import colorsys
from collections import Counter
from collections.abc import Iterable

from lxml import etree

from deckmaker.contrast import contrast, luminance, mix

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

# Accent 1 of Office's colour schemes over the years (2007-2010, 2013-2022, 2023-): a theme
# whose accent 1 is one of these says nothing of its brand.
OFFICE_ACCENTS = frozenset({"4F81BD", "4472C4", "5B9BD5", "156082", "0F6FC6"})
LARGE_TEXT_CONTRAST = 3.0
TITLE_WEIGHT = 5  # a colour titles are set in counts as much as five shapes filled with it


def _hue_colour(value: str) -> bool:
    """Whether `value` ("RRGGBB") is a colour a brand would be known by: not white, black or
    a grey, and not so pale it is a tint for backgrounds."""
    try:
        r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        return False
    _, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    return saturation >= 0.35 and 0.12 <= lightness <= 0.85 and max(r, g, b) - min(r, g, b) > 0.2


def used_colours(parts: Iterable[etree._Element]) -> Counter[str]:
    """The explicit colours ("RRGGBB") that `parts` (masters' and layouts' XML) give titles and
    their own shapes, each counted by how often; titles count TITLE_WEIGHT times."""
    counts: Counter[str] = Counter()
    for part in parts:
        for style in part.iter(f"{P}titleStyle"):
            for colour in style.iter(f"{A}srgbClr"):
                counts[str(colour.get("val", "")).upper()] += TITLE_WEIGHT
        for sp in part.iter(f"{P}sp"):
            ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
            is_title = ph is not None and ph.get("type") in ("title", "ctrTitle")
            if ph is not None and not is_title:
                continue  # a body's sample text says nothing of the brand
            weight = TITLE_WEIGHT if is_title else 1
            for colour in sp.iter(f"{A}srgbClr"):
                counts[str(colour.get("val", "")).upper()] += weight
    return Counter({c: n for c, n in counts.items() if _hue_colour(c)})


def brand_accent(accent1: str, used: Counter[str], background: str) -> str | None:
    """The colour to use for accent 1, if not the theme's own: the masters' most used colour
    where accent 1 is still Office's default, darkened or lightened until it reads on
    `background`. None where the theme's accent stands."""
    if accent1.upper() not in OFFICE_ACCENTS or not used:
        return None
    colour = used.most_common(1)[0][0]
    if colour == accent1.upper():
        return None
    return legible(colour, background)


def legible(colour: str, background: str) -> str:
    """`colour` moved toward black (on a light background) or white (on a dark one) until it
    stands out by LARGE_TEXT_CONTRAST."""
    toward = "000000" if luminance(background) > 0.18 else "FFFFFF"
    for step in range(21):
        mixed = mix(colour, toward, step / 20)
        if contrast(mixed, background) >= LARGE_TEXT_CONTRAST:
            return mixed
    return toward
