"""The documentation site builds, strictly, and its generated references cover what the code
offers: every filter with an example, every variable a template receives, every attribute the
bundled templates read, every dependency's licence; the README stays a front door. (That
nothing cites a path outside the repository is tests/test_structure.py's.)"""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jinja2 import nodes

from deckmaker import filters
from deckmaker.formats import FORMATS
from deckmaker.render.variables import FORMAT_VARIABLES, VOICE_VARIABLES
from deckmaker.templates import Templates

ROOT = Path(__file__).resolve().parents[1]


def _reference() -> Any:
    """tools/docs_reference.py, the MkDocs hook that generates the reference pages."""
    spec = importlib.util.spec_from_file_location(
        "docs_reference", ROOT / "tools/docs_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    """`mkdocs build --strict`: every page in the nav, every link and anchor found, every
    generated example rendered, the API read from the docstrings."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outline = (tmp_path / "reference" / "outline" / "index.html").read_text(encoding="utf-8")
    assert "curly_quotes" in outline and "show_notes" in outline
    api = (tmp_path / "reference" / "api" / "index.html").read_text(encoding="utf-8")
    assert "deckmaker.api.build" in api and "Plan the talk in" in api
    # the voices page's samples are said by the voices as they are, in each voice and two hosts
    voices = (tmp_path / "voices" / "index.html").read_text(encoding="utf-8")
    assert (
        "<!-- generated" not in voices
        and "Priya here!" in voices
        and "<strong>Ben:</strong>" in voices
    )
    assert "welcome to the show" in voices and "thank you for being here" in voices


def test_every_filter_shows_itself_at_work() -> None:
    """Each filter's docstring says what it does and holds a `{{ … }}` example using it, which
    the template reference renders."""
    for name, function in filters.ALL.items():
        doc = inspect.getdoc(function) or ""
        examples = re.findall(r"`(\{\{.*?\}\})`", doc)
        assert examples, f"filter {name}: its docstring needs a `{{{{ … | {name} }}}}` example"
        assert all(re.search(rf"\|\s*{name}\b", e) for e in examples), name
        for example in examples:
            Templates().env.from_string(example).render()


def test_the_variables_declared_are_the_ones_each_format_receives() -> None:
    contexts = _reference().format_contexts()
    assert set(contexts) == set(FORMATS)
    for fmt, context in contexts.items():
        received = (v for v in FORMAT_VARIABLES if not v.formats or fmt in v.formats)
        declared = {v.name for v in received if "." not in v.name}
        assert set(context) == declared, fmt


def test_every_attribute_the_bundled_templates_read_is_declared() -> None:
    """A template that reads `cue.something` new to the reference fails here until
    deckmaker/render/variables.py says what it is."""
    declared = {v.name.split(".")[-1] for v in (*FORMAT_VARIABLES, *VOICE_VARIABLES)}
    # Jinja2's loop, and methods of text and mappings, are Jinja2's and Python's to document.
    others = {"first", "last", "index", "index0", "length", "split", "endswith", "get"}
    env = Templates().env
    for path in sorted((ROOT / "templates").glob("*.j2")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        read = {n.attr for n in tree.find_all(nodes.Getattr)}
        assert read - declared - others == set(), path.name


def test_every_voice_macro_says_what_it_is_for() -> None:
    """The comment just above each macro of voice.j2 is its entry in the template reference."""
    for name, _, comment in _reference().template_macros("voice.j2"):
        assert comment, f"voice.j2: macro {name} needs a {{#- comment -#}} just above it"


def test_every_example_in_the_reference_renders() -> None:
    reference = _reference()
    for page in (reference.templates_page(), reference.outline_page(), reference.cli_page()):
        assert "Undefined" not in page


def test_every_dependency_is_named_on_the_licences_page() -> None:
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11 reads TOML")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        wanted += extra
    page = (ROOT / "docs" / "licences.md").read_text(encoding="utf-8").lower()
    for requirement in wanted:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)
        assert name is not None
        if name.group() != "deckmaker":
            assert name.group().lower() in page, f"{name.group()}: name its licence"


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    commands = re.search(r"## Quickstart.*?```bash\n(.*?)```", readme, re.S)
    assert commands is not None and len(commands.group(1).strip().splitlines()) == 2
    for link in re.findall(r"\]\((docs/[^)#]+)", readme):
        assert (ROOT / link).exists(), link


def test_the_readmes_taste_builds_as_it_says(tmp_path: Path) -> None:
    """The README's five-line example, built as its console block shows, prints what it shows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    taste = re.search(
        r"## A taste\n\n```yaml\n(.*?)```\n\n```console\n\$ (.*?)\n(.*?)```", readme, re.S
    )
    assert taste is not None
    outline, command, shown = taste.groups()
    (tmp_path / "tomatoes.yaml").write_text(outline, encoding="utf-8")
    args = command.split()[1:]  # after `deckmaker`
    done = subprocess.run(
        [sys.executable, "-m", "deckmaker", *args], cwd=tmp_path, capture_output=True,
        text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == shown.strip().splitlines()


def test_the_guides_steps_print_what_the_guide_shows(tmp_path: Path) -> None:
    """The guide's import, validate and build, run one after the other on the reference essay
    as it shows them, print what it shows (its figures follow the importer and the planner)."""
    (tmp_path / "outlines").mkdir()
    shutil.copy(ROOT / "outlines" / "la-la-land-ending.txt", tmp_path / "outlines")
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    steps = re.findall(r"```console\n\$ deckmaker (.*?)\n(.*?)```", guide, re.S)
    shown = [(command, said) for command, said in steps if said.strip()]
    assert [command.split()[0] for command, _ in shown] == ["import", "validate", "build"]
    for command, said in shown:
        done = subprocess.run(
            [sys.executable, "-m", "deckmaker", *command.split()], cwd=tmp_path,
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == said.strip().splitlines(), command
