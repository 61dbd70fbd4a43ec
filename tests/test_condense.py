"""`--target` condenses a long essay: on real long essays from bench/corpus, the talk lands
within a tenth of the target, in the essay's order, every part represented, no sentence left
pointing at one cut; the same bytes twice; a short essay never padded; `import --target` writes
what was left out where the loader reads it and nothing says it."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckmaker.essay import essay_parts
from deckmaker.essay.anaphora import points_back
from deckmaker.essay.condense import condense, dangling, sentences_of
from deckmaker.essay.document import Passage
from deckmaker.options import Options
from deckmaker.outline import load_outline
from deckmaker.pipeline import build, import_to_outline, planned

CORPUS = Path(__file__).resolve().parent.parent / "bench" / "corpus"
LONG = ("walking.txt", "compiler-team-midyear-2022.md")


@pytest.mark.parametrize("name", LONG)
@pytest.mark.parametrize("minutes", (5, 12, 20))
def test_a_long_essay_lands_within_a_tenth_of_the_target(name: str, minutes: int) -> None:
    plan, _, _, outline = planned(CORPUS / name, Options(target=minutes * 60))
    assert abs(plan.total_seconds - minutes * 60) <= 0.1 * minutes * 60
    assert any("condensed to the" in w for w in outline.warnings)


HOOKS = {
    "self-reliance.txt": "I read the other day some verses",
    "civil-disobedience.txt": "I heartily accept the motto",
    "compiler-team-midyear-2022.md": "Back in February",
}


@pytest.mark.parametrize("name", HOOKS)
def test_order_parts_and_coherence_are_kept(name: str) -> None:
    passages, language = essay_parts(CORPUS / name)
    found = sentences_of(passages, language)
    done = condense(passages, language, 1500)
    assert 1275 <= done.kept <= 1725  # the plan, measured, corrects the rest (above)
    key = {(s.part, s.paragraph, s.start): i for i, s in enumerate(found)}
    keep = {key[k] for k in done.kept_sentences}
    assert dangling(found, keep) == []
    for part, (old, new) in enumerate(zip(passages, done.passages, strict=True)):
        if any(s.part == part for s in found):
            assert new.paragraphs, f"part {part} vanished"
        # the kept paragraphs are the author's sentences, whole, in the essay's order
        expected: dict[int, list[str]] = {}
        for i in sorted(keep):
            s = found[i]
            if s.part == part:
                text = old.paragraphs[s.paragraph][s.start : s.end]
                expected.setdefault(s.paragraph, []).append(text)
        assert new.paragraphs == tuple(" ".join(expected[n]) for n in sorted(expected))
    # the hook (after Emerson's epigraphs and Thoreau's dateline, the essay's first paragraph of
    # prose) and the closing thought
    first = found[min(keep)]
    assert passages[first.part].paragraphs[first.paragraph][first.start :].startswith(HOOKS[name])
    assert max(keep) == len(found) - 1


def test_the_detector_finds_a_planted_dangling_sentence() -> None:
    passage = Passage(
        None,
        1,
        (
            "Rivers carve valleys over thousands of years. They move sand and stone.",
            "However, glaciers do more. As I said above, rivers are slow.",
        ),
    )
    found = sentences_of([passage], "en")
    assert [s.back for s in found] == [False, True, True, False]
    assert found[3].far_back
    assert dangling(found, {0, 2}) == [2]  # "However" without the sentence before it
    assert dangling(found, {1}) == [1]  # "They" without its rivers
    assert dangling(found, {0, 1, 3}) == [3]  # "As I said above", something above cut
    assert dangling(found, {0, 1, 2, 3}) == []


def test_spanish_openers_point_back() -> None:
    assert points_back("Sin embargo, la película termina mal.", "es")[0]
    assert points_back("Esto cambia todo.", "es")[0]
    assert not points_back("La película termina mal.", "es")[0]
    assert points_back("Como dije antes, el final es triste.", "es")[1]


def test_same_bytes_twice(tmp_path: Path) -> None:
    essay = CORPUS / "civil-disobedience.txt"
    first = build(essay, tmp_path / "a", options=Options(target=300))
    second = build(essay, tmp_path / "b", options=Options(target=300))
    assert first.artifacts["script"].data == second.artifacts["script"].data
    assert first.artifacts["deck"].data == second.artifacts["deck"].data


def test_a_short_essay_is_not_padded() -> None:
    essay = CORPUS / "go-at-oscon-2014.md"
    plain = planned(essay)[0]
    long = planned(essay, Options(target=20 * 60))
    assert long[0].total_seconds == plain.total_seconds
    notes = [w for w in long[3].warnings if "target" in w]
    assert len(notes) == 1 and "none added" in notes[0]


def test_import_target_writes_what_was_left_out(tmp_path: Path) -> None:
    essay = tmp_path / "walking.txt"
    essay.write_bytes((CORPUS / "walking.txt").read_bytes())
    imported = import_to_outline(essay, options=Options(target=5 * 60))
    text = imported.path.read_text("utf-8")
    assert "left_out:" in text
    outline = load_outline(imported.path)
    segments = [s for s in (outline.intro, *outline.sections) if s]
    left = [p for s in segments for p in s.left_out]
    assert left, "nothing left out"
    said = " ".join(s.script or "" for s in segments)
    # left out means not said: a paragraph dropped whole is nowhere in the script
    assert any(p[:80] not in said for p in left)
    # putting a passage back is a copy: the left-out text is the essay's own
    source = " ".join(essay.read_text("utf-8").split())
    assert all(p[:60] in source for p in left[:10])
    # and the outline builds, left_out never said
    built = build(imported.path, tmp_path / "out")
    script = built.artifacts["script"].data.decode("utf-8")
    dropped_whole = [p for p in left if p[:80] not in said]
    assert all(p[:80] not in script for p in dropped_whole)


def test_a_left_out_passage_is_put_back_by_a_copy(tmp_path: Path) -> None:
    import yaml

    essay = tmp_path / "self-reliance.txt"
    essay.write_bytes((CORPUS / "self-reliance.txt").read_bytes())
    imported = import_to_outline(essay, options=Options(target=5 * 60))
    assert load_outline(imported.path).duration == 300  # the target, for the build to check
    data = yaml.safe_load(imported.path.read_text("utf-8"))
    part = next(s for s in data["sections"] if s.get("left_out"))
    passage = part["left_out"][-1]
    part["script"] = part["script"] + "\n\n" + passage  # the copy
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True, width=90), "utf-8")
    before = build(imported.path, tmp_path / "before")
    after = build(edited, tmp_path / "after")
    script = after.artifacts["script"].data.decode("utf-8")
    assert " ".join(passage.split()[:12]) in " ".join(script.split())
    assert after.plan.total_seconds > before.plan.total_seconds


def _with_front_matter(tmp_path: Path, lines: str) -> Path:
    essay = tmp_path / "walking.md"
    body = (CORPUS / "walking.txt").read_text("utf-8")
    essay.write_text(f"---\ntitle: Walking\n{lines}---\n\n{body}", "utf-8")
    return essay


def test_the_front_matter_duration_sets_the_target(tmp_path: Path) -> None:
    essay = _with_front_matter(tmp_path, "duration: '5:00'  # for the channel\n")
    plan, _, _, outline = planned(essay)
    assert plan.target == 300
    assert abs(plan.total_seconds - 300) <= 30
    assert any("condensed to the 5:00 target" in w for w in outline.warnings)
    # --target wins over the front matter
    plan = planned(essay, Options(target=12 * 60))[0]
    assert abs(plan.total_seconds - 720) <= 72
    # import condenses to it as a build does, and the outline keeps it as its duration
    imported = import_to_outline(essay)
    plan = planned(imported.path)[0]
    assert plan.target == 300
    assert abs(plan.total_seconds - 300) <= 30


def test_a_length_written_as_a_duration_sets_it_too(tmp_path: Path) -> None:
    assert planned(_with_front_matter(tmp_path, "length: 5m\n"))[0].target == 300
    # a `length` that is no duration is the site's business, left alone
    plan = planned(_with_front_matter(tmp_path, "length: long read\n"))[0]
    assert plan.target is None and plan.total_seconds > 3600


def test_a_front_matter_duration_that_is_no_time_names_its_line(tmp_path: Path) -> None:
    from deckmaker.errors import DeckmakerError

    with pytest.raises(DeckmakerError) as caught:
        planned(_with_front_matter(tmp_path, "duration: soon\n"))
    problem = caught.value.problems[0]
    assert (problem.line, problem.field) == (3, "duration")
    assert "'soon' is no length of time" in problem.message


def test_the_docs_give_the_bench_s_coverage() -> None:
    """docs/condensing.md's table says what bench/condense.py last wrote to bench/RESULTS.md."""
    import re

    root = CORPUS.parent.parent
    results = (root / "bench" / "RESULTS.md").read_text("utf-8")
    section = results.split("## Condensing to a target")[1].split("\n## ")[0]
    docs = (root / "docs" / "condensing.md").read_text("utf-8")
    rows = [line.split("|") for line in section.splitlines() if line.startswith("| ")][2:]
    assert len(rows) == 12
    for essay in dict.fromkeys(row[1].strip() for row in rows):
        bench = [(r[7].strip(), r[8].strip()) for r in rows if r[1].strip() == essay]
        words = next(r[2].strip() for r in rows if r[1].strip() == essay)
        line = next(line for line in docs.splitlines() if f"| {words} |" in line)
        said = re.findall(r"(\d+) % \((?:lead )?(\d+) %\)", line)
        assert said == [(m[:-1], lead[:-1]) for m, lead in bench], (essay, line)
