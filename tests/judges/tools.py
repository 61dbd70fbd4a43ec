"""Finding the outside tools: a skip when one is missing locally, a failure under CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

# `npm ci --prefix tests/judges` installs the judges that come from npm beside this file.
NODE_MODULES = Path(__file__).parent / "node_modules"


def require(tool: str) -> str:
    """The path of a command; this file's venv counts, as pytest may run without activating it."""
    found = shutil.which(tool) or shutil.which(tool, path=str(Path(sys.executable).parent))
    if found:
        return found
    missing(f"{tool} is not installed")


def require_node_module(name: str, inside: str = "") -> Path:
    """A file of an npm package installed by `npm ci --prefix tests/judges`."""
    path = NODE_MODULES / name / inside
    if path.exists():
        return path
    missing(f"the npm package {name} is not installed (npm ci --prefix tests/judges)")


def require_font(family: str, package: str) -> None:
    """Go on only where fontconfig has `family` (a test that measures with it, or expects no
    warning about it); `package` is the Debian package that installs it."""
    found = subprocess.run(
        [require("fc-list"), f":family={family}", "file"],
        capture_output=True, text=True, timeout=60, check=False,
    ).stdout  # fmt: skip
    if not found.strip():
        missing(f"the font {family} is not installed (apt-get install {package})")


def missing(what: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{what}; .ci/run must install it")
    pytest.skip(f"{what} (see docs/testing.md)")


def converted(path: Path, suffix: str, folder: str) -> Path | None:
    """LibreOffice's copy of `path` as `suffix` (pdf, odp) in `folder`; None when it could not
    load the file (it exits 0 then too)."""
    soffice = require("soffice")
    profile = Path(folder, "profile").as_uri()  # a private profile: runs may overlap
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", suffix,
         "--outdir", folder, str(path)],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    out = Path(folder, f"{path.stem}.{suffix}")
    return out if out.exists() else None
