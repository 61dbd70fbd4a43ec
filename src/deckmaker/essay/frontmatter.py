"""What a blog post says about itself before it starts: front matter (YAML between `---` lines,
TOML between `+++` lines, as Jekyll, Hugo, Zola and Gatsby write them) and a byline or date line
at the top ("By Jane Doe", "**Author:** Eyal Bukchin", "February 2021", "Posted on …").

None of it is said. Its title, description and author become the outline's title,
subtitle and author (credited, not greeted as the presenter: who wrote an essay is not always
who presents it); its date and tags the outline's metadata; its `duration` (or a `length`
written as one: 12m, 12:30, 90s) the talk's target, as the outline's `duration:` is; the rest
(layout, slug, url, aliases…) is the site's business and is dropped. The lines it took are
blanked, not removed, so every later message still names the line the author sees.
"""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from deckmaker.duration import HOW, parse_duration
from deckmaker.errors import DeckmakerError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TITLE_KEYS = ("title",)
SUBTITLE_KEYS = ("subtitle", "description", "spoiler", "summary", "excerpt")
AUTHOR_KEYS = ("author", "authors", "by")
DURATION_KEYS = ("duration", "length")  # a `length` that is no length of time is the site's
METADATA_KEYS = ("date", "updated", "lastmod", "tags", "categories", "series", "keywords")
HOST_WORDS = 4  # a name longer than this ("Russ Cox, for the Go team") is no author to credit
BYLINE_BLOCKS = 4  # bylines and date lines are looked for among the first blocks only
BYLINE_WORDS = 14

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_MONTH = "(?:" + "|".join(_MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)"
_DATE = re.compile(
    rf"^(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # March 3, 2021
    rf"|\d{{1,2}}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?\d{{4}}"  # 3 March 2021, 3 de marzo de 2021
    rf"|{_MONTH}\s+(?:de\s+)?\d{{4}}"  # February 2021
    r"|\d{4}-\d{2}-\d{2})$",  # 2021-02-03
    re.IGNORECASE,
)
_POSTED = re.compile(
    r"^(?:posted|published|updated|written|first published|publicado|escrito)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:by|por)\s+(?P<names>\S.*)$", re.IGNORECASE)
_AUTHOR = re.compile(r"^(?:authors?|autor(?:es|as?)?)\s*:\s*(?P<names>\S.*)$", re.IGNORECASE)
_AFFILIATION = re.compile(r"\s*\([^)]*\)")
_EMPHASIS = re.compile(r"[*_]{1,3}")
_PLAIN_HTML = re.compile(r"<[^>]+>")
_PARTICLES = frozenset(["de", "del", "la", "van", "von", "der", "da", "di", "du", "le", "bin"])


@dataclass(frozen=True)
class About:
    """What the front matter and byline said, and the text left to read."""

    body: str
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    metadata: tuple[tuple[str, str], ...] = field(default=())
    duration: int | None = None  # seconds: how long the talk should run


def read_about(text: str, source: str) -> About:
    """The front matter and byline of `text`, and its body with their lines blanked."""
    fields, body = _front_matter(text, source)
    duration = _duration(fields, text.split("\n"), source)
    title = _text(_first(fields, TITLE_KEYS))
    subtitle = _text(_first(fields, SUBTITLE_KEYS))
    authors = _names(_first(fields, AUTHOR_KEYS))
    metadata = [(key, value) for key in METADATA_KEYS if (value := _text(fields.get(key)))]
    body, byline, dated = _byline(body)
    authors = authors or byline
    metadata += [(k, v) for k, v in dated if k not in dict(metadata)]
    author = None
    if len(authors) == 1 and len(authors[0].split()) <= HOST_WORDS and "," not in authors[0]:
        author = authors[0]
    elif authors:
        metadata.insert(0, ("author", ", ".join(authors)))
    return About(body, title, subtitle, author, tuple(metadata), duration)


def _duration(fields: Mapping[str, Any], lines: list[str], source: str) -> int | None:
    """The seconds the front matter's `duration` (or `length`) gives, read from its line as
    written: YAML would read `12:30` as the number 750."""
    for key in DURATION_KEYS:
        if fields.get(key) in (None, ""):
            continue
        line = next(
            (n for n, text in enumerate(lines, 1) if re.match(rf"{key}\s*[:=]", text)), None
        )
        written = str(fields[key])
        if line is not None:
            written = re.sub(rf"^{key}\s*[:=]\s*|\s+#.*$", "", lines[line - 1]).strip("'\" ")
        seconds = None if isinstance(fields[key], bool) else parse_duration(written)
        if seconds is not None:
            return seconds
        if key == "duration":
            raise DeckmakerError.at(
                f"the front matter's `duration` '{written}' is no length of time; {HOW}",
                source,
                line,
                "duration",
            )
    return None


def _front_matter(text: str, source: str) -> tuple[Mapping[str, Any], str]:
    lines = text.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == fence), None)
    if end is None:
        raise DeckmakerError.at(
            f"the front matter opened by '{fence}' on line 1 is never closed; end it with a "
            f"line '{fence}' of its own",
            source,
            1,
        )
    inside = "\n".join(lines[1:end])
    fields = _toml(inside, source) if fence == "+++" else _yaml(inside, source)
    body = "\n" * end + "\n" + "\n".join(lines[end + 1 :])
    return fields, body


def _yaml(inside: str, source: str) -> Mapping[str, Any]:
    try:
        fields = yaml.safe_load(inside)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 2  # the block starts on the file's line 2
        problem = getattr(error, "problem", None) or "is not valid YAML"
        raise DeckmakerError.at(
            f"the front matter is not valid YAML ({problem}); fix it or remove it", source, line
        ) from None
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise DeckmakerError.at(
            "the front matter is not a mapping of fields such as `title:`; fix it or remove it",
            source,
            2,
        )
    return fields


def _toml(inside: str, source: str) -> Mapping[str, Any]:
    try:
        return tomllib.loads(inside)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = int(found.group(1)) + 1 if found else 2
        reason = re.sub(r"\s*\(at line.*\)$", "", str(error))
        raise DeckmakerError.at(
            f"the front matter is not valid TOML ({reason}); fix it or remove it", source, line
        ) from None


def _first(fields: Mapping[str, Any], keys: Iterable[str]) -> Any:
    return next((fields[k] for k in keys if fields.get(k) not in (None, "", [])), None)


def _text(value: Any) -> str | None:
    """A front-matter value as one line of text: lists joined, dates written as ISO."""
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, list):
        items = [t for t in (_text(v) for v in value) if t]
        return ", ".join(items) or None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [t for t in (_text(v) for v in value) if t]
    text = _text(value)
    return [text] if text else []


def _people(written: str) -> list[str]:
    """The names a byline gives ("Kevin Hannon (G-Research), Michał Woźniak (Google)"), or none
    when its words are not names ("By the time I was ten")."""
    plain = _AFFILIATION.sub("", written).rstrip(".")
    names = [n.strip() for n in re.split(r",\s*|\s+(?:and|y|&)\s+", plain) if n.strip()]
    for name in names:
        words = name.split()
        capitalised = all(w[:1].isupper() or w in _PARTICLES for w in words)
        if len(words) > HOST_WORDS + 1 or not capitalised:
            return []
    return names


def _byline(body: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """Byline and date lines among the first blocks, blanked; the names and dates they gave."""
    lines = body.split("\n")
    names: list[str] = []
    dated: list[tuple[str, str]] = []
    blocks = 0
    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        if i > 0 and lines[i - 1].strip():  # only blocks of one line are bylines
            continue
        blocks += 1
        if blocks > BYLINE_BLOCKS:
            break
        if i + 1 < len(lines) and lines[i + 1].strip():
            continue
        line = _EMPHASIS.sub("", _PLAIN_HTML.sub("", raw)).strip()
        if len(line.split()) > BYLINE_WORDS:
            break
        found = _AUTHOR.match(line) or _BY.match(line)
        if found and (given := _people(found.group("names"))):
            names = given
            lines[i] = ""
        elif _DATE.match(line.rstrip(".")):
            dated.append(("date", line.rstrip(".")))
            lines[i] = ""
        elif _POSTED.match(line):
            dated.append(("published", line))
            lines[i] = ""
    return "\n".join(lines), names, dated
