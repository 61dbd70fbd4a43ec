"""Outlines that deckmaker writes (`deckmaker import`), as yamllint reads them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .tools import require

# yamllint's defaults, less the `---` document start (outlines do not use one), with the
# line length the written outlines promise.
CONFIG = """
extends: default
rules:
  document-start: disable
  line-length: {max: 100}
"""


def outline_findings(path: Path) -> list[str]:
    """Every yamllint problem, warnings included: syntax, duplicate keys, indentation, long
    lines, trailing spaces."""
    run = subprocess.run(
        [require("yamllint"), "--format", "parsable", "--strict", "-d", CONFIG, str(path)],
        capture_output=True,
        text=True,
    )
    return [
        f"{path.name}:{line.split(':', 1)[1]} [yamllint]"
        for line in run.stdout.splitlines()
        if line.strip()
    ]
