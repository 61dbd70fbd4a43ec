"""Plain-text essays: headings are short lines standing alone between blank lines.

The reference shape (outlines/la-la-land-ending.txt): an untitled opening, then sections whose
headings are short lines of their own, often indented, not ending in a full stop (some end in
"?" or "!").
"""

from __future__ import annotations

from deckmaker.essay.document import Essay, Passage

HEADING_WORDS = 12  # longer than this, a line on its own is a one-line paragraph
HEADING_CHARS = 90
_PROSE_ENDS = (".", ",", ";", ":", "…", "—", "–", "-")  # a dash leads into a quotation
_QUOTE_OPENS = ("“", '"', "‘", "'", "«")  # a line in quotation marks is someone's words


def read_plain(text: str) -> Essay:
    blocks = _blocks(text)
    kinds = [_is_heading(lines) and i < len(blocks) - 1 for i, (_, lines) in enumerate(blocks)]
    title, title_line = None, None
    # A heading-like first line is the title when another heading follows: then the essay
    # still has sections. Otherwise it is the first section's heading.
    if kinds and kinds[0] and any(kinds[1:]):
        title, title_line = blocks[0][1][0].strip(), blocks[0][0]
        blocks, kinds = blocks[1:], kinds[1:]
    opening = Passage(None, blocks[0][0] if blocks else 1)
    sections: list[Passage] = []
    for (line, lines), heading in zip(blocks, kinds, strict=True):
        if heading:
            sections.append(Passage(lines[0].strip(), line))
            continue
        paragraph = " ".join(part.strip() for part in lines)
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


def _is_heading(lines: list[str]) -> bool:
    if len(lines) != 1:
        return False
    line = lines[0].strip()
    return (
        len(line.split()) <= HEADING_WORDS
        and len(line) <= HEADING_CHARS
        and not line.endswith(_PROSE_ENDS)
        and not line.startswith(_QUOTE_OPENS)
        and any(c.isalpha() for c in line)
    )
