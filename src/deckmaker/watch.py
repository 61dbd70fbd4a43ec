"""Watch mode: build once, then again whenever a file the build read changes: the input, its
pictures, its theme, a template in --templates. The process stays warm between builds (imports,
the opened theme, compiled templates: see `deckmaker.build`), and a build that fails writes
nothing, so the last good outputs stay in place until the input is fixed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deckmaker.build import Built, Choices, build
from deckmaker.errors import DeckmakerError

if TYPE_CHECKING:
    from typing_extensions import Unpack

# watchfiles hands over the changes seen once none has come for this long (ms): an editor's save
# (write, rename) is one rebuild, and a rebuild starts soon after it.
SETTLE_MS = 20


@dataclass(frozen=True)
class Rebuilt:
    built: Built
    seconds: float  # from the change being seen to both files written (the first: whole build)
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
    **choices: Unpack[Choices],
) -> None:
    """Build `source`, then rebuild it on every change to what it read, telling `report` of
    each; until `stop` is set or Ctrl-C (which ends it quietly)."""
    import watchfiles  # only watch mode needs it

    templates = choices.get("templates_dir")
    # Always watched, even while the input is broken and no build has said what else it reads.
    always = {source.resolve()} | ({templates.resolve()} if templates else set())
    wanted = set(always)

    def attempt(changed: tuple[Path, ...]) -> None:
        nonlocal wanted
        start = time.perf_counter()
        try:
            built = build(source, out_dir, only, formats=formats, **choices)
        except DeckmakerError as err:
            report(Failed(err, changed))
            return
        wanted = always | {p.resolve() for p in built.read}
        report(Rebuilt(built, time.perf_counter() - start, changed))

    def relevant(change: watchfiles.Change, path: str) -> bool:
        seen = Path(path)
        return seen in wanted or seen.parent in wanted  # a file, or a file in the templates folder

    attempt(())
    while not (stop and stop.is_set()):
        # The folders of what is watched, not the files: an editor that saves by writing a new
        # file and renaming it over the old one would leave a watch on the old file blind.
        folders = sorted({p if p.is_dir() else p.parent for p in wanted if p.parent.exists()})
        for changes in watchfiles.watch(
            *folders,
            watch_filter=relevant,
            recursive=False,
            step=SETTLE_MS,
            stop_event=stop,
            raise_interrupt=False,
        ):
            attempt(tuple(sorted({Path(path) for _, path in changes})))
            if folders != sorted({p if p.is_dir() else p.parent for p in wanted}):
                break  # the build now reads from another folder too: watch that as well
        else:
            return  # stopped, or interrupted
