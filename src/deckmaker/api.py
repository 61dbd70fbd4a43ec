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

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckmaker.errors import DeckmakerError
from deckmaker.pipeline import ARTIFACTS, Artifact, Built, Choices, render, write
from deckmaker.planning import Plan

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["Artifact", "Built", "Choices", "DeckmakerError", "Plan", "build", "plan"]

KINDS = ("deck", "script")


def build(
    source: str | Path,
    out_dir: str | Path | None = None,
    *,
    only: tuple[str, ...] = ARTIFACTS,
    formats: tuple[str, ...] = ("md",),
    **choices: Unpack[Choices],
) -> Built:
    """Build the talk in `source` (an outline, .yaml/.yml, or an essay, .txt/.md/.markdown).

    Returns a `Built`: `plan`, the `Plan` the artifacts were rendered from; `artifacts`, each
    rendered file by kind ("deck", "script" for the Markdown script, then "txt", "html", "srt",
    "chapters", "show-notes", "dialogue" as `formats` asks) as an `Artifact` with its file
    `name` and its `data` (bytes); `warnings`, lines worth showing a user; `files`, where each
    artifact was written (empty unless `out_dir` is given); `read`, the files the build read.

    `only` picks "deck" and/or "script"; `formats` the script's formats (default: Markdown).
    The other options are those of `deckmaker build`: `templates_dir` (--templates), `theme`
    (a shipped theme's name or a .pptx/.potx), `wpm`, `voice`, `target` (seconds),
    `curly_quotes`, `max_slide_seconds` (--max-slide-seconds), `reveal` and `allow_outside`
    (--allow-outside: the outline's `image:` and `theme:` may name files outside its folder).
    """
    path = _source(source)
    _check(only, formats, choices)
    built = render(path, tuple(only), formats=tuple(formats), **_paths(choices))
    return write(built, Path(out_dir)) if out_dir is not None else built


def plan(source: str | Path, **choices: Unpack[Choices]) -> Plan:
    """Plan the talk in `source` without rendering it: the slides, what is said over each and
    the timings, every check a build makes (as `deckmaker validate`). Takes the options of
    `build` but `only` and `formats`."""
    from deckmaker.pipeline import plan_outline

    path = _source(source)
    _check(KINDS, ("md",), choices)
    return plan_outline(path, **_paths(choices))[0]


def _source(source: str | Path) -> Path:
    if not isinstance(source, (str, Path)):
        raise DeckmakerError.at(
            f"is a {type(source).__name__}; give the path of an outline or an essay",
            field="source",
        )
    path = Path(source)
    if not path.is_file():
        raise DeckmakerError.at("no such file; check the path", str(path))
    return path


def _check(only: tuple[str, ...], formats: tuple[str, ...], choices: Any) -> None:
    """Mistakes Python would only report as a TypeError deep inside, said as the CLI says them."""
    from deckmaker.render.script import FORMATS

    known = Choices.__annotations__
    for name in choices:
        if name not in known:
            near = difflib.get_close_matches(name, known, 1)
            hint = f"did you mean '{near[0]}'?" if near else f"the options are {', '.join(known)}"
            raise DeckmakerError.at(f"unknown option; {hint}", field=name)
    for field, given, allowed in (("only", only, KINDS), ("formats", formats, tuple(FORMATS))):
        if isinstance(given, str) or not given or any(g not in allowed for g in given):
            raise DeckmakerError.at(
                f"is {given!r}; give a tuple of one or more of {', '.join(allowed)}", field=field
            )


def _paths(choices: Any) -> Choices:
    """Paths may come as strings from Python; the pipeline takes `Path`s."""
    given = dict(choices)
    if isinstance(given.get("templates_dir"), str):
        given["templates_dir"] = Path(given["templates_dir"])
    return given  # type: ignore[return-value]
