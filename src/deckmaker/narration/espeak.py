"""espeak-ng, the voice engine every system can install (a Debian/Homebrew package): small,
fast, about a hundred languages, robotic to listen to, and the same samples for the same text
every time. deckmaker runs its command; nothing is downloaded."""

from __future__ import annotations

import shutil
import tempfile
import wave
from pathlib import Path

from deckmaker.errors import DeckmakerError
from deckmaker.narration.programs import run

RATE = 22050  # espeak-ng's own: samples per second, mono, 16 bit
ENGINE = "espeak-ng"
INSTALL = "espeak-ng (Debian/Ubuntu: apt-get install espeak-ng; macOS: brew install espeak-ng)"
# A talk in English or Spanish read by the language's voice, a second host by the same voice
# with its female variant, so the two are told apart.
DEFAULTS = {"en": ("en-us", "en-us+f3"), "es": ("es", "es+f3")}


def binary() -> str | None:
    return shutil.which("espeak-ng")


def voices() -> list[tuple[str, str, str]]:
    """(name, language, about) of espeak-ng's voices here (each also takes a variant after a
    `+`: `en-us+f3`); none without espeak-ng."""
    found = binary()
    if found is None:
        return []
    listing = run([found, "--voices"], ENGINE).decode("utf-8", "replace")
    out = []
    for row in listing.splitlines()[1:]:
        cells = row.split()
        # mbrola voices need data of their own; variants go after a voice's name (+f3)
        if len(cells) >= 5 and not cells[4].startswith(("mb/", "!v/")):
            out.append((cells[1], cells[1].split("-")[0], cells[3]))
    return out


def speak(text: str, voice: str, wpm: int) -> bytes:
    """`text` said by espeak-ng's `voice` at `wpm` words a minute: PCM samples at RATE."""
    found = binary()
    if found is None:
        raise DeckmakerError.at(f"voice '{voice}' is espeak-ng's: install {INSTALL}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "said.wav")
        run([found, "-v", voice, "-s", str(min(max(wpm, 80), 450)), "-w", str(out), "--stdin"],
            ENGINE, text.encode("utf-8"))  # fmt: skip
        with wave.open(str(out)) as said:
            if said.getframerate() != RATE or said.getnchannels() != 1:
                raise DeckmakerError.at(f"espeak-ng spoke at {said.getframerate()} Hz, not {RATE}")
            return said.readframes(said.getnframes())
