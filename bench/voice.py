"""The words deckmaker says for the host, counted: over the example (with its scripts, and a
copy with points only), the essays of bench/corpus/ and the Spanish essay, in each voice, and
the two-host dialogue of the example and of the Spanish essay.

    python bench/voice.py            # print the table
    python bench/voice.py --write    # and replace its section of bench/RESULTS.md

A generated sentence is one the author did not write (not found in the outline's own words).
Columns, 0 the target unless said: English lines in a non-English talk; goodbyes (paragraphs
that sign off among the last three, target 1); labels said as names ("step 1", "part II",
"chapter 3"); generated sentences with two colons said (a colon inside a quotation is the
quoted person's; "::" in code is no pause); paragraphs whose generated words leave quotes, ¿? or
¡! unbalanced (the author's own sentences are left out: an unclosed quote of theirs is not ours);
names said with a capital lowered, in generated sentences (a name is a run of capitalised words
the author writes mid-sentence and never lower-cased); the largest share of generated sentences
one opener (first two words) carries (target ≤ 15 %); in the dialogue of the example and of each
essay, the share of bare acknowledgements among the turns (≤ 20 %), the fewest questions the
co-host asks in a part (≥ 1), the co-host's share of the words said (30 to 50 %), the longest
stretch one host speaks without the other saying a word, in seconds at the talk's pace (about
90 s at most), and the co-host's lines in the author's first person (0).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from results import replace_section

from deckmaker.options import Options
from deckmaker.outline import Outline
from deckmaker.pipeline import plan_outline
from deckmaker.planning import Kind, Plan
from deckmaker.planning.model import word_count
from deckmaker.readers import read_talk
from deckmaker.render.dialogue import dialogue_context
from deckmaker.render.timeline import timeline, without_clicks
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
NAME = re.compile(r"(?<![.!?¿¡:]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")
MARKS = re.compile(r"\[(?:PAUSE|CLICK)\]\s*")
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
SAID_COLON = re.compile(r"(?<!:):(?=\s|$)")
# The author's own voice, which only the main host speaks (quotations aside: they are others').
FIRST_PERSON = re.compile(
    r"(?<![\w'’])(?:I|I['’](?:m|d|ve|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Yy]o|[Mm]is?|"
    r"[Cc]onmigo)(?![\w'’])"
)


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


def colons(sentence: str) -> int:
    """The colons said in a sentence: none inside a quotation, none in code's "::"."""
    return len(SAID_COLON.findall(QUOTED.sub("", sentence)))


def names_of(mine: str) -> set[str]:
    """Runs of capitalised words the author writes mid-sentence and never all lower-case."""
    found = {n for n in NAME.findall(mine) if n.split()[0] not in FUNCTION}
    return {n for n in found if not re.search(rf"(?<![\w']){re.escape(n.lower())}\b", mine)}


def lowered(sentences: list[str], names: set[str]) -> int:
    """How often a name is said with one of its capitals lowered."""
    text = " ".join(sentences)
    return sum(
        1
        for n in names
        for m in re.finditer(rf"(?<![\w']){re.escape(n)}\b", text, re.I)
        if m.group() != n
    )


def measure(plan: Plan, outline: Outline) -> dict[str, float]:
    mine = authored(outline)
    paragraphs = [p for s in plan.slides for p in s.spoken]
    said = [s for p in paragraphs for s in sentences_of(p)]
    generated = [s for s in said if " ".join(s.split()) not in mine]
    ours = [
        " ".join(s for s in sentences_of(p) if " ".join(s.split()) not in mine) for p in paragraphs
    ]
    # a cue ("[PAUSE] [PAUSE] Let's start…") is no word: the opener is what is said after it,
    # and a cue said alone opens nothing
    bare = [b for b in (MARKS.sub("", s) for s in generated) if b.strip()]
    openers = Counter(" ".join(s.lower().split()[:2]).strip(",:;") for s in bare)
    return {
        "english": sum(1 for s in generated if len(ENGLISH.findall(s)) >= 2)
        if plan.language != "en"
        else 0,
        "goodbyes": sum(1 for p in paragraphs[-3:] if GOODBYE.search(p)),
        "labels": sum(1 for s in generated if LABEL.search(s)),
        "colons": sum(1 for s in generated if colons(s) >= 2),
        "unbalanced": sum(1 for p in ours if unbalanced(p)),
        "lowered": lowered(generated, names_of(mine)),
        "opener": max(openers.values(), default=0) / max(len(bare), 1),
        "generated": len(bare),
    }


@dataclass(frozen=True)
class Dialogue:
    bare: float  # the share of bare acknowledgements among the turns
    asked: int  # the fewest questions the co-host asks in one of the sections
    share: float  # the co-host's share of the words said
    stretch: float  # the longest stretch without a change of speaker, in seconds at the wpm
    author: int  # the co-host's lines in the author's first person ("I", "my", "me"; "yo", "mi")


def dialogue(path: Path, hosts: str) -> Dialogue:
    """The dialogue of `path`, measured: bare acknowledgements, the co-host's questions, their
    share of the words and the longest stretch one host speaks alone."""
    plan, templates, _ = plan_outline(path, Options.of({"hosts": hosts}))
    parts = timeline(plan)
    said = dialogue_context(plan, parts, templates)[0]["lines"]
    turns: list[str] = []
    asked: list[int] = []
    words = {host: 0 for host in plan.hosts}
    stretches, run, last = [0], 0, ""
    author = 0
    for part in parts:
        questions = 0
        for line in (line for cue in part.slides for line in said[cue.number]):
            count = word_count(line.text)
            if line.speaker != last:
                turns.append(line.text)
                stretches.append(run)
                run = 0
            run += count
            last = line.speaker
            words[line.speaker] += count
            questions += line.speaker == plan.hosts[1] and "?" in line.text
            own = line.speaker == plan.hosts[1] and FIRST_PERSON.search(QUOTED.sub("", line.text))
            author += bool(own)
        if part.part.kind is Kind.SECTION:
            asked.append(questions)
    stretches.append(run)
    bare = sum(1 for t in turns if BARE.fullmatch(without_clicks(t).strip()))
    return Dialogue(
        bare / max(len(turns), 1),
        min(asked, default=0),
        words[plan.hosts[1]] / max(sum(words.values()), 1),
        max(stretches) * 60 / plan.wpm,
        author,
    )


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
        talks = inputs(Path(tmp))
        said = [(n, dialogue(p, "Lucía,Mateo" if "Spanish" in n else "Sam,Alex")) for n, p in talks]
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
        "| dialogue | bare acknowledgements | fewest co-host questions in a part | co-host's "
        "share of words | longest stretch one host speaks | co-host lines in the author's "
        "first person |",
        "|---|---|---|---|---|---|",
        *(
            f"| {n} | {d.bare:.0%} | {d.asked} | {d.share:.0%} | {d.stretch:.0f} s | {d.author} |"
            for n, d in said
        ),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = table()
    print(text)
    if "--write" in sys.argv:
        replace_section(HEADING, text)


if __name__ == "__main__":
    main()
