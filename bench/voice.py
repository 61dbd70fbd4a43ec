"""The words deckmaker says for the host, counted: over the example (with its scripts, and a
copy with points only), the essays of bench/corpus/ and the Spanish essay, in each voice, and
the two-host dialogue of the example and of the Spanish essay.

    python bench/voice.py            # print the table
    python bench/voice.py --write    # and replace its section of bench/RESULTS.md

A generated sentence is one the author did not write (not found in the outline's own words).
Columns, 0 the target unless said: English lines in a non-English talk; goodbyes (paragraphs
that sign off among the last three, target 1); labels said as names ("step 1", "part II",
"chapter 3"); generated sentences with two colons; unbalanced quotes, ¿? or ¡!; names said
lower-cased; the largest share of generated sentences one opener (first two words) carries
(target ≤ 15 %); in the dialogue, the share of bare acknowledgements (≤ 20 %) and the co-host's
questions per section (≥ 1).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml
from results import replace_section

from deckmaker.formats import FORMATS
from deckmaker.options import Options
from deckmaker.outline import Outline
from deckmaker.pipeline import plan_outline
from deckmaker.planning import Kind, Plan
from deckmaker.readers import read_talk
from deckmaker.sentences import spans

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HEADING = "## The host's words: the voice bench"
VOICES = ("video", "talk", "podcast")
ENGLISH = re.compile(
    r"\b(?:the|and|we|we've|that's|thanks|today|let's|next|first|finally|guys|recap|here|"
    r"with|you|for)\b",
    re.I,
)
GOODBYE = re.compile(
    r"see you|thanks for (?:watching|listening)|thank you (?:so much )?for|catch you|"
    r"nos vemos|hasta la próxima|gracias por|in the comments|en los comentarios|"
    r"that's all for today|eso es todo",
    re.I,
)
LABEL = re.compile(r"\b(?:step|part|chapter|paso|parte|capítulo)\s+(?:\d+|[ivx]+)\b", re.I)
BARE = re.compile(
    r"(?:sure|got it|mm-hm+|right|okay|ok|yeah|yes|exactly|thanks(?:,? \w+)?|claro|vale|"
    r"exacto|ajá|sí|gracias(?:,? \w+)?)[.!]?",
    re.I,
)
FUNCTION = {"The", "What", "A", "An", "This", "That", "We", "In", "It", "Our", "My", "If", "And"}
NAME = re.compile(r"(?<![.!?¿¡]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")


def inputs(folder: Path) -> list[tuple[str, Path]]:
    example = ROOT / "outlines" / "la-la-land.yaml"
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    for seg in [data.get("intro") or {}, *data["sections"], data.get("outro") or {}]:
        seg.pop("script", None)
    data.pop("greeting", None)
    points = folder / "la-la-land-points.yaml"
    points.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    corpus = sorted(
        p
        for p in (HERE / "corpus").iterdir()
        if p.suffix in (".md", ".txt") and p.name != "SOURCES.md"
    )
    return [
        ("example", example),
        ("example, points only", points),
        ("Spanish essay", HERE / "essays" / "realidad-o-fantasia.txt"),
        *((p.name, p) for p in corpus),
    ]


def authored(outline: Outline) -> str:
    segs = [s for s in (outline.intro, *outline.sections, outline.outro) if s]
    texts = [outline.greeting or "", outline.signoff or ""]
    for s in segs:
        texts += [s.script or "", *(q.text for q in s.quotes)]
    return " ".join(" ".join(texts).split())


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in spans(text)]


def unbalanced(text: str) -> bool:
    """Quotes, brackets (and in Spanish ¿? and ¡!) that do not pair up in a paragraph."""
    pairs = [("“", "”"), ("(", ")")]
    if "¿" in text or "¡" in text:
        pairs += [("¿", "?"), ("¡", "!")]
    return text.count('"') % 2 == 1 or any(text.count(a) != text.count(b) for a, b in pairs)


def measure(plan: Plan, outline: Outline) -> dict[str, float]:
    mine = authored(outline)
    paragraphs = [p for s in plan.slides for p in s.spoken]
    said = [s for p in paragraphs for s in sentences_of(p)]
    generated = [s for s in said if " ".join(s.split()) not in mine]
    openers = Counter(" ".join(s.lower().split()[:2]).strip(",:;") for s in generated)
    names = {n for n in NAME.findall(mine) if n.split()[0] not in FUNCTION}
    low = " ".join(paragraphs)
    return {
        "english": sum(1 for s in generated if len(ENGLISH.findall(s)) >= 2)
        if plan.language != "en"
        else 0,
        "goodbyes": sum(1 for p in paragraphs[-3:] if GOODBYE.search(p)),
        "labels": sum(1 for s in generated if LABEL.search(s)),
        "colons": sum(1 for s in generated if s.count(":") >= 2),
        "unbalanced": sum(1 for p in paragraphs if unbalanced(p)),
        "lowered": sum(low.count(n.lower()) for n in names if n.lower() != n),
        "opener": max(openers.values(), default=0) / max(len(generated), 1),
        "generated": len(generated),
    }


def dialogue(path: Path, hosts: str) -> tuple[float, float]:
    """The share of bare acknowledgements among the turns, and the co-host's questions per
    section, in the dialogue of `path`."""
    plan, templates, _ = plan_outline(path, Options.of({"hosts": hosts}))
    text = FORMATS["dialogue"].render()(plan, templates, FORMATS["dialogue"]).text
    lines = re.findall(r"^\*\*(.+?):\*\* (.*)$", text, re.M)
    turns, last = [], None
    for who, words in lines:
        if who != last:
            turns.append((who, words))
        last = who
    bare = sum(1 for _, t in turns if BARE.fullmatch(t.strip())) / max(len(turns), 1)
    cohost = plan.hosts[1]
    asked = sum(1 for who, t in lines if who == cohost and "?" in t)
    sections = sum(1 for p in plan.parts if p.kind is Kind.SECTION)
    return bare, asked / max(sections, 1)


def table() -> str:
    rows = []
    worst: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in inputs(Path(tmp)):
            outline = read_talk(path)
            for voice in VOICES:
                plan = plan_outline(path, Options.of({"voice": voice}))[0]
                m = measure(plan, outline)
                rows.append(
                    f"| {name} | {voice} | {plan.language} | {m['english']} | {m['goodbyes']} | "
                    f"{m['labels']} | {m['colons']} | {m['unbalanced']} | {m['lowered']} | "
                    f"{m['opener']:.0%} of {m['generated']} |"
                )
                for key in ("english", "labels", "colons", "unbalanced", "lowered"):
                    worst[key] += int(m[key])
                worst["over 15 %"] += m["opener"] > 0.15 and m["generated"] >= 7
                worst["goodbyes ≠ 1"] += m["goodbyes"] != 1
        talks = [
            ("example", ROOT / "outlines" / "la-la-land.yaml", "Sam,Alex"),
            ("Spanish essay", HERE / "essays" / "realidad-o-fantasia.txt", "Lucía,Mateo"),
        ]
        said = [(n, *dialogue(p, h)) for n, p, h in talks]
    lines = [
        HEADING,
        "",
        "Written by `python bench/voice.py --write`; what each column counts is in its "
        "docstring. Generated sentences are those the author did not write.",
        "",
        "| input | voice | language | English lines | goodbyes | labels said | two colons "
        "| unbalanced | names lowered | largest opener |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Totals over every row: "
        + ", ".join(f"{k} {v}" for k, v in sorted(worst.items()))
        + " (an opener share counts only with 7 generated sentences or more).",
        "",
        "| dialogue | bare acknowledgements | co-host questions per section |",
        "|---|---|---|",
        *(f"| {n} | {b:.0%} | {q:.1f} |" for n, b, q in said),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = table()
    print(text)
    if "--write" in sys.argv:
        replace_section(HEADING, text)


if __name__ == "__main__":
    main()
