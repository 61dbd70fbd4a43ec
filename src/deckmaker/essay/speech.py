"""What an essay prints that a voice never says: footnote marks (`[4]`, `[^4]`), bare web
addresses, leftover HTML tags, typed faces (":)"); and the lines that belong in the show notes
instead of the talk (a "Notes" section, thanks to the people who read drafts).

The readers drop markup they can parse (Markdown links, images, inline HTML); these rules catch
what is left in the words themselves, the same for plain text and Markdown.
"""

from __future__ import annotations

import re

# "[^4]" anywhere; "[4]" right after a word or a stop ("fallacy[2]", "done.[3]", "x [12] y").
MARK = re.compile(r"\[\^[^\]\s]+\]|(?<=[^\s\[])\[\d{1,3}\]|(?<=\s)\[\d{1,3}\](?=[\s.,;:!?)]|$)")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’”]")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
# A face typed in the text (":)", ";-)", ":D"), standing apart from the words: seen, not said.
EMOTICON = re.compile(r"(?<!\S)[:;]['-]?[()DPp/|\[\]]+(?!\S)")
_BRACKETED_URL = re.compile(r"\s*\(\s*" + URL.pattern + r"\s*\)")
_POINTING = re.compile(
    r"\s+(?:at|in|on|from|see|via|here|en|aquí|desde)\s+(?:"
    + URL.pattern
    + r")(?=\s*(?:[.!?;]|$))",
    re.IGNORECASE,
)

NOTES_TITLES = frozenset(
    ["notes", "note", "footnotes", "endnotes", "references", "notas", "referencias"]
)  # a closing section with one of these titles is for readers, not listeners
# "Thanks to Jane Doe for reading drafts of this." "Gracias a … por revisar …"
THANKS = re.compile(
    r"^(?:(?:many|special|big)\s+)?(?:thanks|thank\s+you|gracias)\b.{0,200}?\b(?:for|por)\b",
    re.IGNORECASE,
)
THANKS_WORDS = 60
CAPTION_WORDS = 4
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "’", ")", "»")


def marks_in(text: str) -> list[str]:
    """The footnote marks in `text`, as written, in order."""
    return MARK.findall(text)


def speakable(text: str) -> str:
    """`text` without the marks, addresses and tags a voice would have to read out."""
    said = re.sub(r"<sup>[^<]*</sup>", "", text, flags=re.IGNORECASE)
    said = TAG.sub(" ", said)
    said = re.sub(r"\s*(?:" + MARK.pattern + ")", "", said)
    said = _BRACKETED_URL.sub("", said)
    # "…visit our other project: https://…" at the end: the sentence ends where the address was
    said = re.sub(r"\s*:\s*(?:" + URL.pattern + r")\s*$", ".", said)
    # "GSoC work has started on https://…": the word that pointed at it goes with the address
    said = _POINTING.sub("", said)
    said = re.sub(r"\s*" + URL.pattern, "", said)
    said = EMOTICON.sub("", said)
    return " ".join(said.split())


def is_thanks(paragraph: str) -> bool:
    return bool(THANKS.match(paragraph.strip())) and len(paragraph.split()) <= THANKS_WORDS


def is_caption(paragraph: str) -> bool:
    """A label standing as a paragraph ("Cargo.toml:", "Output:", "Description from February"):
    a few words that end no sentence, over the code or table they name."""
    text = paragraph.strip()
    return 0 < len(text.split()) <= CAPTION_WORDS and not text.endswith(_SENTENCE_ENDS)


def is_notes_title(title: str | None) -> bool:
    return bool(title) and " ".join(str(title).lower().strip(" :#*").split()) in NOTES_TITLES


def numbered_note(paragraph: str) -> tuple[str, str] | None:
    """A note as a Notes section numbers it: "[1] text", "1. text", "1 text"."""
    found = re.match(r"^\s*\[?(\d{1,3})[\].)]?\s+(\S.*)$", paragraph, re.DOTALL)
    return (f"[{found.group(1)}]", " ".join(found.group(2).split())) if found else None
