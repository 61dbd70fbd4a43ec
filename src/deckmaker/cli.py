"""The command line. The only place that prints, and that turns errors into exit statuses."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from deckmaker import __version__
from deckmaker.errors import DeckmakerError

EXIT_USER_ERROR = 2
EXIT_BUG = 1

_outline_arg = click.argument(
    "outline", required=False, type=click.Path(path_type=Path, dir_okay=False)
)
_templates_option = click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path),
    help="Folder of your own templates (script.md.j2, voice.j2, ...; see `deckmaker templates "
    "list`); each file there replaces the bundled one of the same name.",
)
_theme_option = click.option(
    "--theme",
    metavar="FILE|NAME",
    help="The deck's design: a .pptx or .potx file, or a shipped theme's name "
    "(see `deckmaker themes`).  [default: the outline's theme:, else light]",
)
# The script formats, as `deckmaker.render.script.FORMATS` names them (listed here so that
# --help need not import the renderers).
FORMAT_NAMES = ("md", "txt", "html", "srt", "chapters", "show-notes", "dialogue")
_voice_option = click.option(
    "--voice",
    help="The voice of the words deckmaker writes: video, talk or podcast (or a "
    "voice-NAME.j2 of yours).  [default: the outline's voice, or video]",
)


def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    from deckmaker.duration import HOW, parse_duration

    if value is None:
        return None
    seconds = parse_duration(value)
    if seconds is None:
        raise click.BadParameter(f"'{value}' is no length of time; {HOW}")
    return seconds


_target_option = click.option(
    "--target",
    callback=_duration,
    help="How long the talk should run (12m, 12:30, 90s); warns when the script runs long or "
    "short.  [default: the outline's duration]",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="deckmaker")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
def cli(debug: bool) -> None:
    """Turn one talk outline (YAML) into a PowerPoint deck with speaker notes and a recording
    script whose [SLIDE N] cues always match the deck.

    \b
    Start with:  deckmaker build            (builds the bundled La La Land example)
    Then:        deckmaker build my-talk.yaml --out build
    From prose:  deckmaker build my-essay.md, or deckmaker import my-essay.md to edit first
    """


@cli.command()
@_outline_arg
@click.option(
    "--out",
    "out_dir",
    default="build",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write OUTLINE.pptx, OUTLINE.script.md and the other formats into.",
)
@click.option(
    "--only",
    type=click.Choice(["deck", "script"]),
    help="Write just the deck or just the script (slides are planned the same either way).",
)
@_templates_option
@_theme_option
@click.option(
    "--wpm",
    type=click.IntRange(40, 400),
    help="Speaking rate for timings, in words per minute.  [default: the outline's wpm, or 150]",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(FORMAT_NAMES),
    help="A script format to write; repeat for several: md (Markdown script), txt "
    "(teleprompter text), html (teleprompter page), srt (captions), chapters (Podcasting 2.0 "
    "JSON), show-notes (description with chapters), dialogue (two hosts).  [default: md]",
)
@_voice_option
@_target_option
@click.option(
    "--curly-quotes",
    is_flag=True,
    help="Curl the quotes and apostrophes of the words said (’ “ ”), as the slides' are.  "
    "[default: the outline's curly_quotes, else straight]",
)
def build(
    outline: Path | None,
    out_dir: Path,
    only: str | None,
    templates_dir: Path | None,
    theme: str | None,
    wpm: int | None,
    formats: tuple[str, ...],
    voice: str | None,
    target: int | None,
    curly_quotes: bool,
) -> None:
    """Build the deck and the script from OUTLINE (default: the bundled La La Land example).
    OUTLINE may also be an essay (.txt, .md), imported in memory as `deckmaker import` would."""
    from deckmaker.build import ARTIFACTS, example_outline
    from deckmaker.build import build as run_build
    from deckmaker.filters import clock

    with _reported():
        built = run_build(
            outline or example_outline(),
            out_dir,
            (only,) if only else ARTIFACTS,
            templates_dir,
            wpm,
            theme=theme,
            formats=formats or ("md",),
            voice=voice,
            target=target,
            curly_quotes=curly_quotes,
        )
    plan = built.plan
    for kind, path in built.files.items():
        if kind == "deck":
            click.echo(f"Wrote {path} ({len(plan.slides)} slides, notes on each)")
        elif kind == "script":
            click.echo(f"Wrote {path} ({plan.words} words to say)")
        else:
            click.echo(f"Wrote {path}")
    click.echo(f"The talk runs about {clock(plan.total_seconds)} at {plan.wpm} words per minute.")
    _warn(built.warnings)


@cli.command()
@click.argument("outline", type=click.Path(path_type=Path, dir_okay=False))
@_templates_option
@_theme_option
@_voice_option
@_target_option
def validate(
    outline: Path,
    templates_dir: Path | None,
    theme: str | None,
    voice: str | None,
    target: int | None,
) -> None:
    """Check OUTLINE, and that its slides can be laid out in the theme, listing every mistake
    with its line; writes nothing."""
    from deckmaker.build import plan_outline, warnings
    from deckmaker.filters import clock
    from deckmaker.plan import Kind

    with _reported():
        plan, templates, loaded = plan_outline(
            outline, templates_dir, theme=theme, voice=voice, target=target
        )
    sections = sum(1 for part in plan.parts if part.kind is Kind.SECTION)
    click.echo(
        f"{outline}: OK, {sections} sections, {len(plan.slides)} slides, "
        f"about {clock(plan.total_seconds)} at {plan.wpm} words per minute"
    )
    _warn(warnings(plan, templates, loaded))


@cli.group()
def templates() -> None:
    """The bundled templates: list them, or copy them out to change them."""


@templates.command("list")
def list_templates() -> None:
    """Each bundled template and what it controls."""
    from deckmaker.catalog import catalog

    for name, about in catalog():
        click.echo(f"{name:<22} {about}")


@templates.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--force", is_flag=True, help="Replace files of the same name already there.")
def export(folder: Path, force: bool) -> None:
    """Copy the bundled templates into FOLDER to edit them; then build with --templates FOLDER."""
    from deckmaker.catalog import export_templates

    with _reported():
        written = export_templates(folder, force)
    for path in written:
        click.echo(f"Wrote {path}")
    click.echo(f"Edit them, then: deckmaker build --templates {folder}")


def _warn(warnings: tuple[str, ...] | list[str]) -> None:
    """Things worth saying that do not stop the build: one line each, exit status 0."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


@cli.command("import")
@click.argument("essay", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to write the outline.  [default: ESSAY's name with .yaml, beside it]",
)
@click.option("--force", is_flag=True, help="Replace the outline if it exists.")
def import_(essay: Path, out: Path | None, force: bool) -> None:
    """Turn ESSAY (.txt or .md) into an outline you can read, edit and build: its prose becomes
    the script word for word, with key points extracted from its own sentences."""
    from deckmaker.build import import_to_outline

    with _reported():
        imported = import_to_outline(essay, out, force)
    outline = imported.outline
    segments = [s for s in (outline.intro, *outline.sections) if s]
    points = sum(len(s.points) for s in segments)
    sections = len(outline.sections)
    click.echo(
        f"Wrote {imported.path} ({sections} section{'s' * (sections != 1)}, {points} points); "
        f"check the points, then: deckmaker build {imported.path}"
    )


@cli.command()
def themes() -> None:
    """List the shipped themes, one per line, name first; pass a name to --theme."""
    from deckmaker.render.shipped import DEFAULT_THEME, shipped

    for name, path in shipped().items():
        note = "  (default)" if name == DEFAULT_THEME else ""
        click.echo(f"{name}\t{path}{note}")


@cli.command()
@_outline_arg
@click.option(
    "--out",
    "out_dir",
    default="build/preview",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write the slide PNGs and the contact sheet into.",
)
@_templates_option
@_theme_option
def preview(
    outline: Path | None, out_dir: Path, templates_dir: Path | None, theme: str | None
) -> None:
    """Draw every slide of OUTLINE's deck as a PNG, plus one contact sheet of them all
    (needs LibreOffice Impress and poppler's pdftoppm)."""
    from deckmaker.build import example_outline
    from deckmaker.build import preview as run_preview

    with _reported():
        built = run_preview(outline or example_outline(), out_dir, templates_dir, theme)
    _warn(built.warnings)
    slides = len(built.files) - 1
    click.echo(f"Wrote {slides} slide pictures to {out_dir}")
    click.echo(f"Wrote the contact sheet {built.files['sheet']}")


@contextmanager
def _reported() -> Iterator[None]:
    """Print a user's mistake as one line per problem and exit 2; a bug of ours as one line and
    exit 1. A traceback only with --debug."""
    try:
        yield
    except DeckmakerError as err:
        for problem in err.problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except Exception as err:
        if click.get_current_context().find_root().params.get("debug"):
            raise
        click.echo(
            f"error: internal error ({type(err).__name__}: {err}). This is a bug in deckmaker; "
            "please report it with the output of the same command run with --debug.",
            err=True,
        )
        sys.exit(EXIT_BUG)


def main() -> None:
    # A build makes millions of small objects and frees few of them before it ends: looking for
    # garbage every 700 new objects (Python's default) walks an ever larger heap, a tenth of a
    # long deck's time. What is imported by now stays for good; look for garbage less often.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        cli(prog_name="deckmaker")
    finally:
        # On its way out the interpreter collects garbage once more, walking every object the
        # run made only to free it anyway: tens of milliseconds of a small build.
        gc.freeze()
