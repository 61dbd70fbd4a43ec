"""Essays in, outlines out: a reader that turns prose (plain text or Markdown) into the same
`Outline` a YAML file gives, so the planner and the renderers never ask where a talk came from.
"""

from __future__ import annotations

import re
from pathlib import Path

from deckmaker import characters
from deckmaker.errors import DeckmakerError, Problem
from deckmaker.essay.document import Essay, Passage
from deckmaker.essay.language import word_set
from deckmaker.outline import Outline, Place, Point, Quote, Segment
from deckmaker.outline.load import clean_text
from deckmaker.textfile import read_text

MARKDOWN_SUFFIXES = (".md", ".markdown")
TITLE_WORDS = 10  # an opening sentence this short can be the title

# An opening sentence that starts with one of these greets the audience: it becomes `greeting`.
GREETINGS = {
    "en": ("hey", "hi", "hello", "welcome", "greetings", "good morning", "good afternoon",
           "good evening", "what's up"),
    "es": ("hola", "bienvenidos", "bienvenidas", "buenas", "buenos días", "qué tal"),
}  # fmt: skip

# What the greeting says the talk is about: "let's dive deep into X", "a talk about X".
TOPIC_CUES = {
    "en": re.compile(
        r"\b(?:dive|diving|dig|digging)\s+(?:deep(?:er)?\s+|right\s+)?into\s+"
        r"|\btalk(?:ing)?\s+about\s+",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:hablar|hablaremos|hablamos|hablando|hablaros)\s+(?:de|del|sobre)\s+"
        r"|\b(?:sumergirnos|adentrarnos|profundizar)\s+(?:de\s+lleno\s+)?en\s+",
        re.IGNORECASE,
    ),
}
_TOPIC_END = re.compile(r"[,;:!?.…(]|\s[–—-]\s")
# Words an English title keeps in lower case unless they open or close it.
SMALL_WORDS = word_set(
    """a an and as at but by for from in into nor of on or over per so the to up via vs with
    yet"""
)

__all__ = ["import_essay", "read_essay"]


def read_essay(path: Path) -> Outline:
    """Read the essay at `path` into an outline; `DeckmakerError` if it cannot be one."""
    text = read_text(path, "a .txt or .md essay")
    return import_essay(text, str(path), markdown=path.suffix.lower() in MARKDOWN_SUFFIXES)


def import_essay(text: str, source: str = "<essay>", markdown: bool = False) -> Outline:
    """The outline of an essay given as text; `source` names it in messages and titles."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, warnings = characters.fitted_lines(text, source)
    if characters.mark_in(text):
        raise DeckmakerError(
            *(
                Problem(characters.mark_problem(mark), source, n)
                for n, line in enumerate(text.split("\n"), 1)
                if (mark := characters.mark_in(line))
            )
        )
    if markdown:
        from deckmaker.essay.markdown import read_markdown

        essay = read_markdown(text)
    else:
        from deckmaker.essay.plain import read_plain

        essay = read_plain(text)
    return _outline(essay, source, warnings)


def _outline(essay: Essay, source: str, warnings: tuple[str, ...] = ()) -> Outline:
    from deckmaker.essay.language import detect_language, split_sentences

    prose = [p for part in (essay.opening, *essay.sections) for p in part.paragraphs]
    if not any(clean_text(p) for p in prose):
        raise DeckmakerError.at(
            "holds no prose to make a talk from; give an essay with paragraphs under headings",
            source,
        )
    if not essay.sections:
        raise DeckmakerError.at(
            "has no section headings; put each section's heading on a line of its own between "
            "blank lines (in Markdown, '## Heading')",
            source,
        )
    language = detect_language(" ".join(prose))
    opening = _paragraphs(essay.opening)
    greeting = None
    if opening:
        first = split_sentences(opening[:1], language)[0]
        if _greets(first.text, language):
            greeting = first.text
            rest = opening[0][first.start + len(first.text) :].strip()
            opening = tuple(p for p in (rest, *opening[1:]) if p)
    title = essay.title and clean_text(essay.title)
    places = {title: Place("title", essay.title_line or 1)} if title else {}
    if not title and greeting:
        title = _topic(greeting, language)
    subtitle = _question(opening, language) if title else None
    if not title:
        title = _title_from(opening, language, source)
    intro = None
    if opening or essay.opening.listed or essay.opening.quote:
        extras = essay.opening.listed, essay.opening.quote, essay.opening.notes
        intro = _segment(Passage(None, essay.opening.line, opening, *extras), language)
    sections = []
    for number, passage in enumerate(essay.sections, 1):
        segment = _segment(passage, language)
        sections.append(segment)
        if segment.title:
            places.setdefault(segment.title, Place(f"heading of section {number}", passage.line))
    return Outline(
        title=title,
        sections=tuple(sections),
        subtitle=subtitle,
        greeting=greeting,
        intro=intro,
        source=source,
        places=places,
        warnings=warnings,
    )


def _greets(sentence: str, language: str) -> bool:
    from deckmaker.essay.language import words

    opening = [w.lower().replace("’", "'") for w in words(sentence)]
    return any(
        opening[: len(greeting.split())] == greeting.split() for greeting in GREETINGS[language]
    )


def _anchor(said: str | None, spoken: str) -> str | None:
    """Where a point the essay listed is said: the opening words of its own text."""
    from deckmaker.essay.points import anchor

    words = anchor(clean_text(said), spoken) if said else None
    return words if words and words in spoken else None


def _paragraphs(passage: Passage) -> tuple[str, ...]:
    return tuple(p for p in (clean_text(p) for p in passage.paragraphs) if p)


def _segment(passage: Passage, language: str) -> Segment:
    from deckmaker.essay.points import key_points

    paragraphs = _paragraphs(passage)
    script = "\n\n".join(paragraphs) or None
    spoken = " ".join((script or "").split())
    if passage.listed:
        points = tuple(
            Point(
                clean_text(item.text),
                tuple(s for s in (clean_text(s) for s in item.points) if s),
                _anchor(item.said, spoken),
            )
            for item in passage.listed
            if clean_text(item.text)
        )
    else:
        points = key_points(paragraphs, language, title=passage.title)
    return Segment(
        title=clean_text(passage.title) if passage.title else None,
        points=points,
        script=script,
        notes=tuple(n for n in (clean_text(n) for n in passage.notes) if n),
        quotes=tuple(q for q in (_quote(passage.quote),) if q),
    )


def _quote(quote: Quote | None) -> Quote | None:
    if quote is None or not clean_text(quote.text):
        return None
    attribution = clean_text(quote.attribution or "") or None
    return Quote(clean_text(quote.text, paragraphs=True), attribution)


def _title_from(opening: tuple[str, ...], language: str, source: str) -> str:
    """Neither a heading nor the greeting names the essay: its first sentence after the
    greeting when that is short (often the question the essay answers), else its file name in
    words."""
    from deckmaker.essay.language import split_sentences

    sentences = split_sentences(opening, language)
    if sentences and len(sentences[0].text.split()) <= TITLE_WORDS:
        return sentences[0].text
    # a file's name may hold what its text may not (bytes not UTF-8 come as surrogates)
    stem = characters.fitted(Path(source).stem)[0]
    stem = stem.replace("-", " ").replace("_", " ").strip() or "Talk"
    return stem[:1].upper() + stem[1:]


def _topic(greeting: str, language: str) -> str | None:
    """What the greeting says the talk is about, as a title: "Hey guys, let's dive deep into
    the ending of La La Land, a movie that…" -> "The Ending of La La Land"; None when it does
    not say, or says it in more than TITLE_WORDS words."""
    cue = TOPIC_CUES[language].search(greeting)
    if not cue:
        return None
    rest = greeting[cue.end() :]
    end = _TOPIC_END.search(rest)
    topic = rest[: end.start() if end else len(rest)].strip().strip("'\"‘’“”«»")
    if cue.group().lower().rstrip().endswith(" del"):  # "hablar del final": "de" + "el final"
        topic = "el " + topic
    if not topic or len(topic.split()) > TITLE_WORDS:
        return None
    return _title_case(topic, language)


def _title_case(text: str, language: str) -> str:
    """English titles capitalise every word but the small ones inside ("The Ending of La La
    Land"); Spanish titles only the first word (and the names, as written)."""
    words = text.split()
    if language != "en":
        return text[:1].upper() + text[1:]
    last = len(words) - 1
    return " ".join(
        w if 0 < i < last and w.lower() in SMALL_WORDS else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _question(opening: tuple[str, ...], language: str) -> str | None:
    """The opening's first sentence when it is a short question: the question the talk
    answers, for the title slide ("Did Mia and Sebastian end up together?")."""
    from deckmaker.essay.language import split_sentences

    sentences = split_sentences(opening[:1], language)
    first = sentences[0].text if sentences else ""
    if first.rstrip("'\"’”»").endswith("?") and len(first.split()) <= TITLE_WORDS:
        return first
    return None
