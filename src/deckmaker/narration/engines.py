"""The voices deckmaker speaks with, offline, and which engine says each: piper's neural voice
when the `audio` extra is installed (`neural`), espeak-ng otherwise and for the languages no
packaged neural voice speaks (`espeak`). Every voice speaks 16-bit mono PCM at RATE; nothing
here ever downloads a voice."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from deckmaker.errors import DeckmakerError
from deckmaker.narration import espeak, neural

RATE = espeak.RATE  # samples per second, mono, 16 bit; piper's packaged voice speaks the same
INSTALL = (
    f"spoken formats need a voice: {neural.INSTALL} (a neural English voice) or install "
    f"{espeak.INSTALL}"
)
FFMPEG = "ffmpeg (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg)"


@dataclass(frozen=True)
class Voice:
    engine: str  # "piper" or "espeak-ng"
    name: str  # what `voices:` takes
    language: str
    about: str


def ffmpeg() -> str:
    found = shutil.which("ffmpeg")
    if not found:
        raise DeckmakerError.at(f"spoken formats need {FFMPEG}; install it and run again")
    return found


def voices() -> list[Voice]:
    """Every voice that can speak here: piper's packaged voices first, then espeak-ng's (any
    of which also takes a variant after a `+`: `en-us+f3`)."""
    return [Voice(neural.ENGINE, *v) for v in neural.voices()] + [
        Voice(espeak.ENGINE, *v) for v in espeak.voices()
    ]


def default_voices(language: str) -> tuple[str, str]:
    """The voices of the first and second host, for the talk's language: a neural voice and
    its higher variant where one speaks the language here, else espeak-ng's."""
    for name, spoken, _ in neural.voices():
        if spoken == language:
            return name, name + "+high"
    return espeak.DEFAULTS.get(language, espeak.DEFAULTS["en"])


def engine(voice: str) -> str:
    return neural.ENGINE if neural.owns(voice) else espeak.ENGINE


def about(names: tuple[str, ...]) -> str:
    """Who speaks, for the scripts' headers: "piper (joe, joe+high)", "piper (joe) and
    espeak-ng (es)"."""
    by_engine: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        by_engine.setdefault(engine(name), []).append(name)
    return " and ".join(f"{e} ({', '.join(n)})" for e, n in by_engine.items())


def check(names: tuple[str, ...]) -> None:
    """Raise, in one line saying what to install, unless every one of `names` can speak here
    and ffmpeg can encode them."""
    if not neural.installed() and espeak.binary() is None:
        raise DeckmakerError.at(INSTALL)
    for name in dict.fromkeys(names):
        if known(name):
            continue
        if neural.owns(name):
            said = f"voice '{name}' is piper's: {neural.INSTALL}"
        elif espeak.binary() is None:
            said = f"no voice '{name}' here: it would be espeak-ng's; install {espeak.INSTALL}"
        else:
            said = f"no voice '{name}' here; `deckmaker voices` lists them"
        raise DeckmakerError.at(said, field="voices")
    ffmpeg()


def known(voice: str) -> bool:
    """Whether `voice` can speak here (espeak-ng's with or without a +variant)."""
    if neural.owns(voice):
        return any(name == voice for name, _, _ in neural.voices())
    base = voice.split("+")[0]
    return any(name == base for name, _, _ in espeak.voices())


def speak(text: str, voice: str, wpm: int) -> bytes:
    """`text` said by `voice` at about `wpm` words a minute: PCM samples at RATE."""
    if neural.owns(voice):
        return neural.speak(text, voice, wpm, RATE)
    return espeak.speak(text, voice, wpm)
