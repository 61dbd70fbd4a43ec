"""Reading a file the user named as UTF-8 text, with one clear message for each way it can fail.

Outlines and essays are both read this way, so both say the same thing about the same mistake.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from deckmaker.errors import DeckmakerError
from deckmaker.limits import MAX_TEXT_BYTES, check_size


def read_text(path: Path, kind: str) -> str:
    """The text of `path`, decoded from UTF-8 (a byte-order mark is dropped). `kind` says what
    the file should be, for the messages: "an outline .yaml file", "a .txt or .md essay"."""
    name = str(path)
    refuse_special(path, f"give the path of {kind}")
    try:
        with path.open("rb") as f:
            check_size(f.fileno(), MAX_TEXT_BYTES, kind, name)
            raw = f.read(MAX_TEXT_BYTES + 1)  # bounded: a device or a growing file says no size
    except OSError as err:
        raise unreadable(err, name, f"give the path of {kind}") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise DeckmakerError.at(
            f"holds more than the {MAX_TEXT_BYTES >> 20} MB limit for {kind}; check that this is "
            "the right file",
            name,
        )
    if encoding := _wide(raw):
        raise DeckmakerError.at(f"is {encoding} text; save it as UTF-8", name)
    if b"\x00" in raw:
        raise DeckmakerError.at(f"is a binary file, not text; give {kind}", name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DeckmakerError.at(
            f"is not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8", name, line
        ) from None


def unreadable(err: OSError, name: str, what: str) -> DeckmakerError:
    """The one message for a file that cannot be opened, by why: `what` says what to give
    instead of a folder ("give the path of an outline .yaml file")."""
    if isinstance(err, FileNotFoundError):
        return DeckmakerError.at("no such file; check the path", name)
    if isinstance(err, IsADirectoryError):
        return DeckmakerError.at(f"is a folder; {what}", name)
    if isinstance(err, NotADirectoryError):
        return DeckmakerError.at("no such file (part of its path is a file); check the path", name)
    if isinstance(err, PermissionError):
        return DeckmakerError.at(
            "cannot be read (permission denied); check its permissions and its folder's", name
        )
    return DeckmakerError.at(f"cannot be read ({err.strerror or err}); check the file", name)


def refuse_special(path: Path, what: str) -> None:
    """Refuse a path that is a pipe, a device or a socket, before it is opened: reading a named
    pipe waits for a writer that may never come. `what` says what to give instead."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # opening it says why
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        kind = (
            "a named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode)
            else "a device"
        )  # fmt: skip
        raise DeckmakerError.at(f"is {kind}, not a file; {what}", str(path))


# Byte-order marks of the encodings that spend two or four bytes on each character, longest
# first (UTF-32's little-endian mark begins with UTF-16's).
_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)  # fmt: skip


def _wide(raw: bytes) -> str | None:
    """UTF-16 or UTF-32 when `raw` looks like text in one: by its byte-order mark, or by the
    zero bytes that stand beside each ASCII character (a quarter in four of them all zero, a
    half nine in ten), else None."""
    for mark, encoding in _MARKS:
        if raw.startswith(mark):
            return encoding
    quarter = min(len(raw), 400) // 4
    if quarter < 2:
        return None
    zeros = [raw[i : quarter * 4 : 4].count(0) for i in range(4)]
    if sorted(zeros)[1:] == [quarter] * 3 and (zeros[0] < quarter or zeros[3] < quarter):
        return "UTF-32"
    even, odd = zeros[0] + zeros[2], zeros[1] + zeros[3]
    if max(even, odd) >= 1.8 * quarter and min(even, odd) < quarter:
        return "UTF-16"
    return None
