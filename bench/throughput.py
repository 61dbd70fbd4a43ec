"""Import and build throughput from 1,000 to 100,000 words: how the time of `deckmaker import`
(an essay into an outline) and of `deckmaker build` (that outline into the deck and the
Markdown script) grows with the essay's length, and whether it grows linearly.

Each essay is made of the paragraphs of the corpus's long English essays (bench/corpus:
Thoreau's Civil Disobedience and Walking, Emerson's Self-Reliance), taken in order and cycled
to the length wanted, with a `##` heading every SECTION_WORDS words, as a long essay of parts
reads. Each command runs in a fresh process, after one unmeasured run (bytecode compiled, the
cache filled), timed from after Python and the command line have started (`CHILD`); the time
is the median of RUNS runs, peak memory the process's largest RSS.
Linearity compares the time each 1,000 words adds between the two largest sizes with what they
add between the two smallest (start-up cancels out of both): 1.0 is linear, within 1.2 passes.

Run: python bench/throughput.py [--write] [--sizes 1000,3000]  (--write puts the table into
bench/RESULTS.md; --sizes measures other sizes, as the tests do)
"""

from __future__ import annotations

import os
import re
import statistics
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
RUNS = 3
LINEAR = 1.2  # the most the time per 1,000 words may grow from the smallest sizes to the largest
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


def timed(args: list[str]) -> tuple[float, int]:
    """Seconds of work and peak memory (MB) of one run of deckmaker `args` in a fresh
    process."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    said = child.stderr.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"deckmaker {' '.join(args)} failed: {said}")
    return float(said.rsplit("seconds=", 1)[1]), usage.ru_maxrss // 1024


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
        times, peaks = zip(*(timed(args) for _ in range(runs)), strict=True)
        row[step] = statistics.median(times)
        row[f"{step} MB"] = max(peaks)
    return row


def per_thousand(rows: list[dict[str, float]], step: str, low: int, high: int) -> float:
    """Seconds each 1,000 words add to `step` between rows `low` and `high`."""
    a, b = rows[low], rows[high]
    return (b[step] - a[step]) / (b["words"] - a["words"]) * 1000


def linearity(rows: list[dict[str, float]], step: str) -> float:
    """The time per 1,000 words between the two largest sizes over that between the two
    smallest: 1.0 is linear; above 1, time grows faster than the words."""
    return per_thousand(rows, step, -2, -1) / per_thousand(rows, step, 0, 1)


def table(rows: list[dict[str, float]]) -> list[str]:
    lines = [
        "| Words | Import | Import peak | Build | Build peak |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['words']:,.0f} | {row['import']:.2f} s | {row['import MB']:.0f} MB "
            f"| {row['build']:.2f} s | {row['build MB']:.0f} MB |"
        )
    return lines


def main() -> None:
    sizes = SIZES
    if "--sizes" in sys.argv:
        sizes = tuple(int(n) for n in sys.argv[sys.argv.index("--sizes") + 1].split(","))
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for words in sizes:
            rows.append(measure(words, Path(tmp)))
            print(table(rows)[-1], flush=True)
    lines = [
        HEADING,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on Linux, Python "
        f"{sys.version.split()[0]}, by `python bench/throughput.py --write`. Essays made of the "
        "paragraphs of the corpus's long English essays (Civil Disobedience, Self-Reliance, "
        f"Walking) cycled to each length, a `##` part every {SECTION_WORDS} words; "
        "`deckmaker import` makes the outline, `deckmaker build` the deck and the Markdown "
        f"script from it, each in a fresh process, the median of {RUNS} runs after an "
        "unmeasured one, timed from after Python and the command line have started (what every "
        "command pays) to its end; peak is the process's largest RSS.",
        "",
        *table(rows),
        "",
    ]
    checks = [(step, linearity(rows, step)) for step in ("import", "build")]
    ten = [r for r in rows if 9_000 <= r["words"] <= 11_000]
    lines += [
        "| Check | Measured | Passes |",
        "| --- | ---: | :---: |",
        *(
            f"| {step}: time per 1,000 words, largest sizes over smallest, ≤ {LINEAR} "
            f"| {ratio:.2f}× | {'yes' if ratio <= LINEAR else 'no'} |"
            for step, ratio in checks
        ),
        *(
            f"| a 10,000-word essay imports in under {QUICK_IMPORT:.0f} s "
            f"| {r['import']:.2f} s | {'yes' if r['import'] < QUICK_IMPORT else 'no'} |"
            for r in ten
        ),
    ]
    print("\n".join(lines[-len(checks) - len(ten) :]))
    if "--write" in sys.argv:
        replace_section(HEADING, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
