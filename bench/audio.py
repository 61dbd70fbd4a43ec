"""How fast deckmaker reads a script aloud, engine by engine: seconds of audio per second of
work, for the bundled example; into bench/RESULTS.md with --write.

    python bench/audio.py --write    # the example, each engine's default English voice

Each engine reads the same talk with one voice (piper's joe, when the `audio` extra is
installed, and espeak-ng's en-us), through `deckmaker.narration.speak.narrate`, slide by slide;
ffmpeg's MP3 encoding of that narration is timed apart. piper's first sentence also loads its
model, timed apart as well. The deck is not drawn: the video's cost is LibreOffice's. Besides
the wall clock, the process's CPU time: on a machine others share, that one holds still.
"""

from __future__ import annotations

import argparse
import os
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
VOICES = ("joe", "en-us")  # piper's neural voice, espeak-ng's: each engine's English default


@dataclass(frozen=True)
class Measured:
    engine: str
    loading: float  # seconds to ready the voice (piper loads its model)
    audio: float  # seconds of audio
    speaking: float  # seconds of work
    encoding: float
    cpu: float  # seconds of this process's CPU time, all three together

    @property
    def speed(self) -> float:
        return self.audio / (self.loading + self.speaking + self.encoding)


def measure(outline: Path, voice: str) -> Measured:
    plan, templates, _ = plan_outline(outline)
    cpu, children = time.process_time(), _children()
    start = time.perf_counter()
    engines.speak("Ready.", voice, plan.wpm)
    ready = time.perf_counter()
    narration = narrate(plan, templates, (voice,))
    spoken = time.perf_counter()
    mp3(narration, plan.title)
    encoded = time.perf_counter()
    used = time.process_time() - cpu + _children() - children
    seconds = len(narration.pcm) / 2 / engines.RATE
    return Measured(narration.about, ready - start, seconds, spoken - ready, encoded - spoken, used)


def _children() -> float:
    """CPU time of the programs run so far (espeak-ng, ffmpeg), which is not the process's."""
    times = os.times()
    return times.children_user + times.children_system


def section(outline: Path, rows: list[Measured], load: float) -> str:
    table = "".join(
        f"| {m.engine} | {m.audio:.0f} s | {m.loading:.1f} s | {m.speaking:.1f} s | "
        f"{m.encoding:.1f} s | {m.speed:.0f}× | {m.audio / m.cpu:.0f}× |\n"
        for m in rows
    )
    return (
        f"{HEADING}\n\n"
        f"`python bench/audio.py --write`: {outline.name}, read by each engine's English voice "
        f"and encoded to MP3 by ffmpeg, on {platform.machine()} with {os.cpu_count()} cores "
        f"(Python {platform.python_version()}), load average {load:.1f} when it "
        "started; piper runs its model on one thread, for the same bytes on any machine.\n\n"
        "| engine | audio | loading the voice | speaking | MP3 encoding "
        "| audio seconds per second of work | per CPU second |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        f"{table}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outline", nargs="?", type=Path, default=example_outline())
    parser.add_argument("--write", action="store_true", help="replace the section in RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    here = [voice for voice in VOICES if engines.known(voice)]
    text = section(args.outline, [measure(args.outline, voice) for voice in here], load)
    if args.write:
        replace_section(HEADING, text)
    print(text)


if __name__ == "__main__":
    main()
