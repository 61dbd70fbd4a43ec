"""The recording script: a golden file for the example, cues in step with the deck, templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pptx import Presentation

from deckmaker.build import build, example_outline
from deckmaker.errors import DeckmakerError
from deckmaker.filters import clock
from deckmaker.templates import bundled

GOLDEN = Path(__file__).parent / "golden" / "la-la-land.script.md"
CUE = re.compile(r"^\[SLIDE (\d+)\]$", re.M)


def test_example_script_matches_the_golden_file(example, request) -> None:
    script = example.files["script"].read_text(encoding="utf-8")
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(script, encoding="utf-8")
    assert script == GOLDEN.read_text(encoding="utf-8"), "run pytest --update-golden, then review"


@pytest.mark.parametrize("which", ["example", "stress"])
def test_cues_run_one_to_n_in_step_with_the_deck(which, request) -> None:
    built = request.getfixturevalue(which)
    script = built.files["script"].read_text(encoding="utf-8")
    slides = Presentation(str(built.files["deck"])).slides
    assert [int(n) for n in CUE.findall(script)] == list(range(1, len(slides) + 1))
    # What follows each cue is what that slide's notes say is spoken while it is up.
    chunks = CUE.split(script)[2::2]
    for slide, chunk in zip(slides, chunks, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        spoken = [p for p in chunk.split("\n\n") if p.strip() and not p.startswith(("#", ">"))]
        for paragraph in spoken:
            assert paragraph.strip().replace("\\", "") in notes


def test_timings_add_up(example) -> None:
    script = example.files["script"].read_text(encoding="utf-8")
    plan = example.plan
    assert f"about {clock(plan.total_seconds)} at 150 words per minute" in script
    starts = [int(m) * 60 + int(s) for m, s in re.findall(r"^## .* \((\d+):(\d\d), ", script, re.M)]
    lengths = [int(m) * 60 + int(s) for m, s in re.findall(r"about (\d+):(\d\d)\)$", script, re.M)]
    assert starts[0] == 0 and len(starts) == len(plan.parts)
    assert [a + b for a, b in zip(starts, lengths, strict=True)][:-1] == starts[1:]
    assert starts[-1] + lengths[-1] == plan.total_seconds
    words = sum(len(p.split()) for s in plan.slides for p in s.spoken)
    assert abs(plan.total_seconds - words * 60 / 150) < len(plan.parts)


def test_words_per_minute_changes_the_timing(tmp_path: Path) -> None:
    slow = build(example_outline(), tmp_path, only=("script",), wpm=100)
    assert slow.plan.total_seconds == pytest.approx(slow.plan.words * 0.6, abs=len(slow.plan.parts))
    assert "at 100 words per minute" in slow.files["script"].read_text(encoding="utf-8")
    assert "deck" not in slow.files and not (tmp_path / "la-la-land.pptx").exists()


def test_delivery_notes_are_set_apart(example) -> None:
    script = example.files["script"].read_text(encoding="utf-8")
    for note in example.plan.slides[1].notes:
        assert f"> - {note}\n" in script


def test_a_users_template_overrides_the_bundled_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    voice = (bundled("templates") / "voice.j2").read_text(encoding="utf-8")
    (mine / "voice.j2").write_text(
        voice.replace("That's it for today, guys!", "Peace out, friends!"), encoding="utf-8"
    )
    (mine / "script.md.j2").write_text(
        "# Mine\n{% for s in plan.slides %}\n\n[SLIDE {{ s.number }}] {{ s.spoken | join(' ') }}"
        "{% endfor %}\n",
        encoding="utf-8",
    )
    built = build(example_outline(), tmp_path / "out", templates_dir=mine)
    script = built.files["script"].read_text(encoding="utf-8")
    assert script.startswith("# Mine\n\n[SLIDE 1] Hey guys")
    assert "Peace out, friends!" in script.splitlines()[-1]
    notes = Presentation(str(built.files["deck"])).slides[-1].notes_slide.notes_text_frame.text
    assert notes.startswith("Peace out, friends!")  # the deck says what the script says


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("script.md.j2", "line one\n{% for x in %}\n", "script.md.j2:2: template error"),
        ("script.md.j2", "{{ no_such_variable }}", "script.md.j2:1: template error: "),
        ("script.md.j2", "{{ ''.__class__.__mro__ }}", "template error: access to attribute"),
        ("voice.j2", "{% macro greeting(a, b, c) %}hi{% endmacro %}", "has no macro 'agenda"),
    ],
)
def test_broken_templates_are_located(tmp_path: Path, name: str, text: str, says: str) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / name).write_text(text, encoding="utf-8")
    with pytest.raises(DeckmakerError) as caught:
        build(example_outline(), tmp_path / "out", templates_dir=mine)
    assert says in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_an_error_inside_a_voice_macro_names_its_line(tmp_path: Path) -> None:
    voice = (bundled("templates") / "voice.j2").read_text(encoding="utf-8")
    broken = voice.replace("What We'll Cover", "{{ 1 / 0 }}")
    line = broken.splitlines().index(next(x for x in broken.splitlines() if "1 / 0" in x)) + 1
    (tmp_path / "voice.j2").write_text(broken, encoding="utf-8")
    with pytest.raises(DeckmakerError, match=rf"voice.j2:{line}: template error: division by zero"):
        build(example_outline(), tmp_path / "out", templates_dir=tmp_path)
