"""Titles for the parts of an essay without headings: a noun phrase of each part's own words,
whole, as a person would write it as a heading ("The sour faces of the multitude").

A candidate is a run of content words right after a determiner ("the conduct of life"), joined
by "of" at most once, scored by how much more often its stems occur in this part than in the
rest. A run of words is not yet a noun phrase: no stop word list stops it at the verb that
follows its noun ("the star of empire takes | its way", "what the man acquires | is"). So a
run ends before a word that, in this essay, acts as a verb, a participle or a comparative
rather than a noun: one ending as they do (-s, -ed, -ing, -er) that the essay never puts right
after a determiner, and never uses twice after the same word as a term ("error handling"); and
before the last word when an object follows it ("takes | its way"). The title keeps its
article as the essay wrote it, "the" for a possessive or demonstrative ("my native town": "The
native town"): said aloud, "Let's turn to the native town", not "to native town".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from deckmaker.words import STOPWORDS, content_stems, split_sentences, word_set, words

TITLE_WORDS = 6  # words of a title, its article aside
_HEAD_WORDS = 3  # words of a noun phrase before its "of"
_LINKS = {"en": frozenset({"of"}), "es": frozenset({"de", "del"})}
_ARTICLES = {
    "en": word_set("the a an"),
    "es": word_set("el la los las un una unos unas"),
}
# Determiners said as "the" in a title: "our reliance on property" is "The reliance on property".
_DEFINITE = {
    "en": word_set("the this that these those his her its our their my your"),
    "es": frozenset[str](),
}
# A run of words right after one of these is a noun phrase far more often than not.
_DETERMINERS = {
    "en": word_set("the a an this that these those his her its our their my your every"),
    "es": word_set(
        "el la los las un una unos unas este esta estos estas su sus nuestro nuestra mi mis tu "
        "tus cada"
    ),
}
# After a verb, these open its object: the word before them was no noun ("takes | its way").
_OBJECTS = word_set("a an the his her its our their my your this these those him them me us it")
# Words that end a noun phrase though no stop word list has them: modals, prepositions and
# adverbs of time ("the fishing fleet | always had").
_MODALS = word_set(
    """must shall will may might can cannot could would should did does do has have had let
    toward towards upon within without among amongst thus unto whether hence
    always never often still already ever soon seldom rarely"""
)
# Words a title never ends on, beyond the stop words: they promise more than the title gives.
_WEAK = {
    "en": word_set("one ones thing things way ways much many every new good great"),
    "es": word_set("cosa cosas forma manera mucho muchos nuevo nueva"),
}
_CONTRACTIONS = ("'d", "'re", "'ve", "'ll", "'m", "n't")
_BREAK = re.compile(r"[,;:.!?()\[\]“”\"«»—–…]|\s-\s")
# "acquires", "cultivated", "flowing", "brighter", "commonly"
_VERB_ENDINGS = ("s", "ed", "ing", "er", "ly")
_IRREGULAR_PARTICIPLES = word_set(
    """made done seen given taken known shown built told held kept left found brought thought
    bought caught taught sent spent lost won begun written spoken driven chosen broken"""
)
# What comes before a verb's -s ("that" and "this" before a noun too: counted as neither)
_OBJECT_RELATIVES = word_set("what whatever which whom")
_SUBJECTS = word_set("he she it who which that this")
_BEFORE_VERBS = word_set("to i we they you must shall will may might can cannot could would should")


@dataclass(frozen=True)
class _Usage:
    """How the essay uses its words: how often it puts each right after a determiner (nouns
    and adjectives: "his looks") and right after a subject ("it looks"), and the pairs of
    words it repeats (terms: "error handling")."""

    after_determiner: Counter[str]
    after_subject: Counter[str]
    before_verb: Counter[str]  # after "to", a modal, a plural subject
    pairs: Counter[tuple[str, str]]

    def seen_as_noun(self, word: str) -> bool:
        return self.as_noun(word) > 0

    def as_noun(self, word: str) -> int:
        return sum(self.after_determiner[f] for f in _forms(word))

    def as_verb(self, word: str) -> int:
        """Uses of a word ending in -s as a verb: after a subject ("it looks"), or its stem after
        "to", a modal or a plural subject ("to look", "we look")."""
        stems = {word[:-1], word[:-2]} if word.endswith("es") else {word[:-1]}
        return self.after_subject[word] + sum(self.before_verb[s] for s in stems)


def _forms(word: str) -> set[str]:
    forms = {word, word + "s", word + "es", word[:-1]}
    if word.endswith("es"):
        forms.add(word[:-2])
    return forms


def titles(parts: Sequence[tuple[str, ...]], language: str) -> list[str]:
    """A short noun phrase from each part's own sentences, no two the same."""
    usage = _usage(parts, language)
    stems_per_part = [Counter(content_stems(" ".join(p), language)) for p in parts]
    spread = Counter(s for counts in stems_per_part for s in counts)
    chosen: list[str] = []
    taken: set[str] = set()
    for number, (paragraphs, counts) in enumerate(zip(parts, stems_per_part, strict=True), 1):
        weight = {s: c * math.log(1 + len(parts) / spread[s]) for s, c in counts.items() if c > 1}
        found = _phrases(paragraphs, language, usage)
        ranked = sorted(found, key=lambda p: (-_score(p, weight, language), p.lower()))
        bare = next((p for p in ranked if p.lower() not in taken), None)
        if bare is None:
            chosen.append(f"Part {number}")
            continue
        taken.add(bare.lower())
        chosen.append(_capitalised(f"{found[bare]} {bare}" if found[bare] else bare))
    return chosen


def _usage(parts: Sequence[tuple[str, ...]], language: str) -> _Usage:
    determiners = _DETERMINERS[language]
    usage = _Usage(Counter(), Counter(), Counter(), Counter())
    for paragraph in (p for part in parts for p in part):
        lowered = [w.lower() for w in words(paragraph)]
        pairs = list(zip(lowered, lowered[1:], strict=False))
        usage.after_determiner.update(b for a, b in pairs if a in determiners - _SUBJECTS)
        usage.after_subject.update(b for a, b in pairs if a in _SUBJECTS)
        usage.before_verb.update(b for a, b in pairs if a in _BEFORE_VERBS)
        usage.pairs.update(pairs)
    return usage


def _phrases(paragraphs: tuple[str, ...], language: str, usage: _Usage) -> dict[str, str]:
    """Noun phrases of the sentences as written, each with the article its title takes ("the",
    "a", or none): runs of content words right after a determiner, joined by "of" at most once,
    ended where a verb begins."""
    stop, determiners = STOPWORDS[language], _DETERMINERS[language]
    links, articles = _LINKS[language], _ARTICLES[language]
    found: dict[str, str] = {}
    for sentence in split_sentences(paragraphs, language):
        for clause in _BREAK.split(sentence.text):
            run: list[str] | None = None  # None: not after a determiner
            opener, prior = "", ""
            tokens = [*words(clause), ""]
            for i, word in enumerate(tokens):
                lowered = word.lower().replace("’", "'")
                contracted = lowered.endswith(_CONTRACTIONS)  # "they'd", "we've": a clause
                if run is not None and word and lowered not in _MODALS and not contracted:
                    if lowered in links and run and links.isdisjoint(w.lower() for w in run):
                        run.append(word)
                        continue
                    if lowered not in stop:
                        run.append(word)
                        continue
                    if lowered in articles and run and run[-1].lower() in links:
                        run.append(word)  # "the sour faces of the multitude"
                        continue
                if run:
                    article = _article(opener, language)
                    kept = _noun_phrase(run, lowered, usage, language)
                    if prior in _OBJECT_RELATIVES and len(kept) > 1:
                        # "what the man acquires | is": the subject of a clause whose object
                        # came first, its verb last
                        kept = kept[:-1]
                    for phrase in _trimmed(kept, language):
                        # "the" where the essay says it once, else "a" where it says that
                        if phrase not in found or _rank(article) > _rank(found[phrase]):
                            found[phrase] = article
                run = [] if lowered in determiners else None
                opener, prior = lowered, tokens[i - 1].lower() if i else ""
    return found


def _noun_phrase(run: list[str], following: str, usage: _Usage, language: str) -> list[str]:
    """The run up to where its noun phrase ends: before a word that acts as a verb here."""
    if language != "en":
        return run
    links, articles = _LINKS[language], _ARTICLES[language]
    for i in range(1, len(run)):
        before = run[i - 1].lower()
        if before not in links | articles and _acts_as_verb(run[i], before, usage):
            # an adverb after a verb's -s or -ed: "the State renders | comparatively small"
            verb = i > 1 and run[i].lower().endswith("ly") and before.endswith(("s", "ed"))
            return run[: i - 1] if verb else run[:i]
    if following in _OBJECTS and len(run) > 1 and run[-1].lower() not in links | articles:
        return run[:-1]  # "the star of empire takes | its way"
    return run


def _acts_as_verb(word: str, before: str, usage: _Usage) -> bool:
    """Whether `word`, after `before` in a run, is a verb, a participle, a comparative or an
    adverb rather than part of the noun phrase: it ends as they do, and the essay never uses it
    as a noun; one ending in -s, if the essay has it after a subject more often than after a
    determiner ("it looks", "his looks")."""
    lowered = word.lower()
    if word[:1].isupper() or "-" in word:
        return False  # a name, a compound
    if before.endswith("s") and usage.before_verb[lowered] > usage.after_determiner[lowered]:
        return True  # after a plural, a word the essay says after "to" or "we": "minds travel"
    if lowered in _IRREGULAR_PARTICIPLES and not usage.seen_as_noun(lowered):
        return True  # "the integrity of impression | made by manifold natural objects"
    if len(lowered) < 5:
        return False  # a short word ("gas", "bed")
    if not lowered.endswith(_VERB_ENDINGS) or lowered.endswith(("ss", "us", "is", "ous")):
        return False
    if lowered.endswith("s"):  # a plural as often as a verb: the essay's own uses decide
        return usage.as_verb(lowered) > usage.as_noun(lowered)
    term = lowered.endswith(("ed", "ing")) and usage.pairs[(before, lowered)] > 1
    if usage.seen_as_noun(lowered) or term:
        return False  # "the walks", "error handling" twice
    return not (before.endswith("ly") and lowered.endswith(("ed", "ing")))  # "newly discovered"


_INDEFINITE = word_set("a an un una unos unas")


def _rank(article: str) -> int:
    return 0 if not article else 1 if article in _INDEFINITE else 2


def _article(opener: str, language: str) -> str:
    if opener in _ARTICLES[language]:
        return opener
    return "the" if opener in _DEFINITE[language] else ""


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
