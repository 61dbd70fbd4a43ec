"""The recording script: a golden file for the example, cues in step with the deck, templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from judges.tools import require_font
from pptx import Presentation

from deckmaker.bundle import bundled
from deckmaker.errors import DeckmakerError
from deckmaker.filters import clock
from deckmaker.options import Options
from deckmaker.pipeline import Built, build, example_outline

GOLDEN = Path(__file__).parent / "golden"
CUE = re.compile(r"^\[SLIDE (\d+) · (\d+:\d\d) · for (\d+:\d\d)\]$", re.M)
FORMATS = ("md", "txt", "html", "srt", "chapters", "show-notes", "dialogue")


def matches_golden(path: Path, name: str, request: pytest.FixtureRequest) -> None:
    # The golden talks are fitted to the shipped themes' Calibri, measured with Carlito: without
    # it, widths are estimated, slides break elsewhere and the cues move.
    require_font("Carlito", "fonts-crosextra-carlito")
    text = path.read_text(encoding="utf-8")
    if request.config.getoption("--update-golden"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text(encoding="utf-8"), (
        f"{name}: run pytest --update-golden, then review the diff"
    )


def test_example_script_matches_the_golden_file(example, request) -> None:
    matches_golden(example.files["script"], "la-la-land.script.md", request)


@pytest.mark.parametrize("voice", ["talk", "podcast"])
def test_each_voice_matches_its_golden_file(voice: str, tmp_path: Path, request) -> None:
    built = build(example_outline(), tmp_path, only=("script",), options=Options(voice=voice))
    matches_golden(built.files["script"], f"la-la-land.{voice}.script.md", request)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "md"])
def test_each_format_matches_its_golden_file(fmt: str, every_format: Built, request) -> None:
    path = every_format.files[fmt]
    matches_golden(path, path.name, request)


AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>]*)>")


@pytest.mark.parametrize("which", ["example", "stress"])
def test_cues_run_one_to_n_in_step_with_the_deck(which, request) -> None:
    built = request.getfixturevalue(which)
    script = built.files["script"].read_text(encoding="utf-8")
    slides = Presentation(str(built.files["deck"])).slides
    assert [int(n) for n, _, _ in CUE.findall(script)] == list(range(1, len(slides) + 1))
    # What follows each cue is what that slide's notes say is spoken while it is up.
    chunks = CUE.split(script)[4::4]
    for slide, chunk in zip(slides, chunks, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        spoken = [p for p in chunk.split("\n\n") if p.strip() and not p.startswith(("#", ">"))]
        for paragraph in spoken:  # as said: Markdown's escapes and autolinks undone
            said = AUTOLINK.sub(r"\1", paragraph.strip().replace("\\", ""))
            assert said in notes


def seconds(clock_time: str) -> int:
    minutes, secs = clock_time.split(":")
    return int(minutes) * 60 + int(secs)


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
    assert abs(plan.total_seconds - words * 60 / 150) < len(plan.slides)
    # Every cue shows when it starts: each is where the one before ended.
    cues = [tuple(seconds(t) for t in times) for _, *times in CUE.findall(script)]
    assert cues == list(plan.slide_timings)  # each cue's start and how long it is up
    ends = [a + b for a, b in plan.slide_timings]
    assert [start for start, _ in cues[1:]] == ends[:-1] and ends[-1] == plan.total_seconds


def test_words_per_minute_changes_the_timing(tmp_path: Path) -> None:
    slow = build(example_outline(), tmp_path, only=("script",), options=Options(wpm=100))
    seconds = slow.plan.words * 0.6
    assert slow.plan.total_seconds == pytest.approx(seconds, abs=len(slow.plan.slides))
    assert "at 100 words per minute" in slow.files["script"].read_text(encoding="utf-8")
    assert "deck" not in slow.files and not (tmp_path / "la-la-land.pptx").exists()


def test_delivery_notes_are_set_apart(example) -> None:
    script = example.files["script"].read_text(encoding="utf-8")
    for note in example.plan.slides[1].notes:
        assert f"> - {note}\n" in script


def test_a_users_template_overrides_the_bundled_one(tmp_path: Path) -> None:
    """A voice.j2 holding one macro changes those words and inherits every other macro."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "voice.j2").write_text(
        "{% macro signoff(talk) %}Peace out, friends!{% endmacro %}\n", encoding="utf-8"
    )
    (mine / "script.md.j2").write_text(
        "# Mine\n{% for s in plan.slides %}\n\n[SLIDE {{ s.number }}] {{ s.spoken | join(' ') }}"
        "{% endfor %}\n",
        encoding="utf-8",
    )
    built = build(example_outline(), tmp_path / "out", options=Options(templates_dir=mine))
    script = built.files["script"].read_text(encoding="utf-8")
    assert script.startswith("# Mine\n\n[SLIDE 1] Hey guys")
    assert script.splitlines()[-1].endswith("Peace out, friends!")
    assert "a quick recap" in script  # the macros it does not define still speak
    notes = Presentation(str(built.files["deck"])).slides[-1].notes_slide.notes_text_frame.text
    assert notes.endswith("Peace out, friends!")  # the deck says what the script says


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("script.md.j2", "line one\n{% for x in %}\n", "script.md.j2:2: template error"),
        ("script.md.j2", "{{ no_such_variable }}", "script.md.j2:1: template error: "),
        ("script.md.j2", "{{ ''.__class__.__mro__ }}", "template error: access to attribute"),
        ("voice.j2", "{% macro greeting(talk) %}hi{% endfor %}", "voice.j2:1: template error"),
        ("script.md.j2", "{% extends 'bundled/nope.j2' %}", "template 'bundled/nope.j2' not"),
    ],
)
def test_broken_templates_are_located(tmp_path: Path, name: str, text: str, says: str) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / name).write_text(text, encoding="utf-8")
    with pytest.raises(DeckmakerError) as caught:
        build(example_outline(), tmp_path / "out", options=Options(templates_dir=mine))
    assert says in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_an_error_inside_a_voice_macro_names_its_line(tmp_path: Path) -> None:
    voice = (bundled("templates") / "voice.j2").read_text(encoding="utf-8")
    broken = voice.replace("What We'll Cover", "{{ 1 / 0 }}")
    line = broken.splitlines().index(next(x for x in broken.splitlines() if "1 / 0" in x)) + 1
    (tmp_path / "voice.j2").write_text(broken, encoding="utf-8")
    with pytest.raises(DeckmakerError, match=rf"voice.j2:{line}: template error: division by zero"):
        build(example_outline(), tmp_path / "out", options=Options(templates_dir=tmp_path))


def test_curly_quotes_curl_every_quote_the_script_and_the_notes_show(tmp_path: Path) -> None:
    straight = build(example_outline(), tmp_path / "straight")
    curled = build(example_outline(), tmp_path / "curled", options=Options(curly_quotes=True))
    script = curled.files["script"].read_text(encoding="utf-8")
    assert "'" not in script and '"' not in script and "’" in script
    # Only the quotes change: the same words, the same cues, the same timings.
    straighten = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    before = straight.files["script"].read_text(encoding="utf-8")
    assert script.translate(straighten) == before.translate(straighten)
    # The deck's notes hold the same curled words as the script.
    slides = Presentation(str(curled.files["deck"])).slides
    for planned, slide in zip(curled.plan.slides, slides, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        assert all(p in notes and "'" not in p for p in planned.spoken)


def test_the_outline_can_ask_for_curly_quotes(write_outline, tmp_path: Path) -> None:
    path = write_outline("title: It's mine\ncurly_quotes: yes\nsections: [{title: A}]\n")
    built = build(path, tmp_path / "out", only=("script",))
    assert "# It’s mine" in built.files["script"].read_text(encoding="utf-8")


def test_with_two_hosts_every_script_names_who_says_each_paragraph(tmp_path: Path) -> None:
    """The Markdown script, the teleprompter text and page of a talk for two hosts say whose
    each paragraph is, as the dialogue does; a talk for one names no one."""
    hosts = Options(hosts=("Ana", "Ben"))
    two = build(example_outline(), tmp_path / "two", formats=("md", "txt", "html"), options=hosts)
    script = two.files["script"].read_text(encoding="utf-8")
    said = re.findall(r"^\*\*(Ana|Ben):\*\* \S", script, flags=re.M)
    assert said.count("Ben") >= 5 and said.count("Ana") >= 5, said
    hello = re.search(r"^\*\*Ben:\*\* (.*)$", script, flags=re.M)
    assert hello and "Ben" not in hello.group(1), "the co-host's hello says their own name"
    text = two.files["txt"].read_text(encoding="utf-8")
    assert re.search(r"^Ben: \S", text, flags=re.M) and re.search(r"^Ana: \S", text, flags=re.M)
    assert '<b class="host">Ben:</b>' in two.files["html"].read_text(encoding="utf-8")
    one = build(example_outline(), tmp_path / "one", formats=("md",))
    assert not re.search(r"^\*\*\w+:\*\* ", one.files["script"].read_text(encoding="utf-8"), re.M)
