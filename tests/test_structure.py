"""The structure drawn from the imports: stages in layers, each importing only those below it, no
circle among deckmaker's modules; a library that leaves its host's modules alone; a repository
that cites nothing outside itself."""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "deckmaker"

# Lowest first: a module may import from its own layer and the layers below it. A package's
# name stands for every module in it.
LAYERS = (
    # what every stage may use: errors, limits, files, the cache, text and templates
    ("errors", "limits", "characters", "textfile", "bundle", "cache", "duration", "typography",
     "sentences", "words", "grammar",  # sentences, words and stems, what a sentence opens with
     "filters", "sandbox", "templates", "outputs", "preview",
     "contrast", "highlight",  # colours as WCAG measures them; code split into coloured runs
     "pixels",  # a picture's size from its header
     "options", "formats"),  # the build choices and the script formats, declared once
    ("outline", "essay", "readers"),  # the talk, read
    ("theme",),  # the theme, read
    ("planning",),  # the plan, from both
    # the plan, written (and read aloud, for the spoken formats); a deck, checked
    ("render", "narration", "check"),
    ("pipeline", "schema", "catalog"),  # the stages in order
    ("api", "batch", "watch"),  # for Python, for many inputs, for an editor beside
    ("cli", "__main__", "signals"),  # for a person
)  # fmt: skip
UPWARD_ALLOWED = 1


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@cache
def imports() -> dict[str, set[str]]:
    """Each deckmaker module and the deckmaker modules it imports, wherever in it (a function's
    import runs as surely as a module's), but not those only a type checker reads."""
    known = modules()
    found: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        typing_only = {
            id(node)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
            for node in ast.walk(block)
        }
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                    base = f"{base}.{node.module}" if node.module else base
                for alias in node.names:  # `from deckmaker.x import y`: y may be a module
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in known else base)
        found[name] = {t for t in targets if t in known and t != name}
    return found


def layer(module: str) -> int:
    parts = module.split(".")
    first = parts[1] if len(parts) > 1 else "__init__"
    for number, names in enumerate(LAYERS):
        if first in names:
            return number
    raise AssertionError(f"{module}: in no layer; add it to LAYERS in {Path(__file__).name}")


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                top = stack.pop()
                part.append(top)
                if top == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_from_the_code() -> None:
    """A check of the reader itself, so an empty graph cannot pass the tests below."""
    graph = imports()
    assert "deckmaker.pipeline" in graph["deckmaker.api"]
    assert "deckmaker.theme.cache" in graph["deckmaker.pipeline"]
    assert "deckmaker.errors" in graph["deckmaker.outline.load"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = {name: {t for t in targets if t != "deckmaker"} for name, targets in imports().items()}
    # The package's own __init__ imports the API lazily, on first use: it is the top, not a link.
    graph["deckmaker"] = set()
    assert cycles(graph) == []


def test_imports_run_down_the_layers() -> None:
    upward = sorted(
        f"{name} -> {target}"
        for name, targets in imports().items()
        if name != "deckmaker"
        for target in targets
        if target != "deckmaker" and layer(target) > layer(name)
    )
    assert len(upward) <= UPWARD_ALLOWED, upward


def test_only_the_command_line_writes_to_sys_modules() -> None:
    writers = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            elif isinstance(node, ast.Delete):
                targets = node.targets
            if any(
                isinstance(t, ast.Subscript) and ast.unparse(t.value) == "sys.modules"
                for t in targets
            ):
                writers.append(name)
            swapped = isinstance(node, ast.Attribute) and node.attr == "__class__"
            if swapped and isinstance(getattr(node, "ctx", None), ast.Store):
                writers.append(name)  # a module swapping its own class
    assert set(writers) <= {"deckmaker.cli"}, writers


def test_a_library_user_keeps_their_modules(tmp_path: Path) -> None:
    """A notebook builds a deck, then raises PIL's MAX_IMAGE_PIXELS for a large picture and builds
    again: the setting holds for the second build, which places a picture, and after it (a
    stand-in for PIL.Image, put in place by the first build, would lose it)."""
    code = (
        "import sys, deckmaker\n"
        "plain, pictured = sys.argv[1:]\n"
        "assert deckmaker.build(plain).artifacts['deck'].data\n"
        "from PIL import Image\n"
        "Image.MAX_IMAGE_PIXELS = 12345\n"
        "assert deckmaker.build(pictured).artifacts['deck'].data\n"
        "import PIL.Image, urllib.request\n"
        "print(PIL.Image.MAX_IMAGE_PIXELS, sys.modules['PIL.Image'].MAX_IMAGE_PIXELS)\n"
        "print(sorted(n for n, m in sys.modules.items()\n"
        "             if m is not None and type(m).__module__.startswith('deckmaker')))\n"
    )
    from PIL import Image

    Image.new("RGB", (40, 30), "navy").save(tmp_path / "sky.png")
    talk = "title: A sky\nsections:\n  - title: Stars\n    points: [Many stars]\n"
    (tmp_path / "plain.yaml").write_text(talk, encoding="utf-8")
    (tmp_path / "pictured.yaml").write_text(talk + "    image: sky.png\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code, "plain.yaml", "pictured.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.stdout == "12345 12345\n[]\n", done.stderr


def test_a_library_import_puts_nothing_in_sys_modules() -> None:
    """Without the picture: importing every renderer and the pipeline adds only real modules."""
    code = (
        "import sys\n"
        "import deckmaker.pipeline, deckmaker.render.deck, deckmaker.render.script\n"
        "print(sorted(n for n, m in sys.modules.items()\n"
        "             if m is not None and type(m).__module__.startswith('deckmaker')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def test_nothing_cites_a_path_outside_the_repository() -> None:
    listed = subprocess.run(
        # The pattern is written so that it does not match itself: no file is left out.
        ["git", "grep", "-n", "-I", "-e", r"\.\./shared", "--", "."],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert listed.stdout == ""


def test_the_cache_folder_is_where_the_system_keeps_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """platformdirs' answer (on Linux, XDG_CACHE_HOME); DECKMAKER_CACHE overrides it."""
    import platformdirs

    from deckmaker import cache

    monkeypatch.delenv("DECKMAKER_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    expected = platformdirs.user_cache_path("deckmaker", appauthor=False) / "fonts"
    assert cache.folder("fonts") == expected
    if sys.platform.startswith("linux"):
        assert expected == tmp_path / "xdg" / "deckmaker" / "fonts"
    monkeypatch.setenv("DECKMAKER_CACHE", str(tmp_path / "mine"))
    assert cache.folder("fonts") == tmp_path / "mine" / "fonts"
    monkeypatch.setenv("DECKMAKER_CACHE", "off")
    assert cache.folder("fonts") is None
