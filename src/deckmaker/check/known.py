"""Slide structures a build's check found clean, kept in the user's cache (`deckmaker.cache`)
for the next build in the same theme and language: a talk rebuilt, or another in the same
theme, has its slides read only where they are built in a way not checked before.

What a structure's findings depend on is all in its key: the slide's own XML (in the
structure, `check._structure`), its layout and master as a build leaves them (the theme file,
by its digest, and the talk's language, which a build writes into them) and the code that
writes and checks them (by size and date, as `theme.cache.stamps` tells code apart). An entry
is digests only, 32 bytes each: nothing in it runs.
"""

from __future__ import annotations

from deckmaker import cache
from deckmaker.theme.model import Theme

KIND = "checked"
DIGEST = 32  # bytes of a sha256 digest


def _name(theme: Theme, language: str) -> str | None:
    """The entry for decks built in `theme` and `language`; None for a theme never read
    through the cache (no digest: nothing to tell its content by)."""
    if not theme.digest:
        return None
    from deckmaker import check
    from deckmaker.check import colour, rules, styles
    from deckmaker.render import deck, growth, package, prototypes
    from deckmaker.render import language as writes_language
    from deckmaker.theme.cache import stamps

    code = stamps(check, colour, rules, styles, deck, growth, writes_language, package, prototypes)
    return cache.key(KIND, code, theme.digest, language)


def known(theme: Theme, language: str) -> set[bytes]:
    """The structures found clean before in decks built in `theme` and `language`."""
    name = _name(theme, language)
    stored = cache.read(KIND, name) if name else None
    if not stored or len(stored) % DIGEST:
        return set()
    return {stored[i : i + DIGEST] for i in range(0, len(stored), DIGEST)}


def remember(theme: Theme, language: str, clean: set[bytes], before: int) -> None:
    """Keep `clean` for the next build, when it holds more than the `before` it was read with."""
    name = _name(theme, language)
    if name and len(clean) > before:
        cache.write(KIND, name, b"".join(sorted(clean)))
