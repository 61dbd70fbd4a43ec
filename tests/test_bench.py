"""The alignment benchmark runs, and measures what it says it does."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import alignment  # noqa: E402
import throughput  # noqa: E402


def test_the_alignment_benchmark_scores_one_essay_against_its_baselines() -> None:
    essay = ROOT / "bench" / "essays" / "sleep-questions.txt"
    cases = alignment.cases(essay)
    assert cases and all(len(c.texts) == len(c.truth) for c in cases)
    scores = {name: alignment.accuracy(cases, m) for name, m in alignment.METHODS.items()}
    exact, near, count = scores["method"]
    assert count == sum(len(c.texts) for c in cases) > 0
    assert 0 <= exact <= near <= 1
    # the words beat knowing nothing of them
    assert exact > scores["evenly spaced"][0]


def test_the_hand_marked_points_are_all_in_their_scripts() -> None:
    cases = alignment.hand_written()
    assert sum(len(c.texts) for c in cases) == 26
    exact, _, _ = alignment.accuracy(cases, alignment.METHODS["method"])
    before, _, _ = alignment.accuracy(cases, alignment.METHODS["plain overlap at 40 % (before)"])
    assert exact >= before


def test_the_throughput_essays_never_say_a_sentence_twice() -> None:
    """The importer says a repeated sentence once: a long essay of the corpus cycled would be
    read as the corpus's 31,000 words, and its time measured on those."""
    from deckmaker.sentences import split

    text = throughput.essay(70_000)  # the corpus comes round twice
    said = [s for line in text.splitlines() if len(line.split()) > 8 for s in split(line, "en")]
    long = [s for s in said if len(s.split()) >= 8]
    assert len(text.split()) >= 70_000 and len(set(long)) == len(long)
    assert text.count("Indeed, ") > 1000 and text.count("Again, ") > 200
