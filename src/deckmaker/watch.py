"""Watch mode: build once, then again whenever a file the build read changes: the input, its
pictures, its theme, a template in --templates. The process stays warm between builds (imports,
the opened theme, compiled templates: see `deckmaker.pipeline`), and a build that fails writes
nothing, so the last good outputs stay in place until the input is fixed."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from deckmaker.errors import DeckmakerError
from deckmaker.options import DEFAULTS, Options
from deckmaker.pipeline import Built, build

# watchfiles hands over the changes seen once none has come for this long (ms): an editor's save
# (write, rename) is one rebuild, and a rebuild starts soon after it.
SETTLE_MS = 20
# How often (ms) the files are also compared with what the last build read, for a change made
# before the OS's watch was in place (during the first build) or one it did not report.
RECHECK_MS = 1000

Stamps = dict[Path, tuple[int, int]]


@dataclass(frozen=True)
class Rebuilt:
    built: Built
    seconds: float  # from the change being seen to every file written
    changed: tuple[Path, ...]  # what changed; empty for the first build


@dataclass(frozen=True)
class Failed:
    error: DeckmakerError
    changed: tuple[Path, ...]


Event = Rebuilt | Failed


def watch(
    source: Path,
    out_dir: Path,
    report: Callable[[Event], None],
    stop: threading.Event | None = None,
    *,
    only: tuple[str, ...],
    formats: tuple[str, ...],
    options: Options = DEFAULTS,
) -> None:
    """Build `source`, then rebuild it on every change to what it read, telling `report` of
    each; until `stop` is set or Ctrl-C (which ends it quietly)."""
    import watchfiles  # only watch mode needs it

    # It would log its own line on Ctrl-C; the command line says it stopped.
    logging.getLogger("watchfiles").setLevel(logging.ERROR)
    templates = options.templates_dir
    # Always watched, even while the input is broken and no build has said what else it reads.
    always = {source.resolve()} | ({templates.resolve()} if templates else set())
    wanted = set(always)
    before: Stamps = {}
    written: set[Path] = set()  # what the last build wrote: its own writes are no change

    def attempt(changed: Iterable[Path]) -> None:
        nonlocal wanted, before, written
        start = time.perf_counter()
        before = stamps(wanted)  # taken first: a save during the build is seen afterwards
        try:
            built = build(source, out_dir, only, formats=formats, options=options)
        except DeckmakerError as err:
            report(Failed(err, tuple(sorted(changed))))
            return
        written = {p.resolve() for p in built.files.values()}
        read = always | {p.resolve() for p in built.read}
        if read != wanted:
            wanted, before = read, {**stamps(read - wanted), **before}
        # a folder watched (--templates) that the outputs went into changed by our own hand
        before.update(stamps({p for p in wanted if p.is_dir()}))
        report(Rebuilt(built, time.perf_counter() - start, tuple(sorted(changed))))
        gc.collect()  # now, while waiting for a save, not during the next build

    def relevant(change: watchfiles.Change, path: str) -> bool:
        seen = Path(path)
        if seen in written or seen.name.startswith(".deckmaker"):
            return False  # the build's own outputs, and where it stages them
        return seen in wanted or seen.parent in wanted  # a file, or a file in the templates folder

    attempt(())
    while not (stop and stop.is_set()):
        # The folders of what is watched, not the files: an editor that saves by writing a new
        # file and renaming it over the old one would leave a watch on the old file blind.
        folders = _folders(wanted)
        for changes in watchfiles.watch(
            *folders,
            watch_filter=relevant,
            recursive=False,
            step=SETTLE_MS,
            rust_timeout=RECHECK_MS,
            yield_on_timeout=True,
            stop_event=stop,
            raise_interrupt=False,
        ):
            if changes:
                attempt({Path(path) for _, path in changes})
            elif moved := [p for p, stamp in stamps(wanted).items() if before.get(p) != stamp]:
                attempt(moved)
            if _folders(wanted) != folders:
                break  # the build now reads from another folder too: watch that as well
        else:
            return  # stopped, or interrupted


def _folders(paths: set[Path]) -> list[Path]:
    return sorted({p if p.is_dir() else p.parent for p in paths if p.parent.is_dir()})


def stamps(paths: Iterable[Path]) -> Stamps:
    """Each file's modification time and size; a folder's files' (a missing file: zeros)."""
    found: Stamps = {}
    for path in paths:
        inside = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in inside:
            try:
                stat = file.stat()
            except OSError:
                found[file] = (0, 0)
            else:
                found[file] = (stat.st_mtime_ns, stat.st_size)
    return found
