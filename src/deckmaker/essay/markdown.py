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
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from deckmaker.essay.attribution import introduced
from deckmaker.essay.document import Essay, Listed, Passage, Picture, Shown
from deckmaker.essay.html import HtmlBlock, read_html_block
from deckmaker.essay.speech import is_notes_title
from deckmaker.filters import sentence
from deckmaker.outline import Code, Quote, Table
from deckmaker.sentences import spans
from deckmaker.typography import capitalised

_DASHES = ("—", "–", "--", "-", "~")
# A section longer than this (about six minutes said) is cut at its subsections, if it has them,
# into parts of at least SHORT_PART_WORDS; so is one of MANY_SUBSECTIONS or more running past
# SUBSECTIONED_PART_WORDS (a README's "Usage", a subsection per task, each with its code), into
# parts of at least SUBSECTION_WORDS. A code block, table or quote shown counts as SHOWN_WORDS
# (about fifteen seconds on screen).
LONG_PART_WORDS, SHORT_PART_WORDS = 900, 300  # six minutes and two, at 150 words a minute
SUBSECTIONED_PART_WORDS, SUBSECTION_WORDS = 450, 150  # three minutes and one
MANY_SUBSECTIONS = 3
JOINED_TITLE_WORDS = 8
SHOWN_WORDS = 40
INLINE_CODE = 40  # characters: a line of code this short inside a sentence is inline code
QUOTE_WORDS = 60  # a longer block quote is said, not shown: no slide holds it legibly
_FOOTNOTE = re.compile(r"^\[\^([^\]\s]+)\]:?\s*(.*)$", re.DOTALL)
_ANCHOR = re.compile(r"\s*\{#[^}]*\}\s*$")  # "## Heading {#id}" (Hugo, kramdown)
_HINTS = re.compile(r"\{[^}]*\}")  # "```js{1,3}": lines to highlight, not part of the language
_VIA = re.compile(r"\(?\bvia\s+(@\w+)\)?\s*$", re.IGNORECASE)
_CHAT = re.compile(r"^<([^>\s]+)>\s*")  # "<heycam> one of the best parts…" (an IRC log)
# A paragraph ending on one of these has ended its sentence, or leads into what follows.
_ENDS_LEAD = (".", "!", "?", "…", ":", '"', "”", "’", ")", "»")
_ADDRESS = "\x00"  # where a bare address stood, while the words around it are read
_POINTED = re.compile(
    r"\s+(?:at|in|on|from|see|via|here|en|aquí|desde)\s*" + _ADDRESS + r"(?=\s*(?:[.!?;]|$))",
    re.IGNORECASE,
)
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

    def add(self, said: str) -> None:
        """A paragraph; one that goes on with a sentence the code before it cut short ("the
        number of times the sequence", code, "shows up.") makes one paragraph with that
        sentence's start, the code on screen from where the sentence starts; a single short
        line of code so cut is said too, as the sentence's inline code ("not the same as
        putting `if err != nil` everywhere")."""
        before = len(self.paragraphs)
        cut = [s for s in self.shown if s.after == before and isinstance(s.item, Code)]
        if not self.paragraphs:  # code before any words: nothing it could have cut short
            cut = []
        if not (cut and said[:1].islower() and not self.paragraphs[-1].endswith(_ENDS_LEAD)):
            if cut and not self.paragraphs[-1].endswith(_ENDS_LEAD):
                # "…user code might be (depending on how it is retrieved)," then the code: the
                # line leads into it, as a colon says
                self.paragraphs[-1] = self.paragraphs[-1].rstrip(",;") + ":"
            self.paragraphs.append(said)
            return
        previous = self.paragraphs.pop()
        starts = [start for start, _ in spans(previous)]
        opening = previous[: starts[-1]].rstrip() if starts else ""
        if opening:  # the sentences before the one cut short stay a paragraph of their own
            self.paragraphs.append(opening)
        at = len(self.paragraphs)
        code = cut[0].item.text if len(cut) == 1 and isinstance(cut[0].item, Code) else ""
        inline = code if "\n" not in code and len(code) <= INLINE_CODE else ""
        self.paragraphs.append(" ".join(filter(None, (previous[len(opening) :], inline, said))))
        self.shown = [replace(s, after=at, within=True) if s in cut else s for s in self.shown]


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
    written = 1  # the level of the last heading written as one (`#`), not a fold's label
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
                written = int(token.tag[1])
                parts.append((_Heading(written, words, line), _Body()))
        elif token.type == "paragraph_open":
            _paragraph(_Inline(tokens[i + 1]), body, footnotes)
        elif token.type in ("bullet_list_open", "ordered_list_open") and _is_contents(
            tokens[i + 1 : end]
        ):
            body.contents = True
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            items = _items(tokens[i + 1 : end], body)
            body.listed.extend(Listed(text, subs, _said(text)) for text, subs in items)
            body.paragraphs.append(
                " ".join(_said(t) for text, subs in items for t in (text, *subs))
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
            block = read_html_block(token.content)
            if block.heading:  # a fold's label heads what it folds, one level in
                line = token.map[0] + 1 if token.map else 1
                parts.append((_Heading(min(6, written + 1), block.heading, line), _Body()))
                body = parts[-1][1]
            _html(block, body)
        i = end + 1
    return _assemble(parts, tuple(footnotes))


def words_of(text: str) -> str:
    """A line of Markdown (a front matter's title) as its words: "Changes to `u128` layout"
    is "Changes to u128 layout"."""
    tokens = MarkdownIt("commonmark").parseInline(text)
    return " ".join(_Inline(tokens[0]).said.split()) if tokens else text


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
        body.add(said)


def _blockquote(tokens: list[Token], body: _Body) -> None:
    """Someone else's words: shown as a quote with who said them (the `— name` line, the
    handle, the chat's speakers, else the sentence that introduces it), read out as theirs
    while it is on screen; one too long for a slide is said. Code inside is shown as code
    after the quote, an ellipsis where it was. A quote that names nobody is the author's own
    aside: said, not shown as a quote."""
    pieces: list[list[str]] = [[]]
    codes: list[Code] = []
    for token in tokens:
        if token.type == "inline":
            lines = _Inline(token, breaks="\n").said.split("\n")
            pieces[-1].extend(line.strip() for line in lines if line.strip())
        elif token.type in ("fence", "code_block") and (written := _verbatim(token.content)):
            language = _HINTS.sub("", token.info).strip().split()
            codes.append(Code(written, language[0] if language else None))
            pieces.append([])
    pieces = [p for p in pieces if p]
    attribution = _attributed(pieces[-1], pieces) if pieces else None
    if attribution is None and body.paragraphs:
        attribution = introduced(body.paragraphs[-1])
    text = " … ".join(" ".join(p) for p in pieces if p)
    shown = bool(text and attribution and len(text.split()) <= QUOTE_WORDS)
    if shown:  # read out as theirs where it is on screen (the voice's `quoting`)
        body.show(Quote(text, attribution))
    for block in codes:
        body.show(block)
    if text and not shown:
        body.paragraphs.append(text)


def _attributed(lines: list[str], pieces: list[list[str]]) -> str | None:
    """Who the quote says it is from, its last line taken off `lines` when that is what says
    so: "— name", "(via @handle)", or each line of a chat log opening with its speaker."""
    if (len(lines) > 1 or len(pieces) > 1) and lines[-1].startswith(_DASHES):
        return lines.pop().lstrip("".join(_DASHES)).strip() or None
    if via := _VIA.search(lines[-1]):
        lines[-1] = lines[-1][: via.start()].strip()
        return via.group(1)
    everyone = [line for piece in pieces for line in piece]
    speakers = [m.group(1) for line in everyone if (m := _CHAT.match(line))]
    if speakers and len(speakers) == len(everyone):  # a chat log: each line opens with its speaker
        for piece in pieces:
            piece[:] = [_CHAT.sub("", line) for line in piece]
        return ", ".join(dict.fromkeys(speakers))
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
    groups: list[tuple[_Heading, _Body, list[tuple[_Heading, _Body]]]] = []
    for heading, body in parts[1:]:
        assert heading is not None
        if body.contents and not _holds_anything(body):  # "## Contents": navigation only
            continue
        if heading.level <= level or not groups:
            groups.append((heading, body, []))
        else:
            groups[-1][2].append((heading, body))
    sections: list[Passage] = []
    for heading, body, subs in groups:
        sections += _sections(heading, body, subs)
    return Essay(title, title_line, opening, tuple(sections), footnotes)


def _sections(
    heading: _Heading, body: _Body, subs: list[tuple[_Heading, _Body]], nested: bool = False
) -> list[Passage]:
    """A section with its subsections: one part, its subsections' headings its points; or, when
    it is long (`_shortest_part`), cut at them into parts of at least that long, a run of
    short subsections kept together, a subsection that is long itself cut again at its own (a
    README's "Installation" with a dozen subsections is no one part of a talk)."""
    top = min((h.level for h, _ in subs), default=0)
    heads = [i for i, (h, _) in enumerate(subs) if h.level == top]
    shortest = _shortest_part(body, subs, len(heads), nested)
    if shortest is None:
        return [_merged(_passage(heading.text, body, heading.line), subs)]
    runs: list[list[int]] = []  # the subsections each part starts with, packed
    for n, at in enumerate(heads):
        ends = heads[n + 1] if n + 1 < len(heads) else len(subs)
        if not runs or _weight([b for _, b in subs[runs[-1][0] : at]]) >= shortest:
            runs.append([at])
        runs[-1].append(ends)
    if len(runs) > 1 and _weight([b for _, b in subs[runs[-1][0] : runs[-1][-1]]]) < shortest:
        short = runs.pop()  # a short last run goes with the one before
        runs[-1][-1] = short[-1]
    out = []
    opening = [body, *(b for _, b in subs[: heads[0]])]
    if _weight(opening) >= shortest:
        out.append(_merged(_passage(heading.text, body, heading.line), subs[: heads[0]]))
    elif _holds_anything(body) or heads[0] > 0:  # a few words of its own lead into its first run
        taken = runs.pop(0)
        lead = _passage(heading.text, body, heading.line)
        out.append(_merged(lead, subs[: taken[-1]]))
    for run in runs:
        first, ends = run[0], run[-1]
        sub, sub_body = subs[first]
        title = sub.text if out else _joined(heading.text, sub.text)
        if title is None:  # the section's title, its first subsection's heading a point
            out.append(_merged(_passage(heading.text, body, heading.line), subs[first:ends]))
        elif len(run) == 2:  # one subsection: cut again at its own when it is long itself
            named = _Heading(sub.level, title, sub.line)
            out += _sections(named, sub_body, subs[first + 1 : ends], nested=True)
        else:
            out.append(_merged(_passage(title, sub_body, sub.line), subs[first + 1 : ends]))
    return out


def _joined(section: str, subsection: str) -> str | None:
    """The title of a part that opens with a section's first subsection: "Installation: A.
    Getting Pyenv"; None where that would be too long to read at once or join three headings."""
    joined = f"{section}: {subsection}"
    return None if ": " in section or len(joined.split()) > JOINED_TITLE_WORDS else joined


def _shortest_part(
    body: _Body, subs: list[tuple[_Heading, _Body]], heads: int, nested: bool
) -> int | None:
    """The shortest part a section with `heads` subsections (at their top level) is cut into,
    in words; None when it is not cut. A subsection (`nested`) is cut only when it would run
    past LONG_PART_WORDS itself."""
    weight = _weight([body, *(b for _, b in subs)])
    if heads >= MANY_SUBSECTIONS and not nested and weight > SUBSECTIONED_PART_WORDS:
        return SUBSECTION_WORDS
    return SHORT_PART_WORDS if heads >= 2 and weight > LONG_PART_WORDS else None


def _weight(bodies: list[_Body]) -> int:
    """How long the bodies take, in words: those said, and SHOWN_WORDS for each thing shown."""
    said = sum(len(p.split()) for b in bodies for p in b.paragraphs)
    return said + SHOWN_WORDS * sum(len(b.shown) for b in bodies)


def _merged(section: Passage, subs: list[tuple[_Heading, _Body]]) -> Passage:
    """The section with its subsections in it: each heading a point, what it lists sub-points."""
    for heading, body in subs:
        if is_notes_title(heading.text):  # "### Footnotes": their text is collected already
            heading = _Heading(heading.level, "", heading.line)
        sub = Listed(
            heading.text,
            tuple(item.text for item in body.listed),
            body.paragraphs[0] if body.paragraphs else None,
        )
        listed = (*section.listed, sub) if heading.text else (*section.listed, *body.listed)
        before = len(section.paragraphs)
        section = Passage(
            section.title,
            section.line,
            (*section.paragraphs, *body.paragraphs),
            listed,
            (*section.shown, *(replace(s, after=s.after + before) for s in body.shown)),
            (*section.notes, *body.notes),
            (*section.show_notes, *body.show_notes),
            section.picture or body.picture,
        )
    return section


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


def _said(item: str) -> str:
    """A list's item as said: a sentence, opening on a capital ("prefer `...` on the same
    line;" is said "Prefer ... on the same line."), unless it opens on code."""
    return sentence(capitalised(item))


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
                if words.startswith("^") and not any(c.isspace() for c in words):
                    # "[^note]" with a "[^note]: <https://…>" below reads as a link: it is a
                    # footnote's mark, found by the footnotes, never said
                    out[start:] = [f"[{words}]"]
                elif _bare(words, href):  # <https://…>: the address itself is never read
                    out[start:] = [_ADDRESS]
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
        # "…the issue reported at <https://…>.": the sentence ends where the address was,
        # without the word that pointed at it
        self.said = _POINTED.sub("", "".join(out)).replace(_ADDRESS, "")

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
