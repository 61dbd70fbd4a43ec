"""The script formats from the command line: each written, judged (by the autouse fixture),
warned about when it cannot follow its rules; the templates exported, edited and rebuilt."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from judges.tools import require_font

from deckmaker.cli import cli
from deckmaker.options import Options
from deckmaker.pipeline import Built, build, example_outline

ALL = ("md", "txt", "html", "srt", "chapters", "show-notes", "dialogue")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_every_format_from_the_command_line(tmp_path: Path, write_outline) -> None:
    outline = write_outline(
        "title: Sleep\nhosts: [Sam, Alex]\nvoice: podcast\nsections:\n"
        "  - {title: Dreams, points: [We all dream, Most dreams are forgotten]}\n"
        "  - {title: REM, script: 'So, REM sleep. [PAUSE] It comes in cycles.'}\n"
        "  - {title: Naps, points: [Short ones help]}\n"
    )
    args = [a for f in ALL for a in ("--format", f)]
    result = run("build", str(outline), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(
        f"talk{s}"
        for s in (".pptx", ".script.md", ".script.txt", ".teleprompter.html", ".srt",
                  ".chapters.json", ".show-notes.txt", ".dialogue.md")
    )  # fmt: skip
    for name in names:
        assert f"Wrote {tmp_path / 'out' / name}" in result.output
    srt = (tmp_path / "out" / "talk.srt").read_text(encoding="utf-8")
    assert "[PAUSE]" not in srt
    assert all(len(line) <= 42 for line in srt.splitlines())
    chapters = json.loads((tmp_path / "out" / "talk.chapters.json").read_text(encoding="utf-8"))
    titles = [c["title"] for c in chapters["chapters"]]
    assert titles == ["Intro", "Dreams", "REM", "Naps", "Wrap-up"]


def test_captions_keep_the_cues_clock(every_format: Built) -> None:
    """The last caption of each slide ends when the next cue starts; the last, at the end."""
    import srt

    captions = list(srt.parse(every_format.files["srt"].read_text(encoding="utf-8")))
    ends = {round(c.end.total_seconds()) for c in captions}
    plan = every_format.plan
    for start, length in plan.slide_timings:
        assert start + length in ends
    assert round(captions[-1].end.total_seconds()) == plan.total_seconds
    assert all(len(c.content.split("\n")) <= 2 for c in captions)


def test_a_target_length_warns_by_how_much(tmp_path: Path) -> None:
    require_font("Carlito", "fonts-crosextra-carlito")  # else a warning that Calibri is missing
    result = run("build", "--only", "script", "--out", str(tmp_path), "--target", "10m")
    assert result.exit_code == 0
    warning = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert warning == [
        "warning: the script runs about 16:04 at 150 words per minute, 6:04 longer than the "
        "10:00 target; cut about 910 words, or change the target"
    ]
    assert "warning" not in run("build", "--only", "script", "--out", str(tmp_path),
                                "--target", "16m").output  # fmt: skip
    short = run("validate", str(example_outline()), "--target", "1:00:00")
    assert short.exit_code == 0 and "43:56 shorter than the 1:00:00 target" in short.output
    bad = run("build", "--target", "soon", "--out", str(tmp_path))
    assert bad.exit_code == 2 and "'soon' is no length of time" in bad.output


def test_duration_in_the_outline(write_outline, tmp_path: Path) -> None:
    path = write_outline("title: T\nduration: 12m\nsections: [{title: A}]\n")
    result = run("validate", str(path))
    assert "warning: the script runs about 0:" in result.output and "12:00 target" in result.output
    bad = write_outline("title: T\nduration: later\nsections: [{title: A}]\n", "bad.yaml")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert "bad.yaml:2: duration: expected how long the talk should run" in result.output


def test_short_chapters_are_merged_for_show_notes_and_said(tmp_path: Path, write_outline) -> None:
    outline = write_outline(
        "title: T\ngreeting: Hey guys, welcome back! Today we're diving into 'T'.\n"
        "sections: [{title: A}, {title: B}]\n"
    )
    result = run("build", str(outline), "--out", str(tmp_path), "--format", "show-notes")
    assert result.exit_code == 0
    assert re.search(
        r"^warning: show notes: the chapter 'Intro' runs \d s, under YouTube's 10 s minimum; "
        r"merged into the chapter after it$",
        result.output,
        re.M,
    )
    notes = (tmp_path / "talk.show-notes.txt").read_text(encoding="utf-8")
    assert re.findall(r"^(\d+:\d\d) ", notes, re.M) == [] and "Chapters" not in notes
    assert "YouTube shows chapters only when there are at least 3" in result.output


def test_dialogue_needs_two_hosts(tmp_path: Path) -> None:
    result = run("build", "--format", "dialogue", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "la-la-land.yaml: hosts: the dialogue format needs two hosts" in result.output
    assert not list(tmp_path.iterdir())


def test_dialogue_answers_a_section_left_empty(tmp_path: Path, write_outline) -> None:
    """A section with only its title: the co-host's question gets an answer from the main
    host (the judge checks both speak in every section); a voice with no questions for a
    co-host is refused, not turned into a monologue."""
    outline = write_outline("title: Cats\nhosts: [Ann, Bob]\nsections:\n  - title: Why cats\n")
    result = run("build", str(outline), "--out", str(tmp_path / "a"), "--format", "dialogue")
    assert result.exit_code == 0, result.output
    said = (tmp_path / "a" / "talk.dialogue.md").read_text(encoding="utf-8")
    part = said.split("## 1. Why cats", 1)[1].split("## Closing", 1)[0]
    assert "**Bob:**" in part and "**Ann:**" in part
    finnish = write_outline("title: Kissat\nlanguage: fi\nhosts: [Ann, Bob]\nsections:\n"
                            "  - {title: Miksi, points: [Pehmeä]}\n", "fi.yaml")  # fmt: skip
    result = run("build", str(finnish), "--out", str(tmp_path / "b"), "--format", "dialogue")
    assert result.exit_code == 2
    assert "the dialogue gives Bob nothing to say" in result.output
    assert not (tmp_path / "b").exists()


def test_export_edit_one_macro_and_rebuild(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    result = run("templates", "export", str(mine))
    assert result.exit_code == 0
    assert sorted(p.name for p in mine.iterdir()) == sorted(
        line.split()[0] for line in run("templates", "list").output.splitlines()
    )
    assert run("templates", "export", str(mine)).exit_code == 2  # nothing clobbered
    before = build(
        example_outline(), tmp_path / "a", only=("script",), options=Options(templates_dir=mine)
    )
    plain = build(example_outline(), tmp_path / "b", only=("script",))
    # An unedited export says exactly what the bundled templates say.
    assert before.files["script"].read_bytes() == plain.files["script"].read_bytes()
    voice = mine / "voice.j2"
    voice.write_text(
        voice.read_text(encoding="utf-8").replace("Before we finish, a quick recap.", "To sum up:"),
        encoding="utf-8",
    )
    after = build(
        example_outline(), tmp_path / "c", only=("script",), options=Options(templates_dir=mine)
    )
    text = after.files["script"].read_text(encoding="utf-8")
    assert "To sum up: First, the 'what if' montage" in text and "quick recap" not in text
    assert "That's it for today, guys!" in text  # the video voice still signs off


def test_a_template_can_extend_a_bundled_one_and_replace_one_block(tmp_path: Path) -> None:
    (tmp_path / "script.md.j2").write_text(
        '{% extends "bundled/script.md.j2" %}\n'
        "{% block notes %}{% if slide.notes %}\n\n> {{ slide.notes | length }} notes\n"
        "{% endif %}{% endblock %}\n",
        encoding="utf-8",
    )
    built = build(
        example_outline(),
        tmp_path / "out",
        only=("script",),
        options=Options(templates_dir=tmp_path),
    )
    text = built.files["script"].read_text(encoding="utf-8")
    assert "> 2 notes" in text and "**Delivery:**" not in text
    assert text.startswith("# La La Land's Ending, Explained")  # the rest is the bundled one


def test_a_broken_exported_template_exits_2(tmp_path: Path) -> None:
    run("templates", "export", str(tmp_path / "exported"))  # judged as exported, when this ends
    mine = shutil.copytree(tmp_path / "exported", tmp_path / "mine")
    (mine / "teleprompter.html.j2").write_text("{% for %}", encoding="utf-8")
    result = run("build", "--templates", str(mine), "--format", "html", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "teleprompter.html.j2:1: template error" in result.output
    assert not (tmp_path / "la-la-land.pptx").exists()


def test_the_stress_outline_in_every_format_passes_every_judge(tmp_path: Path) -> None:
    from conftest import ALL_FORMATS, stress_outline

    outline = stress_outline(tmp_path)
    outline.write_text(outline.read_text(encoding="utf-8") + "hosts: [Zoë, Ça]\n", encoding="utf-8")
    built = build(outline, tmp_path / "out", formats=ALL_FORMATS)
    assert len(built.files) == len(ALL_FORMATS) + 1  # judged when this test ends


def test_the_command_line_offers_every_format() -> None:
    import click

    from deckmaker.cli import build as build_command
    from deckmaker.formats import FORMATS

    (option,) = [p for p in build_command.params if p.name == "formats"]
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == tuple(FORMATS)
    for fmt in FORMATS.values():
        assert f"{fmt.name}, {fmt.about}" in " ".join((option.help or "").split())
