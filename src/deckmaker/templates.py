"""Where templates come from: the bundled ones, each overridable by a file of the same name.

Templates run in Jinja2's sandbox with undefined names as errors, so a template shared by a
stranger cannot reach Python internals and a typo fails loudly instead of printing nothing.
"""

from __future__ import annotations

import traceback
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from deckmaker import filters
from deckmaker.errors import DeckmakerError

DECK_TEMPLATE = "deck.pptx"


def bundled(folder: str) -> Path:
    """A folder of package data ("templates" or "outlines").

    Installed, it sits inside the package; in a source checkout it is at the repository's top.
    """
    inside = Path(str(files("deckmaker"))) / folder
    return inside if inside.is_dir() else Path(__file__).resolve().parents[2] / folder


class Templates:
    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        if override is not None and not override.is_dir():
            raise DeckmakerError.at(
                "is not a folder of templates; check --templates", str(override)
            )
        self.folders = [p for p in (override, bundled("templates")) if p is not None]

    def path(self, name: str) -> Path:
        """The file a template name resolves to, the override folder first."""
        for folder in self.folders:
            if (folder / name).is_file():
                return folder / name
        raise DeckmakerError.at(f"template '{name}' not found", str(self.folders[0]))

    @cached_property
    def env(self) -> SandboxedEnvironment:
        env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader([str(f) for f in self.folders]),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters.update(filters.ALL)
        return env

    def render(self, name: str, **context: Any) -> str:
        with self.reporting(name):
            return self.env.get_template(name).render(**context)

    def macros(self, name: str) -> Any:
        """The template's macros as callables; calling one may raise, so call within `reporting`."""
        with self.reporting(name):
            return self.env.get_template(name).module

    def reporting(self, name: str, line: int | None = None) -> _Reporting:
        """A context that reports template errors as `DeckmakerError`s; `line`, when given,
        is where to point instead of the line Jinja's traceback names."""
        return _Reporting(self, name, line)


class _Reporting:
    """Turns any error raised inside a template into a `DeckmakerError` naming file and line."""

    def __init__(self, templates: Templates, name: str, line: int | None) -> None:
        self.templates, self.name, self.line = templates, name, line

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, err: BaseException | None, tb: Any) -> bool:
        if err is None or isinstance(err, DeckmakerError):
            return False
        if isinstance(err, jinja2.TemplateNotFound):
            raise DeckmakerError.at(
                f"template '{err.name}' not found in {', '.join(map(str, self.templates.folders))}"
            ) from None
        if isinstance(err, jinja2.TemplateSyntaxError):
            file, line = err.filename or self.name, err.lineno
        else:  # a runtime error: the innermost template frame says where
            frames = [f for f in traceback.extract_tb(tb) if _is_template(f.filename)]
            file = frames[-1].filename if frames else str(self.templates.path(self.name))
            line = self.line or (frames[-1].lineno if frames else None)
        if not isinstance(err, jinja2.TemplateError | ArithmeticError | TypeError | ValueError):
            return False  # not the template's fault: a bug of ours, let it surface
        message = str(getattr(err, "message", None) or err)
        raise DeckmakerError.at(f"template error: {message}", file, line) from None


def _is_template(filename: str) -> bool:
    return filename.endswith((".j2", ".jinja", ".md", ".txt"))
