"""The plan: every slide of the talk and the words said while it is up, as plain data.

Both renderers read only this, so slide N of the deck is always cue N of the script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

from deckmaker.characters import CLICK as CLICK  # the marks are declared with the others
from deckmaker.characters import PAUSE as PAUSE
from deckmaker.highlight import CodeColours, Line
from deckmaker.limits import TEXTS_KEPT
from deckmaker.theme.model import Layout

# A pause the outline asks for, written PAUSE (`[PAUSE]`) in a script: a cue to stop for a
# beat, not a word to say. Each one adds PAUSE_SECONDS to the timings.
PAUSE_SECONDS = 2
_PAUSE = re.compile(r"\[PAUSE\]")
# Where the next bullet of a revealed slide appears, written CLICK (`[CLICK]`) in the words
# said: the presenter clicks there, just before the sentence that says that bullet. Not a word
# to say and no time of its own. A slide with `reveal` has exactly one mark per bullet (per
# paragraph of its body), in the bullets' order; the deck's build animation shows them one by
# one.
_MARKS = re.compile(r"\[PAUSE\]|\[CLICK\]")


_T = TypeVar("_T")


def evolve(obj: _T, /, **changes: Any) -> _T:
    """`dataclasses.replace` for the planner's frozen dataclasses (none has `__post_init__`),
    without calling `__init__` again on every field: a slide has fifty, and the planner's
    passes replace each slide several times."""
    kind = type(obj)
    known = kind.__dataclass_fields__  # type: ignore[attr-defined]
    if not changes.keys() <= known.keys():
        unknown = ", ".join(sorted(changes.keys() - known.keys()))
        raise TypeError(f"{kind.__name__} has no field {unknown}")
    new = object.__new__(kind)
    new.__dict__.update(obj.__dict__, **changes)
    return new


@lru_cache(maxsize=TEXTS_KEPT)  # a slide's paragraphs are counted again by every pass
def word_count(text: str) -> int:
    """The words to say in `text`: its marks are not said."""
    return len((_MARKS.sub(" ", text) if "[" in text else text).split())


def pause_count(text: str) -> int:
    return len(_PAUSE.findall(text))


class Kind(str, Enum):
    TITLE = "title"
    INTRO = "intro"
    AGENDA = "agenda"
    SECTION = "section"
    OUTRO = "outro"
    CLOSING = "closing"


@dataclass(frozen=True)
class Bullet:
    text: str
    level: int = 0  # 0 = a point, 1 = a sub-point
    heading: bool = False  # a column's heading: bold, no bullet


@dataclass(frozen=True)
class SlidePlan:
    number: int
    kind: Kind
    layout: Layout
    title: str
    title_pt: int  # type sizes are decided here, where the fitting is, not in the writer
    subtitle: str | None = None
    bullets: tuple[Bullet, ...] = ()
    body_pt: int = 0  # the bullets, or the subtitle on a cover slide
    spacing: float = 0.0  # points of space before each bullet, spreading a short list out
    numbered_from: int = 0  # bullets numbered 1., 2., … from this number (0: plain bullets)
    # a numbered list's text stands this far (pt) in, its numbers hanging; a quote's, its
    # opening mark hanging
    hanging: float = 0.0
    columns: tuple[tuple[Bullet, ...], ...] = ()  # two columns side by side
    numeral: str | None = None  # a divider's section number, set large ("02")
    numeral_pt: int = 0
    numeral_box: tuple[float, float, float, float] | None = None  # its left, top, width, height
    image: str | None = None  # the picture's file
    alt: str | None = None  # what the picture shows: its description in the deck
    picture: tuple[float, float, float, float] | None = None  # its left, top, width, height (pt)
    # Code, as the rows it shows (cut where the panel ends), in `code_font` at `code_pt`, on a
    # panel at `area` (left, top, width, height in pt) in `code_colours`.
    code: tuple[Line, ...] = ()
    code_pt: int = 0
    code_font: str = ""
    code_colours: CodeColours | None = None
    # A table: its rows (the header first), columns' widths and rows' heights (pt), at `area`.
    table: tuple[tuple[str, ...], ...] = ()
    table_pt: int = 0
    table_widths: tuple[float, ...] = ()
    table_heights: tuple[float, ...] = ()
    table_header: str | None = None  # the header row's text colour, "RRGGBB"
    area: tuple[float, float, float, float] | None = None
    spoken: tuple[str, ...] = ()  # paragraphs the host says while this slide is up
    # With two hosts, who says each paragraph of `spoken`: 0 the main host, 1 the co-host.
    speakers: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()  # delivery notes, never read aloud
    reveal: bool = False  # bullets appear one per click, at the [CLICK] marks in `spoken`
    # a quote set in the body box (`subtitle`) under a heading (`title`): the theme has no
    # layout made for quotes
    quote_in_body: bool = False
    # the accent rule beside a quote, as tall as its lines and who said them: left, top,
    # width, height (pt); the quote stands on its box's foot, who said it from the top of its
    rule: tuple[float, float, float, float] | None = None
    drop: float = 0.0  # how far (pt) short text stands lower in its box: optically centred
    # the section's label over the title ("02 · Sacrifices") at `label_pt`, in its box (pt)
    label: str | None = None
    label_pt: int = 0
    label_box: tuple[float, float, float, float] | None = None
    title_top: bool = False  # the title stands at its box's top: under the labels of the deck
    # what the slide is about when its heading is its section's, shared with other slides: the
    # subsection (a short point) said as it comes up; its title in place of a numbered one
    topic: str | None = None

    @property
    def words(self) -> int:
        return sum(word_count(p) for p in self.spoken)

    @property
    def pauses(self) -> int:
        return sum(len(_PAUSE.findall(p)) for p in self.spoken)

    @property
    def clicks(self) -> int:
        return sum(p.count(CLICK) for p in self.spoken)

    @property
    def numbered(self) -> bool:
        """Whether the slide shows its number (every slide but a cover)."""
        return self.layout is not Layout.COVER


@dataclass(frozen=True)
class Part:
    """A stretch of the talk as the script lists it: the opening, a section, the closing."""

    title: str | None  # None for the opening and the closing, which the script names itself
    kind: Kind
    slides: tuple[SlidePlan, ...]
    chapter: str = ""  # its name in chapter lists: the title, or the voice's name for it
    lead: str = ""  # the voice's words that open a section (its transition), "" if none

    @property
    def words(self) -> int:
        return sum(s.words for s in self.slides)


@dataclass(frozen=True)
class Plan:
    title: str
    subtitle: str | None
    host: str | None
    wpm: int
    parts: tuple[Part, ...]
    footer: str | None = None  # along the foot of every numbered slide
    author: str | None = None  # who wrote it: the deck's author property when no host presents
    voice: str = "video"
    hosts: tuple[str, ...] = ()
    target: int | None = None  # seconds the talk should run, when the outline or --target says
    notes_heading: str = ""  # over the delivery notes in the deck: the voice's notes_heading
    max_slide_seconds: int = 75  # the longest a slide should stay up (`pace:`)
    written: tuple[int, ...] = ()  # slides whose words deckmaker wrote: the script had run out
    metadata: tuple[tuple[str, str], ...] = ()  # the outline's: date, tags…, never said
    show_notes: tuple[str, ...] = ()  # the outline's: footnotes, links, thanks, never said
    # Each slide's length in whole seconds as the audio of this build speaks it (`--format
    # audio` or `video`): then every time shown is the audio's, not the speaking rate's.
    clock: tuple[int, ...] = ()
    clock_voices: str = ""  # who spoke it: "espeak-ng (en-us)", for the scripts' headers
    speech_voices: tuple[str, ...] = ()  # the outline's `voices:`, one per host, for audio
    pronounce: tuple[tuple[str, str], ...] = ()  # the outline's: written -> said, audio only
    # what the talk is said in ("en", "es"), set on the deck's text; the voice's words are in it
    language: str = "en"
    # What reading the outline found worth a warning (characters replaced by "�"), said with
    # the plan's own; not part of what the plan is.
    read_warnings: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def slides(self) -> tuple[SlidePlan, ...]:
        return tuple(s for part in self.parts for s in part.slides)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.parts)

    def seconds(self, words: int, pauses: int = 0) -> int:
        """Speaking time of `words` at this plan's rate, and of the pauses, to the second."""
        return round(words * 60 / self.wpm + pauses * PAUSE_SECONDS)

    @property
    def slide_timings(self) -> tuple[tuple[int, int], ...]:
        """(start, length) in seconds for each slide. Starts are running sums of the rounded
        lengths, so every time shown adds up to the total shown."""
        out, start = [], 0
        for n, slide in enumerate(self.slides):
            length = self.seconds(slide.words, slide.pauses)
            if slide.words and not length:  # a word or two still takes a second to say
                length = 1
            if self.clock:
                length = self.clock[n]
            out.append((start, length))
            start += length
        return tuple(out)

    @property
    def timings(self) -> tuple[tuple[int, int], ...]:
        """(start, length) in seconds for each part: the sums of its slides."""
        slides = iter(self.slide_timings)
        out = []
        for part in self.parts:
            mine = [next(slides) for _ in part.slides]
            out.append((mine[0][0], sum(length for _, length in mine)))
        return tuple(out)

    @property
    def total_seconds(self) -> int:
        return sum(length for _, length in self.slide_timings)
