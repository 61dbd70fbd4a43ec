"""How good are the key points `deckmaker import` extracts? ROUGE-L F1 against points written by
hand, per essay, beside the lead baseline and the ranking choices the method was picked from; and
how many of them fail to read as a statement (open with a pronoun, have no finite verb or end on
a word that promises more, by the heuristic in src/deckmaker/grammar.py), beside the same
shares for the points written by hand.

    python bench/keypoints.py            # print the tables
    python bench/keypoints.py --write    # and replace their section of bench/RESULTS.md

References: the bundled outline's points for the reference essay (outlines/la-la-land.yaml),
bench/essays/<essay>.points.yaml and bench/corpus/<essay>.points.yaml (real essays by outside
authors) for the others. Lead baseline: each section's first four
sentences cut to 12 words, the standard baseline in summarisation. ROUGE-L is computed here on
lower-cased \\w+ tokens, so accents survive (rouge-score's tokenizer drops non-ASCII letters).
"""

from __future__ import annotations

import datetime
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import yaml
from results import replace_section
from sentence_cases import SPLIT_CASES

from deckmaker.essay import read_essay
from deckmaker.essay.points import DEFAULT, Ranking, key_points
from deckmaker.grammar import ends_dangling, has_finite_verb, opens_with_pronoun
from deckmaker.outline import Outline, Segment, load_outline
from deckmaker.words import detect_language, split_sentences

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
HEADING = "## Key points: ROUGE-L F1 against hand-written points"
_TOKEN = re.compile(r"\w+")

VARIANTS: dict[str, Ranking] = {
    "method": DEFAULT,
    "TextRank alone": Ranking(spread=False, chatter=0.0, cut=0.0, title=0.0),
    "no chatter penalty": replace(DEFAULT, chatter=0.0),
    "no heading bonus": replace(DEFAULT, title=0.0),
    "+ position": replace(DEFAULT, position=0.3),
    "one per stretch": replace(DEFAULT, spread=True),
    "no statement rules": replace(DEFAULT, fragment=0.0, pronouns=False),
    "no topic sentences": replace(DEFAULT, opening=0.0),
}
HAND = "written by hand"


def essays() -> list[tuple[Path, dict[str, list[str]]]]:
    reference = load_outline(ROOT / "outlines" / "la-la-land.yaml")
    found = [(ROOT / "outlines" / "la-la-land-ending.txt", _points_of(reference))]
    written = [*(HERE / "essays").glob("*.points.yaml"), *(HERE / "corpus").glob("*.points.yaml")]
    for refs in sorted(written, key=lambda p: p.name):
        essay = next(p for p in refs.parent.glob(refs.name.replace(".points.yaml", ".*"))
                     if p.suffix in (".txt", ".md"))  # fmt: skip
        found.append((essay, yaml.safe_load(refs.read_text(encoding="utf-8"))))
    return found


def _points_of(outline: Outline) -> dict[str, list[str]]:
    segments = {"intro": outline.intro} | {s.title or "": s for s in outline.sections}
    return {
        key: [t for p in seg.points for t in (p.text, *p.points)]
        for key, seg in segments.items()
        if seg
    }


def rouge_l(candidate: list[str], reference: list[str]) -> float:
    """ROUGE-L F1 of two texts, each given as its points, on lower-cased word tokens."""
    a = _TOKEN.findall(" ".join(candidate).lower())
    b = _TOKEN.findall(" ".join(reference).lower())
    if not a or not b:
        return 0.0
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    lcs = row[-1]
    if not lcs:
        return 0.0
    p, r = lcs / len(a), lcs / len(b)
    return 2 * p * r / (p + r)


def lead(segment: Segment, language: str) -> list[str]:
    sentences = split_sentences(tuple((segment.script or "").split("\n\n")), language)
    return [" ".join(s.text.split()[:12]) for s in sentences[:4]]


def scores(essay: Path, refs: dict[str, list[str]]) -> dict[str, float]:
    """Mean ROUGE-L F1 of each system over the essay's segments."""
    return {name: sum(r for r, _ in v) / len(v) for name, v in _measured(essay, refs).items()}


FLAWS: dict[str, Callable[[str, str], bool]] = {
    "pronoun": opens_with_pronoun,
    "no verb": lambda text, language: not has_finite_verb(text, language),
    "dangling": ends_dangling,
}


def flaws(essay: Path, refs: dict[str, list[str]]) -> dict[str, list[int]]:
    """For each system (and the points written by hand): how many of its points have each
    flaw, then how many points there are. Only sections whose points are extracted count."""
    outline = read_essay(essay)
    language = _language(outline)
    found: dict[str, list[int]] = {}
    for name, segments in _measured(essay, refs, extracted_only=True).items():
        points = [p for _, ps in segments for p in ps]
        found[name] = [sum(flawed(p, language) for p in points) for flawed in FLAWS.values()]
        found[name].append(len(points))
    return found


def _language(outline: Outline) -> str:
    return detect_language(" ".join(s.script or "" for s in _segments(outline).values()))


def _measured(
    essay: Path, refs: dict[str, list[str]], extracted_only: bool = False
) -> dict[str, list[tuple[float, list[str]]]]:
    """Each system's ROUGE-L F1 and points, segment by segment (only the segments whose
    points are extracted, with `extracted_only`)."""
    outline = read_essay(essay)
    language = _language(outline)
    systems: dict[str, Callable[[Segment], list[str]]] = {
        "lead baseline": lambda seg: lead(seg, language)
    }
    for name, ranking in VARIANTS.items():
        systems[name] = partial(_points, language=language, ranking=ranking)
    found: dict[str, list[tuple[float, list[str]]]] = {name: [] for name in (*systems, HAND)}
    for key, segment in _segments(outline).items():
        if key not in refs or extracted_only and _listed(segment, language):
            continue
        for name, system in systems.items():
            points = system(segment)
            found[name].append((rouge_l(points, refs[key]), points))
        found[HAND].append((1.0, refs[key]))
    return {name: v for name, v in found.items() if v}


def _segments(outline: Outline) -> dict[str, Segment]:
    found = {"intro": outline.intro} if outline.intro else {}
    return found | {s.title or "": s for s in outline.sections}


def _listed(segment: Segment, language: str) -> bool:
    """The essay lists this segment's points itself (a Markdown list, `###` headings)."""
    paragraphs = tuple((segment.script or "").split("\n\n"))
    return segment.points != key_points(paragraphs, language, title=segment.title)


def _points(segment: Segment, language: str, ranking: Ranking) -> list[str]:
    paragraphs = tuple((segment.script or "").split("\n\n"))
    if _listed(segment, language):
        return [t for p in segment.points for t in (p.text, *p.points)]
    return [p.text for p in key_points(paragraphs, language, ranking, segment.title)]


def splitters() -> dict[str, Callable[[str, str], int]]:
    found: dict[str, Callable[[str, str], int]] = {
        "deckmaker (used)": lambda lang, text: len(split_sentences((text,), lang)),
        "regex on . ! ?": lambda lang, text: len(re.split(r"(?<=[.!?…])\s+", text)),
    }
    try:  # the bench extra installs the others
        import pysbd

        found["pysbd"] = lambda lang, text: len(
            pysbd.Segmenter(language=lang, clean=False).segment(text)
        )
    except ImportError:
        pass
    try:
        from sentence_splitter import SentenceSplitter

        found["sentence-splitter (Koehn)"] = lambda lang, text: len(
            SentenceSplitter(language=lang).split(text)
        )
    except ImportError:
        pass
    return found


def report() -> str:
    rows = [(essay, scores(essay, refs)) for essay, refs in essays()]
    names = [name for name in rows[0][1] if name != HAND]
    lines = [
        HEADING,
        "",
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on "
        f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, by "
        "`python bench/keypoints.py --write`. Mean over each essay's intro and sections of the "
        "ROUGE-L F1 between the points and the points written by hand; higher is better. "
        "*method* is what `deckmaker import` does; the other columns are the choices it was "
        "picked from. Sections whose points the essay lists itself (Markdown lists, `###`) "
        "score the same in every column but the baseline.",
        "",
        "| essay | " + " | ".join(names) + " |",
        "| --- |" + " ---: |" * len(names),
    ]
    for essay, score in rows:
        cells = " | ".join(f"{score[n]:.3f}" for n in names)
        lines.append(f"| `{essay.name}` | {cells} |")
    wins = all(s["method"] > s["lead baseline"] for _, s in rows)
    gain = statistics.mean(s["method"] - s["lead baseline"] for _, s in rows)
    lines += [
        "",
        f"The method beats the lead baseline on every essay: **{'yes' if wins else 'NO'}**, "
        f"by {gain:.3f} on average (the goal: 0.05 or more).",
    ]
    lines += [
        "",
        'Reading the table: *TextRank alone* picks "You know the one I\'m talking about" and',
        '"Did Mia and Sebastian end up together?" from the reference essay; the chatter penalty',
        "keeps them off the slides, at a cost on the sleep essay (*no chatter penalty*). The",
        "statement rules (*no statement rules* is the method without them: points that open with",
        "a pronoun allowed, phrases not ranked lower) cost no ROUGE; what they buy is in the next",
        "table. Keeping one point per stretch of the section (*one per stretch*) spreads the",
        "points out but loses to the baseline on the sleep essay. The Spanish essay's sections",
        "have four or five sentences, so every ranking keeps the same three. ROUGE-L rewards",
        "shared words in order, so a point written by hand in other words scores low even when",
        'it says the same thing, and a hand-written phrase ("Bright light in the morning, dim',
        'light in the evening") rewards a cut that the rules now refuse: compare the columns, not',
        "the absolute numbers. Blog posts and technical posts open their paragraphs on their",
        "topic sentence: the bonus for a paragraph's first sentence (*no topic sentences* is",
        "the method without it) wins on the posts whose references follow them (fearless-",
        "concurrency, check-cfg, the reference essay) and costs on errors-are-values, whose",
        "paragraphs lead into code; on average the two are within 0.005 of each other, and the",
        "bonus was kept because without it fearless-concurrency beats the baseline by 0.001",
        "only. Discourse markers ('Last but not least,', 'To that end,', 'These days,') are",
        "trimmed, 'These include…' counts as opening on a pronoun, and a sentence too long for",
        "a slide may be cut before a relative clause ('a pure-Rust CSS engine | that makes full",
        "use of…'), never inside brackets or quotation marks: that is what lifted",
        "error-handling-group above the baseline.",
        "",
        *readability(),
        "",
        "### Sentence splitters",
        "",
        "Sentences found in hard cases, against the count a careful reader makes (✗: wrong):",
        "",
    ]
    split = splitters()
    lines += ["| case | right | " + " | ".join(split) + " |"]
    lines += ["| --- | ---: |" + " ---: |" * len(split)]
    for lang, text, n in SPLIT_CASES:
        found = [count(lang, text) for count in split.values()]
        cells = " | ".join(f"{f}" + ("" if f == n else " ✗") for f in found)
        lines.append(f"| {lang}: {text} | {n} | {cells} |")
    right = [sum(c(lang, t) == n for lang, t, n in SPLIT_CASES) for c in split.values()]
    lines.append("| **right** | | " + " | ".join(f"{r} / {len(SPLIT_CASES)}" for r in right) + " |")
    lines += [
        "",
        "Sentences found in each essay (a difference is a boundary one of them gets wrong):",
        "",
    ]
    lines += ["| essay | " + " | ".join(split) + " |", "| --- |" + " ---: |" * len(split)]
    for essay, _ in essays():
        outline = read_essay(essay)
        paragraphs = [
            p for s in _segments(outline).values() for p in (s.script or "").split("\n\n")
        ]
        language = detect_language(" ".join(paragraphs))
        counts = [sum(c(language, p) for p in paragraphs if p) for c in split.values()]
        lines.append(f"| `{essay.name}` | " + " | ".join(map(str, counts)) + " |")
    lines += [
        "",
        "Time to split the example essay (`outlines/la-la-land-ending.txt`, "
        f"{len(EXAMPLE.read_text(encoding='utf-8').split()):,} words), paragraph by paragraph, "
        "median of 21 runs after one unmeasured:",
        "",
        "| " + " | ".join(split) + " |",
        "|" + " ---: |" * len(split),
        "| " + " | ".join(f"{_split_ms(c):.2f} ms" for c in split.values()) + " |",
    ]
    return "\n".join(lines) + "\n"


EXAMPLE = ROOT / "outlines" / "la-la-land-ending.txt"


def _split_ms(count: Callable[[str, str], int]) -> float:
    """Median milliseconds `count` takes over the example essay's paragraphs."""
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    times = []
    for _ in range(22):
        start = time.perf_counter()
        for p in paragraphs:
            count("en", p)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:]) * 1000


def readability() -> list[str]:
    """The second measure: points that do not read as a statement."""
    rows = [(essay, flaws(essay, refs)) for essay, refs in essays()]
    names = ["lead baseline", "method", "no statement rules", HAND]
    lines = [
        "### Points that do not read as a statement",
        "",
        "Share of the points that open with a pronoun whose noun they do not name (*pronoun*: "
        '"It validates…", "That\'s the real magic…"), that have no finite verb (*no verb*: '
        '"Sebastian\'s dream of opening his own jazz club") or that end on an article, a '
        'preposition or a conjunction (*dangling*: "…because honestly, it\'s the"), judged by '
        "the word-list heuristic in `src/deckmaker/grammar.py`; lower is better. "
        "*no statement rules* is the method without the ranking's part (pronoun openers "
        "allowed, phrases not ranked lower); its compression still refuses cuts that strand a "
        "subject. The points *written by hand* show what the heuristic makes of a person's "
        "bullets, which are often phrases. Sections whose points the essay lists itself are "
        "left out.",
        "",
        "| essay | system | " + " | ".join(FLAWS) + " | any | points |",
        "| --- | --- |" + " ---: |" * (len(FLAWS) + 2),
    ]
    totals = {n: [0] * (len(FLAWS) + 2) for n in names}
    for essay, found in rows:
        for n in names:
            *counts, count = found[n]
            # a point with several flaws counts once in *any*
            total = [*counts, _any(essay, n), count]
            totals[n] = [a + b for a, b in zip(totals[n], total, strict=True)]
            lines.append(f"| `{essay.name}` | {n} | " + _shares(total) + " |")
    for n in names:
        lines.append(f"| **all essays** | **{n}** | " + _shares(totals[n], bold=True) + " |")
    method, lead_ = totals["method"], totals["lead baseline"]
    better = method[-2] / method[-1] < lead_[-2] / lead_[-1]
    lines += [
        "",
        "Fewer of the method's points have a flaw than the lead baseline's: "
        f"**{'yes' if better else 'NO'}**. The heuristic is the one the method ranks by, so this "
        "shows the rules at work, not that a reader would agree: read the points too.",
    ]
    return lines


def _any(essay: Path, name: str) -> int:
    refs = dict(essays())[essay]
    language = _language(read_essay(essay))
    points = [p for _, ps in _measured(essay, refs, extracted_only=True)[name] for p in ps]
    return sum(any(flawed(p, language) for flawed in FLAWS.values()) for p in points)


def _shares(counts: list[int], bold: bool = False) -> str:
    *flawed, count = counts
    mark = "**" if bold else ""
    return " | ".join(f"{mark}{n / count:.0%}{mark}" for n in flawed) + f" | {count}"


def write(section: str) -> None:
    """Replace this benchmark's section of RESULTS.md, keeping any others."""
    replace_section(HEADING, section, RESULTS)


if __name__ == "__main__":
    text = report()
    print(text)
    if "--write" in sys.argv[1:]:
        write(text)
