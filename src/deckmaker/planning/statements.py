"""The host's own sentences shown as statements, kept few and never repeated.

A statement fills a stretch of talk with nothing else to show. Shown too often the deck becomes
the script read off the screen, so quotes and statements together stay under a third of the
deck's slides; within that, the statements over the longest stretches are kept (a slide up
longest is where the audience most needs something new). No sentence is shown twice, nor one
whose content words are for the most part those of a statement already shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deckmaker.planning.model import Layout, Plan
from deckmaker.words import content_stems, detect_language

SHARE = 1 / 3  # quotes and statements together stay under this share of the deck's slides
NEAR = 0.5  # two statements sharing this share of their content words say the same thing


@dataclass
class Statements:
    """The statements of one planning pass: which stretches may have one (`allowed`: their
    numbers in the order they come up; None: any), those shown, and how long each stretch is."""

    allowed: frozenset[int] | None = None
    count: int = 0  # stretches seen so far
    lengths: dict[int, float] = field(default_factory=dict)  # seconds, by stretch shown
    texts: list[str] = field(default_factory=list)
    stems: list[frozenset[str]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # the stretches that show one

    def candidate(self, seconds: float) -> int:
        """Number the next stretch that could show a statement, `seconds` long."""
        self.count += 1
        self.lengths[self.count] = seconds
        return self.count

    def allows(self, number: int) -> bool:
        return self.allowed is None or number in self.allowed

    def repeats(self, text: str) -> bool:
        """Whether `text` is, or is close to, a statement shown already."""
        if text in self.texts:
            return True
        mine = _stems(text)
        return any(_overlap(mine, theirs) >= NEAR for theirs in self.stems)

    def reserve(self, text: str) -> None:
        """Keep `text` itself from being a statement: another slide shows it (the closing
        slide). Sentences near it may still be."""
        self.texts.append(text)

    def shown(self, number: int, text: str) -> None:
        self.texts.append(text)
        self.stems.append(_stems(text))
        self.numbers.append(number)

    def budget(self, plan: Plan) -> frozenset[int] | None:
        """The stretches that may keep their statements when `plan` has too many (None when it
        has not): as many as keep quotes and statements under SHARE of the slides, those over
        the longest stretches first."""
        slides = plan.slides
        stated = len(self.numbers)
        # quotes, and points set large as statements (a lone point on a later page), stay
        quotes = sum(1 for s in slides if s.layout in (Layout.QUOTE, Layout.STATEMENT)) - stated
        if quotes + stated < SHARE * len(slides):
            return None
        others = len(slides) - quotes - stated  # slides that stay, whatever is dropped
        keep = 0
        while keep < stated and quotes + keep + 1 < SHARE * (others + quotes + keep + 1):
            keep += 1
        longest = sorted(self.numbers, key=lambda n: (-self.lengths[n], n))[:keep]
        return frozenset(longest)


def _stems(text: str) -> frozenset[str]:
    return frozenset(content_stems(text, detect_language(text)))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The content words two sentences share, as a share of all the words either holds."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
