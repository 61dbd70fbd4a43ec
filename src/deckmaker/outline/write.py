"""Write an `Outline` back as YAML a person can read and edit: block style, prose folded to the
page width, fields in the order the README documents them."""

from __future__ import annotations

from typing import Any

import yaml

from deckmaker.outline.model import Outline, Point, Quote, Segment

WIDTH = 86  # folded prose wraps near here (after the word that crosses it): lines stay < 100


def write_outline(outline: Outline, header: str = "") -> str:
    """The outline as YAML text, `header` first as comment lines."""
    top: dict[str, Any] = {"title": outline.title}
    for key in ("subtitle", "host", "greeting", "signoff", "wpm"):
        if getattr(outline, key) is not None:
            top[key] = getattr(outline, key)
    if outline.intro:
        top["intro"] = _segment(outline.intro)
    top["sections"] = [_segment(s) for s in outline.sections]
    if outline.outro:
        top["outro"] = _segment(outline.outro)
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
    if segment.quote:
        out["quote"] = _quote(segment.quote)
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
    if quote.attribution is None:
        return _Prose(quote.text)
    return {"text": _Prose(quote.text), "attribution": quote.attribution}


class _Prose(str):
    """Text written as a folded block (`>-`), wrapped, its paragraphs kept."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> bool | None:
        # Lists indented under their key, as people write them (PyYAML's default does not).
        return super().increase_indent(flow, False)  # type: ignore[no-any-return]


def _prose(dumper: yaml.SafeDumper, text: _Prose) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(text), style=">")


_Dumper.add_representer(_Prose, _prose)
