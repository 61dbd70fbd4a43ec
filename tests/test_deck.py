"""The deck: reopened slide by slide against the plan, and judged by outside readers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import judges
import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from deckmaker.bundle import bundled
from deckmaker.options import Options
from deckmaker.pipeline import build
from deckmaker.planning import Kind, Layout
from deckmaker.render.deck import speaker_notes
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
TEXT_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def reopen(built):
    return Presentation(str(built.files["deck"]))


def shown(slide) -> list[tuple[str, int]]:
    """The text of every text placeholder but the title, top to bottom, left to right."""
    boxes = sorted(
        (s for s in slide.placeholders if s.placeholder_format.type in TEXT_TYPES),
        key=lambda s: (s.top, s.left),
    )
    return [(p.text, p.level) for s in boxes for p in s.text_frame.paragraphs]


def planned_text(planned) -> list[tuple[str, int]]:
    if planned.columns:
        return [(b.text, b.level) for column in planned.columns for b in column]
    if planned.bullets:
        return [(b.text, b.level) for b in planned.bullets]
    return [(line, 0) for line in (planned.subtitle or "").split("\n") if line]


@pytest.mark.parametrize("which", ["example", "stress"])
def test_every_slide_carries_its_plan(which: str, request: pytest.FixtureRequest) -> None:
    built = request.getfixturevalue(which)
    slides = list(reopen(built).slides)
    theme = read_theme(shipped()["light"])
    names = {kind: theme.open().slide_layouts[i].name for kind, i in theme.layouts.items()}
    assert len(slides) == len(built.plan.slides)
    for slide, planned in zip(slides, built.plan.slides, strict=True):
        title = [s for s in slide.placeholders if s.placeholder_format.type in TITLE_TYPES]
        assert [s.text_frame.text for s in title] == ["\n".join(planned.title.split("\n"))]
        assert slide.slide_layout.name == names[planned.layout]
        assert shown(slide) == planned_text(planned), f"slide {planned.number}"
        number = [s for s in slide.placeholders
                  if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]  # fmt: skip
        assert [s.text_frame.text for s in number] == ([str(planned.number)] * planned.numbered)
        notes = slide.notes_slide.notes_text_frame.text
        assert notes == speaker_notes(planned, built.plan.notes_heading) and notes.strip()


def test_example_deck_reads_as_a_talk(example) -> None:
    slides = list(reopen(example).slides)
    titles = [s.shapes.title.text.replace("\u00a0", " ") for s in slides]
    intro, montage, sacrifices = (
        "No Happy Ending, and That’s the Point",
        "The ‘What If’ Montage: A Dream Realized, Briefly",
        "Sacrifices for Dreams: The Cost of Ambition",
    )
    realism = "The Realism Factor: Why It Resonates"
    impact = "The Enduring Impact of La La Land’s Conclusion"
    last = (
        "It’s this blend of melancholy and hope, of loss and achievement, that makes the "
        "conclusion of La La Land not just good, but truly unforgettable."
    )
    assert titles == [
        "La La Land’s Ending, Explained",
        intro,
        f"{intro} (2 of 2)",  # its five points 3 + 2, not 3 + 1 + 1
        # a statement: what is said while no point is, in the host's words, no quote marks
        "The final shot, focusing on Sebastian’s face as he plays his theme for Mia, is filled "
        "with a deep, knowing melancholy.",
        "What We’ll Cover",
        montage,
        "Sebastian’s music, particularly his jazz club theme, becomes the soundtrack to this "
        "alternate life, tying their personal narrative to his artistic journey.",
        f"{montage} (2 of 2)",
        sacrifices,  # its two columns, said first
        f"{sacrifices} (2 of 3)",  # then its points, split by time, evenly: 2 + 2
        f"{sacrifices} (3 of 3)",
        realism,
        "The final scene, in Sebastian’s jazz club, is a masterclass in understated emotion.",
        f"{realism} (2 of 2)",
        "“Here’s to the ones who dream, foolish as they may seem.”",  # the outline's own quote
        impact,
        f"{impact} (2 of 2)",
        "Sometimes, it’s about growth, about realizing potential, and about cherishing the "
        "memories of loves that, while not everlasting, irrevocably shaped who we are.",
        "Key Takeaways",  # each section and its first point
        last,  # the closing slide: the talk's last line, not a generic thanks
    ]
    planned = example.plan.slides
    continued = [s for s in planned if s.title.replace("\u00a0", " ").endswith(" of 2)")]
    assert continued and all(len(s.bullets) > 1 for s in continued if s.bullets)
    layouts = [s.layout for s in planned]
    assert layouts[8:11] == [Layout.COLUMNS, Layout.CONTENT, Layout.CONTENT]
    assert [len(s.bullets) for s in planned[9:11]] == [2, 2]
    agenda = [p.text for p in slides[4].placeholders[1].text_frame.paragraphs]
    assert agenda == [montage, sacrifices, realism, impact]
    notes = slides[5].notes_slide.notes_text_frame.text
    assert "Okay, let's talk about that epic final sequence" in notes
    assert "Delivery notes (not read aloud):" in notes


def test_deck_is_wide_and_takes_no_slides_from_the_theme(example, tmp_path: Path) -> None:
    prs = reopen(example)
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    # A theme that comes with slides of its own: they must not reach the output.
    theme = Presentation(str(shipped()["light"]))
    theme.slides.add_slide(theme.slide_layouts[0]).shapes.title.text = "LEFTOVER"
    (tmp_path / "mine").mkdir()
    theme.save(str(tmp_path / "mine" / "deck.pptx"))
    built = build(
        bundled("outlines") / "la-la-land.yaml",
        tmp_path / "out",
        options=Options(templates_dir=tmp_path / "mine"),
    )
    texts = [s.shapes.title.text for s in reopen(built).slides]
    assert "LEFTOVER" not in texts and len(texts) == len(built.plan.slides)


def test_long_sections_continue_instead_of_overflowing(stress) -> None:
    titles = [s.title.replace("\u00a0", " ") for s in stress.plan.slides]  # no lone last word
    long = "A very long section that must continue on a further slide"
    mine = [t for t in titles if t.startswith(long)]
    # the section's divider shows its title; the slides under it are numbered from 1
    under = len(mine) - 1
    assert mine == [long] + [f"{long} ({n} of {under})" for n in range(1, under + 1)]
    assert under >= 2


def test_same_outline_same_bytes(example, tmp_path: Path, monkeypatch) -> None:
    again = build(bundled("outlines") / "la-la-land.yaml", tmp_path)
    for kind in ("deck", "script"):
        assert again.files[kind].read_bytes() == example.files[kind].read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = build(bundled("outlines") / "la-la-land.yaml", tmp_path / "dated")
    assert dated.files["deck"].read_bytes() != example.files["deck"].read_bytes()
    with zipfile.ZipFile(dated.files["deck"]) as z:
        assert {i.date_time for i in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert reopen(dated).core_properties.modified.year == 2023


def test_many_sections(write_outline, tmp_path: Path) -> None:
    sections = "\n".join(f"  - title: Section {i}\n    points: [a, b]" for i in range(1, 31))
    built = build(write_outline(f"title: Many\nsections:\n{sections}\n"), tmp_path / "out")
    agenda = [s for s in built.plan.slides if s.kind is Kind.AGENDA]
    assert len(agenda) > 1  # thirty titles do not fit one agenda slide
    assert [b.text for s in agenda for b in s.bullets] == [f"Section {i}" for i in range(1, 31)]
    assert len(reopen(built).slides) == len(built.plan.slides)


@pytest.mark.parametrize("which", ["example", "stress"])
@pytest.mark.parametrize("kind", ["deck", "script"])
def test_outside_readers_find_nothing_wrong(which: str, kind: str, request) -> None:
    """openxml-audit, strict XML, LibreOffice's render and the Markdown linter (tests/judges)."""
    assert judges.findings(request.getfixturevalue(which).files[kind]) == []
