"""Markdown essays, read from markdown-it-py's token stream (CommonMark and its tables), never
with patterns.

`#` is the title when it is the one top-level heading and comes first; the shallowest other
heading level makes the sections, deeper headings are subsections kept inside their section.
What is said keeps the words and loses the markup: a link is said as its text (its address goes
to the show notes), a bare address, an image's description and HTML are never said. What is shown
is kept as it is: code blocks (language and text, verbatim), tables, other people's words in
block quotes and embedded tweets with who said them. Footnotes (`[^1]: …`, `<sup>1</sup>…`) are
collected, never said. A table of contents (a list of links to the page's own headings) is
the page's navigation: neither said nor shown, and a part holding nothing else is no part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from deckmaker.essay.document import Essay, Listed, Passage, Picture, Shown
from deckmaker.essay.html import HtmlBlock, read_html_block
from deckmaker.essay.speech import is_notes_title
from deckmaker.filters import sentence
from deckmaker.outline import Code, Quote, Table

_DASHES = ("—", "–", "--", "-", "~")
QUOTE_WORDS = 60  # a longer block quote is said, not shown: no slide holds it legibly
_FOOTNOTE = re.compile(r"^\[\^([^\]\s]+)\]:?\s*(.*)$", re.DOTALL)
_ANCHOR = re.compile(r"\s*\{#[^}]*\}\s*$")  # "## Heading {#id}" (Hugo, kramdown)
_HINTS = re.compile(r"\{[^}]*\}")  # "```js{1,3}": lines to highlight, not part of the language
_VIA = re.compile(r"\(?\bvia\s+(@\w+)\)?\s*$", re.IGNORECASE)
_CHAT = re.compile(r"^<([^>\s]+)>\s*")  # "<heycam> one of the best parts…" (an IRC log)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


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
    shown: list[Shown] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    show_notes: list[str] = field(default_factory=list)
    picture: Picture | None = None
    first_line: int | None = None
    contents: bool = False  # it held a table of contents, left out

    def show(self, item: Code | Table | Quote) -> None:
        self.shown.append(Shown(len(self.paragraphs), item))


def read_markdown(text: str) -> Essay:
    env: dict[str, object] = {}
    tokens = MarkdownIt("commonmark").enable("table").parse(text, env)
    footnotes: list[tuple[str, str]] = []
    references = env.get("references")
    if isinstance(references, dict):  # `[^2]: <https://…>` reads as a link definition
        for label, ref in references.items():
            if str(label).startswith("^") and isinstance(ref, dict):
                footnotes.append((f"[{label.lower()}]", str(ref.get("href", ""))))
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
            words = _ANCHOR.sub("", _Inline(tokens[i + 1]).said)
            if words.split():  # a heading with no words (`#` alone, `# **`) heads nothing
                parts.append((_Heading(int(token.tag[1]), words, line), _Body()))
        elif token.type == "paragraph_open":
            _paragraph(_Inline(tokens[i + 1]), body, footnotes)
        elif token.type in ("bullet_list_open", "ordered_list_open") and _is_contents(
            tokens[i + 1 : end]
        ):
            body.contents = True
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items = _items(tokens[i + 1 : end], body)
            body.listed.extend(Listed(text, subs, sentence(text)) for text, subs in items)
            body.paragraphs.append(
                " ".join(sentence(t) for text, subs in items for t in (text, *subs))
            )
        elif token.type == "blockquote_open":
            _blockquote(tokens[i + 1 : end], body)
        elif token.type == "fence":
            language = _HINTS.sub("", token.info).strip().split()
            code = _verbatim(token.content)
            if code:
                body.show(Code(code, language[0] if language else None))
        elif token.type == "code_block":
            if code := _verbatim(token.content):
                body.show(Code(code))
        elif token.type == "table_open":
            if table := _table(tokens[i + 1 : end]):
                body.show(table)
        elif token.type == "html_block":
            _html(read_html_block(token.content), body)
        i = end + 1
    return _assemble(parts, tuple(footnotes))


def _paragraph(inline: _Inline, body: _Body, footnotes: list[tuple[str, str]]) -> None:
    body.show_notes.extend(inline.show_notes)
    body.notes.extend(inline.notes)
    if inline.picture and body.picture is None:
        body.picture = inline.picture
    elif inline.picture:
        body.notes.append(f"Picture: {inline.picture.alt} ({inline.picture.path})")
    said = inline.said.strip()
    if found := _FOOTNOTE.match(said):
        footnotes.append((f"[^{found.group(1)}]", " ".join(found.group(2).split())))
    elif said:
        body.paragraphs.append(said)


def _blockquote(tokens: list[Token], body: _Body) -> None:
    """Someone else's words: shown as a quote with who said them, and said (the essay reads
    them out as it quotes them)."""
    lines = [
        line.strip()
        for token in tokens
        if token.type == "inline"
        for line in _Inline(token, breaks="\n").said.split("\n")
        if line.strip()
    ]
    attribution = None
    if len(lines) > 1 and lines[-1].startswith(_DASHES):
        attribution = lines.pop().lstrip("".join(_DASHES)).strip() or None
    elif lines and (via := _VIA.search(lines[-1])):
        attribution = via.group(1)
        lines[-1] = lines[-1][: via.start()].strip()
    speakers = [m.group(1) for line in lines if (m := _CHAT.match(line))]
    if speakers and len(speakers) == len(lines):  # a chat log: each line opens with its speaker
        lines = [_CHAT.sub("", line) for line in lines]
        attribution = attribution or ", ".join(dict.fromkeys(speakers))
    if attribution is None and body.paragraphs:
        attribution = _introduced(body.paragraphs[-1])
    text = " ".join(line for line in lines if line)
    if not text:
        return
    if len(text.split()) <= QUOTE_WORDS:
        body.show(Quote(text, attribution))
    body.paragraphs.append(text)


def _introduced(previous: str) -> str | None:
    """Who a quote is from when the line before names them and nothing else: "Kelsey:"."""
    words = previous.rstrip().removesuffix(":").split()
    if previous.rstrip().endswith(":") and 0 < len(words) <= 3 and words[0][:1].isupper():
        return " ".join(words)
    return None


def _html(block: HtmlBlock, body: _Body) -> None:
    if block.table:
        body.show(block.table)
    if block.quote:
        body.show(block.quote)
    body.show_notes.extend(block.links)


def _assemble(
    parts: list[tuple[_Heading | None, _Body]], footnotes: tuple[tuple[str, str], ...]
) -> Essay:
    headings = [h for h, _ in parts if h is not None]
    title, title_line = None, None
    only_top = bool(headings) and [h.level for h in headings].count(1) == 1
    # The one `#` heading is the title when nothing comes before it: it heads the whole essay.
    if only_top and headings[0].level == 1 and not _holds_anything(parts[0][1]):
        title, title_line = headings[0].text, headings[0].line
        parts = [(None, parts[1][1]), *parts[2:]]
    level = min((h.level for h, _ in parts if h is not None), default=2)
    opening = _passage(None, parts[0][1], 1)
    sections: list[Passage] = []
    for heading, body in parts[1:]:
        assert heading is not None
        if body.contents and not _holds_anything(body):  # "## Contents": navigation only
            continue
        if heading.level <= level or not sections:
            sections.append(_passage(heading.text, body, heading.line))
            continue
        if is_notes_title(heading.text):  # "### Footnotes": their text is collected already
            heading = _Heading(heading.level, "", heading.line)
        # A subsection: its heading is a point of its section, what it lists are sub-points.
        section = sections[-1]
        sub = Listed(
            heading.text,
            tuple(item.text for item in body.listed),
            body.paragraphs[0] if body.paragraphs else None,
        )
        listed = (*section.listed, sub) if heading.text else (*section.listed, *body.listed)
        before = len(section.paragraphs)
        sections[-1] = Passage(
            section.title,
            section.line,
            (*section.paragraphs, *body.paragraphs),
            listed,
            (*section.shown, *(Shown(s.after + before, s.item) for s in body.shown)),
            (*section.notes, *body.notes),
            (*section.show_notes, *body.show_notes),
            section.picture or body.picture,
        )
    return Essay(title, title_line, opening, tuple(sections), footnotes)


def _holds_anything(body: _Body) -> bool:
    return bool(body.paragraphs or body.shown or body.listed)


def _passage(title: str | None, body: _Body, line: int) -> Passage:
    return Passage(
        title,
        line if title else (body.first_line or line),
        tuple(body.paragraphs),
        tuple(body.listed),
        tuple(body.shown),
        tuple(body.notes),
        tuple(body.show_notes),
        body.picture,
    )


def _verbatim(content: str) -> str:
    """A code block's text as written: its lines and indentation, no blank line at either end."""
    lines = [line.rstrip() for line in content.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _table(tokens: list[Token]) -> Table | None:
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(_Inline(token).said.strip())
    if len(rows) < 2 or not rows[0]:
        return None
    width = len(rows[0])
    body = tuple(tuple((r + [""] * width)[:width]) for r in rows[1:])
    return Table(tuple(rows[0]), body)


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


def _items(tokens: list[Token], body: _Body) -> list[tuple[str, tuple[str, ...]]]:
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
            inline = _Inline(token)
            body.show_notes.extend(inline.show_notes)
            body.notes.extend(inline.notes)
            words = inline.said.strip()
            if not words:
                continue
            text, subs = items[-1]
            if depth == 1:
                items[-1] = (f"{text} {words}".strip(), subs)
            else:
                items[-1] = (text, (*subs, words))
        elif token.type == "fence" and (code := _verbatim(token.content)):
            language = _HINTS.sub("", token.info).strip().split()
            body.show(Code(code, language[0] if language else None))
    return [(text, subs) for text, subs in items if text]


def _is_contents(tokens: list[Token]) -> bool:
    """A table of contents: a list each of whose items is only links to the page's own
    headings (`[Installation](#installation)`)."""
    inlines = [t for t in tokens if t.type == "inline"]
    for inline in inlines:
        depth, linked = 0, False
        for child in inline.children or ():
            if child.type == "link_open":
                if not str(child.attrs.get("href", "")).startswith("#"):
                    return False
                depth, linked = depth + 1, True
            elif child.type == "link_close":
                depth -= 1
            elif depth == 0 and child.type in ("text", "code_inline") and child.content.strip():
                return False  # words of its own, outside any link
        if not linked:
            return False
    return bool(inlines)


class _Inline:
    """The words of an inline token as said: emphasis, links and code keep their text; a bare
    address, an image and inline HTML are not said. A `<sup>` mark is kept as `[^n]`, for the
    footnotes to find it. What is not said goes to `notes`, `show_notes` or `picture`."""

    def __init__(self, token: Token, breaks: str = " ") -> None:
        self.notes: list[str] = []
        self.show_notes: list[str] = []
        self.picture: Picture | None = None
        out: list[str] = []
        link: tuple[str, int] | None = None  # the address, and where its text starts in out
        sup: list[str] | None = None
        for child in token.children or ():
            kind = child.type
            if sup is not None:
                if kind == "html_inline" and child.content.lower().startswith("</sup"):
                    mark = "".join(sup).strip()
                    out.append(f"[^{mark}]" if mark else "")
                    sup = None
                elif kind in ("text", "code_inline"):
                    sup.append(child.content)
            elif kind in ("text", "code_inline"):
                out.append(child.content)
            elif kind in ("softbreak", "hardbreak"):
                out.append(breaks)
            elif kind == "link_open":
                link = (str(child.attrs.get("href", "")), len(out))
            elif kind == "link_close" and link:
                href, start = link
                words = "".join(out[start:]).strip()
                if _bare(words, href):  # <https://…>: the address itself is never read
                    del out[start:]
                    self.show_notes.append(href)
                elif href and not href.startswith("#"):
                    self.show_notes.append(f"{words}: {href}" if len(href) < 60 else words)
                    if len(href) >= 60:  # a long address on a line of its own
                        self.show_notes.append(href)
                link = None
            elif kind == "image":
                self._image(str(child.attrs.get("src", "")), child.content)
            elif kind == "html_inline":
                tag = child.content.lower()
                if tag.startswith("<sup"):
                    sup = []
                elif tag.startswith("<br"):
                    out.append(breaks)
        self.said = "".join(out)

    def _image(self, src: str, alt: str) -> None:
        alt = " ".join(alt.split())
        if src and not _SCHEME.match(src) and self.picture is None:
            self.picture = Picture(src, alt)
        elif src and not _SCHEME.match(src):
            self.notes.append(f"Picture: {alt} ({src})")
        else:
            self.notes.append(f"Picture, not in the deck: {alt} ({src})")


def _bare(words: str, href: str) -> bool:
    plain = href.removeprefix("mailto:")
    return not words or words in (href, plain) or words.startswith(("http://", "https://"))
