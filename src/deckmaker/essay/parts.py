"""An essay without headings, cut into parts where its topic shifts, each titled from its own
words. Never refused: a long essay with no headings is the commonest essay there is.

The cut is TextTiling's (Hearst 1997) at paragraph granularity, over the content stems the key
points already use: at each gap between paragraphs, compare the words of the paragraphs just
before with those just after (cosine of stem counts, windows of about WINDOW_WORDS words); a
gap is a good place to cut by its *depth*, how far the similarity there dips below the peaks on
either side. Among the ways to cut the essay into parts of MIN..MAX minutes at the talk's pace,
the chosen one has the deepest gaps, with a cost for parts far from the TARGET length (dynamic
programming over the gaps: the same essay always gives the same parts).

A part's title is the noun phrase of its own sentences that best names what sets it apart
(part_titles.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from deckmaker.essay.document import Passage
from deckmaker.essay.part_titles import titles
from deckmaker.words import content_stems

MIN_MINUTES, TARGET_MINUTES, MAX_MINUTES = 2.0, 4.0, 6.0
FEWEST_PARTS = 3
WINDOW_WORDS = 250  # each side of a gap: about a long paragraph or two short ones


def split_parts(passage: Passage, language: str, wpm: int) -> tuple[Passage, ...]:
    """The passage cut into titled parts; one part when it is too short to cut."""
    paragraphs = passage.paragraphs
    lengths = [len(p.split()) for p in paragraphs]
    total = sum(lengths)
    # as many parts of about the target length as fit, and three once three parts of the
    # shortest length fit: a talk of 6 minutes or more has a beginning, a middle and an end
    count = max(1, round(total / (TARGET_MINUTES * wpm)))
    count = max(count, min(FEWEST_PARTS, int(total // (MIN_MINUTES * wpm))))
    if count == 1 or len(paragraphs) < 2:
        cuts: list[int] = []
    else:
        stems = [Counter(content_stems(p, language)) for p in paragraphs]
        cuts = _cuts(lengths, _depths(stems, lengths), total / count, wpm)
    bounds = [0, *cuts, len(paragraphs)]
    spans = list(zip(bounds, bounds[1:], strict=False))
    texts = [paragraphs[a:b] for a, b in spans]
    named = titles(texts, language)
    parts = []
    for (a, b), title, text in zip(spans, named, texts, strict=True):
        # what is shown between two parts goes with the part before, whose words lead into it
        # ("Client code looks like this:"), not with the next part's opening
        shown = tuple(
            replace(s, after=s.after - a)
            for s in passage.shown
            if a < s.after <= b or s.after == a == 0
        )
        parts.append(
            Passage(
                title,
                passage.line,
                text,
                shown=shown,
                notes=passage.notes if a == 0 else (),
                show_notes=passage.show_notes if a == 0 else (),
                picture=passage.picture if a == 0 else None,
            )
        )
    return tuple(parts)


def _depths(stems: Sequence[Counter[str]], lengths: Sequence[int]) -> list[float]:
    """The depth score of each gap (gap i lies before paragraph i, for i in 1..n-1)."""
    n = len(stems)
    similarity = [0.0] * n
    for gap in range(1, n):
        similarity[gap] = _cosine(_window(stems, lengths, gap, -1), _window(stems, lengths, gap, 1))
    depths = [0.0] * n
    for gap in range(1, n):
        left = max(similarity[g] for g in range(max(1, gap - 3), gap + 1))
        right = max(similarity[g] for g in range(gap, min(n, gap + 4)))
        depths[gap] = (left - similarity[gap]) + (right - similarity[gap])
    return depths


def _window(
    stems: Sequence[Counter[str]], lengths: Sequence[int], gap: int, step: int
) -> Counter[str]:
    counts: Counter[str] = Counter()
    size = 0
    i = gap - 1 if step < 0 else gap
    while 0 <= i < len(stems) and (size < WINDOW_WORDS or not counts):
        counts.update(stems[i])
        size += lengths[i]
        i += step
    return counts


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _cuts(lengths: Sequence[int], depths: Sequence[float], target: float, wpm: int) -> list[int]:
    """Where to cut: the gaps before the paragraphs that open a part, deepest gaps preferred,
    parts kept near the `target` length (words)."""
    n = len(lengths)
    low, high = MIN_MINUTES * wpm, MAX_MINUTES * wpm
    before = [0]
    for length in lengths:
        before.append(before[-1] + length)
    best: list[tuple[float, int]] = [(0.0, -1)] + [(-math.inf, -1)] * n
    for end in range(1, n + 1):
        for start in range(end):
            if best[start][0] == -math.inf:
                continue
            size = before[end] - before[start]
            off = (size - target) / target
            outside = (size < low and end < n) or size > high
            cost = off * off + (4.0 if outside else 0.0)
            score = best[start][0] + (depths[end] if end < n else 0.0) - cost
            if score > best[end][0] + 1e-12:
                best[end] = (score, start)
    cuts, end = [], n
    while end > 0:
        start = best[end][1]
        if start > 0:
            cuts.append(start)
        end = start
    return sorted(cuts)
