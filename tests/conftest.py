"""Shared fixtures: outlines written on the fly, built into a temporary folder, and every file
the pipeline writes judged by outside readers when the test that built it ends."""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import judges
import pytest

from deckmaker import outputs
from deckmaker.pipeline import Built, build, example_outline

ROOT = Path(__file__).resolve().parents[1]
ESSAY = ROOT / "outlines" / "la-la-land-ending.txt"

# An outline with everything that has tripped decks up before: many sections, 25 points in one,
# long and nested points, a 150-character URL, a section with only points, one with only a
# script, Unicode, emoji and right-to-left text, a picture, a quote and two columns.
POINTS = "\n      - ".join(f"Point number {i} with a few more words to wrap" for i in range(1, 24))
SCRIPT = " ".join(f"Sentence {i} is said over the long section." for i in range(1, 31))
URL = "https://example.org/" + "/".join(f"segment-{i:03}" for i in range(1, 15))[:130]
LONG_POINT = (
    "A long point that keeps going well past one line: it says what it needs, then more, "
    "so that it wraps onto three or four lines of the slide before it finally comes to an end"
)
STRESS = f"""\
title: "Ünïcödé & émoji 🎬 — a stress test"
subtitle: 'Quotes "double" and ‘single’, <angle> & ampersands'
host: Zoë Ça
wpm: 130
intro:
  points: [Why this matters 🌍, "עברית and العربية side by side"]
  notes: Smile.
sections:
  - title: Only points
    points:
      - A first point that is long enough to wrap onto a second line of the slide when it is drawn
      - text: A point with sub-points
        points: [sub one, sub two ✨]
      - 2016
      - "yes"
    quote:
      text: "Don't \\"quote\\" me on this — but it's what ‘they’ said. 🎭"
      attribution: Zoë, "A Stress Test"
  - title: Only a script
    script: |
      First paragraph of the script,
      wrapped in the YAML.

      Second paragraph. It has two sentences!
    notes: [Slow down, Breathe]
  - title: A very long section that must continue on a further slide
    points:
      - "{URL}"
      - text: "{LONG_POINT}"
        points: ["A sub-point that is itself long enough to wrap at least once on the slide"]
      - {POINTS}
    script: {SCRIPT}
  - title: 日本語のセクション
    points: [漢字とかなの箇条書き, 二つ目の点]
    image: {{path: picture.png, alt: "A plain blue field, the colour of the brand"}}
  - title: Side by side, before and after
    columns:
      - title: Before ✨
        points: [Straight 'quotes', {{text: Nested point, points: [its sub-point]}}]
      - title: After
        points: [Curly ’quotes’, "العربية and עברית", A third point that wraps in its column]
outro:
  script: That's all from the stress test.
"""


@pytest.fixture(scope="session", autouse=True)
def _written() -> Iterator[list[Path]]:
    """Every file the pipeline writes, from any test or fixture, in process: all of it goes
    through `deckmaker.outputs.replace_set`."""
    written: list[Path] = []
    replace_set = outputs.replace_set

    @functools.wraps(replace_set)  # its __wrapped__ writes files no judge is for
    def recorded(folder: Path, files: Mapping[str, bytes], drop: Iterable[str] = ()) -> list[Path]:
        paths = replace_set(folder, files, drop)
        written.extend(paths)
        return paths

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "replace_set", recorded)
        yield written


@pytest.fixture(scope="session", autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds keep compiled templates and font metrics in a cache of the test run's own, not in
    the user's (see deckmaker.cache)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DECKMAKER_CACHE", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def judged(_written: list[Path]) -> Iterator[Callable[[Path], None]]:
    """Whatever the test built must pass every outside judge for its kind. Tests that build in
    another process hand their files to the fixture themselves."""
    extra: list[Path] = []
    yield extra.append
    built = [p for p in dict.fromkeys(_written + extra) if p.exists()]
    _written.clear()
    found = [f for path in built for f in judges.findings(path)]
    assert found == [], "outside judges object to what this test built:\n" + "\n".join(found)


@pytest.fixture
def write_outline(tmp_path: Path):
    """Write outline text to a file and return its path."""

    def write(text: str, name: str = "talk.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(example_outline(), tmp_path_factory.mktemp("example"))


def stress_outline(folder: Path) -> Path:
    """The stress outline, with the picture it shows beside it."""
    from PIL import Image

    Image.new("RGB", (640, 360), (37, 99, 235)).save(folder / "picture.png")
    (folder / "stress.yaml").write_text(STRESS, encoding="utf-8")
    return folder / "stress.yaml"


ALL_FORMATS = ("md", "txt", "html", "srt", "chapters", "show-notes", "dialogue")


@pytest.fixture(scope="session")
def stress(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("stress")
    return build(stress_outline(folder), folder / "out")


# Themes made elsewhere (tests/themes/README.md says how): one saved by LibreOffice Impress,
# one PowerPoint template (.potx).
FOREIGN_THEMES = {
    "impress": ROOT / "tests" / "themes" / "impress.pptx",
    "potx": ROOT / "tests" / "themes" / "template.potx",
}


@pytest.fixture(scope="session")
def every_format(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The example in every format, in the video voice; two hosts for the dialogue."""
    folder = tmp_path_factory.mktemp("formats")
    outline = example_outline().read_text(encoding="utf-8") + "hosts: [Sam, Alex]\n"
    (folder / "la-la-land.yaml").write_text(outline, encoding="utf-8")
    return build(folder / "la-la-land.yaml", folder / "out", only=("script",), formats=ALL_FORMATS)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/ from current output"
    )


@pytest.fixture
def example_outline_path() -> Path:
    return example_outline()


@pytest.fixture(scope="session")
def revealed(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A hand-made plan with revealed slides (tests/revealed.py): its deck and every format."""
    from revealed import build_revealed

    return build_revealed(tmp_path_factory.mktemp("revealed"))
