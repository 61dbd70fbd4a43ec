"""Colours as WCAG 2.2 measures them: relative luminance and contrast ratio, and a colour moved
toward another until it stands out enough. Colours are "RRGGBB" hex strings, as OOXML writes
them."""

from __future__ import annotations

# WCAG 2.2's minimum contrast for body text (1.4.3, level AA); large text needs 3:1.
TEXT_CONTRAST = 4.5
MIX_STEPS = 20  # how finely a colour is moved toward another: 5 % at a time


def luminance(colour: str) -> float:
    """Relative luminance, 0 (black) to 1 (white)."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(a: str, b: str, share: float) -> str:
    """`a` moved `share` (0 to 1) of the way to `b`."""
    channels = (
        round(int(a[i : i + 2], 16) * (1 - share) + int(b[i : i + 2], 16) * share)
        for i in (0, 2, 4)
    )
    return "".join(f"{c:02X}" for c in channels)


def clearest(on: str, *candidates: str) -> str:
    """Of `candidates` (the theme's own colours first), the first that stands out from `on` by
    TEXT_CONTRAST, else black or white, whichever stands out more."""
    for colour in candidates:
        if contrast(colour, on) >= TEXT_CONTRAST:
            return colour
    return max(("000000", "FFFFFF"), key=lambda c: contrast(c, on))


def readable(colour: str, on: str, toward: str, minimum: float = TEXT_CONTRAST) -> str:
    """`colour` as it is when it stands out from `on` by `minimum`, else moved toward `toward`
    (a colour that does, such as the text colour) just far enough that it does."""
    for step in range(MIX_STEPS + 1):
        moved = mix(colour, toward, step / MIX_STEPS)
        if contrast(moved, on) >= minimum:
            return moved
    return toward
