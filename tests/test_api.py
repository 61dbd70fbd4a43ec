"""The Python API: what `deckmaker.build` and `deckmaker.plan` return is what the CLI writes,
nothing is written unless asked, mistakes are `DeckmakerError`s, and importing is cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import deckmaker
from deckmaker.cli import cli
from deckmaker.pipeline import example_outline

FORMATS = ("md", "txt", "srt")


def test_the_bytes_returned_are_the_files_the_cli_writes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    built = deckmaker.build(example_outline(), formats=FORMATS)
    assert list(tmp_path.iterdir()) == [], "the API wrote without being asked"
    assert built.files == {}
    args = ["build", "--out", "cli", *(a for f in FORMATS for a in ("--format", f))]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = {p.name: p.read_bytes() for p in (tmp_path / "cli").iterdir()}
    returned = {a.name: a.data for a in built.artifacts.values()}
    assert returned == written
    assert sorted(built.artifacts) == ["deck", "script", "srt", "txt"]
    assert built.artifacts["deck"].name == "la-la-land.pptx"


def test_the_bytes_returned_pass_the_judges(tmp_path: Path, judged) -> None:
    """Written here by hand, not through the pipeline, so handed to the judges explicitly."""
    built = deckmaker.build(str(example_outline()), formats=("md", "html"))
    for artifact in built.artifacts.values():
        path = tmp_path / artifact.name
        path.write_bytes(artifact.data)
        judged(path)


def test_out_dir_writes_what_was_returned(tmp_path: Path) -> None:
    built = deckmaker.build(example_outline(), str(tmp_path / "out"), only=("deck",))
    assert built.files == {"deck": tmp_path / "out" / "la-la-land.pptx"}
    assert built.files["deck"].read_bytes() == built.artifacts["deck"].data
    assert list((tmp_path / "out").iterdir()) == [built.files["deck"]]


def test_plan_is_the_plan_a_build_renders(tmp_path: Path) -> None:
    plan = deckmaker.plan(example_outline(), wpm=120, theme="dark")
    built = deckmaker.build(example_outline(), wpm=120, theme="dark", only=("script",))
    assert plan == built.plan
    assert plan.wpm == 120
    assert isinstance(plan, deckmaker.Plan)
    assert plan != deckmaker.plan(example_outline())


def test_the_files_it_read_are_named(tmp_path: Path) -> None:
    built = deckmaker.build(example_outline(), theme="editorial", only=("script",))
    assert built.read[0] == example_outline()
    assert built.read[1].name == "editorial.pptx"


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (lambda p: deckmaker.build(p, themee="dark"), "themee: unknown option; did you mean"),
        (lambda p: deckmaker.plan(p, colour=1), "colour: unknown option; the options are"),
        (lambda p: deckmaker.build(p, only="deck"), "only: is 'deck'; give a tuple of one or more"),
        (lambda p: deckmaker.build(p, formats=("pdf",)), "formats: is ('pdf',); give a tuple"),
        (lambda p: deckmaker.build(p.with_name("gone.yaml")), "gone.yaml: no such file"),
        (lambda p: deckmaker.build(42), "source: is a int; give the path"),
        (lambda p: deckmaker.build(p, theme="nope"), "theme: no theme named 'nope'"),
    ],
)
def test_mistakes_are_deckmaker_errors(write_outline, call, said: str) -> None:
    path = write_outline("title: T\nsections: [{title: A}]\n")
    with pytest.raises(deckmaker.DeckmakerError) as raised:
        call(path)
    assert said in str(raised.value)


def test_a_broken_outline_writes_nothing(write_outline, tmp_path: Path) -> None:
    path = write_outline("title: T\nsections: [{titel: A}]\n")
    with pytest.raises(deckmaker.DeckmakerError) as raised:
        deckmaker.build(path, tmp_path / "out")
    assert [str(p) for p in raised.value.problems] == [
        f"{path}:2: sections[1].titel: unknown field; did you mean 'title'?"
    ]
    assert not (tmp_path / "out").exists()


def test_importing_the_package_is_cheap_and_the_api_names_stay_callable() -> None:
    """The CLI imports the package, so it must not pull in the pipeline; `deckmaker.plan` is the
    API's function, whether or not the planning stage (`deckmaker.planning`) was imported first."""
    code = (
        "import sys, deckmaker\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('pptx', 'jinja2', 'yaml', 'click', 'lxml', 'fontTools', 'deckmaker') "
        "and m != 'deckmaker']\n"
        "print(heavy)\n"
        "from deckmaker.pipeline import plan_outline\n"
        "import deckmaker.planning.planner as planner, pickle\n"
        "print(deckmaker.build.__module__, deckmaker.plan.__module__, callable(deckmaker.plan))\n"
        "print(pickle.loads(pickle.dumps(deckmaker.build)) is deckmaker.build)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    assert out == ["[]", "deckmaker.api deckmaker.api True", "True"]


def test_the_package_says_it_is_typed() -> None:
    assert (Path(deckmaker.__file__).parent / "py.typed").is_file()
