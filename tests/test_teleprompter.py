"""The teleprompter page really answers its keys: driven in headless Chromium over the DevTools
protocol (through --remote-debugging-pipe, so no extra package and no browser download)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from typing import Any

import pytest
from judges import require

from deckmaker.pipeline import Built

KEYS = {  # key -> (code, Windows virtual key code, text typed)
    " ": ("Space", 32, " "),
    "ArrowUp": ("ArrowUp", 38, ""),
    "ArrowDown": ("ArrowDown", 40, ""),
    "[": ("BracketLeft", 219, "["),
    "]": ("BracketRight", 221, "]"),
    "PageUp": ("PageUp", 33, ""),
    "PageDown": ("PageDown", 34, ""),
    "m": ("KeyM", 77, "m"),
}


class Page:
    """One page in headless Chromium, spoken to in DevTools protocol messages over a pipe."""

    def __init__(self, url: str, profile: str) -> None:
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()

        def give_pipes() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
            os.setsid()  # a process group of its own, so closing ends its helpers too
            os.dup2(to_chrome, 3)
            os.dup2(from_chrome, 4)

        self.process = subprocess.Popen(
            [require("chromium"), "--headless", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--no-first-run",
             "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,720", "about:blank"],
            pass_fds=(3, 4), preexec_fn=give_pipes,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next = 0
        try:
            target = self.send("Target.createTarget", url=url)["targetId"]
            attached = self.send("Target.attachToTarget", targetId=target, flatten=True)
            self.session = attached["sessionId"]
            # The new tab shows about:blank first, already complete: wait for the page itself.
            self.wait_for("location.protocol === 'file:' && document.readyState === 'complete'")
        except BaseException:
            self.close()
            raise

    def send(self, method: str, session: str | None = None, **params: Any) -> dict:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 30
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self._next:
                    if "error" in reply:
                        raise AssertionError(f"{method}: {reply['error']}")
                    return reply["result"]
            ready, _, _ = select.select([self._read], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise AssertionError(f"Chromium did not answer {method}")
            self._buffer += os.read(self._read, 1 << 16)

    def eval(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", self.session, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def wait_for(self, condition: str, seconds: float = 10) -> None:
        deadline = time.monotonic() + seconds
        while not self.eval(condition):
            assert time.monotonic() < deadline, f"never true: {condition}"
            time.sleep(0.1)

    def press(self, key: str) -> None:
        code, vk, text = KEYS[key]
        common = {"key": key, "code": code, "windowsVirtualKeyCode": vk}
        self.send("Input.dispatchKeyEvent", self.session, type="keyDown", text=text, **common)
        self.send("Input.dispatchKeyEvent", self.session, type="keyUp", **common)

    def close(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)  # the group this Page started, no other
        self.process.wait()
        os.close(self._write)
        os.close(self._read)


@pytest.fixture
def page(every_format: Built) -> Iterator[Page]:
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        opened = Page(every_format.files["html"].resolve().as_uri(), profile)
        try:
            yield opened
        finally:
            opened.close()


def state(page: Page) -> dict[str, str]:
    return page.eval("({...document.body.dataset, speed_shown: speed.textContent,"
                     " slide_shown: slide.textContent})")  # fmt: skip


def test_speed_keys_change_the_speed_shown(page: Page) -> None:
    assert state(page)["speed"] == "1.0"
    page.press("ArrowUp")
    page.press("ArrowUp")
    assert state(page)["speed_shown"] == "1.2×"
    page.press("ArrowDown")
    assert state(page)["speed"] == "1.1"


def test_brackets_and_a_clicker_jump_between_cues(page: Page) -> None:
    assert state(page)["slide_shown"] == "1"
    page.press("]")
    page.press("]")
    assert state(page)["slide_shown"] == "3"
    page.press("[")
    assert state(page)["cue"] == "2"
    page.press("PageDown")
    page.press("PageDown")
    assert state(page)["slide_shown"] == "4"
    page.press("PageUp")
    assert state(page)["slide_shown"] == "3"
    # The cue jumped to sits on the reading line.
    top = page.eval("document.getElementById('cue-3').getBoundingClientRect().top")
    assert abs(top - page.eval("window.innerHeight * 0.38")) < 2


def test_mirror_flips_the_text_for_a_beam_splitter(page: Page) -> None:
    transform = "getComputedStyle(document.getElementById('stage')).transform"
    assert page.eval(transform) == "none"
    page.press("m")
    assert page.eval(transform).startswith("matrix(-1, 0, 0, 1")
    assert state(page)["mirror"] == "true"
    page.press("m")
    assert page.eval(transform) == "none"


def test_space_counts_down_then_scrolls_and_space_pauses(page: Page) -> None:
    page.press(" ")
    assert page.eval("document.getElementById('countdown').textContent") == "3"
    assert state(page)["playing"] == "false"  # not during the countdown
    page.wait_for("document.body.dataset.playing === 'true'", seconds=6)
    page.wait_for("window.scrollY > 20")
    page.press(" ")
    assert state(page)["playing"] == "false"
    stopped = page.eval("window.scrollY")
    time.sleep(0.5)
    assert page.eval("window.scrollY") == stopped
    assert page.eval("elapsed.textContent") != "0:00" or stopped > 0
