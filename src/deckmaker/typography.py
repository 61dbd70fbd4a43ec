"""Typographic quotes and apostrophes for text people read: ’ “ ” ‘ instead of ' and ".

Applied by the planner to slide text; the script may use it too. Straight quotes are what
keyboards type; slides set in a good typeface show the curled forms, as any typesetter would.
Code is the exception, everywhere: inline code (between backticks, as Markdown writes it)
keeps its straight quotes and its case, and a text opening on a word that reads as code
(`this.props.fetchData`, `getFetchUrl`) is never capitalised.
"""

from __future__ import annotations

import re

# An opening quote follows the start of the text, a space, a dash or an opening bracket.
_OPENS_AFTER = r"(?:^|(?<=[\s(\[{\-–—/]))"
_ELISION = re.compile(r"'(?=(?:\d\ds|em|til|cause|n)\b)")  # ’90s, rock ’n’ roll, ’til
_OPEN_DOUBLE = re.compile(_OPENS_AFTER + '"')
_OPEN_SINGLE = re.compile(_OPENS_AFTER + "'(?=\\S)")


# Inline code as Markdown writes it: a run of backticks, the code, as many backticks again.
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
# A word that reads as code, not prose: a dotted or called name, a path, an operator, or a
# name with a capital inside it after a small letter (camelCase), as no English word has.
_CODE_WORD = re.compile(r"^\S*(?:[._/\\$#=<>(){}\[\]]\S|[a-z][A-Z]|[(){}\[\]])")


def smarten(text: str) -> str:
    """`text` with straight quotes curled: apostrophes and closing quotes ’ ”, opening ‘ “;
    inline code kept as it is."""
    if "'" not in text and '"' not in text:
        return text
    if "`" in text:
        out, last = [], 0
        for span in _CODE_SPAN.finditer(text):
            out += [_curled(text[last : span.start()]), span.group()]
            last = span.end()
        return "".join([*out, _curled(text[last:])])
    return _curled(text)


def typeset(text: str) -> str:
    """Text as a slide shows it: quotes curled, inline code shown without its backticks."""
    text = smarten(text)
    return _CODE_SPAN.sub(lambda m: m.group(2), text) if "`" in text else text


def looks_like_code(word: str) -> bool:
    """Whether a word reads as code: inline code, a dotted or called name, camelCase."""
    return word.startswith("`") or bool(_CODE_WORD.match(word))


def capitalised(text: str) -> str:
    """`text` with its first letter a capital, unless it opens on code, which keeps its case."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if not first or looks_like_code(first):
        return text
    return text[:1].upper() + text[1:]


def _curled(text: str) -> str:
    if "'" not in text and '"' not in text:
        return text
    text = _ELISION.sub("’", text)
    text = _OPEN_DOUBLE.sub("“", text)
    text = _OPEN_SINGLE.sub("‘", text)
    return text.replace('"', "”").replace("'", "’")


def quoted(text: str) -> str:
    """`text` between typographic double quotes, unless it already stands between quotes."""
    text = typeset(text.strip())
    if text[:1] in "“‘«„" and text[-1:] in "”’»“":
        return text
    nested = text.replace("“", "‘").replace("”", "’")  # quotes inside quotes are single
    return f"“{nested}”"
