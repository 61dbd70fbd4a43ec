"""Where each point is said: the sentence of a segment's script that says it, as data.

Imported points carry their sentence (`said:`, the opening words of the sentence they came
from). A hand-written point is matched by content-word overlap with stemming: the share of the
point's content stems (essay/language.py's stop words left out, snowball stems) that a sentence
says. A sentence must say MATCH of them, and two, to count; below that the point is unaligned
(None). Points are said in the order they are shown, so the matches are chosen together, in
order along the script (a small dynamic programme that maximises the summed overlap), and a
point never goes back to an earlier sentence than the point before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deckmaker.essay.language import content_stems, detect_language

# A sentence says a point when it says this share of the point's content stems, and two of them
# at least (or all, for a point of one content word).
MATCH = 0.4
# An anchored (imported) point outweighs any number of overlaps: it is where the author said.
_ANCHORED = 1000.0
# A sentence ends at . ! ? or … (perhaps inside a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…]['\"’”)\]])\s+")


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int  # which paragraph of what is said it belongs to


def sentences(paragraphs: Sequence[str]) -> tuple[Sentence, ...]:
    """Every sentence of the paragraphs, in order."""
    return tuple(
        Sentence(s, i) for i, p in enumerate(paragraphs) for s in _SENTENCE_END.split(p) if s
    )


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
) -> tuple[int | None, ...]:
    """For each text (a point, in the order shown), the index of the sentence that says it, or
    None. `anchors` fixes a text's sentence where it is known (an imported point's `said:`)."""
    if not texts:
        return ()
    lang = language or detect_language(" ".join(s.text for s in script))
    stems = [set(content_stems(s.text, lang)) for s in script]
    fixed = [*anchors, *[None] * (len(texts) - len(anchors))]
    n = len(script)
    # best[j]: the best (score, -sum of indices, choices) so far with the last match at or
    # before sentence j; earlier sentences win ties, so a point is shown when first said.
    empty: tuple[float, int, tuple[int | None, ...]] = (0.0, 0, ())
    best = [empty] * n
    if n == 0:
        return (None,) * len(texts)
    for text, anchor in zip(texts, fixed, strict=True):
        wanted = set(content_stems(text, lang))
        skipped = [(v, t, (*c, None)) for v, t, c in best]
        exact = []
        for j in range(n):
            if anchor is not None:
                score = _ANCHORED if j == anchor else 0.0
            else:
                shared = len(wanted & stems[j])
                share = shared / len(wanted) if wanted else 0.0
                score = share if share >= MATCH and (shared >= 2 or share == 1) else 0.0
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


def filled(found: Sequence[int | None], first: int = 0) -> tuple[int, ...]:
    """Unaligned texts said with the one before them (the first ones at `first`)."""
    out, last = [], first
    for f in found:
        last = max(last, f) if f is not None else last
        out.append(last)
    return tuple(out)
