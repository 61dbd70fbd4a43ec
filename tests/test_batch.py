"""Batch builds: many inputs or a folder, in parallel processes, one failure among good ones."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ESSAY

from deckmaker import plan
from deckmaker.cli import cli
from deckmaker.pipeline import build, example_outline

GOOD = "title: Small\nsections:\n  - title: One\n    points: [A first point, A second point]\n"
BROKEN = "title: Broken\nsections:\n  - titel: One\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def talks(folder: Path) -> list[Path]:
    folder.mkdir()
    shutil.copy(example_outline(), folder / "example.yaml")
    shutil.copy(ESSAY, folder / "essay.txt")
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (folder / "small.yml").write_text(GOOD, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a talk: left alone
    return sorted(p for p in folder.iterdir() if p.suffix != ".pdf")


def test_one_failure_among_good_inputs_in_parallel(tmp_path: Path, judged) -> None:
    broken, essay, example, small = talks(tmp_path / "talks")
    result = run("build", str(example), str(broken), str(essay), str(small), "-j", "2",
                 "--out", str(tmp_path / "out"))  # fmt: skip
    assert result.exit_code == 2
    out = tmp_path / "out"
    written = sorted(p.name for p in out.iterdir())
    assert written == [
        "essay.pptx", "essay.script.md", "example.pptx", "example.script.md",
        "small.pptx", "small.script.md",
    ]  # fmt: skip
    # Said in the order given, whichever finished first; the failure last, on stderr.
    lines = result.stdout.splitlines()
    slides = {p.stem: len(plan(p).slides) for p in (example, essay)}
    assert lines[0] == f"Wrote {out / 'example.pptx'} ({slides['example']} slides, notes on each)"
    assert lines[3] == f"Wrote {out / 'essay.pptx'} ({slides['essay']} slides, notes on each)"
    assert lines[-1] == f"Built 3 of 4 talks into {out}; 1 failed:"
    assert result.stderr.splitlines() == [
        f"error: {broken}:3: sections[1].titel: unknown field; did you mean 'title'?"
    ]
    # Built in other processes: the same bytes as a build here, and judged like one.
    alone = build(small, tmp_path / "alone")
    for kind, path in alone.files.items():
        assert (out / path.name).read_bytes() == path.read_bytes(), kind
    for path in out.iterdir():
        judged(path)


def test_a_folder_builds_its_outlines_and_essays(tmp_path: Path) -> None:
    talks(tmp_path / "talks")
    (tmp_path / "talks" / "broken.yaml").unlink()
    result = run("build", str(tmp_path / "talks"), "-j", "1", "--only", "script",
                 "--out", str(tmp_path / "out"))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "essay.script.md",
        "example.script.md",
        "small.script.md",
    ]
    assert result.stdout.splitlines()[-1] == f"Built 3 of 3 talks into {tmp_path / 'out'}."
    assert result.stderr == ""


def test_two_inputs_that_would_write_the_same_names_are_refused(tmp_path: Path) -> None:
    (tmp_path / "talk.yaml").write_text(GOOD, encoding="utf-8")
    shutil.copy(ESSAY, tmp_path / "talk.txt")
    (tmp_path / "other.yaml").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(tmp_path / "other.yaml"), str(tmp_path), "--out", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path / 'talk.yaml'}: would write the same talk.* files as "
        f"{tmp_path / 'talk.txt'}; build them into different --out folders, or rename one\n"
    )
    assert not out.exists(), "nothing is built when the names clash"


def test_the_same_file_twice_is_built_once(tmp_path: Path) -> None:
    (tmp_path / "talk.yaml").write_text(GOOD, encoding="utf-8")
    result = run("build", str(tmp_path / "talk.yaml"), str(tmp_path), "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"Built 1 of 1 talks into {tmp_path / 'o'}."


def test_a_folder_with_no_talks_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("build", str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "empty: holds no outline or essay (.yaml, .yml, .txt, .md, .markdown)" in result.stderr


# A script template that runs until its time is up (30 s) for the talk titled Slow, and at once
# for any other: a batch caught in the middle of a long build.
SLOW = (
    "{% if plan.title == 'Slow' %}{% for i in range(100000) %}{% for j in range(100000) %}"
    "{% endfor %}{% endfor %}{% endif %}# {{ plan.title }}\n"
)


def _batch_with_a_slow_talk(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    """A batch of a quick talk and a slow one, -j 2, started in its own process; returns once
    the quick talk is written, the slow one still building."""
    folder = tmp_path / "talks"
    folder.mkdir()
    (folder / "quick.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "slow.yaml").write_text(GOOD.replace("Small", "Slow"), encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "script.md.j2").write_text(SLOW, encoding="utf-8")
    out = tmp_path / "out"
    batch = subprocess.Popen(
        [sys.executable, "-m", "deckmaker", "build", str(folder), "-j", "2", "--out", str(out),
         "--templates", str(mine)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while not (out / "quick.script.md").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (out / "quick.script.md").exists(), batch.stderr
    return batch, out


def _workers(parent: int) -> list[int]:
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    return [int(pid) for pid in children]


@pytest.mark.parametrize(("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_batch_stops_at_the_first_signal_and_keeps_the_finished_talks(
    tmp_path: Path, number: int, status: int
) -> None:
    batch, out = _batch_with_a_slow_talk(tmp_path)
    workers = _workers(batch.pid)
    assert workers  # the slow talk's
    before = time.monotonic()
    batch.send_signal(number)
    _, stderr = batch.communicate(timeout=10)
    assert time.monotonic() - before < 5  # not the 30 s the slow template would run
    assert batch.returncode == status
    assert len(stderr.splitlines()) == 1, stderr
    assert "Traceback" not in stderr
    assert all(not Path(f"/proc/{pid}").exists() for pid in workers)  # every worker ended
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "quick.pptx", "quick.script.md"
    ]  # fmt: skip


def test_a_worker_killed_is_one_line_naming_its_talk_and_the_summary_still_prints(
    tmp_path: Path,
) -> None:
    batch, out = _batch_with_a_slow_talk(tmp_path)
    worker = max(_workers(batch.pid))  # the slow talk's: started after the quick one's
    os.kill(worker, signal.SIGKILL)  # as the out-of-memory killer ends a process
    stdout, stderr = batch.communicate(timeout=30)
    assert batch.returncode == 1
    assert f"Built 1 of 2 talks into {out}; 1 failed:" in stdout
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, stderr
    line = errors[0]
    assert line.startswith(f"error: {tmp_path / 'talks' / 'slow.yaml'}: its build's process")
    assert "signal 9" in line
    assert (out / "quick.pptx").exists() and not (out / "slow.pptx").exists()
