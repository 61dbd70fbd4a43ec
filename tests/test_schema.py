"""The published outline schema (`deckmaker schema`, outlines/outline.schema.json) in step with
the loader: every outline in the repository, a corpus of bad outlines and one of good ones, run
through both. The schema is applied as an editor applies it, to the YAML read as YAML 1.2 (the
version VS Code's YAML extension reads: `yes` is text there, `12:30` is not a number), while the
loader reads YAML 1.1 node by node; and then by the editor's own language server. What a schema
cannot say is listed in KNOWN, with why, and the loader must refuse each of those."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft7Validator
from judges.editor import Editor
from test_outline import BAD as LOADER_BAD

from deckmaker.bundle import bundled
from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.outline import load, parse_outline
from deckmaker.outline.fields import OUTLINE
from deckmaker.schema import SCHEMA_NAME, modeline, outline_schema
from deckmaker.theme.shipped import shipped, theme_path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads(outline_schema())
VALIDATOR = Draft7Validator(SCHEMA)

# -- how an editor reads an outline: YAML 1.2's core schema --------------------------------------

_CORE_NULL = re.compile(r"~|null|Null|NULL|")
_CORE_BOOL = {word: word[0] in "tT" for word in ("true", "True", "TRUE", "false", "False", "FALSE")}
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


class EditorRefuses(Exception):
    """What an editor's YAML parser reports before any schema is applied."""


def editor_value(node: yaml.Node) -> Any:
    """The JSON value an editor checks against the schema."""
    if isinstance(node, yaml.MappingNode):
        value: dict[str, Any] = {}
        for key, child in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else f"<a {key.id} as key>"
            if name in value:
                raise EditorRefuses(f"map keys must be unique: {name}")
            value[name] = editor_value(child)
        return value
    if isinstance(node, yaml.SequenceNode):
        return [editor_value(child) for child in node.value]
    if not node.tag.startswith("tag:yaml.org,2002:"):
        raise EditorRefuses(f"unresolved tag: {node.tag}")
    text = node.value
    if node.style is not None:  # quoted or a block: text
        return text
    if _CORE_NULL.fullmatch(text):
        return None
    if text in _CORE_BOOL:
        return _CORE_BOOL[text]
    if _CORE_INT.fullmatch(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if _CORE_FLOAT.fullmatch(text):
        return float(text)
    return text


def schema_errors(text: str) -> list[str]:
    """What an editor with the schema says about an outline; empty when it is content."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        value = None if node is None else editor_value(node)  # an empty file is null
    except (yaml.YAMLError, EditorRefuses) as err:
        return [f"YAML: {err}"]
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(value)]


def deckmaker_errors(text: str, source: Path) -> list[str]:
    """What deckmaker says reading the outline: the loader, and whether a theme's name is one
    that ships (the loader leaves names to the theme's reader)."""
    try:
        outline = parse_outline(text, str(source))
        if outline.theme:
            theme_path(outline.theme)
    except DeckmakerError as err:
        return [str(p) for p in err.problems]
    return []


def agree(text: str, folder: Path) -> tuple[list[str], list[str]]:
    return deckmaker_errors(text, folder / "talk.yaml"), schema_errors(text)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the corpus's outlines sit, with the files they name."""
    (tmp_path / "picture.png").write_bytes(b"a picture; the loader checks only that it is there")
    (tmp_path / "PHOTO.JPEG").write_bytes(b"")
    (tmp_path / "brand.potx").write_bytes(b"")
    return tmp_path


# -- the schema itself --------------------------------------------------------------------------


def test_the_schema_is_draft_07_and_formatted_one_way() -> None:
    """Draft-07: what VS Code's YAML extension supports (it warns that 2020-12 is not). One way
    of writing it, so `deckmaker schema` prints the same bytes on every machine."""
    import judges

    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(SCHEMA)
    text = outline_schema().decode("utf-8")
    assert text == json.dumps(SCHEMA, indent=2, ensure_ascii=False) + "\n"
    assert judges.findings(ROOT / "outlines" / SCHEMA_NAME) == []


def test_the_shipped_schema_is_the_one_the_field_table_declares() -> None:
    """outlines/outline.schema.json is written by tools/make_schema.py from the field table;
    run it after changing a field (or the shipped themes, or the voices)."""
    from deckmaker.schema import generated_schema

    assert outline_schema() == generated_schema(), "run: python tools/make_schema.py"


def test_every_choice_an_outline_can_set_is_a_field_with_its_default() -> None:
    """The options the outline can set (`deckmaker.options`) and the field table agree: each
    outline key is a field, whose default is the option's fallback (a flag's: false)."""
    from deckmaker.options import Flag, specs

    fields = {f.key: f for f in OUTLINE.fields}
    for name, spec in specs():
        if spec.outline is None:
            continue
        expected = False if isinstance(spec.kind, Flag) else (spec.fallback or spec.shown)
        assert spec.outline in fields, name
        assert fields[spec.outline].default == expected, name


def _properties(definition: dict[str, Any]) -> set[str]:
    return set(definition["properties"])


def test_the_schema_names_the_fields_the_loader_reads() -> None:
    defs = SCHEMA["definitions"]
    assert _properties(SCHEMA) == set(load.TOP_KEYS)
    assert _properties(defs["segment"]) == set(load.SEGMENT_KEYS)
    assert _properties(defs["column"]["anyOf"][1]) == set(load.COLUMN_KEYS)
    assert _properties(defs["quote"]["anyOf"][1]) == set(load.QUOTE_KEYS)
    assert _properties(defs["code"]["anyOf"][1]) == set(load.CODE_KEYS)
    assert _properties(defs["table"]) == set(load.TABLE_KEYS)
    assert _properties(defs["point"]["anyOf"][1]) == {"text", "points", "said"}
    pace = SCHEMA["properties"]["pace"]["anyOf"][0]
    assert (pace["minimum"], pace["maximum"]) == (load.MIN_PACE, load.MAX_PACE)
    # Every object refuses keys it does not name, as the loader does.
    objects = [SCHEMA, defs["segment"], defs["column"]["anyOf"][1], defs["point"]["anyOf"][1]]
    objects += [defs["quote"]["anyOf"][1], defs["code"]["anyOf"][1], defs["table"]]
    assert all(o["additionalProperties"] is False for o in objects)


def test_the_schema_offers_the_shipped_themes_and_voices() -> None:
    themes = SCHEMA["properties"]["theme"]["anyOf"][0]["enum"]
    assert sorted(themes) == sorted(shipped())
    voices = SCHEMA["properties"]["voice"]["anyOf"][0]["enum"]
    shipped_voices = bundled("templates").glob("voice-*.j2")
    named = {p.stem.removeprefix("voice-") for p in shipped_voices if "." not in p.stem}
    assert set(voices) == named


def test_every_field_has_a_description_for_the_editor_to_show() -> None:
    def described(schema: dict[str, Any]) -> bool:
        target = schema
        if "$ref" in schema and "description" not in schema:
            target = SCHEMA["definitions"][schema["$ref"].rsplit("/", 1)[1]]
        return bool(target.get("description"))

    segment = SCHEMA["definitions"]["segment"]["properties"]
    fields = {**SCHEMA["properties"], **{f"segment.{k}": v for k, v in segment.items()}}
    assert [name for name, schema in fields.items() if not described(schema)] == []


# -- every outline in the repository -------------------------------------------------------------


def _repository_outlines() -> list[Path]:
    tracked = subprocess.run(
        ["git", "ls-files", "*.yaml", "*.yml"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [ROOT / name for name in tracked]


REPOSITORY = _repository_outlines()


def test_the_repository_has_outlines_to_check() -> None:
    assert ROOT / "outlines" / "la-la-land.yaml" in REPOSITORY
    assert len(REPOSITORY) >= 5  # the example, and the bench's hand-written points (not outlines)


@pytest.mark.parametrize("path", REPOSITORY, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_in_the_repository_gets_one_verdict(path: Path) -> None:
    """Outlines are accepted by both; the bench's files of hand-written points, which are no
    outlines, are refused by both."""
    text = path.read_text(encoding="utf-8")
    by_deckmaker, by_schema = deckmaker_errors(text, path), schema_errors(text)
    assert bool(by_deckmaker) == bool(by_schema), (by_deckmaker, by_schema)
    if path.parent.name == "outlines":
        assert by_schema == []


def test_the_shipped_outlines_name_the_schema_deckmaker_prints() -> None:
    printed = CliRunner().invoke(cli, ["schema"]).stdout_bytes
    shipped_outlines = sorted((ROOT / "outlines").glob("*.yaml"))
    assert shipped_outlines
    for path in shipped_outlines:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == modeline(), path
        named = path.parent / first.split("$schema=", 1)[1]
        assert named.read_bytes() == printed


def _written_outlines(folder: Path) -> list[Path]:
    """The outline every theme is tested with (and its picture), and what `deckmaker import`
    writes from each essay in the repository, in `folder`."""
    from conftest import stress_outline

    from deckmaker.pipeline import import_to_outline

    folder.mkdir(exist_ok=True)
    essays = [ROOT / "outlines" / "la-la-land-ending.txt"]
    bench = (ROOT / "bench" / "essays").iterdir()
    essays += sorted(p for p in bench if p.suffix in (".txt", ".md"))
    imported = [import_to_outline(e, folder / f"{e.stem}.yaml").path for e in essays]
    return [stress_outline(folder), *imported]


def test_the_stress_outline_and_imported_outlines_are_valid(tmp_path: Path) -> None:
    for path in _written_outlines(tmp_path):
        text = path.read_text(encoding="utf-8")
        assert (deckmaker_errors(text, path), schema_errors(text)) == ([], []), path.name


# -- good outlines: both accept -----------------------------------------------------------------

T = "title: T\nsections: [{title: A}]\n"  # the least outline, to add a field to

GOOD = {
    "the least outline": T,
    "every field": """\
title: My talk
subtitle: A subtitle
host: Sam
hosts: [Sam, Alex]
voice: podcast
duration: 12m30s
greeting: Hi all!
signoff: |
  Bye!

  See you.
wpm: 160
theme: dark
footer: Episode 1
curly_quotes: true
pace: 1:15
reveal: on
intro: {title: Hello, points: [a], script: Intro words., notes: Smile}
sections:
  - title: One
    points:
      - plain
      - text: parent
        points: [child one, child two]
      - text: Said point
        said: The script says
    script: The script says this.
    notes: [slow, loud]
    quote: {text: Here's to the ones who dream., attribution: Mia}
    image: picture.png
    code: {language: python, text: "print('hi')", said: The script says}
    table: {header: [A, B], rows: [[1, ''], [~, yes]], said: The script}
    columns:
      - title: Left
        points: [x, {text: y, points: [z]}]
      - [just, points]
outro: {script: Bye words.}
""",
    "scalars stay text as typed": (
        "title: 2016\nsections:\n  - title: yes\n    points: [1.10, ~x, true, 0x1F]\n"
    ),
    "optional fields left empty": (
        "title: T\nsubtitle:\nhost: ~\nhosts: ~\nvoice:\nduration: ~\ngreeting:\nsignoff: ''\n"
        "wpm: ~\ntheme: ~\nfooter:\ncurly_quotes: ~\npace: ~\nreveal:\n"
        "sections:\n  - title: A\n    points: ~\n    script:\n    notes: ~\n    quote: ''\n"
        "    image: ''\n    columns: ~\n"
    ),
    "an intro with nothing in it": "title: T\nintro: {}\nsections: [{title: A}]\n",
    "a quote as text": "title: T\nsections: [{title: A, quote: Plain words.}]\n",
    "notes as text, and a list with a gap": (
        "title: T\nsections: [{title: A, notes: Smile}, {title: B, notes: [~, '', loud]}]\n"
    ),
    "a point with no sub-points": (
        "title: T\nsections: [{title: A, points: [{text: p, points: ~}]}]\n"
    ),
    "a column of a title alone": "title: T\nsections: [{title: A, columns: [{title: L}, [y]]}]\n",
    "a column of points alone": (
        "title: T\nsections: [{title: A, columns: [{points: [x]}, {title: ~, points: [y]}]}]\n"
    ),
    "several quotes": (
        "title: T\nsections:\n  - title: A\n    script: Words here.\n    quote:\n"
        "      - One.\n      - {text: Two., attribution: B, said: Words}\n"
    ),
    "code as a block": "title: T\nsections:\n  - title: A\n    code: |\n      x = 1\n        y\n",
    "several code blocks and tables": (
        "title: T\nsections:\n  - title: A\n    code: [a(), {text: b(), language: js}]\n"
        "    table: [{header: [h], rows: [[c]]}, {header: [x, y], rows: [[1, 2], [3, 4]]}]\n"
    ),
    "a picture in capitals": "title: T\nsections: [{title: A, image: PHOTO.JPEG}]\n",
    "a theme file": "title: T\ntheme: brand.potx\nsections: [{title: A}]\n",
    "a theme by name": "title: T\ntheme: editorial\nsections: [{title: A}]\n",
    "a voice of one's own": "title: T\nvoice: radio\nsections: [{title: A}]\n",
    **{f"duration {d}": f"{T}duration: {d}\n" for d in ("12", "12.5", "90s", "1h5m", "12:30",
                                                         "'1:02:00'", "12 min", "2M30SEC")},
    **{f"pace {p}": f"{T}pace: {p}\n" for p in ("75s", "'1:15'", "1m15s", "90", "'90'", "10", "600",
                                                 "10:00", "10m")},
    **{f"wpm {w}": f"{T}wpm: {w}\n" for w in ("40", "400", "+150", "0150")},
    **{f"flag {b}": f"{T}reveal: {b}\ncurly_quotes: {b}\n" for b in ("true", "False", "yes", "No",
                                                                     "ON", "off", "~")},
}  # fmt: skip


@pytest.mark.parametrize("name", GOOD)
def test_good_outlines_are_accepted_by_both(name: str, folder: Path) -> None:
    assert agree(GOOD[name], folder) == ([], [])


# -- bad outlines: both refuse ------------------------------------------------------------------

UNKNOWN_KEY_AT_EACH_LEVEL = {
    "top": "title: T\nbogus: 1\nsections: [{title: A}]\n",
    "intro": "title: T\nintro: {bogus: 1}\nsections: [{title: A}]\n",
    "outro": "title: T\noutro: {script: x, bogus: 1}\nsections: [{title: A}]\n",
    "section": "title: T\nsections: [{title: A, bogus: 1}]\n",
    "point": "title: T\nsections: [{title: A, points: [{text: p, bogus: 1}]}]\n",
    "quote": "title: T\nsections: [{title: A, quote: {text: q, bogus: 1}}]\n",
    "column": "title: T\nsections: [{title: A, columns: [{title: L, bogus: 1}, [b]]}]\n",
    "code": "title: T\nsections: [{title: A, code: {text: x, bogus: 1}}]\n",
    "table": "title: T\nsections: [{title: A, table: {header: [a], rows: [[b]], bogus: 1}}]\n",
    "a number as a key": "title: T\n1: x\nsections: [{title: A}]\n",
    "a list as a key": "title: T\n? [a]\n: x\nsections: [{title: A}]\n",
}

TEXT_FIELDS = ("title", "subtitle", "host", "greeting", "signoff", "footer", "voice", "theme")
SEGMENT_TEXT = ("title", "script")

WRONG = {
    **{f"{f}: a list": f"title: T\nsections: [{{title: A}}]\n{f}: [a]\n" for f in TEXT_FIELDS[1:]},
    **{f"{f}: a mapping": f"title: T\nsections: [{{title: A}}]\n{f}: {{a: b}}\n"
       for f in TEXT_FIELDS[1:]},
    **{f"section {f}: a list": f"title: T\nsections: [{{title: A, {f}: [a]}}]\n" if f != "title"
       else "title: T\nsections: [{title: [a]}]\n" for f in SEGMENT_TEXT},
    "title: a mapping": "title: {a: b}\nsections: [{title: A}]\n",
    "title: empty": "title: ' '\nsections: [{title: A}]\n",
    "title: null": "title: ~\nsections: [{title: A}]\n",
    "sections: null": "title: T\nsections: ~\n",
    "sections: a mapping": "title: T\nsections: {title: A}\n",
    "sections: a null section": "title: T\nsections: [~]\n",
    "section title: empty": "title: T\nsections: [{title: ''}]\n",
    "intro: null": "title: T\nintro: ~\nsections: [{title: A}]\n",
    "intro: text": "title: T\nintro: Hello\nsections: [{title: A}]\n",
    "outro: a list": "title: T\noutro: [a]\nsections: [{title: A}]\n",
    "points: a mapping": "title: T\nsections: [{title: A, points: {a: b}}]\n",
    "point: null": "title: T\nsections:\n  - title: A\n    points:\n      -\n",
    "point: empty text": "title: T\nsections: [{title: A, points: ['']}]\n",
    "point: a list": "title: T\nsections: [{title: A, points: [[a]]}]\n",
    "point: empty text field": "title: T\nsections: [{title: A, points: [{text: ''}]}]\n",
    "point: said is a list": "title: T\nsections: [{title: A, points: [{text: p, said: [a]}]}]\n",
    "sub-points: text": "title: T\nsections: [{title: A, points: [{text: p, points: x}]}]\n",
    "sub-point: null": "title: T\nsections: [{title: A, points: [{text: p, points: [~]}]}]\n",
    "sub-point: empty": "title: T\nsections: [{title: A, points: [{text: p, points: ['']}]}]\n",
    "sub-point: a list": "title: T\nsections: [{title: A, points: [{text: p, points: [[a]]}]}]\n",
    "notes: a list of lists": "title: T\nsections: [{title: A, notes: [[a]]}]\n",
    "notes: a list of mappings": "title: T\nsections: [{title: A, notes: [{a: b}]}]\n",
    "quote: a list of lists": "title: T\nsections: [{title: A, quote: [[a]]}]\n",
    "code: empty": "title: T\nsections: [{title: A, code: ''}]\n",
    "code: a mapping of a list": "title: T\nsections: [{title: A, code: {text: [a]}}]\n",
    "code: a list of lists": "title: T\nsections: [{title: A, code: [[a]]}]\n",
    "table: text": "title: T\nsections: [{title: A, table: x}]\n",
    "table: no rows": "title: T\nsections: [{title: A, table: {header: [a], rows: []}}]\n",
    "table: an empty header": (
        "title: T\nsections: [{title: A, table: {header: [], rows: [[a]]}}]\n"
    ),
    "table: a row of text": "title: T\nsections: [{title: A, table: {header: [a], rows: [a]}}]\n",
    "table: a cell of a list": (
        "title: T\nsections: [{title: A, table: {header: [a], rows: [[[b]]]}}]\n"
    ),
    "quote: empty text": "title: T\nsections: [{title: A, quote: {text: ''}}]\n",
    "quote: text is a list": "title: T\nsections: [{title: A, quote: {text: [a]}}]\n",
    "image: a list": "title: T\nsections: [{title: A, image: [a.png]}]\n",
    "image: a number": "title: T\nsections: [{title: A, image: 5}]\n",
    "image: not a picture": "title: T\nsections: [{title: A, image: notes.txt}]\n",
    "image: no suffix": "title: T\nsections: [{title: A, image: picture}]\n",
    "columns: text": "title: T\nsections: [{title: A, columns: x}]\n",
    "columns: one": "title: T\nsections: [{title: A, columns: [[a]]}]\n",
    "columns: three": "title: T\nsections: [{title: A, columns: [[a], [b], [c]]}]\n",
    "columns: none": "title: T\nsections: [{title: A, columns: []}]\n",
    "column: an empty list": "title: T\nsections: [{title: A, columns: [[], [b]]}]\n",
    "column: an empty mapping": "title: T\nsections: [{title: A, columns: [{}, [b]]}]\n",
    "column: a null title alone": "title: T\nsections: [{title: A, columns: [{title: ~}, [b]]}]\n",
    "column: no points": "title: T\nsections: [{title: A, columns: [{points: []}, [b]]}]\n",
    "column: text": "title: T\nsections: [{title: A, columns: [x, [b]]}]\n",
    "column: null": "title: T\nsections: [{title: A, columns: [~, [b]]}]\n",
    "hosts: one": f"{T}hosts: [Sam]\n",
    "hosts: three": f"{T}hosts: [A, B, C]\n",
    "hosts: text": f"{T}hosts: Sam\n",
    "hosts: a null name": f"{T}hosts: [~, Sam]\n",
    "hosts: an empty name": f"{T}hosts: ['', Sam]\n",
    "hosts: a list as a name": f"{T}hosts: [[a], Sam]\n",
    "theme: no such name": f"{T}theme: drak\n",
    "theme: a number": f"{T}theme: 5\n",
    "voice: a list": f"{T}voice: [talk]\n",
    "a custom tag": "title: !custom T\nsections: [{title: A}]\n",
    "a key twice": "title: T\ntitle: U\nsections: [{title: A}]\n",
}  # fmt: skip

BAD_VALUES = {
    "wpm": ("fast", "'150'", "150.5", "[150]", "9000", "39", "401", "true", "2:30", "1_50"),
    "duration": ("[1]", "soon", "0", "-5", "'0:00'", "true", "12x", "'12:75'", "0m0s", "'٣m'",
                 "{m: 3}", "1h 5"),
    "pace": ("fast", "[1, 2]", "5", "601", "1.5", "'1.5'", "0", "true", "'٩٠'", "²", "0s"),
    "curly_quotes": ("maybe", "[true]", "1", "'true'", "{a: b}"),
    "reveal": ("maybe", "[true]", "0", "'false'"),
}  # fmt: skip

MISSING = {
    "title": "sections: [{title: A}]\n",
    "sections": "title: T\n",
    "a section's title": "title: T\nsections: [{points: [a]}]\n",
    "a point's text": "title: T\nsections: [{title: A, points: [{points: [x]}]}]\n",
    "a quote's text": "title: T\nsections: [{title: A, quote: {attribution: X}}]\n",
    "a code block's text": "title: T\nsections: [{title: A, code: {language: python}}]\n",
    "a table's rows": "title: T\nsections: [{title: A, table: {header: [a]}}]\n",
    "a table's header": "title: T\nsections: [{title: A, table: {rows: [[a]]}}]\n",
}

BAD = {
    **{f"test_outline {i}: {says}": text for i, (text, _, says) in enumerate(LOADER_BAD, 1)},
    **{f"unknown key: {level}": text for level, text in UNKNOWN_KEY_AT_EACH_LEVEL.items()},
    **{f"wrong type: {name}": text for name, text in WRONG.items()},
    **{f"{field}: {v}": f"{T}{field}: {v}\n" for field, vs in BAD_VALUES.items() for v in vs},
    **{f"missing {what}": text for what, text in MISSING.items()},
}


@pytest.mark.parametrize("name", BAD)
def test_bad_outlines_are_refused_by_both(name: str, folder: Path) -> None:
    by_deckmaker, by_schema = agree(BAD[name], folder)
    assert by_deckmaker, "the loader accepts it"
    assert by_schema, f"the schema accepts what deckmaker refuses: {by_deckmaker}"


# -- what the schema cannot say ------------------------------------------------------------------

# (outline, why a JSON Schema cannot refuse it). deckmaker refuses each; an editor does not.
KNOWN = {
    "a picture that is not there": (
        "title: T\nsections: [{title: A, image: missing.png}]\n",
        "a schema sees the outline's text, not the files beside it",
    ),
    "a theme file that is not there": (
        f"{T}theme: missing.pptx\n",
        "a schema sees the outline's text, not the files beside it",
    ),
    "said: words not in the script": (
        "title: T\nsections: [{title: A, script: Words said., points: [{text: p, said: Other}]}]\n",
        "one field checked against another's text: JSON Schema compares no two values",
    ),
    "said: with no script": (
        "title: T\nsections: [{title: A, points: [{text: p, said: Words}]}]\n",
        "one field checked against another's text: JSON Schema compares no two values",
    ),
    **{
        f"pace {p}": (
            f"{T}pace: {p}\n",
            "a pace written with units or as quoted digits is text; a pattern can say how it is "
            "written, not work out its seconds to compare with 10 s to 10 minutes",
        )
        for p in ("2s", "20m", "'601'", "'5'", "0:05", "1h")
    },
    **{
        f"{field}: {number}": (
            f"{T}{field}: {number}\n",
            "the editor hands the schema a number, not how it was written: 150.0 is an "
            "integer to JSON Schema, 0x96 is 150, and 1e1 is 10, where deckmaker reads the "
            "digits as typed",
        )
        for field, number in (
            ("wpm", "150.0"), ("wpm", "0x96"), ("wpm", "0o226"), ("pace", "75.0"),
            ("pace", "0x4B"), ("duration", "1e1"), ("duration", "12."), ("duration", "+12"),
            ("duration", ".5"),
        )
    },
    **{
        f"{field}: quoted {word}": (
            f"{T}{field}: '{word}'\n",
            "in YAML 1.2, which editors read, yes/no/on/off are words, so the schema must take "
            "them as such; deckmaker reads YAML 1.1, where they are true or false unless quoted",
        )
        for field, word in (("reveal", "yes"), ("curly_quotes", "off"))
    },
    "a duration that rounds to no time": (
        f"{T}duration: 0.001\n",
        "a bare number is minutes, rounded to whole seconds: 0.001 minutes is none",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", KNOWN)
def test_what_the_schema_cannot_say_deckmaker_refuses(name: str, folder: Path) -> None:
    text, why = KNOWN[name]
    by_deckmaker, by_schema = agree(text, folder)
    assert by_deckmaker, "the loader accepts it: then it is no known difference"
    assert by_schema == [], f"the schema refuses it: then it is no known difference ({why})"


# -- the command ---------------------------------------------------------------------------------


def test_deckmaker_schema_prints_the_shipped_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert result.stdout_bytes == outline_schema() == (ROOT / "outlines" / SCHEMA_NAME).read_bytes()


def test_deckmaker_schema_writes_it_with_o(tmp_path: Path) -> None:
    out = tmp_path / "editor" / "outline.schema.json"
    result = CliRunner().invoke(cli, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == outline_schema()
    assert result.output == (
        f"Wrote {out}; start each outline beside it with this line:\n"
        "# yaml-language-server: $schema=outline.schema.json\n"
    )
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_an_outline_with_the_line_validates_against_the_written_schema(tmp_path: Path) -> None:
    """The README's recipe: the schema written beside an outline whose first line names it."""
    CliRunner().invoke(cli, ["schema", "-o", str(tmp_path / "outline.schema.json")])
    outline = tmp_path / "talk.yaml"
    outline.write_text(f"{modeline()}\n{GOOD['every field']}", encoding="utf-8")
    named = tmp_path / outline.read_text(encoding="utf-8").splitlines()[0].split("=", 1)[1]
    editor = Draft7Validator(json.loads(named.read_bytes()))
    value = editor_value(yaml.compose(outline.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    assert list(editor.iter_errors(value)) == []
    (tmp_path / "picture.png").write_bytes(b"")
    assert deckmaker_errors(outline.read_text(encoding="utf-8"), outline) == []


@pytest.mark.parametrize("name", ["talk.yaml", "notes.txt", "schema"])
def test_o_must_name_a_json_file_and_nothing_else_is_touched(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_text("title: My work\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "-o", str(target)])
    assert result.exit_code == 2
    assert result.output == (
        f"error: {target}: a schema file's name ends in .json; "
        "check -o (e.g. outline.schema.json)\n"
    )
    assert target.read_text(encoding="utf-8") == "title: My work\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_o_in_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    target = tmp_path / "file" / "outline.schema.json"
    result = CliRunner().invoke(cli, ["schema", "-o", str(target)])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {target.parent}: is a file, not a folder")
    assert len(result.output.splitlines()) == 1


def test_deckmaker_schema_imports_nothing_heavy() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom deckmaker.cli import cli\n"
        "assert CliRunner().invoke(cli, ['schema']).exit_code == 0\n"
        "heavy = ('pptx', 'jinja2', 'yaml', 'lxml', 'fontTools', 'jsonschema',"
        " 'deckmaker.planning')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "[]\n"


# -- in the editor -------------------------------------------------------------------------------

# What the editor's YAML parser takes that PyYAML refuses, so the loader reports it and the editor
# does not: (why, which outlines).
EDITOR_BLIND = (
    (
        "an empty document: the editor checks nothing in a file with no YAML in it",
        lambda text: yaml.compose(text, Loader=yaml.SafeLoader) is None,
    ),
    (
        "a control character: the editor's parser (the npm package yaml) takes what PyYAML's "
        "reader refuses",
        lambda text: re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text) is not None,
    ),
)


def _blind(text: str) -> bool:
    for _, sees_nothing in EDITOR_BLIND:
        with suppress(yaml.YAMLError):
            if sees_nothing(text):
                return True
    return False


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Editor, Path]]:
    """yaml-language-server, as VS Code's YAML extension runs it, over a folder that holds the
    schema as `deckmaker schema -o` writes it (the picture the good outlines show is there)."""
    folder = tmp_path_factory.mktemp("editor")
    CliRunner().invoke(cli, ["schema", "-o", str(folder / SCHEMA_NAME)])
    (folder / "picture.png").write_bytes(b"")
    with Editor(folder) as running:
        yield running, folder


def _in_editor(
    editor: tuple[Editor, Path], kind: str, corpus: dict[str, str]
) -> dict[str, list[str]]:
    """What the editor says about each outline, opened with the line that names the schema."""
    running, folder = editor
    paths = {name: folder / f"{kind}-{i}.yaml" for i, name in enumerate(corpus)}
    said = running.check({paths[n]: f"{modeline()}\n{text}" for n, text in corpus.items()})
    return {name: said[path] for name, path in paths.items()}


def test_the_editor_is_content_with_the_shipped_outlines(editor) -> None:
    running, _ = editor
    shipped_outlines = sorted((ROOT / "outlines").glob("*.yaml"))
    said = running.check({p: p.read_text(encoding="utf-8") for p in shipped_outlines})
    assert said == {p: [] for p in shipped_outlines}


def test_the_editor_is_content_with_written_outlines(editor) -> None:
    running, folder = editor
    written = _written_outlines(folder / "written")
    above = modeline(f"../{SCHEMA_NAME}")  # the schema one folder up, as docs/outline.md says
    said = running.check({p: f"{above}\n{p.read_text(encoding='utf-8')}" for p in written})
    assert said == {p: [] for p in written}


def test_the_editor_accepts_the_good_outlines(editor) -> None:
    said = _in_editor(editor, "good", GOOD)
    assert {name: found for name, found in said.items() if found} == {}


def test_the_editor_refuses_the_bad_outlines(editor) -> None:
    said = _in_editor(editor, "bad", BAD)
    assert [name for name, found in said.items() if not found and not _blind(BAD[name])] == []
    assert [name for name, found in said.items() if found and _blind(BAD[name])] == []


def test_the_editor_does_not_see_what_the_schema_cannot_say(editor) -> None:
    said = _in_editor(editor, "known", {name: text for name, (text, _) in KNOWN.items()})
    assert {name: found for name, found in said.items() if found} == {}


def test_the_editor_explains_fields_and_offers_them(editor) -> None:
    running, folder = editor
    theme, blank = folder / "theme.yaml", folder / "blank.yaml"
    running.check({
        theme: f"{modeline()}\ntitle: T\ntheme: \nsections: [{{title: A}}]\n",
        blank: f"{modeline()}\ntitle: T\n\nsections: [{{title: A}}]\n",
    })  # fmt: skip
    assert "The talk's title, on the title slide" in running.hover(blank, 2, 1)
    assert "The deck's design: a shipped theme's name" in running.hover(theme, 3, 1)
    assert {"light", "dark", "editorial"} <= set(running.complete(theme, 3, 7))
    offered = set(running.complete(blank, 3, 0))
    assert set(load.TOP_KEYS) - {"title", "sections"} <= offered


def _readme_yaml_blocks() -> list[str]:
    """The outlines the README and the docs' outline page show."""
    pages = (ROOT / "README.md", ROOT / "docs" / "outline.md")
    text = "".join(page.read_text(encoding="utf-8") for page in pages)
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_the_readmes_outlines_pass_the_schema(tmp_path: Path) -> None:
    """The outline documented field by field, the Editor support example and the README's
    taste, which build."""
    blocks = _readme_yaml_blocks()
    documented = next(b for b in blocks if b.startswith("title: La La Land's Ending"))
    assert schema_errors(documented) == []
    example = next(b for b in blocks if b.startswith(modeline()))
    assert (deckmaker_errors(example, tmp_path / "talk.yaml"), schema_errors(example)) == ([], [])
    taste = next(b for b in blocks if b.startswith("title: Growing Tomatoes"))
    assert (deckmaker_errors(taste, tmp_path / "talk.yaml"), schema_errors(taste)) == ([], [])


def test_the_editor_says_when_the_schema_line_leads_nowhere(editor) -> None:
    """So an outline the editor is content with was checked against the schema, not skipped."""
    running, folder = editor
    lost = folder / "elsewhere" / "talk.yaml"
    said = running.check({lost: f"{modeline()}\n{T}"})[lost]
    assert len(said) == 1 and "Unable to load schema" in said[0]


# -- what the loader refused too little, found by keeping it in step -----------------------------

LOADER_FIXES = [
    # wpm in YAML 1.1's other ways of writing integers crashed `int()`
    ("wpm: 2:30", "t.yaml:3: wpm: expected a whole number of words per minute between 40 and 400"),
    ("wpm: 0x96", "t.yaml:3: wpm: expected a whole number of words per minute between 40 and 400"),
    # an empty host's name went on to fail inside a template, far from its line
    ("hosts: [~, Sam]", "t.yaml:3: hosts[1]: is empty; write the host's name"),
    # a bare pace is seconds, as docs/outline.md says; 1.5 was read as a minute and a half
    ("pace: 1.5", "t.yaml:3: pace: expected the longest a slide may stay up, 10s to 10m; "
     "write it like 75s, 1:15 or 1m15s"),
    ("pace: ²", "t.yaml:3: pace: expected the longest a slide may stay up, 10s to 10m; "
     "write it like 75s, 1:15 or 1m15s"),
    ("duration: ١٢m", "t.yaml:3: duration: expected how long the talk should run; "
     "write it like 12m, 12m30s, 90s, 1h5m or 12:30"),
]  # fmt: skip


@pytest.mark.parametrize(("field", "says"), LOADER_FIXES, ids=[f for f, _ in LOADER_FIXES])
def test_the_loader_refuses_in_one_line(field: str, says: str) -> None:
    with pytest.raises(DeckmakerError) as err:
        parse_outline(f"{T}{field}\n", "t.yaml")
    assert str(err.value) == says


def test_an_empty_column_given_as_a_list_is_refused_like_an_empty_mapping() -> None:
    with pytest.raises(DeckmakerError) as err:
        parse_outline("title: T\nsections: [{title: A, columns: [[], {}]}]\n", "t.yaml")
    assert [str(p) for p in err.value.problems] == [
        f"t.yaml:2: sections[1].columns[{i}]: is empty; give the column a `title:` or `points:`"
        for i in (1, 2)
    ]


def test_a_crash_that_was_is_exit_status_2(tmp_path: Path) -> None:
    outline = tmp_path / "talk.yaml"
    outline.write_text(f"{T}wpm: 2:30\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(outline), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output == (
        f"error: {outline}:3: wpm: expected a whole number of words per minute between 40 and 400\n"
    )
    assert not (tmp_path / "out").exists()
