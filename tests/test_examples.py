"""examples/dask_batch.py, run as a user would: Dask's local process scheduler maps
`deckmaker.build` over a folder of talks, one of them broken."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ESSAY, ROOT

import deckmaker
from deckmaker.pipeline import example_outline

EXAMPLE = ROOT / "examples" / "dask_batch.py"


def test_dask_maps_the_api_over_many_outlines(tmp_path: Path, judged) -> None:
    talks = tmp_path / "talks"
    talks.mkdir()
    shutil.copy(example_outline(), talks / "example.yaml")
    shutil.copy(ESSAY, talks / "essay.txt")
    (talks / "small.yaml").write_text("title: Small\nsections: [{title: One}]\n", "utf-8")
    (talks / "wrong.yaml").write_text("title: Wrong\nsections: []\n", "utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), str(talks), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2, result.stderr
    good = [talks / "essay.txt", talks / "example.yaml", talks / "small.yaml"]
    assert result.stdout.splitlines() == [
        f"{talk}: {len(deckmaker.plan(talk).slides)} slides -> "
        f"{out / talk.stem}.pptx, {out / talk.stem}.script.md"
        for talk in good
    ]
    assert result.stderr.startswith(f"error: {talks / 'wrong.yaml'}:2: sections:")
    for talk in good:
        here = deckmaker.build(talk)
        for artifact in here.artifacts.values():
            assert (out / artifact.name).read_bytes() == artifact.data, artifact.name
    for path in out.iterdir():
        judged(path)
