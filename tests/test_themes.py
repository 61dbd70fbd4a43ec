"""Themes from anywhere: the shipped ones, one saved by LibreOffice Impress and a .potx, each
holding the stress outline with nothing lost; themes that cannot hold a deck are refused."""

from __future__ import annotations

from pathlib import Path

import judges
import pytest
from click.testing import CliRunner
from conftest import FOREIGN_THEMES, stress_outline
from judges.tools import require_font
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from test_deck import TITLE_TYPES, planned_text, shown

from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.options import Options
from deckmaker.pipeline import build
from deckmaker.planning import Layout
from deckmaker.theme.fonts import typeface
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

THEMES = {**{name: name for name in ("light", "dark", "editorial")}, **FOREIGN_THEMES}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_three_themes_are_shipped_and_listed() -> None:
    result = run("themes")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["light", "dark", "editorial"]
    assert lines[0].endswith("(default)")
    for path in shipped().values():
        prs = Presentation(str(path))
        assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # 16:9


@pytest.mark.parametrize("theme", THEMES, ids=list(THEMES))
def test_every_theme_holds_the_stress_outline(theme: str, tmp_path: Path) -> None:
    """Every title, point, column, quote and label where the plan put it, a numbered slide for
    each number, the picture's proportions kept, and every outside judge content."""
    built = build(
        stress_outline(tmp_path), tmp_path / "out", options=Options(theme=str(THEMES[theme]))
    )
    deck = built.files["deck"]
    slides = list(Presentation(str(deck)).slides)
    assert len(slides) == len(built.plan.slides)
    for slide, planned in zip(slides, built.plan.slides, strict=True):
        titles = [s.text_frame.text for s in slide.placeholders
                  if s.placeholder_format.type in TITLE_TYPES]  # fmt: skip
        assert titles == [planned.title], f"slide {planned.number}"
        assert shown(slide) == planned_text(planned), f"slide {planned.number}"
        numbers = [s.text_frame.text for s in slide.placeholders
                   if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]  # fmt: skip
        assert numbers == [str(planned.number)] * planned.numbered
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (planned.layout is Layout.IMAGE)
        for picture in pictures:  # the picture is 640 x 360
            assert abs(picture.width / picture.height - 640 / 360) < 0.01
    assert {s.layout for s in built.plan.slides} >= {
        Layout.COVER, Layout.CONTENT, Layout.HEADER, Layout.QUOTE, Layout.IMAGE, Layout.COLUMNS,
    }  # fmt: skip
    assert judges.findings(deck) == []


def test_a_theme_made_elsewhere_says_what_it_lacks(tmp_path: Path) -> None:
    require_font("Liberation Sans", "fonts-liberation2")  # else a warning that Arial is missing
    outline = stress_outline(tmp_path)
    result = run("build", str(outline), "--theme", str(FOREIGN_THEMES["impress"]),
                 "--out", str(tmp_path / "out"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "warning: impress.pptx: the theme has no layout for section dividers; using 'Title Slide'",
        "warning: impress.pptx: the theme has no layout for quotes; each quote stands in the "
        "body box of 'Title, Content'",
    ]


def test_a_potx_is_read_as_the_presentation_it_is() -> None:
    theme = read_theme(FOREIGN_THEMES["potx"])
    content = theme.open().slide_layouts[theme.layouts[Layout.CONTENT]]
    assert content.name == "Title, Content"  # LibreOffice's name
    assert theme.frames.body.width > 500


def _without_bodies(source: Path, out: Path) -> Path:
    """The light theme with every body, content and subtitle placeholder deleted from its
    layouts: nowhere for points at all (a subtitle box would do for them)."""
    prs = Presentation(str(source))
    for lay in prs.slide_layouts:
        for shape in list(lay.placeholders):
            if shape.placeholder_format.type in (
                PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE
            ):  # fmt: skip
                shape.element.getparent().remove(shape.element)
    prs.save(str(out))
    return out


def test_a_theme_without_a_body_placeholder_is_refused(tmp_path: Path) -> None:
    """Not an empty deck: a clear error, exit 2, nothing written."""
    theme = _without_bodies(shipped()["light"], tmp_path / "bare.pptx")
    with pytest.raises(DeckmakerError, match="has no layout for slides of points"):
        read_theme(theme)
    for command in ("build", "validate"):
        args = [command, "--theme", str(theme)] + (["--out", str(tmp_path / "out")]
                                                   if command == "build" else [])  # fmt: skip
        if command == "validate":
            args.insert(1, str(stress_outline(tmp_path)))
        result = run(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"error: {theme}: has no layout for slides of points")
    assert not (tmp_path / "out").exists()


def test_theme_by_name_by_outline_and_unknown(tmp_path: Path, write_outline) -> None:
    prs = Presentation(str(shipped()["dark"]))
    prs.save(str(tmp_path / "mine.pptx"))
    outline = write_outline("title: T\ntheme: mine.pptx\nsections: [{title: A, points: [x]}]\n")
    built = build(outline, tmp_path / "out")
    assert (
        "Dark"
        in Presentation(str(built.files["deck"]))
        .slide_master.part.part_related_by(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
        )
        .blob.decode()
    )
    result = run("build", str(outline), "--theme", "nope", "--out", str(tmp_path / "o2"))
    assert result.exit_code == 2
    assert "no theme named 'nope'; the shipped themes are light, dark, editorial" in result.stderr
    missing = write_outline("title: T\ntheme: gone.pptx\nsections: [{title: A}]\n", "m.yaml")
    result = run("validate", str(missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {missing}:2: theme: no such file")


def test_files_nothing_uses_in_templates_get_a_warning(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "corporate.potx").write_bytes(FOREIGN_THEMES["potx"].read_bytes())
    result = run("build", "--templates", str(tmp_path / "mine"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert (
        f"warning: {tmp_path / 'mine' / 'corporate.potx'}: not used (a theme there must be "
        f"named deck.pptx; or pass --theme {tmp_path / 'mine' / 'corporate.potx'})"
    ) in result.stderr
    result = run("build", "--templates", str(tmp_path / "mine" / "corporate.potx"))
    assert result.exit_code == 2
    assert "is not a folder of templates; to use it as the deck's theme, pass --theme" in (
        result.stderr
    )


def test_fonts_are_measured_from_their_files_or_estimated_and_said_so(tmp_path: Path) -> None:
    require_font("Carlito", "fonts-crosextra-carlito")
    require_font("Liberation Sans", "fonts-liberation2")
    assert Path(typeface("Calibri").measured_with or "").name == "Carlito-Regular.ttf"
    assert Path(typeface("Arial", bold=True).measured_with or "").name.startswith(
        "LiberationSans-Bold"
    )
    assert typeface("No Such Font Anywhere").measured_with is None
    theme = tmp_path / "odd.pptx"
    prs = Presentation(str(shipped()["light"]))
    part = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    part.blob = part.blob.replace(b'typeface="Calibri"', b'typeface="No Such Font Anywhere"')
    prs.save(str(theme))
    loaded = read_theme(theme)
    assert loaded.general == (
        "odd.pptx: font 'No Such Font Anywhere' is not installed, nor one with its metrics; "
        "text is fitted by estimated widths (install the font for a closer fit)",
    )


def _without_slide_numbers(path: Path) -> Path:
    """The light theme with every slide-number placeholder taken off its master and layouts."""
    prs = Presentation(str(shipped()["light"]))
    for holder in (prs.slide_master, *prs.slide_layouts):
        for shape in list(holder.placeholders):
            if shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
                shape.element.getparent().remove(shape.element)
    prs.save(str(path))
    return path


def _with_missing_font(path: Path) -> Path:
    prs = Presentation(str(shipped()["light"]))
    part = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    )
    part.blob = part.blob.replace(b'typeface="Calibri"', b'typeface="No Such Font Anywhere"')
    prs.save(str(path))
    return path


@pytest.mark.parametrize("lacks", ["slide numbers", "its font"])
def test_a_cached_theme_warns_as_one_read_afresh(tmp_path: Path, lacks: str) -> None:
    """What a theme lacks is part of the result: the first build (reading the theme), the second
    (from the cache) and one with the cache off print the same warnings."""
    import os
    import subprocess
    import sys

    if lacks == "slide numbers":  # a theme is cached only when its fonts are installed
        require_font("Carlito", "fonts-crosextra-carlito")
    make = _without_slide_numbers if lacks == "slide numbers" else _with_missing_font
    theme = make(tmp_path / "lacking.pptx")
    cache = tmp_path / "cache"

    def warned(cache_setting: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "deckmaker", "build", "--theme", str(theme), "--out",
             str(tmp_path / "out")],
            capture_output=True, text=True, check=True, timeout=120,
            env={**os.environ, "DECKMAKER_CACHE": cache_setting},
        )  # fmt: skip
        return [line for line in done.stderr.splitlines() if line.startswith("warning:")]

    first, cached, uncached = warned(str(cache)), warned(str(cache)), warned("off")
    assert any("lacking.pptx" in line for line in first), first
    assert first == cached == uncached
    if lacks == "slide numbers":  # a theme whose fonts are installed is kept: the cache is used
        assert list((cache / "themes").iterdir())


@pytest.mark.parametrize("name", ["light", "dark", "editorial", *FOREIGN_THEMES])
def test_a_theme_reads_as_plain_data_its_layouts_by_what_they_hold(name: str) -> None:
    """The theme stage's value: every layout in the file by the placeholders it holds (type,
    box), the one chosen for each kind of slide holding a title, and the colour scheme."""
    path = shipped()[name] if name in shipped() else Path(THEMES[name])
    theme = read_theme(path)
    prs = Presentation(str(path)) if path.suffix == ".pptx" else theme.open()
    assert [lay.name for lay in theme.catalogue] == [lay.name for lay in prs.slide_layouts]
    for kind, index in theme.layouts.items():
        held = {p.type for p in theme.catalogue[index].placeholders}
        assert held & {"title", "center_title"}, (kind, held)
        assert all(p.box is None or p.box.width > 0 for p in theme.catalogue[index].placeholders)
    assert {"dk1", "lt1", "accent1"} <= set(theme.colours)
    assert all(len(v) == 6 and int(v, 16) >= 0 for v in theme.colours.values())
    assert theme == read_theme(path)  # the same file reads the same: comparable with ==
