"""How well does deckmaker find where a hand-written point is said? Each essay is imported; its
points' `said:` anchors (the sentence each point was extracted from) are the truth; the anchors
are stripped and the points aligned as hand-written ones would be, by planning/align.py.
Reported per essay: the share of points placed on their own sentence, and within one sentence of
it, for the method beside its baselines.

    python bench/alignment.py            # print the table
    python bench/alignment.py --write    # and replace its section of bench/RESULTS.md

Baselines: *plain overlap* weighs every content stem alike (the method before rarity weighting);
*evenly spaced* puts a segment's k-th of m points at sentence (k + ½)·n/m, which knows nothing
of the words. A point left unaligned counts as missed. Imported points are cut from their
sentence, so their words are close to it: this measures the choice between sentences sharing
words, not paraphrase.
"""

from __future__ import annotations

import datetime
import platform
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from results import replace_section

from deckmaker.essay import read_essay
from deckmaker.outline import Segment, load_outline
from deckmaker.planning.align import SIMILARITY, Sentence, Similarity, align, anchored, sentences
from deckmaker.words import detect_language

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
HEADING = "## Alignment: where a point is said"

Method = Callable[[Sequence[str], Sequence[Sentence], str], tuple[int | None, ...]]


def by_similarity(similarity: Similarity) -> Method:
    def method(
        texts: Sequence[str], script: Sequence[Sentence], language: str
    ) -> tuple[int | None, ...]:
        return align(texts, script, language=language, similarity=similarity)

    return method


def evenly(texts: Sequence[str], script: Sequence[Sentence], language: str) -> tuple[int, ...]:
    m, n = len(texts), len(script)
    return tuple(min(n - 1, int((k + 0.5) * n / m)) for k in range(m))


METHODS: dict[str, Method] = {
    "method": by_similarity(SIMILARITY),
    "no rarity": by_similarity(replace(SIMILARITY, rarity=False)),
    "no endings": by_similarity(replace(SIMILARITY, endings=False)),
    "plain overlap at 40 % (before)": by_similarity(Similarity(False, False, 0.4)),
    "method at 40 %": by_similarity(replace(SIMILARITY, match=0.4)),
    "evenly spaced": evenly,
}


@dataclass(frozen=True)
class Case:
    """A segment's points with the sentence each is truly said in."""

    texts: tuple[str, ...]
    truth: tuple[int, ...]
    script: tuple[Sentence, ...]
    language: str


def essays() -> list[Path]:
    found = [ROOT / "outlines" / "la-la-land-ending.txt"]
    return found + sorted(p for p in (HERE / "essays").iterdir() if p.suffix in (".txt", ".md"))


def cases(essay: Path) -> list[Case]:
    """Every segment of the imported essay with a script and anchored points."""
    outline = read_essay(essay)
    segments: list[Segment] = [s for s in (outline.intro, *outline.sections, outline.outro) if s]
    out = []
    for seg in segments:
        if not seg.script or not seg.points:
            continue
        script = sentences(tuple(seg.script.split("\n\n")))
        pairs = [(p.text, anchored(p.said, script)) for p in seg.points if p.said]
        known = [(t, a) for t, a in pairs if a is not None]
        if known:
            language = detect_language(seg.script)
            texts, truth = zip(*known, strict=True)
            out.append(Case(tuple(texts), tuple(truth), script, language))
    return out


def hand_written() -> list[Case]:
    """The bundled outline's hand-written points (sub-points too, aligned with them as the
    planner does), with the sentences marked by hand in bench/essays/la-la-land.said.yaml."""
    outline = load_outline(ROOT / "outlines" / "la-la-land.yaml")
    marked = yaml.safe_load((HERE / "essays" / "la-la-land.said.yaml").read_text("utf-8"))
    out = []
    for seg in (outline.intro, *outline.sections):
        if seg is None or not seg.script:
            continue
        truths = marked["intro" if seg is outline.intro else seg.title]
        script = sentences(tuple(seg.script.split("\n\n")))
        texts = tuple(t for p in seg.points for t in (p.text, *p.points))
        found = [anchored(truths[t], script) for t in texts]
        truth = tuple(f for f in found if f is not None)
        assert len(truth) == len(texts), f"{seg.title}: a marked sentence is not in the script"
        out.append(Case(texts, truth, script, detect_language(seg.script)))
    return out


def accuracy(essay_cases: Sequence[Case], method: Method) -> tuple[float, float, int]:
    """Shares of points on their sentence, and within one sentence of it; and how many."""
    exact = near = total = 0
    for case in essay_cases:
        found = method(case.texts, case.script, case.language)
        for got, truth in zip(found, case.truth, strict=True):
            total += 1
            exact += got == truth
            near += got is not None and abs(got - truth) <= 1
    return exact / max(total, 1), near / max(total, 1), total


def report() -> str:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    names = list(METHODS)
    lines = [
        HEADING,
        "",
        f"Measured {now} on {platform.system()} {platform.machine()}, Python "
        f"{platform.python_version()}, by `python bench/alignment.py --write`. Each essay is "
        "imported, its points' `said:` anchors are taken as the truth and stripped, and the "
        "points are aligned as hand-written ones (`planning/align.py`). Share of points placed on "
        "their own sentence / within one sentence of it; higher is better. *method* is what the "
        "planner does (rarity-weighted overlap, endings counted half, 30 %); *plain overlap at "
        "40 %* is what it replaced; *evenly spaced* ignores the words.",
        "",
        "| essay | points | " + " | ".join(names) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in names) + " |",
    ]
    sums = {name: [0.0, 0.0] for name in names}
    count = 0
    rows = [(f"`{e.name}` (imported)", cases(e)) for e in essays()]
    rows.append(("`la-la-land.yaml` (by hand)", hand_written()))
    for label, found in rows:
        cells = []
        n = 0
        for name in names:
            exact, near, n = accuracy(found, METHODS[name])
            sums[name][0] += exact * n
            sums[name][1] += near * n
            cells.append(f"{exact:.0%} / {near:.0%}")
        count += n
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")
    total = [f"**{e / count:.0%} / {w / count:.0%}**" for e, w in sums.values()]
    lines.append(f"| **all essays** | **{count}** | " + " | ".join(total) + " |")
    return "\n".join(lines) + "\n\n" + READING


READING = """\
Reading the table: imported points are cut from their own sentence, so every method that reads
the words finds them. The misses in `remote-work.md` are `###` headings made points, anchored
to the first sentence of their subsection though their words are said later ("Assume good
intent" is said in the subsection's second sentence), or not at all ("Make work visible").
The hand-written points of the bundled outline are the real test. Plain overlap at 40 % (the
method before) put "The contrast with reality shows exactly what was lost" on "…this montage
shows us exactly that", seven sentences early, on two common words; weighing words by rarity
(and "-ly" adverbs half) moves it to "By showing us what could have been, the film emphasizes
what was lost", two sentences before the one marked. Lowering the share to 30 % finds
"Ambition drains the time and energy…" and "Encouraging Mia toward Paris…", which 40 % left
unaligned; rarity then places the Paris point one sentence late (on "true support means
encouraging…": rarer words than "Mia"), which is why *no rarity* scores one point more here.
26 points is a small sample: compare the columns, not the percentages.
"""


def write(section: str) -> None:
    """Replace this benchmark's section of RESULTS.md, keeping any others."""
    replace_section(HEADING, section, RESULTS)


if __name__ == "__main__":
    text = report()
    print(text)
    if "--write" in sys.argv[1:]:
        write(text)
