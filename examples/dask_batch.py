"""Build many talks with Dask: `deckmaker.build` mapped over a folder of outlines and essays.

    pip install 'deckmaker[dask]'
    python examples/dask_batch.py talks/ --out build

`deckmaker build talks/` does the same on one machine. Past one machine, hand the same tasks to
a cluster: create a `dask.distributed.Client` for it, then call `build_all(paths, out_dir,
scheduler=None)`, and `dask.compute` sends the tasks to the client's cluster (`out_dir` must
then be a folder every worker can write to, and the inputs readable by them all).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import dask

import deckmaker
from deckmaker.batch import sources


@dataclass(frozen=True)
class Result:
    """What one task sends back: small, so the decks' bytes stay where they were written."""

    source: Path
    files: tuple[Path, ...] = ()
    slides: int = 0
    error: str = ""  # the first problem's line, when the talk did not build


def build_one(source: Path, out_dir: Path) -> Result:
    try:
        built = deckmaker.build(source, out_dir)
    except deckmaker.DeckmakerError as err:  # one bad talk must not fail the whole graph
        return Result(source, error=str(err.problems[0]))
    return Result(source, tuple(built.files.values()), len(built.plan.slides))


def build_all(
    inputs: list[Path], out_dir: Path, scheduler: str | None = "processes"
) -> list[Result]:
    """One delayed task per talk, computed together on `scheduler`; None for Dask's default,
    which is a `dask.distributed.Client`'s cluster when one was created."""
    talks = sources(inputs)  # files as given, folders' outlines and essays; name clashes refused
    tasks = [dask.delayed(build_one)(talk, out_dir) for talk in talks]
    return list(dask.compute(*tasks, scheduler=scheduler))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path, help="outlines, essays or folders")
    parser.add_argument("--out", type=Path, default=Path("build"), help="where to write")
    parser.add_argument("--scheduler", default="processes", help="processes, threads, ...")
    args = parser.parse_args()
    try:
        results = build_all(args.inputs, args.out, args.scheduler)
    except deckmaker.DeckmakerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for result in results:
        if result.error:
            print(f"error: {result.error}", file=sys.stderr)
        else:
            print(f"{result.source}: {result.slides} slides -> {', '.join(map(str, result.files))}")
    return 2 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
