"""The outline format as a JSON Schema, for editors to check and complete outlines with.

The schema is a file of its own, `outlines/outline.schema.json`, beside the outlines that name it
(`# yaml-language-server: $schema=outline.schema.json`), generated from the field table
(`outline/fields.py`) by `tools/make_schema.py`; the loader stays the judge of what builds, and
tests/test_schema.py keeps the two in step. Nothing heavy is imported here.
"""

from __future__ import annotations

from pathlib import Path

from deckmaker.errors import DeckmakerError

SCHEMA_NAME = "outline.schema.json"


def outline_schema() -> bytes:
    """The schema's bytes, exactly as shipped, from the bundled outlines folder."""
    from deckmaker.bundle import bundled

    return (bundled("outlines") / SCHEMA_NAME).read_bytes()


def generated_schema() -> bytes:
    """The schema as the field table declares it, with the shipped themes and the bundled
    voices: what `tools/make_schema.py` writes, and what a test holds the shipped file to."""
    import json

    from deckmaker.outline.fields import schema

    document = schema(listed())
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def listed() -> dict[str, tuple[str, ...]]:
    """What the field table's `Listed` markers stand for."""
    from deckmaker.planning.voice import VOICES
    from deckmaker.theme.shipped import shipped

    return {"themes": tuple(shipped()), "voices": tuple(VOICES)}


def write_schema(path: Path) -> None:
    """Write the schema to `path`, replacing the file there in one step."""
    from deckmaker.outputs import replace_set

    if path.suffix.lower() != ".json":  # not an outline written over by a slip of -o
        raise DeckmakerError.at(
            f"a schema file's name ends in .json; check -o (e.g. {SCHEMA_NAME})", str(path)
        )
    replace_set(path.parent, {path.name: outline_schema()})


def modeline(schema: str = SCHEMA_NAME) -> str:
    """The first line that makes VS Code's YAML extension (yaml-language-server) check an
    outline against `schema`, a path relative to the outline or a URL."""
    return f"# yaml-language-server: $schema={schema}"
