"""Pacing: which sentences are said while each slide of a segment is up.

Each slide comes up at the sentence where the first thing it shows is first said (its anchor)
and stays up until the next one comes up; the first slide comes up with the segment's first
words. No slide stays up longer than the limit unless it holds a single sentence: when what is
said over a slide runs longer, the slide keeps the sentences up to the last point it shows (and
as many more as fit the limit), and the rest, a stretch with nothing to show, is cut at sentence
ends into pieces each within the limit (`Span.slide` None), which the planner shows as pull
quotes; a stretch shorter than SHORT_STRETCH is said over the next slide instead, which comes up
that much early. A stretch before the first slide's first point that would keep it up too long
is cut the same way, before it. A slide that comes up after the words have run out gets an
empty span: the planner writes its words from what it shows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deckmaker.typography import capitalised
from deckmaker.words import strip_markers, word_set

# A stretch with nothing to show that is shorter than this is no slide's worth (it would
# flicker): the next slide comes up early over it instead.
SHORT_STRETCH = 20
# No slide is up for less than this (seconds at the talk's pace): it would flash by.
MIN_SECONDS = 5


@dataclass(frozen=True)
class Span:
    slide: int | None  # which slide (its index), or None for a stretch with nothing to show
    start: int  # its first sentence
    end: int  # one past its last


@dataclass(frozen=True)
class Shown:
    """A slide as pacing sees it: where the first and the last thing it shows are said."""

    first: int
    last: int


def spans(slides: Sequence[Shown], seconds: Sequence[float], limit: float) -> tuple[Span, ...]:
    """The sentences said over each slide, and the stretches between them with none, in order."""
    n = len(seconds)

    def length(a: int, b: int) -> float:
        return sum(seconds[a:b])

    starts: list[int] = []
    for i, s in enumerate(slides):
        starts.append(0 if i == 0 else min(n, max(s.first, starts[-1] + 1)))
    ends = [*starts[1:], n]
    out: list[Span] = []
    free = 0  # the first sentence no slide has taken yet
    short = min(SHORT_STRETCH, limit / 2)
    for i, (s, start, end) in enumerate(zip(slides, starts, ends, strict=True)):
        first = min(s.first, n) if i == 0 else start
        # up at least until its last point is said (and for one sentence)
        needed = min(max(min(s.last + 1, end), first + 1), n)
        # The first slide comes up with the segment's first words unless that would keep it up
        # too long; a later one comes up early over a short stretch the slide before could not
        # keep. What is left is a stretch of its own.
        top = min(first, needed - 1) if needed > free else free
        begin = top
        if i == 0 or length(free, top) < short:
            begin = free
            while begin < top and length(begin, needed) > limit:
                begin += 1
            # a short stretch before one sentence too long for the limit on its own is no
            # slide's worth either: the slide takes both, over the limit already
            if needed - begin == 1 and length(free, begin) < short:
                begin = free
        out += [Span(None, a, b) for a, b in pieces(seconds, free, begin, limit)]
        keep = max(needed, begin)
        while keep < end and length(begin, keep + 1) <= limit:
            keep += 1
        out.append(Span(i, begin, keep))
        free = keep
    out += [Span(None, a, b) for a, b in pieces(seconds, free, n, limit)]
    return tuple(out)


def lengthened(
    found: Sequence[Span],
    seconds: Sequence[float],
    limit: float,
    slides: Sequence[Shown] = (),
    minimum: float = MIN_SECONDS,
) -> tuple[Span, ...]:
    """The spans with each one said for less than `minimum` given sentences of its neighbours,
    as long as they keep `minimum` themselves and it stays within `limit`: the next slide
    comes up a sentence later, else this one a sentence earlier, unless that sentence says the
    last thing the slide before shows (`slides`: where each slide's first and last thing is
    said). A slide the segment cannot give enough words keeps its own."""
    out = list(found)

    def keeps(span: Span) -> int:
        """The last sentence the slide of `span` must keep: where its last point is said."""
        return slides[span.slide].last if span.slide is not None and slides else -1

    def length(start: int, end: int) -> float:
        return sum(seconds[start:end])

    for i in range(len(out)):
        while length(out[i].start, out[i].end) < minimum:
            here = out[i]
            after = out[i + 1] if i + 1 < len(out) else None
            before = out[i - 1] if i else None
            if (
                after is not None
                and after.start == here.end
                and length(here.start, here.end + 1) <= limit
                and after.end - after.start > 1
                and length(after.start + 1, after.end) >= minimum
            ):
                out[i] = Span(here.slide, here.start, here.end + 1)
                out[i + 1] = Span(after.slide, after.start + 1, after.end)
            elif (
                before is not None
                and before.end == here.start
                and length(here.start - 1, here.end) <= limit
                and before.end - before.start > 1
                and before.end - 1 > keeps(before)
                and length(before.start, before.end - 1) >= minimum
            ):
                out[i - 1] = Span(before.slide, before.start, before.end - 1)
                out[i] = Span(here.slide, here.start - 1, here.end)
            else:
                break
    return tuple(out)


# How a sentence ends: a stop, a question or an exclamation mark (or an ellipsis), perhaps
# inside closing quotes or brackets. A line ending otherwise ("Description from February",
# "The two main obstacles are:") leads into what follows it.
_ENDED = re.compile(r"[.!?…][\"'’”»)\]]*\s*$")


def ends_sentence(text: str) -> bool:
    return bool(_ENDED.search(text))


def ended(found: Sequence[Span], ends: Sequence[bool]) -> tuple[Span, ...]:
    """The spans with none ending on a line that leads into the next ("Specifically:", a
    heading-like line): that line goes with the slide after it, whose words it opens, while
    the slide before keeps a sentence of its own."""
    out = list(found)
    for i in range(len(out) - 1):
        here, after = out[i], out[i + 1]
        while (
            here.end - here.start > 1
            and after.start == here.end
            and after.end > after.start
            and not ends[here.end - 1]
        ):
            here = Span(here.slide, here.start, here.end - 1)
            after = Span(after.slide, after.start - 1, after.end)
        out[i], out[i + 1] = here, after
    return tuple(out)


def pieces(seconds: Sequence[float], start: int, end: int, limit: float) -> list[tuple[int, int]]:
    """Sentences start..end cut at sentence ends into as few pieces within `limit` as they fit,
    as even as they can be (a single sentence over the limit is a piece of its own)."""
    total = sum(seconds[start:end])
    count = max(1, -(-total // limit)) if limit > 0 else 1
    out: list[tuple[int, int]] = []
    while start < end:
        goal = min(limit, sum(seconds[start:end]) / max(1, count - len(out)))
        stop = start + 1
        while stop < end and sum(seconds[start : stop + 1]) <= max(goal, 0.0):
            stop += 1
        # a piece may run past an even share only when the next one would be left short
        if stop < end and sum(seconds[start : stop + 1]) <= limit:
            before = sum(seconds[start:stop])
            if goal - before > sum(seconds[start : stop + 1]) - goal:
                stop += 1
        out.append((start, stop))
        start = stop
    return out


# A pull quote is a sentence as said, short enough to read at a glance and long enough to say
# something: QUOTE_WORDS words, counted as said.
QUOTE_WORDS = (6, 22)
# A sentence opening with one of these leans on the one before it ("And that's why…").
_JOINING = word_set(
    """and but so or yet because okay ok well alright anyway oh furthermore moreover however
    additionally besides instead still thus therefore hence meanwhile otherwise likewise
    similarly finally firstly secondly thirdly lastly plus indeed y pero así entonces además
    también pues bueno finalmente"""
)
_LEANING = _JOINING | word_set(
    "then also which this that these those it they he she now look listen yes"
)
# A sentence holding a quotation ("“The world ends there,” say they") is partly someone else's
# words: never shown as the author's own statement.
_QUOTATION = ('"', "“", "”", "«", "»")
# Failing those, a stretch takes a longer sentence, or one opening on a pronoun, before no quote.
RELAXED_WORDS = 32


def _trimmed(sentence: str, language: str) -> str:
    """ "So, while it might…", "Furthermore, the ending…": discourse markers set off by a comma
    are left out of the quote (words.strip_markers), as an editor trims one."""
    return capitalised(strip_markers(sentence, language))


def pull_quotes(said: Sequence[str], about: str) -> list[str]:
    """The sentences of a stretch fit to be its pull quote, best first: QUOTE_WORDS long, no
    marks and no quotation inside, not opening on a word that leans on the sentence before or
    on a pronoun standing for a noun it does not name; the most content words shared with the
    segment (its title and points, `about`) first, then the most content words, then the
    earliest. After all of those, as a second choice: sentences up to RELAXED_WORDS long that
    open on a pronoun or a demonstrative, but not on a conjunction or a filler ("And…",
    "Okay,…"). A connective set off by a comma at the start is trimmed first ("So, while…" is
    quoted "While…")."""
    from deckmaker.grammar import opens_with_pronoun
    from deckmaker.planning.model import word_count
    from deckmaker.words import content_stems, detect_language

    text = " ".join(said)
    language = detect_language(text)
    topic = set(content_stems(about, language))
    low, high = QUOTE_WORDS
    ranked = []
    for i, s in enumerate(_trimmed(s, language) for s in said):
        words = s.split()
        first = words[0].lower().strip("'\"‘“,") if words else ""
        count = word_count(s)
        if count < low or count > RELAXED_WORDS or "[" in s or first in _JOINING:
            continue
        if any(mark in s for mark in _QUOTATION):  # someone else's words inside: not the author's
            continue
        strict = count <= high and first not in _LEANING and not opens_with_pronoun(s, language)
        stems = content_stems(s, language)
        ranked.append((not strict, -len(topic & set(stems)), -len(set(stems)), i, s))
    return [s for *_, s in sorted(ranked)]
