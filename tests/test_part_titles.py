"""The parts of an essay without headings are titled with whole noun phrases of their own words,
never cut into the verb that follows ("Star of empire takes"), said with their article
(essay/part_titles.py); bench/wholeness.py judges the corpus's titles from outside."""

from __future__ import annotations

import sys
from pathlib import Path

from deckmaker.essay.part_titles import titles

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from wholeness import fragment_title  # noqa: E402

PARTS = (
    ("Westward the star of empire takes its way. The star of empire rises over the empire.",),
    ("What the man acquires is living property. The man acquires it and property follows him.",),
    ("To such the State renders comparatively small service. The State, its service: small.",),
    ("It was a closer view of my native town. I walked the native town, and the town slept.",),
    ("Error handling matters. The error handling code is long, and error handling is everywhere.",),
    ("We mean the integrity of impression made by objects. Integrity and impression and objects.",),
)


def test_a_title_ends_where_its_noun_phrase_does() -> None:
    named = titles(PARTS, "en")
    assert named[0] == "The star of empire"  # not "Star of empire takes" (its way)
    assert named[1] == "The man"  # "what the man acquires | is": the verb comes last
    assert "renders" not in named[2]  # "the State renders | comparatively small service"
    essay = " ".join(p for part in PARTS for p in part)
    assert not [t for t in named if fragment_title(t, essay, "en")]


def test_a_title_keeps_its_article_and_says_the_for_a_possessive() -> None:
    assert titles(PARTS, "en")[3] == "The native town"  # "my native town"


def test_a_term_the_essay_repeats_is_kept_whole() -> None:
    assert titles(PARTS, "en")[4] == "The error handling code"


def test_an_irregular_participle_ends_the_noun_phrase_before_it() -> None:
    assert titles(PARTS, "en")[5] == "The integrity of impression"  # not "… impression made"


def test_the_judge_finds_the_fragments_deckmaker_once_made() -> None:
    essay = (
        "Westward the star of empire takes its way. Any man more right than his neighbors "
        "constitutes a majority of one. The heavens appear higher, and the stars brighter. "
        "The Old Marlborough Road goes nowhere. At the eleventh hour of four o’clock I walked."
    )
    for fragment in ("Star of empire takes", "Neighbors constitutes", "Stars brighter"):
        assert fragment_title(fragment, essay, "en"), fragment
    for whole in (
        "The star of empire",
        "The Old Marlborough Road",
        "Eleventh hour of four o’clock",
    ):
        assert not fragment_title(whole, essay, "en"), whole
