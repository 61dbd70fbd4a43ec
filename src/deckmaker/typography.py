"""Typographic quotes and apostrophes for text people read: ’ “ ” ‘ instead of ' and ".

Applied by the planner to slide text; the script may use it too. Straight quotes are what
keyboards type; slides set in a good typeface show the curled forms, as any typesetter would.
"""

from __future__ import annotations

import re

# An opening quote follows the start of the text, a space, a dash or an opening bracket.
_OPENS_AFTER = r"(?:^|(?<=[\s(\[{\-–—/]))"
_ELISION = re.compile(r"'(?=(?:\d\ds|em|til|cause|n)\b)")  # ’90s, rock ’n’ roll, ’til
_OPEN_DOUBLE = re.compile(_OPENS_AFTER + '"')
_OPEN_SINGLE = re.compile(_OPENS_AFTER + "'(?=\\S)")


def smarten(text: str) -> str:
    """`text` with straight quotes curled: apostrophes and closing quotes ’ ”, opening ‘ “."""
    if "'" not in text and '"' not in text:
        return text
    text = _ELISION.sub("’", text)
    text = _OPEN_DOUBLE.sub("“", text)
    text = _OPEN_SINGLE.sub("‘", text)
    return text.replace('"', "”").replace("'", "’")


def quoted(text: str) -> str:
    """`text` between typographic double quotes, unless it already stands between quotes."""
    text = smarten(text.strip())
    if text[:1] in "“‘«„" and text[-1:] in "”’»“":
        return text
    nested = text.replace("“", "‘").replace("”", "’")  # quotes inside quotes are single
    return f"“{nested}”"
