"""The theme's own parts as a deck writes them, deflated once and kept in the user's cache
(`deckmaker.cache`): a build in a theme written before takes its layouts', masters', themes' and
pictures' compressed bytes from there rather than compressing them again, a tenth of writing a
small deck. Each is kept under a digest (BLAKE2b) of its own bytes, so a part a build changes
(the talk's language, written on its masters) is compressed afresh and kept beside the other;
the parts each build makes (slides, notes) are never kept. An entry is bytes only: nothing in it
runs, and one that cannot be read is compressed again.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable

from deckmaker import cache
from deckmaker.render.archive import deflate
from deckmaker.theme.model import Theme

KIND = "deflated"
# The members of a deck that come from its theme, the same in every build on it.
THEMES_OWN = (
    "ppt/slideLayouts/slideLayout", "ppt/slideMasters/slideMaster", "ppt/theme/",
    "ppt/notesMasters/notesMaster", "ppt/media/",
)  # fmt: skip
MOST = 512  # entries kept for a theme: its parts in a few languages, with room to spare
_DIGEST = 16
_LENGTH = 4  # bytes of each entry's length


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


def _name(theme: Theme) -> str | None:
    """The entry for decks built in `theme`; None for a theme never read through the cache."""
    return cache.key(KIND, theme.digest, zlib.ZLIB_RUNTIME_VERSION) if theme.digest else None


def known(theme: Theme) -> dict[bytes, bytes]:
    """The theme's parts deflated before, by the digest of their bytes."""
    name = _name(theme)
    stored = cache.read(KIND, name) if name else None
    found: dict[bytes, bytes] = {}
    at = 0
    while stored and at + _DIGEST + _LENGTH <= len(stored):
        key = stored[at : at + _DIGEST]
        size = int.from_bytes(stored[at + _DIGEST : at + _DIGEST + _LENGTH], "big")
        at += _DIGEST + _LENGTH
        if at + size > len(stored):
            return {}  # cut short: compress them all again
        found[key] = stored[at : at + size]
        at += size
    return found


def reusing(found: dict[bytes, bytes]) -> Callable[[str, bytes], bytes]:
    """How each member is deflated: a theme's own part as `found` holds it (added there when
    new), checked against its bytes; every other member afresh."""

    def deflated(name: str, data: bytes) -> bytes:
        if not name.startswith(THEMES_OWN):
            return deflate(data)
        key = digest(data)
        packed = found.get(key)
        if packed is None or _unpacked(packed) != data:  # new, or a corrupt entry
            packed = found[key] = deflate(data)
        return packed

    return deflated


def _unpacked(packed: bytes) -> bytes | None:
    try:
        return zlib.decompress(packed, -15)
    except zlib.error:
        return None


def remember(theme: Theme, found: dict[bytes, bytes], before: dict[bytes, bytes]) -> None:
    """Keep what this build deflated for the next, where it changed what was known `before`
    (a part new, or one kept wrong)."""
    name = _name(theme)
    if not name or found == before or len(found) > MOST:
        return
    data = b"".join(
        key + len(packed).to_bytes(_LENGTH, "big") + packed for key, packed in found.items()
    )
    cache.write(KIND, name, data)
