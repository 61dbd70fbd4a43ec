"""A deck with rhythm, in every shipped theme, on the example and the stress outline: a type
scale, lists that run on evenly, one divider rule, statements apart from quotes, a quote's rule
drawn to it, section labels, short content optically centred, a closing slide that says
something. The plan decides all of it; the deck is reopened to see that the writer wrote it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import stress_outline
from pptx import Presentation
from pptx.util import Emu

from deckmaker.options import Options
from deckmaker.outline import parse_outline
from deckmaker.pipeline import example_outline, plan_outline, render
from deckmaker.planning import Kind, Layout, Plan, SlidePlan, Voice, plan_talk
from deckmaker.planning.finishing import OPTICAL
from deckmaker.planning.fit import paginate
from deckmaker.planning.model import Bullet
from deckmaker.render.package import DECORATIVE_NS
from deckmaker.templates import Templates
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

THEMES = list(shipped())
CONTINUED = re.compile(r"\((\d+) of (\d+)\)$")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
HEADED = (Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE, Layout.CODE, Layout.TABLE)


def planned(which: str, theme: str, folder: Path) -> Plan:
    path = example_outline() if which == "example" else stress_outline(folder)
    return plan_outline(path, Options(theme=theme))[0]


def title(slide: SlidePlan) -> str:
    return slide.title.replace("\u00a0", " ").replace("\n", " ")


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("which", ["example", "stress"])
def test_a_type_scale_and_no_lone_point_on_a_continued_slide(
    which: str, theme: str, tmp_path: Path
) -> None:
    plan = planned(which, theme, tmp_path)
    for s in plan.slides:
        if s.layout in (Layout.CONTENT, Layout.COLUMNS) and s.body_pt:
            assert s.title_pt >= 1.3 * s.body_pt, (s.number, s.title_pt, s.body_pt)
            assert 22 <= s.body_pt <= 28 and s.body_pt - 4 >= 18  # sub-points 4 pt smaller
        found = CONTINUED.search(title(s))
        if s.layout is Layout.CONTENT and found and found[1] != "1":
            assert len(s.bullets) > 1, f"slide {s.number} continues with one point"


@pytest.mark.parametrize("which", ["example", "stress"])
def test_one_divider_rule_and_a_closing_that_says_something(
    which: str, theme: str, tmp_path: Path
) -> None:
    plan = planned(which, theme, tmp_path)
    sections = [p for p in plan.parts if p.kind is Kind.SECTION]
    opened = {p.slides[0].layout is Layout.HEADER for p in sections}
    assert len(opened) == 1  # every section opens on a divider, or none does
    dividers = [s for p in sections for s in p.slides if s.layout is Layout.HEADER]
    assert len(dividers) in (0, len(sections))
    closing = plan.slides[-1]
    assert closing.kind is Kind.CLOSING and closing.layout is Layout.COVER
    assert "thank" not in closing.title.lower()
    if which == "example":
        assert title(closing).startswith("It’s this blend of melancholy and hope")
        assert closing.subtitle == "La La Land’s Ending, Explained"
        assert not [s for s in plan.slides[:-1] if title(s) == title(closing)]  # said once


def test_the_example_keeps_3_plus_2_not_3_plus_1_plus_1(tmp_path: Path) -> None:
    plan = planned("example", "light", tmp_path)
    intro = [s for s in plan.parts[0].slides if s.layout is Layout.CONTENT and s.kind is Kind.INTRO]
    assert [len(s.bullets) for s in intro] == [3, 2]
    assert len(plan.slides) == 20  # 22 before: two single-point slides gone


def test_a_long_agenda_leaves_no_tail_on_a_slide_of_its_own() -> None:
    frames = read_theme(shipped()["light"]).frames
    items = tuple(Bullet(f"Section number {i} with a title long enough") for i in range(1, 15))
    pages = paginate(items, frames.body, 24, frames.body_font)
    assert len(pages) == 2 and abs(len(pages[0]) - len(pages[1])) <= 1
    text = "title: T\nsections:\n" + "".join(
        f"  - title: Section number {i} with a title long enough\n    points: [a, b]\n"
        for i in range(1, 15)
    )
    plan = plan_talk(parse_outline(text, "t.yaml"), Voice(Templates()), frames)
    agenda = [s for s in plan.slides if s.kind is Kind.AGENDA]
    assert len(agenda) > 1 and min(len(s.bullets) for s in agenda) >= 3


def test_labels_over_titles_and_short_lists_centred(tmp_path: Path) -> None:
    plan = planned("example", "light", tmp_path)
    frames = read_theme(shipped()["light"]).frames
    for number, part in enumerate((p for p in plan.parts if p.kind is Kind.SECTION), 1):
        for s in part.slides:
            if s.layout in HEADED:
                assert s.label == f"{number:02d} / 04" and s.title_top and s.label_box
                left, top, width, height = s.label_box
                assert top >= 18 and top + height <= frames.title.top  # over the title box
    lists = [s for s in plan.slides if s.layout is Layout.CONTENT]
    assert all(s.drop > 0 for s in lists)
    two = next(s for s in lists if len(s.bullets) == 2)
    assert two.drop > 0.3 * (frames.body.height - 2 * 2.2 * two.body_pt) * OPTICAL


def test_statements_upright_quotes_hung_beside_a_rule_drawn_to_them() -> None:
    built = render(example_outline(), ("deck",))
    prs = Presentation(io.BytesIO(built.artifacts["deck"].data))
    plan = built.plan
    quotes = [s for s in plan.slides if s.layout is Layout.QUOTE]
    assert len({s.title_pt for s in quotes}) == 1  # one quote size for the deck
    for s in plan.slides:
        slide = prs.slides[s.number - 1]
        runs = slide.shapes.title.text_frame.paragraphs[0].runs
        if s.layout is Layout.STATEMENT:
            assert all(r.font.italic is False for r in runs)  # the quote layout's italic off
            assert not [sh for sh in slide.shapes if sh.name == "Quote Rule"]
        if s.layout is Layout.QUOTE:
            (rule,) = [sh for sh in slide.shapes if sh.name == "Quote Rule"]
            assert s.rule is not None
            assert (rule.top, rule.height) == (
                Emu(int(s.rule[1] * 12700)),
                Emu(int(s.rule[3] * 12700)),
            )
            mark = slide.shapes.title.element.find(f".//{A}pPr")
            assert int(mark.get("indent")) == -int(mark.get("marL")) < 0  # the “ hangs
            decorative = rule.element.find(f".//{{{DECORATIVE_NS}}}decorative")
            assert decorative is not None and decorative.get("val") == "1"
    # the fixed bar of the old quote layout is gone: the rule is the slide's own
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Quote")
    assert [sh for sh in layout.shapes if not sh.is_placeholder] == []


def test_without_a_quote_layout_a_statement_stands_under_its_section_not_in_a_divider(
    tmp_path: Path,
) -> None:
    # pandoc's reference deck has no layout for quotes, and capitals on its dividers: set in the
    # divider's title box, a statement read as a new section beginning
    theme = Path(__file__).parent / "templates" / "pandoc-reference.pptx"
    built = render(example_outline(), ("deck",), options=Options(theme=str(theme)))
    prs = Presentation(io.BytesIO(built.artifacts["deck"].data))
    stated = [s for s in built.plan.slides if s.layout is Layout.STATEMENT]
    assert stated
    for s in stated:
        slide = prs.slides[s.number - 1]
        assert s.quote_in_body and slide.slide_layout.name == "Title and Content"
        texts = [shape.text_frame.text for shape in slide.placeholders if shape.has_text_frame]
        assert s.subtitle in texts  # in the body box, as the host says it
        assert slide.shapes.title.text_frame.text == s.title != s.subtitle  # under a heading
        assert "all" not in {r.get("cap") for r in slide.shapes.title.element.iter(f"{A}rPr")}
