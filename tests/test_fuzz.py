"""Property tests: whatever outline or essay arrives, a build either succeeds, with artifacts the
judges accept and cues in step, or fails with `DeckmakerError` (each problem one line) and
writes nothing. Never another exception.

Two runs of the same properties (what is generated: tests/fuzzing.py):
- the short run, in the default suite: a few hundred examples, seeded, in about a minute;
- the long run, `pytest -m fuzz -s tests/test_fuzz.py`: 10,000 generated inputs (README: Tests).

Every example is judged in this process (`fuzzing.fast_findings`); a deterministic sample (the
first build that succeeds in each test, then every SAMPLE_EVERY-th) is also left for the
autouse fixture, which hands it to the outside tools (openxml-audit, LibreOffice, vnu.jar,
Chromium, srt-validator): too slow for every example.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import fuzzing
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.strategies import SearchStrategy

import deckmaker
from deckmaker.errors import DeckmakerError

SEED = 18
SHORT = {"outlines": 250, "essays": 150}  # examples in the default run
LONG = {"outlines": 6000, "essays": 4000}  # the fuzz marker's run: 10,000 inputs
SAMPLE_EVERY = 1000  # besides the first, which builds are judged by the outside tools too
FORMATS = ("md", "txt", "html", "srt", "chapters", "show-notes")
# The formats outside tools read (the plain-text ones have only our own strict checks, run on
# every example, which take the author's text as it is: `fuzzing._teleprompter`).
OUTSIDE = ("md", "html", "srt", "chapters")

T = TypeVar("T")
tally: Counter[str] = Counter()


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,  # a huge string takes a while to fit; the run's length is what counts
        database=None,  # the same examples on every machine: replay nothing saved
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            # the autouse `judged` fixture is meant to run once, after every example
            HealthCheck.function_scoped_fixture,
        ],
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path | None]:
    """Where to build the examples the outside tools judge too; None for the rest."""
    seen: Counter[str] = Counter()
    folder = tmp_path_factory.mktemp("fuzz-sample")

    def where(family: str) -> Path | None:
        seen[family] += 1
        n = seen[family]
        return folder / f"{family}-{n}" if n == 1 or n % SAMPLE_EVERY == 0 else None

    return where


def _build(family: str, name: str, data: bytes, sample: Callable[[str], Path | None]) -> None:
    """Build `data` saved as `name`, and check the outcome."""
    tally[f"{family} generated"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, name)
        source.write_bytes(data)
        out = Path(tmp, "out")
        dialogue = ("dialogue",) if b"hosts" in data else ()
        try:
            built = deckmaker.build(source, out, formats=FORMATS + dialogue)
        except DeckmakerError as err:
            tally[f"{family} refused"] += 1
            assert err.problems
            for problem in err.problems:
                said = str(problem)
                assert problem.message and "\n" not in said, said
                said.encode("utf-8")  # printable: no surrogate of the input in a message
            assert not out.exists() or not any(out.iterdir()), "a failed build wrote files"
            return
        tally[f"{family} built"] += 1
        for warning in built.warnings:
            assert "\n" not in warning
            warning.encode("utf-8")
        found = fuzzing.plan_findings(built) + fuzzing.fast_findings(built)
        assert found == [], "\n".join(found)
        keep = sample(family)
        if keep is not None:  # built again where it stays, for the outside judges
            keep.mkdir(parents=True)
            (keep / name).write_bytes(data)
            deckmaker.build(keep / name, keep / "out", formats=OUTSIDE + dialogue)


def _outline(data: bytes, sample: Callable[[str], Path | None]) -> None:
    _build("outlines", "talk.yaml", data, sample)


def _essay(essay: tuple[str, bytes], sample: Callable[[str], Path | None]) -> None:
    suffix, data = essay
    _build("essays", f"essay{suffix}", data, sample)


@pytest.fixture(scope="module", autouse=True)
def _summary() -> Iterator[None]:
    """The run's counts, for the README's record of the long run (shown with -s)."""
    tally.clear()
    yield
    print("\nfuzz:", ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))


def _run(
    strategy: SearchStrategy[T],
    check: Callable[[T, Callable[[str], Path | None]], None],
    examples: int,
    sample: Callable[[str], Path | None],
) -> None:
    @seed(SEED)
    @_settings(examples)
    @given(strategy)
    def run(data: T) -> None:
        check(data, sample)

    run()


def test_outlines_build_or_fail_cleanly(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.outline_file(), _outline, SHORT["outlines"], sample)


def test_essays_build_or_fail_cleanly(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.essay_file(), _essay, SHORT["essays"], sample)


@pytest.mark.fuzz
def test_outlines_long_run(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.outline_file(), _outline, LONG["outlines"], sample)
    assert tally["outlines generated"] >= LONG["outlines"]


@pytest.mark.fuzz
def test_essays_long_run(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.essay_file(), _essay, LONG["essays"], sample)
    assert tally["essays generated"] >= LONG["essays"]
