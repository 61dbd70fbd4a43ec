"""JSON Schemas (`deckmaker schema -o …`) as editors and validators read them: strict JSON, a
draft-07 schema by the meta-schema (jsonschema), references that lead somewhere, and regular
expressions that mean the same in an editor's JavaScript as in Python."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# Python-only syntax that an editor's JavaScript (ECMA-262) reads otherwise or refuses.
NOT_ECMA = re.compile(r"\(\?[aiLmsux]|\(\?P|\\[AZz]")


def schema_findings(path: Path) -> list[str]:
    from jsonschema import Draft7Validator

    try:
        doc = json.loads(
            path.read_text(encoding="utf-8"),
            object_pairs_hook=_unique,
            parse_constant=_no_constant,
        )
    except (json.JSONDecodeError, ValueError) as err:
        line = f":{err.lineno}" if isinstance(err, json.JSONDecodeError) else ""
        return [f"{path.name}{line}: not strict JSON ({err}) [json]"]
    if not isinstance(doc, dict) or doc.get("$schema") != DRAFT_07:
        return [f"{path.name}: does not declare $schema {DRAFT_07} [schema]"]
    checker = Draft7Validator.FORMAT_CHECKER  # "format": "regex": each pattern compiles
    meta = Draft7Validator(Draft7Validator.META_SCHEMA, format_checker=checker)
    found = [
        f"{path.name}: {e.json_path}: {e.message} [jsonschema]"
        for e in sorted(meta.iter_errors(doc), key=lambda e: e.json_path)
    ]
    for where, key, value in _walk(doc, "$"):
        if key == "$ref" and not _resolves(doc, value):
            found.append(f"{where}: $ref {value!r} leads nowhere [schema]")
        if key == "pattern" and isinstance(value, str) and NOT_ECMA.search(value):
            found.append(f"{where}: pattern {value!r} is Python-only syntax [schema]")
    return [f if f.startswith(path.name) else f"{path.name}: {f}" for f in found]


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"a key appears twice among {sorted(keys)}")
    return dict(pairs)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _walk(node: Any, where: str) -> Iterator[tuple[str, str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield where, key, value
            yield from _walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}[{i}]")


def _resolves(doc: dict[str, Any], ref: Any) -> bool:
    """A reference inside this document (`#/definitions/x`) that names a part of it."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        return False
    node: Any = doc
    for part in filter(None, ref[1:].split("/")):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True
