"""The alignment benchmark runs, and measures what it says it does."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import alignment  # noqa: E402


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
