"""Progressive reveal in the renderers, from a hand-made plan (tests/revealed.py): the deck's
build animation, the notes, and `[CLICK]` in every script format."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import judges
import pytest
from conftest import FOREIGN_THEMES
from judges.animation import odp_pages
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from revealed import PLAN, build_revealed

from deckmaker.pipeline import Built
from deckmaker.planning import Plan
from deckmaker.planning.model import CLICK
from deckmaker.render.captions import captions
from deckmaker.render.deck import render_deck, speaker_notes
from deckmaker.render.script import render_script
from deckmaker.render.timeline import without_clicks
from deckmaker.templates import Templates
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

GOLDEN = Path(__file__).parent / "golden"
TEXT_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


def unmarked(plan: Plan) -> Plan:
    """The same talk with no reveal: no marks in what is said."""
    return replace(
        plan,
        parts=tuple(
            replace(
                part,
                slides=tuple(
                    replace(s, reveal=False, spoken=tuple(without_clicks(p) for p in s.spoken))
                    for s in part.slides
                ),
            )
            for part in plan.parts
        ),
    )


def script(plan: Plan, fmt: str) -> str:
    from deckmaker.render.script import FORMATS

    return render_script(plan, Templates(None), FORMATS[fmt].template, fmt).text


def test_the_plan_marks_one_click_per_paragraph() -> None:
    """The hand-made plan keeps the contract the planner keeps."""
    assert [s.clicks for s in PLAN.slides] == [0, 4, 4, 0]
    assert [s.reveal for s in PLAN.slides] == [False, True, True, False]


def test_each_paragraph_appears_on_its_own_click(revealed: Built) -> None:
    prs = Presentation(str(revealed.files["deck"]))
    for slide, planned in zip(prs.slides, revealed.plan.slides, strict=True):
        timing = slide.element.find(qn("p:timing"))
        if not planned.reveal:
            assert timing is None, f"slide {planned.number}"
            continue
        bodies = sorted(
            (s for s in slide.placeholders if s.placeholder_format.type in TEXT_TYPES),
            key=lambda s: s.left,
        )
        wanted = [(str(b.shape_id), i) for b in bodies for i in range(len(b.text_frame.paragraphs))]
        clicks = timing.xpath(".//p:cTn[@nodeType='clickEffect']")
        targets = [
            (c.find(".//" + qn("p:spTgt")).get("spid"), int(c.find(".//" + qn("p:pRg")).get("st")))
            for c in clicks
        ]
        assert targets == wanted and len(clicks) == planned.clicks, f"slide {planned.number}"
        assert all(c.get("presetClass") == "entr" and c.get("presetID") == "1" for c in clicks)
        builds = [
            (b.get("spid"), b.get("build"), b.get("bldLvl")) for b in timing.iter(qn("p:bldP"))
        ]
        assert builds == [(str(b.shape_id), "p", "2") for b in bodies]
        # the schema's order: the timing after the slide's content and colour mapping
        assert [c.tag for c in slide.element][-1] == qn("p:timing")


def test_the_notes_carry_the_same_marks(revealed: Built) -> None:
    prs = Presentation(str(revealed.files["deck"]))
    for slide, planned in zip(prs.slides, revealed.plan.slides, strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        assert notes == speaker_notes(planned, revealed.plan.notes_heading)
        assert notes.count(CLICK) == planned.clicks


def test_libreoffice_reads_every_click_and_draws_every_bullet(revealed: Built) -> None:
    deck = revealed.files["deck"]
    pages = odp_pages(deck)
    assert not isinstance(pages, str), pages
    assert [clicks for clicks, _ in pages] == [s.clicks for s in revealed.plan.slides]
    # openxml-audit, the package walk, the layout judge (every letter drawn in the PDF) and
    # the animation judge, asked here as well as by the autouse fixture
    assert judges.findings(deck) == []


def test_a_revealed_deck_is_reproducible(revealed: Built, tmp_path: Path) -> None:
    again = render_deck(PLAN, read_theme(shipped()["light"]))
    assert again == revealed.files["deck"].read_bytes()


@pytest.mark.parametrize("fmt", ["md", "txt", "dialogue"])
def test_the_script_shows_each_mark_where_it_is_said(revealed: Built, fmt: str) -> None:
    text = revealed.files[fmt].read_text(encoding="utf-8")
    for paragraph in (p for s in PLAN.slides for p in s.spoken if CLICK in p):
        assert paragraph in text
    legend = "[CLICK]` means: click to show" if fmt != "txt" else "[CLICK] means: click to show"
    assert text.count(CLICK) == sum(s.clicks for s in PLAN.slides) + 1  # and its legend
    assert legend in text
    # no doubled or stray space (a list item's next line stands two spaces in, under its text)
    assert not re.search(r"\S  |^ (?! \S)| $", text, re.M)


def test_the_teleprompter_sets_the_marks_apart(revealed: Built) -> None:
    page = revealed.files["html"].read_text(encoding="utf-8")
    assert page.count('<span class="click">[CLICK]</span>') == 8
    assert page.count(CLICK) == 8
    assert 'Look up on a clear night. <span class="click">[CLICK]</span> Every star' in page


@pytest.mark.parametrize("fmt", ["md", "txt", "dialogue", "html"])
def test_a_talk_without_reveal_never_mentions_clicks(fmt: str) -> None:
    assert CLICK not in script(unmarked(PLAN), fmt)


def test_captions_drop_the_marks_and_give_them_no_time(revealed: Built) -> None:
    srt = revealed.files["srt"].read_text(encoding="utf-8")
    assert "CLICK" not in srt and "[" not in srt
    assert not re.search(r"  |^ | $", srt, re.M)
    assert captions(PLAN) == captions(unmarked(PLAN))


@pytest.mark.parametrize(
    ("said", "alone"),
    [
        ("[CLICK] First. [CLICK] Second.", "First. Second."),
        ("Intro. [CLICK] [CLICK] Both at once.", "Intro. Both at once."),
        ("Ends on a click. [CLICK]", "Ends on a click."),
        ("[CLICK]", ""),
        ("No marks  kept  as typed.", "No marks  kept  as typed."),
    ],
)
def test_without_clicks_leaves_no_stray_space(said: str, alone: str) -> None:
    assert without_clicks(said) == alone


@pytest.mark.parametrize("fmt", ["chapters", "show-notes"])
def test_chapters_and_show_notes_never_show_a_mark(revealed: Built, fmt: str) -> None:
    assert "CLICK" not in revealed.files[fmt].read_text(encoding="utf-8")


def test_hand_offs_are_the_same_with_or_without_marks() -> None:
    """The voice decides a hand-off from the words said, never from a mark before them."""
    marked, plain = (script(p, "dialogue").splitlines() for p in (PLAN, unmarked(PLAN)))
    start = marked.index("## Opening (0:00, about 0:03)")
    assert [without_clicks(line) for line in marked[start:]] == plain[start:]
    assert any(CLICK in line for line in marked[start:])


def test_the_revealed_script_matches_the_golden_file(
    revealed: Built, request: pytest.FixtureRequest
) -> None:
    text = revealed.files["md"].read_text(encoding="utf-8")
    if request.config.getoption("--update-golden"):
        (GOLDEN / "night-sky.script.md").write_text(text, encoding="utf-8")
    assert text == (GOLDEN / "night-sky.script.md").read_text(encoding="utf-8"), (
        "night-sky.script.md: run pytest --update-golden, then review the diff"
    )


def test_a_revealed_deck_in_a_theme_made_elsewhere(tmp_path: Path) -> None:
    """Shape ids come from the theme's layouts (LibreOffice numbers its own): the animation
    targets the slide's own boxes there too, as the judges check."""
    built = build_revealed(tmp_path, FOREIGN_THEMES["impress"])
    assert judges.findings(built.files["deck"]) == []
    pages = odp_pages(built.files["deck"])
    assert not isinstance(pages, str), pages
    assert [clicks for clicks, _ in pages] == [s.clicks for s in PLAN.slides]
