"""ffmpeg, asked for the same bytes every time: one thread, bitexact muxers and codecs, no
encoder tag or creation time. The narration becomes an MP3; with a picture per slide, shown
for that slide's seconds, an MP4 (H.264 + AAC, 1920x1080)."""

from __future__ import annotations

import tempfile
import wave
from pathlib import Path

from deckmaker.narration import engines
from deckmaker.narration.programs import run
from deckmaker.narration.speak import Narration

# Slides change on whole seconds, so 5 frames a second shows every cue exactly, at a fifth of
# the encoding work of 25.
WIDTH, HEIGHT, FPS = 1920, 1080, 5
BITEXACT = ["-threads", "1", "-fflags", "+bitexact", "-flags:a", "+bitexact",
            "-flags:v", "+bitexact", "-map_metadata", "-1"]  # fmt: skip


def mp3(narration: Narration, title: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        source = _wav(narration, Path(tmp))
        out = Path(tmp, "talk.mp3")
        _ffmpeg(["-i", str(source), *BITEXACT, "-metadata", f"title={title}",
                 "-c:a", "libmp3lame", "-b:a", "64k", "-id3v2_version", "3",
                 "-write_xing", "1", str(out)])  # fmt: skip
        return out.read_bytes()


def mp4(narration: Narration, pages: list[bytes], title: str) -> bytes:
    """Slide N's picture from its cue for its seconds, over the narration."""
    with tempfile.TemporaryDirectory() as tmp:
        source = _wav(narration, Path(tmp))
        listing = []
        for n, (page, seconds) in enumerate(zip(pages, narration.seconds, strict=True), 1):
            if not seconds:
                continue  # a slide with nothing said is not on screen
            picture = Path(tmp, f"slide-{n:03}.png")
            picture.write_bytes(page)
            listing += [f"file '{picture.name}'", f"duration {seconds}"]
        listing.append(listing[-2])  # the concat demuxer takes the last duration only so
        Path(tmp, "slides.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
        out = Path(tmp, "talk.mp4")
        scale = (
            f"scale={WIDTH}:{HEIGHT}:force_original_aspect_ratio=decrease,"
            f"pad={WIDTH}:{HEIGHT}:(ow-iw)/2:(oh-ih)/2:white,fps={FPS},format=yuv420p"
        )
        _ffmpeg(["-f", "concat", "-safe", "0", "-i", "slides.txt", "-i", str(source),
                 *BITEXACT, "-metadata", f"title={title}", "-vf", scale,
                 "-c:v", "libx264", "-preset", "medium", "-tune", "stillimage", "-crf", "28",
                 "-x264-params", "threads=1", "-c:a", "aac", "-b:a", "96k",
                 "-shortest", "-movflags", "+faststart", str(out)], cwd=Path(tmp))  # fmt: skip
        return out.read_bytes()


def _wav(narration: Narration, folder: Path) -> Path:
    path = folder / "talk.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(engines.RATE)
        out.writeframes(narration.pcm)
    return path


def _ffmpeg(arguments: list[str], cwd: Path | None = None) -> None:
    command = [engines.ffmpeg(), "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
               *arguments]  # fmt: skip
    run(command, "ffmpeg", cwd=cwd)
