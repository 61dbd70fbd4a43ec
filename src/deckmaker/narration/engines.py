"""The voice engine deckmaker speaks with, offline: espeak-ng (a Debian/Homebrew package, the
same samples for the same text every time). It speaks a piece of text to 16-bit mono PCM at
RATE; nothing here ever downloads a voice. A neural engine (piper, GPL) is planned as the
`audio` extra; it would be a second `speak` here, chosen by its voices' names."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from deckmaker.errors import DeckmakerError

RATE = 22050  # samples per second, mono, 16 bit: espeak-ng's own
INSTALL = (
    "spoken formats need a voice engine: install espeak-ng (Debian/Ubuntu: apt-get install "
    "espeak-ng; macOS: brew install espeak-ng) or pip install 'deckmaker[audio]'"
)
FFMPEG = "ffmpeg (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg)"
# Two hosts get two voices unless the outline's `voices:` says otherwise: espeak-ng's voice for
# the talk's language, then the same with its female variant, so the two are told apart.
DEFAULT_VOICES = {"en": ("en-us", "en-us+f3"), "es": ("es", "es+f3")}


@dataclass(frozen=True)
class Voice:
    engine: str  # "espeak-ng"
    name: str  # what `voices:` and --format audio take
    language: str
    about: str


def espeak() -> str | None:
    return shutil.which("espeak-ng")


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if not found:
        raise DeckmakerError.at(f"spoken formats need {FFMPEG}; install it and run again")
    return found


def voices() -> list[Voice]:
    """Every voice available here: espeak-ng's (any of which also takes a variant after a
    `+`: `en-us+f3`)."""
    out = []
    binary = espeak()
    if binary:
        listing = _run([binary, "--voices"], "espeak-ng").decode("utf-8", "replace")
        for row in listing.splitlines()[1:]:
            cells = row.split()
            # mbrola voices need data of their own; variants go after a voice's name (+f3)
            if len(cells) >= 5 and not cells[4].startswith(("mb/", "!v/")):
                out.append(Voice("espeak-ng", cells[1], cells[1].split("-")[0], cells[3]))
    return out


def default_voices(language: str) -> tuple[str, str]:
    """The voices of the first and second host, for the talk's language."""
    return DEFAULT_VOICES.get(language, DEFAULT_VOICES["en"])


def check_engine() -> None:
    """Raise, in one line saying what to install, when no engine can speak here."""
    if espeak() is None:
        raise DeckmakerError.at(INSTALL)
    ffmpeg()


def speak(text: str, voice: str, wpm: int) -> bytes:
    """`text` said by `voice` at about `wpm` words a minute: PCM samples at RATE."""
    binary = espeak()
    if binary is None:
        raise DeckmakerError.at(f"voice '{voice}' is espeak-ng's; {INSTALL}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "said.wav")
        _run([binary, "-v", voice, "-s", str(min(max(wpm, 80), 450)), "-w", str(out), "--stdin"],
             "espeak-ng", text.encode("utf-8"))  # fmt: skip
        with wave.open(str(out)) as said:
            if said.getframerate() != RATE or said.getnchannels() != 1:
                raise DeckmakerError.at(f"espeak-ng spoke at {said.getframerate()} Hz, not {RATE}")
            return said.readframes(said.getnframes())


def known(voice: str) -> bool:
    """Whether `voice` can speak here (an espeak-ng voice with or without a +variant)."""
    base = voice.split("+")[0]
    return any(v.name == base for v in voices())


def _run(command: list[str], what: str, given: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(command, input=given, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise DeckmakerError.at(f"{what} failed to run ({err})") from None
    if done.returncode:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DeckmakerError.at(f"{what} failed: {said[-1] if said else done.returncode}")
    return done.stdout
