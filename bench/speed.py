"""How fast is deckmaker beside pandoc's PowerPoint writer, on the same content? Wall time and
peak memory of each, in a fresh process every run, from the bundled example to thousands of
sections; the floors (an empty interpreter; importing every module a build of the example
loads, deckmaker's own included, so that what is above it is the build's own work); time per
section, and how linear it stays.

    python bench/speed.py            # print the table (5, 100, 1,000 and 5,000 sections)
    python bench/speed.py --write    # and replace its section of bench/RESULTS.md
    python bench/speed.py --quick    # small sizes only (5 and 100), for a look in seconds

pandoc comes from the `bench` extra (`pip install '.[bench]'`: pypandoc-binary ships it), or
from PATH. Each size is built `--runs` times (median reported; fewer runs for large sizes),
with SOURCE_DATE_EPOCH set for both tools, as a reproducible build would be, after one
unmeasured build that compiles deckmaker to bytecode and fills its cache, as any first build
does (PYTHONDONTWRITEBYTECODE is unset for its runs: pip compiles on install). The content:
sections of 4 points and about 130 spoken words, written as a deckmaker outline (YAML) and as
pandoc Markdown with the spoken words in `::: notes`; 5 sections means the bundled example.
pandoc is quadratic, so it sits out a size it would take over PANDOC_LIMIT seconds to build
even if it grew only linearly from the size before (in practice: 5,000 sections).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from results import replace_section

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
HEADING = "## Speed: deckmaker beside pandoc"
EXAMPLE = ROOT / "outlines" / "la-la-land.yaml"
SIZES = (5, 100, 1000, 5000)
QUICK_SIZES = (5, 100)
PANDOC_LIMIT = 60.0  # seconds: pandoc sits out a size it would take longer than this to build
EPOCH = "1700000000"
# The import floor: every module a build of the example loads (python-pptx, Jinja2, PyYAML,
# click, lxml, fontTools… and deckmaker's own), imported in the order the build loads them, in
# one fresh process; deckmaker's "own work" is the build's time above it, the build itself.
IMPORT_FLOOR = "`python floor.py`: import every module the example's build loads"
EMPTY_CACHE = "the example, empty cache"
# Start-up: a talk of STARTUP_SECTIONS sections like the others, the build's start-up and fixed
# work; *per section* is the time a size adds beyond it, divided by the sections it adds.
STARTUP = "start-up: a talk of 5 sections like the others (not the example)"
STARTUP_SECTIONS = 5
# What 100 sections add to the start-up talk's build, as the median difference of PAIRS pairs
# of runs side by side (its 95 sections' time is a tenth of either build, so two separate
# medians' drift would move the time per section at 100 by a tenth).
ADDED = "100 sections beyond the start-up talk: a build minus the start-up, in alternating pairs"
# The example's own work, measured as the median of differences between a build and the floor
# run one after the other: two medians of separate batches each drift by milliseconds.
OWN_WORK = "the example's own work: a build minus the floor, run in alternating pairs"
PAIRS = 41

_TEXT = (
    "every team that ships software learns the same lesson sooner or later the work you can "
    "see is never the whole of the work and the part you cannot see decides how fast you go "
    "so today we look at where the time really goes why the obvious fixes rarely help and "
    "what small habits make the biggest difference over a year of steady careful releases"
)


@dataclass(frozen=True)
class Content:
    """One talk written for both tools."""

    yaml_path: Path
    markdown_path: Path
    sections: int


def section_text(n: int) -> tuple[str, list[str], str]:
    """Section n's title, its four points and about 130 spoken words (in six sentences)."""
    title = f"Part {n}: Where the Time Goes"
    points = [
        f"Measure before changing anything ({n})",
        "Most of the cost hides in a few places",
        "Small habits beat heroic rewrites",
        "Check the result on real work",
    ]
    words_all = _TEXT.split()
    sentences = []
    for s in range(6):
        start = (n * 7 + s * 11) % len(words_all)
        words = [words_all[(start + k) % len(words_all)] for k in range(20)]
        sentences.append(" ".join(words).capitalize() + f" in part {n}.")
    # every sentence its own, as in a real talk: no cache of deckmaker's (sentences are
    # split once per build and paragraph) profits from the same words coming back
    return title, points, " ".join(sentences)


def write_content(folder: Path, sections: int, example: bool = True) -> Content:
    """The same talk as deckmaker's YAML and pandoc's Markdown; 5 sections: the example, unless
    `example` is False (the start-up talk: 5 sections like the others)."""
    name = f"talk-{sections}" if example else f"plain-{sections}"
    yaml_path, md_path = folder / f"{name}.yaml", folder / f"{name}.md"
    if sections == 5 and example:
        shutil.copy(EXAMPLE, yaml_path)
        md_path.write_text(_example_markdown(), encoding="utf-8")
        return Content(yaml_path, md_path, sections)
    out = ["title: Where the Time Goes", "sections:"]
    md = ["---", "title: Where the Time Goes", "---", ""]
    for n in range(1, sections + 1):
        title, points, script = section_text(n)
        out += [f'  - title: "{title}"', "    points:"]
        out += [f'      - "{p}"' for p in points]
        out += [f'    script: "{script}"']
        md += [f"# {title}", "", *(f"- {p}" for p in points), "", "::: notes", script, ":::", ""]
    yaml_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    md_path.write_text("\n".join(md), encoding="utf-8")
    return Content(yaml_path, md_path, sections)


def _example_markdown() -> str:
    """The bundled example as pandoc Markdown: each segment's points, its script as notes."""
    sys.path.insert(0, str(ROOT / "src"))
    from deckmaker.outline import load_outline

    outline = load_outline(EXAMPLE)
    md = ["---", f"title: {outline.title}", f"subtitle: {outline.subtitle or ''}", "---", ""]
    for segment in (outline.intro, *outline.sections, outline.outro):
        if segment is None:
            continue
        md += [f"# {segment.title or 'Introduction'}", ""]
        for point in segment.points:
            md.append(f"- {point.text}")
            md += [f"    - {sub}" for sub in point.points]
        md += ["", "::: notes", segment.script or "", ":::", ""]
    return "\n".join(md)


@dataclass(frozen=True)
class Measure:
    """Medians over several runs of one command, each in a fresh process."""

    wall: float  # seconds
    rss: float  # peak resident memory, MB
    runs: int


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one run: os.wait4 gives this child's own rusage."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{errors}")
    scale = 1024 if sys.platform != "darwin" else 1  # ru_maxrss: KiB on Linux, bytes on macOS
    return wall, usage.ru_maxrss * scale / 1e6


def measure(
    command: list[str], runs: int, env: dict[str, str], limit: float | None = None
) -> Measure:
    """Run `command` `runs` times (stopping after a run that takes over `limit` seconds)."""
    results: list[tuple[float, float]] = []
    for _ in range(runs):
        results.append(run_once(command, env))
        if limit is not None and results[-1][0] > limit:
            break
    walls, peaks = zip(*results, strict=True)
    return Measure(statistics.median(walls), statistics.median(peaks), len(results))


def pandoc() -> tuple[str, str] | None:
    """pandoc's path and version: the `bench` extra's pypandoc-binary, else one on PATH."""
    try:
        import pypandoc

        path = pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        path = shutil.which("pandoc")
    if not path:
        return None
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    return path, (out.stdout.split("\n")[0].split(" ")[-1] or "?")


@dataclass(frozen=True)
class Row:
    sections: int
    slides: int
    deckmaker: Measure
    pandoc: Measure | None  # None: not installed, or skipped past PANDOC_LIMIT


def runs_for(sections: int, runs: int) -> int:
    """Fewer runs where one run takes seconds: the median of 3, or 1 at the largest size."""
    return runs if sections <= 100 else min(runs, 3) if sections <= 1000 else min(runs, 2)


def slide_count(outline: Path) -> int:
    from deckmaker.pipeline import plan_outline

    return len(plan_outline(outline)[0].slides)


def bench(sizes: tuple[int, ...], runs: int, folder: Path) -> tuple[dict[str, Measure], list[Row]]:
    # deckmaker as pip installs it, its modules compiled once to bytecode: a machine that sets
    # PYTHONDONTWRITEBYTECODE would otherwise compile them again on every run.
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = sys.executable
    warm = write_content(folder, 5).yaml_path  # and its caches filled, as after the first build
    subprocess.run(
        [python, "-m", "deckmaker", "build", str(warm), "--out", str(folder / "warm-up")],
        env=env, capture_output=True, check=True,
    )  # fmt: skip
    floor = write_floor(folder, warm, env)
    floors = {
        "`python -c pass`": measure([python, "-c", "pass"], runs, env),
        IMPORT_FLOOR: measure([python, str(floor)], runs, env),
    }
    startup = write_content(folder, STARTUP_SECTIONS, example=False).yaml_path
    made = [python, "-m", "deckmaker", "build", str(startup), "--out", str(folder / "out-start")]
    floors[STARTUP] = measure(made, runs, env)
    tool = pandoc()
    rows: list[Row] = []
    pandoc_on = tool is not None
    for sections in sizes:
        content = write_content(folder, sections)
        settle()
        out = folder / f"out-{sections}"
        made = [python, "-m", "deckmaker", "build", str(content.yaml_path), "--out", str(out)]
        mine = measure(made, runs_for(sections, runs), env)
        theirs = None
        if tool is not None and pandoc_on:
            pptx = str(folder / f"pandoc-{sections}.pptx")
            command = [tool[0], str(content.markdown_path), "-o", pptx]
            theirs = measure(command, runs_for(sections, runs), env, PANDOC_LIMIT)
        if theirs is not None and sections != sizes[-1]:  # would the next size pass the limit?
            following = sizes[sizes.index(sections) + 1]
            pandoc_on = theirs.wall * following / sections <= PANDOC_LIMIT
        rows.append(Row(sections, slide_count(content.yaml_path), mine, theirs))
        print(f"  {sections} sections: deckmaker {mine.wall:.3f} s", file=sys.stderr)
    if 100 in sizes:  # what 100 sections add, from pairs of runs side by side
        settle()
        made = [python, "-m", "deckmaker", "build", str(folder / "talk-100.yaml")]
        made += ["--out", str(folder / "out-100-pairs")]
        started = [python, "-m", "deckmaker", "build", str(startup)]
        started += ["--out", str(folder / "out-start-pairs")]
        added = []
        for _ in range(max(runs, PAIRS)):
            below, above = run_once(started, env), run_once(made, env)
            added.append((above[0] - below[0], above[1] - below[1]))
        walls, peaks = zip(*added, strict=True)
        floors[ADDED] = Measure(statistics.median(walls), statistics.median(peaks), len(added))
    if sizes and sizes[0] == 5:  # the example's own work, from pairs of runs side by side
        settle()
        made = [python, "-m", "deckmaker", "build", str(folder / "talk-5.yaml")]
        made += ["--out", str(folder / "out-pairs")]
        pairs = []
        for _ in range(max(runs, PAIRS)):
            below, above = run_once([python, str(floor)], env), run_once(made, env)
            pairs.append((above[0] - below[0], above[1] - below[1]))
        walls, peaks = zip(*pairs, strict=True)
        floors[OWN_WORK] = Measure(statistics.median(walls), statistics.median(peaks), len(pairs))
    if sizes and sizes[0] == 5:  # the example once more, its caches emptied before each run
        empty = folder / "empty-cache"
        made = [python, "-m", "deckmaker", "build", str(folder / "talk-5.yaml")]
        made += ["--out", str(folder / "out-cold")]
        cold = []
        for _ in range(runs):
            shutil.rmtree(empty, ignore_errors=True)
            cold.append(run_once(made, {**env, "DECKMAKER_CACHE": str(empty)}))
        walls, peaks = zip(*cold, strict=True)
        floors[EMPTY_CACHE] = Measure(statistics.median(walls), statistics.median(peaks), runs)
    return floors, rows


def settle() -> None:
    """Have the system write out what earlier runs wrote (the 5,000 sections' files are tens of
    megabytes), so that writing them back does not land in a later, smaller measurement."""
    if hasattr(os, "sync"):
        os.sync()


def write_floor(folder: Path, outline: Path, env: dict[str, str]) -> Path:
    """A script importing, in order, every module a build of `outline` loads (as
    `python -X importtime` lists them as each finishes loading), and nothing else."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "deckmaker", "build", str(outline),
         "--out", str(folder / "floor-out")],
        env=env, capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    names = [
        line.split("|")[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line and "imported package" not in line
    ]
    wanted = [n for n in dict.fromkeys(names) if not n.endswith("__main__")]
    script = folder / "floor.py"
    script.write_text(
        "import gc, importlib\n"
        "gc.freeze()  # as deckmaker's command line does (cli.main), so only the work differs\n"
        "gc.set_threshold(50_000, 20, 100)\n"
        f"for name in {wanted!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError:  # looked for and not found by the build too: sitecustomize\n"
        "        pass\n"
        "gc.freeze()\n",
        encoding="utf-8",
    )
    return script


def per_section(
    row: Row, start: Measure, sections: int = STARTUP_SECTIONS, added: Measure | None = None
) -> float:
    """Seconds each section adds beyond the start-up talk's build (start-up and fixed work);
    from `added` (ADDED, paired runs) at 100 sections when measured; with the example's run
    as `start`, beyond the example (the measure before 2026-12-04)."""
    if added is not None and row.sections == 100:
        return added.wall / (row.sections - sections)
    return (row.deckmaker.wall - start.wall) / (row.sections - sections)


def report(floors: dict[str, Measure], rows: list[Row], tool: tuple[str, str] | None) -> str:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cpus = os.cpu_count()
    peer = f"pandoc {tool[1]}" if tool else "pandoc (not installed: its columns are empty)"
    lines = [
        HEADING,
        "",
        f"Measured {now} on {platform.system()} {platform.machine()} ({cpus} cores), "
        f"Python {platform.python_version()}, {peer}, by `python bench/speed.py --write`. "
        "Each figure is the median of several runs (in brackets), each in a fresh process, with "
        "SOURCE_DATE_EPOCH set, after one unmeasured build (bytecode compiled, cache filled); "
        "peak memory is the process's maximum RSS. deckmaker builds the "
        "deck and the Markdown script; pandoc the deck. 5 sections is the bundled example; the "
        "others have sections of 4 points and about 130 spoken words. *per section* is the time "
        "each section adds beyond a talk of 5 sections like them (the start-up floor below), "
        "so start-up and a build's fixed work are subtracted; at 100 sections, from pairs of "
        "runs side by side, as the own work is. pandoc sits out "
        f"a size it would take over {PANDOC_LIMIT:.0f} s to build even growing linearly. "
        "The import floor imports, in one fresh process and in the order a build loads them, "
        "every module a build of the example loads (python-pptx, Jinja2, PyYAML, click, lxml, "
        "fontTools… and deckmaker's own, as `python -X importtime` lists them), with the "
        "command line's garbage-collection settings: the example's *own work* is its time "
        "above that floor, the build itself, measured as the median difference of "
        f"{PAIRS} pairs of runs, the floor then the build (the difference of two separate "
        "medians drifts by several milliseconds).",
        "",
        "| content | slides | deckmaker | peak memory | pandoc | peak memory | time ÷ pandoc "
        "| memory ÷ pandoc | per section |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    base = rows[0] if rows and rows[0].sections == 5 else None
    start = floors.get(STARTUP)
    for row in rows:
        mine, theirs = row.deckmaker, row.pandoc
        name = "the example (5 sections)" if row.sections == 5 else f"{row.sections:,} sections"
        each = "–"
        if start is not None and row is not base:
            each = f"{per_section(row, start, added=floors.get(ADDED)) * 1000:.2f} ms"
        lines.append(
            f"| {name} | {row.slides:,} | {_time(mine)} | {mine.rss:.0f} MB | "
            + (
                f"{_time(theirs)} | {theirs.rss:.0f} MB | {mine.wall / theirs.wall:.2f}× | "
                f"{mine.rss / theirs.rss:.2f}× | "
                if theirs
                else f"{'skipped' if tool else '–'} | – | – | – | "
            )
            + f"{each} |"
        )
    lines += ["", "| floor | time | peak memory |", "| --- | ---: | ---: |"]
    lines += [
        f"| {name} | {_time(m)} | {'–' if name in (OWN_WORK, ADDED) else f'{m.rss:.0f} MB'} |"
        for name, m in floors.items()
    ]
    lines += ["", *targets(floors, rows, base)]
    return "\n".join(lines) + "\n"


def targets(floors: dict[str, Measure], rows: list[Row], base: Row | None) -> list[str]:
    """Issue 17's targets, each with the figures it is judged on."""
    by_size = {row.sections: row for row in rows}
    found: list[tuple[str, bool | None, str]] = []
    imports = floors[IMPORT_FLOOR]
    if base is not None and base.pandoc:
        ratio = base.deckmaker.wall / base.pandoc.wall
        found.append(("the example ≤ 2× pandoc", ratio <= 2, f"{ratio:.2f}×"))
    if OWN_WORK in floors:
        own = floors[OWN_WORK].wall * 1000
        found.append(("the example's own work above the import floor ≤ 30 ms", own <= 30,
                      f"{own:.0f} ms"))  # fmt: skip
    elif base is not None:
        own = (base.deckmaker.wall - imports.wall) * 1000
        found.append(("the example's own work above the import floor ≤ 30 ms", own <= 30,
                      f"{own:.0f} ms"))  # fmt: skip
    if 1000 in by_size and by_size[1000].pandoc:
        row = by_size[1000]
        ratio = row.deckmaker.wall / row.pandoc.wall  # type: ignore[union-attr]
        found.append(("1,000 sections ≤ 0.1× pandoc", ratio <= 0.1, f"{ratio:.2f}×"))
    with_pandoc = [row for row in rows if row.pandoc]
    if with_pandoc:
        worst = max(row.deckmaker.rss / row.pandoc.rss for row in with_pandoc)  # type: ignore[union-attr]
        found.append(("peak memory ≤ 0.5× pandoc at every size", worst <= 0.5,
                      f"at most {worst:.2f}×"))  # fmt: skip
    start = floors.get(STARTUP)
    before = ""
    if start is not None and 100 in by_size and len(rows) > 2:
        last = rows[-1]
        hundred = per_section(by_size[100], start, added=floors.get(ADDED))
        ratio = per_section(last, start) / hundred
        found.append((f"linear: per section at {last.sections:,} ≤ 1.2× that at 100",
                      ratio <= 1.2, f"{ratio:.2f}×"))  # fmt: skip
        if base is not None:
            old = [per_section(r, base.deckmaker, 5) for r in (by_size[100], last)]
            before = (
                f"Counted from the example's run instead (the measure before 2026-12-04, which "
                f"subtracts the example's five long sections as if they were start-up): "
                f"{old[0] * 1000:.2f} ms per section at 100, {old[1] * 1000:.2f} ms at "
                f"{last.sections:,}, {old[1] / old[0]:.2f}×."
            )
    lines = ["| target | measured | met |", "| --- | ---: | --- |"]
    lines += [f"| {what} | {figure} | {'yes' if met else 'no'} |" for what, met, figure in found]
    return [*lines, *(["", before] if before else [])]


def _time(m: Measure) -> str:
    return f"{m.wall:.3f} s ({m.runs})" if m.wall < 10 else f"{m.wall:.1f} s ({m.runs})"


def write(section: str) -> None:
    """Replace this benchmark's section of RESULTS.md, keeping any others."""
    replace_section(HEADING, section, RESULTS)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="replace its section of RESULTS.md")
    parser.add_argument("--quick", action="store_true", help="5 and 100 sections only")
    parser.add_argument("--sizes", help="sections to build, comma-separated (5 is the example)")
    parser.add_argument("--runs", type=int, default=5, help="runs per small size (default 5)")
    args = parser.parse_args(argv)
    sizes: tuple[int, ...] = QUICK_SIZES if args.quick else SIZES
    if args.sizes:
        sizes = tuple(int(n) for n in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="deckmaker-bench-") as tmp:
        floors, rows = bench(sizes, max(1, args.runs), Path(tmp))
    text = report(floors, rows, pandoc())
    print(text)
    if args.write:
        write(text)
    return text


if __name__ == "__main__":
    main()
