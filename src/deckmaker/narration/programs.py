"""Running the programs the spoken formats need (espeak-ng, ffmpeg): their failure said in one
line, as a `DeckmakerError`, with the last line the program printed."""

from __future__ import annotations

import subprocess
from pathlib import Path

from deckmaker.errors import DeckmakerError


def run(
    command: list[str], what: str, given: bytes | None = None, cwd: Path | None = None
) -> bytes:
    """What `command` printed; `given` is its standard input."""
    try:
        done = subprocess.run(
            command, input=given, capture_output=True, cwd=cwd, timeout=1800, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise DeckmakerError.at(f"{what} failed to run ({err})") from None
    if done.returncode:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DeckmakerError.at(f"{what} failed: {said[-1] if said else done.returncode}")
    return done.stdout
