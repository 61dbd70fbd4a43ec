"""Pacing in the plan: where points are said, where slides change, what fills the gaps."""

from __future__ import annotations

import re
from pathlib import Path

import judges
import pytest
from judges.animation import odp_pages
from judges.tools import require_font
from test_plan import FRAMES

from deckmaker.options import Options
from deckmaker.outline import parse_outline
from deckmaker.pipeline import Built, build, example_outline, plan_outline
from deckmaker.planning import Kind, Layout, Plan, SlidePlan, Voice, plan_talk
from deckmaker.planning.align import Sentence, Similarity, align, anchored, sentences
from deckmaker.planning.model import CLICK, word_count
from deckmaker.planning.pace import Shown, Span, pull_quotes, spans
from deckmaker.templates import Templates

ROOT = Path(__file__).resolve().parents[1]


def plan(
    text: str, limit: int | None = None, reveal: bool = False, wpm: int = 60, source: str = "t.yaml"
) -> Plan:
    outline = parse_outline(text, source)
    chosen = Options(wpm=wpm, max_slide_seconds=limit, reveal=reveal)
    return plan_talk(outline, Voice(Templates()), FRAMES, chosen)


def section(got: Plan, number: int = 1) -> tuple[SlidePlan, ...]:
    return [p for p in got.parts if p.kind is Kind.SECTION][number - 1].slides


# -- alignment -------------------------------------------------------------------------------


def test_points_are_aligned_in_order_along_the_script() -> None:
    said = sentences(("Dogs bark loudly at night. Cats sleep all day.", "Dogs bark again."))
    assert said[2] == Sentence("Dogs bark again.", 1)
    # "Dogs bark loudly" fits the first sentence best, but it is shown after the cats: it is
    # matched to where the dogs come up after them.
    assert align(["Cats sleep", "Dogs bark loudly"], said) == (1, 2)
    assert align(["Dogs bark loudly", "Cats sleep"], said) == (0, 1)


def test_a_point_the_script_never_says_is_unaligned() -> None:
    said = sentences(("Tomatoes need full sun. Basil likes water.",))
    # one content word of three shared: below the threshold
    assert align(["Peppers need patience", "Basil likes water"], said) == (None, 1)
    assert align(["Quantum chromodynamics"], said) == (None,)


def test_rare_words_outweigh_common_ones() -> None:
    said = sentences(
        (
            "The montage shows us the film. The film shows us exactly that. "
            "The montage is a film. The contrast with reality is stark.",
        )
    )
    # "shows" and "exactly" (said, and an adverb) against "contrast" and "reality" (said once):
    # both sentences say two of the point's five words; the rarer ones win
    point = "The contrast with reality shows exactly what was lost"
    assert align([point], said) == (3,)
    assert align([point], said, similarity=Similarity(rarity=False)) == (1,)


def test_stems_that_differ_only_in_their_ending_count_half() -> None:
    said = sentences(("Mia met someone else at a party. Mia's marriage to someone else hurts.",))
    # "married" and "marriage" stem to "marri" and "marriag": half a word, which tips it
    assert align(["Mia married someone else"], said) == (1,)
    assert align(["Mia married someone else"], said, similarity=Similarity(endings=False)) == (0,)


def test_an_imported_points_sentence_is_its_anchor() -> None:
    said = sentences(("Basil likes water. Tomatoes need sun. Basil again.",))
    assert anchored("Basil again", said) == 2
    assert anchored("Tomatoes need", said) == 1
    # the anchor wins over a better overlap, and the next point follows it
    assert align(["Basil likes water", "Tomatoes need sun"], said, (2, None)) == (2, None)


# -- where slides change -----------------------------------------------------------------------


def test_slides_change_where_their_first_point_is_said() -> None:
    ten = [10.0] * 6
    assert spans([Shown(0, 0), Shown(3, 3)], ten, 40) == (Span(0, 0, 3), Span(1, 3, 6))
    # a slide keeps what it can within the limit; a short stretch left over is said over the
    # next slide, which comes up that much early; a long one gets a stretch (pull quote) of its own
    assert spans([Shown(0, 0), Shown(4, 4)], ten, 35) == (Span(0, 0, 3), Span(1, 3, 6))
    assert spans([Shown(0, 0), Shown(4, 4)], ten, 25) == (
        Span(0, 0, 2),
        Span(None, 2, 4),
        Span(1, 4, 6),
    )
    assert spans([Shown(0, 0), Shown(5, 5)], [10.0] * 8, 20) == (
        Span(0, 0, 2),
        Span(None, 2, 3),  # 30 s in two pieces within 20 s: cut as evenly as sentences allow
        Span(None, 3, 5),
        Span(1, 5, 7),
        Span(None, 7, 8),
    )


def test_a_single_long_sentence_may_run_past_the_limit() -> None:
    assert spans([Shown(0, 0)], [100.0], 75) == (Span(0, 0, 1),)


def test_a_slide_the_words_never_reach_gets_an_empty_span() -> None:
    assert spans([Shown(0, 0), Shown(5, 5)], [10.0], 75) == (Span(0, 0, 1), Span(1, 1, 1))


def test_a_long_opening_before_the_first_point_is_cut_off_before_its_slide() -> None:
    assert spans([Shown(6, 6)], [10.0] * 8, 30) == (
        Span(None, 0, 2),
        Span(None, 2, 4),
        Span(0, 4, 7),
        Span(None, 7, 8),
    )


# -- the plan --------------------------------------------------------------------------------

GARDEN = """\
title: Garden
sections:
  - title: Beds
    points: [Tomatoes need full sun, Basil likes water]
    script: >-
      Let us begin. Tomatoes need full sun all day long. They grow fast in summer. Prune them
      weekly for fruit. Stake them early and tie them loosely. Basil likes water every morning.
      Pinch it back often.
"""


def test_points_said_far_apart_are_split_by_time_though_they_fit_one_slide() -> None:
    together = section(plan(GARDEN))  # at 60 wpm, 41 words: well inside 75 s
    assert [len(s.bullets) for s in together] == [2]
    apart = section(plan(GARDEN, limit=25))
    # no page of one point under a title shown again: the lone point later is a statement
    assert [s.layout for s in apart] == [Layout.CONTENT, Layout.STATEMENT]
    assert [[b.text for b in s.bullets] for s in apart] == [["Tomatoes need full sun"], []]
    # these frames have no quote layout: the statement stands in the body box under its heading
    assert [(s.title, s.subtitle) for s in apart] == [
        ("Beds", None),
        ("Beds (2 of 2)", "Basil likes water"),
    ]
    # the first keeps what fits 25 s; the second comes up a short stretch (6 s) before its
    # point is said rather than leave a slide up for that alone
    assert apart[0].spoken == (
        "Let's get into it.",
        "Let us begin. Tomatoes need full sun all day long. They grow fast in summer. Prune them "
        "weekly for fruit.",
    )
    assert apart[1].spoken == (
        "Stake them early and tie them loosely. Basil likes water every morning. Pinch it back "
        "often.",
    )


MONOLOGUE = """\
title: Talk
sections:
  - title: Storms
    points: [Storms form over warm water]
    script: >-
      Storms form over warm water in late summer. Sailors watched the sky for days. The
      barometer falls before every great storm arrives at sea. Old sailors trusted the
      barometer more than any forecast. Warm water feeds the storm with endless energy.
"""


def test_a_stretch_with_nothing_to_show_gets_a_statement_in_the_speakers_words() -> None:
    got = section(plan(MONOLOGUE, limit=20))
    # Two stretches past the points, each a statement's worth; but two statements would be a
    # third of this deck: one keeps its statement, and the other, too long to be said over the
    # slide before it within the limit, is said over it all the same, past the limit (the
    # plan warns): a divider only opens a part, never the section's title again mid-section.
    assert [s.layout for s in got] == [Layout.CONTENT, Layout.STATEMENT]
    # numbered as every title shown again is (the statement in a body box under its section's
    # title: these frames have no quote layout)
    assert [s.title for s in got[1:]] == ["Storms (2 of 2)"]
    # the host's own words, set as said: no quote marks, no attribution; not the last line,
    # which the closing slide shows
    assert got[1].subtitle == "The barometer falls before every great storm arrives at sea."
    assert all(s.kind is Kind.SECTION for s in got)
    assert [s.words for s in got] == [18, 27]
    said = " ".join(p for s in got for p in s.spoken)
    assert said.endswith("Warm water feeds the storm with endless energy.")


def test_pull_quotes_are_short_strong_sentences_that_stand_alone() -> None:
    said = [
        "It was a long day.",  # opens with a pronoun
        "And the rain came down all night over the harbour town.",  # leans on the one before
        "Rain.",  # too short
        "The harbour town flooded twice that winter, and nobody was surprised.",
        "The rain kept falling on the harbour town for weeks on end.",
    ]
    assert pull_quotes(said, "Harbour floods") == [said[3], said[4]]


def test_a_pull_quote_leaves_out_a_connective_set_off_by_a_comma() -> None:
    said = [
        "Furthermore, the harbour town flooded twice that winter.",
        "However the storm had passed by then, as everyone knew it would.",  # no comma: kept out
        "Sebastian, the pianist, plays his theme for Mia one last time.",  # a name, not trimmed
    ]
    assert pull_quotes(said, "Harbour floods") == [
        "The harbour town flooded twice that winter.",
        said[2],
    ]


def test_a_section_whose_script_runs_out_gets_lines_from_its_own_points() -> None:
    points = ", ".join(f"Point {n} has quite a few words so that it wraps" for n in range(1, 21))
    got = plan(
        f"title: T\nsections:\n  - title: Long\n    points: [{points}]\n    script: Just this.\n"
    )
    slides = section(got)
    assert len(slides) == 3 and all(s.spoken for s in slides)
    # the points are not said: their pages share what is said evenly, a sentence each, and
    # each page comes up with a pause (2 s each) that keeps it up 5 s: eight points to read;
    # two pauses stand apart, one before the words and one after them
    assert [s.spoken for s in slides[:2]] == [
        ("[PAUSE] Let's get into it.",),
        ("[PAUSE] Just this. [PAUSE]",),
    ]
    (line,) = slides[2].spoken  # the voice's lead-in, then the slide's own points, said
    assert line.endswith(
        ", ".join(f"point {n} has quite a few words so that it wraps" for n in range(17, 20))
        + ", and point 20 has quite a few words so that it wraps."
    )
    assert [b.text for b in slides[2].bullets] == [
        f"Point {n} has quite a few words so that it wraps" for n in range(17, 21)
    ]
    assert got.written == (slides[2].number,)


def test_a_long_section_continues_on_further_slides_each_with_its_own_words() -> None:
    points = ", ".join(f"Point {i} has quite a few words so that it wraps" for i in range(1, 21))
    script = " ".join(f"Sentence {i} is said here." for i in range(1, 41))
    outline = f"title: T\nsections:\n  - title: Long\n    points: [{points}]\n    script: {script}"
    got = plan(outline)
    slides = section(got)
    content = [s for s in slides if s.layout is Layout.CONTENT]
    assert len(content) >= 3
    count = len(content)
    assert [s.title for s in content] == ["Long"] + [
        f"Long ({n} of {count})" for n in range(2, count + 1)
    ]
    spoken = [p for s in slides for p in s.spoken]
    assert spoken[0] == "Let's get into it."
    assert " ".join(spoken[1:]) == script  # nothing lost, nothing repeated, in order
    # points the script never names share the section evenly: no slide flashes by
    assert all(s.words >= 20 for s in content)
    assert got.written == ()


# -- reveal ----------------------------------------------------------------------------------

REVEAL = """\
title: Garden
reveal: true
sections:
  - title: Beds
    points:
      - Tomatoes need full sun
      - text: Basil likes water
        points: [every morning]
      - Mint spreads everywhere
    script: >-
      Let us begin. Tomatoes need full sun all day long. Basil likes water, every morning if
      you can. Water it well. Now a warning about mint.
"""


def test_reveal_puts_one_click_per_bullet_before_the_sentence_that_says_it() -> None:
    (slide,) = section(plan(REVEAL))
    assert slide.reveal and slide.clicks == len(slide.bullets) == 4
    assert slide.spoken == (
        "Let's get into it.",
        # mint is not said as the point says it: it appears with the bullet before it
        f"Let us begin. {CLICK} Tomatoes need full sun all day long. {CLICK} {CLICK} {CLICK} "
        "Basil likes water, every morning if you can. Water it well. Now a warning about mint.",
    )
    plain = section(plan(REVEAL.replace("reveal: true", "reveal: false")))[0]
    assert not plain.reveal and plain.clicks == 0
    assert slide.words == plain.words  # marks are not words


def test_reveal_from_the_command_line_marks_only_bullet_slides(tmp_path: Path) -> None:
    got, _, _ = plan_outline(example_outline(), Options(reveal=True))
    for s in got.slides:
        revealed = s.layout is Layout.CONTENT and s.kind is not Kind.AGENDA
        revealed = revealed and not (s.kind is Kind.CLOSING and s.title == "Key Takeaways")
        assert s.reveal == revealed, s.number
        assert s.clicks == (len(s.bullets) if s.reveal else 0), s.number


# -- the Done-when lines, on real outlines ---------------------------------------------------


OVERSTAY = 2.1  # of a tight limit, at most: slides beside a stretch with nothing to show


def outlines(tmp_path: Path) -> list[Path]:
    from conftest import stress_outline

    return [
        example_outline(),
        ROOT / "outlines" / "la-la-land-ending.txt",
        stress_outline(tmp_path),
    ]


@pytest.mark.parametrize("which", [0, 1, 2], ids=["example", "essay", "stress"])
@pytest.mark.parametrize("limit", [None, 45])
def test_every_slide_is_spoken_over_and_none_outstays_the_limit(
    tmp_path: Path, which: int, limit: int | None
) -> None:
    got, _, _ = plan_outline(
        outlines(tmp_path)[which], Options(max_slide_seconds=limit, reveal=True)
    )
    assert got.max_slide_seconds == (limit or 75)
    for s, (_, length) in zip(got.slides, got.slide_timings, strict=True):
        assert s.words > 0, s.number
        sentences_said = len(sentences(s.spoken))
        # a stretch with nothing new to show and no statement left in the deck's budget is
        # shared by the slides beside it, past the limit, rather than show the section's title
        # again mid-section: at the default limit none is; at 45 s some are, within OVERSTAY
        past = length <= (OVERSTAY if limit else 1) * got.max_slide_seconds
        assert past or sentences_said == 1, (s.number, length)
    assert [s.number for s in got.slides] == list(range(1, len(got.slides) + 1))


def test_the_example_changes_slides_like_a_presenter(example: Built) -> None:
    lengths = [length for _, length in example.plan.slide_timings]
    assert len(example.plan.slides) >= 18  # was 8 for 15:45
    assert max(lengths) <= 75
    assert example.plan.written == ()


def test_cue_n_is_slide_n_and_its_notes_are_the_words_said_while_it_is_up(
    tmp_path: Path,
) -> None:
    from pptx import Presentation

    built = build(example_outline(), tmp_path, formats=("md", "txt"), options=Options(reveal=True))
    deck = Presentation(str(built.files["deck"])).slides
    text = built.files["txt"].read_text(encoding="utf-8")
    cues = re.split(r"^\[SLIDE (\d+) · [\d:]+ · for [\d:]+\]$", text, flags=re.M)
    assert [int(n) for n in cues[1::2]] == [s.number for s in built.plan.slides]
    for planned, slide, chunk in zip(built.plan.slides, deck, cues[2::2], strict=True):
        notes = slide.notes_slide.notes_text_frame.text
        said = [p for p in chunk.split("\n\n") if p.strip() and not p.startswith("(")]
        assert [p.strip() for p in said] == list(planned.spoken)
        assert all(p in notes for p in planned.spoken)
        assert sum(word_count(p) for p in said) == planned.words


# -- outline and command line ----------------------------------------------------------------


def test_pace_is_read_as_a_length_of_time() -> None:
    base = "title: T\nsections: [{title: A}]\n"
    assert parse_outline(base + "pace: 75s\n").pace == 75
    assert parse_outline(base + "pace: '1:15'\n").pace == 75
    assert parse_outline(base + "pace: 90\n").pace == 90  # a bare number is seconds
    assert parse_outline(base + "reveal: yes\n").reveal


@pytest.mark.parametrize("bad", ["fast", "2s", "20m", "[1, 2]"])
def test_a_pace_that_is_no_length_of_time_is_one_clear_error(bad: str) -> None:
    from deckmaker.errors import DeckmakerError

    with pytest.raises(DeckmakerError) as err:
        parse_outline(f"title: T\nsections: [{{title: A}}]\npace: {bad}\n", "t.yaml")
    assert str(err.value.problems[0]).startswith("t.yaml:3: pace: expected the longest a slide")


def test_max_slide_seconds_and_reveal_on_the_command_line(tmp_path: Path, write_outline) -> None:
    from click.testing import CliRunner

    from deckmaker.cli import cli

    outline = write_outline(GARDEN.replace("title: Garden\n", "title: Garden\nwpm: 60\n"))
    runner = CliRunner()
    default = runner.invoke(cli, ["validate", str(outline)])
    tight = runner.invoke(cli, ["validate", str(outline), "--max-slide-seconds", "25"])
    assert default.exit_code == tight.exit_code == 0, tight.output
    slides = [int(r.output.split(" slides")[0].rsplit(" ", 1)[1]) for r in (default, tight)]
    assert slides[1] == slides[0] + 1  # the section split in two
    built = runner.invoke(
        cli, ["build", str(outline), "--out", str(tmp_path / "o"), "--reveal", "--format", "txt"]
    )
    assert built.exit_code == 0, built.output
    assert CLICK in (tmp_path / "o" / "talk.script.txt").read_text(encoding="utf-8")
    bad = runner.invoke(cli, ["validate", str(outline), "--max-slide-seconds", "fast"])
    assert bad.exit_code == 2


def test_validate_warns_when_the_script_runs_out_before_the_points(write_outline) -> None:
    require_font("Carlito", "fonts-crosextra-carlito")  # else a warning that Calibri is missing
    from click.testing import CliRunner

    from deckmaker.cli import cli

    points = ", ".join(f"Point {n} has quite a few words so that it wraps" for n in range(1, 21))
    outline = write_outline(
        f"title: T\nsections:\n  - {{title: A, points: [{points}], script: Just this.}}\n"
    )
    result = CliRunner().invoke(cli, ["validate", str(outline)])
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: the script ran out before the points did: deckmaker wrote what is said over "
        "slide 4 from their points; add script there to say it yourself\n"
    )


def test_validate_names_slides_over_the_limit_and_slides_with_nothing_said() -> None:
    from dataclasses import replace

    from deckmaker.planning.target import pacing_warnings

    sentence = " ".join(["word"] * 40) + "."
    got = plan(f"title: T\nsections:\n  - {{title: A, points: [word], script: {sentence}}}\n", 20)
    (slide,) = section(got)
    # one sentence of 40 s at 60 wpm, over the 20 s limit: not split, and the 4 s lead before
    # it is no slide's worth
    assert slide.spoken == ("Let's get into it.", sentence)
    closing = got.slides[-1]  # the sign-off, 31 words, is said over the closing slide whole
    assert pacing_warnings(got) == (
        f"slides {slide.number}, {closing.number} stay up longer than the 0:20 a slide should (a "
        "sentence too long to split, a greeting or sign-off, or prose with nothing more to "
        "show); shorten it, add points there, or raise `pace:` or --max-slide-seconds",
    )
    silent = replace(
        got,
        parts=tuple(
            replace(p, slides=tuple(replace(s, spoken=()) for s in p.slides))
            if p.kind is Kind.SECTION
            else p
            for p in got.parts
        ),
    )
    assert pacing_warnings(silent)[0] == (
        f"nothing is said over slide {slide.number}; add script or points there"
    )


ORDERED = """\
title: Talk
sections:
  - title: Soil
    points: [Compost feeds the soil, Mulch keeps water in]
    columns:
      - {title: Clay, points: [Heavy and slow to drain]}
      - {title: Sand, points: [Light and quick to dry]}
    quote: {text: The soil is the garden, attribution: Ann}
    script: >-
      Compost feeds the soil every year. Clay soil is heavy and slow to drain. Sand soil is
      light and quick to dry. Mulch keeps water in through summer. As Ann says, the soil is
      the garden.
"""


def test_a_sections_slides_come_in_the_order_they_are_said() -> None:
    got = section(plan(ORDERED, limit=600))
    # the columns (a list here: these frames have no two-column layout) are said between the
    # two points: the points are split around them, and the quote is read out last; the
    # point left alone after the columns is a statement, not a page of one under "(3 of 4)";
    # four slides under one title are too many to number: the quote takes a phrase of its own
    columns = ["Clay", "Heavy and slow to drain", "Sand", "Light and quick to dry"]
    assert [(s.title, [b.text for b in s.bullets]) for s in got] == [
        ("Soil", ["Compost feeds the soil"]),
        ("Soil (2 of 3)", columns),
        # the statement and the quote, each in a body box: these frames have no quote layout
        ("Soil (3 of 3)", []),
        ("The garden", []),
    ]
    assert got[2].subtitle == "Mulch keeps water in"
    assert got[2].layout is Layout.STATEMENT
    assert [s.spoken for s in got] == [
        ("Let's get into it.", "Compost feeds the soil every year."),
        ("Clay soil is heavy and slow to drain. Sand soil is light and quick to dry.",),
        ("Mulch keeps water in through summer.",),
        ("As Ann says, the soil is the garden.",),
    ]


def test_a_picture_keeps_its_place_after_the_slide_it_follows_in_the_outline(
    tmp_path: Path,
) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), (20, 120, 60)).save(tmp_path / "bed.png")
    text = ORDERED.replace("    quote: {text: The soil is the garden, attribution: Ann}\n", "")
    text = text.replace("    script:", "    image: bed.png\n    script:")
    got = section(plan(text, limit=600, source=str(tmp_path / "t.yaml")))
    # a picture is not said: it follows the columns, as in the outline, sharing their stretch
    assert [s.layout for s in got] == [
        Layout.CONTENT,
        Layout.CONTENT,
        Layout.IMAGE,
        Layout.STATEMENT,  # the point left alone
    ]
    assert [len(s.bullets) for s in got] == [1, 4, 0, 0]


def test_each_delivery_note_goes_with_the_slide_it_is_about() -> None:
    notes = """\
    notes:
      - Speak slowly throughout
      - Hold up a lump of clay
      - Smile at the quote
      - Stress "through summer"
      - Compare the soil of each bed
"""
    got = section(plan(ORDERED.replace("    script:", notes + "    script:"), limit=600))
    assert [s.notes for s in got] == [
        # no word of its own on one slide: the first slide ("soil" is on three of the four)
        ("Speak slowly throughout", "Compare the soil of each bed"),
        ("Hold up a lump of clay",),  # shown (and said) over the columns only
        ('Stress "through summer"',),  # said over the second points page only
        ("Smile at the quote",),  # the quote slide's kind
    ]


@pytest.fixture(scope="module")
def example_revealed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(
        example_outline(), tmp_path_factory.mktemp("example-revealed"), options=Options(reveal=True)
    )


def test_the_revealed_example_passes_every_judge(example_revealed: Built) -> None:
    """The animation judge among them: LibreOffice's clicks, page by page, against the notes'
    marks."""
    deck = example_revealed.files["deck"]
    assert judges.findings(deck) == []
    pages = odp_pages(deck)
    assert not isinstance(pages, str), pages
    assert [clicks for clicks, _ in pages] == [s.clicks for s in example_revealed.plan.slides]
    assert sum(s.clicks for s in example_revealed.plan.slides) > 20


def test_the_revealed_examples_script_matches_the_golden_file(
    example_revealed: Built, request: pytest.FixtureRequest
) -> None:
    text = example_revealed.files["script"].read_text(encoding="utf-8")
    golden = ROOT / "tests" / "golden" / "la-la-land.reveal.script.md"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        "la-la-land.reveal.script.md: run pytest --update-golden, then review the diff"
    )


def test_a_long_stretch_opening_a_section_shows_its_title_then_statements() -> None:
    opening = " ".join(
        f"The harbour town flooded in winter number {n} of the decade." for n in range(12)
    )
    got = plan(
        "title: T\nsections:\n  - title: Floods\n    points: [Sandbags hold the water back]\n"
        f"    script: {opening} Sandbags hold the water back for a day or two.\n"
    )
    first, *rest = section(got)
    assert (first.layout, first.title) == (Layout.HEADER, "Floods")
    assert [s.layout for s in rest][-1] is Layout.CONTENT
    assert any(s.layout is Layout.STATEMENT for s in rest)  # the rest of the stretch
