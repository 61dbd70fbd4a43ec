"""`deckmaker check`: each rule finds its planted fault in a deck made with python-pptx, a deck
without faults gives nothing, and deckmaker's own decks, in every shipped theme, pass."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import stress_outline
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as Deck
from pptx.util import Inches, Pt

from deckmaker.check import check_deck, check_presentation
from deckmaker.cli import cli
from deckmaker.options import Options
from deckmaker.pipeline import example_outline, render
from deckmaker.theme.shipped import shipped

TITLE_AND_CONTENT, BLANK = 1, 6
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _clean() -> Deck:
    """Two titled slides with a body, in English: nothing to find."""
    prs = Presentation()
    for title in ("Why gardens", "How to start"):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
        slide.shapes.title.text = title
        slide.placeholders[1].text = "Dig, plant and water"
    for props in prs.element.iter(qn("a:defRPr")):
        props.set("lang", "en-GB")
    return prs


def _bytes(prs: Deck) -> bytes:
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _png(folder: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (64, 48), (37, 99, 235)).save(folder / "still.png")
    return folder / "still.png"


def _picture(prs: Deck, folder: Path, alt: str | None = None, decorative: bool = False) -> None:
    picture = prs.slides[0].shapes.add_picture(str(_png(folder)), Inches(6), Inches(5), Inches(1))
    properties = picture.element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}")
    if alt is not None:
        properties.set("descr", alt)
    if decorative:
        properties.append(
            etree.fromstring(
                '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
                'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" '
                'val="1"/></a:ext></a:extLst>'
            )
        )


def _pale(prs: Deck, folder: Path) -> None:
    box = prs.slides[1].shapes.add_textbox(Inches(1), Inches(6), Inches(6), Inches(0.6))
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "Pale grey small print", Pt(14)
    run.font.color.rgb = RGBColor(0xC8, 0xC8, 0xC8)


def _faint_theme_colour(prs: Deck, folder: Path) -> None:
    """The body's text in the theme's background colour, a shade darker: white on white, as
    only resolving the theme and the placeholder's inheritance can tell."""
    run = prs.slides[0].placeholders[1].text_frame.paragraphs[0].runs[0]
    run.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    run.font.color.brightness = -0.1


def _same_title(prs: Deck, folder: Path) -> None:
    prs.slides[1].shapes.title.text = "Why  gardens"


def _untitled(prs: Deck, folder: Path) -> None:
    prs.slides.add_slide(prs.slide_layouts[BLANK])


def _title_last(prs: Deck, folder: Path) -> None:
    title = prs.slides[0].shapes.title.element
    tree = title.getparent()
    tree.remove(title)
    tree.append(title)


def _headless_table(prs: Deck, folder: Path) -> None:
    frame = prs.slides[1].shapes.add_table(2, 2, Inches(1), Inches(4), Inches(4), Inches(1))
    frame.table.first_row = False


def _no_language(prs: Deck, folder: Path) -> None:
    for props in prs.element.iter(qn("a:defRPr")):
        del props.attrib["lang"]


def _off_the_slide(prs: Deck, folder: Path) -> None:
    box = prs.slides[1].shapes.add_textbox(Inches(9), Inches(1), Inches(3), Inches(1))
    box.text_frame.text = "Half of me is gone"


FAULTS: dict[str, tuple[Callable[[Deck, Path], None], str, str]] = {
    "a picture without alt text": (_picture, "alt-text", "slide 1: picture 'Picture"),
    "pale grey text on white": (_pale, "contrast", "slide 2: text 'Pale grey small print'"),
    "a theme colour too close to the background": (_faint_theme_colour, "contrast", "slide 1"),
    "two slides with one title": (_same_title, "duplicate-title", "slide 2: has the same"),
    "a slide without a title": (_untitled, "title", "slide 3: has no title"),
    "the title read last": (_title_last, "reading-order", "slide 1: the title is read after"),
    "a table without a header row": (_headless_table, "table-header", "slide 2: table"),
    "no language": (_no_language, "language", "slide 1: text has no language set"),
    "text off the slide": (_off_the_slide, "outside", "slide 2: text box"),
}


def test_a_deck_without_faults_gives_nothing() -> None:
    assert check_deck(_bytes(_clean())) == ()


@pytest.mark.parametrize("fault", FAULTS)
def test_check_finds(fault: str, tmp_path: Path) -> None:
    plant, rule, says = FAULTS[fault]
    prs = _clean()
    plant(prs, tmp_path)
    found = check_deck(_bytes(prs))
    assert [f.rule for f in found] == [rule], found
    assert str(found[0]).startswith(says), found


@pytest.mark.parametrize("fault", FAULTS)
def test_a_deck_checked_as_made_finds_what_its_file_does(fault: str, tmp_path: Path) -> None:
    """A build checks the presentation it has just made, without reading its bytes back."""
    prs = _clean()
    FAULTS[fault][0](prs, tmp_path)
    assert check_presentation(prs) == check_deck(_bytes(prs))


def test_a_slide_built_like_a_clean_one_is_still_read_for_what_differs(tmp_path: Path) -> None:
    """Slides built alike are read once; a second that differs only in its text's colour, or
    in a body that says nothing, is read for itself."""
    prs = _clean()
    for title in ("Where to dig", "When to water"):
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
        slide.shapes.title.text = title
        slide.placeholders[1].text = "Dig, plant and water"
    run = prs.slides[3].placeholders[1].text_frame.paragraphs[0].runs[0]
    run.font.color.rgb = RGBColor(0xC8, 0xC8, 0xC8)
    found = check_presentation(prs)
    assert [(f.slide, f.rule) for f in found] == [(4, "contrast")], found
    assert "'Dig, plant and water'" in found[0].message


def test_what_contrast_says(tmp_path: Path) -> None:
    prs = _clean()
    _pale(prs, tmp_path)
    (found,) = check_deck(_bytes(prs))
    assert "is 1.7:1 against its background (#C8C8C8 on #FFFFFF); it needs 4.5:1" in str(found)


def test_large_text_needs_less_contrast(tmp_path: Path) -> None:
    """#949494 on white is 3.0:1: enough for 18 pt, not for 14 pt."""
    prs = _clean()
    for size, top in ((18, 5), (14, 6)):
        box = prs.slides[1].shapes.add_textbox(Inches(1), Inches(top), Inches(6), Inches(0.6))
        run = box.text_frame.paragraphs[0].add_run()
        run.text, run.font.size = f"{size} pt grey", Pt(size)
        run.font.color.rgb = RGBColor(0x94, 0x94, 0x94)
    found = check_deck(_bytes(prs))
    assert [f.message.split("'")[1] for f in found] == ["14 pt grey"]


def test_text_under_a_fading_glow_is_not_told(tmp_path: Path) -> None:
    """A slide-wide glow that fades to nothing (a gradient with transparent stops, as
    LibreOffice's Lights draws over its dark background) cannot say what lies under text at a
    point: not reported as white on white, as opaque stops would be."""
    prs = _clean()
    slide = prs.slides[1]
    glow = slide.shapes.add_shape(1, 0, 0, prs.slide_width, prs.slide_height)
    properties = glow.element.spPr
    for old in properties.findall(qn("a:solidFill")):
        properties.remove(old)
    stops = "".join(
        f'<a:gs pos="{pos}"><a:srgbClr val="FFFFFF"><a:alpha val="{alpha}"/></a:srgbClr></a:gs>'
        for pos, alpha in ((0, 80000), (100000, 0))
    )
    fill = etree.fromstring(
        f'<a:gradFill xmlns:a="{A_NS}"><a:gsLst>{stops}</a:gsLst><a:path path="circle"/>'
        "</a:gradFill>"
    )
    properties.find(qn("a:prstGeom")).addnext(fill)
    tree = glow.element.getparent()
    tree.remove(glow.element)
    tree.insert(2, glow.element)  # under the title and the body
    box = slide.shapes.add_textbox(Inches(1), Inches(6), Inches(6), Inches(0.6))
    run = box.text_frame.paragraphs[0].add_run()
    run.text, run.font.size = "White over the glow", Pt(24)
    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    assert [f for f in check_deck(_bytes(prs)) if "White over" in f.message] == []
    opaque = etree.fromstring(etree.tostring(fill).replace(b"<a:alpha", b"<a:lumMod"))
    properties.replace(fill, opaque)
    assert [f.rule for f in check_deck(_bytes(prs)) if "White over" in f.message] == ["contrast"]


def test_alt_text_or_a_decorative_mark_passes(tmp_path: Path) -> None:
    described, decorative = _clean(), _clean()
    _picture(described, tmp_path, alt="A blue rectangle, the colour of the brand")
    _picture(decorative, tmp_path, decorative=True)
    assert check_deck(_bytes(described)) == check_deck(_bytes(decorative)) == ()


@pytest.mark.parametrize("theme", sorted(shipped()))
@pytest.mark.parametrize("outline", ["example", "stress"])
def test_our_decks_pass_in_every_shipped_theme(outline: str, theme: str, tmp_path: Path) -> None:
    path = example_outline() if outline == "example" else stress_outline(tmp_path)
    built = render(path, ("deck",), options=Options(theme=theme))
    assert check_deck(built.artifacts["deck"].data) == ()
    assert not [w for w in built.warnings if w.startswith(f"{path.stem}.pptx:")]


def test_the_command_says_each_finding_and_exits_1(tmp_path: Path) -> None:
    prs = _clean()
    _pale(prs, tmp_path)
    _same_title(prs, tmp_path)
    deck = tmp_path / "faulty.pptx"
    deck.write_bytes(_bytes(prs))
    clean = tmp_path / "clean.pptx"
    clean.write_bytes(_bytes(_clean()))
    result = CliRunner().invoke(cli, ["check", str(deck), str(clean)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 3 and lines[-1] == f"{clean}: nothing found"
    assert lines[0].startswith(f"{deck}: slide 2: ") and lines[0].endswith("[duplicate-title]")
    assert CliRunner().invoke(cli, ["check", str(clean)]).exit_code == 0


@pytest.mark.parametrize("bad", ["missing.pptx", "notes.txt", ""])
def test_a_deck_that_cannot_be_read_exits_2(bad: str, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / bad)])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and len(result.output.splitlines()) == 1


def test_a_bug_while_checking_is_not_reported_as_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "clean.pptx"
    deck.write_bytes(_bytes(_clean()))

    def broken(*args: object) -> list[object]:
        raise AttributeError("planted")

    monkeypatch.setattr("deckmaker.check.alt_text", broken)
    result = CliRunner().invoke(cli, ["check", str(deck)])
    assert result.exit_code == 3  # not 1, which says "findings"
    assert result.output.startswith("error: internal error (AttributeError: planted)")
    assert len(result.output.splitlines()) == 1


# -- accessible by default ------------------------------------------------------------------------


def _picture_outline(folder: Path, image: str) -> Path:
    _png(folder)
    path = folder / "talk.yaml"
    path.write_text(
        f"title: Gardens\nsections:\n  - title: The plot\n    points: [Dig]\n    image: {image}\n",
        encoding="utf-8",
    )
    return path


def test_a_pictures_alt_text_is_its_description(tmp_path: Path) -> None:
    outline = _picture_outline(tmp_path, "{path: still.png, alt: The plot in spring}")
    built = render(outline, ("deck",))
    prs = Presentation(io.BytesIO(built.artifacts["deck"].data))
    (picture,) = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert picture.element.find(f".//{qn('p:cNvPr')}").get("descr") == "The plot in spring"
    assert not [w for w in built.warnings if "alt" in w]


def test_a_picture_without_alt_text_is_warned_of_once(tmp_path: Path) -> None:
    built = render(_picture_outline(tmp_path, "still.png"), ("deck",))
    said = [w for w in built.warnings if "alt" in w]
    assert said == [
        f"{tmp_path / 'talk.yaml'}:5: sections[1].image: no alt text; write `image: {{path: ..., "
        "alt: what it shows}`, for those who cannot see the picture"
    ]


def test_the_talks_language_is_the_decks(tmp_path: Path) -> None:
    outline = tmp_path / "charla.yaml"
    outline.write_text(
        "title: Jardines\nsections:\n  - title: El huerto\n    points: [Cavar]\n"
        "    script: Hoy vamos a hablar de por qué el huerto es para todos y de cómo empezar.\n",
        encoding="utf-8",
    )
    built = render(outline, ("deck",))
    prs = Presentation(io.BytesIO(built.artifacts["deck"].data))
    langs = {p.get("lang") for p in prs.element.iter(qn("a:defRPr"))}
    assert built.plan.language == "es" and langs == {"es-ES"}
    assert check_deck(built.artifacts["deck"].data) == ()


# -- what a build found clean before --------------------------------------------------------------


def _theme(folder: Path, body: str | None = None) -> Path:
    """python-pptx's own template as a theme, its body text in colour `body` (RRGGBB) if given."""
    prs = Presentation()
    if body is not None:
        master = prs.slide_masters[0].element
        level = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}")
        props = level.find(qn("a:defRPr"))
        for old in props.findall(qn("a:solidFill")):
            props.remove(old)
        fill = etree.SubElement(props, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr")).set("val", body)
        props.insert(0, fill)
    path = folder / "house.pptx"
    prs.save(str(path))
    return path


def _contrast(warnings: tuple[str, ...]) -> list[str]:
    return [w for w in warnings if "[contrast]" in w]


def test_a_rebuild_reads_only_slides_built_in_a_new_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deckmaker.check import styles

    read: list[int] = []
    real = styles.SlideStyles

    def counted(*args: object) -> styles.SlideStyles:
        read.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(styles, "SlideStyles", counted)
    outline, theme = example_outline(), Options(theme=str(_theme(tmp_path)))
    first = render(outline, ("deck",), options=theme)
    once = len(read)
    again = render(outline, ("deck",), options=theme)
    assert once > 0 and len(read) == once, "the second build read slides again"
    assert first.warnings == again.warnings


def test_a_theme_changed_since_is_checked_afresh(tmp_path: Path) -> None:
    """What the earlier build found clean is kept for that theme's content only: the same file
    turned pale is read again, and its pale text is found."""
    outline = example_outline()
    clean = render(outline, ("deck",), options=Options(theme=str(_theme(tmp_path))))
    assert not _contrast(clean.warnings)
    turned = Options(theme=str(_theme(tmp_path, "C8C8C8")))
    pale = render(outline, ("deck",), options=turned)
    assert _contrast(pale.warnings), pale.warnings
    again = render(outline, ("deck",), options=turned)
    assert _contrast(again.warnings) == _contrast(pale.warnings)
