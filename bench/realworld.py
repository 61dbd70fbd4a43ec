"""Real essays in, defects out: every essay of bench/corpus/ (written by people outside this
project, see bench/corpus/SOURCES.md) imported as a user would (`deckmaker import`, then
`deckmaker build` of the outline it wrote), and each defect of bench/defects.py counted.

    python bench/realworld.py            # print the table
    python bench/realworld.py --write    # and replace its section of bench/RESULTS.md
    python bench/realworld.py --templates [FOLDER] [--write]   # real templates instead
                                         # (bench/templates.py; tests/templates/ by default)

0 is good in every column but the share of quote and statement slides, which is shown as a
percentage (the "quotes > 1/3" column counts the slides past a third).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from defects import Talk, count, quote_share, talk_of
from results import replace_section

from deckmaker.api import build
from deckmaker.pipeline import import_to_outline

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
HEADING = "## Real essays: defects per corpus essay"
ESSAY_SUFFIXES = (".md", ".txt")
WHOLENESS = ("fragment titles", "cut points", "doubled pauses")


def essays() -> list[Path]:
    return sorted(
        p for p in CORPUS.iterdir() if p.suffix in ESSAY_SUFFIXES and p.name != "SOURCES.md"
    )


def built(essay: Path, folder: Path, out: Path | None = None) -> Talk:
    """The talk `deckmaker import` and `deckmaker build` make of `essay`, copied with its
    pictures into `folder` first, so that nothing is written beside the corpus; the deck and
    script are written into `out` when given."""
    for picture in CORPUS.iterdir():
        if picture.suffix in (".png", ".jpg", ".svg") and not (folder / picture.name).exists():
            shutil.copy(picture, folder / picture.name)
    copy = folder / essay.name
    shutil.copy(essay, copy)
    imported = import_to_outline(copy, folder / f"{essay.stem}.yaml", force=True)
    made = build(imported.path, out, formats=("txt", "show-notes"))
    script = made.artifacts["txt"].data.decode("utf-8")
    text = essay.read_text(encoding="utf-8")
    return talk_of(essay.stem, text, essay.suffix == ".md", made.plan, script)


def table(talks: list[tuple[Talk, float]]) -> str:
    names = list(count(talks[0][0])) if talks else []
    head = ["Essay", "Words", "Minutes", "Slides", "Quote share", *names]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    totals = dict.fromkeys(names, 0)
    for talk, _ in talks:
        found = count(talk)
        for name, value in found.items():
            totals[name] += value
        words = len(talk.essay.split())
        cells = [
            talk.name,
            f"{words:,}",
            f"{talk.minutes:.0f}",
            str(len(talk.slides)),
            f"{quote_share(talk):.0%}",
            *(str(found[n]) for n in names),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("| **All** | | | | | " + " | ".join(f"**{totals[n]}**" for n in names) + " |")
    return "\n".join(lines)


# The same columns measured before titles, points and pauses were made whole (main at 0bac782,
# its src/ and templates/ run under this bench: PYTHONPATH=<a checkout of it>/src): the baseline.
BASELINE_COMMIT = "0bac782"
BASELINE = {"fragment titles": 7, "cut points": 16, "doubled pauses": 13}
BASELINE_TITLES, BASELINE_POINTS = 71, 573  # of how many


def wholeness(talks: list[tuple[Talk, float]]) -> str:
    """The share of fragment titles and cut points, beside the baseline's."""
    titles = sum(len(t.parts) for t, _ in talks if t.headingless)
    points = sum(len(s.bullets) for t, _ in talks for s in t.slides)
    found = {name: sum(count(t)[name] for t, _ in talks) for name in WHOLENESS}
    was_titles, all_titles = BASELINE["fragment titles"], BASELINE_TITLES
    was_points, all_points = BASELINE["cut points"], BASELINE_POINTS
    return (
        f"Whole phrases: {found['fragment titles']} of {titles} part titles of the headingless "
        f"essays are fragments ({found['fragment titles'] / max(titles, 1):.0%}; "
        f"{was_titles} of {all_titles}, {was_titles / all_titles:.0%}, at {BASELINE_COMMIT}), "
        f"{found['cut points']} of {points} points are cut mid-phrase ({was_points} of "
        f"{all_points} at {BASELINE_COMMIT}); doubled pauses in the scripts: "
        f"{found['doubled pauses']} ({BASELINE['doubled pauses']} at {BASELINE_COMMIT})."
    )


def main(write: bool) -> None:
    started = time.perf_counter()
    talks = []
    with tempfile.TemporaryDirectory() as tmp:
        for essay in essays():
            began = time.perf_counter()
            talks.append((built(essay, Path(tmp)), time.perf_counter() - began))
    took = time.perf_counter() - started
    section = (
        f"{HEADING}\n\n"
        f"Every essay of `bench/corpus/` ({len(talks)} essays by outside authors, "
        "`bench/corpus/SOURCES.md`) imported and built as a user would, and each defect of "
        "`bench/defects.py` counted in what is said and shown (delivery notes and show notes may "
        "hold footnotes, addresses and descriptions). Front matter: a front-matter field or site "
        "value said or shown. Footnote marks, HTML, link syntax, URLs, alt text: said or shown. "
        "Cues mid-sentence: a slide cue where no sentence ends. Quote share: quote and statement "
        "slides of all; quotes > 1/3 counts those past a third. Unattributed quotes: quote slides "
        "naming nobody. Repeated slides: showing what an earlier one showed. Code not shown: "
        "code blocks on no code slide. Too few parts: a headingless essay of 6 minutes or more "
        "cut into fewer than 3 parts. Fragment titles: a headingless part's title that is no "
        "whole phrase (it ends on a function word, on a word the English lexicon of "
        "lemminflect gives no noun reading, or where the essay goes on into a verb's object: "
        "`bench/wholeness.py`). Cut points: a section's point whose words go on in the essay "
        "into the same phrase, or that leaves a quotation open. Doubled pauses: two `[PAUSE]` "
        "beats with nothing said between them. Written by `python bench/realworld.py --write` "
        f"in {took:.0f} s.\n\n" + table(talks) + "\n\n" + wholeness(talks) + "\n"
    )
    print(section)
    if write:
        replace_section(HEADING, section)


def _shown(folder: Path) -> str:
    """`folder` as the repository names it, where it is inside it."""
    try:
        return str(folder.resolve().relative_to(HERE.parent))
    except ValueError:
        return folder.name


def main_templates(folder: Path, write: bool) -> None:
    import templates

    started = time.perf_counter()
    table = templates.section(folder)
    took = time.perf_counter() - started
    section = (
        f"{templates.HEADING}\n\n"
        f"The example outline built in each template of `{_shown(folder)}/` "
        f"({len(templates.templates(folder))} templates made by others: LibreOffice's designs, "
        "pandoc's reference deck, PowerPoint's stock template; sources and licences in its "
        "SOURCES.md), each deck read back (`bench/templates.py`). Refused: the build refused "
        "the template. Colours lost: masters whose design sets its text colours only in its "
        "prompts (as LibreOffice saves them), used by slides that show none of them. Text over "
        "art: slides whose text (the part of its box it takes up, estimated from its runs) lies "
        "a quarter or more under the master's or layout's art, by the art's bounding boxes. "
        "Contrast, outside, duplicate title: `deckmaker check`'s findings of each rule. "
        f"Written by `python bench/realworld.py --templates --write` in {took:.0f} s.\n\n"
        + table
        + "\n"
        + BEFORE
    )
    print(section)
    if write:
        replace_section(templates.HEADING, section)


# The same bench under main at d32f0fe, before LibreOffice's prompt colours were written as
# text styles, boxes off the slide cut to it and art kept off text (PYTHONPATH=<a checkout of
# it>/src python bench/realworld.py --templates [FOLDER]), on this corpus and on 20 templates
# kept outside the repository (the 15 other LibreOffice 7.4 Impress designs saved as .pptx,
# python-pptx 1.0.2's four feature-test decks with masters and notes, the npm package
# ppt-template 1.0.9's example; MPL-2.0 and MIT).
BEFORE = (
    "\nBefore (main at d32f0fe), this corpus: refused 1, colours lost 16, text over art 25, "
    "contrast 178, outside 0, duplicate title 10. Twenty templates outside the repository (the "
    "15 other LibreOffice 7.4 designs, python-pptx 1.0.2's four feature-test decks, npm "
    "ppt-template 1.0.9's example), before -> after: refused 4 -> 3 (python-pptx's decks of "
    "Blank layouts only, rightly), colours lost 26 -> 0, text over art 46 -> 9, contrast "
    "151 -> 104, outside 18 -> 0, duplicate title 13 -> 0 (a closing message too long for "
    "the title slide's box no longer stands under the talk's title). "
    "Part of the drop in contrast is the check's own: it no longer reports text under a "
    "glow that fades (Lights' white titles over its dark background were white on white).\n"
)


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--templates" in args:
        given = [a for a in args[args.index("--templates") + 1 :] if not a.startswith("--")]
        main_templates(
            Path(given[0]) if given else HERE.parent / "tests" / "templates", "--write" in args
        )
    else:
        main("--write" in args)
