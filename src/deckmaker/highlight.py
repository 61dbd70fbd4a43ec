"""Code as a slide shows it: split into tokens by Pygments, each kind of token drawn in a colour
of the theme that stands out from the code's panel, the text exactly as written.

Colours come from the theme (keywords in its first accent, strings in its second…) rather than
from a Pygments style, so code looks like the rest of the deck; each is moved toward the text
colour only as far as WCAG's 4.5:1 against the panel asks (`contrast.readable`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any  # a Pygments token type; its class is private to Pygments

from deckmaker.contrast import contrast, mix, readable

TAB = 4  # a tab stands for this many spaces: slides have no tab stops to line code up with
PANEL_TINT = 0.07  # the code's panel: the slide's background this far toward the text colour
COMMENT_TINT = 0.35  # comments: the text colour this far toward the panel, then made readable
# A fence's language as people write it: "js", "python3", "jsx{1,3}" (a line-highlight hint),
# "c++", "objective-c"; the hint and anything after the name is not the language.
_LANGUAGE = re.compile(r"[\w+#.-]+")


@dataclass(frozen=True)
class Run:
    """Characters of one line of code drawn alike."""

    text: str
    colour: str | None = None  # "RRGGBB"; None: the code's plain colour
    bold: bool = False
    italic: bool = False


Line = tuple[Run, ...]


@dataclass(frozen=True)
class CodeColours:
    """What code is drawn in on one theme: its panel, its plain text, and each kind of token."""

    panel: str
    plain: str
    comment: str
    keyword: str
    string: str
    number: str
    name: str  # functions, classes, decorators: what the code defines
    builtin: str


def code_colours(background: str, text: str, accents: Sequence[str]) -> CodeColours:
    """Colours for code on a slide of `background` with `text` and the six `accents`."""
    panel = mix(background, text, PANEL_TINT)
    # the text colour, or toward black or white (whichever stands out more) when it does not
    # read on the panel: a theme may colour its text boxes itself, not through its scheme
    plain = readable(text, panel, max(("000000", "FFFFFF"), key=lambda c: contrast(c, panel)))

    def ink(colour: str) -> str:
        return readable(colour, panel, plain)

    a = [*accents, *[text] * 6][:6]
    return CodeColours(
        panel=panel,
        plain=plain,
        comment=ink(mix(plain, panel, COMMENT_TINT)),
        keyword=ink(a[0]),
        string=ink(a[1]),
        number=ink(a[2]),
        name=ink(a[3]),
        builtin=ink(a[4]),
    )


# Code on a white slide with black text and Office's accents: a theme that says no more.
DEFAULT_CODE_COLOURS = code_colours(
    "FFFFFF", "000000", ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")
)


def known_language(language: str | None) -> str | None:
    """The Pygments name of a fence's language, or None when Pygments does not know it."""
    if not language:
        return None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    found = _LANGUAGE.match(language.strip().lower())
    if not found:
        return None
    try:
        return str(get_lexer_by_name(found.group()).aliases[0])
    except ClassNotFound:
        return None


def highlighted(code: str, language: str | None, colours: CodeColours) -> tuple[Line, ...]:
    """The code's lines, each a run of characters per kind of token, tabs made spaces; one plain
    run a line when the language is unknown."""
    lines = code.expandtabs(TAB).split("\n")
    name = known_language(language)
    if name is None:
        return tuple((Run(line),) if line else () for line in lines)
    from pygments import lex
    from pygments.lexers import get_lexer_by_name

    lexer = get_lexer_by_name(name, stripnl=False, stripall=False, ensurenl=False, tabsize=TAB)
    out: list[list[Run]] = [[]]
    for kind, value in lex("\n".join(lines), lexer):
        style = _style(kind, colours)
        for i, piece in enumerate(value.split("\n")):
            if i:
                out.append([])
            if piece:
                _append(out[-1], Run(piece, *style))
    return tuple(tuple(line) for line in out)


def _append(line: list[Run], run: Run) -> None:
    """Add `run`, joined to the last one when they are drawn alike (fewer runs to write)."""
    last = line[-1] if line else None
    alike = last and (last.colour, last.bold, last.italic) == (run.colour, run.bold, run.italic)
    if last and (alike or not run.text.strip()):
        line[-1] = Run(last.text + run.text, last.colour, last.bold, last.italic)
    else:
        line.append(run)


def _style(kind: Any, c: CodeColours) -> tuple[str | None, bool, bool]:
    from pygments.token import Comment, Keyword, Name, Number, String

    if kind in Comment:
        return c.comment, False, True
    if kind in Keyword:
        return c.keyword, True, False
    if kind in String:
        return c.string, False, False
    if kind in Number:
        return c.number, False, False
    if kind in Name.Function or kind in Name.Class or kind in Name.Decorator:
        return c.name, False, False
    if kind in Name.Builtin:
        return c.builtin, False, False
    return None, False, False


def text_of(line: Line) -> str:
    return "".join(r.text for r in line)


def cut(line: Line, fits: int) -> tuple[Line, Line]:
    """The first `fits` characters of a line of runs, and the rest."""
    head: list[Run] = []
    rest: list[Run] = []
    left = fits
    for run in line:
        if left >= len(run.text):
            head.append(run)
            left -= len(run.text)
        elif left > 0:
            head.append(Run(run.text[:left], run.colour, run.bold, run.italic))
            rest.append(Run(run.text[left:], run.colour, run.bold, run.italic))
            left = 0
        else:
            rest.append(run)
    return tuple(head), tuple(rest)
