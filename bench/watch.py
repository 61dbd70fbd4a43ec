"""How soon does `deckmaker watch` rebuild after a save? Runs it on a copy of the bundled
example, saves the outline again and again (a comment line added each time), and reads the
time each rebuild reports: from the change being seen to every file written.

    python bench/watch.py             # 25 saves
    python bench/watch.py --saves 5
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "outlines" / "la-la-land.yaml"
PAUSE = 0.6  # seconds between saves: each rebuild done, and the watcher settled, before the next


def rebuild_times(saves: int, folder: Path) -> list[int]:
    """Milliseconds each of `saves` rebuilds took, as watch mode reports them."""
    for item in EXAMPLE.parent.iterdir():  # the outline and the pictures it shows
        copy = shutil.copytree if item.is_dir() else shutil.copy
        copy(item, folder / item.name)
    talk = folder / EXAMPLE.name
    text = talk.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "deckmaker", "watch", str(talk), "--out", str(folder / "out")]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    try:
        proc.stdout.readline()  # "Watching …"
        proc.stdout.readline()  # the first build
        times = []
        for n in range(saves):
            time.sleep(PAUSE)
            talk.write_text(f"{text}# save {n}\n", encoding="utf-8")
            line = proc.stdout.readline()
            found = re.search(r" in (\d+) ms ", line)
            if found is None:
                raise SystemExit(f"unexpected output from deckmaker watch: {line!r}")
            times.append(int(found.group(1)))
        return times
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = rebuild_times(max(1, args.saves), Path(tmp))
    print(
        f"{len(times)} saves: {min(times)}–{max(times)} ms, median {statistics.median(times):g} ms"
    )
    print("each:", ", ".join(str(t) for t in times))


if __name__ == "__main__":
    main()
