"""Judges for the spoken formats, by ffmpeg's own tools (ffprobe and ffmpeg's decoder).

- Audio (`.mp3`): one MP3 audio stream that decodes to the end without an error, its decoded
  length agreeing with what its header claims (a cut file keeps the header's length), and,
  when the same build wrote captions (`<name>.srt` beside it), their last cue ending within
  half a second of the audio's end.
- Video (`.mp4`): one H.264 video stream of 1920x1080 and one AAC audio stream, both as long as
  the file; `scene_changes` finds where the picture changes, for tests to hold against the
  cues. ffmpeg's usual cut threshold (a scene score over 0.3) is for camera footage: one slide
  to the next, on the same white ground, scores 0.01 to 0.05 here, and a still slide 0, so
  SCENE is 0.005.
- Listening, measured: `silences` (ffmpeg's silencedetect) finds the quiet stretches, so a
  test can hold each `[PAUSE]` to a silence; `pitch` is a voice's median fundamental frequency
  (autocorrelation of voiced frames, numpy), so two hosts can be told apart by number.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from .tools import require

SCENE = 0.005  # ffmpeg's scene score over which the picture has changed
TOLERANCE = 0.5  # seconds: captions and chapters keep the audio's clock within this


def probe(path: Path) -> dict:
    run = subprocess.run(
        [require("ffprobe"), "-v", "error", "-show_format", "-show_streams", "-of", "json",
         str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    if run.returncode:
        return {"error": run.stderr.strip()[:300]}
    return json.loads(run.stdout)


def decoded_seconds(path: Path, stream: str = "a") -> tuple[float, str]:
    """How long the stream really plays, decoded to the end, and what the decoder complained
    of (empty when nothing)."""
    run = subprocess.run(
        [require("ffmpeg"), "-nostdin", "-v", "error", "-i", str(path), "-map", f"0:{stream}:0",
         "-f", "s16le", "-ac", "1", "-ar", "8000", "-"],
        capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    return len(run.stdout) / 2 / 8000, run.stderr.decode("utf-8", "replace").strip()[:300]


def last_cue_end(srt: Path) -> float:
    ends = re.findall(r"--> (\d\d):(\d\d):(\d\d),(\d\d\d)", srt.read_text(encoding="utf-8"))
    h, m, s, ms = map(int, ends[-1]) if ends else (0, 0, 0, 0)
    return h * 3600 + m * 60 + s + ms / 1000


def mp3_findings(path: Path) -> list[str]:
    info = probe(path)
    if "error" in info:
        return [f"{path.name}: ffprobe cannot read it: {info['error']} [ffprobe]"]
    streams = [s["codec_name"] for s in info["streams"]]
    if streams != ["mp3"]:
        return [f"{path.name}: streams {streams}, not one MP3 audio stream [ffprobe]"]
    claimed = float(info["format"]["duration"])
    played, complaint = decoded_seconds(path)
    found = []
    if complaint:
        found.append(f"{path.name}: the decoder complains: {complaint} [ffmpeg]")
    if abs(played - claimed) > 0.2:
        found.append(
            f"{path.name}: plays {played:.2f} s but its header claims {claimed:.2f} s "
            "(cut short?) [ffmpeg]"
        )
    captions = path.with_suffix(".srt")
    if captions.exists() and abs(last_cue_end(captions) - played) > TOLERANCE:
        found.append(
            f"{path.name}: plays {played:.2f} s but {captions.name}'s last cue ends at "
            f"{last_cue_end(captions):.2f} s [ffprobe]"
        )
    return found


def mp4_findings(path: Path) -> list[str]:
    info = probe(path)
    if "error" in info:
        return [f"{path.name}: ffprobe cannot read it: {info['error']} [ffprobe]"]
    kinds = {s["codec_type"]: s for s in info["streams"]}
    found = []
    video, audio = kinds.get("video"), kinds.get("audio")
    if len(info["streams"]) != 2 or video is None or audio is None:
        found.append(f"{path.name}: streams {sorted(kinds)}, not one video and one audio [ffprobe]")
    if video and (video["codec_name"], video["width"], video["height"]) != ("h264", 1920, 1080):
        found.append(
            f"{path.name}: video is {video['codec_name']} {video['width']}x{video['height']}, "
            "not H.264 1920x1080 [ffprobe]"
        )
    if audio and audio["codec_name"] != "aac":
        found.append(f"{path.name}: audio is {audio['codec_name']}, not AAC [ffprobe]")
    total = float(info["format"].get("duration", 0))
    for stream in (video, audio):
        if stream and abs(float(stream.get("duration", 0)) - total) > 1:
            found.append(
                f"{path.name}: its {stream['codec_type']} runs {float(stream['duration']):.2f} s "
                f"of the file's {total:.2f} s [ffprobe]"
            )
    return found


def scene_changes(path: Path) -> list[float]:
    """When the picture changes, in seconds: frames whose scene score is over SCENE."""
    run = subprocess.run(
        [require("ffmpeg"), "-nostdin", "-v", "info", "-i", str(path), "-an",
         "-vf", f"select='gt(scene,{SCENE})',showinfo", "-f", "null", "-"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    return [float(t) for t in re.findall(r"showinfo.*pts_time:([0-9.]+)", run.stderr)]


def silences(path: Path, at_least: float) -> list[tuple[float, float]]:
    """(start, end) of each stretch at least `at_least` seconds long under -50 dB."""
    run = subprocess.run(
        [require("ffmpeg"), "-nostdin", "-v", "info", "-i", str(path),
         "-af", f"silencedetect=noise=-50dB:d={at_least}", "-f", "null", "-"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    starts = re.findall(r"silence_start: ([0-9.]+)", run.stderr)
    ends = re.findall(r"silence_end: ([0-9.]+)", run.stderr)
    return [(float(a), float(b)) for a, b in zip(starts, ends, strict=False)]


def pitch(path: Path) -> float:
    """The voice's median fundamental frequency in Hz: each loud 40 ms frame's autocorrelation
    peak between 60 and 400 Hz, where it is strong enough to be voiced."""
    import numpy as np

    rate = 16000
    run = subprocess.run(
        [require("ffmpeg"), "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
         "-ar", str(rate), "-"],
        capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    samples = np.frombuffer(run.stdout, np.int16).astype(float)
    size, low, high = int(0.04 * rate), rate // 400, rate // 60
    loud = 0.3 * np.sqrt((samples**2).mean())
    found = []
    for start in range(0, len(samples) - size, size):
        frame = samples[start : start + size] - samples[start : start + size].mean()
        if np.sqrt((frame**2).mean()) < loud:
            continue
        lags = np.correlate(frame, frame, "full")[size - 1 :]
        lag = low + int(np.argmax(lags[low:high]))
        if lags[lag] > 0.5 * lags[0]:
            found.append(rate / lag)
    return float(np.median(found)) if found else 0.0
