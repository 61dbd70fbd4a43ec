"""Pause beats hold a short slide up 5 s, one beat at a time: never two back to back, within a
slide or across a cue (planning/pauses.py)."""

from __future__ import annotations

from collections.abc import Sequence

from deckmaker.planning.align import Sentence
from deckmaker.planning.model import Kind, Layout, SlidePlan
from deckmaker.planning.pauses import held

WPM = 150


def _seconds(said: Sequence[Sentence]) -> float:
    return sum(len(s.text.replace("[PAUSE]", " ").split()) for s in said) * 60 / WPM


def _slide(number: int, *spoken: str) -> SlidePlan:
    return SlidePlan(number, Kind.SECTION, Layout.CONTENT, f"S{number}", 40, spoken=spoken)


def test_a_short_line_gets_one_beat_before_it_and_one_after() -> None:
    (divider,) = held([_slide(1, "Let's start with the error value.")], _seconds)
    assert divider.spoken == ("[PAUSE] Let's start with the error value. [PAUSE]",)


def test_a_slide_said_long_enough_is_left_alone() -> None:
    words = " ".join(["word"] * 20) + "."
    assert held([_slide(1, words)], _seconds) == [_slide(1, words)]


def test_beats_beyond_the_ends_go_between_sentences() -> None:
    (slide,) = held([_slide(1, "Yes.", "No.")], lambda said: 0.0)  # said in no time: 3 beats
    assert slide.spoken == ("[PAUSE] Yes.", "[PAUSE] No. [PAUSE]")


def test_two_short_slides_in_a_row_never_pause_twice_across_the_cue() -> None:
    first, second = held(
        [_slide(1, "On to the next part."), _slide(2, "Here it is, in eight words, right now.")],
        _seconds,
    )
    assert first.spoken == ("[PAUSE] On to the next part. [PAUSE]",)
    assert second.spoken == ("Here it is, in eight words, right now. [PAUSE]",)
