"""The Python API: build a talk, or plan it, from a notebook or another program.

    >>> import deckmaker
    >>> built = deckmaker.build("talk.yaml", theme="dark", formats=("md", "srt"))
    >>> built.artifacts["deck"].name, len(built.artifacts["deck"].data) > 0
    ('talk.pptx', True)

Everything is rendered in memory; files are written only into `out_dir`, when one is given, and
only once everything rendered. Every mistake raises `DeckmakerError`, whose `problems` each name
the file, line and field, as the command line prints them. The command line is a thin layer over
these two functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckmaker.errors import DeckmakerError
from deckmaker.formats import DEFAULT_FORMAT, FORMATS
from deckmaker.options import Options, specs
from deckmaker.pipeline import ARTIFACTS, Artifact, Built, render, write
from deckmaker.planning import Plan
from deckmaker.textfile import refuse_special

if TYPE_CHECKING:
    from deckmaker.narration.speak import Progress

__all__ = ["Artifact", "Built", "DeckmakerError", "Options", "Plan", "build", "plan"]

KINDS = ("deck", "script")


def build(
    source: str | Path,
    out_dir: str | Path | None = None,
    *,
    only: tuple[str, ...] = ARTIFACTS,
    formats: tuple[str, ...] = (DEFAULT_FORMAT,),
    progress: Progress[Any] | None = None,
    **options: Any,
) -> Built:
    """Build the talk in `source` (an outline, .yaml/.yml, or an essay, .txt/.md/.markdown).

    Returns a `Built`: `plan`, the `Plan` the artifacts were rendered from; `artifacts`, each
    rendered file by kind ("deck", "script" for the Markdown script, then one per other format
    `formats` asks for) as an `Artifact` with its file `name` and its `data` (bytes);
    `warnings`, lines worth showing a user; `files`, where each artifact was written (empty
    unless `out_dir` is given); `read`, the files the build read.

    `only` picks "deck" and/or "script"; `formats` the script's formats (default: Markdown).
    `progress` shows the work of the spoken formats (see `deckmaker.narration.speak.Progress`).
    The other keyword arguments are the options of `deckmaker build` (see `Options`), checked
    as the command line checks them:
    """
    path = _source(source)
    _check(only, formats)
    built = render(
        path, tuple(only), formats=tuple(formats), options=Options.of(options), progress=progress
    )
    return write(built, Path(out_dir)) if out_dir is not None else built


def plan(source: str | Path, **options: Any) -> Plan:
    """Plan the talk in `source` without rendering it: the slides, what is said over each and
    the timings, every check a build makes (as `deckmaker validate`). Takes the options of
    `build` but `only` and `formats`:
    """
    from deckmaker.pipeline import plan_outline

    path = _source(source)
    return plan_outline(path, Options.of(options))[0]


def _source(source: str | Path) -> Path:
    if not isinstance(source, (str, Path)):
        raise DeckmakerError.at(
            f"is a {type(source).__name__}; give the path of an outline or an essay",
            field="source",
        )
    path = Path(source)
    refuse_special(path, "give the path of an outline or an essay")
    if not path.is_file():
        raise DeckmakerError.at("no such file; check the path", str(path))
    return path


def _check(only: tuple[str, ...], formats: tuple[str, ...]) -> None:
    """Mistakes Python would only report as a TypeError deep inside, said as the CLI says them."""
    for field, given, allowed in (("only", only, KINDS), ("formats", formats, tuple(FORMATS))):
        if isinstance(given, str) or not given or any(g not in allowed for g in given):
            raise DeckmakerError.at(
                f"is {given!r}; give a tuple of one or more of {', '.join(allowed)}", field=field
            )


def _listed() -> str:
    """The options, for the docstrings: each one's name, its flag and its help."""
    return "".join(f"\n    - `{name}` ({s.flag}): {s.help_text()}" for name, s in specs())


build.__doc__ = f"{build.__doc__}{_listed()}\n"
plan.__doc__ = f"{plan.__doc__}{_listed()}\n"
