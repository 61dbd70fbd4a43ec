"""What makes a talk built from a real essay unfit to record, counted: one detector per defect,
each a plain function of what was built (`Talk`), so the bench (bench/realworld.py) and the
tests (tests/test_realworld.py, with a planted fault for each) run the very same checks.

A `Talk` is read from a build: the essay's own text, the plan's slides (what each shows and
what is said while it is up, how long it stays up) and the plain-text script. Every detector
returns a count (0 is good) and reads only what a listener hears or a viewer sees: delivery
notes and show notes may hold footnotes, addresses and descriptions, the speech may not.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from wholeness import cut_point, fragment_title

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SHORTEST_SECONDS = 5  # a slide up for less cannot be read
MOST_SHARE = 1 / 3  # of the slides, at most this many may be quotes and statements
FEWEST_PARTS = 3  # a headingless essay of at least FEWEST_PARTS * PART_MINUTES minutes
PART_MINUTES = 2
TITLE_WORDS = 9  # a part's title longer than this is a sentence, not a title
# Front-matter keys whose values are the talk's own (said on the title slide, in the greeting)
TALK_KEYS = frozenset(
    ["title", "subtitle", "description", "spoiler", "summary", "excerpt", "author", "authors", "by"]
)

FOOTNOTE_MARK = re.compile(
    r"\[\^[^\]\s]+\]|(?<=[^\s\[])\[\d{1,3}\]|(?<=\s)\[\d{1,3}\](?=[\s.,;:!?)]|$)"
    r"|(?<![\w^])\^[A-Za-z][\w-]*"  # "problems.^f128-segfault": a [^name] mark read as a link
)
HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--|-->|&(?:[a-z]+|#\d+);")
LINK_SYNTAX = re.compile(r"\]\([^)\s]*\)|\]\[[^\]]*\]|^\s*\[[^\]]+\]:\s*\S", re.MULTILINE)
URL = re.compile(r"https?://|www\.[a-z0-9-]+\.[a-z]", re.IGNORECASE)
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)")
CUE = re.compile(r"\[SLIDE \d+[^\]]*\]")
# Two pause beats with nothing said between them, while one slide is up.
DOUBLED_PAUSE = re.compile(r"\[PAUSE\]\s*\[PAUSE\]")
CURLY = re.compile(r"[‘’“”]")
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Slide:
    layout: str  # the plan's layout's value: "content", "quote", "statement", "code"…
    title: str
    shown: tuple[str, ...]  # the words on it: subtitle, bullets, table cells
    spoken: tuple[str, ...]  # what is said while it is up
    seconds: int  # how long it is up
    code: tuple[str, ...] = ()  # the code lines it shows, as drawn
    attribution: str | None = None  # a quote's: who said it
    bullets: tuple[str, ...] = ()  # a section's slide's points, as shown (not an agenda's)


@dataclass(frozen=True)
class Talk:
    name: str
    essay: str  # the essay's text as the author wrote it
    slides: tuple[Slide, ...]
    parts: tuple[str, ...]  # the titles of the talk's parts (its sections)
    script: str  # the plain-text recording script
    code_blocks: tuple[str, ...] = ()  # the essay's code blocks, as written
    headingless: bool = False
    minutes: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def said(self) -> str:
        return "\n".join(p for s in self.slides for p in s.spoken)

    @property
    def on_screen(self) -> list[str]:
        return [t for s in self.slides for t in (s.title, *s.shown) if t]


def front_matter(essay: str) -> dict[str, Any]:
    lines = essay.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return {}
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == fence), None)
    if end is None:
        return {}
    inside = "\n".join(lines[1:end])
    try:
        found = tomllib.loads(inside) if fence == "+++" else yaml.safe_load(inside)
    except (tomllib.TOMLDecodeError, yaml.YAMLError):
        return {}
    return found if isinstance(found, dict) else {}


def _values(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [v for item in value.values() for v in _values(item)]
    if isinstance(value, list):
        return [v for item in value for v in _values(item)]
    return [str(value)]


def front_matter_leaked(talk: Talk) -> int:
    """A front-matter field said or shown as written ("categories: culture", "url = /blog/…"),
    or the value of a site key said or shown (a slug, a path, a date: site data, no words)."""
    fields = front_matter(talk.essay)
    heard = [talk.said, *talk.on_screen, *talk.parts]
    count = 0
    for key, value in fields.items():
        for text in _values(value):
            as_field = re.compile(
                rf"(?<![\w-]){re.escape(str(key))}\s*[:=]\s*[\"'\[]?{re.escape(text[:20])}",
                re.IGNORECASE,
            )
            count += sum(len(as_field.findall(t)) for t in heard)
            site_data = len(text) >= 4 and not any(c.isspace() for c in text)
            if key not in TALK_KEYS and site_data and not text.isalpha():
                count += sum(t.count(text) for t in heard)
        if key in ("tags", "categories", "keywords") and isinstance(value, list) and len(value) > 1:
            listed = ", ".join(map(str, value))  # the tags said as a list
            count += sum(t.count(listed) for t in heard)
    return count


def footnote_marks_said(talk: Talk) -> int:
    return len(FOOTNOTE_MARK.findall(talk.said))


def html_said(talk: Talk) -> int:
    return sum(len(HTML.findall(t)) for t in (talk.said, *talk.on_screen))


def link_syntax_said(talk: Talk) -> int:
    return sum(len(LINK_SYNTAX.findall(t)) for t in (talk.said, *talk.on_screen))


def urls_said(talk: Talk) -> int:
    return sum(len(URL.findall(t)) for t in (talk.said, *talk.on_screen))


def alt_text_said(talk: Talk) -> int:
    """An image's description (three words or more) said aloud."""
    alts = [alt for alt, _ in IMAGE.findall(_prose(talk.essay)) if len(alt.split()) >= 3]
    return sum(talk.said.count(alt) for alt in alts)


def cues_inside_sentences(talk: Talk) -> int:
    """A slide cue placed where a sentence has not ended: inside a line of the script, after
    words that end no sentence, or before a sentence's lower-case continuation."""
    count = 0
    for line in talk.script.split("\n"):
        stripped = line.strip()
        if CUE.search(stripped) and not CUE.fullmatch(stripped):
            count += 1
    for before, after in zip(talk.slides, talk.slides[1:], strict=False):
        last = _unmarked(next((p for p in reversed(before.spoken) if p.strip()), ""))
        first = _unmarked(next((p for p in after.spoken if p.strip()), ""))
        if last and first and not last.endswith((":", "—")) and not _ends_sentence(last, first):
            count += 1  # a colon or dash may end what is said before the slide it introduces
    return count


def _unmarked(said: str) -> str:
    """What is said without its pause beats: a pause is no word, and ends no sentence."""
    return " ".join(said.replace("[PAUSE]", " ").split())


def _ends_sentence(last: str, first: str) -> bool:
    """Whether deckmaker's own sentence splitter ends a sentence between the two."""
    from deckmaker.sentences import spans

    joined = f"{last} {first}"
    return any(end == len(last) for _, end in spans(joined))


def short_slides(talk: Talk) -> int:
    return sum(1 for s in talk.slides if s.seconds < SHORTEST_SECONDS)


def quote_share(talk: Talk) -> float:
    shown = [s for s in talk.slides if s.layout in ("quote", "statement")]
    return len(shown) / len(talk.slides) if talk.slides else 0.0


def quotes_over_share(talk: Talk) -> int:
    """Quote and statement slides beyond a third of the deck."""
    shown = sum(1 for s in talk.slides if s.layout in ("quote", "statement"))
    return max(0, shown - int(len(talk.slides) * MOST_SHARE))


def unattributed_quotes(talk: Talk) -> int:
    """Quote slides that say nobody's name: the narrator's own words dressed as a quotation."""
    return sum(1 for s in talk.slides if s.layout == "quote" and not s.attribution)


def repeated_slides(talk: Talk) -> int:
    """Slides showing what an earlier slide showed (the same words, the same code)."""
    seen: set[tuple[str, ...]] = set()
    count = 0
    for s in talk.slides:
        if s.layout in ("cover", "header"):
            continue
        key = (s.layout, *s.shown, *s.code)
        if not (s.shown or s.code):
            continue
        count += key in seen
        seen.add(key)
    return count


def code_not_shown(talk: Talk) -> int:
    """Code blocks of the essay that no code slide shows (each found by its first line)."""
    drawn = {line.strip() for s in talk.slides if s.layout == "code" for line in s.code}
    return sum(
        1
        for block in talk.code_blocks
        if (first := next((x.strip() for x in block.split("\n") if x.strip()), ""))
        and first not in drawn
    )


def curly_quotes_in_code(talk: Talk) -> int:
    """Code lines drawn with curly quotes their source did not have."""
    written = "\n".join(talk.code_blocks)
    return sum(
        1
        for s in talk.slides
        for line in s.code
        if CURLY.search(line) and line.strip() not in written
    )


def too_few_parts(talk: Talk) -> int:
    """A headingless essay long enough for three parts cut into fewer."""
    if not talk.headingless or talk.minutes < FEWEST_PARTS * PART_MINUTES:
        return 0
    return max(0, FEWEST_PARTS - len(talk.parts))


def long_part_titles(talk: Talk) -> int:
    """Titles deckmaker gave the parts of a headingless essay that run past TITLE_WORDS words
    (an author's own headings are theirs to keep)."""
    if not talk.headingless:
        return 0
    return sum(1 for t in talk.parts if len(t.split()) > TITLE_WORDS)


def _language(talk: Talk) -> str:
    from deckmaker.words import detect_language

    return detect_language(talk.essay[:20_000])


def fragment_titles(talk: Talk) -> int:
    """Titles deckmaker gave the parts of a headingless essay that are no whole phrase, cut
    mid-phrase ("Star of empire takes", "Neighbors constitutes"): bench/wholeness.py."""
    if not talk.headingless:
        return 0
    language = _language(talk)
    return sum(fragment_title(t, talk.essay, language) for t in talk.parts)


def cut_points(talk: Talk) -> int:
    """Points on the slides that are no whole thought ("I have met with", a quotation left
    open): bench/wholeness.py."""
    language = _language(talk)
    return sum(cut_point(b, talk.essay, language) for s in talk.slides for b in s.bullets)


def doubled_pauses(talk: Talk) -> int:
    """Two pause beats back to back while one slide is up, with nothing said between them (in
    the plan's words: the script writes them in the talk's language, `[PAUSA]`)."""
    return sum(len(DOUBLED_PAUSE.findall("\n".join(s.spoken))) for s in talk.slides)


DETECTORS: dict[str, Callable[[Talk], int]] = {
    "front matter": front_matter_leaked,
    "footnote marks": footnote_marks_said,
    "HTML": html_said,
    "link syntax": link_syntax_said,
    "URLs": urls_said,
    "alt text": alt_text_said,
    "cues mid-sentence": cues_inside_sentences,
    "slides < 5 s": short_slides,
    "quotes > 1/3": quotes_over_share,
    "unattributed quotes": unattributed_quotes,
    "repeated slides": repeated_slides,
    "code not shown": code_not_shown,
    "curly quotes in code": curly_quotes_in_code,
    "too few parts": too_few_parts,
    "part titles > 9 words": long_part_titles,
    "fragment titles": fragment_titles,
    "cut points": cut_points,
    "doubled pauses": doubled_pauses,
}


def count(talk: Talk) -> dict[str, int]:
    return {name: detect(talk) for name, detect in DETECTORS.items()}


def _prose(essay: str) -> str:
    """The essay without its fenced code (where `![x](y)` may be code, not a picture)."""
    out: list[str] = []
    fenced = False
    for line in essay.split("\n"):
        if _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            out.append(line)
    return "\n".join(out)


def code_blocks(essay: str, markdown: bool) -> tuple[str, ...]:
    """The essay's code blocks as written, from markdown-it's tokens (fenced and indented)."""
    if not markdown:
        return ()
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(_without_front_matter(essay))
    return tuple(
        t.content.strip("\n")
        for t in tokens
        if t.type in ("fence", "code_block") and t.content.strip()
    )


def is_headingless(essay: str, markdown: bool) -> bool:
    """Whether the essay as written has no section headings (its title line aside)."""
    if markdown:
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").parse(_without_front_matter(essay))
        levels = [t.tag for t in tokens if t.type == "heading_open"]
        return not [tag for tag in levels if tag != "h1"]
    return True  # plain text: the corpus's plain essays are all headingless


def _without_front_matter(essay: str) -> str:
    lines = essay.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence in ("---", "+++"):
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == fence), None)
        if end is not None:
            return "\n".join(lines[end + 1 :])
    return essay


def talk_of(name: str, essay: str, markdown: bool, plan: Any, script: str) -> Talk:
    """The `Talk` a build made: `plan` is deckmaker's Plan, `script` the plain-text script."""
    timings = plan.slide_timings
    slides = []
    for slide, (_, seconds) in zip(plan.slides, timings, strict=True):
        shown = [slide.subtitle or "", *(b.text for b in slide.bullets)]
        shown += [b.text for column in slide.columns for b in column]
        shown += [cell for row in getattr(slide, "table", ()) for cell in row]
        code = tuple("".join(run.text for run in line) for line in getattr(slide, "code", ()))
        layout = slide.layout.value
        attribution = slide.subtitle if layout == "quote" else None
        points = tuple(b.text for b in (*slide.bullets, *(b for c in slide.columns for b in c)))
        slides.append(
            Slide(
                layout,
                slide.title,
                tuple(t for t in shown if t),
                tuple(slide.spoken),
                seconds,
                code,
                attribution,
                points if slide.kind.value == "section" else (),
            )
        )
    parts = tuple(p.title for p in plan.parts if p.title)
    return Talk(
        name,
        essay,
        tuple(slides),
        parts,
        script,
        code_blocks(essay, markdown),
        is_headingless(essay, markdown),
        sum(seconds for _, seconds in timings) / 60,
    )
