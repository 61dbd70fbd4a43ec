"""Real essays (bench/corpus/) import and build, judged like every build; the bench's defect
detectors (bench/defects.py) find nothing on them that this side of deckmaker owns, and each
detector finds the fault planted for it, so none can pass by finding nothing."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import defects  # noqa: E402
import realworld  # noqa: E402
from defects import Slide, Talk  # noqa: E402
from test_plan import FRAMES  # noqa: E402

from deckmaker.api import plan as plan_of  # noqa: E402
from deckmaker.essay import import_essay  # noqa: E402
from deckmaker.essay.attribution import introduced  # noqa: E402
from deckmaker.essay.points import compress  # noqa: E402
from deckmaker.essay.speech import speakable  # noqa: E402
from deckmaker.highlight import text_of  # noqa: E402
from deckmaker.options import Options  # noqa: E402
from deckmaker.planning import Layout, Plan, Voice, plan_talk  # noqa: E402
from deckmaker.planning.model import PAUSE, PAUSE_SECONDS, Kind  # noqa: E402
from deckmaker.planning.pace import MIN_SECONDS, pull_quotes  # noqa: E402
from deckmaker.templates import Templates  # noqa: E402

# What reading the essay decides: none of it may reach the speech or the slides.
READING = (
    "front matter", "footnote marks", "HTML", "link syntax", "URLs", "alt text", "too few parts",
    "part titles > 9 words",
)  # fmt: skip

# One essay of each shape: TOML front matter, code, [^1] and a local picture (check-cfg); YAML
# front matter, a byline, an HTML table, Spanish (comparacion…); <sup> notes (error-handling);
# headingless Markdown with indented code (errors-are-values); a local picture with a long
# description, [^n] notes with bare addresses (imposter-syndrome); an embedded tweet
# (rustdoc-performance); very short, YAML tags (go-at-oscon); a chat log quoted (fearless…);
# 12,000 words of plain text with no headings, the most statements of the corpus (walking).
SHAPES = (
    "check-cfg.md", "comparacion-herramientas-k8s.md", "error-handling-group.md",
    "errors-are-values.md", "imposter-syndrome.md", "rustdoc-performance.md",
    "go-at-oscon-2014.md", "fearless-concurrency-firefox.md", "walking.txt",
)  # fmt: skip


@pytest.fixture(scope="module")
def talks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Talk]:
    folder = tmp_path_factory.mktemp("corpus")
    return {
        name: realworld.built(realworld.CORPUS / name, folder, folder / Path(name).stem)
        for name in SHAPES
    }


def test_the_corpus_has_the_shapes_the_issue_names() -> None:
    essays = realworld.essays()
    assert len(essays) >= 12
    texts = {p.name: p.read_text(encoding="utf-8") for p in essays}
    assert sum(t.startswith("+++") for t in texts.values()) >= 2
    assert sum(t.startswith("---") for t in texts.values()) >= 2
    assert sum(len(t.split()) >= 10_000 for t in texts.values()) >= 4
    assert any(len(t.split()) <= 300 for t in texts.values())
    sources = (realworld.CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert all(name in sources for name in texts)


@pytest.mark.parametrize("name", SHAPES)
def test_each_shape_builds_with_nothing_unspeakable(talks: dict[str, Talk], name: str) -> None:
    found = defects.count(talks[name])
    assert {k: found[k] for k in READING} == dict.fromkeys(READING, 0)


@pytest.mark.parametrize("name", SHAPES)
def test_each_shape_builds_with_no_defect_at_all(talks: dict[str, Talk], name: str) -> None:
    """Every column of the bench: what the plan decides too (cues, time on screen, quotes and
    statements, repeats, code)."""
    found = defects.count(talks[name])
    assert {k: v for k, v in found.items() if v} == {}


def test_a_front_matter_never_becomes_the_talk(talks: dict[str, Talk]) -> None:
    talk = talks["go-at-oscon-2014.md"]
    assert talk.parts and not any("tags" in p.lower() for p in talk.parts)
    notes = ROOT / "bench" / "corpus"  # the build wrote its show notes beside the deck
    assert notes.is_dir()


def test_the_tweet_is_a_quote_with_its_author(talks: dict[str, Talk]) -> None:
    quotes = [s for s in talks["rustdoc-performance.md"].slides if s.layout == "quote"]
    assert any("Guillaume Gomez" in (s.attribution or "") for s in quotes)


# -- each detector, on a planted fault ---------------------------------------------------------


def _talk(**changes: object) -> Talk:
    slides = (
        Slide("cover", "A talk", (), ("Hello there.",), 8),
        Slide("content", "One", ("a point",), ("We begin here. It goes on.",), 30),
        Slide("content", "Two", ("another point",), ("And then it ends.",), 30),
    )
    base = Talk("t", "Plain words.\n", slides, ("One", "Two"), "[SLIDE 1]\n\nHello there.\n")
    return replace(base, **changes)  # type: ignore[arg-type]


def _saying(text: str, **changes: object) -> Talk:
    talk = _talk(**changes)
    said = replace(talk.slides[1], spoken=(text,))
    return replace(talk, slides=(talk.slides[0], said, talk.slides[2]))


def test_the_clean_talk_has_no_defect() -> None:
    assert set(defects.count(_talk()).values()) == {0}


@pytest.mark.parametrize(
    ("detector", "talk", "expected"),
    [
        ("front matter", _saying("Let's start with categories: culture.",
                                 essay="---\ncategories: [culture]\n---\n\nWords.\n"), 1),
        ("front matter", _saying("See local-k8s-tools today.",
                                 essay="---\nslug: local-k8s-tools\n---\n\nWords.\n"), 1),
        ("footnote marks", _saying("It is a logical fallacy[2]. Really."), 1),
        ("footnote marks", _saying("As noted [^note] before."), 1),
        ("footnote marks", _saying("Some other problems.^f128-segfault Rust does not."), 1),
        ("HTML", _saying('Thanks <div class="text-xs">all</div>.'), 2),
        ("link syntax", _saying("Read [the RFC](https://x.org/rfc) now."), 1),
        ("URLs", _saying("Go to https://example.com now."), 1),
        ("alt text", _saying("Yoda sniffing the air at dusk.",
                             essay="![Yoda sniffing the air](yoda.png)\n\nWords."), 1),
        ("cues mid-sentence", _talk(script="modern (i.e. [SLIDE 79] Intel) processors\n"), 1),
        ("slides < 5 s", _talk(slides=(Slide("cover", "Hey guys!", (), ("Hey guys!",), 1),)), 1),
        ("quotes > 1/3", _talk(slides=(Slide("quote", "", ("a",), (), 9, (), "Kelsey"),) * 3), 2),
        ("unattributed quotes", _talk(slides=(Slide("quote", "", ("Mine",), (), 9),)), 1),
        ("repeated slides", _talk(slides=(Slide("quote", "", ("Same",), (), 9, (), "A"),) * 2), 1),
        ("code not shown", _talk(code_blocks=("print('hi')",)), 1),
        ("curly quotes in code", _talk(
            code_blocks=("<p>'You clicked 0 times'</p>",),
            slides=(Slide("code", "", (), (), 9, ("<p>‘You clicked 0 times’</p>",)),)), 1),
        ("too few parts", _talk(headingless=True, minutes=20.0, parts=("Only",)), 2),
        ("part titles > 9 words", _talk(
            headingless=True, parts=("this is a sentence that goes on and on and on",)), 1),
        ("fragment titles", _talk(headingless=True, parts=("Star of empire takes",),
                                  essay="Westward the star of empire takes its way.\n"), 1),
        ("fragment titles", _talk(headingless=True, parts=("Stars brighter", "The moon of"),
                                  essay="The moon larger, the stars brighter, I trust.\n"), 2),
        ("cut points", _talk(essay="I have met with but one or two persons.\n", slides=(
            Slide("content", "One", ("I have met with",), (), 30, bullets=("I have met with",)),
        )), 1),
        ("cut points", _talk(essay="I walk ten, fifteen, twenty, fifty miles.\n", slides=(
            Slide("content", "One", (), (), 30, bullets=("I walk ten, fifteen, twenty",)),
        )), 1),
        ("cut points", _talk(slides=(
            Slide("content", "One", (), (), 30, bullets=("“Man is his own star",)),
        )), 1),
        ("cut points", _talk(essay="When you have it, go. Of the first and of the last.\n", slides=(
            Slide("content", "One", (), (), 30, bullets=("When you have it", "Of the first")),
        )), 2),
        ("doubled pauses", _saying("[PAUSE] [PAUSE] Let's start."), 1),
        ("doubled pauses", _talk(slides=(
            Slide("content", "One", (), ("Go. [PAUSE]", "[PAUSE] On."), 9),
        )), 1),
    ],
)  # fmt: skip
def test_each_detector_finds_its_planted_fault(detector: str, talk: Talk, expected: int) -> None:
    assert defects.DETECTORS[detector](talk) == expected


def test_whole_points_and_pauses_apart_are_no_defect() -> None:
    essay = (
        "The village is the place to which the roads tend. I walk ten, fifteen, twenty, or "
        "fifty miles. Changes they're not confident in, to make mistakes.\n"
    )
    points = ("The village is the place", "I walk ten, fifteen, twenty, or fifty miles",
              "Changes they're not confident in", "“Man is his own star”")  # fmt: skip
    talk = _talk(essay=essay, slides=(Slide("content", "One", (), (), 30, bullets=points),))
    assert defects.cut_points(talk) == 0
    assert defects.doubled_pauses(_saying("[PAUSE] Let's start. [PAUSE]")) == 0


def test_a_cue_between_the_halves_of_a_sentence_is_found() -> None:
    talk = _talk()
    halves = (
        replace(talk.slides[1], spoken=("This works on modern (i.e.",)),
        replace(talk.slides[2], spoken=("Intel) processors.",)),
    )
    assert defects.cues_inside_sentences(replace(talk, slides=(talk.slides[0], *halves))) == 1
    cut = replace(talk.slides[1], spoken=("It goes on and",))
    assert (
        defects.cues_inside_sentences(replace(talk, slides=(talk.slides[0], cut, talk.slides[2])))
        == 1
    )
    colon = replace(talk.slides[1], spoken=("The code is this:",))
    assert (
        defects.cues_inside_sentences(replace(talk, slides=(talk.slides[0], colon, talk.slides[2])))
        == 0
    )


def test_code_shown_as_written_is_no_defect() -> None:
    shown = Slide("code", "", (), (), 9, ("print('hi')",))
    assert defects.code_not_shown(_talk(code_blocks=("print('hi')",), slides=(shown,))) == 0
    assert defects.curly_quotes_in_code(_talk(code_blocks=("print('hi')",), slides=(shown,))) == 0


def test_a_local_picture_is_a_picture_slide_and_its_description_is_never_said(
    talks: dict[str, Talk],
) -> None:
    talk = talks["imposter-syndrome.md"]
    assert [s.layout for s in talk.slides].count("image") == 1
    assert "What I think others know" not in talk.said


# -- what the plan decides for real essays ----------------------------------------------------


def _plan(essay: str, markdown: bool = True) -> Plan:
    outline = import_essay(essay, "essay.md", markdown=markdown)
    return plan_talk(outline, Voice(Templates()), FRAMES, Options(wpm=150))


def test_a_passage_the_essay_repeats_word_for_word_is_said_and_shown_once() -> None:
    copied = "The drop-liveness optimization landed and the bitset now suits sparse loans."
    essay = (
        "# Status\n\n## June\n\n- " + copied + "\n- Benchmarks exercise the dataflow a lot.\n\n"
        "Help wanted.\n\n## Thread\n\nComment by a maintainer.\n\n- " + copied + "\n\n"
        "Help wanted.\n\nThe new solver work goes on through the summer months.\n"
    )
    outline = import_essay(essay, "essay.md", markdown=True)
    said = " ".join(s.script or "" for s in outline.sections)
    assert said.count("drop-liveness") == 1
    assert said.count("Help wanted.") == 2  # a short refrain is no copy
    shown = [p.text for s in outline.sections for p in s.points]
    assert sum("drop-liveness" in t for t in shown) == 1


def test_a_block_quote_gets_its_author_from_the_sentence_that_introduces_it() -> None:
    essay = (
        "# ABI\n\n## Passing\n\nArguments go in registers until none are left over. The ABI "
        "tells us what to do here as well, in section 3.2.3:\n\n> Arguments of type `__int128` "
        "need two registers. They are treated as if implemented as:\n>\n> ```c\n"
        "> typedef struct { long low, high; } __int128;\n> ```\n>\n"
        "> with the exception that they are aligned on 16 bytes.\n\n"
        "So we tried it by hand, and the registers told a different story.\n"
    )
    (section,) = import_essay(essay, "essay.md", markdown=True).sections
    (quote,) = section.quotes
    assert quote.attribution == "The ABI"
    assert "implemented as: … with the exception" in quote.text  # the code shown on its own
    assert [c.text for c in section.code] == ["typedef struct { long low, high; } __int128;"]
    assert "Arguments of type" not in (section.script or "")  # read out as theirs, once
    plan = _plan(essay)
    kinds = [s.layout for s in plan.slides]
    assert kinds.index(Layout.QUOTE) < kinds.index(Layout.CODE)  # the code after the quote
    said = " ".join(p for s in plan.slides for p in s.spoken)
    assert said.count("Arguments of type __int128 need two registers") == 1


@pytest.mark.parametrize(
    ("before", "who"),
    [
        ("Kelsey:", "Kelsey"),
        ("As Kelsey Hightower put it:", "Kelsey Hightower"),
        (
            "The docs are short. According to the Rust reference, in its notes:",
            "the Rust reference",
        ),
        ("La documentación lo explica bien. Según la guía oficial:", "la guía oficial"),
        ("I wrote this down back then:", None),  # the author's own words
        ("He said:", None),  # someone named earlier: no name here to show
        ("Here is the list:", None),
        ("The ABI tells us what to do.", None),  # no colon: it introduces nothing
    ],
)
def test_who_introduces_a_quote(before: str, who: str | None) -> None:
    assert introduced(before) == who


def test_a_block_quote_naming_nobody_is_the_authors_aside_not_a_quote() -> None:
    essay = (
        "# Cfgs\n\n## Custom cfgs\n\nSome crates use custom cfgs in their builds.\n\n"
        "> Each custom cfg should have a check-cfg directive to avoid warnings like this one.\n\n"
        "Cargo reads those directives from the build script.\n"
    )
    (section,) = import_essay(essay, "essay.md", markdown=True).sections
    assert section.quotes == ()
    assert "Each custom cfg should have a check-cfg directive" in (section.script or "")
    assert Layout.QUOTE not in [s.layout for s in _plan(essay).slides]


def test_a_typed_face_is_never_said() -> None:
    assert speakable("And we can all see the results. :) Next, ;-) the tests :D") == (
        "And we can all see the results. Next, the tests"
    )
    assert speakable("At 10:30 (or so) the build ran.") == "At 10:30 (or so) the build ran."


def test_a_slide_said_quicker_than_5_s_comes_up_with_a_pause() -> None:
    plan = _plan(
        "# Notes\n\n## One\n\nA first part that says enough words to stay up for a while, "
        "and then a little more about the part.\n\n## Two\n\nShort.\n\n## Three\n\n"
        "A third part that also says enough words to stay up for a while and then some.\n"
    )
    for slide, (_, seconds) in zip(plan.slides, plan.slide_timings, strict=True):
        assert seconds >= MIN_SECONDS, slide
        pauses = slide.pauses
        if pauses:  # a pause only where the words alone run short, before them
            assert slide.spoken[0].startswith(PAUSE)
            words = plan.seconds(slide.words)
            assert round(words + (pauses - 1) * PAUSE_SECONDS) < MIN_SECONDS


def test_a_table_too_wide_for_any_slide_is_a_delivery_note() -> None:
    header = "|".join(f" work item number {n} " for n in range(24))
    essay = (
        "# Survey\n\n## Results\n\nThe survey asked each owner how their item went.\n\n"
        f"|{header}|\n|{'---|' * 24}\n|{'y|' * 24}\n\nMost items made progress.\n"
    )
    plan = _plan(essay)
    assert Layout.TABLE not in [s.layout for s in plan.slides]
    notes = " ".join(n for s in plan.slides for n in s.notes)
    assert "A table of 24 columns and 1 rows is here in the essay" in notes


def test_the_recap_never_shows_the_agenda_again() -> None:
    sections = "".join(
        f"## A part with a long title about topic {n}\n\nThe words of part {n} go on and on here "
        "with nothing listed to show, enough for a while at least.\n\n"
        for n in range(1, 9)
    )
    plan = _plan("# Many parts\n\nAn opening that says what this is about.\n\n" + sections)
    agenda = {b.text for s in plan.slides if s.kind is Kind.AGENDA for b in s.bullets}
    for slide in plan.slides:
        if slide.kind is Kind.CLOSING and slide.bullets:
            assert {b.text for b in slide.bullets} != agenda


@pytest.mark.parametrize("name", ["walking.txt", "civil-disobedience.txt", "self-reliance.txt"])
def test_long_prose_keeps_its_slides_within_the_limit(name: str) -> None:
    """An hour of prose without headings: its parts, said for minutes each, have points enough
    to keep a new slide coming (essay/points.py, WORDS_PER_POINT), so few slides stay up past
    the talk's limit (five points a part left a quarter to a third of them past it)."""
    plan = plan_of(realworld.CORPUS / name)
    timings = enumerate(plan.slide_timings, 1)
    past = [n for n, (_, length) in timings if length > plan.max_slide_seconds]
    assert len(past) <= len(plan.slides) / 6, past


def test_the_key_points_beat_the_lead_baseline_on_every_essay_with_references(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bench/keypoints.py's claim, kept: ROUGE-L against the points written by hand."""
    import keypoints

    monkeypatch.setattr(keypoints, "VARIANTS", {"method": keypoints.DEFAULT})
    gains = {
        essay.name: found["method"] - found["lead baseline"]
        for essay, refs in keypoints.essays()
        if (found := keypoints.scores(essay, refs))
    }
    assert len(gains) >= 6
    assert {name: round(g, 3) for name, g in gains.items() if g <= 0} == {}
    assert sum(gains.values()) / len(gains) >= 0.05


def test_code_that_cuts_a_sentence_leaves_it_whole_and_on_screen() -> None:
    essay = (
        "# Errors\n\n## Values\n\nGo programmers talk about errors a lot. The talk turns to "
        "the number of times the sequence\n\n    if err != nil {\n        return err\n    }\n\n"
        "shows up. Still, if one must type\n\n    if err != nil\n\nall the time, something "
        "is wrong. The Scan method could instead return it, and user code might be\n\n"
        "    for {\n        token, err := scanner.Scan()\n    }\n\n"
        "This is not very different, but one thing matters here.\n"
    )
    (section,) = import_essay(essay, "essay.md", markdown=True).sections
    script = section.script or ""
    assert "the number of times the sequence shows up." in script
    assert "one must type if err != nil all the time" in script  # a short line: inline code
    assert "user code might be:" in script  # a line that leads into code ends on a colon
    assert "sequence." not in script and "type." not in script
    # on screen from the sentence it sits in, not from the one before
    assert [c.said for c in section.code] == [
        "The talk turns to",
        "Still, if one must",
        "The Scan method could",  # the line that leads into it
    ]
    plan = _plan(essay)
    shown = ["\n".join(text_of(r) for r in s.code) for s in plan.slides if s.layout is Layout.CODE]
    # said within seconds of each other, the three short blocks share one slide
    assert len(shown) == 1 and all(c.text in shown[0] for c in section.code)
    assert defects.count(defects.talk_of("t", essay, True, plan, ""))["cues mid-sentence"] == 0


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        (
            "La solución más antigua, Telepresence utiliza una VPN (o más específicamente, un "
            "dispositivo tun) para conectar la máquina del usuario y la red del clúster.",
            "es",
        ),
        (
            'Jane Lusby: "I frequently struggle with imposter syndrome and feeling like I '
            "don't get as much done as my peers.\"",
            "en",
        ),
    ],
)
def test_a_point_is_never_cut_inside_brackets_or_quotes(sentence: str, language: str) -> None:
    point = compress(sentence, language)
    assert point is None or (point.count("(") == point.count(")") and point.count('"') % 2 == 0)


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        # never inside a list of short items, nor before a "but" after a preposition
        ("I can easily walk ten, fifteen, twenty, any number of miles, commencing at my own "
         "door, without going by any house, without crossing a road except where the fox and "
         "the mink do.",
         "I can easily walk ten, fifteen, twenty, any number of miles without going by any house"),
        ("I have met with but one or two persons in the course of my life who understood the "
         "art of Walking, that is, of taking walks.",
         "I have met with but one or two persons in the course of my life"),
        # a preposition that ended its clause stays
        ("We want people to feel empowered to make changes they're not 100% confident in, to "
         "make mistakes, to ask questions, and to learn.",
         "We want people to feel empowered to make changes they're not 100% confident in"),
        # never between the halves of a pair, nor before an "and" that joins two phrases
        ("Men have looked away from themselves and at things so long, that they have come to "
         "esteem the religious, learned and civil institutions as guards of property.",
         "Men have looked away from themselves and at things so long"),
        # an aside that opened a clause takes the rest of that clause with it
        ("The stars awaken a certain reverence, because though always present, they are "
         "inaccessible; but all natural objects make a kindred impression.",
         "The stars awaken a certain reverence"),
        # a quotation the point opens is closed where the point ends
        ("“Man is his own star; and the soul that can render an honest and a perfect man, "
         "commands all light, all influence, all fate.”", "“Man is his own star”"),
    ],
)  # fmt: skip
def test_a_point_is_a_whole_thought(sentence: str, point: str) -> None:
    assert compress(sentence, "en") == point


def test_no_point_is_half_a_sentence() -> None:
    sentence = (
        "When you have life in yourself, the whole world of men and their habits will bend "
        "toward you like grass before the wind."
    )
    assert compress(sentence, "en") != "When you have life in yourself"
    between = (
        "A singular equality may be observed between the great men of the first and of the "
        "last ages; nor can all the science, art, religion, and philosophy of the nineteenth "
        "century avail to educate greater men."
    )
    assert not (compress(between, "en") or "").endswith("of the first")  # the pair is whole


def test_the_word_that_pointed_at_a_bare_address_goes_with_it() -> None:
    assert speakable("GSoC work has started on https://github.com/crate-ci/cargo-plumbing") == (
        "GSoC work has started"
    )


def test_a_point_never_ends_on_a_verb_waiting_for_what_follows() -> None:
    sentence = (
        "As mentioned above, part of the reason for an ABI to specify the alignment of a "
        "datatype is because it is more efficient on that architecture."
    )
    point = compress(sentence, "en")
    assert point is None or not point.endswith(" is")


def test_a_sentence_holding_a_quotation_is_never_the_authors_statement() -> None:
    said = [
        "“The world ends there,” say they, “beyond there is nothing but a shoreless sea.”",
        'Locals still call the old road "the long way" to this very day, and mean it.',
        "The harbour town flooded twice that winter and again in the spring.",
    ]
    assert pull_quotes(said, "Harbour floods") == [said[2]]


def test_a_sentence_that_pointed_at_an_address_ends_where_it_was() -> None:
    essay = "# Notes\n\n## Bugs\n\nRust does no such adjustment, hence the issue reported at\n<https://github.com/rust-lang/rust/issues/54341>.\n"
    (section,) = import_essay(essay, "essay.md", markdown=True).sections
    assert section.script == "Rust does no such adjustment, hence the issue reported."


def test_a_front_matter_title_in_markdown_is_its_words() -> None:
    essay = (
        '+++\ntitle = "Changes to `u128`/`i128` layout in **1.77**"\n+++\n\n'
        "Rust has long had an inconsistency with C here.\n\n## Background\n\nMore words.\n"
    )
    assert import_essay(essay, "essay.md", markdown=True).title == (
        "Changes to u128/i128 layout in 1.77"
    )
