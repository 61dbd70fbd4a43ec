"""Technical prose in, a deck that does not look generated out: every Markdown essay of
bench/corpus/ (the technical posts and the READMEs of bench/corpus/readmes/) built in a shipped
theme and in a foreign template, and the slides that give a deck away as machine-made counted.

    python bench/design.py                      # print the table
    python bench/design.py --write              # and replace its section of bench/RESULTS.md
    python bench/design.py --against 0bac782    # with the totals of deckmaker at a revision

Every column but Slides, Parts and Longest part counts a defect; 0 is good.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from results import replace_section

from deckmaker.api import plan as plan_of
from deckmaker.planning.code import CODE_SIZES
from deckmaker.planning.model import Layout, Part, Plan, SlidePlan
from deckmaker.planning.slides import BODY_PT
from deckmaker.sentences import split
from deckmaker.theme.cache import cached_theme
from deckmaker.theme.frames import Box, Frames
from deckmaker.theme.shipped import theme_path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
THEMES = {
    "light": "light",
    "editorial": "editorial",
    "pandoc": str(HERE.parent / "tests/templates/pandoc-reference.pptx"),
}
HEADING = "## Technical prose: slides that look generated"
NUMBERED = re.compile(r"\((\d+)(?: \w+ |\/)(\d+)\)\s*$")  # "(3 of 17)", "(3 de 17)", "(3/17)"
RUN = 3  # "(3 of 3)": one list continued; past it, a run too long for one title
SHORT_CODE_ROWS = 3  # a snippet this short stands on a slide of its own only with reason
THIN = 1 / 3  # of the content area's height: a panel this thin at the area's top is lost in it
MANY_SLIDES = 12  # a part of more slides is too long for one title


def essays() -> list[Path]:
    """The corpus's essays: the Markdown posts, the plain-text essays (long prose, no
    headings), then the READMEs."""
    posts = sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md")
    prose = sorted(CORPUS.glob("*.txt"))
    return [*posts, *prose, *sorted((CORPUS / "readmes").glob("*.md"))]


def _title(slide: SlidePlan) -> str:
    return " ".join(slide.title.replace("\u00a0", " ").split())


def _in_parts(plan: Plan) -> list[tuple[Part, int, SlidePlan]]:
    return [(p, i, s) for p in plan.parts for i, s in enumerate(p.slides)]


def code_that_could_share(plan: Plan) -> int:
    """Code slides of a few rows right after another such slide of the same part: two short
    snippets said one after the other belong on one slide."""
    found = 0
    for part in plan.parts:
        for before, slide in zip(part.slides, part.slides[1:], strict=False):
            short = (before.code, slide.code)
            if all(0 < len(c) <= SHORT_CODE_ROWS for c in short):
                found += 1
    return found


def code_lost_in_panel(plan: Plan, area: Box) -> int:
    """Short code on a panel across the content area's whole width at its top, under THIN of
    its height: a line or two at the top of an empty slide."""
    found = 0
    for slide in plan.slides:
        if slide.code and slide.area and len(slide.code) <= SHORT_CODE_ROWS:
            _, top, width, height = slide.area
            wide = width >= area.width - 1
            if wide and top <= area.top + 1 and height < THIN * area.height:
                found += 1
    return found


def numbered_titles(plan: Plan) -> int:
    """Titles numbered as continuations: "Installation (3 of 17)"."""
    return sum(1 for s in plan.slides if NUMBERED.search(_title(s)))


def numbered_past_run(plan: Plan) -> int:
    """Titles numbered as continuations of a run longer than RUN: "Why it matters (9 of 16)"."""
    return sum(1 for s in plan.slides if (n := NUMBERED.search(_title(s))) and int(n[2]) > RUN)


def code_below_floor(plan: Plan) -> int:
    """Code set smaller than the floor a room reads from the back (CODE_SIZES' last)."""
    return sum(1 for s in plan.slides if s.code and s.code_pt < CODE_SIZES[-1])


def short_code_small(plan: Plan) -> int:
    """A snippet of a few rows set below the size of a list's text (BODY_PT): a line or two,
    small, on a slide that has room for more."""
    return sum(
        1 for s in plan.slides if s.code and len(s.code) <= SHORT_CODE_ROWS and s.code_pt < BODY_PT
    )


def past_the_limit(plan: Plan) -> int:
    """Slides up longer than the talk's limit (`pace:`, 75 s): a stretch with nothing to show
    and no statement left in the deck's budget said over the slide beside it, not under the
    section's title again (the price of a divider only opening a part)."""
    return sum(1 for _, length in plan.slide_timings if length > plan.max_slide_seconds)


def numbered_after_divider(plan: Plan) -> int:
    """The slide right after a section's divider numbered "(2 of N)": the section's first slide
    of content already reads as its second."""
    return sum(
        1
        for p, i, s in _in_parts(plan)
        if i
        and p.slides[i - 1].layout is Layout.HEADER
        and (found := NUMBERED.search(_title(s)))
        and int(found.group(1)) > 1
    )


def dividers_mid_section(plan: Plan) -> int:
    """A divider that is not its section's first slide: the section seems to start again."""
    return sum(1 for p, i, s in _in_parts(plan) if i and s.layout is Layout.HEADER)


def headings_as_statements(plan: Plan) -> int:
    """A statement slide showing a heading (a few words, no sentence): a bare subsection name
    set large looks like a divider."""
    return sum(1 for s in plan.slides if s.layout is Layout.STATEMENT and _heading(_stated(s)))


def _stated(slide: SlidePlan) -> str:
    """A statement's words: its title, or its body's where it stands under a heading."""
    return slide.subtitle or "" if slide.quote_in_body else slide.title


def _heading(text: str) -> bool:
    words = " ".join(text.split())
    return (
        len(words.split()) <= 6 and len(split(words)) == 1 and not words.endswith((".", "!", "?"))
    )


def statements_in_dividers(plan: Plan, frames: Frames) -> int:
    """Statement slides drawn in the divider's title box (a theme with no layout for quotes),
    not in a body box under their section's title."""
    divider_style = frames.quote is None
    return sum(
        1
        for s in plan.slides
        if s.layout is Layout.STATEMENT and divider_style and not s.quote_in_body
    )


def long_parts(plan: Plan) -> int:
    """Parts of more than MANY_SLIDES slides under one title."""
    return sum(1 for p in plan.parts if p.title and len(p.slides) > MANY_SLIDES)


COLUMNS: dict[str, Callable[[Plan], int]] = {
    "Code could share": code_that_could_share,
    "Numbered titles": numbered_titles,
    f"Numbered past {RUN}": numbered_past_run,
    "(2 of N) after divider": numbered_after_divider,
    "Dividers mid-section": dividers_mid_section,
    "Headings as statements": headings_as_statements,
    f"Parts > {MANY_SLIDES} slides": long_parts,
    "Code below floor": code_below_floor,
    "Short code small": short_code_small,
    "Past the limit": past_the_limit,
}


def table() -> tuple[str, float]:
    started = time.perf_counter()
    names = [*COLUMNS, "Code lost in panel", "Statements as dividers"]
    head = ["Essay", "Theme", "Slides", "Parts", "Longest part", *names]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    totals = {(n, t): 0 for n in names for t in THEMES}
    for essay in essays():
        for label, theme in THEMES.items():
            plan = plan_of(essay, theme=theme)
            frames = cached_theme(theme_path(theme)).frames
            found = {name: f(plan) for name, f in COLUMNS.items()}
            found["Code lost in panel"] = code_lost_in_panel(plan, frames.content or frames.body)
            found["Statements as dividers"] = statements_in_dividers(plan, frames)
            for name, value in found.items():
                totals[name, label] += value
            longest = max((len(p.slides) for p in plan.parts if p.title), default=0)
            cells = [essay.stem, label, str(len(plan.slides)), str(len(plan.parts) - 2)]
            cells += [str(longest), *map(str, found.values())]
            lines.append("| " + " | ".join(cells) + " |")
    for label in THEMES:
        sums = " | ".join(f"**{totals[n, label]}**" for n in names)
        lines.append(f"| **All** | {label} | | | | {sums} |")
    return "\n".join(lines), time.perf_counter() - started


def totals_at(revision: str) -> str:
    """The bench's totals with deckmaker's source as it was at `revision` (the corpus and the
    detectors as they are now): a git worktree of it, this script run there."""
    root = HERE.parent
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(root)]
        subprocess.run([*git, "worktree", "add", "--detach", str(tree), revision], check=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            run = [sys.executable, str(Path(__file__).resolve()), "--totals"]
            done = subprocess.run(run, env=env, check=True, capture_output=True, text=True)
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(tree)], check=True)
    return done.stdout


def main(write: bool, against: str | None) -> None:
    rows, took = table()
    if against:
        before = totals_at(against).replace("| **All** |", f"| **All at {against}** |")
        rows = rows + "\n" + before.strip()
    section = (
        f"{HEADING}\n\n"
        "Every essay of `bench/corpus/` (blog posts, most of them technical, the plain-text "
        "essays and the READMEs of `bench/corpus/readmes/`) planned in the shipped light and "
        "editorial themes and in pandoc's reference "
        "deck (`tests/templates/`, no layout for quotes). Code could share: a code slide of at "
        f"most {SHORT_CODE_ROWS} rows right after another of its part. Numbered titles: a title "
        f"ending '(k of N)'; Numbered past {RUN}: such a title with N over {RUN}; (2 of N) after "
        "divider: such a title on the slide right after a divider. Dividers mid-section: a "
        "divider that is not its part's first slide. Headings "
        "as statements: a statement slide of a few words and no sentence. Parts > "
        f"{MANY_SLIDES} slides: under one title. Code lost in panel: a snippet of at most "
        f"{SHORT_CODE_ROWS} rows on a panel the content area's width, at its top, under a third "
        "of its height. Statements as dividers: statement slides in a theme whose only place for "
        "them is the divider's title box. Code below floor: code set under "
        f"{CODE_SIZES[-1]} pt. Short code small: a snippet of at most {SHORT_CODE_ROWS} rows "
        f"under {BODY_PT} pt, a list's size. Past the limit: slides up longer than the talk's "
        "75 s. Written by `python bench/design.py --write"
        f"{' --against ' + against if against else ''}` in {took:.0f} s"
        f"{'; the last two lines are the totals of deckmaker at ' + against if against else ''}."
        f"\n\n{rows}\n"
    )
    print(section)
    if write:
        replace_section(HEADING, section)


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--totals" in args:  # for `totals_at`: the totals' lines alone
        print("\n".join(line for line in table()[0].split("\n") if "**All**" in line))
    else:
        against = args[args.index("--against") + 1] if "--against" in args else None
        main("--write" in args, against)
