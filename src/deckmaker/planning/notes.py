"""Which slide each delivery note goes with.

A note goes with the slide it is about when that is clear: the slide that holds the most of the
note's distinctive words, those found over one slide of the segment only (shown on it, said
while it is up, or naming its kind: "column", "quote", "picture", "code", "table"). When no
slide holds one, or two slides hold as many, the note goes with the segment's first slide,
where a presenter reads the notes before starting. Words are compared as alignment compares
them (content stems).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from deckmaker.planning.model import CLICK, Layout, SlidePlan
from deckmaker.words import content_stems

# What a note calls a slide of each kind ("Point to each column…", "Let the quote sit").
_KIND_WORDS = {
    Layout.COLUMNS: "column columns",
    Layout.QUOTE: "quote quotation",
    Layout.IMAGE: "picture image photo photograph",
    Layout.CODE: "code snippet listing",
    Layout.TABLE: "table row rows",
}


def placed(
    notes: Sequence[str], slides: Sequence[SlidePlan], language: str
) -> tuple[tuple[str, ...], ...]:
    """The notes each slide gets, in the order written; the talk is in `language`."""
    if not slides:
        return ()
    bags = [_words(s, language) for s in slides]
    seen = Counter(stem for bag in bags for stem in bag)
    out: list[list[str]] = [[] for _ in slides]
    for note in notes:
        distinctive = {stem for stem in content_stems(note, language) if seen[stem] == 1}
        counts = [len(distinctive & bag) for bag in bags]
        best = max(counts)
        clear = best > 0 and counts.count(best) == 1
        out[counts.index(best) if clear else 0].append(note)
    return tuple(tuple(n) for n in out)


def _words(slide: SlidePlan, language: str) -> set[str]:
    """The stems a slide holds: what it shows (its title only when that is a quote's words),
    what is said while it is up, and the words for its kind."""
    shown = [b.text for b in slide.bullets] + [b.text for c in slide.columns for b in c]
    if slide.layout in (Layout.QUOTE, Layout.STATEMENT):
        shown.append(slide.title)
    shown += [c for row in slide.table for c in row]
    said = [p.replace(CLICK, " ") for p in slide.spoken]
    kind = _KIND_WORDS.get(slide.layout, "")
    return set(content_stems(" ".join([*shown, *said, kind]), language))
