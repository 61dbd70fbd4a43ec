"""Where sentences end: the one splitter the importer, alignment, reveal and captions share.

A sentence ends at `.`, `?`, `!` or an ellipsis (and any closing quotes or brackets right after)
before a space, or at a CJK full stop. It does not end:
- inside a quote or brackets that close again: "…", “…”, «…», (…), […] are kept whole, and a
  sentence that ends inside them ends after the closer;
- inside inline code, a web address or an email address;
- after an abbreviation that cannot end a sentence (Dr., Mr., vs., e.g., i.e., p. ej., EE. UU.,
  an initial as in "J. R. R. Tolkien"), nor after one that can (etc., a.m., U.S.) unless the
  next word opens with a capital;
- after a word like No., Fig. or pág. before a number ("No. 5"), nor after a list's number at
  the start of a line ("1. First");
- at an ellipsis the sentence runs on from, in lower case ("I was… well, thinking").
Decimals and version numbers (3.14, v1.2) have no space after the point, so they never end one.

Rule-based and language-aware through word lists, one per language below; `language=None`
reads them all (the planner does not know a talk's language, and the lists do not clash). About
a millisecond for a 2,000-word essay.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from deckmaker.limits import TEXTS_KEPT

Span = tuple[int, int]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations, lower case, without their final point, by what may follow them.
# NEVER_FINAL: always followed by more of the sentence (titles, "e.g.", the first half of
# "EE. UU."). MAYBE_FINAL: may end a sentence; they do when the next word opens with a capital.
# BEFORE_NUMBER: do not end a sentence before a number ("No. 5"); they do otherwise ("I said no.").
# A single letter ("J.", "p.") and a word with points inside (e.g, i.e, u.s, a.m) are judged by
# their shape: an initial never ends one; a dotted word is MAYBE_FINAL unless listed NEVER_FINAL.
ABBREVIATIONS: dict[str, dict[str, frozenset[str]]] = {
    "en": {
        "never": _words(
            """mr mrs ms mx dr prof st mt sr sgt capt col gen lt gov sen rep rev hon fr vs
            cf e.g i.e viz approx ca"""
        ),
        "maybe": _words("etc jr inc ltd co corp bros a.m p.m u.s u.k u.n e.u ph.d"),
        "number": _words("no nos fig figs vol vols pp p ch sec art eq ex"),
    },
    "es": {
        "never": _words(
            """sr sra srta sres sras dr dra dres drs lic ing prof profa ud uds vd vds d dña
            sto sta ee av avda ej p.ej vs cf aprox"""
        ),
        "maybe": _words("etc uu cía hnos s.a a.c d.c a.m p.m"),
        "number": _words("núm nro no pág págs art fig vol cap tel"),
    },
}
LANGUAGES = tuple(ABBREVIATIONS)

_OPENERS = {"“": "”", "«": "»", "(": ")", "[": "]"}
_CLOSERS = frozenset(_OPENERS.values())
# A sentence end: its stops, and the closing quotes and brackets right after, before a space or
# the end of the text; a CJK full stop (with its closers) anywhere.
_END = re.compile(r"[.!?…]+['\"’”»)\]]*(?=\s|$)|[。！？]+['\"’”」』)\]]*")
_PAIRS = re.compile(r"[“”«»()\[\]\"]")
# Stretches never split: inline code, web and email addresses.
_WHOLE = re.compile(
    r"`[^`\n]+`|\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
# What each of those stretches has (searched first: looking for an address at every word is
# slow).
_MAY_BE_WHOLE = re.compile(r"[`@]|://|www\.", re.IGNORECASE)
_LEAD = "\"'“‘«([¿¡"
_NEXT_WORD = re.compile(r"\s*(\S)")
_CLOSING = "'\"’”»)]」』"
_LIST_MARK = re.compile(r"(?:^|\n|[.!?…:]\s)\s*$")


def spans(text: str, language: str | None = None) -> list[Span]:
    """Where each sentence of `text` starts and ends (spaces around it left out), in order."""
    return list(_spans(text, language))


@lru_cache(maxsize=TEXTS_KEPT)
def _spans(text: str, language: str | None) -> tuple[Span, ...]:
    """`spans`, kept: planning splits a paragraph for its slides, its cues and its captions."""
    found: list[Span] = []
    start = 0
    for end in _ends(text, language):
        found.extend(_stripped(text, start, end))
        start = end
    found.extend(_stripped(text, start, len(text)))
    return tuple(found)


def split(text: str, language: str | None = None) -> list[str]:
    """The sentences of `text`, in order, without the spaces between them."""
    return [text[a:b] for a, b in spans(text, language)]


def _stripped(text: str, start: int, end: int) -> list[Span]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece.rstrip())
    return [(start + lead, start + trail)] if trail > lead else []


def _ends(text: str, language: str | None) -> list[int]:
    """Where each sentence but the last ends: just after its stops and closers."""
    if not _END.search(text):
        return []
    whole = _protected(text)
    starts = [a for a, _ in whole]
    lists = _lists(language)
    out = []
    for match in _END.finditer(text):
        at = match.end()
        if at >= len(text.rstrip()):
            continue  # the text's own end
        i = bisect_left(starts, at) - 1
        if i >= 0 and whole[i][0] < at < whole[i][1]:
            continue
        if _ends_here(text, match, lists):
            out.append(at)
    return out


def _ends_here(text: str, match: re.Match[str], lists: dict[str, frozenset[str]]) -> bool:
    stops = match.group().rstrip(_CLOSING)
    following = _NEXT_WORD.match(text, match.end())
    after = following.group(1) if following else ""
    if stops != match.group() and after.islower():
        return False  # the quote or the brackets were part of a sentence that runs on
    if stops[0] in "。！？" or "?" in stops or "!" in stops:
        return True
    if stops != ".":  # an ellipsis ends a sentence unless it runs on in lower case
        return not after.islower()
    dot = match.start()
    word = text[text.rfind(" ", 0, dot) + 1 : dot]
    word = word[word.rfind("\n") + 1 :].lstrip(_LEAD).lower()
    if not word:
        return True
    if word in lists["never"] or len(word) == 1 and word.isalpha():
        return False
    if word.isdigit() and _LIST_MARK.search(text, max(0, dot - len(word) - 8), dot - len(word)):
        return False  # a list's number opening a line or following a sentence: "1. First"
    if word in lists["number"]:
        return not after.isdigit()
    if word in lists["maybe"] or "." in word:
        return not after.islower() and not after.isdigit()
    return True


def _protected(text: str) -> list[Span]:
    """The stretches no sentence ends inside, in order, none inside another: quotes and
    brackets that close again, inline code, addresses."""
    found = [m.span() for m in _WHOLE.finditer(text)] if _MAY_BE_WHOLE.search(text) else []
    stack: list[tuple[str, int]] = []
    for m in _PAIRS.finditer(text):
        mark, at = m.group(), m.start()
        if mark == '"' and stack and stack[-1][0] == '"':
            found.append((stack.pop()[1], at + 1))
        elif mark in _OPENERS or mark == '"':
            stack.append((mark, at))
        elif mark in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                opener, begin = stack[depth]
                if _OPENERS.get(opener) == mark:
                    del stack[depth:]  # openers inside it that never closed are let go
                    found.append((begin, at + 1))
                    break
    outer: list[Span] = []
    for a, b in sorted(found):
        if outer and a < outer[-1][1]:
            outer[-1] = (outer[-1][0], max(outer[-1][1], b))
        else:
            outer.append((a, b))
    return outer


@cache
def _lists(language: str | None) -> dict[str, frozenset[str]]:
    chosen = [ABBREVIATIONS[language]] if language in ABBREVIATIONS else ABBREVIATIONS.values()
    return {kind: frozenset().union(*(lists[kind] for lists in chosen)) for kind in _KINDS}


_KINDS = ("never", "maybe", "number")
