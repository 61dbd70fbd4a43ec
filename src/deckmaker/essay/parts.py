"""An essay without headings, cut into parts where its topic shifts, each titled from its own
words. Never refused: a long essay with no headings is the commonest essay there is.

The cut is TextTiling's (Hearst 1997) at paragraph granularity, over the content stems the key
points already use: at each gap between paragraphs, compare the words of the paragraphs just
before with those just after (cosine of stem counts, windows of about WINDOW_WORDS words); a
gap is a good place to cut by its *depth*, how far the similarity there dips below the peaks on
either side. Among the ways to cut the essay into parts of MIN..MAX minutes at the talk's pace,
the chosen one has the deepest gaps, with a cost for parts far from the TARGET length (dynamic
programming over the gaps: the same essay always gives the same parts).

A part's title is the phrase of its own sentences that best names what sets it apart: runs of
content words (with an "of" inside, "the conduct of life") scored by how much more often their
stems occur in this part than in the rest, up to TITLE_WORDS words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from deckmaker.essay.document import Passage
from deckmaker.words import STOPWORDS, content_stems, split_sentences, word_set, words

MIN_MINUTES, TARGET_MINUTES, MAX_MINUTES = 2.0, 4.0, 6.0
FEWEST_PARTS = 3
WINDOW_WORDS = 250  # each side of a gap: about a long paragraph or two short ones
TITLE_WORDS = 6
_LINKS = {"en": frozenset({"of"}), "es": frozenset({"de", "del"})}
_ARTICLES = {"en": frozenset({"the"}), "es": frozenset({"el", "la", "los", "las"})}
# A run of words right after one of these is a noun phrase far more often than not: "the
# white man", "our reliance on property", "la política de reemplazo".
_DETERMINERS = {
    "en": word_set("the a an this that these those his her its our their my your every"),
    "es": word_set(
        "el la los las un una unos unas este esta estos estas su sus nuestro nuestra mi mis tu "
        "tus cada"
    ),
}
_HEAD_WORDS = 3  # words of a noun phrase before its "of"
# Words that end a noun phrase though no stop word list has them: modals, and prepositions.
_MODALS = frozenset(
    [
        "must",
        "shall",
        "will",
        "may",
        "might",
        "can",
        "cannot",
        "could",
        "would",
        "should",
        "did",
        "does",
        "do",
        "has",
        "have",
        "had",
        "let",
        "toward",
        "towards",
        "upon",
        "within",
        "without",
        "among",
        "amongst",
        "thus",
        "unto",
        "whether",
        "hence",
    ]
)
# Words a title never ends on, beyond the stop words: they promise more than the title gives.
_WEAK = {
    "en": frozenset(
        [
            "one",
            "ones",
            "thing",
            "things",
            "way",
            "ways",
            "much",
            "many",
            "every",
            "new",
            "good",
            "great",
        ]
    ),
    "es": frozenset(["cosa", "cosas", "forma", "manera", "mucho", "muchos", "nuevo", "nueva"]),
}
_CONTRACTIONS = ("'d", "'re", "'ve", "'ll", "'m", "n't")
_BREAK = re.compile(r"[,;:.!?()\[\]“”\"«»—–…]|\s-\s")


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
    titles = _titles(texts, language)
    parts = []
    for (a, b), title, text in zip(spans, titles, texts, strict=True):
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


def _titles(parts: Sequence[tuple[str, ...]], language: str) -> list[str]:
    """A short phrase from each part's own sentences, no two the same."""
    stems_per_part = [Counter(content_stems(" ".join(p), language)) for p in parts]
    spread = Counter(s for counts in stems_per_part for s in counts)
    titles: list[str] = []
    for number, (paragraphs, counts) in enumerate(zip(parts, stems_per_part, strict=True), 1):
        weight = {s: c * math.log(1 + len(parts) / spread[s]) for s, c in counts.items() if c > 1}
        taken = {t.lower() for t in titles}
        ranked = sorted(
            _phrases(paragraphs, language),
            key=lambda phrase: (-_score(phrase, weight, language), phrase.lower()),
        )
        title = next((p for p in ranked if p.lower() not in taken), None)
        titles.append(_capitalised(title) if title else f"Part {number}")
    return titles


def _phrases(paragraphs: tuple[str, ...], language: str) -> set[str]:
    """Noun phrases of the sentences as written: runs of content words right after a determiner
    ("the conduct of life"), joined by "of" at most once."""
    stop, determiners = STOPWORDS[language], _DETERMINERS[language]
    found: set[str] = set()
    for sentence in split_sentences(paragraphs, language):
        for clause in _BREAK.split(sentence.text):
            run: list[str] | None = None  # None: not after a determiner
            for word in [*words(clause), ""]:
                lowered = word.lower().replace("’", "'")
                contracted = lowered.endswith(_CONTRACTIONS)  # "they'd", "we've": a clause
                if run is not None and word and lowered not in _MODALS and not contracted:
                    if (
                        lowered in _LINKS[language]
                        and run
                        and _LINKS[language].isdisjoint(w.lower() for w in run)
                    ):
                        run.append(word)
                        continue
                    if lowered not in stop:
                        run.append(word)
                        continue
                    if (
                        lowered in _ARTICLES[language]
                        and run
                        and run[-1].lower() in _LINKS[language]
                    ):
                        run.append(word)  # "the sour faces of the multitude"
                        continue
                if run:
                    found.update(_trimmed(run, language))
                run = [] if lowered in determiners else None
    return found


def _trimmed(run: list[str], language: str) -> list[str]:
    """The phrase a run of words gives: no article or "of" at its ends, no lone "of" twice, no
    more than TITLE_WORDS words, never a weak last word; none when nothing is left."""
    links, articles = _LINKS[language], _ARTICLES[language]
    while run and run[-1].lower() in links | articles | _WEAK[language]:
        run = run[:-1]
    while run and run[0].lower() in links:
        run = run[1:]
    if not run or sum(w.lower() in links for w in run) > 1 or len(run) > TITLE_WORDS:
        return []
    head = next((i for i, w in enumerate(run) if w.lower() in links), len(run))
    tail = [w for w in run[head + 1 :] if w.lower() not in articles]
    if head > _HEAD_WORDS or len(tail) > _HEAD_WORDS:
        return []
    if run[0].lower() in articles and len(run) == 1:
        return []
    if any(w.isdigit() for w in run):
        return []
    return [" ".join(run)]


def _score(phrase: str, weight: dict[str, float], language: str) -> float:
    stems = content_stems(phrase, language)
    if not stems:
        return 0.0
    gained = sum(weight.get(s, 0.0) for s in dict.fromkeys(stems))
    # two to four words name a topic best; one word is often too vague, six too long
    shape = {1: 0.8, 2: 1.0, 3: 1.0, 4: 0.9}.get(len(phrase.split()), 0.7)
    return gained * shape


def _capitalised(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]
