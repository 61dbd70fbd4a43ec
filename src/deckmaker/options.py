"""Every build choice, declared once: its type and rules, its default, the outline key that can
set it and its help. The command line generates its options from `Options`, the API checks its
keyword arguments against it, and the pipeline and the planner take one `Options` value (as
pandoc's writers take one `WriterOptions`).

To add a choice, add a field to `Options` with `option(...)`: its flag, help, kind of value
(`Number`, `Duration`, `Flag`, `Text`, `Place`), outline key and fallback. `build`, `validate`,
`preview`, `watch`, batch builds and the API take it from there; the planner reads it from the
`Options` it is given.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from deckmaker.duration import HOW, parse_duration
from deckmaker.errors import DeckmakerError

if TYPE_CHECKING:
    from deckmaker.outline import Outline

DEFAULT_WPM = 150
# The longest a slide stays up unless `pace:` or --max-slide-seconds says otherwise: presenters
# change slides every 30 to 90 seconds.
MAX_SLIDE_SECONDS = 75
DEFAULT_VOICE = "video"


class Kind(Protocol):
    """What values an option takes. `parse` reads the command line's text, `check` a value
    from Python; both raise ValueError with the message a user sees (after the flag or field)."""

    @property
    def metavar(self) -> str | None: ...

    def parse(self, text: str) -> Any: ...

    def check(self, value: Any) -> Any: ...


@dataclass(frozen=True)
class Number:
    """A whole number from `low` to `high`."""

    low: int
    high: int
    metavar: str | None = "INTEGER"

    def parse(self, text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise ValueError(self._rule(repr(text))) from None
        return self.check(value)

    def check(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(self._rule(repr(value)))
        if not self.low <= value <= self.high:
            raise ValueError(self._rule(str(value)))
        return value

    def _rule(self, given: str) -> str:
        return f"{given} is no whole number from {self.low} to {self.high}"


@dataclass(frozen=True)
class Duration:
    """A length of time as people write it (12m, 12:30, 90s), in seconds; from Python also a
    number of seconds."""

    metavar: str | None = "TIME"

    def parse(self, text: str) -> int:
        seconds = parse_duration(text)
        if seconds is None:
            raise ValueError(f"'{text}' is no length of time; {HOW}")
        return seconds

    def check(self, value: Any) -> int:
        if isinstance(value, str):
            return self.parse(value)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ValueError(f"{value!r} is no length of time; give seconds above 0, or {HOW}")
        return value


@dataclass(frozen=True)
class Flag:
    """On or off: on the command line, on when given."""

    metavar: str | None = None

    def parse(self, text: str) -> bool:
        return True

    def check(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is neither True nor False")
        return value


@dataclass(frozen=True)
class Text:
    """A name, such as a voice's."""

    metavar: str | None = "NAME"

    def parse(self, text: str) -> str:
        return self.check(text)

    def check(self, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{value!r} is no name")
        return value


@dataclass(frozen=True)
class Names:
    """Two different names, as "Ana,Ben" on the command line or a list from Python."""

    metavar: str | None = "A,B"

    def parse(self, text: str) -> tuple[str, ...]:
        return self.check([n.strip() for n in text.split(",")])

    def check(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return self.parse(value)
        if not isinstance(value, (list, tuple)) or not all(isinstance(n, str) for n in value):
            raise ValueError(f"{value!r} is no pair of names; write two names: Ana,Ben")
        names = tuple(n.strip() for n in value)
        if len(names) != 2 or not all(names):
            raise ValueError(f"expected two names, got {len(names)}; write two names: Ana,Ben")
        if names[0] == names[1]:
            raise ValueError("the two names are the same; give two different names")
        return names


@dataclass(frozen=True)
class Place:
    """A file or folder (a `Path`, or a string from Python), or with `names` also a name."""

    metavar: str | None = "PATH"
    names: bool = False  # a name (a shipped theme's) is kept as the string given

    def parse(self, text: str) -> str | Path:
        return self.check(text)

    def check(self, value: Any) -> str | Path:
        if isinstance(value, Path):
            return value
        if not isinstance(value, str) or not value:
            raise ValueError(f"{value!r} is no path" + (" or name" if self.names else ""))
        return value if self.names else Path(value)


@dataclass(frozen=True)
class Spec:
    """How one option is given and said; stored in its field's metadata."""

    flag: str  # on the command line: --wpm
    help: str
    kind: Kind
    outline: str | None = None  # the outline key that sets it when the command line does not
    fallback: Any = None  # when neither gives it
    shown: str | None = None  # the fallback as --help says it, when it is not `fallback` itself

    def help_text(self) -> str:
        """The help, with where the value comes from when not given."""
        fallback = self.shown or (
            "off"
            if isinstance(self.kind, Flag)
            else None
            if self.fallback is None
            else str(self.fallback)
        )
        if self.outline and fallback:
            return f"{self.help}  [default: the outline's {self.outline}, else {fallback}]"
        if self.outline:
            return f"{self.help}  [default: the outline's {self.outline}]"
        return self.help


def option(spec: Spec) -> Any:
    """A field of `Options`: not given (None, or off) unless the caller gives it."""
    default = False if isinstance(spec.kind, Flag) else None
    return dataclasses.field(default=default, metadata={"spec": spec})


@dataclass(frozen=True)
class Options:
    """The choices of one build: the options of `deckmaker build`, as the API takes them.
    A value not given is None (a flag: False), and the outline's key, then the fallback,
    decide (see `resolved`)."""

    templates_dir: Path | None = option(Spec(
        "--templates",
        "Folder of your own templates (script.md.j2, voice.j2, ...; see `deckmaker templates "
        "list`); each file there replaces the bundled one of the same name.",
        Place("FOLDER"),
    ))  # fmt: skip
    theme: str | Path | None = option(Spec(
        "--theme",
        "The deck's design: a .pptx or .potx file, or a shipped theme's name (see `deckmaker "
        "themes`).",
        Place("FILE|NAME", names=True),
        outline="theme",
        shown="light",  # the shipped default, deckmaker.render.shipped.DEFAULT_THEME
    ))  # fmt: skip
    wpm: int | None = option(Spec(
        "--wpm",
        "Speaking rate for timings, in words per minute.",
        Number(40, 400),
        outline="wpm",
        fallback=DEFAULT_WPM,
    ))  # fmt: skip
    voice: str | None = option(Spec(
        "--voice",
        "The voice of the words deckmaker writes: video, talk or podcast (or a voice-NAME.j2 "
        "of yours).",
        Text(),
        outline="voice",
        fallback=DEFAULT_VOICE,
    ))  # fmt: skip
    language: str | None = option(Spec(
        "--language",
        "The language of the words deckmaker says (en, es, or a voice.CODE.j2 of yours); not "
        "given, the language the talk's words are in. With no voice for it, only the author's "
        "words are said.",
        Text("CODE"),
        outline="language",
    ))  # fmt: skip
    hosts: tuple[str, ...] | None = option(Spec(
        "--hosts",
        "The two hosts of the dialogue script (--format dialogue), the main host first: Ana,Ben.",
        Names(),
        outline="hosts",
    ))  # fmt: skip
    target: int | None = option(Spec(
        "--target",
        "How long the talk should run (12m, 12:30, 90s); an essay whose prose runs longer is "
        "condensed to it, in its own words; warns when the script runs long or short.",
        Duration(),
        outline="duration",
    ))  # fmt: skip
    curly_quotes: bool = option(Spec(
        "--curly-quotes",
        "Curl the quotes and apostrophes of the words said (’ “ ”), as the slides' are.",
        Flag(),
        outline="curly_quotes",
    ))  # fmt: skip
    max_slide_seconds: int | None = option(Spec(
        "--max-slide-seconds",
        "The longest a slide stays up, in seconds; longer stretches continue on further slides.",
        Number(10, 600),
        outline="pace",
        fallback=MAX_SLIDE_SECONDS,
    ))  # fmt: skip
    reveal: bool = option(Spec(
        "--reveal",
        "Show each bullet on a click, when it is said; the script marks the spot [CLICK].",
        Flag(),
        outline="reveal",
    ))  # fmt: skip
    allow_outside: bool = option(Spec(
        "--allow-outside",
        "Let the outline's image: and theme: name files outside its folder (through ../, an "
        "absolute path or a link); only for an outline you trust.",
        Flag(),
    ))  # fmt: skip

    @classmethod
    def of(cls, given: Mapping[str, Any]) -> Options:
        """Options from keyword arguments (the API's), each checked as the command line checks
        it; a mistake raises `DeckmakerError` naming the option."""
        known = names()
        values: dict[str, Any] = {}
        for name, value in given.items():
            if name not in known:
                near = difflib.get_close_matches(name, known, 1)
                hint = (
                    f"did you mean '{near[0]}'?" if near else f"the options are {', '.join(known)}"
                )
                raise DeckmakerError.at(f"unknown option; {hint}", field=name)
            if value is None or value is False:  # not given
                continue
            try:
                values[name] = spec(name).kind.check(value)
            except ValueError as err:
                raise DeckmakerError.at(str(err), field=name) from None
        return cls(**values)

    def resolved(self, outline: Outline) -> Options:
        """These options over the outline's: each one not given takes the outline's key, else
        its fallback. The one place where the command line and the outline meet."""
        values = {}
        for name, s in specs():
            if getattr(self, name) or s.outline is None:
                continue
            from_outline = getattr(outline, s.outline, None)
            values[name] = from_outline or s.fallback or getattr(self, name)
        return dataclasses.replace(self, **values)

    def from_outline(self, name: str) -> bool:
        """Whether the outline (not these options) decides `name`: for a mistake's line."""
        return not getattr(self, name) and spec(name).outline is not None


DEFAULTS = Options()  # nothing given: the outline and the fallbacks decide


def specs() -> Iterator[tuple[str, Spec]]:
    """Each option's field name and its `Spec`, in declaration order."""
    for f in fields(Options):
        yield f.name, f.metadata["spec"]


def spec(name: str) -> Spec:
    return dict(specs())[name]


def names() -> list[str]:
    return [name for name, _ in specs()]
