"""The outline format, declared once: every field an outline may hold, what it takes, its
default, its help and an example.

The loader reads its keys from here; `tools/make_schema.py` writes the JSON Schema editors read
from it (`outlines/outline.schema.json`, which tests/test_schema.py holds to the loader and to an
editor's language server); and the docs' outline reference is generated from it. The loader
stays the judge of what builds: what a schema cannot state (a picture must exist, `said:` words
must be in the script) is checked there. The fields that set a build choice take their default
and limits from that choice's declaration (`deckmaker.options`), so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deckmaker.options import DEFAULT_VOICE, DEFAULT_WPM, MAX_SLIDE_SECONDS, Number, spec

Schema = dict[str, Any]


class Listed(str):
    """A list of names known only when the schema is written (the shipped themes, the bundled
    voices): `schema()` puts the list where the marker stands."""


THEMES = Listed("themes")
VOICES = Listed("voices")


def ref(name: str) -> Schema:
    return {"$ref": f"#/definitions/{name}"}


def one_or_list(item: Schema, *, null: bool = False) -> Schema:
    """An item, or a list of items."""
    return {"anyOf": [item, {"type": "array", "items": item}, *([{"type": "null"}] * null)]}


@dataclass(frozen=True)
class Field:
    """One key of a mapping in an outline."""

    key: str
    takes: str  # what the value is, in words, for the docs' reference
    help: str  # what it does: the schema's description (an editor shows it on hover)
    schema: Schema  # the JSON Schema of its value
    required: bool = False
    default: Any = None  # None: no default to name (the field is simply left out)
    examples: tuple[Any, ...] = ()

    def json(self) -> Schema:
        value: Schema
        if "$ref" in self.schema:
            value = {"$ref": self.schema["$ref"], "description": self.help}
            value.update((k, v) for k, v in self.schema.items() if k != "$ref")
        else:
            value = {"description": self.help, **self.schema}
        if self.default is not None:
            value["default"] = self.default
        if self.examples:
            value["examples"] = list(self.examples)
        return value


@dataclass(frozen=True)
class Block:
    """A mapping an outline holds: the outline itself, a section, a point, a quote…"""

    name: str  # its definition's name in the schema ("" for the outline itself)
    title: str  # its heading in the docs
    help: str
    fields: tuple[Field, ...]
    shorthand: str = ""  # what may stand for the whole mapping, in words, for the docs

    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def required(self) -> list[str]:
        return [f.key for f in self.fields if f.required]

    def object(self) -> Schema:
        value: Schema = {"type": "object"}
        if self.required():
            value["required"] = self.required()
        value["additionalProperties"] = False
        value["properties"] = {f.key: f.json() for f in self.fields}
        return value


# -- the kinds of value fields take ---------------------------------------------------------------

# A duration as people write one: 12m, 12m30s, 1h5m, 90s, 12:30, 1:02:03; `number` is what a
# bare number may be (minutes may be decimal, a pace is whole seconds).
_UNITS = r"(?:[0-9]+\s*[hH])?\s*(?:[0-9]+\s*[mM](?:[iI][nN])?)?\s*(?:[0-9]+\s*[sS](?:[eE][cC])?)?"


def _duration(number: str) -> Schema:
    return {
        "type": "string",
        "allOf": [
            {"pattern": rf"^\s*(?:{number}|(?:[0-9]+:)?[0-9]+:[0-5][0-9]|{_UNITS})\s*$"},
            {"pattern": "[1-9]"},  # not all zeros, and not empty
        ],
    }


TYPES: dict[str, Schema] = {
    "text": {
        "description": (
            "Any text. Numbers and words like yes stay exactly as typed; lines are joined."
        ),
        "type": ["string", "number", "boolean", "null"],
    },
    "requiredText": {
        "description": "Text that must not be empty.",
        "anyOf": [{"type": "string", "pattern": r"\S"}, {"type": ["number", "boolean"]}],
    },
    "flag": {
        "description": "true or false (yes/no and on/off too, as YAML 1.1 reads them).",
        "anyOf": [
            {"type": ["boolean", "null"]},
            {"type": "string", "pattern": "^(?:[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF)$"},
        ],
    },
}
_WPM = spec("wpm").kind
_PACE = spec("max_slide_seconds").kind
assert isinstance(_WPM, Number) and isinstance(_PACE, Number)

_SAID_HELP = (
    "The opening words of the script's sentence from which it is on screen; they must be in "
    "the segment's script. Without it, it follows the points."
)
_SAID = Field(
    "said", "text: the opening words of a sentence of the script", _SAID_HELP, ref("text")
)

# -- the mappings ---------------------------------------------------------------------------------

POINT = Block(
    "point",
    "A point",
    "A bullet of a slide. A line of text is a point; a point with sub-points or an anchor is a "
    "mapping.",
    (
        Field("text", "text, not empty", "The bullet.", ref("requiredText"), required=True),
        Field(
            "points",
            "a list of texts",
            "Sub-points: one level of nesting, a line of text each.",
            {"type": ["array", "null"], "items": ref("requiredText")},
        ),
        Field(
            "said",
            "text: the opening words of a sentence of the script",
            "The opening words of the script's sentence this point comes from, so the point "
            "shows while it is said; they must be in the segment's script.",
            ref("text"),
        ),
    ),
    shorthand="a line of text",
)
COLUMN = Block(
    "column",
    "A column",
    "One of a section's two columns, side by side on a slide of their own.",
    (
        Field("title", "text", "The column's heading.", ref("text")),
        Field("points", "a list of points", "The column's points.", ref("points")),
    ),
    shorthand="a list of points",
)
QUOTE = Block(
    "quote",
    "A quote",
    "Someone else's words, on a slide of their own with who said them.",
    (
        Field("text", "text, not empty", "The words quoted.", ref("requiredText"), required=True),
        Field("attribution", "text", "Who said or wrote them.", ref("text")),
        Field(
            "said",
            "text: the opening words of a sentence of the script",
            "The opening words of the script's sentence from which the quote is on screen; "
            "they must be in the segment's script.",
            ref("text"),
        ),
    ),
    shorthand="its text",
)
IMAGE = Block(
    "picture",
    "A picture",
    "A picture on a slide of its own, with what it shows.",
    (
        Field(
            "path",
            "a file: PNG, JPEG, GIF or BMP",
            "The picture's file, relative to the outline's folder.",
            ref("imagePath"),
            required=True,
            examples=("stills/finale.png",),
        ),
        Field(
            "alt",
            "text",
            "What the picture shows, in a sentence: its alt text, read out by screen readers.",
            ref("text"),
            examples=("Mia and Sebastian at the piano",),
        ),
    ),
    shorthand="its file",
)
CODE = Block(
    "code",
    "Code",
    "Source code on a slide of its own, exactly as written, never read aloud.",
    (
        Field(
            "text",
            "text, not empty",
            "The code, exactly as written: write it as a block after `|` to keep its lines "
            "and indentation.",
            ref("requiredText"),
            required=True,
        ),
        Field(
            "language",
            "text: a Pygments name",
            "The language it is written in, for syntax highlighting (a Pygments name: python, "
            "javascript, bash, …).",
            ref("text"),
            examples=("python",),
        ),
        _SAID,
    ),
    shorthand="the code (a block after `|`)",
)
TABLE = Block(
    "table",
    "A table",
    "A table on a slide of its own, its header row marked.",
    (
        Field(
            "header",
            "a list of texts",
            "The column headings: a list of texts.",
            ref("row"),
            required=True,
        ),
        Field(
            "rows",
            "a list of lists of texts",
            "The rows, each a list of as many cells as the header ('' for an empty one).",
            {"type": "array", "minItems": 1, "items": ref("row")},
            required=True,
        ),
        _SAID,
    ),
)
SEGMENT = Block(
    "segment",
    "A section (and the intro and outro)",
    "A part of the talk: its slides, and what is said over them. A section must have a "
    "title; the intro and outro take the same fields, and their titles have defaults.",
    (
        Field(
            "title",
            "text (a section's: not empty)",
            "The slide's title.",
            ref("text"),
            examples=("No Happy Ending, and That's the Point",),
        ),
        Field(
            "points",
            "a list of points",
            "The slide's bullets: a line of text each, or text with sub-points.",
            ref("points"),
        ),
        Field(
            "script",
            "text",
            "What the host says here, word for word; a blank line starts a new paragraph, "
            "[PAUSE] is a beat of silence. Without one, deckmaker says the points.",
            ref("text"),
        ),
        Field(
            "notes",
            "text, or a list of texts",
            "Delivery notes for the speaker, never read aloud: a note or a list of notes.",
            one_or_list(ref("text")),
            examples=(["Build energy, then soften for the loss"],),
        ),
        Field(
            "quote",
            "a quote, or a list of quotes",
            "Someone else's words on a slide of their own, introduced in the script as theirs: "
            "the text, or text and attribution; or a list of quotes.",
            one_or_list(ref("quote")),
            examples=({"text": "Here's to the ones who dream.", "attribution": "Mia"},),
        ),
        Field(
            "image",
            "a picture: its file, or its file and alt text",
            "A picture on a slide of its own, fitted whole: a PNG, JPEG, GIF or BMP file, "
            "relative to the outline's folder; or `path:` and `alt:`, what it shows for those "
            "who cannot see it (written as the picture's alt text; without it, a warning).",
            ref("image"),
            examples=(
                {"path": "stills/finale.png", "alt": "Mia and Sebastian at the piano"},
                "stills/finale.png",
            ),
        ),
        Field(
            "columns",
            "two columns",
            "Two columns side by side on a slide of their own: each a title and points, or "
            "just a list of points.",
            {"type": ["array", "null"], "minItems": 2, "maxItems": 2, "items": ref("column")},
        ),
        Field(
            "code",
            "code, or a list of code",
            "Source code shown on a code slide in a monospace font, highlighted, never read "
            "aloud: the code (a block after `|`), or its text with a language; or a list of them.",
            one_or_list(ref("code"), null=True),
            examples=({"language": "python", "text": "print('hello')\n"},),
        ),
        Field(
            "table",
            "a table, or a list of tables",
            "A table on a slide of its own, its header row marked: `header:` and `rows:`; or a "
            "list of tables.",
            one_or_list(ref("table"), null=True),
            examples=(
                {
                    "header": ["Format", "Extension"],
                    "rows": [["Plain text", ".txt"], ["Markdown", ".md"]],
                },
            ),
        ),
        Field(
            "left_out",
            "a list of texts",
            "What `deckmaker import --target` left out of this part to meet the target: each "
            "paragraph not kept whole, in full and in order. Never said nor shown; to put one "
            "back, copy it into `script:` (over its trimmed form, if the script keeps part of it).",
            one_or_list(ref("text")),
            examples=(["A paragraph of the essay the condensed talk does not say."],),
        ),
    ),
)
OUTLINE = Block(
    "",
    "The outline",
    "A talk outline for deckmaker: one file per talk. `deckmaker build` turns it into a .pptx "
    "deck with speaker notes and a recording script.",
    (
        Field(
            "title",
            "text, not empty",
            "The talk's title, on the title slide and in the greeting. Required.",
            ref("requiredText"),
            required=True,
            examples=("La La Land's Ending, Explained",),
        ),
        Field(
            "subtitle",
            "text",
            "A line under the title on the title slide.",
            ref("text"),
            examples=("Did Mia and Sebastian end up together?",),
        ),
        Field(
            "host",
            "text",
            "Who presents: named in the greeting and the sign-off.",
            ref("text"),
            examples=("Sam",),
        ),
        Field(
            "author",
            "text",
            "Who wrote the talk or the essay it comes from, when that is not the host: credited "
            "on the title slide and in the greeting (`deckmaker import` takes it from the "
            "essay's front matter or byline).",
            ref("text"),
            examples=("Henry David Thoreau",),
        ),
        Field(
            "hosts",
            "two texts",
            "The two voices of the dialogue script (`--format dialogue`), who take turns.",
            {"type": ["array", "null"], "minItems": 2, "maxItems": 2, "items": ref("requiredText")},
            examples=(["Sam", "Alex"],),
        ),
        Field(
            "language",
            "a language code",
            "The language of the words deckmaker says around yours: en or es, or the CODE of a "
            "voice.CODE.j2 in your --templates folder. Left out, the language your words are "
            "in; for a language with no voice, deckmaker says only your words.",
            ref("text"),
            examples=("es",),
        ),
        Field(
            "voice",
            "a voice's name",
            "The voice of the words deckmaker writes: video (a creator to camera), talk (a live "
            "audience) or podcast; or the NAME of a voice-NAME.j2 in your --templates folder.",
            {"anyOf": [{"enum": VOICES}, ref("text")]},
            default=DEFAULT_VOICE,
        ),
        Field(
            "duration",
            "a duration: 12m, 12:30, 90s…",
            "How long the talk should run; a build warns when the script runs more than a "
            "tenth (and 15 s) long or short. A bare number is minutes.",
            {
                "anyOf": [
                    {"type": "number", "exclusiveMinimum": 0},
                    _duration(r"[0-9]+(?:\.[0-9]+)?"),
                    {"type": "null"},
                ]
            },
            examples=("12m", "12m30s", "90s", "1h5m", "12:30"),
        ),
        Field(
            "greeting",
            "text",
            "Your own opening words, said exactly as written in every voice; leave it out for "
            "the voice's own greeting.",
            ref("text"),
            examples=("Hey guys, let's dive deep into the ending of La La Land.",),
        ),
        Field(
            "signoff",
            "text",
            "Your own closing words, said exactly as written in every voice; leave it out for "
            "the voice's own sign-off.",
            ref("text"),
            examples=("That's it for today. Thanks for watching!",),
        ),
        Field(
            "wpm",
            f"a whole number, {_WPM.low} to {_WPM.high}",
            "The speaking rate for the timings, in words per minute (--wpm overrides it).",
            {"type": ["integer", "null"], "minimum": _WPM.low, "maximum": _WPM.high},
            default=DEFAULT_WPM,
        ),
        Field(
            "theme",
            "a shipped theme's name, or a .pptx/.potx file",
            "The deck's design: a shipped theme's name (`deckmaker themes`), or a .pptx/.potx "
            "file, relative to the outline's folder (--theme overrides it).",
            {
                "anyOf": [
                    {"enum": THEMES},
                    {"type": "string", "pattern": r"\.[pP][oOpP][tT][xX]\s*$"},
                    {"type": "null"},
                ]
            },
            default=spec("theme").shown,
            examples=("dark", "brand/company.potx"),
        ),
        Field(
            "footer",
            "text",
            "Text at the foot of every slide but the title and closing ones.",
            ref("text"),
            examples=("Film Essays · Episode 12",),
        ),
        Field(
            "curly_quotes",
            "true or false",
            "true: curl the quotes and apostrophes (’ “ ”) of the words said, the delivery "
            "notes and the titles in the notes and script, as the slides' always are.",
            ref("flag"),
            default=False,
        ),
        Field(
            "pace",
            "a duration, 10 s to 10 minutes",
            "The longest a slide may stay up, 10 s to 10 minutes: longer stretches continue on "
            "further slides. A bare number is seconds.",
            {
                "anyOf": [
                    {"type": "integer", "minimum": _PACE.low, "maximum": _PACE.high},
                    _duration("[0-9]+"),
                    {"type": "null"},
                ]
            },
            default=MAX_SLIDE_SECONDS,
            examples=("75s", "1:15", "1m15s", 90),
        ),
        Field(
            "reveal",
            "true or false",
            "true: each bullet appears on a click as it is said, marked [CLICK] in the script.",
            ref("flag"),
            default=False,
        ),
        Field(
            "intro",
            "a segment",
            "The opening: a slide of its own when it has points; otherwise its script is said "
            'over the title slide. Its title defaults to "Introduction".',
            ref("segment"),
        ),
        Field(
            "sections",
            "a list of sections, at least one",
            "The body of the talk, in order: at least one section, each with a title.",
            {"type": "array", "minItems": 1, "items": ref("section")},
            required=True,
        ),
        Field(
            "outro",
            "a segment",
            "The closing: a slide of its own when it has points (the call to action); otherwise "
            'its script is said over the closing slide. Its title defaults to "Wrapping Up".',
            ref("segment"),
        ),
        Field(
            "metadata",
            "names to texts",
            "What the essay's front matter or byline says of it that is no part of the talk "
            "(its date, tags, where it was published): names to text, never said.",
            {"type": ["object", "null"], "additionalProperties": ref("text")},
            examples=({"date": "2015-01-12", "tags": "errors, idioms"},),
        ),
        Field(
            "show_notes",
            "text, or a list of texts",
            "Lines for the episode description, never said: an essay's footnotes, its links' "
            "addresses, its thanks: a line or a list of lines.",
            one_or_list(ref("text")),
        ),
        Field(
            "voices",
            "a voice's name, or one per host",
            "The offline voices that read the talk aloud (--format audio, video): one name, or "
            "one per host of a dialogue; `deckmaker voices` lists them. Without it: the neural "
            "voice joe for English (the audio extra), else espeak-ng's for the talk's "
            "language, and a higher variant of it for the second host.",
            {
                "anyOf": [
                    ref("requiredText"),
                    {"type": "array", "minItems": 1, "maxItems": 2, "items": ref("requiredText")},
                    {"type": "null"},
                ]
            },
            examples=(["joe", "en-gb-x-rp"],),
        ),
        Field(
            "pronounce",
            "written forms to spoken ones",
            "Names the voices should say otherwise than written, for the audio only (the "
            "scripts keep the written form): each written word or phrase to how it is said.",
            {"type": ["object", "null"], "additionalProperties": ref("requiredText")},
            examples=({"Chazelle": "Sha zell", "SQL": "sequel"},),
        ),
    ),
)
# The outline first, then what it holds, in the order a reader meets them.
BLOCKS = (OUTLINE, SEGMENT, POINT, COLUMN, QUOTE, IMAGE, CODE, TABLE)


def _with_shorthand(short: Schema, block: Block) -> Schema:
    return {"anyOf": [short, block.object()]}


def _definitions() -> Schema:
    column = COLUMN.object()
    column["anyOf"] = [  # a heading, or points, or both
        {"required": ["title"], "properties": {"title": ref("requiredText")}},
        {"required": ["points"], "properties": {"points": {"type": "array", "minItems": 1}}},
    ]
    return {
        **TYPES,
        "segment": SEGMENT.object(),
        "section": {
            "description": "A section of the talk: its slides, and what is said over them.",
            "allOf": [
                ref("segment"),
                {"required": ["title"], "properties": {"title": ref("requiredText")}},
            ],
            "defaultSnippets": [
                {"label": "section", "body": {"title": "$1", "points": ["$2"], "script": "$3"}}
            ],
        },
        "points": {
            "description": "The slide's bullets: a line of text each, or text with sub-points.",
            "type": ["array", "null"],
            "items": ref("point"),
        },
        "point": _with_shorthand(ref("requiredText"), POINT),
        "column": {"anyOf": [{"type": "array", "minItems": 1, "items": ref("point")}, column]},
        "quote": _with_shorthand(ref("text"), QUOTE),
        "imagePath": {
            "type": ["string", "null"],
            "pattern": r"^\s*$|\.(?:[pP][nN][gG]|[jJ][pP][eE]?[gG]|[gG][iI][fF]|[bB][mM][pP])\s*$",
        },
        "image": {"anyOf": [ref("imagePath"), IMAGE.object()]},
        "code": _with_shorthand(ref("requiredText"), CODE),
        "row": {"type": "array", "minItems": 1, "items": ref("text")},
        "table": TABLE.object(),
    }


def schema(lists: Mapping[str, Sequence[str]]) -> Schema:
    """The outline format as a JSON Schema (draft-07, the draft VS Code's YAML extension reads),
    with `lists` naming what each `Listed` marker stands for: the shipped themes, the voices."""
    document: Schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$comment": (
            "The outline format of deckmaker, as `deckmaker schema` prints it, generated from "
            "src/deckmaker/outline/fields.py and held to the loader by tests/test_schema.py; "
            "the few rules a schema cannot state (a picture or theme file must exist, a point's "
            "`said:` must be words of its script, a pace of 10 s to 10 minutes written with "
            "units) are checked by `deckmaker validate`."
        ),
        "title": "deckmaker outline",
        "description": OUTLINE.help,
        **OUTLINE.object(),
        "definitions": _definitions(),
    }
    return _resolved(document, lists)


def _resolved(value: Any, lists: Mapping[str, Sequence[str]]) -> Any:
    if isinstance(value, Listed):
        return list(lists[value])
    if isinstance(value, dict):
        return {k: _resolved(v, lists) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v, lists) for v in value]
    return value
