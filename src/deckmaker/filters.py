"""Filters every template can use: `sentence`, `join_and`, `clock`, `cell`, `md`."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")


def sentence(text: str) -> str:
    """`text` as a spoken sentence: trailing punctuation ensured."""
    text = text.strip()
    return text if not text or _END.search(text) else f"{text}."


def join_and(items: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if len(items) < 3:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def clock(seconds: int) -> str:
    """m:ss, or h:mm:ss for an hour or more."""
    h, rest = divmod(int(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02}:{s:02}" if h else f"{m}:{s:02}"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|")


_BLOCK_START = re.compile(r"^(\s*)([#>+*-]|\d+[.)])(?=\s|$)")


def md(text: str) -> str:
    """Text that Markdown will not mistake for a heading, quote, list or HTML tag."""
    text = str(text).replace("<", "\\<")
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", text)


ALL = {"sentence": sentence, "join_and": join_and, "clock": clock, "cell": cell, "md": md}
