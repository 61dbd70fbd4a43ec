"""The whole pipeline: outline file -> plan -> deck and script, rendered in memory as bytes, then
written only when all succeeded."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckmaker import outputs
from deckmaker.bundle import bundled
from deckmaker.errors import DeckmakerError
from deckmaker.formats import DEFAULT_FORMAT, FORMATS
from deckmaker.options import DEFAULT_VOICE, DEFAULTS, Options
from deckmaker.outline import Outline, Segment
from deckmaker.planning import Plan, Voice, plan_talk
from deckmaker.planning.spoken import language_of
from deckmaker.planning.target import length_warnings, pacing_warnings
from deckmaker.readers import read_talk
from deckmaker.templates import DECK_TEMPLATE, Templates

if TYPE_CHECKING:
    from deckmaker.narration.speak import Progress
    from deckmaker.render.media import Media
    from deckmaker.theme.model import Theme

EXAMPLE = "la-la-land.yaml"
ARTIFACTS = ("deck", "script")


@dataclass(frozen=True)
class Artifact:
    """One rendered file, in memory: its file name and its bytes."""

    name: str  # e.g. "talk.pptx": the input's name and the artifact's suffix
    data: bytes


@dataclass(frozen=True)
class Built:
    """What a build gives: the plan, each artifact rendered (by kind: "deck", "script", then
    each other format by its name), the warnings, and where each file was written."""

    plan: Plan
    files: dict[str, Path]  # artifact -> where it was written: "deck", "script" (md), "srt", ...
    warnings: tuple[str, ...] = ()  # worth saying, not worth failing for
    # artifact -> its name and bytes, as rendered (empty once handed on by a batch build)
    artifacts: Mapping[str, Artifact] = field(default_factory=dict)
    read: tuple[Path, ...] = ()  # the files the build read: input, pictures, theme, templates


def example_outline() -> Path:
    return bundled("outlines") / EXAMPLE


# An essay condensed to a target is planned again, with the words the voice adds counted, until
# the talk runs within this share of the target (or after so many tries).
ON_TARGET = 0.04
TRIES = 8


def plan_outline(outline_path: Path, options: Options = DEFAULTS) -> tuple[Plan, Templates, Theme]:
    """Load and plan: every check a build makes, short of rendering. `validate` stops here.
    Each option not given is the outline's (see `Options.resolved`); the theme is --theme, else
    the templates folder's deck.pptx, else the outline's `theme:`, else the default shipped
    theme."""
    plan, templates, theme, _ = planned(outline_path, options)
    return plan, templates, theme


def planned(
    outline_path: Path, options: Options = DEFAULTS
) -> tuple[Plan, Templates, Theme, Outline]:
    """`plan_outline`, and the outline planned. An essay condensed to --target is condensed
    again, fewer words or more, until the planned talk (the voice's own words and pauses
    counted) runs within `ON_TARGET` of the target."""
    spare = 0
    over: int | None = None  # the most words spared that still ran long
    under: int | None = None  # the fewest that ran short
    best = None
    for _ in range(TRIES):
        plan, templates, theme, outline = _planned(outline_path, options, spare)
        target = plan.target
        condensed = any(s.left_out for s in (outline.intro, *outline.sections) if s)
        if not target or not condensed:
            return plan, templates, theme, outline
        off = plan.total_seconds - target
        if best is None or abs(off) < abs(best[0].total_seconds - target):
            best = (plan, templates, theme, outline)
        if abs(off) <= ON_TARGET * target:
            break
        if off > 0:
            over = spare if over is None else max(over, spare)
        else:
            under = spare if under is None else min(under, spare)
        # the words the voice adds change with the words kept (parts, slides, pauses): past the
        # first correction, halve the gap between a try that ran long and one that ran short
        step = spare + round(off * plan.wpm / 60)
        if over is not None and under is not None:
            step = (over + under) // 2
            if step in (over, under):
                break
        spare = step
    assert best is not None
    return best


def _planned(
    outline_path: Path, options: Options, spare: int
) -> tuple[Plan, Templates, Theme, Outline]:
    from deckmaker.theme.shipped import theme_path

    # an outline, or an essay imported in memory
    outline = read_talk(
        outline_path,
        allow_outside=options.allow_outside,
        target=options.target,
        wpm=options.wpm,
        spare=spare,
    )
    folder = options.templates_dir
    templates = _templates(folder, _where(folder), _listing(folder))
    deck = templates.overridden(DECK_TEMPLATE)
    if options.theme is None and deck is not None:
        options = replace(options, theme=deck)
    chosen = options.resolved(outline)
    try:
        path = theme_path(chosen.theme)
    except DeckmakerError as err:
        if not options.from_outline("theme") or not outline.theme:
            raise
        place = outline.places.get(outline.theme)
        line = place.line if place else None
        raise DeckmakerError.at(err.problems[0].message, outline.source, line, "theme") from None
    loaded = _theme(path, path.resolve(), _stamp(path))
    try:
        language = chosen.language or language_of(outline)
        speaker = Voice(templates, chosen.voice or DEFAULT_VOICE, language)
    except DeckmakerError as err:
        place = outline.places.get(outline.voice or "")
        if not options.from_outline("voice") or place is None or len(err.problems) != 1:
            raise
        if err.problems[0].file:
            raise
        message = err.problems[0].message
        raise DeckmakerError.at(message, outline.source, place.line, "voice") from None
    plan = plan_talk(outline, speaker, loaded.frames, chosen)
    return plan, templates, loaded, outline


# Kept warm for the next build in the same process (watch mode, a batch's worker, a notebook):
# the theme opened and measured, keyed by its file's path and stamp, and the templates with the
# ones Jinja2 has compiled, keyed by the folder's listing (Jinja2 recompiles a file that changed;
# a file added or removed there gives a fresh set). One build alone pays nothing for this.
@lru_cache(maxsize=8)
def _theme(path: Path, where: Path, stamp: tuple[int, int]) -> Theme:
    from deckmaker.theme.cache import cached_theme  # python-pptx is slow to import

    return cached_theme(path)


@lru_cache(maxsize=8)
def _templates(
    folder: Path | None, where: Path | None, listing: tuple[tuple[str, int, int], ...]
) -> Templates:
    return Templates(folder)


def _where(folder: Path | None) -> Path | None:
    return folder.resolve() if folder is not None else None


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)  # opening it will say what is wrong
    return (stat.st_mtime_ns, stat.st_size)


def _listing(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    if folder is None or not folder.is_dir():
        return ()
    try:
        return tuple(sorted((p.name, *_stamp(p)) for p in folder.iterdir()))
    except OSError:
        return ()  # reading the templates there will say what is wrong


def warnings(plan: Plan, templates: Templates, theme: Theme) -> tuple[str, ...]:
    """What the user may want to know though nothing failed: pieces the theme lacks that this
    deck needs (and what was used instead), files in the templates folder nothing uses, a talk
    that runs long or short of its target."""
    return (
        *plan.read_warnings, *theme.warnings({s.layout for s in plan.slides}, plan.footer),
        *templates.unused(), *length_warnings(plan), *pacing_warnings(plan),
    )  # fmt: skip


def render(
    outline_path: Path,
    only: tuple[str, ...] = ARTIFACTS,
    *,
    formats: tuple[str, ...] = (DEFAULT_FORMAT,),
    options: Options = DEFAULTS,
    progress: Progress[Any] | None = None,
) -> Built:
    """Render the artifacts in `only`, the script in each of `formats` (see
    `deckmaker.formats`; "md" is filed as "script"), as bytes; nothing is written. A spoken
    format (audio, video) reads the script aloud first, and every format then keeps the
    audio's clock; `progress` shows that work (see `deckmaker.narration.speak`)."""
    plan, templates, loaded = plan_outline(outline_path, options)
    stem = outline_path.stem
    rendered: dict[str, Artifact] = {}
    notices: list[str] = []  # what rendering the script formats found worth saying
    if "deck" in only:
        from deckmaker.check import check_presentation, known, summary
        from deckmaker.render.deck import compose_deck, saved

        prs = compose_deck(plan, loaded)
        deck = Artifact(f"{stem}.pptx", saved(prs, loaded))
        rendered["deck"] = deck
        # The deck, checked as `deckmaker check` would (as made, not read back): a theme of
        # the user's may set text in colours too pale to read, or a picture may lack its alt
        # text. A picture without alt text was warned of by the outline's line already.
        clean = known.known(loaded, plan.language)
        before = len(clean)
        found = [f for f in check_presentation(prs, clean) if f.rule != "alt-text"]
        known.remember(loaded, plan.language, clean, before)
        notices += [f"{deck.name}: {line}" for line in summary(found)]
    if "script" in only:
        if "dialogue" in formats and len(plan.hosts) != 2:
            raise DeckmakerError.at(
                "the dialogue format needs two hosts; pass --hosts Ana,Ben or add "
                "`hosts: [Ana, Ben]` to the outline",
                str(outline_path),
                field="hosts",
            )
        media = None
        if any(FORMATS[name].spoken for name in formats):
            media = _media(plan, templates, loaded, stem, progress)
            plan = replace(plan, clock=media.narration.seconds,
                           clock_voices=media.narration.about)  # fmt: skip
        for name in dict.fromkeys(formats):
            fmt = FORMATS[name]
            if fmt.spoken:
                steps = [fmt.name]  # one step: ffmpeg tells no progress of its own
                shown = progress(steps, f"Encoding {fmt.name}") if progress else nullcontext(steps)
                with shown as encoding:
                    for _ in encoding:
                        script = fmt.render()(plan, templates, fmt, media)
            else:
                script = fmt.render()(plan, templates, fmt)
            notices += script.warnings
            key = "script" if name == "md" else name
            rendered[key] = Artifact(f"{stem}{fmt.suffix}", script.encoded())
    pictures = (Path(s.image) for s in plan.slides if s.image)
    folder = [templates.folders[0]] if len(templates.folders) > 1 else []
    read = (outline_path, *pictures, loaded.path, *folder)
    return Built(
        plan,
        {},
        (*warnings(plan, templates, loaded), *notices),
        rendered,
        tuple(dict.fromkeys(read)),
    )


def _media(
    plan: Plan, templates: Templates, theme: Theme, stem: str, progress: Progress[Any] | None
) -> Media:
    """The talk read aloud (the outline's voices, else the defaults for its language), and
    the deck's pictures for a video, drawn when asked for."""
    from deckmaker.narration.engines import default_voices
    from deckmaker.narration.speak import narrate
    from deckmaker.render.media import Media

    voices = (*plan.speech_voices, *default_voices(plan.language)[len(plan.speech_voices) :])
    voices = voices[: 2 if len(plan.hosts) == 2 else 1]
    narration = narrate(plan, templates, voices, plan.pronounce, progress)

    def pages() -> list[bytes]:
        from deckmaker.preview import render_pages
        from deckmaker.render.deck import render_deck

        drawn = render_pages(render_deck(plan, theme), stem)
        if len(drawn) != len(plan.slides):
            drew = f"LibreOffice drew {len(drawn)} of the {len(plan.slides)} slides"
            raise DeckmakerError.at(drew)
        return drawn

    return Media(narration, pages)


def write(built: Built, out_dir: Path) -> Built:
    """Write the rendered artifacts into `out_dir` under their names, replacing the files
    before as one set (see `deckmaker.outputs`); the same `Built`, with where each went."""
    files = {kind: out_dir / artifact.name for kind, artifact in built.artifacts.items()}
    outputs.replace_set(out_dir, {a.name: a.data for a in built.artifacts.values()})
    return replace(built, files=files)


def build(
    outline_path: Path,
    out_dir: Path,
    only: tuple[str, ...] = ARTIFACTS,
    *,
    formats: tuple[str, ...] = (DEFAULT_FORMAT,),
    options: Options = DEFAULTS,
    progress: Progress[Any] | None = None,
) -> Built:
    """Render (see `render`), then write. Everything is rendered in memory first, so a mistake
    anywhere leaves the previous outputs untouched."""
    built = render(outline_path, only, formats=formats, options=options, progress=progress)
    return write(built, out_dir)


def preview(outline_path: Path, out_dir: Path, options: Options = DEFAULTS) -> Built:
    """Draw the deck as PNGs, DIR/<name>-NN.png for each slide and DIR/<name>-sheet.png for
    all of them, through LibreOffice and poppler; the deck itself is not written."""
    from deckmaker.preview import contact_sheet, render_pages
    from deckmaker.render.deck import render_deck

    plan, templates, loaded = plan_outline(outline_path, options)
    stem = outline_path.stem
    pages = render_pages(render_deck(plan, loaded), stem)
    if len(pages) != len(plan.slides):
        raise DeckmakerError.at(
            f"LibreOffice drew {len(pages)} of the {len(plan.slides)} slides", str(outline_path)
        )
    files = {f"slide {n}": out_dir / f"{stem}-{n:02}.png" for n in range(1, len(pages) + 1)}
    files["sheet"] = out_dir / f"{stem}-sheet.png"
    data = [*pages, contact_sheet(pages)]
    # The pictures of a longer deck drawn before go with the set they belonged to.
    older = [p.name for p in out_dir.glob("*.png") if _slide_number(p.name, stem) > len(pages)]
    outputs.replace_set(
        out_dir, {p.name: d for p, d in zip(files.values(), data, strict=True)}, older
    )
    return Built(plan, files, warnings(plan, templates, loaded))


def _slide_number(name: str, stem: str) -> int:
    """N for `<stem>-NN.png`, the picture of slide N; else 0."""
    number = name.removeprefix(f"{stem}-").removesuffix(".png")
    return int(number) if name.startswith(f"{stem}-") and number.isdigit() else 0


def write_atomically(path: Path, data: bytes) -> None:
    """Write one file as a set of one (see `deckmaker.outputs`): readers see the old file or
    the new one, and an interrupt leaves no temporary file."""
    outputs.replace_set(path.parent, {path.name: data})


@dataclass(frozen=True)
class Imported:
    outline: Outline
    path: Path  # where the outline was written


def import_to_outline(
    essay_path: Path, out: Path | None = None, force: bool = False, options: Options = DEFAULTS
) -> Imported:
    """Import an essay and write its outline (default: beside it, with .yaml), never over an
    existing file unless `force`; condensed to `options.target` when its prose runs longer."""
    from deckmaker.outline.write import write_outline
    from deckmaker.readers import ESSAY_SUFFIXES, OUTLINE_SUFFIXES, is_essay

    if essay_path.is_dir():
        raise DeckmakerError.at(
            "is a folder; give an essay (.txt, .md, .markdown)", str(essay_path)
        )
    if essay_path.suffix.lower() in OUTLINE_SUFFIXES:
        raise DeckmakerError.at(
            "is an outline already; build it with `deckmaker build`, or import an essay "
            "(.txt, .md, .markdown)",
            str(essay_path),
        )
    if not is_essay(essay_path):
        raise DeckmakerError.at(
            f"unknown kind of essay ({essay_path.suffix or 'no suffix'}); "
            f"import a {', '.join(ESSAY_SUFFIXES)} file",
            str(essay_path),
        )
    target = out or essay_path.with_suffix(".yaml")
    if target.suffix.lower() not in OUTLINE_SUFFIXES:
        raise DeckmakerError.at("an outline's name ends in .yaml or .yml; check -o", str(target))
    # condensed (to --target, or to the front matter's duration) as a build would, measured by
    # its plan
    outline = read_talk(essay_path)
    if options.target or outline.duration:
        outline = planned(essay_path, options)[3]
    outline = replace(outline, duration=options.target or outline.duration)
    if target.is_dir():
        raise DeckmakerError.at("is a folder; give -o the outline's file name", str(target))
    if target.exists() and not force:
        raise DeckmakerError.at(
            "already exists; pass --force to replace it, or -o to write elsewhere", str(target)
        )
    import textwrap

    header = "\n".join(
        textwrap.wrap(
            f"Imported by deckmaker from {essay_path.name}: the scripts are the essay's prose, "
            "word for word; the points were extracted from its sentences, and each point's "
            "`said:` holds the opening words of the sentence it came from. Check the points and "
            "edit freely, then:",
            90,
            break_long_words=False,
        )
        + [f"deckmaker build {target.name}"]
    )
    if any(s.left_out for s in (outline.intro, *outline.sections) if s):
        header += (
            "\nCondensed to the target: each part's `left_out:` holds the paragraphs not kept\n"
            "whole, in full; copy one into `script:` to put it back."
        )
    written = _pictures_from(outline, target.parent)
    write_atomically(target, write_outline(written, header).encode("utf-8"))
    return Imported(outline, target)


def _pictures_from(outline: Outline, folder: Path) -> Outline:
    """The outline with its pictures' paths relative to `folder`, where it is written: the
    loader reads them relative to the outline's own folder."""
    import os

    def moved(segment: Segment | None) -> Segment | None:
        if segment is None or not segment.image:
            return segment
        return replace(segment, image=Path(os.path.relpath(segment.image, folder)).as_posix())

    return replace(
        outline,
        intro=moved(outline.intro),
        outro=moved(outline.outro),
        sections=tuple(s for s in map(moved, outline.sections) if s is not None),
    )
