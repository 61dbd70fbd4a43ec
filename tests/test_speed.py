"""Speed without changing a byte: the deck built through `Growth`, its boxes and text written as
XML by `textbody` and the package by `reproducible_bytes`, is the one python-pptx's API builds
and saves; the caches never change an
output; start-up stays light; the bench still runs."""

from __future__ import annotations

import ast
import copy
import io
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from conftest import FOREIGN_THEMES, ROOT, stress_outline
from lxml import etree
from pptx.dml.color import MSO_THEME_COLOR, RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.opc.package import OpcPackage
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import NotesSlide, Slide, SlideLayout
from pptx.util import Pt

import deckmaker.pipeline as pipeline
import deckmaker.render.deck
import deckmaker.theme.presentation
import deckmaker.theme.read
import deckmaker.theme.shipped
from deckmaker.options import Options
from deckmaker.pipeline import build, example_outline, plan_outline
from deckmaker.planning.fit import SPACE_BEFORE, SUB_POINT_SHRINK
from deckmaker.render.deck import BARE_LIST_LEVELS, OPENING_MARKS, Block, render_deck
from deckmaker.render.package_writer import build_date
from deckmaker.theme import fonts
from deckmaker.theme.layouts import roles_of


class StockGrowth:
    """What `Growth` replaces: python-pptx's public API."""

    def __init__(self, prs: Presentation, prototypes: Any = None) -> None:
        self.prs = prs  # and no new slides made with the theme: python-pptx clones each

    def add_slide(self, layout: SlideLayout) -> Slide:
        return self.prs.slides.add_slide(layout)

    def notes_slide(self, slide: Slide) -> NotesSlide:
        return slide.notes_slide

    def settle(self) -> None:
        """python-pptx relates each slide as it adds it."""


def stock_placed(slide: Slide, sources: list[tuple[int, Any]]) -> dict[int, Shape]:
    """What `deck._placed` replaces: each box set through python-pptx's setters."""
    cloned = [cast(Shape, s) for s in slide.shapes if s.is_placeholder]
    placed = {}
    for (shape_id, box), shape in zip(sources, cloned, strict=True):
        if box is not None:
            shape.left, shape.top, shape.width, shape.height = box
        placed[shape_id] = shape
    return placed


def stock_write(
    shape: Shape, block: Block, sets_lists: bool = True, accent: str | None = None
) -> None:
    """What `deck._write` replaces: each paragraph set through python-pptx's API (with the
    two helpers for what it has no API for)."""
    frame = shape.text_frame
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.word_wrap = True
    number = block.numbered_from
    for i, bullet in enumerate(block.lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        pt = block.size - SUB_POINT_SHRINK * bullet.level if block.bulleted else block.size
        para.level = bullet.level
        para.line_spacing = block.line_spacing
        under_heading = i > 0 and block.lines[i - 1].heading
        before = SPACE_BEFORE * pt if bullet.level or under_heading else block.spacing
        para.space_before = Pt(before if block.bulleted else 0)
        element = shape.element.findall(f"{qn('p:txBody')}/{qn('a:p')}")[i]
        if not block.bulleted or bullet.heading:
            set_bullet(element, None)
        elif number and bullet.level == 0:
            set_bullet(element, number, block.hanging)
        elif not sets_lists:
            set_list_level(element, *BARE_LIST_LEVELS[min(bullet.level, 1)])
        if not block.bulleted and block.hanging:  # a quote's opening mark hangs
            hangs = i == 0 and bullet.text.startswith(OPENING_MARKS)
            element.get_or_add_pPr().set("marL", str(Pt(block.hanging)))
            element.get_or_add_pPr().set("indent", str(-Pt(block.hanging) if hangs else 0))
        run = para.add_run()
        run.text = bullet.text
        run.font.size = Pt(pt)
        if block.italic is not None:
            run.font.italic = block.italic
        if bullet.heading:
            run.font.bold = True
            if accent:
                run.font.color.rgb = RGBColor.from_string(accent)
            else:
                run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1


# Children of <a:pPr> that come after the bullet in the schema's order.
_AFTER_BULLET = ("a:tabLst", "a:defRPr", "a:extLst")
_BULLETS = ("a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip")


def set_bullet(paragraph: Any, start: int | None, hanging: float = 0.0) -> None:
    """Number the paragraph (its `<a:p>`: 1., 2., … counting from `start`), or with None show
    no bullet; `hanging` (pt): the text's left margin, the number hanging in it. python-pptx
    has no API for either."""
    ppr = paragraph.get_or_add_pPr()
    if hanging:
        margin = Pt(hanging)
        ppr.set("marL", str(margin))
        ppr.set("indent", str(-margin))
    for tag in _BULLETS:
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    if start is None:
        bullet = ppr.makeelement(qn("a:buNone"), {})
    else:
        attrs = {"type": "arabicPeriod"}
        if start != 1:
            attrs["startAt"] = str(start)
        bullet = ppr.makeelement(qn("a:buAutoNum"), attrs)
    after = next((c for c in ppr if c.tag in {qn(t) for t in _AFTER_BULLET}), None)
    if after is not None:
        after.addprevious(bullet)
    else:
        ppr.append(bullet)


def set_list_level(paragraph: Any, margin: float, hanging: float, char: str) -> None:
    """Indent the paragraph (its `<a:p>`) `margin` pt with its bullet `char` hanging `hanging`
    pt to the left, for a theme whose own list levels set neither."""
    ppr = paragraph.get_or_add_pPr()
    ppr.set("marL", str(Pt(margin)))
    ppr.set("indent", str(-Pt(hanging)))
    for tag in (*_BULLETS, "a:buFont"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    font = ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"})
    bullet = ppr.makeelement(qn("a:buChar"), {"char": char})
    after = next((c for c in ppr if c.tag in {qn(t) for t in _AFTER_BULLET}), None)
    for element in (font, bullet):
        if after is not None:
            after.addprevious(element)
        else:
            ppr.append(element)


def stock_latent(theme: Any) -> dict[tuple[Any, Any], Any]:
    """What `deck._latent` replaces: the layout's own placeholders, found through python-pptx
    (`roles_of`) and copied anew for each slide."""
    prs = theme.open()
    found = {}
    for kind, index in theme.layouts.items():
        lay = prs.slide_layouts[index]
        for latent, source in roles_of(lay).latent.items():
            found[kind, latent] = source
    return found


def stock_add_latent(slide: Slide, source: Any, text: str) -> None:
    """What `package.add_latent` with its prototype replaces: copy, place, then strip, on
    every slide."""
    box = (source.left, source.top, source.width, source.height)
    element = copy.deepcopy(source.element)
    tree = slide.shapes.element
    element.nvSpPr.cNvPr.set("id", str(max(int(i) for i in tree.xpath("//@id") if i.isdigit()) + 1))
    tree.append(element)
    shape = cast(Shape, slide.shapes[-1])
    shape.left, shape.top, shape.width, shape.height = box
    field = element.find(f".//{qn('a:fld')}")
    if field is not None and field.get("type") == "slidenum":
        runs = field.findall(qn("a:t"))
        for t in runs[1:]:
            field.remove(t)
        (runs[0] if runs else etree.SubElement(field, qn("a:t"))).text = text
        paragraph = field.getparent()
        for sibling in list(paragraph):
            if sibling.tag in (qn("a:r"), qn("a:br")):
                paragraph.remove(sibling)
        body = paragraph.getparent()
        for other in body.findall(qn("a:p")):
            if other is not paragraph:
                body.remove(other)
    else:
        shape.text_frame.text = text


def stock_notes(notes: NotesSlide, text: str) -> None:
    """What `deck._write_notes` replaces."""
    notes.notes_text_frame.text = text


def stock_bytes(prs: Presentation, deflated: object = None) -> bytes:
    """What `reproducible_bytes` replaces: python-pptx's save, then the zip rewritten with
    fixed dates, every member deflated afresh (`deflated`, the theme's parts kept from an
    earlier build, is what the comparison checks)."""
    stamp = build_date()
    props = prs.core_properties
    props.created = props.modified = props.last_printed = stamp.replace(tzinfo=None)
    props.revision = 1
    props.last_modified_by = "deckmaker"
    raw, out = io.BytesIO(), io.BytesIO()
    prs.save(raw)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(item))
    return out.getvalue()


def many_sections(folder: Path, count: int) -> Path:
    """An outline of `count` sections of four points and a short script each."""
    lines = ["title: Many Sections", "sections:"]
    for n in range(1, count + 1):
        lines += [f"  - title: Section number {n}", "    points:"]
        lines += [f"      - Point {k} of section {n}" for k in range(1, 5)]
        lines += [f"    script: This is what is said over section {n}. It has two sentences."]
    path = folder / f"many-{count}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def deck_both_ways(
    outline: Path, theme: str | Path | None = None, reveal: bool = False
) -> tuple[bytes, bytes]:
    plan, _, loaded = plan_outline(outline, Options(theme=theme, reveal=reveal))
    fast = render_deck(plan, loaded)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(deckmaker.render.deck, "Growth", StockGrowth)
        patch.setattr(deckmaker.render.deck, "reproducible_bytes", stock_bytes)
        patch.setattr(deckmaker.render.deck, "_placed", stock_placed)
        patch.setattr(deckmaker.render.deck, "_write", stock_write)
        patch.setattr(deckmaker.render.deck, "_write_notes", stock_notes)
        patch.setattr(deckmaker.render.deck, "_latent", stock_latent)
        patch.setattr(deckmaker.render.deck, "add_latent", stock_add_latent)
        stock = render_deck(plan, loaded)
    return fast, stock


@pytest.mark.parametrize("theme", ["light", "dark", *FOREIGN_THEMES])
def test_the_stress_deck_is_byte_identical_to_python_pptxs(theme: str, tmp_path: Path) -> None:
    chosen = FOREIGN_THEMES.get(theme, theme)
    fast, stock = deck_both_ways(stress_outline(tmp_path), chosen)
    assert fast == stock


def test_a_long_deck_is_byte_identical_to_python_pptxs(tmp_path: Path) -> None:
    fast, stock = deck_both_ways(many_sections(tmp_path, 30))
    assert len(fast) > 100_000  # a real deck of some 30 slides, not an empty file
    assert fast == stock


@pytest.mark.parametrize("theme", ["light", *FOREIGN_THEMES])
def test_footers_and_slide_numbers_are_byte_identical_to_python_pptxs(
    theme: str, tmp_path: Path
) -> None:
    """Footer and slide-number boxes are made once per layout and copied, not copied from the
    layout and set on every slide as before: the same bytes all the same (with the bullets
    revealed one by one, whose animation counts the paragraphs written)."""
    outline = many_sections(tmp_path, 4)
    outline.write_text(outline.read_text(encoding="utf-8") + "footer: Zoë & <co>\n")
    fast, stock = deck_both_ways(outline, FOREIGN_THEMES.get(theme, theme), reveal=True)
    assert b"Zo\xc3\xab &amp; &lt;co&gt;" in zipfile.ZipFile(io.BytesIO(fast)).read(
        "ppt/slides/slide2.xml"
    )
    assert fast == stock


def test_the_archive_is_what_zipfile_writes_and_refuses_a_zip64_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Members zipfile writes differently are written as it does: an empty one, one that does
    not shrink, and a name that is not ASCII (flagged UTF-8)."""
    from deckmaker.errors import DeckmakerError
    from deckmaker.render import archive

    stamp = build_date()
    members = [("a.xml", b"<a/>" * 50), ("empty", b""), ("noise.bin", bytes(range(256)) * 3),
               ("media/café.png", b"\x89PNG" + b"x" * 100)]  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as stock:
        for name, data in members:
            info = zipfile.ZipInfo(name, stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            stock.writestr(info, data)
    assert archive.zip_bytes(members, stamp) == out.getvalue()
    monkeypatch.setattr(archive, "_LIMIT", 100)
    with pytest.raises(DeckmakerError, match="over 2 GiB"):
        archive.zip_bytes(members, stamp)


def test_a_theme_with_slides_of_its_own_numbers_parts_as_python_pptx_does(tmp_path: Path) -> None:
    """The theme's own slides are dropped, leaving their part names taken in the file python-pptx
    read; the new slides must be named as python-pptx names them all the same."""
    theme = tmp_path / "with-slides.pptx"
    prs = deckmaker.theme.presentation.open_presentation(
        deckmaker.theme.shipped.theme_path("light")
    )
    for layout in list(prs.slide_layouts)[:3]:
        prs.slides.add_slide(layout).notes_slide.notes_text_frame.text = "the theme's own"
    prs.save(str(theme))
    fast, stock = deck_both_ways(many_sections(tmp_path, 6), theme)
    assert fast == stock


def test_adding_slides_scans_the_package_a_fixed_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linear, counted rather than timed: python-pptx walks every part for each new part; a
    deck of 40 sections must walk the package no more often than one of 10."""
    walks = []
    iter_parts = OpcPackage.iter_parts

    def counted(self: OpcPackage):  # type: ignore[no-untyped-def]
        walks.append(1)
        return iter_parts(self)

    monkeypatch.setattr(OpcPackage, "iter_parts", counted)
    counts = []
    for size in (10, 40):
        plan, _, loaded = plan_outline(many_sections(tmp_path, size))
        walks.clear()
        render_deck(plan, loaded)
        counts.append(len(walks))
    assert counts[0] == counts[1] <= 4


def test_caches_never_change_an_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled templates, font metrics, themes' frames and deflated parts, and the slides
    checked clean, from an empty cache, a full one, a corrupt one and none at all, give the
    same deck and script."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("DECKMAKER_CACHE", str(cache))
    outputs = []
    for state in ("empty", "full", "corrupt", "off"):
        if state == "corrupt":
            entries = [p for p in cache.rglob("*") if p.is_file()]
            kinds = {p.parent.name.split("-")[0] for p in entries}
            every = {"checked", "deflated", "fonts", "templates", "themes"}
            # the slides a theme starts from, unless an earlier test made them in this process
            assert every <= kinds <= every | {"prototypes"}
            for entry in entries:
                entry.write_bytes(b"\x00 not what was stored")
        if state == "off":
            monkeypatch.setenv("DECKMAKER_CACHE", "off")
        pipeline._templates.cache_clear()  # noqa: SLF001 - compiled in this process by an earlier test
        pipeline._theme.cache_clear()  # noqa: SLF001 - and the theme read
        built = build(example_outline(), tmp_path / state)
        outputs.append(tuple(path.read_bytes() for path in built.files.values()))
        font = fonts._installed().get("carlito", {}).get("regular")  # noqa: SLF001 - deckmaker's own
        if font:
            assert fonts._advances(font) == fonts._read_advances(font)  # noqa: SLF001 - deckmaker's own
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]


def test_a_kept_part_that_is_not_the_part_is_deflated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deflated part kept under the digest of another's bytes (well formed, wrong) is
    compressed again: the deck is the one an empty cache gives."""
    import zlib

    from deckmaker.render import deflated

    monkeypatch.setenv("DECKMAKER_CACHE", str(tmp_path / "cache"))
    pipeline._theme.cache_clear()  # noqa: SLF001 - read through this test's cache
    first = build(example_outline(), tmp_path / "first").files["deck"].read_bytes()
    (entry,) = (tmp_path / "cache" / deflated.KIND).iterdir()
    wrong = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = wrong.compress(b"<p:sldLayout/>") + wrong.flush()
    stored = entry.read_bytes()
    key = stored[:16]
    planted = key + len(packed).to_bytes(4, "big") + packed
    entry.write_bytes(planted)
    second = build(example_outline(), tmp_path / "second").files["deck"].read_bytes()
    assert second == first
    assert entry.read_bytes() == stored  # kept right again for the next build


def test_a_theme_read_before_is_planned_without_opening_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's frames come from the cache, keyed by the file's content: planning opens
    the .pptx the first time, not the second; a changed file at the same path is read again."""
    monkeypatch.setenv("DECKMAKER_CACHE", str(tmp_path / "cache"))
    theme = tmp_path / "mine.pptx"
    theme.write_bytes(deckmaker.theme.shipped.theme_path("light").read_bytes())
    opened: list[Path] = []
    open_presentation = deckmaker.theme.read.open_presentation

    def counted(path: Path) -> Presentation:
        opened.append(path)
        return open_presentation(path)

    monkeypatch.setattr(deckmaker.theme.read, "open_presentation", counted)
    plans = []
    for content in ("light", "light", "dark"):
        theme.write_bytes(deckmaker.theme.shipped.theme_path(content).read_bytes())
        pipeline._theme.cache_clear()  # noqa: SLF001 - the same process keeps it too
        plan, _, loaded = plan_outline(example_outline(), Options(theme=theme))
        plans.append((plan, loaded))
    assert opened == [theme, theme]  # the first light, then the dark: not the light again
    assert plans[0] == plans[1] and plans[1][1].frames.body_font.advances
    assert plans[2][1].path == theme


def test_a_cache_folder_that_cannot_be_written_costs_nothing_but_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("DECKMAKER_CACHE", str(blocked))
    built = build(example_outline(), tmp_path / "out")
    assert built.files["deck"].stat().st_size > 0


def imported_by(*args: str) -> set[str]:
    """The modules a command loads, as `python -X importtime` lists them."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return {
        line.split("|")[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_help_loads_nothing_heavy() -> None:
    """`deckmaker --help` starts in a few hundredths of a second because it loads none of the
    libraries a build needs."""
    loaded = imported_by("-m", "deckmaker", "--help")
    assert "click" in loaded
    heavy = {"pptx", "jinja2", "yaml", "lxml", "fontTools", "markdown_it"}
    assert {name.split(".")[0] for name in loaded} & heavy == set()
    # PIL's package itself (its version, under a millisecond) is loaded to defer PIL.Image
    assert {name for name in loaded if name.startswith("PIL.")} == {"PIL._version"}


def test_a_build_does_not_load_what_it_never_uses(tmp_path: Path) -> None:
    """python-pptx's import of xml.sax.saxutils would load urllib.request, http.client, email
    and ssl; a deck without pictures needs no PIL.Image either."""
    loaded = imported_by("-m", "deckmaker", "build", "--out", str(tmp_path))
    assert "pptx" in loaded
    assert {"http.client", "ssl", "email.parser", "PIL.Image"} & loaded == set()


def test_a_deferred_module_loads_when_used() -> None:
    code = (
        "import sys, deckmaker.cli\n"
        "deckmaker.cli.defer_unused()\n"
        "import deckmaker.render.deck, urllib.request\n"
        "assert 'http.client' not in sys.modules\n"
        "assert urllib.request.Request('http://x').host == 'x'\n"
        "assert 'http.client' in sys.modules\n"
        "from PIL import Image\n"
        "assert Image.new('RGB', (2, 2)).size == (2, 2)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_bench_runs_at_tiny_sizes(tmp_path: Path) -> None:
    """Not a timing: the bench script still builds both tools' content and writes its table."""
    done = subprocess.run(
        [sys.executable, "bench/speed.py", "--sizes", "5,8", "--runs", "1"],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    table = done.stdout
    assert table.startswith("## Speed: deckmaker beside pandoc")
    assert re.search(r"^\| the example \(5 sections\) \| \d+ \|", table, re.M)
    assert "| 8 sections | " in table
    assert "`python -c pass`" in table and "the example, empty cache" in table
    assert "| the example's own work above the import floor ≤ 30 ms |" in table
    sys.path.insert(0, str(ROOT / "bench"))
    import speed

    if speed.pandoc() is not None:
        assert "| the example ≤ 2× pandoc |" in table
        assert "| 8 sections | 12 | " in table and "– | – | – | – |" not in table


ODD_TEXTS = ("", "tab\there & <there>", "bell\x07 and\vvertical tab", "quote \" and '", "end\n")


def test_odd_characters_are_written_as_python_pptx_writes_them() -> None:
    """Text the outlines above never hold: empty lines, control characters python-pptx escapes
    as _xHHHH_, line and paragraph breaks in the notes; each text body written both ways."""
    from deckmaker.planning import Bullet
    from deckmaker.render.deck import _write, _write_notes
    from deckmaker.theme.presentation import open_presentation
    from deckmaker.theme.shipped import theme_path

    prs = open_presentation(theme_path("light"))
    layout = prs.slide_layouts[1]
    block = Block(tuple(Bullet(t) for t in ODD_TEXTS), 24, True, 6.0)
    written = []
    for write, notes in ((_write, _write_notes), (stock_write, stock_notes)):
        slide = prs.slides.add_slide(layout)
        body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
        write(cast(Shape, body), block, False)
        notes(slide.notes_slide, "\n".join(ODD_TEXTS))
        written.append((etree.tostring(slide.element), etree.tostring(slide.notes_slide.element)))
    assert b"_x0007_" in written[0][0] and b"<a:br/>" in written[0][1]
    assert written[0] == written[1]


def test_a_placeholder_without_a_text_body_gets_one_where_the_schema_wants_it() -> None:
    """python-pptx gives every text placeholder a body; one without is given it before any
    extension list, as python-pptx's get_or_add_txBody would."""
    from deckmaker.render.textbody import paragraph_xml, set_text_body

    sp = etree.fromstring(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        "<p:nvSpPr/><p:spPr/><p:extLst/></p:sp>"
    )
    set_text_body(sp, [paragraph_xml("hello", 20)], fitted=True)
    assert [etree.QName(c).localname for c in sp] == ["nvSpPr", "spPr", "txBody", "extLst"]
    assert sp.findtext(f".//{qn('a:t')}") == "hello"


def test_splitting_the_example_essay_takes_well_under_5_ms() -> None:
    """The one sentence splitter runs on every paragraph of every build: the example essay's
    2,200 words in well under 5 ms (pysbd took 117 ms). Best of 5 runs, shared machines."""
    from deckmaker.sentences import split

    text = (ROOT / "outlines" / "la-la-land-ending.txt").read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    best = min(_timed(lambda: [split(p, "en") for p in paragraphs]) for _ in range(5))
    assert best < 0.005, f"{best * 1000:.2f} ms"


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def test_the_watch_bench_reads_each_rebuilds_time() -> None:
    """Not a timing: bench/watch.py saves the example twice and reports both rebuilds."""
    done = subprocess.run(
        [sys.executable, "bench/watch.py", "--saves", "2"],
        capture_output=True, text=True, check=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert re.match(r"2 saves: \d+–\d+ ms, median [\d.]+ ms\neach: \d+, \d+\n$", done.stdout)


def test_no_module_imports_a_private_name_of_another_library() -> None:
    """ruff's SLF001 catches `x._private`; this catches `from pptx.… import _Private` and the
    writer python-pptx documents as not for use (`pptx.opc.serialized`)."""
    found = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                outside = not node.module.startswith("deckmaker")
                private = [a.name for a in node.names if a.name.startswith("_")]
                if outside and (private or node.module == "pptx.opc.serialized"):
                    found.append(f"{path.relative_to(ROOT)}: {node.module} {private}")
    assert found == []
