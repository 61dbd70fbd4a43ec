"""Real templates (tests/templates/, each one's source and licence in SOURCES.md): the example and
the stress outline build in every one with nothing lost or drawn outside its box, quotes in
body boxes and the template's own title layout on the title slide; and the failure modes real
templates bring, planted: title boxes too small for a title, no layout for quotes, a brand
colour the colour scheme does not carry, layouts named in another language."""

from __future__ import annotations

from pathlib import Path

import judges
import pytest
from click.testing import CliRunner
from conftest import stress_outline
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.util import Inches
from test_deck import TITLE_TYPES, planned_text, shown

from deckmaker.check import check_deck
from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.options import Options
from deckmaker.pipeline import build, example_outline
from deckmaker.planning import Layout
from deckmaker.theme.layouts import Holds, Preference, described, preference, ranked
from deckmaker.theme.presentation import open_presentation
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

CORPUS = Path(__file__).parent / "templates"
TEMPLATES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pptx", ".potx"))
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
VIOLET = "7030A0"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_corpus_is_real_and_accounted_for() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert len(TEMPLATES) >= 8
    for path in TEMPLATES:
        assert f"`{path.name}`" in sources, path.name
        assert path.stat().st_size < 200_000, path.name  # small: the repository carries them
        assert len(open_presentation(path).slide_layouts) >= 4


def held(deck: Path, plan) -> None:
    """Every slide shows what the plan put on it where the plan put it; a quote stands in a
    body box, never in a title box; and every outside judge is content."""
    slides = list(Presentation(str(deck)).slides)
    assert len(slides) == len(plan.slides)
    for slide, planned in zip(slides, plan.slides, strict=True):
        titles = [s.text_frame.text for s in slide.placeholders
                  if s.placeholder_format.type in TITLE_TYPES]  # fmt: skip
        assert titles == [planned.title], f"slide {planned.number}"
        assert shown(slide) == planned_text(planned), f"slide {planned.number}"
    assert judges.findings(deck) == []


@pytest.mark.parametrize("outline", ["example", "stress"])
@pytest.mark.parametrize("path", TEMPLATES, ids=[p.name for p in TEMPLATES])
def test_every_outline_builds_in_every_template(path: Path, outline: str, tmp_path: Path) -> None:
    source = example_outline() if outline == "example" else stress_outline(tmp_path)
    built = build(source, tmp_path / "out", options=Options(theme=str(path)))
    held(built.files["deck"], built.plan)
    theme = read_theme(path)
    holds = described(theme.open())
    cover = holds[theme.layouts[Layout.COVER]]
    assert cover.title is not None and cover.texts  # the template's own title layout
    slides = list(Presentation(str(built.files["deck"])).slides)
    assert slides[0].slide_layout.name == cover.name
    for slide, planned in zip(slides, built.plan.slides, strict=True):
        if planned.layout is Layout.QUOTE and theme.frames.quote is None:
            quote = planned.subtitle.split("\n")[0]
            assert [s.text_frame.text.split("\n")[0] for s in slide.placeholders
                    if s.placeholder_format.type in BODY_TYPES] == [quote]  # fmt: skip


def test_layouts_are_found_by_what_they_hold_in_any_language() -> None:
    """PowerPoint's stock template with its layouts named in Portuguese and in German serves
    each kind of slide from the same layout as with English names."""
    english = read_theme(CORPUS / "pandoc-reference.pptx").layouts
    for name, expected in (
        ("powerpoint-pt-br.potx", {Layout.COVER: "Slide de Título",
         Layout.CONTENT: "Título e Conteúdo", Layout.HEADER: "Cabeçalho da Seção",
         Layout.COLUMNS: "Duas Partes de Conteúdo", Layout.IMAGE: "Somente Título"}),
        ("powerpoint-de.pptx", {Layout.COVER: "Titelfolie", Layout.CONTENT: "Titel und Inhalt",
         Layout.HEADER: "Abschnittsüberschrift", Layout.COLUMNS: "Zwei Inhalte",
         Layout.IMAGE: "Nur Titel"}),
    ):  # fmt: skip
        theme = read_theme(CORPUS / name)
        holds = described(theme.open())
        assert {k: holds[theme.layouts[k]].name for k in expected} == expected
        assert {k: theme.layouts[k] for k in expected} == {k: english[k] for k in expected}


def test_title_slides_use_the_masters_the_template_uses_for_them() -> None:
    """LibreOffice's Vivid keeps its cover art on one master and its content design on
    another; its sample slides say which is which."""
    theme = read_theme(CORPUS / "lo-vivid.pptx")
    holds = described(theme.open())
    assert holds[theme.layouts[Layout.COVER]].master == 0
    assert holds[theme.layouts[Layout.CONTENT]].master == 1


def _tiny_titles(out: Path) -> Path:
    """The light theme with every title box two inches wide and a fifth of an inch high."""
    prs = Presentation(str(shipped()["light"]))
    for owner in (prs.slide_master, *prs.slide_layouts):
        for s in owner.placeholders:
            if s.placeholder_format.type in TITLE_TYPES:
                s.left, s.top, s.width, s.height = s.left, s.top, Inches(2), Inches(0.2)
    prs.save(str(out))
    return out


def test_a_tiny_title_box_is_made_room_in_not_refused(tmp_path: Path) -> None:
    theme = _tiny_titles(tmp_path / "tiny.pptx")
    result = run("themes", str(theme))
    assert result.exit_code == 0
    assert "title boxes are too small for a title at 16 pt" in result.output
    for outline in (example_outline(), stress_outline(tmp_path)):
        built = build(outline, tmp_path / "out", options=Options(theme=str(theme)))
        assert all(s.title_pt >= 16 for s in built.plan.slides if s.title)
        held(built.files["deck"], built.plan)


def test_a_two_letter_title_in_a_small_title_box() -> None:
    from test_plan import FRAMES

    from deckmaker.outline import parse_outline
    from deckmaker.planning import Box, Voice, plan_talk
    from deckmaker.templates import Templates

    small = FRAMES.__class__(**{**FRAMES.__dict__, "title": Box(300, 20)})
    outline = parse_outline("title: T\nsections: [{title: Hi, points: [a]}]\n", "t.yaml")
    plan = plan_talk(outline, Voice(Templates()), small)
    (slide,) = [s for s in plan.slides if s.title == "Hi"]
    assert 16 <= slide.title_pt < 36


def _without_quote_layout(out: Path) -> Path:
    """The light theme with its Quote layout renamed: no layout is made for quotes."""
    prs = Presentation(str(shipped()["light"]))
    for lay in prs.slide_layouts:
        if lay.name == "Quote":
            lay.name = "Zitat"
    prs.save(str(out))
    return out


def test_without_a_quote_layout_the_quote_stands_in_a_body_box(tmp_path: Path) -> None:
    theme = _without_quote_layout(tmp_path / "noquote.pptx")
    built = build(stress_outline(tmp_path), tmp_path / "out", options=Options(theme=str(theme)))
    quotes = [s for s in built.plan.slides if s.layout is Layout.QUOTE]
    # under its section's title, numbered as the section goes on (titles are unique): after
    # its points, the slides under its divider numbered from 1
    assert quotes and quotes[0].title == "Only points (2 of 2)"
    held(built.files["deck"], built.plan)
    deck = list(Presentation(str(built.files["deck"])).slides)
    slide = deck[quotes[0].number - 1]
    assert slide.slide_layout.name == "Title and Content"
    (body,) = [s for s in slide.placeholders if s.placeholder_format.type in BODY_TYPES]
    assert body.text_frame.text.startswith("“Don’t")


def _violet_brand(out: Path) -> Path:
    """PowerPoint's stock template (accent 1 still Office's #4F81BD) whose master sets titles
    in violet and carries a violet band: the brand is violet."""
    prs = Presentation(str(CORPUS / "powerpoint-de.pptx"))
    scratch = prs.slides.add_slide(prs.slide_layouts[6])  # python-pptx draws on slides only
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, prs.slide_width, Inches(0.2))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor.from_string(VIOLET)
    band.element.nvSpPr.cNvPr.id = 999  # an id of its own among the master's shapes
    prs.slide_master.element.cSld.spTree.append(band.element)  # the band moves to the master
    for s in prs.slide_master.placeholders:
        if s.placeholder_format.type in TITLE_TYPES:
            s.text_frame.text = "Titel"
            s.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor.from_string(VIOLET)
    prs.save(str(out))
    return out


def test_column_headings_take_the_brand_colour_not_office_blue(tmp_path: Path) -> None:
    theme = _violet_brand(tmp_path / "violet.pptx")
    assert read_theme(theme).accent == VIOLET
    assert read_theme(shipped()["light"]).accent is None  # its own accent stands
    built = build(stress_outline(tmp_path), tmp_path / "out", options=Options(theme=str(theme)))
    deck = Presentation(str(built.files["deck"]))
    (columns,) = [s for s in built.plan.slides if s.layout is Layout.COLUMNS]
    slide = list(deck.slides)[columns.number - 1]
    headings = [p.runs[0] for s in slide.placeholders if s.placeholder_format.type in BODY_TYPES
                for p in s.text_frame.paragraphs if p.runs and p.runs[0].font.bold]  # fmt: skip
    assert [str(r.font.color.rgb) for r in headings] == [VIOLET, VIOLET]
    assert "#7030A0, which headings and numbers take instead" in run("themes", str(theme)).output


def test_themes_file_explains_a_template() -> None:
    result = run("themes", str(CORPUS / "lo-vivid.pptx"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    kinds = [line.split(":")[0] for line in lines if not line.startswith(" ")]
    assert kinds[:11] == [
        "title", "agenda", "bullets", "section", "quote", "statement", "picture", "columns",
        "code", "table", "closing",
    ]  # fmt: skip
    assert "title:     'Title Slide' (master 1)" in lines
    assert "quote:     set in the body box of 'Title, Content' (master 2)" in lines
    assert any("'Arial'" in line and "Liberation Sans" in line for line in lines)
    assert any(line.startswith("problem:") and "section dividers" in line for line in lines)
    assert run("themes").output.splitlines()[0].startswith("light\t")  # the list, as before


def test_only_a_theme_with_nowhere_for_a_title_is_refused(tmp_path: Path) -> None:
    prs = Presentation(str(shipped()["light"]))
    for lay in (prs.slide_master, *prs.slide_layouts):
        for s in list(lay.placeholders):
            if s.placeholder_format.type in TITLE_TYPES:
                s.element.getparent().remove(s.element)
    prs.save(str(tmp_path / "untitled.pptx"))
    with pytest.raises(DeckmakerError, match="none holds a title \\(it has 'Title Slide'"):
        read_theme(tmp_path / "untitled.pptx")


def _text_style(deck: Path, slide: int, style: str) -> dict[int, str]:
    """The colour each level of `style` (titleStyle, bodyStyle) sets on the master of the
    deck's `slide` (1-based), by level."""
    master = Presentation(str(deck)).slides[slide - 1].slide_layout.slide_master.element
    found = master.find(f"{P}txStyles/{P}{style}")
    assert found is not None, "the master has no text styles"
    return {
        n: c.get("val", "").upper()
        for n in range(1, 10)
        for c in found.iterfind(f"{A}lvl{n}pPr/{A}defRPr/{A}solidFill/{A}srgbClr")
    }


def test_a_libreoffice_designs_text_colours_reach_the_slides(tmp_path: Path) -> None:
    """LibreOffice saves no text styles in its masters, only the prompt text's colours: Piano's
    white titles on a black band came out black, unseen. The masters' prompts become their text
    styles; a prompt colour that would not stand out where the text goes gives way to black or
    white (Vivid's pale subtitle colour over the white of its title slide, Midnightblue's white
    titles where its layouts put them, on white), and `deckmaker check` finds no text that does
    not stand out from what it lies on."""
    built = build(
        example_outline(), tmp_path / "piano", options=Options(theme=str(CORPUS / "lo-piano.pptx"))
    )
    deck = built.files["deck"]
    assert _text_style(deck, 2, "titleStyle")[1] == "FFFFFF"  # on the black band
    assert judges.findings(deck) == []
    vivid = build(
        example_outline(), tmp_path / "vivid", options=Options(theme=str(CORPUS / "lo-vivid.pptx"))
    )
    deck = vivid.files["deck"]
    assert _text_style(deck, 1, "titleStyle")[1] == "04617B"  # the design's teal title
    assert _text_style(deck, 1, "bodyStyle")[1] == "000000"  # not its pale DBF5F9
    midnight = build(
        example_outline(),
        tmp_path / "midnight",
        options=Options(theme=str(CORPUS / "lo-midnightblue.pptx")),
    )
    deck = midnight.files["deck"]
    assert _text_style(deck, 2, "titleStyle")[1] != "FFFFFF"
    for each in (built, vivid, midnight):
        assert [f for f in check_deck(each.files["deck"]) if f.rule == "contrast"] == []


def test_a_box_reaching_off_the_slide_is_cut_to_it_not_refused(tmp_path: Path) -> None:
    """Progress's title-slide subtitle runs 0.29 in past the slide's bottom edge (PowerPoint
    opens it without a word): the box is cut to the slide, the deck built, nothing outside."""
    path = CORPUS / "lo-progress.pptx"
    result = run("themes", str(path))
    assert result.exit_code == 0, result.output
    built = build(example_outline(), tmp_path / "out", options=Options(theme=str(path)))
    prs = Presentation(str(built.files["deck"]))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.width is not None:
                assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width
                assert shape.top >= 0 and shape.top + shape.height <= prs.slide_height


def test_every_box_half_an_inch_past_the_edge_is_cut_to_the_slide(tmp_path: Path) -> None:
    """Every placeholder of every master and layout half an inch past the slide's right edge
    (once refused): cut to the slide, the stress outline built, every judge content."""
    prs = Presentation(str(shipped()["light"]))
    width = prs.slide_width
    for master in prs.slide_masters:
        for shape in (s for part in (master, *master.slide_layouts) for s in part.placeholders):
            shape.left = width - shape.width + Inches(0.5)
    theme = tmp_path / "over.pptx"
    prs.save(str(theme))
    built = build(stress_outline(tmp_path), tmp_path / "out", options=Options(theme=str(theme)))
    held(built.files["deck"], built.plan)
    deck = Presentation(str(built.files["deck"]))
    for slide in deck.slides:
        for shape in slide.placeholders:
            assert shape.left + shape.width <= deck.slide_width


def test_a_slide_number_box_reaching_off_the_slide_is_moved_onto_it(tmp_path: Path) -> None:
    """A master whose slide-number box hangs below the slide's edge (as LibreOffice's Nature
    Illustration's does): every slide's number stands wholly on the slide, at its size."""
    prs = Presentation(str(shipped()["light"]))
    for owner in (prs.slide_master, *prs.slide_layouts):
        for s in owner.placeholders:
            if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
                s.top = prs.slide_height - s.height // 2
    theme = tmp_path / "hanging.pptx"
    prs.save(str(theme))
    built = build(example_outline(), tmp_path / "out", options=Options(theme=str(theme)))
    deck = Presentation(str(built.files["deck"]))
    numbers = [s for slide in deck.slides for s in slide.placeholders
               if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]  # fmt: skip
    assert numbers
    assert all(s.top + s.height <= deck.slide_height for s in numbers)
    assert judges.findings(built.files["deck"]) == []


def test_points_go_on_a_master_whose_art_leaves_their_box_clear() -> None:
    """LibreOffice's Focus draws coloured triangles over the body box of the master its sample
    slides use for content; another master of the design leaves the box clear: points go there
    (Candy's and Grey Elegant's content masters put bands and an illustration over their text
    the same way)."""
    theme = read_theme(CORPUS / "lo-focus.pptx")
    prs = theme.open()
    holds = described(prs)
    content = holds[theme.layouts[Layout.CONTENT]]
    preferred = [h for h in holds if h.master == preference(prs).content and h.name == content.name]
    assert content.covered < 0.25 < preferred[0].covered
    assert holds[theme.layouts[Layout.COLUMNS]].master == content.master  # one design for both


def test_art_over_a_box_outweighs_the_sample_slides_master() -> None:
    """Two layouts alike but for the master's art over the body: the clear one serves points,
    even though the template's sample slides use the other's master."""
    title, body = (0.05, 0.05, 0.9, 0.15), (0.05, 0.25, 0.9, 0.6)
    covered = Holds("Title, Content", 1, 0, title, False, (), (body,), None, covered=0.3)
    clear = Holds("Title, Content", 2, 1, title, False, (), (body,), None, covered=0.0)
    best = ranked(Layout.CONTENT, [covered, clear], Preference(cover=0, content=1))
    assert best[0] is clear


def test_a_folder_of_the_users_runs_every_template_in_the_sandbox(tmp_path: Path) -> None:
    """deckmaker's own templates alone run as plain Jinja2; given a folder of the user's, every
    template of the build runs sandboxed, the bundled ones a user's may extend included."""
    from jinja2.sandbox import SandboxedEnvironment

    from deckmaker.templates import Templates

    assert not isinstance(Templates().env, SandboxedEnvironment)
    (tmp_path / "script.md.j2").write_text(
        '{% extends "bundled/script.md.j2" %}{{ "".__class__ }}', encoding="utf-8"
    )
    sandboxed = Templates(tmp_path)
    assert isinstance(sandboxed.env, SandboxedEnvironment)
    assert isinstance(sandboxed.env.get_template("bundled/script.md.j2").environment,
                      SandboxedEnvironment)  # fmt: skip
