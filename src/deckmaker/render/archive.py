"""A zip archive written in one pass: what `zipfile.ZipFile.writestr` writes for each member
(deflated at zlib's default level, dated `date`, read-write for its owner and readable by
others), byte for byte, less the bookkeeping zipfile does to allow appending, reading and
huge members. A deck has thousands of small members; zipfile's own work on each was a tenth of
writing a long deck.

Every member is made on "Unix" (the system its permissions are written for), whatever the
system that writes it, so the same deck is the same bytes everywhere. An archive past 2 GiB,
which zipfile would write as zip64, is refused: no deck comes near it.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterable
from datetime import datetime

from deckmaker.errors import DeckmakerError

_VERSION = 20  # 2.0: deflate; what zipfile writes for a deflated member
_UNIX = 3  # the system that made the member: its external attributes are Unix permissions
_DEFLATED = 8
_UTF8 = 0x800  # the name is UTF-8 (set only for a name that is not ASCII, as zipfile does)
_PERMISSIONS = 0o644 << 16  # rw-r--r--
_LIMIT = (1 << 31) - 1  # zipfile's ZIP64_LIMIT


def deflate(data: bytes) -> bytes:
    """`data` deflated as zipfile deflates a member (raw, zlib's default level)."""
    squeezer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return squeezer.compress(data) + squeezer.flush()


def zip_bytes(
    members: Iterable[tuple[str, bytes]],
    date: datetime,
    deflated: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """The archive of `members` (name, bytes), in that order; each deflated by `deflated`
    (name, bytes), which must give what `deflate` gives (a member kept from an earlier build),
    else by `deflate`."""
    dos_date = (date.year - 1980) << 9 | date.month << 5 | date.day
    dos_time = date.hour << 11 | date.minute << 5 | date.second // 2
    out, directory, count = bytearray(), bytearray(), 0
    for name, data in members:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8
        packed = deflated(name, data) if deflated else deflate(data)
        if len(data) * 1.05 > _LIMIT or len(out) + len(packed) > _LIMIT:
            raise DeckmakerError.at("the deck would be over 2 GiB; use smaller pictures")
        crc = zlib.crc32(data)
        shared = (flags, _DEFLATED, dos_time, dos_date, crc, len(packed), len(data), len(encoded))
        directory += struct.pack(
            "<4s4B4HL2L5HLL",
            b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *shared, 0, 0, 0, 0, _PERMISSIONS,
            len(out),
        )  # fmt: skip
        directory += encoded
        out += struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, *shared, 0)
        out += encoded
        out += packed
        count += 1
    start = len(out)
    out += directory
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0)
    return bytes(out)
