"""Many talks in one go: which files a list of inputs and folders names, and building them in
parallel across processes, each failure kept to its own input while the others still build."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from deckmaker.errors import DeckmakerError, Problem
from deckmaker.options import DEFAULTS, Options
from deckmaker.outputs import recover
from deckmaker.pipeline import Built
from deckmaker.readers import ESSAY_SUFFIXES, OUTLINE_SUFFIXES

INPUT_SUFFIXES = (*OUTLINE_SUFFIXES, *ESSAY_SUFFIXES)


@dataclass(frozen=True)
class Outcome:
    """What became of one input: built (without its bytes, which are on disk by now), or the
    lines saying why not."""

    source: Path
    built: Built | None = None
    problems: tuple[str, ...] = ()
    bug: bool = False  # a failure of deckmaker's own, not the input's


def sources(inputs: Iterable[Path]) -> list[Path]:
    """The talks to build: each file as given, and each folder's outlines and essays (not its
    subfolders), in name order. Two that would write the same output names are refused before
    anything is built."""
    found: list[Path] = []
    for given in inputs:
        if given.is_dir():
            try:
                listed = list(given.iterdir())
            except OSError as err:
                raise DeckmakerError.at(
                    f"cannot be read ({err.strerror}); check the folder's permissions", str(given)
                ) from None
            inside = sorted(p for p in listed if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            if not inside:
                raise DeckmakerError.at(
                    f"holds no outline or essay ({', '.join(INPUT_SUFFIXES)}); check the folder",
                    str(given),
                )
            found += inside
        else:
            found.append(given)
    first: dict[Path, Path] = {}  # each file once, where it was first named
    for path in found:
        first.setdefault(path.resolve(), path)
    unique = list(first.values())
    by_name: dict[str, Path] = {}
    clashes: list[Problem] = []
    for path in unique:
        if (other := by_name.setdefault(path.stem, path)) is not path:
            clashes.append(
                Problem(
                    f"would write the same {path.stem}.* files as {other}; build them into "
                    "different --out folders, or rename one",
                    str(path),
                )
            )
    if clashes:
        raise DeckmakerError(*clashes)
    return unique


def build_many(
    talks: list[Path],
    out_dir: Path,
    jobs: int | None = None,
    done: Callable[[Outcome], None] = lambda outcome: None,
    *,
    only: tuple[str, ...],
    formats: tuple[str, ...],
    options: Options = DEFAULTS,
) -> list[Outcome]:
    """Build each talk into `out_dir`, `jobs` at a time in worker processes (default: one per
    core; 1 builds them here, one after another). `done` hears of each as it finishes; the
    outcomes come back in the order of `talks`."""
    jobs = jobs or os.cpu_count() or 1
    outcomes: dict[Path, Outcome] = {}
    if jobs == 1 or len(talks) == 1:
        for talk in talks:
            outcomes[talk] = _build_one(talk, out_dir, only, formats, options)
            done(outcomes[talk])
        return [outcomes[talk] for talk in talks]
    for outcome in _in_processes(talks, jobs, (out_dir, only, formats, options)):
        outcomes[outcome.source] = outcome
        done(outcome)
    return [outcomes[talk] for talk in talks]


def _in_processes(talks: list[Path], jobs: int, how: tuple[Any, ...]) -> Iterator[Outcome]:
    """Each talk built in a process of its own, `jobs` at a time, its outcome sent back
    through a pipe, in the order they finish. A process that dies (the out-of-memory killer's
    SIGKILL) is its own talk's failure, named; the others go on. Ctrl-C and SIGTERM are the
    parent's (the workers ignore them): at the first, it ends every worker and stops, and
    discards what one ended while staging its set had staged."""
    context = multiprocessing.get_context()
    waiting = list(talks)
    running: dict[Connection, tuple[BaseProcess, Path]] = {}
    # Every worker started, listed before it starts: a signal may come between any two steps
    # (a worker started but not yet waited on, or one whose outcome was being read), and a
    # worker left running would block the parent's exit, sending to a pipe no one reads.
    workers: list[BaseProcess] = []
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                talk = waiting.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                started = context.Process(target=_worker, args=(sender, talk, *how), daemon=True)
                workers.append(started)
                started.start()
                sender.close()  # the worker's end: the pipe ends when the worker does
                running[receiver] = (started, talk)
            for ready in wait(list(running)):
                assert isinstance(ready, Connection)
                worker, talk = running.pop(ready)
                try:
                    outcome = ready.recv()
                except EOFError:  # it died before it could say how it went
                    worker.join()
                    outcome = Outcome(talk, problems=(_died(talk, worker.exitcode),), bug=True)
                ready.close()
                worker.join()
                yield outcome
    finally:  # the parent interrupted, or done: no worker outlives it
        left = [w for w in workers if w.pid is not None and w.exitcode is None]
        for worker in left:
            worker.kill()
        for worker in left:
            worker.join()
        if left:  # one killed while it staged its set leaves it staged: discard it now
            with suppress(OSError, DeckmakerError):
                recover(how[0])


def _died(talk: Path, exitcode: int | None) -> str:
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"{exitcode}"
    if exitcode == -signal.SIGKILL:
        how += ", as the system ends a process that runs out of memory"
    return f"{talk}: its build's process was ended ({how}); nothing of it was written"


def _worker(
    sender: Connection,
    source: Path,
    out_dir: Path,
    only: tuple[str, ...],
    formats: tuple[str, ...],
    options: Options,
) -> None:
    """One talk in a process of its own, its outcome sent to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sender.send(_build_one(source, out_dir, only, formats, options))
    sender.close()


def _build_one(
    source: Path, out_dir: Path, only: tuple[str, ...], formats: tuple[str, ...], options: Options
) -> Outcome:
    """One talk, in whichever process: every failure becomes an outcome, never an exception, so
    one bad input cannot stop the others."""
    from deckmaker.pipeline import build

    try:
        built = build(source, out_dir, only, formats=formats, options=options)
    except DeckmakerError as err:
        return Outcome(source, problems=tuple(str(p) for p in err.problems))
    except Exception as err:  # a bug of ours: said as the CLI says one, and the batch goes on
        said = f"{source}: internal error ({type(err).__name__}: {err}); please report it"
        return Outcome(source, problems=(said,), bug=True)
    return Outcome(source, replace(built, artifacts={}))
