"""The command line. The only place that prints, and that turns errors into exit statuses."""

from __future__ import annotations

import gc
import importlib
import importlib.util
import io
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType, ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

import click

from deckmaker.errors import DeckmakerError

if TYPE_CHECKING:
    from deckmaker.pipeline import Built

EXIT_USER_ERROR = 2
EXIT_BUG = 1
# Stopped by a signal: 128 + its number, as shells report it (130 for Ctrl-C, 143 for SIGTERM).
EXIT_SIGNALLED = 128
# Names of files, not folders: `--out talk.pptx` is a mistake (--out names a folder), never a
# folder to create.
FILE_SUFFIXES = (
    ".pptx", ".potx", ".ppt", ".odp", ".key", ".pdf", ".md", ".markdown", ".txt", ".html",
    ".htm", ".srt", ".json", ".yaml", ".yml", ".png", ".jpg", ".jpeg",
)  # fmt: skip

# Paths a user gives are checked by deckmaker's readers, not click, so a folder or a file that
# cannot be read gets the same one line as every other mistake.
_outline_arg = click.argument("outline", required=False, type=click.Path(path_type=Path))
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
_wpm_option = click.option(
    "--wpm",
    type=click.IntRange(40, 400),
    help="Speaking rate for timings, in words per minute.  [default: the outline's wpm, or 150]",
)
_curly_option = click.option(
    "--curly-quotes",
    is_flag=True,
    help="Curl the quotes and apostrophes of the words said (’ “ ”), as the slides' are.  "
    "[default: the outline's curly_quotes, else straight]",
)
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

_pace_option = click.option(
    "--max-slide-seconds",
    type=click.IntRange(10, 600),
    help="The longest a slide stays up, in seconds; longer stretches continue on further "
    "slides.  [default: the outline's pace, or 75]",
)
_reveal_option = click.option(
    "--reveal",
    is_flag=True,
    help="Show each bullet on a click, when it is said; the script marks the spot [CLICK].  "
    "[default: the outline's reveal, else off]",
)
_outside_option = click.option(
    "--allow-outside",
    is_flag=True,
    help="Let the outline's image: and theme: name files outside its folder (through ../, an "
    "absolute path or a link); only for an outline you trust.",
)


def _planning_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that change the plan (`pipeline.Choices`), the same on every command that
    plans: build (and so watch), validate and preview plan a talk alike."""
    for option in reversed(
        (_templates_option, _theme_option, _wpm_option, _voice_option, _target_option,
         _curly_option, _pace_option, _reveal_option, _outside_option)
    ):  # fmt: skip
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    type=click.Choice(FORMAT_NAMES),
    help="A script format to write; repeat for several: md (Markdown script), txt "
    "(teleprompter text), html (teleprompter page), srt (captions), chapters (Podcasting 2.0 "
    "JSON), show-notes (description with chapters), dialogue (two hosts).  [default: md]",
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
    **choices: Any,
) -> None:
    """Build the deck and the script from INPUTS (default: the bundled La La Land example).
    An input is an outline (.yaml) or an essay (.txt, .md), imported in memory as `deckmaker
    import` would; several inputs, or a folder of them, are built in parallel."""
    import deckmaker
    from deckmaker.pipeline import ARTIFACTS, example_outline

    picked = ((only,) if only else ARTIFACTS, formats or ("md",))
    with _reported():
        _check_out(out_dir)
    if len(inputs) > 1 or (inputs and inputs[0].is_dir()):
        _build_many(inputs, out_dir, jobs, picked, choices)
        return
    with _reported():
        source = inputs[0] if inputs else example_outline()
        built = deckmaker.build(source, out_dir, only=picked[0], formats=picked[1], **choices)
    _say_built(built)
    _warn(built.warnings)


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
    click.echo(f"The talk runs about {clock(plan.total_seconds)} at {plan.wpm} words per minute.")


def _build_many(
    inputs: tuple[Path, ...],
    out_dir: Path,
    jobs: int | None,
    picked: tuple[tuple[str, ...], tuple[str, ...]],
    choices: dict[str, Any],
) -> None:
    """Build every input, in parallel; then say what each wrote, in the order given, and sum
    up. One that fails does not stop the others; the exit status says that any failed."""
    from deckmaker.batch import Outcome, build_many, sources

    with _reported():
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
            outcomes = build_many(talks, out_dir, jobs, done, only=only, formats=formats, **choices)
        except (KeyboardInterrupt, Interrupted) as stop:
            number = stop.number if isinstance(stop, Interrupted) else signal.SIGINT
            if show and number != signal.SIGINT:
                click.echo(err=True)  # below the bar (after a ^C, _stopped sees to it)
            _stopped(
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
    source: Path | None, out_dir: Path, only: str | None, formats: tuple[str, ...], **choices: Any
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
    with _reported():
        if not source.is_file():  # a typo is no file to wait for: say what is wrong, as build does
            from deckmaker.readers import read_talk

            read_talk(source)
        _check_out(out_dir)
    click.echo(f"Watching {source} and what it uses; Ctrl-C to stop.")
    # Ctrl-C is how a watch ends: quietly, exit status 0, while waiting or during a build (whose
    # outputs are a whole set, old or new). SIGTERM, from outside, ends it the same way, with
    # 143 as any other command.
    with _reported(), suppress(KeyboardInterrupt, Interrupted):
        run_watch(
            source,
            out_dir,
            report,
            only=(only,) if only else ARTIFACTS,
            formats=formats or ("md",),
            **choices,
        )
    click.echo("Stopped watching.")
    if signal.SIGTERM in _received[:1]:
        sys.exit(EXIT_SIGNALLED + signal.SIGTERM)


# The same options as build (but -j): one place to add an option to both.
watch.params += [p for p in build.params if p.name not in ("inputs", "jobs")]


@cli.command()
@click.argument("outline", type=click.Path(path_type=Path))
@_planning_options
def validate(outline: Path, **choices: Any) -> None:
    """Check OUTLINE, and that its slides can be laid out in the theme, listing every mistake
    with its line; writes nothing."""
    from deckmaker.filters import clock
    from deckmaker.pipeline import plan_outline, warnings
    from deckmaker.planning import Kind

    with _reported():
        plan, templates, loaded = plan_outline(outline, **choices)
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
@click.argument("essay", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(path_type=Path),
    help="Where to write the outline.  [default: ESSAY's name with .yaml, beside it]",
)
@click.option("--force", is_flag=True, help="Replace the outline if it exists.")
def import_(essay: Path, out: Path | None, force: bool) -> None:
    """Turn ESSAY (.txt or .md) into an outline you can read, edit and build: its prose becomes
    the script word for word, with key points extracted from its own sentences."""
    from deckmaker.pipeline import import_to_outline

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
def preview(outline: Path | None, out_dir: Path, **choices: Any) -> None:
    """Draw every slide of OUTLINE's deck as a PNG, plus one contact sheet of them all
    (needs LibreOffice Impress and poppler's pdftoppm)."""
    from deckmaker.pipeline import example_outline
    from deckmaker.pipeline import preview as run_preview

    with _reported():
        _check_out(out_dir)
        built = run_preview(outline or example_outline(), out_dir, **choices)
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
    with _reported():
        write_schema(out)
    click.echo(f"Wrote {out}; start each outline beside it with this line:")
    click.echo(modeline(out.name))


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


class Interrupted(BaseException):
    """SIGINT (Ctrl-C) or SIGTERM, raised wherever the program was. Not a KeyboardInterrupt,
    which click would turn into "Aborted!" and exit status 1."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


_received: list[int] = []  # the signals received, in order


def _interrupt(number: int, frame: FrameType | None) -> None:
    _received.append(number)
    if len(_received) == 1:
        raise Interrupted(number)
    # Another one while the first unwinds (deleting what was staged) must not cut that short.


def _stopped(number: int, said: str | None = None) -> NoReturn:
    """Say in one line what a signal left behind, and exit 128 + its number."""
    outputs = sys.modules.get("deckmaker.outputs")  # not imported: nothing written
    if said is None:
        if getattr(outputs, "sets_replaced", 0):
            said = "the new outputs are complete"
        else:
            said = "nothing was written, the previous outputs are untouched"
    how = "terminated" if number == signal.SIGTERM else "interrupted"
    if number == signal.SIGINT and sys.stderr.isatty():
        click.echo(err=True)  # after the terminal's ^C
    click.echo(f"{how}; {said}", err=True)
    sys.exit(EXIT_SIGNALLED + number)


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
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    # A build makes millions of small objects and frees few of them before it ends: looking for
    # garbage every 700 new objects (Python's default) walks an ever larger heap, a tenth of a
    # long deck's time. What is imported by now stays for good; look for garbage less often.
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        try:
            cli(prog_name="deckmaker")
        finally:
            # Done, or failing: a signal now changes nothing, and must not cut the exit short
            # (with a traceback, or a death by signal after the last line was said).
            for number in (signal.SIGINT, signal.SIGTERM):
                signal.signal(number, signal.SIG_IGN)
    except Interrupted as stop:
        _stopped(stop.number)
    finally:
        # On its way out the interpreter collects garbage once more, walking every object the
        # run made only to free it anyway: tens of milliseconds of a small build.
        gc.freeze()
