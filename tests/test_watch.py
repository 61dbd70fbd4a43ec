"""Watch mode: a change rebuilds, a broken save keeps the last good outputs, Ctrl-C stops it.

Timeouts are generous and edits are repeated until seen: the machine may be busy, and the OS's
file events may come late; what is asserted is what happens, not how fast."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import deckmaker
from deckmaker.filters import clock
from deckmaker.options import Options
from deckmaker.watch import Event, Failed, Rebuilt, watch

WAIT = 60.0  # seconds for any one event

ONE = "title: Watched\nsections:\n  - title: First part\n    points: [A point, Another point]\n"
TWO = ONE + "  - title: Second part\n    points: [A third point]\n"
BROKEN = ONE + "  - titel: oops\n"


class Watching:
    """`deckmaker.watch.watch` in a thread, its events in a queue."""

    def __init__(self, source: Path, out: Path, **options) -> None:
        self.events: queue.Queue[Event] = queue.Queue()
        self.stop = threading.Event()
        self.failure: list[BaseException] = []
        picked = {"only": ("deck", "script"), "formats": ("md",)}
        picked |= {k: options.pop(k) for k in ("only", "formats") if k in options}
        kwargs = {**picked, "options": Options(**options)}
        self.thread = threading.Thread(
            target=self._run, args=(source, out), kwargs=kwargs, daemon=True
        )
        self.thread.start()

    def _run(self, *args, **kwargs) -> None:
        try:
            watch(*args, report=self.events.put, stop=self.stop, **kwargs)
        except BaseException as err:  # shown by the test, not lost in the thread
            self.failure.append(err)

    def next(self, edit: Callable[[], None] | None = None) -> Event:
        """The next event, making `edit` again every few seconds until one comes."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if edit:
                edit()
            try:
                return self.events.get(timeout=3.0)
            except queue.Empty:
                assert not self.failure, self.failure
        raise AssertionError(f"no event within {WAIT} s")


@pytest.fixture
def watching(tmp_path: Path) -> Iterator[Callable[..., Watching]]:
    started: list[Watching] = []

    def start(source: Path, **options) -> Watching:
        started.append(Watching(source, tmp_path / "out", **options))
        return started[-1]

    yield start
    for w in started:
        w.stop.set()
        w.thread.join(WAIT)
        assert not w.thread.is_alive(), "watch did not stop when asked"
        assert not w.failure, w.failure


def test_a_change_rebuilds_and_a_broken_save_keeps_the_last_good_outputs(
    tmp_path: Path, watching
) -> None:
    talk = tmp_path / "talk.yaml"
    talk.write_text(ONE, encoding="utf-8")
    w = watching(talk)
    first = w.next()
    assert isinstance(first, Rebuilt) and first.changed == ()
    deck, script = tmp_path / "out" / "talk.pptx", tmp_path / "out" / "talk.script.md"
    assert "Second part" not in script.read_text(encoding="utf-8")

    changed = w.next(lambda: talk.write_text(TWO, encoding="utf-8"))
    assert isinstance(changed, Rebuilt), changed
    assert changed.changed == (talk.resolve(),)
    assert len(changed.built.plan.slides) > len(first.built.plan.slides)
    assert "Second part" in script.read_text(encoding="utf-8")
    good = (deck.read_bytes(), script.read_bytes())
    assert changed.seconds < WAIT

    broken = w.next(lambda: talk.write_text(BROKEN, encoding="utf-8"))
    assert isinstance(broken, Failed), broken
    assert [str(p) for p in broken.error.problems] == [
        f"{talk}:5: sections[2].titel: unknown field; did you mean 'title'?"
    ]
    assert (deck.read_bytes(), script.read_bytes()) == good, "the last good outputs were touched"

    fixed = w.next(lambda: talk.write_text(ONE, encoding="utf-8"))
    assert isinstance(fixed, Rebuilt), fixed
    assert "Second part" not in script.read_text(encoding="utf-8")


def test_a_template_and_a_picture_it_shows_are_watched(tmp_path: Path, watching) -> None:
    from PIL import Image

    picture = tmp_path / "pictures" / "still.png"
    picture.parent.mkdir()
    Image.new("RGB", (320, 180), (200, 40, 40)).save(picture)
    talk = tmp_path / "talk.yaml"
    talk.write_text(ONE + "  - title: Seen\n    image: pictures/still.png\n", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    w = watching(talk, templates_dir=mine, only=("script",))
    assert isinstance(w.next(), Rebuilt)

    template = mine / "script.md.j2"
    mark = "{% extends 'bundled/script.md.j2' %}\n{% block header %}\n# Mine\n\nA.\n{% endblock %}"
    event = w.next(lambda: template.write_text(mark, encoding="utf-8"))
    assert isinstance(event, Rebuilt), event
    assert (tmp_path / "out" / "talk.script.md").read_text(encoding="utf-8").startswith("# Mine")

    def redraw() -> None:
        Image.new("RGB", (320, 180), (40, 40, 200)).save(picture)

    event = w.next(redraw)
    assert isinstance(event, Rebuilt), event
    assert picture.resolve() in event.changed


def test_the_theme_file_is_watched(tmp_path: Path, watching) -> None:
    from deckmaker.theme.shipped import shipped

    theme = tmp_path / "themes" / "mine.pptx"
    theme.parent.mkdir()
    theme.write_bytes(shipped()["light"].read_bytes())
    talk = tmp_path / "talk.yaml"
    talk.write_text(ONE + "theme: themes/mine.pptx\n", encoding="utf-8")
    w = watching(talk, only=("deck",))
    first = w.next()
    assert isinstance(first, Rebuilt) and theme.resolve() in first.built.read
    dark = shipped()["dark"].read_bytes()
    event = w.next(lambda: theme.write_bytes(dark))
    assert isinstance(event, Rebuilt), event
    assert event.changed == (theme.resolve(),)
    assert event.built.files["deck"].read_bytes() != first.built.artifacts["deck"].data


def said(talk: Path) -> str:
    plan = deckmaker.plan(talk)
    return f"{len(plan.slides)} slides, {clock(plan.total_seconds)}"


def test_the_command_rebuilds_and_stops_cleanly_on_ctrl_c(tmp_path: Path, judged) -> None:
    talk = tmp_path / "talk.yaml"
    talk.write_text(ONE, encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "deckmaker", "watch", str(talk), "--out", str(tmp_path / "out")]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True)
    reader.start()

    def line(edit: Callable[[], None] | None = None) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if edit:
                edit()
            try:
                return lines.get(timeout=3.0)
            except queue.Empty:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        raise AssertionError(f"no line within {WAIT} s")

    try:
        assert line() == f"Watching {talk} and what it uses; Ctrl-C to stop.\n"
        first = line()
        out = tmp_path / "out"
        assert f" wrote {out / 'talk.pptx'}, {out / 'talk.script.md'} in " in first
        assert first.endswith(f" ms ({said(talk)})\n"), first
        again = line(lambda: talk.write_text(TWO, encoding="utf-8"))
        assert " talk.yaml changed: wrote " in again
        assert again.endswith(f" ms ({said(talk)})\n"), again
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(WAIT)
        finally:
            proc.kill()
    assert code == 0
    assert line() == "Stopped watching.\n"
    assert proc.stderr is not None and proc.stderr.read() == ""
    for path in out.iterdir():
        judged(path)
