"""`deckmaker import` and `deckmaker build ESSAY`, as a user meets them: what they write, that
the round trip changes nothing, and how bad input fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ESSAY, ROOT

from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.essay import read_essay
from deckmaker.outline import parse_outline
from deckmaker.pipeline import Built, build
from deckmaker.planning import Kind
from deckmaker.typography import smarten


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def from_essay(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(ESSAY, tmp_path_factory.mktemp("essay"))


def test_build_an_essay_names_the_outputs_after_it(from_essay: Built) -> None:
    assert {k: p.name for k, p in from_essay.files.items()} == {
        "deck": "la-la-land-ending.pptx",
        "script": "la-la-land-ending.script.md",
    }


def test_the_essays_deck_shows_its_points_and_the_script_says_all_its_prose(
    from_essay: Built,
) -> None:
    outline = read_essay(ESSAY)
    sections = [p for p in from_essay.plan.parts if p.kind is Kind.SECTION]
    assert [p.title for p in sections] == [s.title for s in outline.sections]
    for part, section in zip(sections, outline.sections, strict=True):
        # slides curl quotes, and hold a wrapping point's last two words together
        shown = [b.text.replace("\u00a0", " ") for slide in part.slides for b in slide.bullets]
        assert shown == [smarten(p.text) for p in section.points]
    # A paragraph said over several slides is broken by their cues (and the notes after the
    # first): read as said, without them.
    lines = from_essay.files["script"].read_text(encoding="utf-8").splitlines()
    script = " ".join(" ".join(x for x in lines if not x.startswith(("[SLIDE", ">"))).split())
    for segment in (outline.intro, *outline.sections):
        assert segment is not None and segment.script
        for paragraph in segment.script.split("\n\n"):
            assert paragraph in script


def test_import_then_validate_then_build_gives_the_same_files(
    tmp_path: Path, from_essay: Built
) -> None:
    outline = tmp_path / "la-la-land-ending.yaml"
    result = run("import", str(ESSAY), "-o", str(outline))
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Wrote {outline} (4 sections, 22 points); check the points, then: "
        f"deckmaker build {outline}\n"
    )
    text = outline.read_text(encoding="utf-8")
    assert text.startswith("# Imported by deckmaker from la-la-land-ending.txt")
    assert "extracted" in text.split("title:")[0]
    assert run("validate", str(outline)).output.startswith(f"{outline}: OK, 4 sections")
    again = build(outline, tmp_path / "out")
    for kind, path in from_essay.files.items():
        assert again.files[kind].read_bytes() == path.read_bytes(), kind


def test_build_and_validate_take_an_essay_on_the_command_line(tmp_path: Path) -> None:
    essay = ROOT / "bench" / "essays" / "realidad-o-fantasia.txt"
    result = run("validate", str(essay))
    assert result.output.startswith(f"{essay}: OK, 3 sections, 8 slides")
    result = run("build", str(essay), "--out", str(tmp_path), "--only", "script")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["realidad-o-fantasia.script.md"]
    assert "¿Realidad o fantasía?" in (tmp_path / "realidad-o-fantasia.script.md").read_text()


def test_import_writes_beside_the_essay_by_default(tmp_path: Path) -> None:
    essay = tmp_path / "talk.md"
    essay.write_text("# A Talk\n\nHello all. Opening words here.\n\n## One\n\nSome prose.\n")
    assert run("import", str(essay)).exit_code == 0
    assert parse_outline((tmp_path / "talk.yaml").read_text()).title == "A Talk"


def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("title: Mine\nsections: [{title: A}]\n")
    result = run("import", str(ESSAY), "-o", str(target))
    assert result.exit_code == 2
    assert result.output == (
        f"error: {target}: already exists; pass --force to replace it, or -o to write elsewhere\n"
    )
    assert target.read_text() == "title: Mine\nsections: [{title: A}]\n"
    assert run("import", str(ESSAY), "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# Imported by deckmaker")


BAD_ESSAYS = {
    "binary file": ("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file, not text"),
    "not UTF-8": ("x.txt", "Título\n\nHola.\n".encode("latin-1"), ":1: is not UTF-8 text"),
    "empty file": ("x.md", b"", "holds no prose"),
    "only blank lines": ("x.txt", b"  \r\n\t\n", "holds no prose"),
    "only code": ("x.md", b"# Title\n\n```python\nprint('hi')\n```\n", ": holds only code"),
    "front matter not YAML": ("x.md", b"---\ntitle: [a\n---\n\nWords.\n", ":2: the front matter"),
    "front matter not TOML": ("x.md", b"+++\ntitle = \n+++\n\nWords.\n", ":2: the front matter"),
    "only headings": ("x.md", b"# Title\n\n## One\n\n## Two\n", "holds no prose"),
    "unknown suffix": ("x.docx", b"Words.", "unknown kind of"),
}


@pytest.mark.parametrize("command", ["import", "build", "validate"])
@pytest.mark.parametrize("case", BAD_ESSAYS, ids=list(BAD_ESSAYS))
def test_bad_essays_exit_2_with_one_line_and_write_nothing(
    tmp_path: Path, case: str, command: str
) -> None:
    name, data, says = BAD_ESSAYS[case]
    essay = tmp_path / name
    essay.write_bytes(data)
    out = tmp_path / "out"
    extra = {"import": ["-o", str(out / "x.yaml")], "build": ["--out", str(out)], "validate": []}
    result = run(command, str(essay), *extra[command])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {essay}")
    assert says in result.output
    assert len(result.output.splitlines()) == 1
    assert not out.exists()


def test_import_refuses_an_outline_and_a_missing_file(tmp_path: Path) -> None:
    outline = ROOT / "outlines" / "la-la-land.yaml"
    result = run("import", str(outline), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {outline}: is an outline already")
    missing = tmp_path / "nope.md"
    result = run("import", str(missing))
    assert result.output == f"error: {missing}: no such file; check the path\n"
    result = run("import", str(ESSAY), "-o", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and "ends in .yaml or .yml" in result.output


def test_anchors_are_checked_by_the_loader() -> None:
    text = (
        "title: T\nsections:\n  - title: A\n    points:\n      - text: P\n"
        "        said: Not in the script\n    script: The script says this.\n"
    )
    with pytest.raises(DeckmakerError) as err:
        parse_outline(text, "t.yaml")
    assert str(err.value) == (
        "t.yaml:6: sections[1].points[1].said: 'Not in the script' is not in this segment's "
        "script; copy the opening words of the sentence the point comes from"
    )
    with pytest.raises(DeckmakerError, match="no script to find these words in"):
        parse_outline(text.replace("    script: The script says this.\n", ""), "t.yaml")
    ok = parse_outline(text.replace("Not in the script", "The script  says"), "t.yaml")
    assert ok.sections[0].points[0].said == "The script says"


def test_help_and_yaml_builds_do_not_import_the_essay_reader() -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom deckmaker.cli import cli\n"
        f"CliRunner().invoke(cli, ['--help'])\n"
        f"CliRunner().invoke(cli, ['validate', {str(ROOT / 'outlines' / 'la-la-land.yaml')!r}])\n"
        # pacing stems words with words.py (snowballstemmer), but reads no essay
        "print(sorted(m for m in ('markdown_it', 'deckmaker.essay', 'deckmaker.essay.points',"
        " 'deckmaker.essay.markdown') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == "[]\n", result.stderr


def test_an_essay_whose_only_part_has_no_words_for_a_title(tmp_path: Path) -> None:
    """Found by the fuzz run (seed 99): a part titled only by markup ("</p>") is named by its
    place in the talk, not an internal error."""
    essay = tmp_path / "bare.txt"
    essay.write_bytes(b"\x07\n\n</p>\n\n\x07\n")
    built = build(essay, tmp_path / "out")
    assert built.files["deck"].is_file()
