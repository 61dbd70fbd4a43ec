"""The voice bench's detectors catch what they count: a planted fault for each."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import voice  # noqa: E402

from deckmaker.outline import Outline, Segment  # noqa: E402
from deckmaker.planning import Kind, Layout, Part, Plan, SlidePlan  # noqa: E402


def plan(*paragraphs: str, language: str = "en") -> Plan:
    slide = SlidePlan(1, Kind.SECTION, Layout.CONTENT, "T", 40, spoken=paragraphs)
    return Plan("T", None, None, 150, (Part("T", Kind.SECTION, (slide,), "T"),), language=language)


AUTHOR = Outline("T", (Segment("T", script="We met Mia Dolan in Los Angeles. See you next week!"),))
GOOD = plan("We met Mia Dolan in Los Angeles. See you next week!", "Now for the ending.")


def test_a_clean_talk_counts_nothing() -> None:
    m = voice.measure(GOOD, AUTHOR)
    assert (m["english"], m["labels"], m["colons"], m["unbalanced"], m["lowered"]) == (0,) * 5
    assert m["goodbyes"] == 1


def test_each_planted_fault_is_counted() -> None:
    assert voice.measure(plan("Hoy vemos the ending and the rest."), AUTHOR)["english"] == 0
    spanish = plan("Hoy vemos the ending and the rest.", language="es")
    assert voice.measure(spanish, AUTHOR)["english"] == 1
    bye = plan("See you next week!", "That's it for today, guys! Thanks for watching.")
    assert voice.measure(bye, AUTHOR)["goodbyes"] == 2
    assert voice.measure(plan("Let's start with step 1."), AUTHOR)["labels"] == 1
    assert voice.measure(plan("There's more: Sebastian: his club."), AUTHOR)["colons"] == 1
    assert voice.measure(plan("Y al final, ¿realidad o fantasía."), AUTHOR)["unbalanced"] == 1
    assert voice.measure(plan('He said "go.'), AUTHOR)["unbalanced"] == 1
    assert voice.measure(plan("We loved mia dolan here."), AUTHOR)["lowered"] == 1
    same = plan("Next up, apples. Next up, pears. Next up, plums. Then figs.")
    assert voice.measure(same, AUTHOR)["opener"] == 0.75


def test_the_authors_own_words_are_not_counted_as_ours() -> None:
    author = Outline(
        "T", (Segment("T", script="Then “man is his own star. We met Josh Triplett."),)
    )
    # an unclosed quote of the author's is theirs; a colon inside a quotation is the quoted one's
    assert voice.measure(plan("Then “man is his own star."), author)["unbalanced"] == 0
    quoted = plan('As Kat put it, "the rule: one colon: here."')
    assert voice.measure(quoted, author)["colons"] == 0
    assert voice.measure(plan("Next steps: shrink clean::Item."), author)["colons"] == 0
    # a name's capital lowered anywhere in it counts; a name the author writes lower-case is none
    assert voice.measure(plan("And finally, josh Triplett."), author)["lowered"] == 1
    plain = Outline("T", (Segment("T", script="We met Imposter Syndrome. imposter syndrome is."),))
    assert voice.measure(plan("Then, imposter syndrome."), plain)["lowered"] == 0


def test_a_cue_is_no_opener() -> None:
    cued = plan("[PAUSE] Next up, apples. [PAUSE] Now, pears. [PAUSE] Then, plums. So, figs.")
    assert voice.measure(cued, AUTHOR)["opener"] == 0.25
    alone = plan("[PAUSE]", "[CLICK]", "Next up, apples. Now, pears.")  # a cue said alone
    assert voice.measure(alone, AUTHOR)["opener"] == 0.5
    assert voice.measure(alone, AUTHOR)["generated"] == 2


def test_the_examples_dialogue_is_shared_between_its_hosts() -> None:
    """Both hosts carry the example's dialogue: the co-host says 30 to 50 % of the words, no
    host speaks alone for more than about a minute and a half, and the co-host never says the
    author's "I"; the first-person detector catches a planted one, and leaves quotations be."""
    said = voice.dialogue(ROOT / "outlines" / "la-la-land.yaml", "Sam,Alex")
    assert 0.3 <= said.share <= 0.5 and said.stretch <= 90 and said.author == 0
    assert said.bare <= 0.2 and said.asked >= 1
    assert voice.FIRST_PERSON.search("Here I'd argue it is brilliant.")
    assert voice.FIRST_PERSON.search("Creo que mi final es otro.")
    assert not voice.FIRST_PERSON.search(voice.QUOTED.sub("", 'As Mia put it, "I dream."'))


ESSAYS = sorted(
    p for p in (ROOT / "bench" / "corpus").iterdir() if p.suffix in (".txt", ".md")
    if p.name != "SOURCES.md"
)  # fmt: skip


@pytest.mark.parametrize("essay", ESSAYS, ids=[p.name for p in ESSAYS])
def test_every_essays_dialogue_is_shared_between_its_hosts(essay: Path) -> None:
    """The essays too, first-person ones (Walking, Self-Reliance) and short ones (crates.io's
    update, Go at OSCON, where the host far ahead gives way after a few seconds) alike: the
    co-host says 30 to 50 % of the words and no host speaks alone for more than about a minute
    and a half (a long quotation is broken between its sentences), without the author's "I"."""
    said = voice.dialogue(essay, "Sam,Alex")
    assert 0.3 <= said.share <= 0.5 and said.stretch <= 91 and said.author == 0, said
