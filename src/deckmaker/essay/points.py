"""Key points: a few of a passage's own sentences, compressed into slide bullets.

Extractive by construction: every point is a run of words from one sentence of the passage, with
leading discourse markers ("Okay, guys,"), asides and subordinate clauses cut out; nothing is
reworded. A point must read as a statement (grammar.py): no cut leaves a subject without its
verb, a colon's lead-in gives way to what follows, and a point that opens with a pronoun whose
noun it does not name is left out. Which sentences: the most central ones (TextRank over shared
content stems, as in Mihalcea and Tarau 2004), plus a little for sharing words with the heading
and for opening a paragraph (where expository prose puts its topic sentence: Edmundson's
location cue, 1969), less for chatter aimed at the listener ("you know", "let's", questions),
for sentences that had to be cut short and, by much more, for points with no finite verb.
bench/keypoints.py measured these choices against each other and the lead baseline; the chatter
penalty costs a little ROUGE on the reference essay and keeps "You know the one I'm talking
about" off the slides (bench/RESULTS.md).
"""

from __future__ import annotations

import itertools
import math
import operator
from dataclasses import dataclass

from deckmaker.grammar import (
    AUXILIARIES,
    DANGLING,
    has_finite_verb,
    opens_with_pronoun,
)
from deckmaker.outline import Point
from deckmaker.typography import capitalised
from deckmaker.words import (
    STOPWORDS,
    Sentence,
    content_stems,
    split_sentences,
    strip_markers,
    word_set,
    words,
)

MOST_WORDS = 12  # a point longer than this is cut at a clause boundary if it can be
LONGEST = 16  # and if it cannot, used only up to this long
FEWEST_WORDS = 4  # shorter than this is a fragment, not a point
LIST_ITEM_WORDS = 2  # comma-set stretches this short are items of a list, never cut between
MAX_POINTS, MIN_POINTS = 5, 3
SENTENCES_PER_POINT = 5
# A part said for longer than MAX_POINTS of these (a point every 32 s at 150 words a minute)
# outlasts what five points can keep on screen within a slide's limit: it gets a point per this
# many words, the best of each stretch of that length, nearer its middle the better (EVEN: how
# much a point at a stretch's edge counts against its sentence), so that its slides come up
# evenly as the part is said.
WORDS_PER_POINT = 80
EVEN = 3.0
# How far apart two sentences may stand and still be compared in ranking them (`_textrank`).
NEIGHBOURS = 100

# A comma-separated stretch opening with one of these is an aside or a subordinate clause.
SUBORDINATE = {
    "en": word_set(
        """while although though albeit because since which who whom whose where when whereas
        if unless even especially particularly perhaps essentially honestly guys folks dare
        allowing suggesting making leaving showing having being giving tying offering
        resonating focusing living raising sparking juxtaposed intertwined"""
    ),
    "es": word_set(
        """mientras aunque porque pues cuando donde cual cuales quien quienes cuyo cuya si
        incluso especialmente sobre todo chicos amigos como"""
    ),
}
# A sentence's first comma-set stretch opening with one of these comes before the main clause.
LEADING = {
    "en": word_set(
        """unlike after by while although though if when since because instead despite in as
        with without before once whether for during through throughout regardless"""
    ),
    "es": word_set(
        """a al aunque mientras si cuando como en con sin antes después desde para tras hasta
        durante según"""
    ),
}
# Sentences that talk to the listener rather than about the subject.
CHATTER = {
    "en": ("you know", "let's", "remember", "i'm talking", "i'd argue", "dare i say", "guys"),
    "es": ("ya sabéis", "ya saben", "vamos a", "recordad", "recuerden", "chicos", "amigos"),
}
# Words that open a clause inside a sentence: a cut after one must keep that clause's verb.
_CLAUSE_OPENERS = {
    "en": word_set("that which who whom whose where when because while although if"),
    "es": word_set("que cuando porque donde quien quienes aunque mientras si"),
}
_PARTICIPLES = word_set("kept made left given known seen shown built told taken held born")
_CUTS = {"en": ("and", "but", "because", "while"), "es": ("y", "pero", "porque")}
# Where a sentence too long for a slide can end: before a clause that says when or why, which
# never splits a subject from its verb ("Bright light … tell the brain | when the day starts").
_SUBORDINATE_CUTS = {
    "en": word_set("when because while although though whereas since unless until"),
    "es": word_set("cuando porque mientras aunque hasta"),
}
# What opens a clause that cannot stand alone: when, why, and on what condition.
_CONDITIONS = {
    "en": _SUBORDINATE_CUTS["en"] | {"if"},
    "es": _SUBORDINATE_CUTS["es"] | {"si"},
}
# A relative clause that says which ("a CSS engine | that makes full use of…") can go too,
# unless the word before takes a clause of its own ("we found | that…").
_RELATIVES = {"en": word_set("that which who"), "es": word_set("cual cuales quien quienes")}
_TAKES_CLAUSE = {
    "en": word_set(
        """say says said think thinks thought know knows knew believe believes believed find
        finds found show shows showed mean means meant argue argued note notes noted claim
        claimed hope hoped feel felt ensure ensures ensured realize realized learn learned
        suggest suggested see saw seen so such now given except is are was were"""
    ),
    "es": word_set("dice dijo cree creo piensa sabe"),
}
_OPENING_CONJUNCTIONS = {"en": ("and", "but", "so", "or", "yet"), "es": ("y", "pero", "o", "pues")}
# "both … and", "between … and": a cut before the "and" would leave the first half hanging.
_PAIRED = {"en": frozenset(("both", "between", "either", "neither")), "es": frozenset(("entre",))}
_CLAUSE_BREAKS = (";", " – ", " — ", ": ")
# After "and", these open a phrase like the one before it, not a clause of its own (in Spanish
# only prepositions: "y la herramienta permite…" opens a clause as often as a phrase).
_PHRASE_OPENERS = {
    "en": word_set("of in on at to for with by from into the a an his her its their our my your"),
    "es": word_set("de del en con por para"),
}
# Subjects that open a clause: after a dropped "because though always present," the clause
# "they are inaccessible" is the subordinate clause's own.
_SUBJECTS = {
    "en": word_set("i we you he she it they"),
    "es": word_set("yo tú él ella nosotros ellos ellas"),
}
# Prepositions a clause may end on ("the changes we are sure of,"): kept before a comma.
_STRANDED = word_set("of to for with in on at by from about into")
_TRAILING = ".,;:–—-…"
_QUOTES = "'\"‘’“”«»"


@dataclass(frozen=True)
class Ranking:
    """How sentences are chosen; bench/ compares these choices."""

    spread: bool = False  # one point per stretch of the passage, rather than the best overall
    chatter: float = 1.0  # how much talking to the listener counts against a sentence
    cut: float = 0.3  # how much each step of compromise in compressing a sentence counts against it
    position: float = 0.0  # how much coming early in the passage counts for a sentence
    title: float = 0.3  # how much sharing words with the heading counts for a sentence
    fragment: float = 1.0  # how much a point with no finite verb counts against its sentence
    pronouns: bool = True  # leave out points that open with a pronoun ("It validates…")
    opening: float = 0.6  # how much opening a paragraph (a topic sentence) counts for a sentence


DEFAULT = Ranking()


def key_points(
    paragraphs: tuple[str, ...],
    language: str,
    ranking: Ranking = DEFAULT,
    title: str | None = None,
) -> tuple[Point, ...]:
    """3 to 5 points for the passage (fewer only when it has fewer sentences; more, evenly
    spread, when it is said for longer than MAX_POINTS x WORDS_PER_POINT words), in source order,
    each the compressed form of one sentence and anchored to it."""
    sentences = split_sentences(paragraphs, language)
    if not sentences:
        return ()
    spoken = " ".join(" ".join(paragraphs).split())
    compressed = [_compress(s.text, language) for s in sentences]
    candidates = [point for point, _ in compressed]
    if ranking.pronouns and any(c and not opens_with_pronoun(c, language) for c in candidates):
        # "It validates the audience's desire": on a slide, nothing says what "it" is
        candidates = [c if c and not opens_with_pronoun(c, language) else None for c in candidates]
    if not any(candidates):  # only very long sentences: cut the first one hard
        candidates[0] = _clip(strip_markers(sentences[0].text, language), language)
    at = list(itertools.accumulate((len(s.text.split()) for s in sentences), initial=0))
    usual = _how_many(len(sentences))
    timed = min(at[-1] // WORDS_PER_POINT, len(sentences))  # a long part: one per stretch
    long = timed > MAX_POINTS
    count = min(timed if long else usual, sum(c is not None for c in candidates))
    scores = _scores(sentences, candidates, language, ranking, title)
    scores = [s - ranking.cut * cost for s, (_, cost) in zip(scores, compressed, strict=True)]
    even = EVEN if long else 0.0
    chosen = _choose(scores, candidates, count, ranking.spread or bool(even), at, even)
    return tuple(Point(candidates[i] or "", said=anchor(sentences[i].text, spoken)) for i in chosen)


def _how_many(sentences: int) -> int:
    if sentences < MIN_POINTS:
        return sentences
    return max(MIN_POINTS, min(MAX_POINTS, round(sentences / SENTENCES_PER_POINT)))


def _scores(
    sentences: list[Sentence],
    candidates: list[str | None],
    language: str,
    ranking: Ranking,
    title: str | None,
) -> list[float]:
    bags = [set(content_stems(s.text, language)) for s in sentences]
    heading = set(content_stems(title or "", language))
    centrality = _textrank(bags)
    top = max(centrality) or 1.0
    scores = []
    for i, (sentence, candidate) in enumerate(zip(sentences, candidates, strict=True)):
        lowered = sentence.text.lower().replace("’", "'")
        chatty = any(cue in lowered for cue in CHATTER[language])
        question = sentence.text.rstrip(_QUOTES).endswith("?")
        score = (
            centrality[i] / top
            - ranking.chatter * (chatty or question)
            + ranking.position * (1 - i / len(sentences))
            + ranking.title * (len(bags[i] & heading) / len(heading) if heading else 0)
            + ranking.opening * (sentence.start == 0)
        )
        if candidate and not has_finite_verb(candidate, language):
            score -= ranking.fragment  # a phrase, not a statement
        scores.append(score if candidate else float("-inf"))
    return scores


def _textrank(bags: list[set[str]], damping: float = 0.85, rounds: int = 30) -> list[float]:
    """PageRank over sentences linked by the content words they share (TextRank's measure:
    overlap over the sum of the logs of the lengths), each sentence linked to those within
    `NEIGHBOURS` of it: every pair in a section of up to 2 x NEIGHBOURS + 1 sentences, and time
    linear in a longer one's length rather than quadratic (a one-section essay of 100 KB)."""
    n = len(bags)
    logs = [math.log(len(b)) if len(b) > 1 else 0.0 for b in bags]
    linked: list[list[tuple[int, float]]] = [[] for _ in range(n)]  # i -> (j, weight)
    for i in range(n):
        if not logs[i]:
            continue
        for j in range(i + 1, min(n, i + NEIGHBOURS + 1)):
            if logs[j] and (shared := len(bags[i] & bags[j])):
                weight = shared / (logs[i] + logs[j])
                linked[i].append((j, weight))
                linked[j].append((i, weight))
    out = [sum(w for _, w in links) or 1.0 for links in linked]
    # rank[i] takes from each sentence j linked to it its share weight / out[j]
    sources = [[j for j, _ in links] for links in linked]
    shares = [[w / out[j] for j, w in links] for links in linked]
    rank = [1.0] * n
    for _ in range(rounds):
        rank = [
            (1 - damping) + damping * sum(map(operator.mul, share, [rank[j] for j in source]))
            for source, share in zip(sources, shares, strict=True)
        ]
    return rank


def _choose(
    scores: list[float],
    candidates: list[str | None],
    count: int,
    spread: bool,
    at: list[int],
    even: float = 0.0,
) -> list[int]:
    """The best `count` points; `spread`: the best of each of `count` stretches of equal length
    in words (`at`: where each sentence starts, in words, then the passage's length), `even`
    counting against a sentence for its distance from its stretch's middle."""
    usable = [i for i, c in enumerate(candidates) if c]
    if not spread:
        return sorted(sorted(usable, key=lambda i: -scores[i])[:count])
    chosen: list[int] = []
    n = at[-1]
    for k in range(count):
        stretch = [i for i in usable if k * n // count <= at[i] < (k + 1) * n // count]
        stretch = stretch or [i for i in usable if i not in chosen]
        if not stretch:
            break
        centre = (2 * k + 1) * n / (2 * count)
        # the best, less for standing far from the stretch's middle (points said evenly apart)
        best = max(stretch, key=lambda i: scores[i] - even * abs(at[i] - centre) * count / n)
        if best not in chosen:
            chosen.append(best)
    return sorted(chosen)


def anchor(sentence: str, spoken: str) -> str:
    """The fewest opening words of the sentence (four at least) found only once in the script."""
    opening = sentence.split()
    for n in range(min(FEWEST_WORDS, len(opening)), len(opening) + 1):
        words_ = " ".join(opening[:n])
        if spoken.count(words_) == 1:
            return words_
    return " ".join(opening)


def compress(sentence: str, language: str) -> str | None:
    """The sentence as a slide point, or None when no short enough point can be cut from it."""
    return _compress(sentence, language)[0]


def _subordinate_alone(point: str, sentence: str, language: str) -> bool:
    """A point that is only a subordinate clause, cut from the main clause its sentence goes on
    to ("Though perchance I have no right to say it, | I …")."""
    first = (words(point) or [""])[0].lower()
    return first in _CONDITIONS[language] and len(point.split()) < len(sentence.split())


def _compress(sentence: str, language: str) -> tuple[str | None, int]:
    """The point and what it cost: 0 when the sentence compressed within MOST_WORDS; 1 when it
    had to be cut at a comma or before a conjunction, or left longer (up to LONGEST)."""
    text = _drop_conjunction(strip_markers(sentence, language), language)
    clause = _main_clause(text, language)
    point = _tidy(_drop_asides(clause, language))
    if point.split()[-1:] != _tidy(clause).split()[-1:]:  # the clause's end was dropped
        point = _trim(point, language)
    cost = 0
    tokens = point.split()
    if len(tokens) > MOST_WORDS:
        cost = 1
        cut = _cut(tokens, MOST_WORDS, language)
        if cut is None and len(tokens) > LONGEST:
            cut = _cut(tokens, LONGEST, language, clauses=True) or 0
        if cut is not None:
            point = _trim(" ".join(tokens[:cut]), language)
    if _subordinate_alone(point, text, language):
        return None, cost  # "When you have life in yourself": its main clause was cut
    return (point if len(point.split()) >= FEWEST_WORDS else None), cost


def _cut(tokens: list[str], most: int, language: str, clauses: bool = False) -> int | None:
    """How many words to keep, at most `most`: up to a comma, else up to an "and" or "but"
    (the longest such run), else (with `clauses`) up to a subordinate clause, else up to a
    relative one; None if there is no such place."""
    ends = range(min(most, len(tokens) - 1), FEWEST_WORDS - 1, -1)
    # at a comma, but not so early that the rest of the clause is lost, nor between two
    # adjectives ("The contrast between the vibrant, hopeful montage", "a beautiful, imagined")
    at_comma = [
        n
        for n in ends
        if tokens[n - 1].endswith(",")
        and n > FEWEST_WORDS + 1
        and not (
            tokens[n - 2].lower() in DANGLING[language]
            and tokens[n].lower() not in STOPWORDS[language]
        )
        and not _in_list(tokens, n)
    ]
    # not after a word that waits for what follows: "I have met with | but one or two",
    # "to iterate on | and improve"
    # nor where the "and" joins two phrases, not two clauses: "between the great men of the
    # first | and of the last ages", "not the sword | and the lance"
    before_and = [
        n
        for n in ends
        if tokens[n].lower().strip(_QUOTES) in _CUTS[language]
        and not _paired(tokens[:n], language)
        and tokens[n - 1].lower().strip(_TRAILING + _QUOTES) not in DANGLING[language]
        and " ".join(tokens[n + 1 : n + 2]).lower() not in _PHRASE_OPENERS[language]
    ]
    # never where the subject is left without its verb ("Sebastian's dream of opening his own
    # jazz club | and Mia's relentless pursuit of an acting career demand …"), nor inside
    # brackets or quotation marks ("Telepresence uses a VPN (or more precisely, | a tun …)")
    for found in (at_comma, before_and):
        for n in found:
            if not _strands_subject(tokens[:n], language) and _closed(tokens[:n], language):
                return n
    subordinate = _SUBORDINATE_CUTS[language]
    before_clause = [n for n in ends if tokens[n].lower() in subordinate] if clauses else []
    if before_clause and _closed(tokens[: before_clause[0]], language):
        return before_clause[0]
    relative = [
        n
        for n in ends
        if clauses
        and tokens[n].lower() in _RELATIVES[language]
        and tokens[n - 1].lower().strip(_TRAILING) not in _TAKES_CLAUSE[language]
    ]
    return next(
        (
            n
            for n in relative
            if not _strands_subject(tokens[:n], language) and _closed(tokens[:n], language)
        ),
        None,
    )


def _paired(kept: list[str], language: str) -> bool:
    """Whether what is kept opens a pair its "and" would close: "both", "between"… with no
    "and" after it yet."""
    lowered = [t.lower().strip(_TRAILING + _QUOTES) for t in kept]
    opened = [i for i, t in enumerate(lowered) if t in _PAIRED[language]]
    return bool(opened) and not set(lowered[opened[-1] :]) & set(_CUTS[language])


def _in_list(tokens: list[str], n: int) -> bool:
    """Whether a comma before tokens[n] stands inside a list of short items ("walk ten,
    fifteen, twenty, any number of miles"): the next item is a word or two up to its own
    comma, or the last two items kept are."""
    items = " ".join(tokens[:n]).split(",")[:-1]
    rest = " ".join(tokens[n:]).split(",")
    following = len(rest) > 1 and len(rest[0].split()) <= LIST_ITEM_WORDS
    return following or (
        len(items) > 2 and all(len(i.split()) <= LIST_ITEM_WORDS for i in items[-2:])
    )


def _closed(kept: list[str], language: str) -> bool:
    """Whether every bracket and quotation opened in what is kept is closed in it, and it does
    not end on a verb waiting for its complement ("the reason … is | because …")."""
    text = " ".join(kept)
    waiting = bool(kept) and kept[-1].lower().strip(_TRAILING) in AUXILIARIES[language]
    return not waiting and (
        text.count("(") <= text.count(")")
        and text.count("[") <= text.count("]")
        and text.count("“") <= text.count("”")
        and text.count('"') % 2 == 0
    )


def _strands_subject(kept: list[str], language: str) -> bool:
    """What is kept has no finite verb, or its last clause has none: "… or realizing that two
    people | , no matter how much they care, might have …"."""
    lowered = [t.lower().strip(_TRAILING + _QUOTES) for t in kept]
    clause = max((i for i, t in enumerate(lowered) if t in _CLAUSE_OPENERS[language]), default=-1)
    last = " ".join(kept[clause + 1 :])
    return not has_finite_verb(" ".join(kept), language) or (
        clause >= 0 and bool(last) and not has_finite_verb(last, language)
    )


def _drop_conjunction(text: str, language: str) -> str:
    """Drop an opening conjunction: "And the changes are simple" -> "The changes are simple"."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in _OPENING_CONJUNCTIONS[language] else text


def _main_clause(text: str, language: str) -> str:
    """The first clause of a sentence joined by a semicolon, a dash or a colon, when it is a
    statement long enough to stand alone; otherwise the sentence. A clause before a colon that
    only leads in ("That's the real magic of the ending: its honesty") gives way to what follows.
    """
    cut = len(text)
    for mark in _CLAUSE_BREAKS:
        at = text.find(mark)
        if at > 0:
            cut = min(cut, at)
    head = text[:cut]
    if text[cut : cut + 2] == ": " and opens_with_pronoun(head, language):
        return _main_clause(text[cut + 2 :], language)
    if len(head.split()) >= FEWEST_WORDS and has_finite_verb(head, language):
        return head
    return text


def _drop_asides(text: str, language: str) -> str:
    """Drop the comma-set stretches that are asides or subordinate clauses. An aside between
    two commas takes both commas with it ("The scene, where …, is" -> "The scene is"); a
    subordinate clause before the main one goes too ("Unlike many films, it …" -> "It …")."""
    subordinate = SUBORDINATE[language]
    stretches = text.split(", ")

    def aside(stretch: str, last: bool) -> bool:
        first = (words(stretch) or [""])[0].lower()
        # "allowing us to …" is an aside; "knowing melancholy" is an adjective and a noun
        gerund = first.endswith("ing") and len(first) > 5 and len(stretch.split()) > 2
        # "A regular wake-up time, kept even on weekends, anchors …": set off on both sides
        participle = not last and (first.endswith("ed") and len(first) > 4 or first in _PARTICIPLES)
        return first in subordinate or (language == "en" and (gerund or participle))

    if len(stretches) > 1 and _leads(stretches[0], language):
        stretches = stretches[1:]
        while len(stretches) > 1 and len(stretches[0].split()) < 3:  # "a neat, happy bow, it"
            stretches = stretches[1:]
    kept = stretches[0]
    dropped = False
    unfinished = False  # a subordinate clause dropped before its subject and verb came
    for number, stretch in enumerate(stretches[1:], 2):
        if aside(stretch, last=number == len(stretches)) or unfinished:
            # "a certain reverence, because though always present, | they are inaccessible":
            # the clause the aside opened goes on in the next stretch, which goes with it
            opens = (words(stretch) or [""])[0].lower() in subordinate
            following = stretches[number] if number < len(stretches) else ""
            subject = (words(following) or [""])[0].lower() in _SUBJECTS[language]
            unfinished = not unfinished and opens and subject
            dropped = True
            continue
        kept += (" " if dropped else ", ") + stretch
        dropped = False
    return kept


def _leads(stretch: str, language: str) -> bool:
    """A stretch that opens with a preposition or subordinator, ahead of the main clause."""
    first = (words(stretch) or [""])[0].lower()
    return first in LEADING[language] or first in SUBORDINATE[language]


def _trim(text: str, language: str) -> str:
    """No dangling word at the end: "a love story that" -> "a love story"; but a preposition
    that ended its clause in the sentence (a comma after it) stays: "changes they're not 100%
    confident in, to make mistakes" -> "changes they're not 100% confident in"."""
    kept = text.split()
    while len(kept) > FEWEST_WORDS and kept[-1].lower().strip(_TRAILING) in DANGLING[language]:
        if kept[-1].endswith((",", ";")) and kept[-1].lower().strip(_TRAILING) in _STRANDED:
            break
        kept.pop()
    return _tidy(" ".join(kept))


def _clip(text: str, language: str) -> str:
    """A hard cut, for a passage with no sentence short enough: MOST_WORDS words, ending on a
    word that carries meaning."""
    tokens = _tidy(text).split()[:MOST_WORDS]
    while len(tokens) > 1 and not content_stems(tokens[-1], language):
        tokens.pop()
    return _tidy(" ".join(tokens))


def _tidy(text: str) -> str:
    text = text.strip().rstrip(_TRAILING).strip()
    if text.count("“") > text.count("”"):  # "“Man is his own star; …": closed at the cut
        text += "”"
    if text.count("«") > text.count("»"):
        text += "»"
    if text.count('"') % 2 and not text.endswith('"'):
        text += '"'
    if len(text) > 2 and text[-1] in _QUOTES and text[-2] in _TRAILING:  # 'what if.' -> 'what if'
        text = text[:-2] + text[-1]
    if text.count("'") % 2 and text.endswith("'"):  # a quote left open by a cut
        text = text[:-1].rstrip()
    return capitalised(text)
