"""The command line, as a user meets it: what it writes, what it says, how it fails."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from judges.tools import require_font
from pptx import Presentation

from deckmaker import __version__
from deckmaker.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_builds_the_example_with_no_argument(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "la-la-land.pptx").stat().st_size > 10_000
    assert (tmp_path / "build" / "la-la-land.script.md").read_text().startswith("# La La Land")
    slides = len(Presentation(str(tmp_path / "build" / "la-la-land.pptx")).slides)
    assert f"Wrote build/la-la-land.pptx ({slides} slides, notes on each)" in result.output
    assert re.search(
        r"^The talk runs about 1\d:\d\d at 150 words per minute\.$", result.output, re.M
    )


def test_only_and_wpm_and_out(tmp_path: Path) -> None:
    result = run("build", "--only", "script", "--wpm", "120", "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["la-la-land.script.md"]
    assert "at 120 words per minute" in result.output
    result = run("build", "--only", "deck", "--out", str(tmp_path / "d"))
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["la-la-land.pptx"]


def test_output_is_named_after_the_outline(tmp_path: Path, write_outline) -> None:
    outline = write_outline("title: T\nsections: [{title: A}]\n", "my.talk.yaml")
    result = run("build", str(outline), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "my.talk.pptx",
        "my.talk.script.md",
    ]


def test_validate(write_outline) -> None:
    require_font("Carlito", "fonts-crosextra-carlito")  # else a warning that Calibri is missing
    good = write_outline("title: T\nsections: [{title: A}, {title: B}]\n")
    result = run("validate", str(good))
    said = r": OK, 2 sections, 5 slides, about 0:\d\d at 150 words per minute\n"
    assert re.fullmatch(re.escape(str(good)) + said, result.output), result.output


def test_validate_finds_what_only_laying_out_the_slides_shows(write_outline) -> None:
    """A title too long for any type size: validate must not say OK to what build refuses."""
    long = "Long title words " * 30
    outline = write_outline(f"title: T\nsections:\n  - title: A\n  - title: {long}\n")
    for command in ("validate", "build"):
        result = run(command, str(outline))
        assert result.exit_code == 2
        assert result.output.startswith(f"error: {outline}:4: sections[2].title: the title")


BAD_INPUTS = {
    "malformed YAML": (
        "title: T\nsections:\n  - title: [open\n",
        "a flow sequence that starts on line 3",
    ),
    "empty file": ("", ":1: the outline is empty"),
    "unknown key": ("title: T\nsubtitel: S\nsections: [{title: A}]\n", "did you mean 'subtitle'"),
    "wrong type": ("title: T\nsections: {title: A}\n", ":2: sections: expected a list"),
    "missing field": ("sections: [{title: A}]\n", ":1: title: is required"),
}


@pytest.mark.parametrize("command", ["build", "validate"])
@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_exits_2_and_writes_nothing(tmp_path, write_outline, case, command) -> None:
    text, says = BAD_INPUTS[case]
    outline = write_outline(text)
    out = tmp_path / "out"
    args = [command, str(outline)] + (["--out", str(out)] if command == "build" else [])
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {outline}:")  # the file first, then the line
    assert says in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists()


def test_missing_outline_file(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output == f"error: {tmp_path / 'nope.yaml'}: no such file; check the path\n"
    assert not (tmp_path / "out").exists()


def test_a_broken_outline_keeps_the_last_good_outputs(tmp_path: Path, write_outline) -> None:
    outline = write_outline("title: Good\nsections: [{title: A}]\n")
    out = tmp_path / "out"
    assert run("build", str(outline), "--out", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    outline.write_text("title: Broken\nsections: [{title: A}\n")
    assert run("build", str(outline), "--out", str(out)).exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary files either


def test_a_broken_template_exits_2(tmp_path: Path) -> None:
    (tmp_path / "script.md.j2").write_text("{% if %}")
    result = run("build", "--templates", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"error: {tmp_path / 'script.md.j2'}:1: template error" in result.output
    assert not (tmp_path / "out").exists()


def test_a_theme_that_is_not_a_pptx_exits_2(tmp_path: Path) -> None:
    (tmp_path / "deck.pptx").write_text("not a zip")
    result = run("build", "--templates", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "is not a usable .pptx or .potx theme" in result.output


def test_version_and_help() -> None:
    assert run("--version").output == f"deckmaker, version {__version__}\n"
    assert "Usage: " in run().output  # a bare `deckmaker` shows the help
    for args in (["--help"], ["build", "--help"], ["validate", "--help"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage: " in result.output
    assert "--templates" in run("build", "--help").output


def test_the_installed_command_runs(tmp_path: Path, judged) -> None:
    """The console script itself, in a real process, with no standard input."""
    result = subprocess.run(
        [sys.executable, "-m", "deckmaker", "build", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["la-la-land.pptx", "la-la-land.script.md"]
    for path in tmp_path.iterdir():
        judged(path)


def test_a_bug_is_one_line_and_exit_1_unless_debugging(monkeypatch, tmp_path: Path) -> None:
    import deckmaker.api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(deckmaker.api, "render", broken)
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("error: internal error (RuntimeError: boom).")
    assert "Traceback" not in result.output
    debug = CliRunner().invoke(cli, ["--debug", "build", "--out", str(tmp_path)])
    assert isinstance(debug.exception, RuntimeError)


def test_a_reader_that_stops_reading_ends_the_command_quietly() -> None:
    """`deckmaker themes FILE | head`: once what reads the output is gone, the command ends
    with a closed pipe's status (141) and nothing on stderr, never an 'internal error'."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before a word is printed
    done = subprocess.run(
        [sys.executable, "-m", "deckmaker", "templates", "list"],
        stdout=write, stderr=subprocess.PIPE, text=True, check=False,
    )  # fmt: skip
    os.close(write)
    assert done.returncode == 141
    assert done.stderr == ""
