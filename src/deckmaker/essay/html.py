"""HTML blocks inside a Markdown essay, read with the standard library's HTML parser.

Nothing in HTML is said. A `<table>` is kept as a table, an embedded tweet
(`<blockquote class="twitter-tweet">`) as a quote with its author, a disclosure's label
(`<details><summary>Tables</summary>`, as READMEs fold their parts) as a heading; comments
(`<!--more-->`),
layout (`<div>`, `<progress>`) and scripts are dropped; the addresses of links go to the show
notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from deckmaker.outline import Quote, Table

_SKIPPED = frozenset({"script", "style", "caption"})
HEADING_WORDS = 8  # a `<summary>` longer than this is a sentence about the fold, no heading


@dataclass
class HtmlBlock:
    table: Table | None = None
    quote: Quote | None = None
    links: list[str] = field(default_factory=list)
    heading: str | None = None  # a `<summary>` that names what it folds: a heading's words


def read_html_block(content: str) -> HtmlBlock:
    parser = _Parser()
    parser.feed(content)
    parser.close()
    return HtmlBlock(parser.table(), parser.tweet(), parser.links, parser.heading())


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.links: list[str] = []
        self.in_tweet = False
        self.tweet_words: list[str] = []
        self.after_dash: list[str] = []
        self.dashed = False
        self.signed = False
        self.skipping = 0
        self.paragraph_closed = False
        self.summary: list[str] | None = None  # inside `<summary>`: its words
        self.summaries: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = []
        elif tag == "li" and self.cell is not None and self.cell:
            self.cell.append(", ")
        elif tag == "blockquote" and "twitter-tweet" in (values.get("class") or ""):
            self.in_tweet = True
        elif tag == "a" and self.in_tweet and self.dashed:
            self.signed = True  # the tweet's date link: who wrote it is all said before it
        elif tag == "a" and (href := values.get("href")):
            self.links.append(href)
        elif tag == "br" and self.in_tweet:
            self.tweet_words.append(" ")
        elif tag == "summary":
            self.summary = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "p" and self.in_tweet:
            self.paragraph_closed = True
        elif tag == "blockquote":
            self.in_tweet = False
        elif tag == "summary" and self.summary is not None:
            self.summaries.append(" ".join("".join(self.summary).split()))
            self.summary = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.cell is not None:
            self.cell.append(data)
        if self.summary is not None:
            self.summary.append(data)
        if self.in_tweet and not self.signed:
            if self.paragraph_closed and "\u2014" in data:  # "&mdash; Name (@handle)"
                self.dashed = True
                data = data.split("\u2014", 1)[1]
            (self.after_dash if self.dashed else self.tweet_words).append(data)

    def table(self) -> Table | None:
        rows = [r for r in self.rows if any(r)]
        if len(rows) < 2:
            return None
        width = max(len(r) for r in rows)
        fitted = [tuple((r + [""] * width)[:width]) for r in rows]
        return Table(fitted[0], tuple(fitted[1:]))

    def heading(self) -> str | None:
        """The one `<summary>` of the block when it reads as a heading: a few words, not a
        sentence ("1 detailed update available." labels a fold, it names no topic)."""
        if len(self.summaries) != 1:
            return None
        words = self.summaries[0]
        if not words or len(words.split()) > HEADING_WORDS or words.endswith((".", "!", "?", ":")):
            return None
        return words

    def tweet(self) -> Quote | None:
        words = [
            w for w in " ".join(self.tweet_words).split() if not w.startswith("pic.twitter.com/")
        ]
        if not words:
            return None
        by = " ".join(" ".join(self.after_dash).split()) or None
        return Quote(" ".join(words), by)
