"""Batch builds: many inputs or a folder, in parallel processes, one failure among good ones."""

from __future__ import annotations

import shutil
from pathlib import Path

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
