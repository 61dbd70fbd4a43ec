"""How fast deckmaker reads a script aloud: seconds of audio per second of work, for the
bundled example, with the engine and voices named; into bench/RESULTS.md.

    python bench/audio.py            # the example, speaking and MP3 encoding timed apart

Speaking is `deckmaker.narration.speak.narrate` (the engine, slide by slide); encoding is
ffmpeg's MP3 of that narration. The deck is not drawn: the video's cost is LibreOffice's.
"""

from __future__ import annotations

import argparse
import platform
import time
from dataclasses import dataclass
from pathlib import Path

from results import replace_section

from deckmaker.narration import engines
from deckmaker.narration.media import mp3
from deckmaker.narration.speak import narrate
from deckmaker.pipeline import example_outline, plan_outline

HEADING = "## Speaking the script (audio)"


@dataclass(frozen=True)
class Measured:
    engine: str
    audio: float  # seconds of audio
    speaking: float  # seconds of work
    encoding: float

    @property
    def speed(self) -> float:
        return self.audio / (self.speaking + self.encoding)


def measure(outline: Path) -> Measured:
    plan, templates, _ = plan_outline(outline)
    voices = engines.default_voices("en")[:1]
    start = time.perf_counter()
    narration = narrate(plan, templates, voices)
    spoken = time.perf_counter()
    mp3(narration, plan.title)
    encoded = time.perf_counter()
    seconds = len(narration.pcm) / 2 / engines.RATE
    return Measured(narration.about, seconds, spoken - start, encoded - spoken)


def section(outline: Path, m: Measured) -> str:
    return (
        f"{HEADING}\n\n"
        f"`python bench/audio.py`: {outline.name}, read by {m.engine} and encoded to MP3 by "
        f"ffmpeg, on {platform.machine()} ({platform.python_version()}).\n\n"
        "| engine | audio | speaking | MP3 encoding | audio seconds per second of work |\n"
        "| --- | --- | --- | --- | --- |\n"
        f"| {m.engine} | {m.audio:.0f} s | {m.speaking:.1f} s | {m.encoding:.1f} s | "
        f"{m.speed:.0f}× |\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outline", nargs="?", type=Path, default=example_outline())
    args = parser.parse_args()
    measured = measure(args.outline)
    text = section(args.outline, measured)
    replace_section(HEADING, text)
    print(text)


if __name__ == "__main__":
    main()
