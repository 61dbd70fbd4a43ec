"""Characters no artifact can hold, decided once, where text is read.

The deck is XML 1.0, which cannot hold most control characters, surrogates or U+FFFE/U+FFFF;
the script formats (Markdown, plain text, HTML, SRT, JSON) cannot show them either, and a lone
surrogate cannot even be written as UTF-8. Were each renderer to decide, the deck would drop
what the captions keep. So the outline loader and the essay readers pass every text they read
through here, the plan never holds such a character, and every artifact gets the same text:

- an *unfit* character is replaced by U+FFFD "�", and the reader warns, naming where it was and
  the character by code point, so nothing vanishes silently: the C0 controls but tab, line feed
  and carriage return; DEL and the C1 controls but U+0085; surrogates (a pair written as two
  escapes, "\\ud83d\\ude00", is first joined into the character it encodes); noncharacters
  (U+FDD0–U+FDEF and the last two code points of every plane);
- vertical tab, form feed, next line (U+0085) and the line and paragraph separators
  (U+2028, U+2029) are whitespace, as tab is;
- everything else (emoji and their joiners, right-to-left text and its direction marks,
  combining marks) is kept, in Unicode's composed form (NFC): "e" followed by a combining
  acute becomes the one character "é". The two are the same text to every reader (canonically
  equivalent), fonts draw the composed form better, the W3C asks web pages for it, and a point
  typed one way is then found in a script typed the other.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
# Every unfit character, and the astral characters from U+1FFFE up, of which only the last two
# of each plane are unfit (`_unfit` tells): a class listing those 32 as well is slow to search.
_CANDIDATE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe-\uffff\U0001fffe-\U0010ffff]"
)
# Whitespace as Unicode has it that YAML or CommonMark would take for something else (YAML
# refuses vertical tab and form feed, and breaks a plain scalar's line at the other three).
ODD_SPACE = "\x0b\x0c\x85\u2028\u2029"
_TO_SPACE = dict.fromkeys(map(ord, ODD_SPACE), " ")


def spaced(text: str) -> str:
    """`text` with odd whitespace made plain spaces, so that no line is added or lost."""
    return text.translate(_TO_SPACE) if any(c in text for c in ODD_SPACE) else text


# The marks of the words said, in the plan and the scripts (planning.model says what each
# means); a script in another language shows them in its own words (`filters.marked`).
PAUSE = "[PAUSE]"
CLICK = "[CLICK]"
# The marks the script formats are cut by, which deckmaker writes itself: typed in a text, one
# would make a cue or a click where there is none. `[PAUSE]` is the author's to write.
MARKS = {"[SLIDE": "a cue", CLICK: "a click"}


def mark_in(text: str) -> str | None:
    """The first of deckmaker's own marks `text` holds, if any."""
    return next((mark for mark in MARKS if mark in text), None) if "[" in text else None


def mark_problem(mark: str) -> str:
    """The message for a text holding one of deckmaker's own marks (the caller says where)."""
    return (
        f"holds '{mark}', which the script writes itself to mark {MARKS[mark]}; "
        "write it another way (deckmaker places cues and clicks itself)"
    )


def _unfit(character: str) -> bool:
    code = ord(character)
    return code < 0x10000 or code & 0xFFFE == 0xFFFE


def unfit_in(text: str) -> list[tuple[int, str]]:
    """Where each unfit character of `text` is, and which it is."""
    if not _CANDIDATE.search(text):
        return []
    return [(m.start(), m.group()) for m in _CANDIDATE.finditer(text) if _unfit(m.group())]


def replaced(text: str) -> str:
    """`text` with each unfit character replaced by "�"."""
    if not _CANDIDATE.search(text):
        return text
    return _CANDIDATE.sub(lambda m: REPLACEMENT if _unfit(m.group()) else m.group(), text)


def fitted(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` as every artifact can hold it, in Unicode's composed form (NFC), and the unfit
    characters that were replaced, each once, in the order found. Costs one search, and a
    quick check of the form, when there is nothing to change."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):  # ASCII is NFC
        text = unicodedata.normalize("NFC", text)
    if not _CANDIDATE.search(text):
        return text, ()
    found = tuple(dict.fromkeys(c for _, c in unfit_in(text)))
    if any("\ud800" <= c <= "\udfff" for c in found):
        # a pair escaped as two halves ("\ud83d\ude00", as JSON writes 😀) is that character
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        found = tuple(dict.fromkeys(c for _, c in unfit_in(text)))
    return (replaced(text) if found else text), found


def named(characters: tuple[str, ...]) -> str:
    """What the unfit characters are, for a message: "U+0007 (a control character)"."""
    return ", ".join(f"U+{ord(c):04X} ({_kind(c)})" for c in characters)


def warning(characters: tuple[str, ...]) -> str:
    """The message for a text that held unfit characters (the caller says where)."""
    them = "it" if len(characters) == 1 else "them"
    return (
        f"holds {named(characters)}, which no deck or script can show; shown as "
        f"{REPLACEMENT} instead: delete {them}, or type what you meant"
    )


def fitted_lines(text: str, source: str) -> tuple[str, tuple[str, ...]]:
    """A whole file's text (an essay's) with odd whitespace made spaces, so lines keep their
    numbers, and each unfit character replaced; one warning for each line that held any."""
    text = spaced(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _CANDIDATE.search(text):
        return text, ()
    lines = text.split("\n")
    warnings = []
    for number, line in enumerate(lines, 1):
        fixed, found = fitted(line)
        if found:
            lines[number - 1] = fixed
            warnings.append(f"{source}:{number}: {warning(found)}")
    return "\n".join(lines), tuple(warnings)


def _kind(character: str) -> str:
    code = ord(character)
    if 0xD800 <= code <= 0xDFFF:
        return "half of a surrogate pair, alone"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "a control character"
    return "a noncharacter"
