"""Read an outline file into an `Outline`, reporting every mistake with its file, line and field.

We walk the YAML *node* tree rather than the loaded Python objects because nodes keep their line
numbers (so every message can point at the line to fix) and the text exactly as the user typed it
(so `- 2016` or `- yes` stays the text "2016" or "yes" instead of becoming a number or a boolean).
"""

from __future__ import annotations

import bisect
import difflib
import re
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import yaml

from deckmaker import characters
from deckmaker.duration import HOW, parse_duration
from deckmaker.errors import DeckmakerError, Problem
from deckmaker.limits import (
    MAX_IMAGE_BYTES,
    MAX_ITEMS,
    MAX_LINE_CHARS,
    MAX_SECTIONS,
    MAX_TEXT_BYTES,
    MAX_THEME_BYTES,
    MAX_YAML_NODES,
)
from deckmaker.outline.fields import CODE, COLUMN, IMAGE, OUTLINE, POINT, QUOTE, SEGMENT, TABLE
from deckmaker.outline.model import Code, Column, Outline, Place, Point, Quote, Segment, Table
from deckmaker.textfile import read_text

try:  # libyaml parses several times faster at no extra import cost
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

T = TypeVar("T")

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_CORE = "tag:yaml.org,2002:"
# The tags plain YAML gives a node. Any other one (`!!python/object:...`, `!custom`) was written
# by hand; outlines are composed into nodes, never constructed into objects, so a tag is refused
# with its line rather than obeyed.
_PLAIN_TAGS = frozenset(
    _CORE + kind for kind in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_BLANK_LINE = re.compile(r"\n\s*\n")
# An anchor where YAML allows one (after a space, a flow bracket or a comma): not "Q&A".
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)
# Whole numbers as people write them. YAML 1.1 also reads 0x96, 0b1, 2:30 (base 60) and 1_50 as
# integers, which `int` cannot parse and no one means as a rate or a number of seconds.
_WHOLE = re.compile(r"\+?[0-9]+")
_DECIMAL = re.compile(r"[0-9]*\.[0-9]+|[0-9]+\.[0-9]*")

NO_SCRIPT = "there is no script to find these words in; add one or remove `said:`"
MIN_PACE, MAX_PACE = 10, 600  # a slide up for less than 10 s flickers; 10 minutes is no pace
# The keys of each mapping, as the field table declares them (outline/fields.py).
SEGMENT_KEYS = SEGMENT.keys()
COLUMN_KEYS = COLUMN.keys()
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
QUOTE_KEYS = QUOTE.keys()
IMAGE_KEYS = IMAGE.keys()
CODE_KEYS = CODE.keys()
TABLE_KEYS = TABLE.keys()
POINT_KEYS = POINT.keys()
TOP_KEYS = OUTLINE.keys()


def load_outline(path: str | Path, *, allow_outside: bool = False) -> Outline:
    """Read and validate the outline at `path`; raise `DeckmakerError` listing every mistake.
    The files it names (`image:`, `theme:`) must be inside its folder unless `allow_outside`."""
    path = Path(path)
    text = read_text(path, "an outline .yaml file")
    return parse_outline(text, str(path), allow_outside=allow_outside)


def parse_outline(text: str, source: str = "<outline>", *, allow_outside: bool = False) -> Outline:
    """Validate outline YAML given as text; `source` names it in messages (and its folder is
    where the files it names are looked for)."""
    text, unfit = _fitted(text)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark, started = err.problem_mark or err.context_mark, err.context_mark
        what = str(err.problem)
        if err.context and started and started is not mark:
            what = f"{err.context} that starts on line {started.line + 1}: {what}"
        if mark and text[mark.index : mark.index + 1] == "\t":
            what += " (a tab: YAML indents with spaces only)"
        raise DeckmakerError.at(
            f"is not valid YAML: {what}; check indentation, colons, brackets and quotes",
            source,
            mark.line + 1 if mark else None,
        ) from None
    except yaml.reader.ReaderError as err:  # a character YAML refuses; it has a position, no mark
        line = text[: err.position].count("\n") + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        raise DeckmakerError.at(
            f"holds a control character (U+{code:04X}) that YAML does not allow; delete it",
            source,
            line,
        ) from None
    if root is None:
        raise DeckmakerError.at(
            "the outline is empty; it needs at least `title:` and `sections:`", source, 1
        )
    if "&" in text and _ANCHOR.search(text):  # only an anchor (&name) can be aliased (*name)
        nodes, chars = _expanded(root)
        if nodes < 0:
            raise DeckmakerError.at(
                "an alias (*name) inside the part it names would repeat it forever; remove it",
                source,
            )
        if nodes > MAX_YAML_NODES or chars > MAX_TEXT_BYTES:
            much = (
                f"more than {MAX_YAML_NODES:,} fields and items"
                if nodes > MAX_YAML_NODES
                else f"more than {MAX_TEXT_BYTES >> 20} MB of text"
            )
            raise DeckmakerError.at(
                f"its aliases (*name) expand it to {much}, far more than a talk holds; write "
                "the repeated parts out instead",
                source,
            )
    reader = _Reader(source, unfit, allow_outside)
    outline = reader.outline(root)
    if reader.problems:
        raise DeckmakerError(*sorted(reader.problems, key=lambda p: p.line or 0))
    assert outline is not None
    found = reader.warnings()
    return replace(outline, warnings=found) if found else outline


def _fitted(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The file's text with what YAML would refuse or misread replaced (see
    `deckmaker.characters`): odd whitespace by a space, each unfit character by "�", whose
    index, line and character are returned so the field it stood in can be named."""
    text = characters.spaced(text)
    unfit = characters.unfit_in(text)
    if not unfit:
        return text, []
    lines = [(i, text.count("\n", 0, i) + 1, c) for i, c in unfit]
    return characters.replaced(text), lines


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        # libyaml refuses an escaped surrogate ("\ud83d\ude00", as JSON writes emoji, or a lone
        # "\ud800"); PyYAML's own reader takes it, for `characters` to join or replace.
        if _Loader is yaml.SafeLoader or "invalid Unicode character escape" not in str(err):
            raise
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except ValueError:  # an escape past U+10FFFF: libyaml's message says it better
            raise err from None


class _Reader:
    """Turns nodes into model objects, collecting problems instead of stopping at the first."""

    def __init__(
        self, source: str, unfit: list[tuple[int, int, str]], allow_outside: bool = False
    ) -> None:
        self.source = source
        self.unfit = unfit  # (index, line, character) of each unfit character the file held
        self.said: set[int] = set()  # which of those a warning already names
        self.notices: list[Problem] = []
        # Paths in the outline (image:, theme:) are relative to the outline's own folder, and
        # stay inside it unless the user allows otherwise: an outline may come from a stranger.
        self.folder = Path(source).parent if source != "<outline>" else Path()
        self.allow_outside = allow_outside
        self.problems: list[Problem] = []
        # (mapping, key) pairs already reported as misspelled, so "required" is not said twice
        self.misspelled: set[tuple[int, str]] = set()
        self.places: dict[str, Place] = {}

    def fail(self, node: yaml.Node, field: str, message: str) -> None:
        self.problems.append(Problem(message, self.source, node.start_mark.line + 1, field))

    def plain(self, node: yaml.Node, field: str) -> bool:
        """Whether `node` is plain YAML, without a tag of its own (reported if not)."""
        if node.tag in _PLAIN_TAGS:
            return True
        tag = node.tag.replace(_CORE, "!!", 1)
        self.fail(node, field, f"unsupported tag '{tag}'; outlines are plain YAML: remove it")
        return False

    def warnings(self) -> tuple[str, ...]:
        """One warning per text that held unfit characters, and one per line for those that
        stood elsewhere (a comment, a key), in the order of the file."""
        rest = [(line, c) for n, (_, line, c) in enumerate(self.unfit) if n not in self.said]
        for line in dict.fromkeys(line for line, _ in rest):
            found = tuple(dict.fromkeys(c for at, c in rest if at == line))
            self.notices.append(Problem(characters.warning(found), self.source, line))
        return tuple(str(p) for p in sorted(self.notices, key=lambda p: p.line or 0))

    def fitted(self, node: yaml.ScalarNode, field: str) -> str:
        """The node's text, cleaned; a warning names the field when it held unfit characters,
        typed (already "�" in the text, listed in `self.unfit`) or escaped."""
        value, escaped = characters.fitted(node.value)
        if not escaped and not self.unfit:  # as nearly always
            return value
        typed = []
        if self.unfit:
            starts = [i for i, _, _ in self.unfit]
            first = bisect.bisect_left(starts, node.start_mark.index)
            last = bisect.bisect_left(starts, node.end_mark.index)
            typed = list(range(first, last))
            self.said.update(typed)
        found = tuple(dict.fromkeys((*(self.unfit[n][2] for n in typed), *escaped)))
        if found:
            line = self.unfit[typed[0]][1] if typed else node.start_mark.line + 1
            self.notices.append(Problem(characters.warning(found), self.source, line, field))
        return value

    # -- shapes ---------------------------------------------------------------------------------

    def mapping(
        self, node: yaml.Node, field: str, allowed: tuple[str, ...], what: str
    ) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, field, f"expected {what}, got {_kind(node)}")
            return None
        if not self.plain(node, field):
            return None
        found: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            here = _join(field, _shown(key) if key is not None else "(a key that is not text)")
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1)
                tip = f"did you mean '{hint[0]}'?" if hint else "allowed: " + ", ".join(allowed)
                if hint:
                    self.misspelled.add((id(node), hint[0]))
                self.fail(key_node, here, f"unknown field; {tip}")
            elif key in found:
                first = found[key].start_mark.line + 1
                self.fail(key_node, here, f"appears twice (first on line {first}); keep one")
            else:
                found[key] = value
        return found

    def sequence(
        self,
        node: yaml.Node,
        field: str,
        item: Callable[[yaml.Node, str], T | None],
        what: str,
        most: int = MAX_ITEMS,
    ) -> tuple[T, ...]:
        if _is_null(node):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, field, f"expected {what}, one per line starting with '- '")
            return ()
        if not self.plain(node, field):
            return ()
        if len(node.value) > most:
            self.fail(
                node,
                field,
                f"holds {len(node.value):,} items, over the {most:,} it may hold; split it up",
            )
            return ()
        items = (item(child, f"{field}[{i}]") for i, child in enumerate(node.value, 1))
        return tuple(x for x in items if x is not None)

    def text(self, node: yaml.Node | None, field: str, *, paragraphs: bool = False) -> str | None:
        """Any scalar, exactly as typed, cleaned; None when absent or empty."""
        if node is None or _is_null(node):
            return None
        if not self.plain(node, field):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, field, f"expected text, got {_kind(node)}")
            return None
        value = _collapsed(self.fitted(node, field), paragraphs) or None
        if value and not paragraphs and len(value) > MAX_LINE_CHARS:
            self.fail(
                node,
                field,
                f"is {len(value):,} characters, over the {MAX_LINE_CHARS:,} a title, point or "
                "note may hold; put a long passage in `script:`",
            )
        if value and (mark := characters.mark_in(value)):
            self.fail(node, field, characters.mark_problem(mark))
        if value:
            self.places.setdefault(value, Place(field, node.start_mark.line + 1))
        return value

    def required_text(
        self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str, at: str
    ) -> str | None:
        node = fields.get(key)
        value = self.text(node, _join(at, key))
        if (id(parent), key) in self.misspelled:
            return value
        if value is None and (node is None or _is_text(node)):
            where = node if node is not None else parent
            self.fail(where, _join(at, key), "is required and must not be empty")
        return value

    # -- the outline ----------------------------------------------------------------------------

    def outline(self, root: yaml.Node) -> Outline | None:
        fields = self.mapping(root, "", TOP_KEYS, "a mapping of fields such as `title:`")
        if fields is None:
            return None
        title = self.required_text(root, fields, "title", "")
        sections: tuple[Segment, ...] = ()
        if "sections" not in fields:
            self.fail(root, "sections", "is required: a list of sections, each with a `title:`")
        else:
            sections = self.sequence(
                fields["sections"], "sections", self.section, "a list of sections", MAX_SECTIONS
            )
            node = fields["sections"]
            if _is_null(node) or (isinstance(node, yaml.SequenceNode) and not node.value):
                self.fail(node, "sections", "needs at least one section")
        return Outline(
            title=title or "",
            sections=sections,
            subtitle=self.text(fields.get("subtitle"), "subtitle"),
            host=self.text(fields.get("host"), "host"),
            author=self.text(fields.get("author"), "author"),
            greeting=self.text(fields.get("greeting"), "greeting", paragraphs=True),
            signoff=self.text(fields.get("signoff"), "signoff", paragraphs=True),
            wpm=self.wpm(fields.get("wpm")),
            intro=self.segment(fields["intro"], "intro") if "intro" in fields else None,
            outro=self.segment(fields["outro"], "outro") if "outro" in fields else None,
            theme=self.theme(fields.get("theme")),
            footer=self.text(fields.get("footer"), "footer"),
            voice=self.text(fields.get("voice"), "voice"),
            duration=self.duration(fields.get("duration")),
            hosts=self.hosts(fields.get("hosts")),
            language=self.text(fields.get("language"), "language"),
            curly_quotes=self.flag(fields.get("curly_quotes"), "curly_quotes"),
            pace=self.pace(fields.get("pace")),
            reveal=self.flag(fields.get("reveal"), "reveal"),
            metadata=self.metadata(fields.get("metadata")),
            show_notes=self.notes(fields.get("show_notes"), "show_notes"),
            voices=self.voices(fields.get("voices")),
            pronounce=self.pronounce(fields.get("pronounce")),
            source=self.source,
            places=self.places,
        )

    def metadata(self, node: yaml.Node | None) -> tuple[tuple[str, str], ...]:
        return self.pairs(node, "metadata", "a mapping of names to text")

    def voices(self, node: yaml.Node | None) -> tuple[str, ...]:
        """The voices that read the talk aloud: a name, or one per host."""
        if node is None or _is_null(node):
            return ()
        if isinstance(node, yaml.ScalarNode):
            name = self.name(node, "voices")
            return (name,) if name else ()
        names = self.sequence(node, "voices", self.name, "a voice's name, or one per host")
        if isinstance(node, yaml.SequenceNode) and not 1 <= len(node.value) <= 2:
            self.fail(node, "voices", f"expected one voice per host, got {len(node.value)}")
        return names

    def pronounce(self, node: yaml.Node | None) -> tuple[tuple[str, str], ...]:
        """Written forms and how the voices should say them."""
        return self.pairs(
            node, "pronounce", "written forms to spoken ones", "is empty; write how it is said"
        )

    def pairs(
        self, node: yaml.Node | None, field: str, expected: str, empty: str | None = None
    ) -> tuple[tuple[str, str], ...]:
        """A mapping of text to text, in order; a key without a value is left out, or with
        `empty`, a problem saying so."""
        if node is None or _is_null(node):
            return ()
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, field, f"expected {expected}, got {_kind(node)}")
            return ()
        pairs = []
        for key, value in node.value:
            name = self.text(key, field)
            text = self.text(value, _join(field, name or ""))
            if name and text:
                pairs.append((name, text))
            elif name and empty:
                self.fail(value, _join(field, name), empty)
        return tuple(pairs)

    def wpm(self, node: yaml.Node | None) -> int | None:
        if node is None or _is_null(node):
            return None
        number = isinstance(node, yaml.ScalarNode) and node.tag == _INT
        if number and _WHOLE.fullmatch(node.value) and 40 <= int(node.value) <= 400:
            return int(node.value)
        self.fail(node, "wpm", "expected a whole number of words per minute between 40 and 400")
        return None

    def flag(self, node: yaml.Node | None, field: str) -> bool:
        if node is None or _is_null(node):
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return node.value.lower() in ("true", "yes", "on")
        self.fail(node, field, "expected true or false")
        return False

    def duration(self, node: yaml.Node | None) -> int | None:
        """The length the talk should run, in seconds."""
        if node is None or _is_null(node):
            return None
        seconds = parse_duration(node.value) if isinstance(node, yaml.ScalarNode) else None
        if seconds is None:
            self.fail(node, "duration", f"expected how long the talk should run; {HOW}")
        return seconds

    def pace(self, node: yaml.Node | None) -> int | None:
        """The longest a slide may stay up, in seconds: `75s`, `1:15`, `1m15s`."""
        if node is None or _is_null(node):
            return None
        text = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
        # a bare number is whole seconds here (a slide is up for seconds), not minutes as in
        # duration: `1.5` is no pace, rather than a minute and a half
        if _WHOLE.fullmatch(text):
            seconds: int | None = int(text)
        else:
            seconds = None if _DECIMAL.fullmatch(text) else parse_duration(text)
        if not seconds or not MIN_PACE <= seconds <= MAX_PACE:
            self.fail(
                node,
                "pace",
                f"expected the longest a slide may stay up, {MIN_PACE}s to {MAX_PACE // 60}m; "
                "write it like 75s, 1:15 or 1m15s",
            )
            return None
        return seconds

    def hosts(self, node: yaml.Node | None) -> tuple[str, ...]:
        """The two voices of a dialogue script."""
        if node is None or _is_null(node):
            return ()
        names = self.sequence(node, "hosts", self.name, "a list of two names")
        if isinstance(node, yaml.SequenceNode) and len(node.value) != 2:
            self.fail(node, "hosts", f"expected two names, got {len(node.value)}; write [A, B]")
        elif len(names) == 2 and names[0] == names[1]:  # a dialogue needs them told apart
            self.fail(node, "hosts", "the two names are the same; give two different names")
        return names

    def name(self, node: yaml.Node, field: str) -> str | None:
        """A host's name: a dialogue needs two, so an empty one is a mistake, not a gap."""
        text = self.text(node, field)
        if text is None and isinstance(node, yaml.ScalarNode):
            self.fail(node, field, "is empty; write the host's name")
        return text

    def section(self, node: yaml.Node, field: str) -> Segment | None:
        return self.segment(node, field, title_required=True)

    def segment(self, node: yaml.Node, field: str, title_required: bool = False) -> Segment | None:
        what = "a mapping with `title:`, `points:`, `script:`, `notes:`, `quote:` and more"
        fields = self.mapping(node, field, SEGMENT_KEYS, what)
        if fields is None:
            return None
        if title_required:
            title = self.required_text(node, fields, "title", field)
        else:
            title = self.text(fields.get("title"), _join(field, "title"))
        points_node = fields.get("points", _NONE)
        points = self.sequence(points_node, _join(field, "points"), self.point, "a list of points")
        script = self.text(fields.get("script"), _join(field, "script"), paragraphs=True)
        self.anchors(points_node, _join(field, "points"), script)
        spoken = " ".join(script.split()) if script else ""
        image, alt = self.picture(fields.get("image"), _join(field, "image"))
        return Segment(
            title=title,
            points=points,
            script=script,
            notes=self.notes(fields.get("notes"), _join(field, "notes")),
            quotes=self.several(
                fields.get("quote"), _join(field, "quote"), lambda n, f: self.quote(n, f, spoken)
            ),
            image=image,
            image_alt=alt,
            columns=self.columns(fields.get("columns"), _join(field, "columns")),
            code=self.several(
                fields.get("code"), _join(field, "code"), lambda n, f: self.code(n, f, spoken)
            ),
            tables=self.several(
                fields.get("table"), _join(field, "table"), lambda n, f: self.table(n, f, spoken)
            ),
            left_out=self.notes(fields.get("left_out"), _join(field, "left_out")),
        )

    def several(
        self, node: yaml.Node | None, field: str, item: Callable[[yaml.Node, str], T | None]
    ) -> tuple[T, ...]:
        """One item, or a list of them (`quote:`, `code:`, `table:`)."""
        if node is None or _is_null(node):
            return ()
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, field, item, "a list")
        found = item(node, field)
        return (found,) if found is not None else ()

    def shown_from(self, node: yaml.Node | None, field: str, spoken: str) -> str | None:
        """Words of the segment's script, from which a quote, code or table is on screen."""
        words = self.text(node, field)
        if words is None or node is None:
            return None
        if not spoken:
            self.fail(node, field, NO_SCRIPT)
        elif words not in spoken:
            self.fail(
                node,
                field,
                f"'{_short(words)}' is not in this segment's script; copy the opening words of "
                "the sentence from which it is shown",
            )
        else:
            return words
        return None

    def anchors(self, points: yaml.Node, field: str, script: str | None) -> None:
        """Each point's `said:` must be words of its segment's script, which is where a planner
        will look for them."""
        spoken = " ".join(script.split()) if script else ""
        saids = [
            (i, value)
            for i, node in enumerate(getattr(points, "value", ()), 1)
            if isinstance(node, yaml.MappingNode)
            for key, value in node.value
            if isinstance(key, yaml.ScalarNode) and key.value == "said"
        ]
        for i, value in saids:
            words = _clean(value.value, False) if isinstance(value, yaml.ScalarNode) else ""
            if not words:
                continue
            if not script:
                what = NO_SCRIPT
            elif words not in spoken:
                what = (
                    f"'{_short(words)}' is not in this segment's script; "
                    "copy the opening words of the sentence the point comes from"
                )
            else:
                continue
            self.fail(value, f"{field}[{i}].said", what)

    def picture(self, node: yaml.Node | None, field: str) -> tuple[str | None, str | None]:
        """`image: file`, or `image: {path: file, alt: what it shows}`: the picture's path and
        alt text. A picture without alt text gets a warning: it is written to the deck as the
        picture's description, which screen readers read out."""
        if not isinstance(node, yaml.MappingNode):
            path = self.image(node, field)
            alt = None
        else:
            fields = self.mapping(node, field, IMAGE_KEYS, "a picture with `path:` and `alt:`")
            if fields is None:
                return None, None
            where = fields.get("path", node)
            if "path" not in fields and (id(node), "path") not in self.misspelled:
                self.fail(where, _join(field, "path"), "is required: the picture's file")
            path = self.image(fields.get("path"), _join(field, "path"))
            alt = self.text(fields.get("alt"), _join(field, "alt"))
        if path is not None and not alt and node is not None:
            self.notices.append(
                Problem(
                    "no alt text; write `image: {path: ..., alt: what it shows}`, for those who "
                    "cannot see the picture",
                    self.source,
                    node.start_mark.line + 1,
                    field,
                )
            )
        return path, alt

    def image(self, node: yaml.Node | None, field: str) -> str | None:
        """A picture file that exists; whether it is a readable image is checked when planning."""
        written = self.text(node, field)
        if written is None or node is None:
            return None
        if Path(written).suffix.lower() not in IMAGE_SUFFIXES:
            self.fail(node, field, "is not a PNG, JPEG, GIF or BMP file; convert the picture")
            return None
        path = self.file(node, field, written, "picture", MAX_IMAGE_BYTES)
        if path is not None:
            self.places.setdefault(path, Place(field, node.start_mark.line + 1))
        return path

    def theme(self, node: yaml.Node | None) -> str | None:
        """A shipped theme's name, or a .pptx/.potx path relative to the outline."""
        written = self.text(node, "theme")
        if written is None or node is None:
            return None
        is_path = "/" in written or "\\" in written
        if Path(written).suffix.lower() not in (".pptx", ".potx") and not is_path:
            return written  # a name; the theme loader says which names exist
        path = self.file(node, "theme", written, "theme", MAX_THEME_BYTES)
        if path is not None:
            self.places.setdefault(path, Place("theme", node.start_mark.line + 1))
        return path

    def file(self, node: yaml.Node, field: str, written: str, what: str, limit: int) -> str | None:
        """The path of a file the outline names, relative to its folder, if it is a file there,
        inside the folder (unless allowed out) and no larger than `limit`; else None, reported."""
        path = self.folder / written
        if not self.allow_outside and not _inside(path, self.folder):
            self.fail(
                node,
                field,
                f"'{written}' leads outside the outline's folder; move the {what} into it, or "
                "pass --allow-outside if you trust this outline",
            )
            return None
        try:
            found = path.stat()
        except PermissionError:
            found = None
            why = f"'{path}' cannot be reached (permission denied); check its folder's permissions"
        except OSError:
            found = None
            why = f"no such file '{path}'; paths are relative to the outline"
        if found is not None and not stat.S_ISREG(found.st_mode):
            kind = "a folder" if stat.S_ISDIR(found.st_mode) else "a device or a pipe"
            why = f"'{path}' is {kind}, not a {what}; give the {what}'s file"
            found = None
        if found is None:
            self.fail(node, field, why)
            return None
        if found.st_size > limit:
            self.fail(
                node,
                field,
                f"'{path}' is {found.st_size >> 20} MB, over the {limit >> 20} MB limit for a "
                f"{what}; check that this is the right file"
                + (", or save it smaller" if what == "picture" else ""),
            )
            return None
        return str(path)

    def columns(self, node: yaml.Node | None, field: str) -> tuple[Column, ...]:
        if node is None or _is_null(node):
            return ()
        columns = self.sequence(node, field, self.column, "a list of two columns")
        if isinstance(node, yaml.SequenceNode) and len(node.value) != 2:
            self.fail(node, field, f"has {len(node.value)} columns; give exactly two")
        return columns

    def column(self, node: yaml.Node, field: str) -> Column | None:
        """`{title: ..., points: [...]}`, or just a list of points."""
        if isinstance(node, yaml.SequenceNode):
            if not node.value:
                self.fail(node, field, "is empty; give the column a `title:` or `points:`")
            return Column(None, self.sequence(node, field, self.point, "a list of points"))
        fields = self.mapping(node, field, COLUMN_KEYS, "a column with `title:` and `points:`")
        if fields is None:
            return None
        points = self.sequence(
            fields.get("points", _NONE), _join(field, "points"), self.point, "a list of points"
        )
        title = self.text(fields.get("title"), _join(field, "title"))
        if not points and not title:
            self.fail(node, field, "is empty; give the column a `title:` or `points:`")
        return Column(title, points)

    def point(self, node: yaml.Node, field: str) -> Point | None:
        if not isinstance(node, yaml.MappingNode):
            text = self.text(node, field)
            if text is None and not isinstance(node, yaml.ScalarNode):
                return None
            if text is None:
                self.fail(node, field, "is empty; write the point or remove the line")
            return Point(text) if text else None
        fields = self.mapping(node, field, POINT_KEYS, "a point")
        if fields is None:
            return None
        text = self.required_text(node, fields, "text", field)
        subs = self.sequence(
            fields.get("points", _NONE),
            _join(field, "points"),
            self.sub_point,
            "a list of sub-points",
        )
        said = self.text(fields.get("said"), _join(field, "said"))  # checked by `anchors`
        return Point(text, subs, said) if text else None

    def sub_point(self, node: yaml.Node, field: str) -> str | None:
        if isinstance(node, yaml.MappingNode):
            self.fail(node, field, "points nest one level only; make this a plain line of text")
            return None
        text = self.text(node, field)
        if text is None and isinstance(node, yaml.ScalarNode):
            self.fail(node, field, "is empty; write the sub-point or remove the line")
        return text

    def quote(self, node: yaml.Node, field: str, spoken: str) -> Quote | None:
        """`quote: text`, or `quote: {text: ..., attribution: ..., said: ...}`."""
        if not isinstance(node, yaml.MappingNode):
            text = self.text(node, field, paragraphs=True)
            return Quote(text) if text else None
        fields = self.mapping(node, field, QUOTE_KEYS, "a quote with `text:` and `attribution:`")
        if fields is None:
            return None
        text = self.required_text(node, fields, "text", field)
        attribution = self.text(fields.get("attribution"), _join(field, "attribution"))
        said = self.shown_from(fields.get("said"), _join(field, "said"), spoken)
        return Quote(text, attribution, said) if text else None

    def code(self, node: yaml.Node, field: str, spoken: str) -> Code | None:
        """`code: |` and its lines, or `code: {language: python, text: |, said: ...}`."""
        if not isinstance(node, yaml.MappingNode):
            text = self.verbatim(node, field)
            if text is None and isinstance(node, yaml.ScalarNode) and not _is_null(node):
                self.fail(node, field, "is empty; write the code or remove the field")
            return Code(text) if text else None
        fields = self.mapping(node, field, CODE_KEYS, "code with `text:` and `language:`")
        if fields is None:
            return None
        text = self.verbatim(fields.get("text"), _join(field, "text"))
        if text is None and (id(node), "text") not in self.misspelled:
            where = fields.get("text", node)
            self.fail(where, _join(field, "text"), "is required and must not be empty")
        language = self.text(fields.get("language"), _join(field, "language"))
        said = self.shown_from(fields.get("said"), _join(field, "said"), spoken)
        return Code(text, language and language.lower(), said) if text else None

    def verbatim(self, node: yaml.Node | None, field: str) -> str | None:
        """Text as typed, its lines and indentation kept (code); None when absent or blank."""
        if node is None or _is_null(node) or not self.plain(node, field):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, field, f"expected text (a block after `|`), got {_kind(node)}")
            return None
        lines = [line.rstrip() for line in self.fitted(node, field).split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        while lines and not lines[0]:
            lines.pop(0)
        return "\n".join(lines) or None

    def table(self, node: yaml.Node, field: str, spoken: str) -> Table | None:
        """`table: {header: [...], rows: [[...], ...], said: ...}`."""
        fields = self.mapping(node, field, TABLE_KEYS, "a table with `header:` and `rows:`")
        if fields is None:
            return None
        header = self.cells(fields.get("header"), _join(field, "header"))

        def row(node: yaml.Node, at: str) -> tuple[str, ...] | None:
            cells = self.cells(node, at)
            if cells and header and len(cells) != len(header):
                self.fail(
                    node,
                    at,
                    f"has {_cells(len(cells))} where the header has {_cells(len(header))}; "
                    "give each row "
                    "one cell per column (an empty cell is '')",
                )
            return cells

        rows = self.sequence(fields.get("rows", _NONE), _join(field, "rows"), row, "a list of rows")
        said = self.shown_from(fields.get("said"), _join(field, "said"), spoken)
        for at in ("header", "rows"):
            given = fields.get(at)
            empty = given is None or _is_null(given) or given.value in ([], "")
            if empty and (id(node), at) not in self.misspelled:
                where = node if given is None else given
                self.fail(where, _join(field, at), "is required and must not be empty")
        return Table(header, rows, said) if header and rows else None

    def cells(self, node: yaml.Node | None, field: str) -> tuple[str, ...] | None:
        """A row of a table: a list of texts, an empty one ''."""
        if node is None or _is_null(node):
            return None
        if not isinstance(node, yaml.SequenceNode) or not self.plain(node, field):
            if isinstance(node, yaml.SequenceNode):
                return None
            self.fail(node, field, "expected a row: a list of cells, like [Name, Age]")
            return None
        cells = []
        for i, child in enumerate(node.value, 1):
            if not isinstance(child, yaml.ScalarNode):
                self.fail(
                    child, f"{field}[{i}]", f"expected the text of a cell, got {_kind(child)}"
                )
                return None
            cells.append(self.text(child, f"{field}[{i}]") or "")
        return tuple(cells) or None

    def notes(self, node: yaml.Node | None, field: str) -> tuple[str, ...]:
        if node is None or _is_null(node):
            return ()
        if isinstance(node, yaml.SequenceNode):
            return self.sequence(node, field, self.text, "a list of notes")
        if isinstance(node, yaml.ScalarNode):
            text = self.text(node, field)
            return (text,) if text else ()
        self.fail(node, field, "expected a note, or a list of notes, got a mapping")
        return ()


_NONE = yaml.ScalarNode(_NULL, "")


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, its links followed, is within `folder` (its links followed too)."""
    return path.resolve().is_relative_to(folder.resolve())


def _is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_TAGS


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _NULL


def _expanded(root: yaml.Node) -> tuple[int, int]:
    """How many nodes and characters of text the outline holds with its aliases expanded,
    counted without expanding them (an alias is the node it names, counted once per use), each
    up to one more than its limit (`MAX_YAML_NODES`, `MAX_TEXT_BYTES`); (-1, 0) when an alias
    is inside the node it names, which never ends."""
    over = (MAX_YAML_NODES + 1, MAX_TEXT_BYTES + 1)
    sizes: dict[int, tuple[int, int]] = {}
    open_: set[int] = set()  # nodes whose children are being counted
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]

    def size(node: yaml.Node) -> tuple[int, int]:
        if isinstance(node, yaml.ScalarNode):
            return 1, len(node.value)
        return sizes.get(id(node), (1, 0))

    while stack:
        node, closing = stack.pop()
        key = id(node)
        if closing:
            open_.discard(key)
            inside = [size(c) for c in _children(node)]
            sizes[key] = (
                min(over[0], 1 + sum(n for n, _ in inside)),
                min(over[1], sum(c for _, c in inside)),
            )
        elif key in open_:
            return -1, 0  # popped again while its own children are counted: it contains itself
        elif key not in sizes:
            open_.add(key)
            stack.append((node, True))
            # texts are counted where they stand, without a visit of their own
            stack.extend(
                (c, False)
                for c in _children(node)
                if not isinstance(c, yaml.ScalarNode) and id(c) not in sizes
            )
    return size(root)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping (fields with colons)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "text" if node.tag == _STR else f"'{node.value}'"


def _short(text: str, words: int = 8) -> str:
    cut = text.split()
    return " ".join(cut[:words]) + ("…" if len(cut) > words else "")


def _shown(key: str, limit: int = 40) -> str:
    """A key as a message can show it: on one line, its odd characters replaced, not too long."""
    shown = " ".join(characters.fitted(key)[0].split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def clean_text(value: str, paragraphs: bool = False) -> str:
    """Text as the loader keeps it, for readers of other formats that build the same model."""
    return _clean(value, paragraphs)


def _clean(value: str, paragraphs: bool) -> str:
    """Replace characters no artifact can hold (`deckmaker.characters`); collapse whitespace,
    keeping blank-line paragraph breaks."""
    return _collapsed(characters.fitted(value)[0], paragraphs)


def _collapsed(value: str, paragraphs: bool) -> str:
    if not paragraphs:
        return " ".join(value.split())
    return "\n\n".join(" ".join(p.split()) for p in _BLANK_LINE.split(value) if p.strip())
