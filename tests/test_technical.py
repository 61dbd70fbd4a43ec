"""Technical prose (READMEs, docs pages) reads as a designed deck: a long section is cut where
its author cut it, short code said together shares a slide, code is titled by its subsection,
the slide after a divider never reads as its section's second, and no statement looks like a
divider. The design bench's detectors (bench/design.py) find nothing on a real README (pyenv's,
bench/corpus/readmes/), and each finds the fault planted for it."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import design  # noqa: E402
from test_plan import FRAMES  # noqa: E402

from deckmaker.api import plan as plan_of  # noqa: E402
from deckmaker.essay import import_essay  # noqa: E402
from deckmaker.highlight import Run  # noqa: E402
from deckmaker.options import Options  # noqa: E402
from deckmaker.planning import Layout, Plan, Voice, plan_talk  # noqa: E402
from deckmaker.planning.model import Kind, Part, SlidePlan  # noqa: E402
from deckmaker.templates import Templates  # noqa: E402
from deckmaker.theme.cache import cached_theme  # noqa: E402
from deckmaker.theme.shipped import theme_path  # noqa: E402

PYENV = ROOT / "bench" / "corpus" / "readmes" / "pyenv.md"
RICH = ROOT / "bench" / "corpus" / "readmes" / "rich.md"
# posts whose long sections of prose brought their title back mid-section as a divider
DIVIDED = [ROOT / "bench" / "corpus" / f"{n}.md" for n in ("imposter-syndrome", "go-at-oscon-2014")]
PANDOC = ROOT / "tests" / "templates" / "pandoc-reference.pptx"


def _plan(essay: str) -> Plan:
    outline = import_essay(essay, "essay.md", markdown=True)
    return plan_talk(outline, Voice(Templates()), FRAMES, Options(wpm=150))


def _task(name: str, words: int, code: str) -> str:
    prose = " ".join(f"Step {name} takes care{i} and runs one command." for i in range(words // 8))
    return f"### {name.title()}\n\n{prose}\n\n```sh\n{code}\n```\n\n"


def test_a_section_of_many_subsections_is_cut_where_its_author_cut_it() -> None:
    # four subsections of about 150 words each with their code: four minutes, one part before
    tasks = "".join(_task(n, 150, f"tool {n}") for n in ("install", "switch", "remove", "list"))
    essay = f"# Tool\n\n## Usage\n\n{tasks}## Credits\n\nMany people helped along the way.\n"
    titles = [s.title for s in import_essay(essay, "essay.md", markdown=True).sections]
    assert titles == ["Usage: Install", "Switch", "Remove", "List", "Credits"]


def test_a_short_section_of_subsections_stays_one_part() -> None:
    tasks = "".join(_task(n, 40, f"tool {n}") for n in ("install", "switch", "remove"))
    essay = f"# Tool\n\n## Usage\n\n{tasks}## Credits\n\nMany people helped along the way.\n"
    (usage, _) = import_essay(essay, "essay.md", markdown=True).sections
    assert usage.title == "Usage"
    assert [p.text for p in usage.points] == ["Install", "Switch", "Remove"]


def test_short_code_said_together_shares_a_slide_and_is_titled_by_its_subsection() -> None:
    essay = (
        "# Tool\n\n## Setup\n\nThe tool needs a little setup before it is used at all.\n\n"
        "### Bash\n\nAdd these lines to your shell's startup file:\n\n```sh\nexport A=1\n```\n\n"
        "Then load them again:\n\n```sh\nsource ~/.bashrc\n```\n\n"
        "### Fish\n\nFish reads its own file instead, so the lines go there:\n\n"
        "```fish\nset -x A 1\n```\n\nThat is all there is to it for every shell we know.\n"
    )
    codes = [s for s in _plan(essay).slides if s.layout is Layout.CODE]
    shown = [["".join(r.text for r in row) for row in s.code] for s in codes]
    # the two Bash commands and the sentence between them are one step; Fish's is another
    assert shown == [["export A=1", "", "source ~/.bashrc"], ["set -x A 1"]]
    # the section's first slide shows its title; the next its subsection's, not "Setup (2 of 2)"
    assert [s.title for s in codes] == ["Setup", "Fish"]


def test_a_short_snippet_is_set_large_on_a_panel_its_width_a_little_above_the_middle() -> None:
    essay = "# Tool\n\n## Setup\n\nInstall it with one command:\n\n```sh\npip install tool\n```\n"
    (code,) = [s for s in _plan(essay).slides if s.layout is Layout.CODE]
    area = FRAMES.content or FRAMES.body
    assert code.area is not None and code.code_pt > 24
    left, top, width, height = code.area
    assert width < area.width and top > area.top  # not a full-width strip at the area's top
    below = area.top + area.height - (top + height)
    assert top - area.top < below  # a little above the middle, where a block looks centred


def test_no_slide_after_a_divider_reads_as_its_sections_second() -> None:
    plan = plan_of(PYENV)
    for part in plan.parts:
        for before, slide in zip(part.slides, part.slides[1:], strict=False):
            if before.layout is Layout.HEADER:
                assert "(2 of" not in slide.title, slide.title


@pytest.mark.parametrize("theme", ["light", str(PANDOC)])
def test_pyenvs_readme_gives_no_slide_that_looks_generated(theme: str) -> None:
    plan = plan_of(PYENV, theme=theme)
    frames = cached_theme(theme_path(theme)).frames
    assert design.numbered_after_divider(plan) == 0
    assert design.headings_as_statements(plan) == 0
    assert design.long_parts(plan) == 0
    assert design.dividers_mid_section(plan) == 0
    assert design.code_lost_in_panel(plan, frames.content or frames.body) == 0
    assert design.statements_in_dividers(plan, frames) == 0
    labelled = [s for s in plan.slides if s.layout is Layout.STATEMENT]
    assert labelled and all(s.label or s.quote_in_body for s in labelled)  # the section goes on


@pytest.mark.parametrize("theme", ["light", str(PANDOC)])
def test_richs_readme_names_its_folds_and_numbers_no_long_run(theme: str) -> None:
    """Rich's README folds each feature under `<details><summary>Tables</summary>`: each label
    heads what it folds, so its code is titled by its feature; and no title is a number in a
    run too long for one ("Rich Library (9 of 16)")."""
    plan = plan_of(RICH, theme=theme)
    titles = {" ".join(s.title.split()) for s in plan.slides}
    assert {"Log", "Emoji", "Tables", "Status", "Columns"} <= titles
    assert design.numbered_past_run(plan) == 0
    assert design.dividers_mid_section(plan) == 0
    assert design.code_below_floor(plan) == 0


@pytest.mark.parametrize("essay", DIVIDED, ids=lambda p: p.stem)
def test_a_divider_only_opens_a_part(essay: Path) -> None:
    """A stretch of prose with nothing to show and no statement left is said over the slides
    beside it, not under the section's title shown again as a divider mid-section."""
    for theme in ("light", str(PANDOC)):
        assert design.dividers_mid_section(plan_of(essay, theme=theme)) == 0


def test_a_long_run_of_slides_takes_titles_of_their_own() -> None:
    """A section of prose said over many slides: after its first, each slide is titled by a
    phrase of its own words where it has one, none twice; only a run of MAX_NUMBERED or fewer
    is numbered."""
    topics = ["harbour walls", "fishing fleet", "lighthouse keeper", "storm surge", "tide tables"]
    prose = "\n\n".join(
        f"- The {t} matter here\n- The {t} of the town\n\n"
        + " ".join(
            f"The {t} of the old town changed in {w}, as the {t} always had before it."
            for w in ("spring", "summer", "autumn", "winter", "March", "May", "June", "July")
        )
        for t in topics
    )
    plan = _plan(f"# Talk\n\n## Harbour\n\n{prose}\n\n## End\n\nThe end came soon.\n")
    shown = [s.title for p in plan.parts if p.title == "Harbour" for s in p.slides]
    assert len(shown) > 3 and len(set(shown)) == len(shown)
    assert design.numbered_past_run(plan) == 0
    assert sum("Harbour" in t for t in shown) <= 3


# Planted faults: each detector finds the slide made to show its defect.
def _slide(layout: Layout, title: str, **more: object) -> SlidePlan:
    return SlidePlan(0, Kind.SECTION, layout, title, 32, **more)  # type: ignore[arg-type]


def _deck(*slides: SlidePlan) -> Plan:
    part = Part("Usage", Kind.SECTION, slides)
    return Plan("Talk", None, None, 150, (part,))


ONE_LINE = ((Run("pip install tool"),),)


def test_each_detector_finds_its_planted_fault() -> None:
    area = FRAMES.content or FRAMES.body
    full = (area.left, area.top, area.width, 40.0)
    code = _slide(Layout.CODE, "Usage (3 of 4)", code=ONE_LINE, code_pt=24, area=full)
    divider = _slide(Layout.HEADER, "Usage")
    after = _slide(Layout.CONTENT, "Usage (2 of 4)")
    heading = _slide(Layout.STATEMENT, "MacOS")
    assert design.code_that_could_share(_deck(code, replace(code, title="Usage (4 of 4)"))) == 1
    assert design.code_lost_in_panel(_deck(code), area) == 1
    assert design.numbered_titles(_deck(code)) == 1
    assert design.numbered_past_run(_deck(code)) == 1
    assert design.numbered_past_run(_deck(replace(code, title="Usage (3 of 3)"))) == 0
    assert design.code_below_floor(_deck(replace(code, code_pt=12))) == 1
    assert design.code_below_floor(_deck(code)) == 0
    assert design.short_code_small(_deck(replace(code, code_pt=16))) == 1
    said = (" ".join(["word"] * 200),)  # 80 s at 150 words a minute, past the 75 s limit
    assert design.past_the_limit(_deck(replace(after, spoken=said))) == 1
    assert design.past_the_limit(_deck(replace(after, spoken=(" ".join(["word"] * 150),)))) == 0
    assert design.numbered_after_divider(_deck(divider, after)) == 1
    assert (
        design.numbered_after_divider(_deck(divider, replace(after, title="Usage (1 of 4)"))) == 0
    )
    assert design.dividers_mid_section(_deck(after, divider)) == 1
    assert design.headings_as_statements(_deck(heading)) == 1
    assert design.headings_as_statements(_deck(replace(heading, title="It works."))) == 0
    assert design.long_parts(_deck(*[after] * (design.MANY_SLIDES + 1))) == 1
    no_quotes = replace(FRAMES, quote=None)
    assert design.statements_in_dividers(_deck(heading), no_quotes) == 1
    assert (
        design.statements_in_dividers(_deck(replace(heading, quote_in_body=True)), no_quotes) == 0
    )


def test_a_folds_label_heads_what_it_folds_but_a_sentence_does_not() -> None:
    fold = "<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n\n"
    prose = " ".join(f"Point {i} of the tool is worth a word here." for i in range(40))
    essay = (
        "# Tool\n\n## Features\n\n"
        + fold.format("Tables", prose)
        + fold.format("1 detailed update available.", prose.replace("tool", "tables"))
    )
    outline = import_essay(essay, "essay.md", markdown=True)
    said = [p.text for s in outline.sections for p in s.points] + [
        s.title for s in outline.sections
    ]
    assert "Tables" in said
    assert not any("update available" in t for t in said)


def test_a_list_under_a_subsection_is_titled_by_it() -> None:
    """A README's section of subsections that are lists of names ("### Colors", then `black`,
    `red`…): each slide that lists under one subsection is titled by it, its list continued
    under it numbered ("Colors (2 of 2)"), not "Styles (5 of 6)"."""
    names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "gray"]
    names += [f"{n}Bright" for n in names]
    lists = "".join(
        f"### {kind}\n\n" + "".join(f"- `{prefix}{n}`\n" for n in names) + "\n"
        for kind, prefix in (("Modifiers", "mod"), ("Colors", ""), ("Background colors", "bg"))
    )
    essay = "# Chalk\n\n## Styles\n\n" + lists + "## Support\n\nIt works in most terminals.\n"
    plan = _plan(essay)
    shown = [s.title for p in plan.parts if p.title == "Styles" for s in p.slides]
    assert "Colors" in shown and "Background colors" in shown
    assert design.numbered_past_run(plan) == 0
    assert not any(t.startswith("Styles (") for t in shown)
    colors = next(s for s in plan.slides if s.title == "Colors")
    assert colors.bullets[0].text == "black"  # the heading is the title, not its first point too
