"""Property tests: whatever outline or essay arrives, a build either succeeds, with artifacts the
judges accept and cues in step, or fails with `DeckmakerError` (each problem one line) and
writes nothing. Never another exception.

Two runs of the same properties (what is generated: tests/fuzzing.py):
- the short run, in the default suite: a few hundred examples, seeded, in about a minute;
- the long run, `pytest -m fuzz -s tests/test_fuzz.py`: 10,000 generated inputs (docs/testing.md).

Every example is judged in this process (`fuzzing.fast_findings`); a deterministic sample (the
first build that succeeds in each test, then every SAMPLE_EVERY-th) is also left for the
autouse fixture, which hands it to the outside tools (openxml-audit, LibreOffice, vnu.jar,
Chromium, srt-validator): too slow for every example.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import fuzzing
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis.strategies import SearchStrategy

import deckmaker
from deckmaker.errors import DeckmakerError
from deckmaker.filters import md
from deckmaker.outline import parse_outline
from deckmaker.pipeline import Built

# The run's seed: 18, or DECKMAKER_FUZZ_SEED (a new seed tries new inputs; the same seed
# replays a run exactly, here and on CI).
SEED = int(os.environ.get("DECKMAKER_FUZZ_SEED", "18"))
SHORT = {"outlines": 250, "essays": 150, "themes": 40}  # examples in the default run
# The fuzz marker's run: 10,000 inputs.
LONG = {"outlines": 5000, "essays": 3500, "themes": 1300, "huge": 200}
SAMPLE_EVERY = 1000  # besides the first, which builds are judged by the outside tools too
FORMATS = ("md", "txt", "html", "srt", "chapters", "show-notes")
# The formats outside tools read (the plain-text ones have only our own strict checks, run on
# every example, which take the author's text as it is: `fuzzing._teleprompter`).
OUTSIDE = ("md", "html", "srt", "chapters")

T = TypeVar("T")
tally: Counter[str] = Counter()


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,  # a huge string takes a while to fit; the run's length is what counts
        database=None,  # the same examples on every machine: replay nothing saved
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            # the autouse `judged` fixture is meant to run once, after every example
            HealthCheck.function_scoped_fixture,
        ],
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path | None]:
    """Where to build the examples the outside tools judge too; None for the rest."""
    seen: Counter[str] = Counter()
    folder = tmp_path_factory.mktemp("fuzz-sample")

    def where(family: str) -> Path | None:
        seen[family] += 1
        n = seen[family]
        return folder / f"{family}-{n}" if n == 1 or n % SAMPLE_EVERY == 0 else None

    return where


def _build(
    family: str,
    name: str,
    data: bytes,
    sample: Callable[[str], Path | None],
    theme: bytes | None = None,
) -> None:
    """Build `data` saved as `name` (with `theme`, a theme file's bytes, when given), and check
    the outcome."""
    tally[f"{family} generated"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, name)
        source.write_bytes(data)
        out = Path(tmp, "out")
        dialogue = ("dialogue",) if b"hosts" in data else ()
        chosen = {}
        if theme is not None:
            Path(tmp, "theme.pptx").write_bytes(theme)
            chosen = {"theme": str(Path(tmp, "theme.pptx"))}
        try:
            built = deckmaker.build(source, out, formats=FORMATS + dialogue, **chosen)
        except DeckmakerError as err:
            tally[f"{family} refused"] += 1
            assert err.problems
            for problem in err.problems:
                said = str(problem)
                assert problem.message and "\n" not in said, said
                said.encode("utf-8")  # printable: no surrogate of the input in a message
            assert not out.exists() or not any(out.iterdir()), "a failed build wrote files"
            return
        tally[f"{family} built"] += 1
        for warning in built.warnings:
            assert "\n" not in warning
            warning.encode("utf-8")
        found = fuzzing.plan_findings(built) + fuzzing.fast_findings(built)
        assert found == [], "\n".join(found)
        keep = sample(family)
        if keep is not None:  # built again where it stays, for the outside judges
            keep.mkdir(parents=True)
            (keep / name).write_bytes(data)
            if theme is not None:
                (keep / "theme.pptx").write_bytes(theme)
                chosen = {"theme": str(keep / "theme.pptx")}
            deckmaker.build(keep / name, keep / "out", formats=OUTSIDE + dialogue, **chosen)


def _outline(data: bytes, sample: Callable[[str], Path | None]) -> None:
    _build("outlines", "talk.yaml", data, sample)


def _essay(essay: tuple[str, bytes], sample: Callable[[str], Path | None]) -> None:
    suffix, data = essay
    _build("essays", f"essay{suffix}", data, sample)


def _theme(theme: bytes, sample: Callable[[str], Path | None]) -> None:
    _build("themes", "talk.yaml", THEMED, sample, theme)


def _huge(made: tuple[str, bytes], sample: Callable[[str], Path | None]) -> None:
    suffix, data = made
    _build("huge", f"talk{suffix}", data, sample)


THEMED = (
    b"title: A stranger's theme\nsubtitle: Built on it\nsections:\n"
    b"  - title: Points\n    points: [One, Two, {text: Three, points: [Four]}]\n"
    b"  - title: Columns\n    columns: [[A, B], [C, D]]\n"
    b"  - title: A quote\n    quote: {text: Words said, attribution: Someone}\n"
)


@pytest.fixture(scope="module", autouse=True)
def _summary() -> Iterator[None]:
    """The run's counts, for the README's record of the long run (shown with -s)."""
    tally.clear()
    yield
    print("\nfuzz:", ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))


def _run(
    strategy: SearchStrategy[T],
    check: Callable[[T, Callable[[str], Path | None]], None],
    examples: int,
    sample: Callable[[str], Path | None],
) -> None:
    @seed(SEED)
    @_settings(examples)
    @given(strategy)
    def run(data: T) -> None:
        check(data, sample)

    run()


def test_outlines_build_or_fail_cleanly(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.outline_file(), _outline, SHORT["outlines"], sample)


def test_essays_build_or_fail_cleanly(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.essay_file(), _essay, SHORT["essays"], sample)


def test_themes_build_or_fail_cleanly(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.theme_file(), _theme, SHORT["themes"], sample)


@pytest.mark.fuzz
def test_themes_long_run(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.theme_file(), _theme, LONG["themes"], sample)
    assert tally["themes generated"] >= LONG["themes"]


@pytest.mark.fuzz
def test_huge_inputs_long_run(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.huge_file(), _huge, LONG["huge"], sample)
    assert tally["huge generated"] >= LONG["huge"]


@pytest.mark.fuzz
def test_outlines_long_run(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.outline_file(), _outline, LONG["outlines"], sample)
    assert tally["outlines generated"] >= LONG["outlines"]


@pytest.mark.fuzz
def test_essays_long_run(sample: Callable[[str], Path | None]) -> None:
    _run(fuzzing.essay_file(), _essay, LONG["essays"], sample)
    assert tally["essays generated"] >= LONG["essays"]


# -- what the fuzzer found, each kept as a plain test -----------------------------------------


def _built(folder: Path, name: str, text: str, formats: tuple[str, ...] = FORMATS) -> Built:
    (folder / name).write_text(text, encoding="utf-8")
    built = deckmaker.build(folder / name, folder / "out", formats=formats)
    assert fuzzing.fast_findings(built) == []
    return built


def test_a_key_holding_a_line_break_is_named_on_one_line() -> None:
    with pytest.raises(DeckmakerError) as caught:
        parse_outline("title: T\nsections: [{title: A}]\nintro:\n  ? '" + "0" * 60 + "\n\n  x'\n"
                      "  : null\n", "t.yaml")  # fmt: skip
    [problem] = caught.value.problems
    assert str(problem) == (
        f"t.yaml:4: intro.{'0' * 39}…: unknown field; allowed: title, points, script, notes, "
        "quote, image, columns, code, table, left_out"
    )


def test_two_hosts_of_one_name_are_refused() -> None:
    with pytest.raises(DeckmakerError) as caught:
        parse_outline("title: T\nhosts: [Sam, Sam]\nsections: [{title: A}]\n", "t.yaml")
    assert str(caught.value) == (
        "t.yaml:2: hosts: the two names are the same; give two different names"
    )


def test_a_markdown_heading_with_no_words_heads_nothing(tmp_path: Path) -> None:
    built = _built(tmp_path, "e.md", "## First\n\nSome words here.\n\n#\n\nMore words.\n")
    assert [p.title for p in built.plan.parts if p.title] == ["First"]


def test_a_slide_with_a_word_said_is_up_a_second(tmp_path: Path) -> None:
    built = _built(tmp_path, "e.txt", "Hi.\n\nPart one\n\nYes.\n")
    # a slide said over for under 5 s borrows its neighbours' sentences, so the planner makes
    # none of one word today: the timings are asked of a plan whose first slide has one
    plan = built.plan
    first = replace(plan.parts[0].slides[0], spoken=("Hi.",))
    part = replace(plan.parts[0], slides=(first, *plan.parts[0].slides[1:]))
    plan = replace(plan, parts=(part, *plan.parts[1:]))
    assert plan.slides[0].words == 1
    assert plan.slide_timings[0][1] >= 1


def test_a_greeting_of_two_paragraphs_is_said_as_two(tmp_path: Path) -> None:
    built = _built(
        tmp_path, "t.yaml", "title: T\ngreeting: |\n  Hello.\n\n  # Not a heading\n"
        "sections: [{title: A, script: Words here.}]\n", ("md",),
    )  # fmt: skip
    assert built.plan.slides[0].spoken[:2] == ("Hello.", "# Not a heading")
    assert "\n\\# Not a heading\n" in built.files["script"].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("#hashtag", "\\#hashtag"), ("1. First", "1\\. First"), ("---", "\\---"),
        ("a * b * c", "a \\* b \\* c"), ("snake_case `x`", "snake\\_case \\`x\\`"),
        ("[a](b) ![c](d)", "\\[a\\](b) !\\[c\\](d)"), ("AT&T &amp;", "AT&T \\&amp;"),
        ("wait [PAUSE] now [CLICK]", "wait [PAUSE] now [CLICK]"),
        ("see https://x.org/a_b.", "see <https://x.org/a_b>."), ("<b>", "\\<b>"),
        ("(y)[PAUSE]", "(y)\\[PAUSE\\]"), ("C# and F##", "C# and F\\#\\#"),
        (">00", "\\>00"), ("> quoted", "\\> quoted"),
    ],
)  # fmt: skip
def test_the_markdown_scripts_show_the_authors_characters_as_typed(text: str, shown: str) -> None:
    assert md(text) == shown


def test_a_subtitle_past_255_characters_is_cut_in_the_documents_properties(tmp_path: Path) -> None:
    """python-pptx refuses a longer property; the slide still shows it whole."""
    import zipfile

    built = _built(tmp_path, "e.txt", f"A\n\n{'0' * 300}?\n\nPart\n\nIt works here.\n")
    assert built.plan.subtitle == f"{'0' * 300}?"
    with zipfile.ZipFile(built.files["deck"]) as z:
        core = z.read("docProps/core.xml").decode("utf-8")
    assert f"<dc:subject>{'0' * 254}…</dc:subject>" in core


def test_a_paragraph_opening_with_a_closing_angle_is_no_quote(tmp_path: Path) -> None:
    """'>' opens a Markdown quote with or without a space after it: the long run built a
    script whose quote was followed by a paragraph '>00', read as a second quote."""
    built = _built(
        tmp_path, "t.yaml", 'title: T\nsections:\n- title: A\n  quote: Q\n  script: "x\\n\\n>00"\n',
        ("md",),
    )  # fmt: skip
    assert "\n\\>00\n" in built.files["script"].read_text(encoding="utf-8")


def test_a_spanish_scripts_pause_is_the_plans_pause(tmp_path: Path) -> None:
    """The long run's essay read as Spanish: its scripts say [PAUSA] where the plan says
    [PAUSE] (the voice's own word), which the judges of the cues' words took for other words."""
    junk = (
        "\x07\n\n03<<>000CCEFFJKKNNOPQRSTXY/000*(&%$#  \x1d\x1c\x1b\x18\x16\r\n\x08\x06\x03\x02"
        "\x01&&00.67789<GKO00Z\x1e\x19\x19\x18\n\x07\x03O[[\\]]^00bbcdee00hhhjjjkklllmprrtuuvwx"
        "yzz|}\x84\x85\x85\x87\x87\x89\x8a\x8b\x8c\x8d\x8d\x8f\x8f\x90\x90\x91\x92\x93\x95\x95"
        "\x96\x97\x97\x97\x9800\x9a\x9b\x9c\n"
    )
    built = _built(tmp_path, "e.txt", junk, ("txt", "html"))
    assert built.plan.language == "es"
    assert any("[PAUSE]" in said for slide in built.plan.slides for said in slide.spoken)
    assert "[PAUSA]" in built.files["txt"].read_text(encoding="utf-8")


def test_a_spanish_scripts_pause_before_the_authors_backtick_is_their_own(tmp_path: Path) -> None:
    """The teleprompter shows the author's backtick as typed, which the fuzz judge allows in
    the plan's own lines: one with [PAUSA] is the plan's once read as [PAUSE]. (Built in memory
    and written here: the suite's strict judge would take the backtick for Markdown.)"""
    text = "\x07\n\nZ\u0337\u0322\u034ea\u0338l\u0334g\u0335o\u0336`\n\n\x07ending\x07\n\n\x07\n"
    (tmp_path / "essay.txt").write_text(text, encoding="utf-8")
    built = deckmaker.build(tmp_path / "essay.txt", only=("script",), formats=("txt",))
    script = tmp_path / built.artifacts["txt"].name
    script.write_bytes(built.artifacts["txt"].data)
    assert "\n[PAUSA] " in script.read_text(encoding="utf-8")
    assert fuzzing.fast_findings(replace(built, files={"txt": script})) == []
