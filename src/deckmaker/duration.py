"""Lengths of time as people write them: `12m`, `12m30s`, `90s`, `1h5m`, `12:30`, `1:02:00`, or
a bare number of minutes. Used by the outline's `duration:` and by `--target`."""

from __future__ import annotations

import re

# Digits are ASCII: Python's \d also takes other scripts' digits, which no one types for a length.
_UNITS = re.compile(
    r"^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$", re.I | re.ASCII
)
_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):([0-5]\d)$", re.ASCII)
HOW = "write it like 12m, 12m30s, 90s, 1h5m or 12:30"


def parse_duration(text: str) -> int | None:
    """Seconds, or None when `text` is no length of time (or is zero)."""
    text = text.strip()
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
        seconds = round(float(text) * 60)
    elif (match := _CLOCK.match(text)) or (match := _UNITS.match(text)) and any(match.groups()):
        h, m, s = (int(g or 0) for g in match.groups())
        seconds = h * 3600 + m * 60 + s
    else:
        return None
    return seconds or None
