"""Markdown essays, read from markdown-it-py's token stream (CommonMark), never with patterns.

`#` is the title when it is the one top-level heading and comes first; the shallowest other
heading level makes the sections, deeper headings are subsections kept inside their section.
Emphasis, links and inline code keep their words and lose their markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from deckmaker.essay.document import Essay, Listed, Passage
from deckmaker.filters import sentence
from deckmaker.outline import Quote

_DASHES = ("—", "–", "--", "-", "~")


@dataclass
class _Heading:
    level: int
    text: str
    line: int


@dataclass
class _Body:
    """What follows a heading, before the next one."""

    paragraphs: list[str] = field(default_factory=list)
    listed: list[Listed] = field(default_factory=list)
    quote: Quote | None = None
    notes: list[str] = field(default_factory=list)
    first_line: int | None = None


def read_markdown(text: str) -> Essay:
    tokens = MarkdownIt("commonmark").parse(text)
    parts: list[tuple[_Heading | None, _Body]] = [(None, _Body())]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        end = _closing(tokens, i)
        body = parts[-1][1]
        if body.first_line is None and token.map:
            body.first_line = token.map[0] + 1
        if token.type == "heading_open":
            line = token.map[0] + 1 if token.map else 1
            words = _inline(tokens[i + 1])
            if words.split():  # a heading with no words (`#` alone, `# **`) heads nothing
                parts.append((_Heading(int(token.tag[1]), words, line), _Body()))
        elif token.type == "paragraph_open":
            body.paragraphs.append(_inline(tokens[i + 1]))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items = _items(tokens[i + 1 : end])
            body.listed.extend(Listed(text, subs, sentence(text)) for text, subs in items)
            body.paragraphs.append(
                " ".join(sentence(t) for text, subs in items for t in (text, *subs))
            )
        elif token.type == "blockquote_open":
            quote, spoken = _quote(tokens[i + 1 : end])
            body.quote = body.quote or quote
            body.paragraphs.extend(spoken)
        elif token.type in ("fence", "code_block", "html_block"):
            body.notes.append(token.content.strip())
        i = end + 1
    return _assemble(parts)


def _assemble(parts: list[tuple[_Heading | None, _Body]]) -> Essay:
    headings = [h for h, _ in parts if h is not None]
    title, title_line = None, None
    only_top = bool(headings) and [h.level for h in headings].count(1) == 1
    # The one `#` heading is the title when nothing comes before it: it heads the whole essay.
    if only_top and headings[0].level == 1 and not parts[0][1].paragraphs:
        title, title_line = headings[0].text, headings[0].line
        parts = [(None, parts[1][1]), *parts[2:]]
    level = min((h.level for h, _ in parts if h is not None), default=2)
    opening = _passage(None, parts[0][1], 1)
    sections: list[Passage] = []
    for heading, body in parts[1:]:
        assert heading is not None
        if heading.level <= level or not sections:
            sections.append(_passage(heading.text, body, heading.line))
            continue
        # A subsection: its heading is a point of its section, what it lists are sub-points.
        section = sections[-1]
        sub = Listed(
            heading.text,
            tuple(item.text for item in body.listed),
            body.paragraphs[0] if body.paragraphs else None,
        )
        sections[-1] = Passage(
            section.title,
            section.line,
            (*section.paragraphs, *body.paragraphs),
            (*section.listed, sub),
            section.quote or body.quote,
            (*section.notes, *body.notes),
        )
    return Essay(title, title_line, opening, tuple(sections))


def _passage(title: str | None, body: _Body, line: int) -> Passage:
    return Passage(
        title,
        line if title else (body.first_line or line),
        tuple(p for p in body.paragraphs if p),
        tuple(body.listed),
        body.quote,
        tuple(body.notes),
    )


def _closing(tokens: list[Token], start: int) -> int:
    """The index of the token that closes the one at `start` (itself, if it opens nothing)."""
    if tokens[start].nesting != 1:
        return start
    depth = 0
    for j in range(start, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _items(tokens: list[Token]) -> list[tuple[str, tuple[str, ...]]]:
    """The items of one list: each with the items of the lists inside it, flattened."""
    items: list[tuple[str, tuple[str, ...]]] = []
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                items.append(("", ()))
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and items:
            text, subs = items[-1]
            words = _inline(token)
            if depth == 1:
                items[-1] = (f"{text} {words}".strip(), subs)
            else:
                items[-1] = (text, (*subs, words))
    return [(text, subs) for text, subs in items if text]


def _quote(tokens: list[Token]) -> tuple[Quote | None, list[str]]:
    """A block quote's words and who said them: a last line starting with a dash."""
    lines = [
        line.strip()
        for token in tokens
        if token.type == "inline"
        for line in _inline(token, breaks="\n").split("\n")
        if line.strip()
    ]
    attribution = None
    if len(lines) > 1 and lines[-1].startswith(_DASHES):
        attribution = lines.pop().lstrip("".join(_DASHES)).strip() or None
    text = " ".join(lines)
    return (Quote(text, attribution) if text else None), ([text] if text else [])


def _inline(token: Token, breaks: str = " ") -> str:
    """The words of an inline token: emphasis, links and code keep their text, images their
    description; inline HTML is dropped."""
    out: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(breaks)
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)
