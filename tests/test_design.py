"""The deck's design as LibreOffice draws it: agenda numbers clear of their text, dividers with
a large section number, tidy columns, one type size for a list that runs on, legible slide
numbers. Checked on the drawn words (pdftotext's boxes), not on the plan alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FOREIGN_THEMES
from judges.layout import drawn_pages
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from test_layouts import plan, sections

from deckmaker.options import Options
from deckmaker.pipeline import build
from deckmaker.planning import Layout
from deckmaker.planning.fit import SPACE_BEFORE, broken_at_colon, wrap
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

THEMES = {**{name: name for name in ("light", "dark", "editorial")}, **FOREIGN_THEMES}
Word = tuple[str, float, float, float, float]  # text, x0, y0, x1, y1 in points

# Four sections of three slides each: enough to want dividers (see DIVIDER_MIN_* in the planner).
DIVIDED = "title: Dividers\nsections:\n" + "".join(
    f"  - title: Section {n} Heading\n    points: [First idea here, Second idea here]\n"
    f"    columns: [[left side], [right side]]\n"
    for n in range(1, 5)
)


def drawn(deck: Path) -> list[list[Word]]:
    """Each page's words as LibreOffice Impress draws the deck (the layout judge's reading)."""
    pages = drawn_pages(deck)
    assert not isinstance(pages, str), pages
    return [[(text, *box) for text, box in words] for _, words in pages]  # type: ignore[misc]


@pytest.mark.parametrize("theme", THEMES, ids=list(THEMES))
def test_agenda_numbers_and_dividers_as_drawn(theme: str, tmp_path: Path) -> None:
    outline = tmp_path / "divided.yaml"
    outline.write_text(DIVIDED, encoding="utf-8")
    built = build(outline, tmp_path / "out", options=Options(theme=str(THEMES[theme])))
    pages = drawn(built.files["deck"])
    slides = built.plan.slides

    # The agenda: each number is a word of its own, half an em or so clear of its text.
    agenda = next(s for s in slides if s.numbered_from)
    words = pages[agenda.number - 1]
    for n in range(1, 5):
        i = next(i for i, w in enumerate(words) if w[0] == f"{n}.")  # not "1.Section"
        number, text = words[i], words[i + 1]
        assert text[0] == "Section"
        height = number[4] - number[2]
        assert text[1] - number[3] >= 0.25 * height, f"{theme}: number {n} crowds its text"

    # Dividers: the section's number large, over its label and title, where the theme has room.
    dividers = [s for s in slides if s.layout is Layout.HEADER]
    assert len(dividers) == 4
    roomy = read_theme(_theme_path(theme)).frames
    for n, divider in enumerate(dividers, 1):
        words = pages[divider.number - 1]
        title = next(w for w in words if w[0] == "Section")
        if roomy.header_number is None:  # no room above the title: the label says the part
            assert divider.numeral is None
            assert [w[0] for w in words if w[0] in ("Part", "of")] == ["Part", "of"]
            continue
        numeral = next(w for w in words if w[0] == f"{n:02d}")
        label = next(w for w in words if w[0] == "Part")
        assert numeral[4] <= label[2] + 2 <= title[2] + 2  # number, then label, then title
        assert numeral[4] - numeral[2] > 1.5 * (title[4] - title[2])  # larger than the title
        assert abs(numeral[1] - title[1]) < 6  # and aligned with it


def _theme_path(theme: str) -> Path:
    return shipped()[theme] if theme in shipped() else Path(THEMES[theme])


def test_columns_are_two_tidy_lists_not_spread_to_fill_their_boxes() -> None:
    talk = plan("title: T\nsections:\n  - title: S\n    columns: [[a, b], [c, d]]\n")
    columns = next(s for s in talk.slides if s.layout is Layout.COLUMNS)
    assert columns.spacing == round(SPACE_BEFORE * columns.body_pt, 1)
    short_list = plan("title: T\nsections:\n  - title: S\n    points: [a, b]\n")
    assert next(s for s in short_list.slides if s.bullets).spacing > columns.spacing


def test_a_list_that_runs_on_keeps_one_size_and_spacing_over_its_pages() -> None:
    talk = plan(f"title: T\nsections:\n{sections(1, 25)}")
    pages = [s for s in talk.slides if s.bullets and s.title.startswith("Part 1")]
    assert len(pages) >= 2
    assert len({(s.body_pt, s.spacing) for s in pages}) == 1
    assert len(pages[-1].bullets) < len(pages[0].bullets)  # a shorter last page, set the same


@pytest.mark.parametrize("name", ["light", "dark", "editorial"])
def test_shipped_slide_numbers_are_legible_and_quiet(name: str) -> None:
    """14 pt in the theme's neutral (accent 6), right-aligned: they tie slides to [SLIDE N]."""
    master = Presentation(str(shipped()[name])).slide_master
    number = next(p for p in master.placeholders if p.element.ph.get("type") == "sldNum")
    style = number.element.txBody.find(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}lstStyle"
    )[0]
    rpr = style.find("{http://schemas.openxmlformats.org/drawingml/2006/main}defRPr")
    assert int(rpr.get("sz")) >= 1400
    assert style.get("algn") == "r"
    assert (
        rpr.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}schemeClr").get("val")
        == "accent6"
    )


def test_a_title_that_wraps_breaks_after_its_colon() -> None:
    long_title = "Sacrifices for Dreams: The Cost of Ambition"
    outline = "title: T\nsections:\n" + "".join(
        f"  - title: '{long_title if n == 2 else f'Part {n}'}'\n    points: [a]\n"
        "    columns: [[b], [c]]\n"
        for n in range(1, 4)
    )
    talk = plan(outline)
    divider = next(s for s in talk.slides if s.layout is Layout.HEADER and "Cost" in s.title)
    frames = read_theme(shipped()["light"]).frames
    box = frames.header_title
    lines = wrap(divider.title, divider.title_pt, box.width, frames.title_font)
    assert lines == ["Sacrifices for Dreams:", "The\u00a0Cost\u00a0of\u00a0Ambition"]
    # where the words after the colon would not fit one line, the title wraps as it will
    assert broken_at_colon("A: " + "word " * 40, 36, frames.title) == "A: " + "word " * 40


@pytest.mark.parametrize("theme", THEMES, ids=list(THEMES))
def test_sub_points_are_indented_under_bulleted_points(theme: str, tmp_path: Path) -> None:
    """In every theme, a LibreOffice one too (whose list styles slides do not inherit)."""
    outline = tmp_path / "nested.yaml"
    outline.write_text(
        "title: Nested\nsections:\n  - title: Levels\n    points:\n"
        "      - text: Alpha point\n        points: [Beta detail]\n      - Gamma point\n",
        encoding="utf-8",
    )
    built = build(outline, tmp_path / "out", options=Options(theme=str(THEMES[theme])))
    slide = next(s for s in built.plan.slides if s.title == "Levels" and s.bullets)
    words = {w[0]: w for w in drawn(built.files["deck"])[slide.number - 1]}
    title, alpha, beta, gamma = (words[w] for w in ("Levels", "Alpha", "Beta", "Gamma"))
    assert alpha[1] == pytest.approx(gamma[1], abs=1)  # points share one left edge,
    assert alpha[1] > title[1] + 12  # right of the bullets hanging under the title's edge,
    assert beta[1] > alpha[1] + 18  # and a sub-point stands clearly in from them


def test_a_point_that_wraps_never_ends_on_one_word_alone() -> None:
    frames = read_theme(shipped()["light"]).frames
    words = [f"word{i}" for i in range(40)]
    n = next(  # the first length at which a point wraps with one word on its last line
        n
        for n in range(2, 40)
        if len(line := wrap(" ".join(words[:n]), 28, frames.body.width - 36, frames.body_font)) > 1
        and " " not in line[-1]
    )
    talk = plan(f"title: T\nsections:\n  - title: S\n    points: [{' '.join(words[:n])}, b]\n")
    point = next(s for s in talk.slides if s.title == "S").bullets[0]
    assert point.text.endswith(f"{words[n - 2]}\u00a0{words[n - 1]}")
    assert point.text.replace("\u00a0", " ") == " ".join(words[:n])  # no word lost or changed


def test_an_agenda_over_pages_hangs_every_page_from_one_edge() -> None:
    talk = plan(f"title: T\nsections:\n{sections(14, 1)}")
    agenda = [s for s in talk.slides if s.numbered_from]
    assert len(agenda) >= 2
    assert len({(s.hanging, s.body_pt) for s in agenda}) == 1  # room for "14." on each page
    assert agenda[0].hanging > 1.5 * agenda[0].body_pt  # two digits and a point, and a gap


def test_a_long_agenda_is_numbered_page_by_page_never_retitled() -> None:
    """An agenda over many pages is one list continued: each page after the first is
    numbered, in order, none titled by a phrase of its items as a long run of prose is."""
    parts = "".join(
        f"  - title: 'Part {i}: Where the Time Goes'\n    points: [Measure first ({i})]\n"
        for i in range(1, 61)
    )
    talk = plan(f"title: T\nsections:\n{parts}")
    agenda = [s.title.replace("\u00a0", " ") for s in talk.slides if s.numbered_from]
    assert len(agenda) > 4
    rest = [f"What We’ll Cover ({k} of {len(agenda)})" for k in range(2, len(agenda) + 1)]
    assert agenda == ["What We’ll Cover", *rest]


def test_column_headings_are_bold_in_the_accent_colour(tmp_path: Path) -> None:
    outline = tmp_path / "columns.yaml"
    outline.write_text(
        "title: C\nsections:\n  - title: S\n    columns:\n"
        "      - {title: Before, points: [a]}\n      - {title: After, points: [b]}\n",
        encoding="utf-8",
    )
    built = build(outline, tmp_path / "out")
    slide = next(s for s in built.plan.slides if s.layout is Layout.COLUMNS)
    shapes = Presentation(str(built.files["deck"])).slides[slide.number - 1].shapes
    runs = {r.text: r for s in shapes if s.has_text_frame
            for p in s.text_frame.paragraphs for r in p.runs}  # fmt: skip
    for heading in ("Before", "After"):
        assert runs[heading].font.bold
        assert runs[heading].font.color.theme_color == MSO_THEME_COLOR.ACCENT_1
    assert runs["a"].font.color.type is None  # points keep the theme's text colour
