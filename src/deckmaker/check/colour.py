"""Colours as a reader of the file sees them: a DrawingML colour element (RGB, a theme slot
through the slide's colour map, a system or preset colour, with its tints and shades) as RGB,
and WCAG 2.2's contrast ratio between two of them."""

from __future__ import annotations

import colorsys
import functools
from collections.abc import Mapping

from lxml import etree

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
COLOUR_TAGS = tuple(
    f"{A}{name}" for name in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")
)
# The colour map PowerPoint's masters write: which scheme slot each name a shape uses means.
DEFAULT_MAP = {
    "bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2", "accent1": "accent1",
    "accent2": "accent2", "accent3": "accent3", "accent4": "accent4", "accent5": "accent5",
    "accent6": "accent6", "hlink": "hlink", "folHlink": "folHlink",
}  # fmt: skip
# The preset colours a deck is likely to name; any other is not judged.
PRESETS = {"black": "000000", "white": "FFFFFF", "gray": "808080", "red": "FF0000"}

RGB = tuple[float, float, float]  # each channel 0..1, sRGB


def first_colour(holder: etree._Element | None) -> etree._Element | None:
    """The colour element inside a fill or a style reference, if any."""
    if holder is None:
        return None
    return next((child for child in holder if child.tag in COLOUR_TAGS), None)


def resolve(
    colour: etree._Element,
    scheme: Mapping[str, str],
    colour_map: Mapping[str, str],
    placeholder: RGB | None = None,
) -> RGB | None:
    """The colour as RGB, None when it cannot be told (an unknown slot or preset).
    `placeholder` is what `phClr` stands for (a style's own colour)."""
    tag = etree.QName(colour).localname
    value = colour.get("val", "")
    base: RGB | None = None
    if tag == "srgbClr":
        base = _hex(value)
    elif tag == "sysClr":
        base = _hex(colour.get("lastClr") or ("000000" if value == "windowText" else "FFFFFF"))
    elif tag == "prstClr":
        base = _hex(PRESETS.get(value, ""))
    elif tag == "scrgbClr":
        base = tuple(_gamma(int(colour.get(c, "0")) / 100000) for c in "rgb")  # type: ignore[assignment]
    elif tag == "hslClr":
        hue, sat, lum = (int(colour.get(k, "0")) for k in ("hue", "sat", "lum"))
        base = colorsys.hls_to_rgb(hue / 21600000, lum / 100000, sat / 100000)
    elif tag == "schemeClr":
        if value == "phClr":
            base = placeholder
        else:
            slot = colour_map.get(value, DEFAULT_MAP.get(value, value))
            base = _hex(scheme.get(slot, ""))
    if base is None:
        return None
    return _modified(base, colour)


def _modified(rgb: RGB, colour: etree._Element) -> RGB:
    """Apply the colour's tint, shade and luminance changes, in the order written."""
    red, green, blue = rgb
    for change in colour:
        name, amount = etree.QName(change).localname, int(change.get("val", "0")) / 100000
        if name == "tint":  # toward white, keeping `amount` of the colour
            red, green, blue = (c + (1 - c) * (1 - amount) for c in (red, green, blue))
        elif name == "shade":  # toward black
            red, green, blue = (c * amount for c in (red, green, blue))
        elif name in ("lumMod", "lumOff"):
            hue, lum, sat = colorsys.rgb_to_hls(red, green, blue)
            lum = lum * amount if name == "lumMod" else lum + amount
            red, green, blue = colorsys.hls_to_rgb(hue, min(max(lum, 0.0), 1.0), sat)
    return (red, green, blue)


@functools.lru_cache(maxsize=256)
def _hex(value: str) -> RGB | None:
    if len(value) != 6:
        return None
    try:
        return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return None


def _gamma(linear: float) -> float:
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def luminance(rgb: RGB) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(first: RGB, second: RGB) -> float:
    """WCAG's contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_of(rgb: RGB) -> str:
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)
