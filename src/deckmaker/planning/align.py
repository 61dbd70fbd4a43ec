"""Where each point is said: the sentence of a segment's script that says it, as data.

Imported points carry their sentence (`said:`, the opening words of the sentence they came
from). A hand-written point is matched by content-word overlap with stemming, each word weighed
by how rare it is in the segment's script: the share of the point's content stems (essay/
words.py's stop words left out, snowball stems), weighted by their inverse sentence frequency,
that a sentence says. A word the script says in every other sentence ("shows", "film") tells
little about where the point is said; one it says once ("contrast") tells a lot. Two stems that
differ only in their ending ("marri", "marriag") count half. A sentence must say MATCH of the
weight, and two words, to count; below that the point is unaligned (None). Points are said in
the order they are shown, so the matches are chosen together, in order along the script (a
small dynamic programme that maximises the summed share), and a point never goes back to an
earlier sentence than the point before it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from deckmaker.sentences import split
from deckmaker.words import content_stems, detect_language, words

# A sentence says a point when it says this share of the weight of the point's content stems,
# and two of them at least (or all, for a point of one content word).
MATCH = 0.3
# An anchored (imported) point outweighs any number of overlaps: it is where the author said.
_ANCHORED = 1000.0
# Stems that share this many letters and differ only after them meet halfway ("marri" and
# "marriag"); shorter ones ("art", "artist") are too often different words.
ENDING_PREFIX = 5
# How an adverb of manner ends, by language.
_ADVERB = {"en": "ly", "es": "mente"}


@dataclass(frozen=True)
class Similarity:
    """How a point is compared with a sentence: `rarity` weighs each word by its inverse
    sentence frequency in the script (else every word weighs one); `endings` lets stems that
    differ only in their ending count half (else only equal stems count); `match` is the
    share of a point's stems a sentence must say."""

    rarity: bool = True
    endings: bool = True
    match: float = MATCH


SIMILARITY = Similarity()


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # which paragraph of what is said it belongs to


def sentences(paragraphs: Sequence[str]) -> tuple[Sentence, ...]:
    """Every sentence of the paragraphs, in order, split as the importer splits them (in any
    language deckmaker knows: a talk's is not known here)."""
    return tuple(Sentence(s, i) for i, p in enumerate(paragraphs) for s in split(p))


def paragraphs(said: Sequence[Sentence]) -> tuple[str, ...]:
    """Sentences back into their paragraphs."""
    out: dict[int, list[str]] = {}
    for s in said:
        out.setdefault(s.paragraph, []).append(s.text)
    return tuple(" ".join(p) for p in out.values())


def anchored(said: str, script: Sequence[Sentence]) -> int | None:
    """The sentence that opens with `said` (else the first that holds it)."""
    words = " ".join(said.split())
    for test in (str.startswith, str.__contains__):
        for i, s in enumerate(script):
            if test(s.text, words):
                return i
    return None


def align(
    texts: Sequence[str],
    script: Sequence[Sentence],
    anchors: Sequence[int | None] = (),
    language: str | None = None,
    similarity: Similarity = SIMILARITY,
) -> tuple[int | None, ...]:
    """For each text (a point, in the order shown), the index of the sentence that says it, or
    None. `anchors` fixes a text's sentence where it is known (an imported point's `said:`)."""
    if not texts:
        return ()
    said = tuple(s.text for s in script)
    lang = language or detect_language(" ".join(said))
    weigh, index = _indexed(said, lang, similarity.rarity, similarity.endings)
    fixed = [*anchors, *[None] * (len(texts) - len(anchors))]
    n = len(script)
    # best[j]: the best (score, -sum of indices, choices) so far with the last match at or
    # before sentence j; earlier sentences win ties, so a point is shown when first said.
    empty: tuple[float, int, tuple[int | None, ...]] = (0.0, 0, ())
    best = [empty] * n
    if n == 0:
        return (None,) * len(texts)
    for text, anchor in zip(texts, fixed, strict=True):
        wanted = _weighed(_wanted(text, lang), weigh)
        scores = index.scores(wanted, n, similarity.match) if anchor is None else None
        skipped = [(v, t, (*c, None)) for v, t, c in best]
        exact = []
        for j in range(n):
            score = (_ANCHORED if j == anchor else 0.0) if scores is None else scores[j]
            v, t, c = best[j]
            exact.append((v + score, t - j, (*c, j)) if score else None)
        running = None
        new = []
        for j in range(n):
            here = exact[j]
            if here is not None and (running is None or here[:2] > running[:2]):
                running = here
            pick = skipped[j]
            if running is not None and running[:2] > pick[:2]:
                pick = running
            new.append(pick)
        best = new
    return best[-1][2]


@lru_cache(maxsize=64)
def _indexed(
    said: tuple[str, ...], language: str, rarity: bool, endings: bool
) -> tuple[dict[str, float], _Index]:
    """A script's stem weights and index, made once for the several alignments a segment's
    script goes through (its points, then each column item and each slide's bullets)."""
    stems = [set(content_stems(text, language)) for text in said]
    return _weights(stems, rarity), _Index(stems, endings)


def _weights(stems: Sequence[set[str]], rarity: bool) -> dict[str, float]:
    """Each stem's inverse sentence frequency in the script, smoothed as scikit-learn's is
    (ln((1 + n) / (1 + df)) + 1: a word in every sentence still weighs one). Without `rarity`,
    an empty map: every stem weighs one."""
    if not rarity:
        return {}
    df = Counter(stem for s in stems for stem in s)
    n = len(stems)
    return {stem: math.log((1 + n) / (1 + count)) + 1 for stem, count in df.items()}


def _wanted(text: str, language: str) -> dict[str, float]:
    """The content stems of a point, each with its own weight: an adverb of manner (English
    "-ly", Spanish "-mente": "exactly", "simplemente") weighs half, as it colours what a
    sentence says rather than names what it is about."""
    out: dict[str, float] = {}
    for word in words(text):
        for stem in content_stems(word, language):
            lowered = word.lower()
            adverb = len(lowered) > 5 and lowered.endswith(_ADVERB[language])
            out[stem] = max(out.get(stem, 0.0), 0.5 if adverb else 1.0)
    return out


def _weighed(wanted: dict[str, float], weigh: dict[str, float]) -> dict[str, float]:
    """Each stem of a point with the weight it carries: its rarity in the script times its own
    weight; every stem weighs one without rarity. A stem the script never says tells no
    sentence from another: it weighs the least."""
    if not weigh:
        return dict.fromkeys(wanted, 1.0)
    return {stem: weigh.get(stem, 1.0) * own for stem, own in wanted.items()}


class _Index:
    """Which sentences say each stem, and the stems in order, so that the stems that grow from
    a beginning of ENDING_PREFIX letters or more are found by bisection: a point's stems are
    looked up, not compared with every stem of every sentence."""

    def __init__(self, stems: Sequence[set[str]], endings: bool) -> None:
        self.endings = endings
        self.said: dict[str, set[int]] = {}
        for j, found in enumerate(stems):
            for stem in found:
                self.said.setdefault(stem, set()).add(j)
        self.ordered = sorted(self.said)

    def grown(self, stem: str) -> set[int]:
        """The sentences that say a stem beginning with `stem` (itself included)."""
        out: set[int] = set()
        i = bisect_left(self.ordered, stem)
        while i < len(self.ordered) and self.ordered[i].startswith(stem):
            out |= self.said[self.ordered[i]]
            i += 1
        return out

    def scores(self, wanted: dict[str, float], n: int, match: float) -> list[float]:
        """For each of the n sentences, the weighted share of `wanted` it says; 0 when it says
        less than `match` of the stems, or fewer than two of them, counted plainly (so weighing
        ranks sentences, and never makes a point say more or less than its words). A stem that
        differs only in its ending ("marri", "marriag") counts half."""
        got, count = [0.0] * n, [0.0] * n
        for stem, weight in wanted.items():
            exact = self.said.get(stem, set())
            for j in exact:
                got[j] += weight
                count[j] += 1
            if not self.endings:
                continue
            near = self.grown(stem) if len(stem) >= ENDING_PREFIX else set()
            for k in range(ENDING_PREFIX, len(stem)):
                near |= self.said.get(stem[:k], set())
            for j in near - exact:
                got[j] += weight / 2
                count[j] += 0.5
        total = sum(wanted.values())
        out = [0.0] * n
        if not wanted:
            return out
        for j in range(n):
            share = count[j] / len(wanted)
            if share >= match and (count[j] >= 2 or share == 1):
                out[j] = got[j] / total
        return out


def filled(found: Sequence[int | None], first: int = 0) -> tuple[int, ...]:
    """Unaligned texts said with the one before them (the first ones at `first`)."""
    out, last = [], first
    for f in found:
        last = max(last, f) if f is not None else last
        out.append(last)
    return tuple(out)
