"""Import and build throughput from 1,000 to 100,000 words: how the time of `deckmaker import`
(an essay into an outline) and of `deckmaker build` (that outline into the deck and the
Markdown script) grows with the essay's length, and whether it grows linearly.

Each essay is made of the paragraphs of the corpus's long English essays (bench/corpus:
Thoreau's Civil Disobedience and Walking, Emerson's Self-Reliance), taken in order and cycled
to the length wanted, with a `##` heading every SECTION_WORDS words, as a long essay of parts
reads. Each command runs in a fresh process, after one unmeasured run (bytecode compiled, the
cache filled), timed from after Python and the command line have started (`CHILD`); the time
is the least of RUNS runs (the one other processes disturbed least), peak memory the process's
largest RSS; the whole process's time (Python's start and every import included: what a
person waits for) is kept beside it.
Linearity is about the cost of each word, not of starting: the time of a FIXED_WORDS-word
essay, measured the same way, is the fixed cost every size pays (modules loaded for the
command, the theme read...); what is left, divided by the words, is each size's time per 1,000
words, and the largest size's over the first size of at least 10,000 words is the check (1.0
is linear; above 1, time grows faster than the words; within 1.2 passes). The machine's load
(1-minute average) after each size is in the table: on a shared machine it moves the times.

Run: python bench/throughput.py [--write] [--sizes 1000,3000]  (--write puts the table into
bench/RESULTS.md; --sizes measures other sizes, as the tests do)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import replace_section  # noqa: E402

HERE = Path(__file__).resolve().parent
ESSAYS = ("civil-disobedience.txt", "self-reliance.txt", "walking.txt")
SIZES: tuple[int, ...] = (1_000, 3_000, 10_000, 30_000, 100_000)
SECTION_WORDS = 800
RUNS = 5
FIXED_WORDS = 100  # the essay whose time is the fixed cost: one part, a paragraph or two
LINEAR = 1.2  # the most the time per 1,000 words may grow from 10,000 words to the largest
LINEAR_FROM = 10_000  # below this, the fixed cost's noise outweighs what the words cost
QUICK_IMPORT = 1.0  # seconds a 10,000-word essay may take to import
HEADING = "## Import and build throughput"


def paragraphs() -> list[str]:
    """The corpus essays' paragraphs, in order, without their titles and short lines."""
    found = []
    for name in ESSAYS:
        text = (HERE / "corpus" / name).read_text(encoding="utf-8")
        found += [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 40]
    return found


def essay(words: int) -> str:
    """An essay of about `words` words: a title, then parts of SECTION_WORDS words."""
    source = paragraphs()
    out, count, part, i = ["Throughput\n"], 0, 0, 0
    while count < words:
        if count >= part * SECTION_WORDS:
            part += 1
            out.append(f"## Part {part}\n")
        paragraph = source[i % len(source)]
        out.append(paragraph + "\n")
        count += len(paragraph.split())
        i += 1
    return "\n".join(out)


# The command run in a fresh process, timed from after Python and the command line have
# started (what every command pays, about a second on a loaded machine) to its end: the
# command's own work, the modules it loads for it included.
CHILD = """
import sys, time
from deckmaker.cli import cli
start = time.perf_counter()
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    print(f"seconds={time.perf_counter() - start}", file=sys.stderr)
"""


def timed(args: list[str]) -> tuple[float, float, int]:
    """Seconds of work, seconds of the whole process, and peak memory (MB) of one run of
    deckmaker `args` in a fresh process."""
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    said = child.stderr.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    whole = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"deckmaker {' '.join(args)} failed: {said}")
    return float(said.rsplit("seconds=", 1)[1]), whole, usage.ru_maxrss // 1024


def measure(words: int, folder: Path, runs: int = RUNS) -> dict[str, float]:
    source = folder / f"essay-{words}.md"
    source.write_text(essay(words), encoding="utf-8")
    outline = folder / f"essay-{words}.yaml"
    steps = {
        "import": ["import", str(source), "-o", str(outline), "--force"],
        "build": ["build", str(outline), "--out", str(folder / f"out-{words}")],
    }
    row: dict[str, float] = {"words": len(source.read_text(encoding="utf-8").split())}
    for step, args in steps.items():
        timed(args)  # unmeasured: bytecode compiled, cache filled
        times, wholes, peaks = zip(*(timed(args) for _ in range(runs)), strict=True)
        row[step] = min(times)
        row[f"{step} whole"] = min(wholes)
        row[f"{step} MB"] = max(peaks)
    row["load"] = os.getloadavg()[0]
    return row


def per_thousand(row: dict[str, float], fixed: dict[str, float], step: str) -> float:
    """Seconds each 1,000 words cost `step` in `row`, the fixed cost taken off."""
    return (row[step] - fixed[step]) / (row["words"] - fixed["words"]) * 1000


def linearity(rows: list[dict[str, float]], fixed: dict[str, float], step: str) -> float:
    """The time per 1,000 words at the largest size over that at the first of at least
    LINEAR_FROM words: 1.0 is linear; above 1, time grows faster than the words."""
    first = next(r for r in rows if r["words"] >= LINEAR_FROM)
    return per_thousand(rows[-1], fixed, step) / per_thousand(first, fixed, step)


def table(rows: list[dict[str, float]], fixed: dict[str, float]) -> list[str]:
    lines = [
        "| Words | Import | per 1,000 words | whole process | peak | Build | per 1,000 words "
        "| whole process | peak | Load |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in [fixed, *rows]:
        cells = []
        for step in ("import", "build"):
            cost = "fixed cost" if row is fixed else f"{per_thousand(row, fixed, step):.3f} s"
            cells.append(
                f"{row[step]:.2f} s | {cost} | {row[f'{step} whole']:.2f} s "
                f"| {row[f'{step} MB']:.0f} MB"
            )
        lines.append(f"| {row['words']:,.0f} | {' | '.join(cells)} | {row['load']:.1f} |")
    return lines


def main() -> None:
    sizes = SIZES
    if "--sizes" in sys.argv:
        sizes = tuple(int(n) for n in sys.argv[sys.argv.index("--sizes") + 1].split(","))
    with tempfile.TemporaryDirectory() as tmp:
        fixed = measure(FIXED_WORDS, Path(tmp))
        rows: list[dict[str, float]] = []
        for words in sizes:
            rows.append(measure(words, Path(tmp)))
            print(table(rows, fixed)[-1], flush=True)
    lines = [
        HEADING,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on Linux, Python "
        f"{sys.version.split()[0]}, by `python bench/throughput.py --write`. Essays made of the "
        "paragraphs of the corpus's long English essays (Civil Disobedience, Self-Reliance, "
        f"Walking) cycled to each length, a `##` part every {SECTION_WORDS} words; "
        "`deckmaker import` makes the outline, `deckmaker build` the deck and the Markdown "
        f"script from it, each in a fresh process, the least of {RUNS} runs (the one others "
        "disturbed least) after an unmeasured one, timed from after Python and the command "
        "line have started (what every command pays) to its end; the whole process's time "
        "(Python's start and every import included) beside it; peak is the process's largest "
        "RSS; load is the machine's 1-minute load average after each size (2 cores: above 2, "
        "others were running).",
        "",
        f"Linearity is judged on what each word costs, not on starting: the {FIXED_WORDS}-word "
        "essay's time is the fixed cost every size pays, and is taken off each size's before "
        "dividing by its words (the *per 1,000 words* columns). Below "
        f"{LINEAR_FROM:,} words that remainder is too small to measure against the noise; the "
        f"check compares the largest size's cost per word with that at {LINEAR_FROM:,}.",
        "",
        *table(rows, fixed),
        "",
    ]
    checks = [(step, linearity(rows, fixed, step)) for step in ("import", "build")]
    ten = [r for r in rows if 9_000 <= r["words"] <= 11_000]
    lines += [
        "| Check | Measured | Passes |",
        "| --- | ---: | :---: |",
        *(
            f"| {step}: time per 1,000 words (fixed cost taken off), largest size over "
            f"{LINEAR_FROM:,} words, ≤ {LINEAR} | {ratio:.2f}× "
            f"| {'yes' if ratio <= LINEAR else 'no'} |"
            for step, ratio in checks
        ),
        *(
            f"| a {r['words']:,.0f}-word essay imports in under {QUICK_IMPORT:.0f} s, "
            f"{what} | {r[key]:.2f} s | {'yes' if r[key] < QUICK_IMPORT else 'no'} |"
            for r in ten
            for what, key in (
                ("the command's work", "import"),
                ("the whole process (Python's start included)", "import whole"),
            )
        ),
    ]
    print("\n".join(lines[-len(checks) - 2 * len(ten) :]))
    if "--write" in sys.argv:
        replace_section(HEADING, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
