"""How `--target` condenses long essays: the length reached, the hand-written points kept, the
sentences left pointing at nothing, the time taken.

For each long essay of bench/corpus with reference points written by hand
(bench/references/NAME.points.yaml) and each target (5, 12, 20 minutes):
- **length**: the planned talk's length (`deckmaker build --target`), against the target;
- **coverage**: the share of reference points whose anchoring sentence (the essay's sentence
  sharing most of the point's content stems) is kept, for the method and for the lead baseline
  (each part's first sentences, up to the number of words the method kept);
- **dangling**: kept sentences that open pointing back at a sentence not kept, point further
  back at something cut, or introduce a quotation that was cut (must be 0);
- **time**: the condenser alone, best of three, in milliseconds.

Run: python bench/condense.py [--write]  (--write puts the table into bench/RESULTS.md)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from deckmaker.essay import essay_parts
from deckmaker.essay.condense import DEFAULT, LEAD, condense, dangling, sentences_of
from deckmaker.essay.speech import speakable
from deckmaker.filters import clock
from deckmaker.options import Options
from deckmaker.pipeline import planned
from deckmaker.words import content_stems

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import replace_section  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
# Points written by hand for the long essays, as bench/corpus/NAME.points.yaml are but for the
# whole essay (bench/keypoints.py compares key points part by part; these are for the essay).
REFERENCES = HERE / "references"
ESSAYS = ("walking.txt", "self-reliance.txt", "civil-disobedience.txt",
          "compiler-team-midyear-2022.md")  # fmt: skip
MINUTES = (5, 12, 20)
HEADING = "## Condensing to a target (bench/condense.py)"


def reference_points(essay: Path) -> list[str]:
    data = yaml.safe_load((REFERENCES / f"{essay.stem}.points.yaml").read_text("utf-8"))
    return [point for points in data.values() for point in points]


def anchors(points: list[str], texts: list[str], language: str) -> list[int]:
    """Each point's anchoring sentence: the one sharing most of its content stems."""
    bags = [set(content_stems(t, language)) for t in texts]
    found = []
    for point in points:
        wanted = set(content_stems(point, language))
        found.append(max(range(len(bags)), key=lambda i: (len(wanted & bags[i]), -i)))
    return found


def measure(essay: Path, minutes: int) -> dict[str, object]:
    plan, _, _, outline = planned(essay, Options(target=minutes * 60))
    segments = [s for s in (outline.intro, *outline.sections) if s]
    kept_words = sum(len((s.script or "").split()) for s in segments)
    passages, language = essay_parts(essay)
    found = sentences_of(passages, language)
    texts = [speakable(passages[s.part].paragraphs[s.paragraph][s.start : s.end]) for s in found]
    key = {(s.part, s.paragraph, s.start): i for i, s in enumerate(found)}
    points = anchors(reference_points(essay), texts, language)
    row: dict[str, object] = {"length": plan.total_seconds}
    wanted = kept_words
    for name, weights in (("method", DEFAULT), ("lead", LEAD)):
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            done = condense(passages, language, wanted, weights)
            best = min(best, time.perf_counter() - start)
        keep = {key[k] for k in done.kept_sentences}
        row[name] = sum(i in keep for i in points) / len(points)
        row[f"{name} dangling"] = len(dangling(found, keep))
        row[f"{name} words"] = done.kept
        row[f"{name} ms"] = round(best * 1000)
        wanted = done.kept  # the baseline keeps as many words as the method did
    row["words"] = sum(s.words for s in found)
    return row


LONGEST = "project-goals-2025-july.md"
LONGEST_RAW = 14686  # words in the file, by `wc -w`: front matter, code and markup included


def longest() -> tuple[int, int]:
    """The longest essay's words of prose, and the milliseconds it takes to condense to 12:00."""
    passages, language = essay_parts(CORPUS / LONGEST)
    words = sum(s.words for s in sentences_of(passages, language))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        condense(passages, language, 12 * 150)
        best = min(best, time.perf_counter() - start)
    return words, round(best * 1000)


def main() -> None:
    lines = [
        HEADING,
        "",
        "Each long corpus essay built with `--target` at 5, 12 and 20 minutes (150 wpm): the "
        "planned talk's length against the target (±10 % is 4:30–5:30, 10:48–13:12, "
        "18:00–22:00); coverage, the share of the hand-written reference points "
        "(bench/references/NAME.points.yaml) whose anchoring sentence is kept, by the method "
        "and by the lead baseline (each part's first sentences, to as many words as the method "
        "kept); kept sentences whose antecedent was cut (dangling); the condenser's time.",
        "",
        "| Essay | Words | Target | Length | Off | Kept words | Coverage | Lead | Dangling "
        "| Lead dangling | ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    totals = {"method": 0.0, "lead": 0.0, "n": 0}
    for name in ESSAYS:
        essay = CORPUS / name
        for minutes in MINUTES:
            row = measure(essay, minutes)
            target = minutes * 60
            length = int(row["length"])  # type: ignore[call-overload]
            off = (length - target) / target
            totals["method"] += float(row["method"])  # type: ignore[arg-type]
            totals["lead"] += float(row["lead"])  # type: ignore[arg-type]
            totals["n"] += 1
            lines.append(
                f"| {name} | {row['words']:,} | {clock(target)} | {clock(length)} "
                f"| {off:+.0%} | {row['method words']:,} | {row['method']:.0%} "
                f"| {row['lead']:.0%} | {row['method dangling']} | {row['lead dangling']} "
                f"| {row['method ms']} |"
            )
            print(lines[-1], flush=True)
    n = totals["n"]
    words, ms = longest()
    lines += [
        "",
        f"Mean coverage: method {totals['method'] / n:.0%}, lead baseline "
        f"{totals['lead'] / n:.0%}. The longest corpus essay, {LONGEST} ({words:,} words of "
        f"prose, {LONGEST_RAW:,} in the file), condenses to 12:00 in {ms} ms (the condenser "
        "alone, best of three).",
    ]
    if "--write" in sys.argv:
        replace_section(HEADING, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
