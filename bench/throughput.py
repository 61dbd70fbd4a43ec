"""Import and build throughput from 1,000 to 100,000 words: how the time of `deckmaker import`
(an essay into an outline) and of `deckmaker build` (that outline into the deck and the
Markdown script) grows with the essay's length, and whether it grows linearly.

Each essay is made of the paragraphs of the corpus's long English essays (bench/corpus:
Thoreau's Civil Disobedience and Walking, Emerson's Self-Reliance), taken in order and cycled
to the length wanted (each sentence opened by a word of its own from the second time round:
OPENERS), with a `##` heading every SECTION_WORDS words, as a long essay of parts reads.
Each command runs in a fresh process, after one unmeasured run (bytecode compiled, the
cache filled), timed from after Python and the command line have started (`CHILD`) to its
end, in seconds of the clock and seconds of CPU the process used; each is the least of RUNS
runs (the one other processes disturbed least), peak memory the process's largest RSS; the
whole process's clock time (Python's start and every import included: what a person waits for)
is kept for import, whose check it is.
Linearity is about what each word costs, not what starting costs: the CPU time each 1,000
words add between one size and the next (start-up, the same at every size, cancels out; CPU
time, not the clock's, as other processes on a shared machine stretch the clock's), from
LINEAR_FROM words up, where the words' own work outweighs the noise. The check is what they
add between the two largest sizes over what they add between the two smallest of those
(30,000 to 100,000 words over 10,000 to 30,000): 1.0 is linear; above 1, time grows faster
than the words; within 1.2 passes. The machine's load (1-minute average) after each size is in
the table.

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
LINEAR = 1.2  # the most the time 1,000 words add may grow from the smaller sizes to the largest
LINEAR_FROM = 10_000  # below this, start-up's noise outweighs what the words cost
QUICK_IMPORT = 1.0  # seconds a 10,000-word essay may take to import
HEADING = "## Import and build throughput"


def paragraphs() -> list[str]:
    """The corpus essays' paragraphs, in order, without their titles and short lines."""
    found = []
    for name in ESSAYS:
        text = (HERE / "corpus" / name).read_text(encoding="utf-8")
        found += [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 40]
    return found


# Each time the corpus comes round again, every sentence of it opens with one of these: the
# importer says a sentence an essay repeats word for word once (essay.repeats), so a 100,000-
# word essay of the 31,000 words cycled would be read as 31,000, and its time would be that.
OPENERS = ("Indeed", "Again", "Still", "Even so", "Besides", "In short", "Mind you", "Then")


def essay(words: int) -> str:
    """An essay of about `words` words, no sentence said twice: a title, then parts of
    SECTION_WORDS words."""
    from deckmaker.sentences import split

    source = paragraphs()
    out, count, part, i = ["Throughput\n"], 0, 0, 0
    while count < words:
        if count >= part * SECTION_WORDS:
            part += 1
            out.append(f"## Part {part}\n")
        paragraph, again = source[i % len(source)], i // len(source)
        if again:
            opener = OPENERS[(again - 1) % len(OPENERS)]
            paragraph = " ".join(f"{opener}, {_lowered(s)}" for s in split(paragraph, "en"))
        out.append(paragraph + "\n")
        count += len(paragraph.split())
        i += 1
    return "\n".join(out)


def _lowered(sentence: str) -> str:
    """The sentence's first letter in lower case, unless its first word is a name or "I"."""
    first = sentence.split(" ", 1)[0]
    if first == "I" or first[1:2].isupper() or not first[:1].isupper():
        return sentence
    return sentence[:1].lower() + sentence[1:]


# The command run in a fresh process, timed from after Python and the command line have
# started (what every command pays, about a second on a loaded machine) to its end: the
# command's own work, the modules it loads for it included.
CHILD = """
import sys, time
from deckmaker.cli import cli
start, cpu = time.perf_counter(), time.process_time()
try:
    cli.main(sys.argv[1:], standalone_mode=False)
finally:
    print(f"cpu={time.process_time() - cpu}", file=sys.stderr)
    print(f"seconds={time.perf_counter() - start}", file=sys.stderr)
"""


def timed(args: list[str]) -> dict[str, float]:
    """Seconds of work (clock and CPU), seconds of the whole process, and peak memory (MB) of
    one run of deckmaker `args` in a fresh process."""
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
    return {
        "": float(said.rsplit("seconds=", 1)[1]),
        " cpu": float(said.rsplit("cpu=", 1)[1].split()[0]),
        " whole": whole,
        " MB": usage.ru_maxrss / 1024,
    }


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
        found = [timed(args) for _ in range(runs)]
        for what in found[0]:
            pick = max if what == " MB" else min
            row[step + what] = pick(run[what] for run in found)
    row["load"] = os.getloadavg()[0]
    return row


def added(rows: list[dict[str, float]], at: int, step: str) -> float:
    """Seconds of CPU each 1,000 words add to `step` from row `at - 1` to row `at`."""
    a, b = rows[at - 1], rows[at]
    return (b[f"{step} cpu"] - a[f"{step} cpu"]) / (b["words"] - a["words"]) * 1000


def linearity(rows: list[dict[str, float]], step: str) -> float:
    """What 1,000 words add between the two largest sizes over what they add between the two
    smallest of at least LINEAR_FROM words: 1.0 is linear; above 1, time grows faster than
    the words."""
    first = next(i for i, r in enumerate(rows) if r["words"] >= LINEAR_FROM) + 1
    return added(rows, len(rows) - 1, step) / added(rows, first, step)


def table(rows: list[dict[str, float]]) -> list[str]:
    lines = [
        "| Words | Import | CPU | 1,000 words more | whole process | peak "
        "| Build | CPU | 1,000 words more | peak | Load |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for at, row in enumerate(rows):
        cells = []
        for step in ("import", "build"):
            more = f"+{added(rows, at, step):.3f} s" if at else "–"
            whole = f" | {row[f'{step} whole']:.2f} s" if step == "import" else ""
            cells.append(
                f"{row[step]:.2f} s | {row[f'{step} cpu']:.2f} s | {more}{whole} "
                f"| {row[f'{step} MB']:.0f} MB"
            )
        lines.append(f"| {row['words']:,.0f} | {' | '.join(cells)} | {row['load']:.1f} |")
    return lines


def main() -> None:
    sizes = SIZES
    if "--sizes" in sys.argv:
        sizes = tuple(int(n) for n in sys.argv[sys.argv.index("--sizes") + 1].split(","))
    with tempfile.TemporaryDirectory() as tmp:
        rows: list[dict[str, float]] = []
        for words in sizes:
            rows.append(measure(words, Path(tmp)))
            print(table(rows)[-1], flush=True)
    lines = [
        HEADING,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on Linux, Python "
        f"{sys.version.split()[0]}, by `python bench/throughput.py --write`. Essays made of the "
        "paragraphs of the corpus's long English essays (Civil Disobedience, Self-Reliance, "
        "Walking) cycled to each length, each sentence opened by a word of its own ('Indeed, "
        "…') from the second time round, so that none repeats (the importer says a repeated "
        f"sentence once, and 100,000 words would be read as 31,000), a `##` part every "
        f"{SECTION_WORDS} words; "
        "`deckmaker import` makes the outline, `deckmaker build` the deck and the Markdown "
        f"script from it, each in a fresh process, the least of {RUNS} runs (the one others "
        "disturbed least) after an unmeasured one, timed from after Python and the command "
        "line have started (what every command pays) to its end, by the clock and in CPU "
        "seconds; *whole process* is import's clock time with Python's start and every import "
        "included (what a person waits for); peak is the process's largest RSS; load is the "
        "machine's 1-minute load average after each size (2 cores: above 2, others were "
        "running, and the clock times stretch with it).",
        "",
        "Linearity is judged on what each word costs, not on starting: *1,000 words more* is "
        "the CPU time each 1,000 words add from the size above to this one (start-up, the same "
        "at every size, cancels out; CPU time, as the clock's stretches with the machine's "
        f"load). Below {LINEAR_FROM:,} words what they add is too small to measure against the "
        "noise; the check compares what they add between the two largest sizes with what they "
        f"add between the two smallest from {LINEAR_FROM:,} words.",
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
            f"| {step}: CPU time 1,000 words add, between the two largest sizes over between the "
            f"two smallest from {LINEAR_FROM:,} words, ≤ {LINEAR} | {ratio:.2f}× "
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
