"""Passages an essay repeats word for word, said and shown once.

Real posts repeat themselves by copy: a status report quotes its latest comment in the summary
and again in the thread under it, a page pastes the same table or code twice. A talk says a
thing once: a sentence, a list item or a shown block (code, a table, a quote) that repeats one
earlier in the essay word for word is left out where it comes again (a paragraph left with no
sentence goes). Short lines ("Help wanted:", "Done.") are a refrain, not a copy, and stay.
"""

from __future__ import annotations

from dataclasses import replace

from deckmaker.essay.document import Essay, Passage
from deckmaker.words import split_sentences

REPEAT_WORDS = 6  # a paragraph or list item this long, said again word for word, is a copy


def unrepeated(essay: Essay, language: str) -> Essay:
    """`essay` with what repeats an earlier sentence, list item or shown block left out. A
    passage that would be left empty keeps what it has: its heading heads something."""
    said: set[str] = set()
    listed: set[str] = set()
    shown: set[object] = set()
    passages = []
    for passage in (essay.opening, *essay.sections):
        kept = _kept(passage, language, said, listed, shown)
        passages.append(kept if kept.paragraphs or kept.listed or kept.shown else passage)
    return replace(essay, opening=passages[0], sections=tuple(passages[1:]))


def _kept(
    passage: Passage, language: str, said: set[str], listed: set[str], shown: set[object]
) -> Passage:
    paragraphs: list[str] = []
    place: list[int] = []  # for each paragraph written, how many are kept up to it
    for paragraph in passage.paragraphs:
        sentences = split_sentences((paragraph,), language)
        fresh = [s.text for s in sentences if not _copied(_key(s.text), said)]
        if len(fresh) == len(sentences):
            paragraphs.append(paragraph)  # as written, line breaks and all
        elif fresh:
            paragraphs.append(" ".join(fresh))
        place.append(len(paragraphs))
    items = []
    for item in passage.listed:
        key = _key(" ".join((item.text, *item.points)))
        if not _copied(key, listed):
            items.append(item)
    blocks = []
    for block in passage.shown:
        if block.item in shown:
            continue
        shown.add(block.item)
        after = place[block.after - 1] if block.after else 0
        blocks.append(replace(block, after=after))
    return replace(passage, paragraphs=tuple(paragraphs), listed=tuple(items), shown=tuple(blocks))


def _key(text: str) -> str:
    return " ".join(text.split())


def _copied(key: str, seen: set[str]) -> bool:
    """Whether `key` was seen already (and note it when not): only a long one can be a copy."""
    if len(key.split()) < REPEAT_WORDS:
        return False
    if key in seen:
        return True
    seen.add(key)
    return False
