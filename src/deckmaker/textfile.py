"""Reading a file the user named as UTF-8 text, with one clear message for each way it can fail.

Outlines and essays are both read this way, so both say the same thing about the same mistake.
"""

from __future__ import annotations

from pathlib import Path

from deckmaker.errors import DeckmakerError


def read_text(path: Path, kind: str) -> str:
    """The text of `path`, decoded from UTF-8 (a byte-order mark is dropped). `kind` says what
    the file should be, for the messages: "an outline .yaml file", "a .txt or .md essay"."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DeckmakerError.at("no such file; check the path", name) from None
    except IsADirectoryError:
        raise DeckmakerError.at(f"is a folder; give the path of {kind}", name) from None
    except OSError as err:
        raise DeckmakerError.at(f"cannot be read ({err.strerror})", name) from None
    if b"\x00" in raw:
        raise DeckmakerError.at(f"is a binary file, not text; give {kind}", name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DeckmakerError.at(
            f"is not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8", name, line
        ) from None
