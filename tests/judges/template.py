"""Templates that deckmaker writes (`deckmaker templates export`), as Jinja2's own parser reads
them: a user edits these, so each must parse, and the set must be whole."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta

# The bundled templates name one another as "bundled/<name>" or plainly "<name>".
BUNDLED = "bundled/"


def template_findings(path: Path) -> list[str]:
    """Not UTF-8, a syntax error (with its line), or a template it extends, imports or includes
    by name that is not in the same folder."""
    name = path.name
    try:
        source = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"{name}: not UTF-8 at byte {err.start} [jinja2]"]
    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    try:
        tree = env.parse(source, name, str(path))
    except jinja2.TemplateSyntaxError as err:
        return [f"{name}:{err.lineno}: {err.message} [jinja2]"]
    return [
        f"{name}: names {used!r}, which is not beside it [jinja2]"
        for used in jinja2.meta.find_referenced_templates(tree)
        if used is not None and not (path.parent / used.removeprefix(BUNDLED)).is_file()
    ]
