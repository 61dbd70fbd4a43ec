"""The command line. The only place that prints, and that turns errors into exit statuses."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import io
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

import click

from deckmaker import signals
from deckmaker.errors import DeckmakerError
from deckmaker.formats import DEFAULT_FORMAT, FORMATS
from deckmaker.options import Flag, Kind, Options, specs
from deckmaker.signals import EXIT_SIGNALLED, Interrupted, stopped, terminated

if TYPE_CHECKING:
    from deckmaker.pipeline import Built

EXIT_USER_ERROR = 2
EXIT_BUG = 1
EXIT_FINDINGS = 1  # `deckmaker check` found something to fix
EXIT_CLOSED_PIPE = 141  # as a shell reports a program its closed output pipe ended (128 + 13)
# a bug of ours while checking: never 1, which `deckmaker check` keeps for findings
EXIT_CHECK_BUG = 3
# Names of files, not folders: `--out talk.pptx` is a mistake (--out names a folder), never a
# folder to create.
FILE_SUFFIXES = (
    ".pptx", ".potx", ".ppt", ".odp", ".key", ".pdf", ".md", ".markdown", ".txt", ".html",
    ".htm", ".srt", ".json", ".yaml", ".yml", ".png", ".jpg", ".jpeg",
)  # fmt: skip

# Paths a user gives are checked by deckmaker's readers, not click, so a folder or a file that
# cannot be read gets the same one line as every other mistake.
_outline_arg = click.argument("outline", required=False, type=click.Path(path_type=Path))


class _Kind(click.ParamType):
    """An option's kind of value (`deckmaker.options`), read from the command line's text with
    the same rules and messages as the API's keyword arguments."""

    def __init__(self, kind: Kind) -> None:
        self.kind = kind
        self.name = (kind.metavar or "value").lower()

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.kind.parse(value)
        except ValueError as err:
            self.fail(str(err), param, ctx)


def _option(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """One option of `deckmaker.options.Options`, declared there."""
    spec = dict(specs())[name]
    if isinstance(spec.kind, Flag):
        return click.option(spec.flag, name, is_flag=True, help=spec.help_text())
    return click.option(
        spec.flag, name, type=_Kind(spec.kind), metavar=spec.kind.metavar, help=spec.help_text()
    )


def _planning_options(command: Callable[..., None]) -> Callable[..., None]:
    """Every option of `deckmaker.options.Options`, the same on every command that plans: build
    (and so watch), validate and preview plan a talk alike."""
    for name, _ in reversed(list(specs())):
        command = _option(name)(command)
    return command


class _Reporting(click.Group):
    """Reports what any command raises, in one place: a user's mistake (`DeckmakerError`) as one
    line per problem and exit 2; a bug of ours as one line and exit 1 (3 for `check`, whose 1
    says it found something), its traceback only with --debug."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as err:  # deckmaker's own options: `deckmaker --nosuch`
            _misused(err)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DeckmakerError as err:
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_USER_ERROR)
        except click.UsageError as err:  # a command or an option misspelt, a value refused
            _misused(err)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click's own: --help, --version
        except BrokenPipeError:  # what reads the output stopped reading (`| head`): say no more
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_CLOSED_PIPE)
        except Exception as err:
            if ctx.params.get("debug"):
                raise
            click.echo(
                f"error: internal error ({type(err).__name__}: {err}). This is a bug in "
                "deckmaker; please report it with the output of the same command run with --debug.",
                err=True,
            )
            sys.exit(EXIT_CHECK_BUG if ctx.invoked_subcommand == "check" else EXIT_BUG)


# click 8.2 asks for help by a usage error of its own; earlier ones print it themselves
_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _misused(err: click.UsageError) -> NoReturn:
    """A mistake on the command line, as one line like every other (click says it in four:
    the usage, a hint, a blank line, the error), with where to read how it goes. A bare
    `deckmaker` (or group) is no mistake: click shows its help."""
    if isinstance(err, _HELP):
        raise err
    said = " ".join(err.format_message().split())
    command = err.ctx.command_path if err.ctx else "deckmaker"
    said = f"{said[:1].lower()}{said[1:]}".rstrip(".")
    click.echo(f"error: {said} (see `{command} --help`)", err=True)
    sys.exit(EXIT_USER_ERROR)


@click.group(cls=_Reporting, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(None, "-V", "--version", package_name="deckmaker", prog_name="deckmaker")
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
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="build",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder to write OUTLINE.pptx, OUTLINE.script.md and the other formats into.",
)
@click.option(
    "--only",
    type=click.Choice(["deck", "script"]),
    help="Write just the deck or just the script (slides are planned the same either way).",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(tuple(FORMATS)),
    help="A script format to write; repeat for several: "
    + "; ".join(
        f"{f.name}, {f.about}" + (f" (needs deckmaker[{f.extra}])" if f.extra else "")
        for f in FORMATS.values()
    )
    + f".  [default: {DEFAULT_FORMAT}]",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1),
    help="With several inputs: how many to build at once, each in a process of its own "
    "(1: one after another, in this one).  [default: the number of cores]",
)
@_planning_options
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    only: str | None,
    formats: tuple[str, ...],
    jobs: int | None,
    **given: Any,
) -> None:
    """Build the deck and the script from INPUTS (default: the bundled La La Land example).
    An input is an outline (.yaml) or an essay (.txt, .md), imported in memory as `deckmaker
    import` would; several inputs, or a folder of them, are built in parallel."""
    import deckmaker
    from deckmaker.pipeline import ARTIFACTS, example_outline

    picked = ((only,) if only else ARTIFACTS, formats or (DEFAULT_FORMAT,))
    _check_out(out_dir)
    if len(inputs) > 1 or (inputs and inputs[0].is_dir()):
        _build_many(inputs, out_dir, jobs, picked, Options(**given))
        return
    source = inputs[0] if inputs else example_outline()
    built = deckmaker.build(
        source, out_dir, only=picked[0], formats=picked[1], progress=_progress, **given
    )
    _say_built(built)
    _warn(built.warnings)


@contextmanager
def _progress(items: list[Any], label: str) -> Iterator[Iterable[Any]]:
    """A progress bar on a terminal (on stderr); elsewhere the items, silently."""
    if not sys.stderr.isatty():
        yield items
        return
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield bar


def _say_built(built: Built) -> None:
    from deckmaker.filters import clock

    plan = built.plan
    for kind, path in built.files.items():
        if kind == "deck":
            click.echo(f"Wrote {path} ({len(plan.slides)} slides, notes on each)")
        elif kind == "script":
            click.echo(f"Wrote {path} ({plan.words} words to say)")
        else:
            click.echo(f"Wrote {path}")
    if plan.clock:
        click.echo(f"The talk runs {clock(plan.total_seconds)} as {plan.clock_voices} speaks it.")
    else:
        click.echo(
            f"The talk runs about {clock(plan.total_seconds)} at {plan.wpm} words per minute."
        )


def _build_many(
    inputs: tuple[Path, ...],
    out_dir: Path,
    jobs: int | None,
    picked: tuple[tuple[str, ...], tuple[str, ...]],
    options: Options,
) -> None:
    """Build every input, in parallel; then say what each wrote, in the order given, and sum
    up. One that fails does not stop the others; the exit status says that any failed."""
    from deckmaker.batch import Outcome, build_many, sources

    talks = sources(inputs)
    # A progress bar only for a person watching: not in a log, a pipe or a test.
    show = sys.stderr.isatty() and len(talks) > 1
    with click.progressbar(
        length=len(talks), label="Building", file=sys.stderr if show else io.StringIO()
    ) as bar:

        def done(outcome: Outcome) -> None:
            bar.update(1)

        only, formats = picked
        try:
            outcomes = build_many(
                talks, out_dir, jobs, done, only=only, formats=formats, options=options
            )
        except (KeyboardInterrupt, Interrupted) as stop:
            number = stop.number if isinstance(stop, Interrupted) else signal.SIGINT
            if show and number != signal.SIGINT:
                click.echo(err=True)  # below the bar (after a ^C, stopped sees to it)
            stopped(
                number,
                "each talk's outputs are whole, its previous set or its new one; the rest were "
                "not built",
            )
    failed = [o for o in outcomes if o.built is None]
    for outcome in outcomes:
        if outcome.built is not None:
            _say_built(outcome.built)
            _warn(tuple(f"{outcome.source}: {w}" for w in outcome.built.warnings))
    click.echo(
        f"Built {len(outcomes) - len(failed)} of {len(outcomes)} talks into {out_dir}"
        + (f"; {len(failed)} failed:" if failed else ".")
    )
    for outcome in failed:
        for problem in outcome.problems:
            click.echo(f"error: {problem}", err=True)
    if failed:
        sys.exit(EXIT_BUG if any(o.bug for o in failed) else EXIT_USER_ERROR)


@cli.command()
@click.argument("source", required=False, type=click.Path(path_type=Path))
def watch(
    source: Path | None, out_dir: Path, only: str | None, formats: tuple[str, ...], **given: Any
) -> None:
    """Build SOURCE (default: the bundled example), then build it again whenever it changes, or
    a picture it shows, its theme, or a template in --templates: one line per build, with how
    long it took. A save that breaks the outline prints the error and leaves the last good
    outputs in place. Ctrl-C stops."""
    import time

    from deckmaker.filters import clock
    from deckmaker.pipeline import ARTIFACTS, example_outline
    from deckmaker.watch import Event, Failed
    from deckmaker.watch import watch as run_watch

    def report(event: Event) -> None:
        changed = ", ".join(p.name for p in event.changed)
        when = time.strftime("%H:%M:%S ") + (f"{changed} changed: " if changed else "")
        if isinstance(event, Failed):
            for problem in event.error.problems:
                click.echo(f"error: {problem}", err=True)
            click.echo(f"{when}not rebuilt; the last good outputs stay. Waiting for a fix…")
            return
        plan = event.built.plan
        files = ", ".join(str(p) for p in event.built.files.values())
        click.echo(
            f"{when}wrote {files} in {event.seconds * 1000:.0f} ms "
            f"({len(plan.slides)} slides, {clock(plan.total_seconds)})"
        )
        _warn(event.built.warnings)

    source = source or example_outline()
    if not source.is_file():  # a typo is no file to wait for: say what is wrong, as build does
        from deckmaker.readers import read_talk

        read_talk(source)
    _check_out(out_dir)
    click.echo(f"Watching {source} and what it uses; Ctrl-C to stop.")
    # Ctrl-C is how a watch ends: quietly, exit status 0, while waiting or during a build (whose
    # outputs are a whole set, old or new). SIGTERM, from outside, ends it the same way, with
    # 143 as any other command.
    with suppress(KeyboardInterrupt, Interrupted):
        run_watch(
            source,
            out_dir,
            report,
            only=(only,) if only else ARTIFACTS,
            formats=formats or (DEFAULT_FORMAT,),
            options=Options(**given),
        )
    click.echo("Stopped watching.")
    if terminated():
        sys.exit(EXIT_SIGNALLED + signal.SIGTERM)


# The same options as build (but -j): one place to add an option to both.
watch.params += [p for p in build.params if p.name not in ("inputs", "jobs")]


@cli.command()
@click.argument("outline", type=click.Path(path_type=Path))
@_planning_options
def validate(outline: Path, **given: Any) -> None:
    """Check OUTLINE, and that its slides can be laid out in the theme, listing every mistake
    with its line; writes nothing."""
    from deckmaker.filters import clock
    from deckmaker.pipeline import plan_outline, warnings
    from deckmaker.planning import Kind

    plan, templates, loaded = plan_outline(outline, Options(**given))
    sections = sum(1 for part in plan.parts if part.kind is Kind.SECTION)
    click.echo(
        f"{outline}: OK, {sections} section{'s' * (sections != 1)}, {len(plan.slides)} slides, "
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
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace files of the same name already there.")
def export(folder: Path, force: bool) -> None:
    """Copy the bundled templates into FOLDER to edit them; then build with --templates FOLDER."""
    from deckmaker.catalog import export_templates

    written = export_templates(folder, force)
    for path in written:
        click.echo(f"Wrote {path}")
    click.echo(f"Edit them, then: deckmaker build --templates {folder}")


def _warn(warnings: tuple[str, ...] | list[str]) -> None:
    """Things worth saying that do not stop the build: one line each, exit status 0."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


@cli.command("import")
@click.argument("essay", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(path_type=Path),
    help="Where to write the outline.  [default: ESSAY's name with .yaml, beside it]",
)
@click.option("--force", is_flag=True, help="Replace the outline if it exists.")
@_option("target")
@_option("wpm")
def import_(
    essay: Path, out: Path | None, force: bool, target: int | None, wpm: int | None
) -> None:
    """Turn ESSAY (.txt or .md) into an outline you can read, edit and build: its prose becomes
    the script word for word, with key points extracted from its own sentences. With --target,
    a longer essay is condensed to that length, each part's paragraphs left out kept under
    `left_out:` to put back by hand."""
    from deckmaker.options import Options
    from deckmaker.pipeline import import_to_outline

    imported = import_to_outline(essay, out, force, Options(target=target, wpm=wpm))
    _warn(imported.outline.warnings)
    outline = imported.outline
    segments = [s for s in (outline.intro, *outline.sections) if s]
    points = sum(len(s.points) for s in segments)
    sections = len(outline.sections)
    click.echo(
        f"Wrote {imported.path} ({sections} section{'s' * (sections != 1)}, "
        f"{points} point{'s' * (points != 1)}); check the points, then: "
        f"deckmaker build {imported.path}"
    )


@cli.command()
@click.argument("theme", required=False, metavar="[FILE]")
def themes(theme: str | None) -> None:
    """List the shipped themes, one per line, name first; pass a name to --theme. With FILE
    (a .pptx or .potx, or a shipped theme's name): what deckmaker makes of it, one line each:
    the layout each kind of slide is set on, its fonts (installed, or what stands in), its
    colours, and each problem it has."""
    from deckmaker.theme.shipped import DEFAULT_THEME, shipped, theme_path

    if theme is None:
        for name, path in shipped().items():
            note = "  (default)" if name == DEFAULT_THEME else ""
            click.echo(f"{name}\t{path}{note}")
        return
    from deckmaker.theme.explain import explain_theme

    for line in explain_theme(theme_path(theme)):
        click.echo(line)


@cli.command()
def voices() -> None:
    """List the voices that can read a script aloud here (--format audio), one per line:
    name, engine, language, about. Name them in the outline's `voices:`."""
    from deckmaker.narration.engines import INSTALL, voices

    found = voices()
    if not found:
        raise DeckmakerError.at(INSTALL)
    for voice in found:
        click.echo(f"{voice.name}\t{voice.engine}\t{voice.language}\t{voice.about}")


@cli.command()
@_outline_arg
@click.option(
    "--out",
    "out_dir",
    default="build/preview",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder to write the slide PNGs and the contact sheet into.",
)
@_planning_options
def preview(outline: Path | None, out_dir: Path, **given: Any) -> None:
    """Draw every slide of OUTLINE's deck as a PNG, plus one contact sheet of them all
    (needs LibreOffice Impress and poppler's pdftoppm)."""
    from deckmaker.pipeline import example_outline
    from deckmaker.pipeline import preview as run_preview

    _check_out(out_dir)
    built = run_preview(outline or example_outline(), out_dir, Options(**given))
    _warn(built.warnings)
    slides = len(built.files) - 1
    click.echo(f"Wrote {slides} slide pictures to {out_dir}")
    click.echo(f"Wrote the contact sheet {built.files['sheet']}")


@cli.command()
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the schema to this file (its name ends in .json) instead of printing it.",
)
def schema(out: Path | None) -> None:
    """Print the outline format as a JSON Schema (draft-07), for editors to check and complete
    outlines with (VS Code's YAML extension and others): save it beside your outlines, and start
    each outline with the line that names it.

    \b
      deckmaker schema -o outline.schema.json
      # yaml-language-server: $schema=outline.schema.json
    """
    from deckmaker.schema import modeline, outline_schema, write_schema

    if out is None:
        click.echo(outline_schema(), nl=False)
        return
    write_schema(out)
    click.echo(f"Wrote {out}; start each outline beside it with this line:")
    click.echo(modeline(out.name))


@cli.command()
@click.argument("decks", nargs=-1, required=True, type=click.Path(path_type=Path))
def check(decks: tuple[Path, ...]) -> None:
    """Check the accessibility of DECKS (.pptx, made by deckmaker or not) as PowerPoint's
    Accessibility Checker would, from the file alone: alt text, slide titles (missing or the
    same twice), reading order, text contrast (WCAG 2.2: 4.5:1, 3:1 for large text), table
    header rows, the text's language, text outside the slide. One line per finding, with the
    slide and what to do.

    \b
    Exit status: 0 nothing found, 1 findings, 2 a deck cannot be read, 3 a bug in deckmaker
    (said in one line, never as findings).
    """
    from deckmaker.check import check_deck

    found = 0
    for deck in decks:
        findings = check_deck(deck)
        for finding in findings:
            click.echo(f"{deck}: {finding}")
        found += len(findings)
        if not findings:
            click.echo(f"{deck}: nothing found")
    if found:
        sys.exit(EXIT_FINDINGS)


def _check_out(out_dir: Path) -> None:
    """--out names a folder: an existing file, or a name a file would have, is refused before
    anything is built (an existing folder with such a name is the user's, and is used)."""
    if out_dir.is_dir():
        return
    if out_dir.exists():
        raise DeckmakerError.at(
            "is a file; --out names the folder to write into, such as --out build", str(out_dir)
        )
    if out_dir.suffix.lower() in FILE_SUFFIXES:
        raise DeckmakerError.at(
            "looks like a file's name, but --out names the folder to write into (the files "
            "are named after the input); give a folder, such as --out build",
            str(out_dir),
        )


# Modules python-pptx imports on load but a build rarely uses, loaded on first use instead:
# `import pptx` loads `xml.sax.saxutils` for its `escape`, and saxutils loads `urllib.request`
# (with `http.client`, `email` and `ssl`), which python-pptx never uses: about a sixth of a
# build's start-up. PIL's `Image` is needed only for a slide with a picture. Only the command
# line does this, being the whole process; a library must leave its host's modules alone.
DEFERRED = ("urllib.request", "PIL.Image")


class _StandIn(ModuleType):
    """In `sys.modules` for a deferred module until something is looked up on it, then replaced
    by the real one (`importlib.util.LazyLoader` cannot do this for a module that a package
    imports as a side effect of its own imports)."""

    def __getattr__(self, name: str) -> Any:
        if isinstance(sys.modules.get(self.__name__), _StandIn):
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)  # rebinds it on its parent


def defer_unused() -> None:
    """Put a stand-in in place of each module in DEFERRED not yet loaded (and installed)."""
    for name in DEFERRED:
        if name in sys.modules:
            continue
        parent_name, _, child = name.rpartition(".")
        try:
            parent = importlib.import_module(parent_name)
            spec = importlib.util.find_spec(name)
        except ImportError:
            continue
        if spec is None:
            continue
        stand_in = _StandIn(name)
        stand_in.__spec__ = spec  # so find_spec still answers as it would
        sys.modules[name] = stand_in
        setattr(parent, child, stand_in)


def main() -> None:
    defer_unused()
    signals.install()
    # A build makes millions of small objects and frees few of them before it ends: looking for
    # garbage every 700 new objects (Python's default) walks an ever larger heap, a tenth of a
    # long deck's time. What is imported by now stays for good; look for garbage less often.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        try:
            cli(prog_name="deckmaker")
        finally:
            signals.ignore()
    except Interrupted as stop:
        stopped(stop.number)
    finally:
        # On its way out the interpreter collects garbage once more, walking every object the
        # run made only to free it anyway: tens of milliseconds of a small build.
        gc.freeze()
