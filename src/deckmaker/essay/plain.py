"""Plain-text essays: headings are short lines standing alone between blank lines, or lines
underlined (and perhaps overlined) by a rule of `=`, `-`, `~`… as Markdown's setext headings and
reStructuredText write them.

The reference shape (outlines/la-la-land-ending.txt): an untitled opening, then sections whose
headings are short lines of their own, often indented, not ending in a full stop (some end in
"?" or "!").
"""

from __future__ import annotations

import re

from deckmaker.essay.document import Essay, Passage

HEADING_WORDS = 12  # longer than this, a line on its own is a one-line paragraph
HEADING_CHARS = 90
_PROSE_ENDS = (".", ",", ";", ":", "…", "—", "–", "-")  # a dash leads into a quotation
_QUOTE_OPENS = ("“", '"', "‘", "'", "«")  # a line in quotation marks is someone's words
# reStructuredText's roles, :role:`text` (`~a.b.C` shows as C); RFCs and PEPs by number.
_ROLE = re.compile(r":([a-z][\w.+-]*):`([^`\n]+)`")
# A rule under (or over and under) a heading: three or more of one punctuation character.
_RULE = re.compile(r"""([=\-~^*#+_:.'"`])\1{2,}""")


def read_plain(text: str) -> Essay:
    blocks = _blocks(text)
    kinds = [
        _heading(lines) is not None and i < len(blocks) - 1 for i, (_, lines) in enumerate(blocks)
    ]
    title, title_line = None, None
    # A heading-like first line is the title when another heading follows: then the essay
    # still has sections. Otherwise it is the first section's heading.
    if kinds and kinds[0] and any(kinds[1:]):
        title, title_line = _heading(blocks[0][1]), blocks[0][0]
        blocks, kinds = blocks[1:], kinds[1:]
    opening = Passage(None, blocks[0][0] if blocks else 1)
    sections: list[Passage] = []
    for (line, lines), heading in zip(blocks, kinds, strict=True):
        if heading:
            sections.append(Passage(_heading(lines), line))
            continue
        paragraph = _roles_read(_joined(lines))
        current = sections[-1] if sections else opening
        grown = Passage(current.title, current.line, (*current.paragraphs, paragraph))
        if sections:
            sections[-1] = grown
        else:
            opening = grown
    return Essay(title, title_line, opening, tuple(sections))


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the number of its first line."""
    blocks: list[tuple[int, list[str]]] = []
    previous_blank = True
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            previous_blank = True
            continue
        if previous_blank:
            blocks.append((number, []))
        blocks[-1][1].append(line)
        previous_blank = False
    return blocks


def _joined(lines: list[str]) -> str:
    """A block's lines as one paragraph; a definition (a short term, its text indented further
    on the lines under it) as "term: text"."""
    term, *rest = lines
    indent = len(term) - len(term.lstrip())
    deeper = all(len(line) - len(line.lstrip()) > indent for line in rest)
    if rest and deeper and _heading([term]) is not None:
        return f"{term.strip()}: " + " ".join(line.strip() for line in rest)
    return " ".join(line.strip() for line in lines)


def _roles_read(text: str) -> str:
    def read(match: re.Match[str]) -> str:
        role, shown = match.group(1), match.group(2)
        if role in ("rfc", "pep"):
            return f"{role.upper()} {shown}"
        if shown.startswith("~"):
            return shown[1:].rsplit(".", 1)[-1]
        return shown

    return _ROLE.sub(read, text)


def _heading(lines: list[str]) -> str | None:
    """The block's heading text, if the block is a heading: a short line standing alone, or a
    line underlined by a rule (overlined too, in reStructuredText)."""
    rows = [line.strip() for line in lines]
    ruled = [_RULE.fullmatch(row) is not None for row in rows]
    if ruled in ([True, False, True], [False, True]):  # overlined and underlined, or underlined
        text = rows[ruled.index(False)]
        return _roles_read(text) if any(c.isalnum() for c in text) else None
    if len(rows) != 1:
        return None
    line = rows[0]
    short = len(line.split()) <= HEADING_WORDS and len(line) <= HEADING_CHARS
    if short and not line.endswith(_PROSE_ENDS) and not line.startswith(_QUOTE_OPENS):
        return line if any(c.isalpha() for c in line) else None
    return None
