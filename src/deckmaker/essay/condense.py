"""An essay condensed to a length: the author's own paragraphs and sentences, chosen, in order.

Extractive and deterministic. Each part of the essay gets a share of the words wanted in
proportion to its own length. It keeps first its key unit (its best whole paragraph or single
sentence, even a little over its share), then, in what is left of the shares, the best of its
other paragraphs and sentences that fit; what is left of the whole is filled with the best
sentences anywhere. How good a sentence is: how close its content stems come to its part's (a
centroid, TF-IDF over the parts, as in Radev's MEAD: linear in the essay's length, where
TextRank's graph is quadratic); plus one for opening its paragraph (the topic sentence) and one
for opening its part or a subsection of it (the author's `###` heading), unless it leans on the
sentence before (a quotation, a "But…" goes on from what came before; it opens nothing); plus
up to one for coming early in its part or subsection (essays state a claim first, then argue
it). Units are ranked by that score over their words
per sentence to the power 0.3 (as in Lin and Bilmes' budgeted summaries: a long sentence must
earn its cost, but not so much that only fragments win); a whole paragraph counts a little
better than its sentences' mean, so that it is preferred. A sentence that says again what a
kept one says (half its content stems shared) is left out. The opening hook and the closing
thought are kept first. bench/condense.py chose these weights on the long essays of
bench/corpus against hand-written reference points and a lead baseline (each part's first
sentences, as many words), checked on the shorter corpus essays' own points: centrality alone,
or whole paragraphs first, kept fewer of the points than the lead; the position terms, the
cost and the key unit first kept more, at every budget tried (±7 % around each target).

Coherence rules, whatever the scores say (the words they look for: `deckmaker.essay.anaphora`):
- a sentence that opens on a word pointing back ("This", "But", "He", "However", "Now"; "Esto",
  "Pero", "Sin embargo"), names someone among its first six words ("I saw their park") or goes
  on with a ", then," is kept only with the sentence before it, which is kept with it when
  there is room, else the sentence goes too;
- a prelude (a dateline or an epigraph before the first paragraph of prose) is never kept;
- a sentence that points further back ("as I said above", "como dije") only when everything
  before it in its part is kept;
- quotations are never cut inside: the splitter keeps a quotation whole as one sentence;
- code, tables and quoted blocks stay only with the sentence that introduces them.

A target longer than the prose changes nothing: the essay is never padded.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckmaker.essay.anaphora import (
    FRAGMENT,
    SHORTEST,
    is_provenance,
    points_at_a_thing,
    points_back,
)
from deckmaker.essay.document import Passage
from deckmaker.essay.speech import speakable
from deckmaker.grammar import has_finite_verb
from deckmaker.sentences import spans
from deckmaker.words import content_stems

PROSE = 40  # words: a paragraph this long is the essay's prose, not a line before it


@dataclass(frozen=True)
class Weights:
    """How sentences are chosen; bench/condense.py compares these choices."""

    centrality: float = 1.0  # closeness of its stems to its part's
    paragraph_start: float = 1.0  # opening its paragraph (where essays put the topic sentence)
    part_start: float = 1.0  # opening its part
    whole: float = 0.1  # a whole paragraph over its sentences' mean score
    early: float = 1.0  # how early in its part, 1 for its first sentence, 0 for its last
    cost: float = 0.3  # scores divided by words ** cost when ranked
    subsections: bool = True  # a subsection's start counts as a part's
    key: float = 1.5  # a part's best paragraph or sentence may run over its share by this
    # A sentence sharing more than this share of its content stems with one kept already says
    # the same again (a report's "Progress: …" lines): left out (Carbonell and Goldstein's MMR,
    # as a threshold).
    repeated: float = 0.5
    lead: bool = False  # the baseline: each part's first sentences, in order, nothing else


DEFAULT = Weights()
LEAD = Weights(lead=True)


@dataclass(frozen=True)
class Sentence:
    part: int
    paragraph: int  # in its part
    start: int  # where it starts in its paragraph's text
    end: int
    words: int  # as said
    back: bool  # opens pointing at the sentence before
    far_back: bool  # points further back
    ahead: bool  # ends introducing the sentence after it ("Ben Jonson exclaims—")
    statement: bool = True  # has a finite verb, and is no dateline: can open the talk
    score: float = 0.0
    stems: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Kept:
    """How much of one part was kept."""

    title: str | None
    kept: int  # words said
    words: int  # words the part had


@dataclass(frozen=True)
class Condensed:
    """The condensed parts, with each part's paragraphs not kept whole (as said, in full: put
    one back in place of its trimmed form, or between its neighbours)."""

    passages: tuple[Passage, ...]
    left_out: tuple[tuple[str, ...], ...]
    parts: tuple[Kept, ...]
    kept_sentences: frozenset[tuple[int, int, int]]  # (part, paragraph, start) of each kept

    @property
    def kept(self) -> int:
        return sum(p.kept for p in self.parts)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.parts)


def said_words(text: str) -> int:
    return len(speakable(text).split())


def sentences_of(passages: Sequence[Passage], language: str) -> list[Sentence]:
    """Every sentence of the parts, in order, judged for what it points back at."""
    found: list[Sentence] = []
    for p, passage in enumerate(passages):
        for n, paragraph in enumerate(passage.paragraphs):
            for a, b in spans(paragraph, language):
                text = paragraph[a:b]
                said = said_words(text)
                back, far, ahead = points_back(text, language)
                statement = has_finite_verb(speakable(text), language) and not is_provenance(
                    text, language
                )
                # a reply or a fragment ("Hardly one.", "Men at all?", "The Whigs of Maine!"),
                # or a short sentence pointing at a thing ("I see this blood flowing now."),
                # leans on the sentence before; the essay's first has nothing before it
                short = said < FRAGMENT and (not statement or points_at_a_thing(text, language))
                back = (back or said < SHORTEST or short) and bool(found)
                found.append(Sentence(p, n, a, b, said, back, far, ahead, statement))
    return found


def condense(
    passages: Sequence[Passage], language: str, wanted: int, weights: Weights = DEFAULT
) -> Condensed:
    """The parts cut down to about `wanted` words said (never padded up to it)."""
    found = sentences_of(passages, language)
    total = sum(s.words for s in found)
    if total <= wanted or not found:
        keep = set(range(len(found)))
    else:
        found = _scored(found, passages, language, weights)
        keep = _lead(found, passages, wanted) if weights.lead else _chosen(found, wanted, weights)
    return _built(passages, found, keep)


def _scored(
    found: list[Sentence], passages: Sequence[Passage], language: str, weights: Weights
) -> list[Sentence]:
    stems = [Counter(content_stems(speakable(_text(passages, s)), language)) for s in found]
    parts = len(passages)
    in_parts: dict[str, set[int]] = {}
    for s, bag in zip(found, stems, strict=True):
        for stem in bag:
            in_parts.setdefault(stem, set()).add(s.part)
    idf = {stem: math.log(1 + parts / len(where)) for stem, where in in_parts.items()}
    centroids: list[Counter[str]] = [Counter() for _ in passages]
    for s, bag in zip(found, stems, strict=True):
        centroids[s.part].update(bag)
    norms = [math.sqrt(sum((n * idf[w]) ** 2 for w, n in c.items())) or 1.0 for c in centroids]
    hook = _hook(found)
    # Where the author's subsections start (a Markdown ### under a ## part): each opens on its
    # own claim, as a part does.
    block: list[int] = []
    for i, s in enumerate(found):
        first = i == 0 or found[i - 1].part != s.part
        heads = weights.subsections and s.start == 0 and _opens_subsection(passages[s.part], s)
        block.append(block[-1] + 1 if block and (first or heads) else len(block) and block[-1])
    firsts: dict[int, int] = {}
    counts: Counter[int] = Counter()
    for i, b in enumerate(block):
        firsts.setdefault(b, i)
        counts[b] += 1
    scored = []
    for i, (s, bag) in enumerate(zip(found, stems, strict=True)):
        centroid = centroids[s.part]
        dot = sum(n * centroid[w] * idf[w] ** 2 for w, n in bag.items())
        length = math.sqrt(sum((n * idf[w]) ** 2 for w, n in bag.items())) or 1.0
        # a sentence leaning on the one before, or before the essay's hook (a dateline, an
        # epigraph), opens nothing
        opens = not s.back and i >= hook
        prelude = i < hook
        first_of_paragraph = s.start == 0 and opens
        first_of_block = firsts[block[i]] == i and opens
        at = (i - firsts[block[i]]) / max(1, counts[block[i]] - 1)
        score = (
            weights.centrality * dot / (length * norms[s.part])
            + weights.paragraph_start * first_of_paragraph
            + weights.part_start * first_of_block
            + weights.early * (1 - at) * (not prelude)
        )
        scored.append(replace(s, score=score, stems=frozenset(bag)))
    return scored


def _hook(found: list[Sentence]) -> int:
    """The essay's first sentence that opens a paragraph on a statement of its own. When the
    essay's first paragraph is no statement (a dateline, "From lectures delivered at…"; an
    epigraph in another tongue), what comes before the part's first long paragraph that opens
    on one is a prelude (a verse epigraph reads as a statement), and the hook opens that."""
    sizes: Counter[tuple[int, int]] = Counter()
    for s in found:
        sizes[(s.part, s.paragraph)] += s.words
    opens = [i for i, s in enumerate(found) if s.start == 0 and s.statement and not s.back]
    if found and not found[0].statement:
        part = found[0].part
        for i in opens:
            if found[i].part == part and sizes[(part, found[i].paragraph)] >= PROSE:
                return i
    return opens[0] if opens else 0


def _opens_subsection(passage: Passage, s: Sentence) -> bool:
    paragraph = passage.paragraphs[s.paragraph]
    return any(item.said == paragraph for item in passage.listed)


def _text(passages: Sequence[Passage], s: Sentence) -> str:
    return passages[s.part].paragraphs[s.paragraph][s.start : s.end]


def _lead(found: list[Sentence], passages: Sequence[Passage], wanted: int) -> set[int]:
    """The baseline: each part's first sentences up to its share of the words."""
    total = sum(s.words for s in found)
    keep: set[int] = set()
    for part in range(len(passages)):
        mine = [i for i, s in enumerate(found) if s.part == part]
        share = wanted * sum(found[i].words for i in mine) / total
        used = 0
        for i in mine:
            if used and used + found[i].words > share:
                break
            keep.add(i)
            used += found[i].words
    return keep


class _Choice:
    """Sentences being chosen, each with the ones it needs before it."""

    def __init__(self, found: list[Sentence], hook: int) -> None:
        self.found = found
        self.hook = hook  # what comes before it (a dateline, an epigraph) is never kept
        self.keep: set[int] = set()
        self.starts: dict[int, int] = {}  # part -> index of its first sentence
        for i, s in enumerate(found):
            self.starts.setdefault(s.part, i)

    def needed(self, chosen: Sequence[int]) -> list[int]:
        """`chosen` with every sentence they need before them, less those kept already; none
        when that reaches back before the essay's hook."""
        wanted = set(chosen)
        for i in sorted(chosen, reverse=True):
            j = i
            while self.found[j].back and j > 0 and j - 1 not in self.keep | wanted:
                wanted.add(j - 1)
                j -= 1
        for i in sorted(wanted):
            j = i
            while self.found[j].ahead and j + 1 < len(self.found):
                if j + 1 in self.keep or j + 1 in wanted:
                    break
                wanted.add(j + 1)
                j += 1
        for i in list(wanted):
            if self.found[i].far_back:
                wanted.update(range(self.starts[self.found[i].part], i))
        if min(wanted, default=self.hook) < self.hook:
            return []
        return sorted(wanted - self.keep)

    def cost(self, indices: Sequence[int]) -> int:
        return sum(self.found[i].words for i in indices)

    def take(self, indices: Sequence[int]) -> None:
        self.keep.update(indices)

    @property
    def used(self) -> int:
        return self.cost(sorted(self.keep))


def _chosen(found: list[Sentence], wanted: int, weights: Weights) -> set[int]:
    opener = _hook(found)
    choice = _Choice(found, opener)
    total = sum(s.words for s in found)
    paragraphs: dict[tuple[int, int], list[int]] = {}
    for i, s in enumerate(found):
        paragraphs.setdefault((s.part, s.paragraph), []).append(i)
    parts = sorted({s.part for s in found})
    shares = {p: wanted * sum(s.words for s in found if s.part == p) / total for p in parts}
    used = dict.fromkeys(parts, 0)

    def fits(part: int, extra: int, share: float) -> bool:
        return used[part] + extra <= share

    def take(part: int, indices: list[int]) -> None:
        choice.take(indices)
        for i in indices:
            used[found[i].part] += found[i].words

    # The hook and the closing thought: the first sentences of the essay's first paragraph that
    # opens on a statement (not a dateline, "From lectures delivered at…"); its last sentences,
    # from the last that leans on none before it.
    first = paragraphs[(found[opener].part, found[opener].paragraph)]
    closing = next(i for i in range(len(found) - 1, -1, -1) if not found[i].back or i == 0)
    for ends, most in ((first[:2], wanted / 4), (list(range(closing, len(found))), wanted / 3)):
        need = choice.needed(ends)
        if need and choice.cost(need) <= most:
            take(found[ends[0]].part, need)

    def said_before(indices: list[int]) -> bool:
        for i in indices:
            mine = found[i].stems
            if len(mine) >= 3 and any(
                len(mine & found[j].stems) > weights.repeated * len(mine) for j in choice.keep
            ):
                return True
        return False

    def mean(indices: list[int]) -> float:
        return sum(found[i].score for i in indices) / len(indices)

    def value(indices: list[int], bonus: float = 0.0) -> float:
        return (mean(indices) + bonus) / max(
            1.0, choice.cost(indices) / len(indices)
        ) ** weights.cost

    by_part: dict[int, list[tuple[int, int]]] = {p: [] for p in parts}
    for key in paragraphs:
        by_part[key[0]].append(key)
    # Each part's key paragraph or sentence first (a little over its share if need be), then,
    # in what is left of the shares, the best of its whole paragraphs (counted a little better
    # than their sentences' mean, to prefer them) and its single sentences, best first.
    units = {}
    for p in parts:
        mine = [(value(paragraphs[k], weights.whole), paragraphs[k]) for k in by_part[p]]
        mine += [(value([i]), [i]) for k in by_part[p] for i in paragraphs[k]]
        units[p] = sorted(mine, key=lambda u: (-u[0], u[1][0], -len(u[1])))
        for _, unit in units[p]:
            need = choice.needed(unit)
            if need and choice.cost(need) <= weights.key * shares[p] and not said_before(need):
                take(p, need)
                break
    room = {p: max(0.0, shares[p] - used[p]) for p in parts}
    over = sum(max(0.0, used[p] - shares[p]) for p in parts)
    free = sum(room.values())
    scale = max(0.0, 1 - over / free) if over and free else 1.0
    for p in parts:
        share = used[p] + room[p] * scale
        for _, unit in units[p]:
            need = choice.needed(unit)
            if need and fits(p, choice.cost(need), share) and not said_before(need):
                take(p, need)
        if not used[p]:  # too short a share for any: its key paragraph, or its key sentence
            for _, unit in units[p]:
                need = choice.needed(unit)
                if need and _short(choice.cost(need), shares[p]):
                    take(p, need)
                    break
    ranked = sorted(
        (i for i in range(len(found)) if i not in choice.keep), key=lambda i: (-value([i]), i)
    )
    for i in ranked:
        need = choice.needed([i])
        if need and choice.used + choice.cost(need) <= wanted and not said_before(need):
            take(found[i].part, need)
    return _coherent(found, choice.keep)


def _short(cost: int, share: float) -> bool:
    """Whether a part's one paragraph is short enough to stand for it though over its share."""
    return cost <= max(2 * share, 60)


def _coherent(found: list[Sentence], keep: set[int]) -> set[int]:
    """`keep` without any sentence whose antecedent is not kept (in order, so that a cut
    carries on to the sentences pointing at the one cut)."""
    kept = set(keep)
    starts: dict[int, int] = {}
    for i, s in enumerate(found):
        starts.setdefault(s.part, i)
    for i in sorted(kept):
        s = found[i]
        cut_before = s.back and i > 0 and i - 1 not in kept
        if cut_before or s.far_back and any(j not in kept for j in range(starts[s.part], i)):
            kept.discard(i)
    for i in sorted(kept, reverse=True):  # an introduction whose quotation went goes too
        if found[i].ahead and i + 1 < len(found) and i + 1 not in kept:
            kept.discard(i)
    return _coherent(found, kept) if kept != keep else kept


def dangling(found: Sequence[Sentence], keep: set[int]) -> list[int]:
    """The kept sentences whose antecedent was cut: each one opening on a word that points
    back, the sentence before it not kept (or pointing further back, something before it in
    its part not kept), or introducing a sentence after it that was not kept."""
    starts: dict[int, int] = {}
    for i, s in enumerate(found):
        starts.setdefault(s.part, i)
    return [
        i
        for i in sorted(keep)
        if found[i].back
        and i > 0
        and i - 1 not in keep
        or found[i].far_back
        and any(j not in keep for j in range(starts[found[i].part], i))
        or found[i].ahead
        and i + 1 < len(found)
        and i + 1 not in keep
    ]


def _built(passages: Sequence[Passage], found: list[Sentence], keep: set[int]) -> Condensed:
    kept_passages = []
    left_out = []
    parts = []
    for p, passage in enumerate(passages):
        mine = [(i, s) for i, s in enumerate(found) if s.part == p]
        paragraphs: list[str] = []
        dropped: list[str] = []
        new_index: dict[int, int] = {}  # old paragraph -> new, for the ones kept
        last_kept: dict[int, bool] = {}  # old paragraph -> its last sentence kept
        first_kept: dict[int, bool] = {}
        for n, text in enumerate(passage.paragraphs):
            own = [(i, s) for i, s in mine if s.paragraph == n]
            chosen = [(i, s) for i, s in own if i in keep]
            if not own:
                continue  # nothing said in it (an image's line, an empty paragraph)
            if chosen:
                new_index[n] = len(paragraphs)
                paragraphs.append(" ".join(text[s.start : s.end] for _, s in chosen))
                last_kept[n] = chosen[-1][0] == own[-1][0]
                first_kept[n] = chosen[0][0] == own[0][0]
            if len(chosen) < len(own):
                dropped.append(" ".join(speakable(text).split()))
        shown = []
        for item in passage.shown:
            before = item.after - 1
            if item.after == 0 and first_kept.get(0):
                shown.append(replace(item, after=0))
            elif last_kept.get(before):
                shown.append(replace(item, after=new_index[before] + 1))
        said = " ".join(paragraphs)
        listed = tuple(item for item in passage.listed if not item.said or item.said in said)
        kept_passages.append(
            replace(
                passage,
                paragraphs=tuple(paragraphs),
                shown=tuple(shown),
                listed=listed if len(listed) == len(passage.listed) else (),
            )
        )
        left_out.append(tuple(dropped))
        parts.append(
            Kept(
                passage.title,
                sum(s.words for i, s in mine if i in keep),
                sum(s.words for _, s in mine),
            )
        )
    return Condensed(
        tuple(kept_passages),
        tuple(left_out),
        tuple(parts),
        frozenset((found[i].part, found[i].paragraph, found[i].start) for i in keep),
    )


def words_for(seconds: int, wpm: int) -> int:
    """The words said in `seconds` at `wpm`."""
    return round(seconds * wpm / 60)
