"""The planner's choice of slides and type: dividers, numbered agenda, quote, picture, columns,
recap, footer, typographic quotes, no lone word on a title; and previews of the result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from judges.tools import require_font
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from test_plan import FRAMES

from deckmaker.cli import cli
from deckmaker.options import Options
from deckmaker.outline import parse_outline
from deckmaker.pipeline import build
from deckmaker.planning import Box, Layout, Voice, plan_talk
from deckmaker.planning.fit import wrap
from deckmaker.templates import Templates
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped
from deckmaker.typography import quoted, smarten

LIGHT = read_theme(shipped()["light"]).frames


def plan(text: str, frames=LIGHT, source: str = "t.yaml"):
    return plan_talk(parse_outline(text, source), Voice(Templates()), frames)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def sections(n: int, points: int) -> str:
    items = ", ".join(f"point {i}" for i in range(1, points + 1))
    return "".join(f"  - title: Part {i}\n    points: [{items}]\n" for i in range(1, n + 1))


def test_typographic_quotes_and_apostrophes() -> None:
    assert smarten("Mia's \"big\" 'what if' in the '90s") == "Mia’s “big” ‘what if’ in the ’90s"
    assert smarten("rock 'n' roll (‘ok’)") == "rock ’n’ roll (‘ok’)"
    assert quoted("It's fine") == "“It’s fine”"
    assert quoted('"Already quoted"') == "“Already quoted”"
    assert quoted('She said "no"') == "“She said ‘no’”"


def test_dividers_open_sections_only_in_a_talk_long_enough_to_want_them() -> None:
    short = plan(f"title: T\nsections:\n{sections(4, 3)}")
    assert Layout.HEADER not in {s.layout for s in short.slides}  # 4 slides for 4 sections
    columns = "    columns: [[a], [b]]\n"
    with_columns = sections(3, 3).replace("3]\n", "3]\n" + columns)
    long = plan(f"title: T\nsections:\n{with_columns}")
    dividers = [s for s in long.slides if s.layout is Layout.HEADER]
    assert [(s.title, s.subtitle) for s in dividers] == [
        ("Part 1", "Part 1 of 3"), ("Part 2", "Part 2 of 3"), ("Part 3", "Part 3 of 3"),
    ]  # fmt: skip
    first = long.parts[1].slides
    assert [s.layout for s in first] == [Layout.HEADER, Layout.CONTENT, Layout.COLUMNS]
    # said as it comes up, between the pauses that keep a slide up its five seconds
    said = " ".join(first[0].spoken)
    assert " ".join(said.replace("[PAUSE]", " ").split()) == "Let's start with part 1."
    assert said.startswith("[PAUSE]")
    assert plan(f"title: T\nsections:\n{sections(2, 1)}").parts[1].slides[0].layout is (
        Layout.CONTENT
    )


def test_the_agenda_is_numbered_and_counts_on_over_pages() -> None:
    got = plan(f"title: T\nsections:\n{sections(30, 1)}")
    agenda = [s for s in got.slides if s.kind.value == "agenda"]
    assert len(agenda) > 1
    starts = [1 + sum(len(a.bullets) for a in agenda[:i]) for i in range(len(agenda))]
    assert [a.numbered_from for a in agenda] == starts


def test_quote_picture_and_columns_get_slides_of_their_own(tmp_path: Path) -> None:
    Image.new("RGB", (400, 800), (0, 0, 0)).save(tmp_path / "tall.png")
    got = plan(
        """\
title: T
sections:
  - title: A
    points: [one]
    quote: {text: "It's here", attribution: Someone}
    image: tall.png
    columns:
      - {title: Left, points: [l1, {text: l2, points: [l2a]}]}
      - [r1]
""",
        source=str(tmp_path / "t.yaml"),
    )
    a = got.parts[1].slides
    assert [s.layout for s in a] == [Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE, Layout.QUOTE]
    assert [[(b.text, b.level, b.heading) for b in c] for c in a[1].columns] == [
        [("Left", 0, True), ("l1", 0, False), ("l2", 0, False), ("l2a", 1, False)],
        [("r1", 0, False)],
    ]
    left, top, width, height = a[2].picture or (0, 0, 0, 0)
    body = LIGHT.picture or LIGHT.body
    assert height == pytest.approx(body.height) and width == pytest.approx(body.height / 2)
    assert left == pytest.approx(body.left + (body.width - width) / 2)  # centred, not cropped
    assert (a[3].title, a[3].subtitle) == ("“It’s here”", "— Someone")


def test_columns_are_listed_where_the_theme_has_no_two_column_layout() -> None:
    got = plan("title: T\nsections:\n  - title: A\n    columns: [{title: L, points: [x]}, [y]]\n",
               FRAMES)  # fmt: skip
    slide = got.parts[1].slides[0]
    assert slide.layout is Layout.CONTENT
    assert [(b.text, b.level) for b in slide.bullets] == [("L", 0), ("x", 1), ("y", 0)]


def test_a_short_list_is_set_large_and_spread_out_a_long_one_at_24_pt() -> None:
    many = ", ".join(f"a point long enough to wrap over the line number {i}" for i in range(12))
    got = plan(f"title: T\nsections:\n{sections(1, 2)}  - title: B\n    points: [{many}]\n")
    short, long = got.parts[1].slides[0], got.parts[2].slides[0]
    assert (short.body_pt, long.body_pt) == (28, 24)
    assert short.spacing > long.spacing
    # a type scale: every title at least 1.3 times its text
    assert all(s.title_pt >= 1.3 * s.body_pt for s in got.slides if s.layout is Layout.CONTENT)


def test_one_title_size_for_the_deck_and_no_lone_word_at_a_titles_end() -> None:
    words = [f"word{i}" for i in range(60)]
    box, font = LIGHT.title, LIGHT.title_font
    n = next(
        n for n in range(2, 60) if " " not in wrap(" ".join(words[:n]), 36, box.width, font)[-1]
    )
    widowed = " ".join(words[:n])  # wraps at 36 pt with one word alone on its last line
    got = plan(f"title: T\nsections:\n  - title: Short\n    points: [x]\n"
               f"  - title: {widowed}\n    points: [y]\n")  # fmt: skip
    assert {s.title_pt for s in got.slides if s.layout is Layout.CONTENT} == {36}
    titled = got.parts[2].slides[0]
    assert titled.title == widowed[: widowed.rindex(" ")] + "\u00a0" + words[n - 1]
    lines = wrap(titled.title, 36, box.width, font)
    assert len(lines) == 2 and len(lines[-1].replace("\u00a0", " ").split()) == 2


def test_a_missing_or_unreadable_picture_is_an_error_before_anything_is_written(
    tmp_path: Path, write_outline
) -> None:
    outline = write_outline("title: T\nsections:\n  - title: A\n    image: gone.png\n")
    result = run("build", str(outline), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "t.yaml:4: sections[1].image: no such file" in result.stderr.replace("talk", "t")
    (outline.parent / "bad.png").write_bytes(b"\x89PNG not really")
    outline.write_text("title: T\nsections:\n  - title: A\n    image: bad.png\n")
    result = run("build", str(outline), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert (
        f"error: {outline}:4: sections[1].image: 'bad.png' is no PNG, JPEG, GIF or BMP picture"
        in result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_columns_must_be_two(write_outline) -> None:
    outline = write_outline("title: T\nsections:\n  - title: A\n    columns: [[a], [b], [c]]\n")
    result = run("validate", str(outline))
    assert result.exit_code == 2
    assert "sections[1].columns: has 3 columns; give exactly two" in result.stderr


def test_slide_numbers_and_footer_are_on_every_slide_but_the_covers(
    tmp_path: Path, write_outline
) -> None:
    outline = write_outline("title: T\nfooter: Episode 12\nsections: [{title: A, points: [x]}]\n")
    built = build(outline, tmp_path / "out", options=Options(theme="editorial"))
    for slide, planned in zip(Presentation(str(built.files["deck"])).slides, built.plan.slides,
                              strict=True):  # fmt: skip
        latent = {s.placeholder_format.type: s.text_frame.text for s in slide.placeholders
                  if s.placeholder_format.type in (PP_PLACEHOLDER.SLIDE_NUMBER,
                                                   PP_PLACEHOLDER.FOOTER)}  # fmt: skip
        expected = {PP_PLACEHOLDER.SLIDE_NUMBER: str(planned.number),
                    PP_PLACEHOLDER.FOOTER: "Episode 12"}  # fmt: skip
        assert latent == (expected if planned.layout is not Layout.COVER else {})


def test_preview_writes_one_png_per_slide_and_a_contact_sheet(tmp_path: Path) -> None:
    result = run("preview", "--theme", "dark", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    slides = len(load_and_plan_example_slides())
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pngs == [f"la-la-land-{n:02}.png" for n in range(1, slides + 1)] + [
        "la-la-land-sheet.png"
    ]
    with Image.open(tmp_path / "la-la-land-01.png") as first:
        assert abs(first.width - 1280) <= 1 and first.height == 720  # 96 dpi, rounded
    with Image.open(tmp_path / "la-la-land-sheet.png") as sheet:
        assert sheet.width > 1600 and sheet.height > 3 * 200  # four to a row, three rows
    assert f"Wrote {slides} slide pictures to {tmp_path}" in result.output


def load_and_plan_example_slides():
    from deckmaker.pipeline import example_outline, plan_outline

    return plan_outline(example_outline())[0].slides


def test_preview_says_how_to_install_what_it_needs(tmp_path: Path, monkeypatch) -> None:
    real = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if name in (
        "soffice", "libreoffice") else real(name, *a, **k))  # fmt: skip
    result = run("preview", "--out", str(tmp_path / "p"))
    assert result.exit_code == 2
    assert "apt-get install libreoffice-impress" in result.stderr
    assert not (tmp_path / "p").exists()


def test_a_theme_without_a_quote_layout_sets_the_quote_in_the_body() -> None:
    """Never in a title box (too small for it, or not made for it): the quote and who said it
    stand in the body box, under the section's title; however small the header's title."""
    tiny = FRAMES.__class__(**{**FRAMES.__dict__, "header_title": Box(60, 20)})
    quote = "    quote: {text: a quote, attribution: Zoë}\n"
    got = plan(f"title: T\nsections:\n  - title: A\n{quote}", tiny)
    (slide,) = [s for s in got.slides if s.layout is Layout.QUOTE]
    assert (slide.title, slide.subtitle) == ("A", "“a quote”\n— Zoë")
    assert slide.body_pt >= 28


def test_a_footer_the_theme_cannot_show_is_said(tmp_path: Path, write_outline) -> None:
    require_font("Carlito", "fonts-crosextra-carlito")  # else a warning that Calibri is missing
    prs = Presentation(str(shipped()["light"]))
    for owner in (prs.slide_master, *prs.slide_layouts):
        for shape in list(owner.placeholders):
            if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER:
                shape.element.getparent().remove(shape.element)
    prs.save(str(tmp_path / "nofooter.pptx"))
    outline = write_outline("title: T\nfooter: Ep. 1\nsections: [{title: A, points: [x]}]\n")
    result = run("validate", str(outline), "--theme", str(tmp_path / "nofooter.pptx"))
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: nofooter.pptx: the theme has no footer placeholder; the footer 'Ep. 1' is "
        "not shown (add one to its slide master)\n"
    )
