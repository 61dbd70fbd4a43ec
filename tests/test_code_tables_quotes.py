"""Code, tables, quotes and statements: what a talk from a real essay holds besides points.

Code is shown as written (straight quotes, its own case, a monospace font, coloured so that it
reads on its panel) and never said; a table is a real table with its header row marked; a quote
is read out as someone else's words; the host's own sentences shown large are statements, never
repeated and never a third of the deck; no slide flashes by in under 5 s."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from judges.content import content_findings
from pptx import Presentation
from test_plan import FRAMES

from deckmaker.contrast import contrast
from deckmaker.highlight import code_colours, highlighted, text_of
from deckmaker.options import Options
from deckmaker.outline import parse_outline
from deckmaker.pipeline import build, plan_outline
from deckmaker.planning import Layout, Plan, Voice, plan_talk
from deckmaker.planning.code import CODE_SIZES, CONTINUED_INDENT, code_pages, max_rows
from deckmaker.planning.pace import MIN_SECONDS
from deckmaker.planning.statements import SHARE
from deckmaker.templates import Templates
from deckmaker.theme.fonts import typeface
from deckmaker.theme.frames import Box
from deckmaker.typography import capitalised, smarten, typeset

HOOK = """\
function Counter() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    document.title = 'You clicked ' + count + " times";
  });
  return <button onClick={() => setCount(count + 1)}>Click</button>;
}"""

TALK = f"""\
title: Effects in React
sections:
  - title: The Hook
    script: >-
      Here is the effect that sets the title, and it is short. It runs after every render of
      the component. Kelsey said it best when someone asked about effects. That is why we keep
      effects small and few. Now look at the table of formats and what reads each one of them.
      Each reader builds the same outline in the end.
    code:
      language: jsx
      said: Here is the effect
      text: |
{chr(10).join("        " + line for line in HOOK.split(chr(10)))}
    quote:
      text: Effects are escape hatches. Use them sparingly.
      attribution: Kelsey Hightower (@kelseyhightower)
      said: Kelsey said it best
    table:
      said: Now look at the table
      header: [Format, Suffix, Read by]
      rows:
        - [Plain text, .txt, the essay reader]
        - [Markdown, .md, markdown-it-py]
        - [YAML outline, .yaml, the outline loader]
  - title: Without Anchors
    points: [One point, Another point]
    script: >-
      There are two points here, one and then another, and each one matters to what follows.
      Then this.props.fetchData is called and the data comes back to the component.
    quote: {{text: "Here's to the ones who dream.", attribution: Mia}}
"""


def plan_of(text: str, tmp_path: Path, **choices: object) -> Plan:
    path = tmp_path / "talk.yaml"
    path.write_text(text, encoding="utf-8")
    return plan_outline(path, **choices)[0]  # type: ignore[arg-type]


# -- code ---------------------------------------------------------------------------------------


def test_code_is_shown_as_written_on_a_code_slide(tmp_path: Path) -> None:
    plan = plan_of(TALK, tmp_path)
    (code,) = [s for s in plan.slides if s.layout is Layout.CODE and s.title == "The Hook"]
    assert "\n".join(text_of(row) for row in code.code) == HOOK  # quotes, case, indentation
    assert code.code_font == "Courier New"  # the themes name none: measured as Liberation Mono
    assert code.code_pt >= CODE_SIZES[-1]
    keywords = {r.text.strip() for row in code.code for r in row if r.bold}
    assert {"function", "const", "return"} <= keywords  # highlighted
    colours = code.code_colours
    assert colours is not None
    for row in code.code:
        for run in row:
            assert contrast(run.colour or colours.plain, colours.panel) >= 4.5, run


def test_code_is_never_read_aloud_and_the_words_around_it_are_said_over_it(
    tmp_path: Path,
) -> None:
    plan = plan_of(TALK, tmp_path)
    said = " ".join(p for s in plan.slides for p in s.spoken)
    assert "useState" not in said and "document.title" not in said
    (code,) = [s for s in plan.slides if s.layout is Layout.CODE and s.title == "The Hook"]
    assert code.spoken[-1].startswith("Here is the effect that sets the title")


@pytest.mark.parametrize("theme", ["light", "dark", "editorial"])
def test_code_reads_on_its_panel_in_every_shipped_theme(theme: str) -> None:
    from deckmaker.theme.palette import palette
    from deckmaker.theme.presentation import open_presentation
    from deckmaker.theme.shipped import theme_path

    prs = open_presentation(theme_path(theme))
    colours = palette(prs, prs.slide_layouts[0])
    code = code_colours(colours.background, colours.text, colours.accents)
    for name in ("plain", "comment", "keyword", "string", "number", "name", "builtin"):
        assert contrast(getattr(code, name), code.panel) >= 4.5, (theme, name)


def test_long_code_shrinks_to_the_floor_then_continues_at_blank_lines() -> None:
    font = typeface("Courier New")
    box = Box(830, 300)
    block = "\n".join(f"step_{n}(data)" for n in range(6))
    text = "\n\n".join([block] * 8)
    lines = highlighted(text, "python", code_colours("FFFFFF", "000000", ()))
    size, pages = code_pages(lines, box, font)
    assert len(pages) > 1
    assert size >= CODE_SIZES[-1]
    for page in pages:
        assert len(page) <= max_rows(size, box)
        assert text_of(page[0]).strip() and text_of(page[-1]).strip()  # no blank end
        blocks = "\n".join(text_of(r) for r in page).split("\n\n")
        assert all(b == block for b in blocks)  # cut at blank lines only
    short, one = code_pages(
        highlighted("x = 1", None, code_colours("FFFFFF", "000000", ())), box, font
    )
    assert (short, len(one)) == (CODE_SIZES[0], 1)


def test_a_line_too_wide_even_at_the_floor_is_broken_and_nothing_is_lost() -> None:
    font = typeface("Courier New")
    box = Box(300, 300)
    line = "result = compute(" + ", ".join(f"argument_{n}" for n in range(12)) + ")"
    lines = highlighted(line, "python", code_colours("FFFFFF", "000000", ()))
    size, (page,) = code_pages(lines, box, font)
    assert size == CODE_SIZES[-1] and len(page) > 1
    # each row after the first goes on under the line, indented by CONTINUED_INDENT
    rest = [text_of(r) for r in page[1:]]
    assert all(r.startswith(CONTINUED_INDENT) for r in rest)
    assert text_of(page[0]) + "".join(r[len(CONTINUED_INDENT) :] for r in rest) == line


def test_an_unknown_language_is_shown_plain() -> None:
    lines = highlighted(
        "weird ::: syntax", "no-such-language", code_colours("FFFFFF", "000000", ())
    )
    assert [[r.colour for r in row] for row in lines] == [[None]]


# -- inline code and typography ------------------------------------------------------------------


def test_inline_code_keeps_its_quotes_and_case_everywhere() -> None:
    text = "Call `setTitle('Home')` when it's \"ready\""
    assert smarten(text) == "Call `setTitle('Home')` when it’s “ready”"
    assert typeset(text) == "Call setTitle('Home') when it’s “ready”"  # a slide: no backticks
    assert capitalised("this.props.fetchData runs first") == "this.props.fetchData runs first"
    assert capitalised("getFetchUrl builds it") == "getFetchUrl builds it"
    assert capitalised("`count` goes up") == "`count` goes up"
    assert capitalised("the count goes up") == "The count goes up"


def test_a_statement_opening_on_code_keeps_its_case(tmp_path: Path) -> None:
    plan = plan_of(TALK.replace("title: Effects in React", "title: Effects\npace: 10s"), tmp_path)
    for s in plan.slides:
        assert not s.title.startswith("This.props"), s.title


# -- tables -------------------------------------------------------------------------------------


def test_a_table_is_a_native_table_with_its_header_row_marked(tmp_path: Path) -> None:
    path = tmp_path / "talk.yaml"
    path.write_text(TALK, encoding="utf-8")
    built = build(path, tmp_path / "out", only=("deck",))
    deck = Presentation(str(built.files["deck"]))
    tables = [s.table for slide in deck.slides for s in slide.shapes if s.has_table]
    assert len(tables) == 1
    table = tables[0]
    assert table.first_row  # what accessibility checkers read as a header
    assert [c.text for c in table.rows[0].cells] == ["Format", "Suffix", "Read by"]
    assert [c.text for c in table.rows[3].cells] == ["YAML outline", ".yaml", "the outline loader"]


def test_a_long_table_continues_under_its_header(tmp_path: Path) -> None:
    rows = "\n".join(f"        - [Row {n}, value {n}]" for n in range(40))
    text = (
        "title: T\nsections:\n  - title: Numbers\n    table:\n      header: [Name, Value]\n"
        f"      rows:\n{rows}\n"
    )
    plan = plan_of(text, tmp_path)
    pages = [s for s in plan.slides if s.layout is Layout.TABLE]
    assert len(pages) > 1
    assert all(p.table[0] == ("Name", "Value") for p in pages)
    assert [r for p in pages for r in p.table[1:]] == [
        (f"Row {n}", f"value {n}") for n in range(40)
    ]
    assert all(p.table_pt >= 14 for p in pages)
    assert [p.title for p in pages[:2]] == ["Numbers", f"Numbers (2 of {len(pages)})"]


# -- the judge of code and tables ----------------------------------------------------------------


def _curl_code(prs: Presentation) -> None:
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Code":
                run = shape.text_frame.paragraphs[3].runs[-2]
                run.text = run.text.replace('"', "”")
                return


def _proportional_code(prs: Presentation) -> None:
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Code":
                shape.text_frame.paragraphs[0].runs[0].font.name = "Calibri"
                return


def _pale_code(prs: Presentation) -> None:
    from pptx.dml.color import RGBColor

    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name == "Code":
                shape.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xE5, 0xE5, 0xE5)
                return


def _headless_table(prs: Presentation) -> None:
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_table:
                shape.table.first_row = False


CONTENT_FAULTS = {
    "curly quotes in code": (_curl_code, r"has curly quotes"),
    "code in a proportional font": (_proportional_code, r"'Calibri', not monospace"),
    "code too pale on its panel": (_pale_code, r"stands out 1\.\d:1 from its panel"),
    "a table without its header row": (_headless_table, r"without its header row marked"),
}


@pytest.mark.parametrize("fault", CONTENT_FAULTS)
def test_the_content_judge_catches(fault: str, tmp_path: Path) -> None:
    path = tmp_path / "talk.yaml"
    path.write_text(TALK, encoding="utf-8")
    built = build(path, tmp_path / "out", only=("deck",))
    assert content_findings(built.files["deck"]) == []
    plant, says = CONTENT_FAULTS[fault]
    prs = Presentation(str(built.files["deck"]))
    plant(prs)
    prs.save(str(tmp_path / "bad.pptx"))
    found = content_findings(tmp_path / "bad.pptx")
    assert any(re.search(says, f) for f in found), found


# -- quotes ---------------------------------------------------------------------------------------


def test_a_quote_is_read_out_as_someone_elses_words(tmp_path: Path) -> None:
    plan = plan_of(TALK, tmp_path)
    quotes = [s for s in plan.slides if s.layout is Layout.QUOTE]
    assert [q.subtitle for q in quotes] == ["— Kelsey Hightower (@kelseyhightower)", "— Mia"]
    kelsey, mia = (" ".join(q.spoken) for q in quotes)
    # the sentence before names Kelsey already: the quote follows it, in quote marks
    assert 'Kelsey said it best when someone asked about effects. "Effects are escape hatches.' in (
        kelsey
    )
    # nothing introduces Mia's words: the voice does, as hers
    assert 'As Mia put it, "Here\'s to the ones who dream."' in mia


def test_quotes_and_their_introductions_are_in_the_voice_templates() -> None:
    voice = Voice(Templates())
    assert voice.say("quoting", "Kelsey", "Be kind.", False) == 'As Kelsey put it, "Be kind."'
    assert voice.say("quoting", "", "Be kind.", False) == 'In someone else\'s words, "Be kind."'
    assert voice.say("quoting", "Kelsey", "Be kind.", True) == '"Be kind."'


# -- statements -----------------------------------------------------------------------------------

REPETITIVE = """\
title: Talk
sections:
  - title: Storms
    points: [Storms form over warm water]
    script: >-
      Storms form over warm water in late summer.
      {body}
"""


def test_statements_have_no_quote_marks_and_never_repeat() -> None:
    body = " ".join(
        ["Warm water feeds the storm with endless energy every single day."] * 6
        + [
            f"The harbour town number {n} flooded badly in the great autumn storm."
            for n in range(6)
        ]
    )
    outline = parse_outline(REPETITIVE.format(body=body), "t.yaml")
    plan = plan_talk(outline, Voice(Templates()), FRAMES, Options(wpm=60, max_slide_seconds=20))
    statements = [s.title for s in plan.slides if s.layout is Layout.STATEMENT]
    assert statements and not any(t[:1] in "“‘\"'" for t in statements)
    assert len(statements) == len(set(statements))
    assert sum("Warm water feeds" in t for t in statements) <= 1
    assert sum("harbour town" in t for t in statements) <= 1  # near-identical ones once


@pytest.mark.parametrize("limit", [None, 20])
def test_quotes_and_statements_stay_under_a_third_of_the_deck(limit: int | None) -> None:
    body = " ".join(
        f"Sailor number {n} watched a different {w} sky over the harbour for days on end."
        for n, w in enumerate(["grey", "red", "dark", "pale", "wild", "calm", "low", "high"] * 5)
    )
    outline = parse_outline(REPETITIVE.format(body=body), "t.yaml")
    plan = plan_talk(outline, Voice(Templates()), FRAMES, Options(wpm=60, max_slide_seconds=limit))
    shown = [s for s in plan.slides if s.layout in (Layout.QUOTE, Layout.STATEMENT)]
    assert shown  # there is room for some
    assert len(shown) < SHARE * len(plan.slides)


# -- time on screen --------------------------------------------------------------------------------


def test_no_slide_flashes_by(tmp_path: Path, example) -> None:
    for plan in (plan_of(TALK, tmp_path), example.plan):
        short = [
            (s.number, length)
            for s, (_, length) in zip(plan.slides, plan.slide_timings, strict=True)
            if length < MIN_SECONDS
        ]
        assert short == [], plan.title


def test_the_title_slide_carries_the_greeting_and_the_hook() -> None:
    outline = parse_outline(
        "title: T\ngreeting: Hey guys!\nintro:\n  points: [Why storms matter]\n  script: >-\n"
        "    Every autumn the harbour floods and nobody in the town knows why. Storms matter "
        "more than we think, and this talk is about why they matter so much to the town.\n"
        "sections: [{title: A, script: Words for the section here.}]\n",
        "t.yaml",
    )
    plan = plan_talk(outline, Voice(Templates()), FRAMES, Options(wpm=150))
    cover = plan.slides[0]
    assert cover.layout is Layout.COVER
    hook = "Every autumn the harbour floods and nobody in the town knows why."
    assert " ".join(cover.spoken) == f"Hey guys! {hook}"
    assert plan.slide_timings[0][1] >= MIN_SECONDS


def test_a_quote_too_long_for_one_slide_continues_on_more(tmp_path: Path) -> None:
    words = " ".join(
        f"Sentence {n} of the letter says something long about the harbour and the sea."
        for n in range(12)
    )
    text = (
        "title: T\nsections:\n  - title: Letters\n    script: The letter came in spring.\n"
        f"    quote: {{text: {words}, attribution: Ada}}\n"
    )
    plan = plan_of(text, tmp_path)
    pages = [s for s in plan.slides if s.layout is Layout.QUOTE]
    assert len(pages) > 1 and all(p.subtitle == "— Ada" for p in pages)
    shown = " ".join(p.title.strip("“”") for p in pages)
    assert shown == words.replace("  ", " ")
    # each piece is read out over its own slide, the first as Ada's
    assert pages[0].spoken[-1].startswith('As Ada put it, "Sentence 0')
    assert all(p.spoken[-1].startswith('"Sentence') for p in pages[1:])


def test_a_point_opening_on_code_is_said_in_its_own_case() -> None:
    from deckmaker.planning.spoken import spoken_phrase

    assert spoken_phrase("`Foo` returns a value", frozenset()) == "Foo returns a value"
    assert spoken_phrase("GetFetchUrl builds it", frozenset()) == "GetFetchUrl builds it"
    assert spoken_phrase("Cats sleep", frozenset()) == "cats sleep"


def test_a_slide_never_ends_on_a_line_that_leads_into_the_next() -> None:
    from deckmaker.planning.pace import Span, ended, ends_sentence

    said = ["Tomatoes need sun.", "The two main obstacles are:", "Weather.", "Pests."]
    ends = [ends_sentence(s) for s in said]
    assert ends == [True, False, True, True]
    got = ended([Span(0, 0, 2), Span(1, 2, 4)], ends)
    assert got == (Span(0, 0, 1), Span(1, 1, 4))  # "…are:" opens the slide it introduces
    assert ended([Span(0, 1, 2), Span(1, 2, 4)], ends) == (Span(0, 1, 2), Span(1, 2, 4))
