"""Write an `Outline` back as YAML a person can read and edit: block style, prose folded to the
page width, fields in the order docs/outline.md documents them."""

from __future__ import annotations

from typing import Any

import yaml

from deckmaker.outline.model import Code, Outline, Point, Quote, Segment, Table

WIDTH = 86  # folded prose wraps near here (after the word that crosses it): lines stay < 100
LINE = 100  # the longest line a written outline has, but for one word alone on its line
MIN_WIDTH = 40
ROW_CHARS = 76


def write_outline(outline: Outline, header: str = "") -> str:
    """The outline as YAML text, `header` first as comment lines."""
    top: dict[str, Any] = {"title": outline.title}
    for key in ("subtitle", "host", "author", "greeting", "signoff", "wpm"):
        if getattr(outline, key) is not None:
            top[key] = getattr(outline, key)
    if outline.duration:
        minutes, seconds = divmod(outline.duration, 60)
        top["duration"] = f"{minutes}:{seconds:02}"
    if outline.intro:
        top["intro"] = _segment(outline.intro)
    top["sections"] = [_segment(s) for s in outline.sections]
    if outline.outro:
        top["outro"] = _segment(outline.outro)
    if outline.metadata:
        top["metadata"] = dict(outline.metadata)
    if outline.show_notes:
        top["show_notes"] = list(outline.show_notes)
    if outline.voices:
        top["voices"] = list(outline.voices)
    if outline.pronounce:
        top["pronounce"] = dict(outline.pronounce)
    body = yaml.dump(
        top, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2
    )
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comments + body


def _segment(segment: Segment) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if segment.title:
        out["title"] = segment.title
    if segment.points:
        out["points"] = [_point(p) for p in segment.points]
    if segment.script:
        out["script"] = _Prose(segment.script)
    if segment.notes:
        out["notes"] = list(segment.notes)
    if segment.quotes:
        quotes = [_quote(q) for q in segment.quotes]
        out["quote"] = quotes[0] if len(quotes) == 1 else quotes
    if segment.image:
        path = segment.image
        out["image"] = {"path": path, "alt": segment.image_alt} if segment.image_alt else path
    if segment.code:
        blocks = [_code(c) for c in segment.code]
        out["code"] = blocks[0] if len(blocks) == 1 else blocks
    if segment.tables:
        tables = [_table(t) for t in segment.tables]
        out["table"] = tables[0] if len(tables) == 1 else tables
    if segment.left_out:
        out["left_out"] = [_Prose(p) for p in segment.left_out]
    return out


def _point(point: Point) -> str | dict[str, Any]:
    if not point.points and point.said is None:
        return point.text
    out: dict[str, Any] = {"text": point.text}
    if point.points:
        out["points"] = list(point.points)
    if point.said is not None:
        out["said"] = point.said
    return out


def _quote(quote: Quote) -> str | dict[str, Any]:
    if quote.attribution is None and quote.said is None:
        return _Prose(quote.text)
    out: dict[str, Any] = {"text": _Prose(quote.text)}
    if quote.attribution is not None:
        out["attribution"] = quote.attribution
    if quote.said is not None:
        out["said"] = quote.said
    return out


def _code(code: Code) -> str | dict[str, Any]:
    if code.language is None and code.said is None:
        return _Verbatim(code.text)
    out: dict[str, Any] = {}
    if code.language is not None:
        out["language"] = code.language
    out["text"] = _Verbatim(code.text)
    if code.said is not None:
        out["said"] = code.said
    return out


def _table(table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {"header": _Row(table.header), "rows": [_Row(r) for r in table.rows]}
    if table.said is not None:
        out["said"] = table.said
    return out


class _Prose(str):
    """Text written as a folded block (`>-`), wrapped, its paragraphs kept."""


class _Verbatim(str):
    """Text written as a literal block (`|`): its lines and indentation exactly as they are."""


class _Row(list[str]):
    """A table's row, written on one line (`[a, b]`) as a table reads."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Lists indented under their key, as people write them (PyYAML's default does not).
        super().increase_indent(flow, False)

    def process_scalar(self) -> None:
        # PyYAML folds a line after the word that crosses its width, so a long word (a path, a
        # name in code) can carry the line past LINE; below the public API because the width is
        # the emitter's alone: narrow it for a scalar with long words, so each line stays short.
        value = getattr(self.event, "value", "") or ""
        longest = max((len(w) for w in value.split()), default=0)
        indent = (self.indent or 0) + self.best_indent  # where a block scalar's lines start
        self.best_width = max(MIN_WIDTH, min(WIDTH, LINE - indent - longest - 2))
        super().process_scalar()
        self.best_width = WIDTH


def _prose(dumper: yaml.SafeDumper, text: _Prose) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style=">")


def _verbatim(dumper: yaml.SafeDumper, text: _Verbatim) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style="|")


def _row(dumper: yaml.SafeDumper, row: _Row) -> yaml.SequenceNode:
    # on one line when it fits; a longer row one cell a line (a folded flow list's continuation
    # lines are indented in a way linters refuse)
    flow = sum(len(str(cell)) + 4 for cell in row) <= ROW_CHARS
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(row), flow_style=flow)


_Dumper.add_representer(_Prose, _prose)
_Dumper.add_representer(_Verbatim, _verbatim)
_Dumper.add_representer(_Row, _row)
