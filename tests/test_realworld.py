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

# What reading the essay decides: none of it may reach the speech or the slides.
READING = (
    "front matter", "footnote marks", "HTML", "link syntax", "URLs", "alt text", "too few parts",
    "part titles > 9 words",
)  # fmt: skip

# One essay of each shape: TOML front matter, code, [^1] and a local picture (check-cfg); YAML
# front matter, a byline, an HTML table, Spanish (comparacion…); <sup> notes (error-handling);
# headingless Markdown with indented code (errors-are-values); a local picture with a long
# description, [^n] notes with bare addresses (imposter-syndrome); an embedded tweet
# (rustdoc-performance); very short, YAML tags (go-at-oscon); a chat log quoted (fearless…).
SHAPES = (
    "check-cfg.md", "comparacion-herramientas-k8s.md", "error-handling-group.md",
    "errors-are-values.md", "imposter-syndrome.md", "rustdoc-performance.md",
    "go-at-oscon-2014.md", "fearless-concurrency-firefox.md",
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
    ],
)  # fmt: skip
def test_each_detector_finds_its_planted_fault(detector: str, talk: Talk, expected: int) -> None:
    assert defects.DETECTORS[detector](talk) == expected


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
