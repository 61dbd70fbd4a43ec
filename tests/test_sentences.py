"""The one sentence splitter (src/deckmaker/sentences.py): the bench's hard cases, one by one,
and real builds with reveal whose cues and clicks never land after "Dr." or "i.e."."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

from deckmaker.outline import Outline, Segment
from deckmaker.planning.align import sentences
from deckmaker.planning.spoken import proper_words
from deckmaker.sentences import spans, split
from deckmaker.words import split_sentences

sys.path.insert(0, str(ROOT / "bench"))
from sentence_cases import SPLIT_CASES  # noqa: E402


@pytest.mark.parametrize(("language", "text", "count"), SPLIT_CASES)
def test_each_hard_case_splits_as_a_careful_reader_does(
    language: str, text: str, count: int
) -> None:
    found = split(text, language)
    assert len(found) == count, found
    # nothing lost, nothing added: the sentences and the spaces between them are the text
    assert " ".join(found) == " ".join(text.split())
    # a talk's language is not known to the planner: all the word lists agree on these
    assert split(text) == found


@pytest.mark.parametrize(
    ("text", "sentences_"),
    [
        ("Then we met Dr. Smith. He moved.", ["Then we met Dr. Smith.", "He moved."]),
        (
            "Modern (i.e. Intel) processors run hot. Fans help.",
            ["Modern (i.e. Intel) processors run hot.", "Fans help."],
        ),
        ("He asked “Why?” and left. Then?", ["He asked “Why?” and left.", "Then?"]),
        ("Unclosed (paren. Still splits.", ["Unclosed (paren.", "Still splits."]),
        ("字幕です。次の文！最後？", ["字幕です。", "次の文！", "最後？"]),
        ("  Spaces around.  Both sides.  ", ["Spaces around.", "Both sides."]),
        ("", []),
        ("No stop at the end", ["No stop at the end"]),
    ],
)
def test_the_sentences_are_these(text: str, sentences_: list[str]) -> None:
    assert split(text, "en") == sentences_
    assert [text[a:b] for a, b in spans(text, "en")] == sentences_


def test_import_alignment_and_captions_split_alike() -> None:
    """The importer's sentences (with where they start) and the planner's are the same."""
    text = (ROOT / "outlines" / "la-la-land-ending.txt").read_text(encoding="utf-8")
    paragraphs = tuple(p for p in text.split("\n\n") if p.strip())
    imported = split_sentences(paragraphs, "en")
    planned = sentences(paragraphs)
    assert [s.text for s in imported] == [s.text for s in planned]
    assert all(paragraphs[s.paragraph][s.start :].startswith(s.text) for s in imported)


def test_a_name_after_a_title_is_a_name() -> None:
    """ "Smith" after "Dr." is capitalised mid-sentence: a name, as the splitter sees it."""
    outline = Outline("Talk", sections=(Segment("One", script="Then we met Dr. Smith today."),))
    assert "Smith" in proper_words(outline)


OUTLINE = """\
title: Meeting the doctor
sections:
  - title: The visit
    script: |
      We flew home in May. Then we met Dr. Smith, the surgeon from Boston, at the clinic.
      He moved to Boston in the spring of that year.
      Chips from the big vendors (i.e. Intel) processors run hot in small laptops.
      Fans and heat pipes keep the laptops cool enough to work all day.
    points:
      - Smith is a surgeon at the clinic
      - Smith moved to Boston
      - Chips run hot in laptops
      - Fans keep laptops cool
  - title: The advice
    script: |
      Mr. Jones, e.g. the neighbour, gave advice. Sleep comes first, said Prof. Black.
      Exercise in the morning helps the body wake up early.
    points:
      - Jones gave advice
      - Sleep comes first
      - Morning exercise helps
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("abbreviations")
    source = folder / "doctor.yaml"
    source.write_text(OUTLINE, encoding="utf-8")
    out = folder / "out"
    done = subprocess.run(
        [sys.executable, "-m", "deckmaker", "build", str(source), "--out", str(out),
         "--reveal", "--max-slide-seconds", "20", "--format", "md", "--format", "txt",
         "--format", "srt"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [p.read_text(encoding="utf-8") for p in sorted(out.iterdir()) if p.suffix != ".pptx"]


def test_the_build_reveals_and_cues(built: list[str]) -> None:
    """The test can fail: the build has clicks and several slides, so marks were placed."""
    script = "\n".join(built)
    assert script.count("[CLICK]") >= 4
    assert len(re.findall(r"\[SLIDE \d+", script)) >= 4
    # a name after a title keeps its capital when the recap says it mid-sentence
    assert "visit: Smith is" in " ".join(script.split())


@pytest.mark.parametrize("abbreviation", ["Dr.", "i.e.", "e.g.", "Mr.", "Prof."])
def test_no_cue_or_click_lands_after_an_abbreviation(built: list[str], abbreviation: str) -> None:
    for text in built:
        words = " ".join(text.split())
        after = re.findall(re.escape(abbreviation) + r"\W*\s*\[(?:CLICK|SLIDE \d+)", words)
        assert not after, after
        # nor does a caption end on one
        assert not re.search(re.escape(abbreviation) + r"\n\n", text)
