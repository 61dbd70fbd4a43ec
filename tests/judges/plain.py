"""Judges for the plain-text formats no outside tool reads: strict checks of a stated form.

- Teleprompter text (`.script.txt`): UTF-8 plain paragraphs separated by one blank line; no
  Markdown or HTML; every cue `[SLIDE N · m:ss]` or `[SLIDE N · m:ss · for m:ss]` (in Spanish
  `[DIAPOSITIVA N · m:ss · durante m:ss]`) alone on its line, numbered 1, 2, 3… at times that
  never go back.
- Show notes (`.show-notes.txt`): YouTube's rules for description chapters (first at 0:00, at
  least three, ascending, each at least 10 s long), no angle brackets (YouTube refuses them) and
  at most 5000 characters.
- Dialogue (`.dialogue.md`): besides the Markdown judge, every spoken paragraph starts with
  `**Name:**`, exactly two names, taking turns.
"""

from __future__ import annotations

import re
from pathlib import Path

# A cue as an English or a Spanish script writes it (the voice's `cue_mark`).
CUE = re.compile(
    r"^\[(?:SLIDE|DIAPOSITIVA) (\d+) · (\d+(?::\d\d){1,2})"
    r"(?: · (?:for|durante) \d+(?::\d\d){1,2})?\]$"
)
MARKUP = re.compile(
    r"^(#{1,6} |> |[-*+] |\d+\. |\||```)"  # headings, quotes, lists, tables, code fences
    r"|\*\*|__|`|\]\(|\\[\\`*_#<>\[]"  # emphasis, code, links, Markdown's escapes
)
STAMP = re.compile(r"^(\d+(?::\d\d){1,2}) (\S.*)$")
SPEAKER = re.compile(r"^\*\*(.+?):\*\* \S")
LIMIT = 5000


def seconds(stamp: str) -> int:
    total = 0
    for part in stamp.split(":"):
        total = total * 60 + int(part)
    return total


def teleprompter_findings(path: Path) -> list[str]:
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        return [f"{name}: not UTF-8 at byte {err.start} [txt]"]
    found: list[str] = []
    if not text.endswith("\n") or text.endswith("\n\n"):
        found.append(f"{name}: must end with exactly one newline [txt]")
    lines = text.split("\n")
    numbers, times = [], []
    for i, line in enumerate(lines, 1):
        where = f"{name}:{i}"
        if "\r" in line or "\t" in line or re.search(r"[\x00-\x08\x0b-\x1f\x7f]", line):
            found.append(f"{where}: a control character, tab or carriage return [txt]")
        if line != line.rstrip():
            found.append(f"{where}: trailing spaces [txt]")
        if i > 1 and line == "" and lines[i - 2] == "" and i < len(lines):
            found.append(f"{where}: two blank lines in a row [txt]")
        if match := CUE.match(line):
            numbers.append(int(match.group(1)))
            times.append(seconds(match.group(2)))
            if i > 1 and lines[i - 2] != "" or i < len(lines) and lines[i] != "":
                found.append(f"{where}: a cue must stand alone between blank lines [txt]")
        elif "[SLIDE" in line or "[DIAPOSITIVA" in line:
            found.append(f"{where}: a cue inside a line of text [txt]")
        elif MARKUP.search(line):
            found.append(f"{where}: markup in plain text: {line[:40]!r} [txt]")
    if numbers != list(range(1, len(numbers) + 1)) or not numbers:
        found.append(f"{name}: cues are numbered {numbers[:8]}, not 1, 2, 3… [txt]")
    if any(b < a for a, b in zip(times, times[1:], strict=False)):
        found.append(f"{name}: cue times go back [txt]")
    return found


def show_notes_findings(path: Path) -> list[str]:
    name = path.name
    text = path.read_text(encoding="utf-8")
    found: list[str] = []
    if len(text) > LIMIT:
        found.append(f"{name}: {len(text)} characters, over YouTube's {LIMIT} [show-notes]")
    if "<" in text or ">" in text:
        found.append(f"{name}: angle brackets, which YouTube refuses in descriptions [show-notes]")
    stamps = [
        (i, seconds(m.group(1)), m.group(2))
        for i, line in enumerate(text.splitlines(), 1)
        if (m := STAMP.match(line))
    ]
    if 0 < len(stamps) < 3:  # no chapter list at all is a plain description, and fine
        found.append(f"{name}: {len(stamps)} chapters; YouTube needs at least 3 [show-notes]")
    if stamps and stamps[0][1] != 0:
        found.append(f"{name}:{stamps[0][0]}: the first chapter must be at 0:00 [show-notes]")
    for (_, a, _), (line, b, title) in zip(stamps, stamps[1:], strict=False):
        if b <= a:
            found.append(f"{name}:{line}: '{title}' is not after the chapter before [show-notes]")
        elif b - a < 10:
            found.append(f"{name}:{line}: the chapter before runs {b - a} s, under 10 [show-notes]")
    return found


# A turn that answers nothing: "Sure.", "Got it.", "Thanks, Sam." and their Spanish kin.
BARE = re.compile(
    r"(?:sure|got it|mm-hm+|right|okay|ok|yeah|yes|exactly|absolutely|thanks(?:,? \w+)?"
    r"|thank you(?:,? \w+)?|claro|vale|exacto|ajá|sí|gracias(?:,? \w+)?)[.!]?",
    re.I,
)


def dialogue_findings(path: Path) -> list[str]:
    """Every spoken paragraph has its speaker; two speakers, and both speak in every section
    (a dialogue is not one host's monologue); bare acknowledgements at most a fifth of the
    turns (a turn: a run of paragraphs by one speaker)."""
    name = path.name
    text = path.read_text(encoding="utf-8")
    found: list[str] = []
    speakers: list[str] = []
    turns: list[str] = []  # each turn's first paragraph
    body = text.split("\n## ", 1)[-1]  # the title and legend above the first part are not said
    offset = text.count("\n", 0, len(text) - len(body)) + 1
    section: tuple[int, str] | None = None  # where a numbered section starts, and its heading
    heard: set[str] = set()

    def close() -> None:
        if section is not None and len(heard) < 2:
            who = " and ".join(sorted(heard)) or "nobody"
            found.append(f"{name}:{section[0]}: only {who} speaks in '{section[1]}' [dialogue]")

    blocks = body.split("\n\n")
    for i, block in enumerate(blocks):
        block = block.strip()
        line = offset + body.count("\n", 0, body.find(block)) if block else 0
        heading = block.startswith("## ") or (i == 0 and block)
        if heading:
            close()
            title = block.removeprefix("## ")
            section = (line, title) if re.match(r"\d+\.", title) else None
            heard = set()
            continue
        if not block or block.startswith(("#", ">", "[SLIDE", "[DIAPOSITIVA")):
            continue
        match = SPEAKER.match(block)
        if not match:
            found.append(f"{name}:{line}: a spoken paragraph with no **Speaker:** [dialogue]")
            continue
        who = match.group(1)
        heard.add(who)
        if not speakers or speakers[-1] != who:
            turns.append(block[match.end() - 1 :].strip())  # SPEAKER takes its first letter
        speakers.append(who)
    close()
    if len(set(speakers)) != 2:
        found.append(f"{name}: {len(set(speakers))} speakers, not two [dialogue]")
    bare = sum(1 for t in turns if BARE.fullmatch(t))
    if turns and bare * 5 > len(turns):
        found.append(f"{name}: {bare} of {len(turns)} turns are a bare acknowledgement [dialogue]")
    return found
