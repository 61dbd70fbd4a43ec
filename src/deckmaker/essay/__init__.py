"""Essays in, outlines out: a reader that turns prose (plain text or Markdown) into the same
`Outline` a YAML file gives, so the planner and the renderers never ask where a talk came from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from deckmaker import characters
from deckmaker.errors import DeckmakerError, Problem
from deckmaker.essay.document import Essay, Passage
from deckmaker.essay.frontmatter import About, read_about
from deckmaker.essay.repeats import unrepeated
from deckmaker.essay.speech import (
    is_caption,
    is_notes_title,
    is_thanks,
    marks_in,
    numbered_note,
    speakable,
)
from deckmaker.options import DEFAULT_WPM
from deckmaker.outline import Code, Outline, Place, Point, Quote, Segment, Table
from deckmaker.outline.load import clean_text
from deckmaker.sentences import spans
from deckmaker.textfile import read_text
from deckmaker.words import word_set

MARKDOWN_SUFFIXES = (".md", ".markdown")
TITLE_WORDS = 10  # an opening sentence this short can be the title
HEADINGS_FEW = 2  # an essay with no more headings than this may be headingless all the same
LONG_ITEM_WORDS = 30  # an item of the author's list longer than this is a paragraph, not a point
# What ends a list's item to join it to the next: "…;", "…,", "…; and", "…; o"
_JOINED = re.compile(r"\s*(?:[;,]|;\s+(?:and|or|y|e|o|u))\s*$", re.IGNORECASE)

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


def read_essay(
    path: Path, *, target: int | None = None, wpm: int | None = None, spare: int = 0
) -> Outline:
    """Read the essay at `path` into an outline; `DeckmakerError` if it cannot be one. Prose
    longer than `target` seconds at `wpm` is condensed to it (`deckmaker.essay.condense`)."""
    text = read_text(path, "a .txt or .md essay")
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
    return import_essay(
        text, str(path), markdown=markdown, folder=path.parent, target=target, wpm=wpm, spare=spare
    )


def import_essay(
    text: str,
    source: str = "<essay>",
    markdown: bool = False,
    folder: Path | None = None,
    *,
    target: int | None = None,
    wpm: int | None = None,
    spare: int = 0,
) -> Outline:
    """The outline of an essay given as text; `source` names it in messages and titles, and
    `folder` holds the pictures it shows (none are shown without one). With `target` (seconds;
    not given, the front matter's `duration`), prose that runs longer at `wpm` is condensed to
    it, `spare` words fewer (what the voice says around the essay's words)."""
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
    about = read_about(text, source)
    if markdown:
        from deckmaker.essay.markdown import read_markdown, words_of

        essay = read_markdown(about.body)
        # the front matter's title and description are Markdown too: their words, no markup
        about = replace(
            about,
            title=about.title and words_of(about.title),
            subtitle=about.subtitle and words_of(about.subtitle),
        )
    else:
        from deckmaker.essay.plain import read_plain

        essay = read_plain(about.body)
    return _outline(essay, source, warnings, about, folder, target, wpm, spare)


def _outline(
    essay: Essay,
    source: str,
    warnings: tuple[str, ...] = (),
    about: About | None = None,
    folder: Path | None = None,
    target: int | None = None,
    wpm: int | None = None,
    spare: int = 0,
) -> Outline:
    from deckmaker.words import detect_language, split_sentences

    about = about or About("")
    essay, footnotes = _notes_apart(essay)
    prose = [speakable(p) for part in (essay.opening, *essay.sections) for p in part.paragraphs]
    if not any(clean_text(p) for p in prose):
        passages = (essay.opening, *essay.sections)
        shows_code = any(isinstance(s.item, Code) for part in passages for s in part.shown)
        raise DeckmakerError.at(
            "holds only code, no prose to say over it; write a few paragraphs about the code"
            if shows_code
            else "holds no prose to make a talk from; give an essay with paragraphs",
            source,
        )
    language = detect_language(" ".join(prose))
    essay = unrepeated(essay, language)
    opening = _paragraphs(essay.opening)
    greeting = None
    if opening:
        first = split_sentences(opening[:1], language)[0]
        if _greets(first.text, language):
            greeting = first.text
            rest = opening[0][first.start + len(first.text) :].strip()
            opening = tuple(p for p in (rest, *opening[1:]) if p)
    essay = replace(essay, opening=replace(essay.opening, paragraphs=opening))
    parted = _with_parts(essay, language)
    ours = parted is not essay  # parts of our own making, not the author's headings
    left_out: tuple[tuple[str, ...], ...] = ()
    kept_share = None
    target = target or about.duration  # --target, else the front matter's
    if target:
        parted, left_out, note, kept_share = _condensed(parted, language, target, wpm, spare)
        warnings = (*warnings, note)
        if ours and left_out:  # cut again, into fewer parts, of what is said now
            parted, left_out = _parted_again(parted, left_out, language)
    essay = parted
    left_out = left_out or ((),) * (1 + len(essay.sections))
    opening = _paragraphs(essay.opening)
    title = clean_text(about.title or "") or (essay.title and clean_text(speakable(essay.title)))
    places = {title: Place("title", essay.title_line or 1)} if title else {}
    if not title and greeting:
        title = _topic(greeting, language)
    subtitle = clean_text(about.subtitle or "") or (_question(opening, language) if title else None)
    if not title:
        title = _title_from(opening, language, source)
    show_notes: list[str] = []
    intro = None
    if opening or essay.opening.listed or essay.opening.shown:
        intro = _segment(
            replace(essay.opening, paragraphs=opening), language, footnotes, show_notes, folder
        )
        intro = replace(intro, left_out=left_out[0])
    sections = []
    for number, passage in enumerate(essay.sections, 1):
        segment = _segment(passage, language, footnotes, show_notes, folder)
        segment = replace(segment, left_out=left_out[number])
        sections.append(segment)
        if segment.title:
            places.setdefault(segment.title, Place(f"heading of section {number}", passage.line))
    for mark, text in footnotes.items():
        if " " in text or len(text) < 60:
            show_notes.append(f"[{mark}] {text}")
        else:  # a note that is only an address: the address on a line of its own
            show_notes.extend((f"[{mark}]", text))
    if kept_share:
        show_notes.insert(0, f"Condensed for time from the essay: {kept_share}.")
    return Outline(
        title=title,
        sections=tuple(sections),
        subtitle=subtitle,
        author=about.author,
        greeting=greeting,
        intro=intro,
        source=source,
        places=places,
        warnings=warnings,
        metadata=about.metadata,
        show_notes=tuple(show_notes),
        duration=about.duration,
    )


def _parted_again(
    essay: Essay, left_out: tuple[tuple[str, ...], ...], language: str
) -> tuple[Essay, tuple[tuple[str, ...], ...]]:
    """A headingless essay, condensed, cut into parts again where its topic shifts: parts of a
    few minutes each of what is said now, not of the whole essay. Each old part's left-out
    paragraphs go with the new part that holds the most of what it kept."""
    from deckmaker.essay.parts import split_parts
    from deckmaker.planning import DEFAULT_WPM

    old = (essay.opening, *essay.sections)
    whole = essay.opening
    owner: list[int] = []  # the old part of each kept paragraph, in order
    for number, part in enumerate(old):
        owner += [number] * len(part.paragraphs)
        if number:
            whole = _joined(whole, part)
    parts = split_parts(replace(whole, title=None), language, DEFAULT_WPM)
    moved: list[list[str]] = [[] for _ in range(len(parts) + 1)]
    at, held = 0, []
    for part in parts:
        held.append(owner[at : at + len(part.paragraphs)])
        at += len(part.paragraphs)
    for number, dropped in enumerate(left_out):
        counts = [h.count(number) for h in held]
        moved[1 + counts.index(max(counts))] += dropped
    return (
        Essay(essay.title, essay.title_line, Passage(None, whole.line), parts),
        tuple(tuple(m) for m in moved),
    )


def essay_parts(path: Path) -> tuple[tuple[Passage, ...], str]:
    """The essay at `path` as the condenser reads it: its opening and its parts (cut where its
    topic shifts when it has no headings), and its language. For bench/condense.py."""
    from deckmaker.words import detect_language

    text = read_text(path, "a .txt or .md essay").replace("\r\n", "\n")
    about = read_about(text, str(path))
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        from deckmaker.essay.markdown import read_markdown

        essay = read_markdown(about.body)
    else:
        from deckmaker.essay.plain import read_plain

        essay = read_plain(about.body)
    essay, _ = _notes_apart(essay)
    prose = " ".join(
        speakable(p) for part in (essay.opening, *essay.sections) for p in part.paragraphs
    )
    language = detect_language(prose)
    essay = _with_parts(essay, language)
    return (essay.opening, *essay.sections), language


def _condensed(
    essay: Essay, language: str, target: int, wpm: int | None, spare: int = 0
) -> tuple[Essay, tuple[tuple[str, ...], ...], str, str | None]:
    """The essay condensed to `target` seconds, what each part left out, and one line saying
    how much was kept (or that the prose runs shorter, and nothing was added)."""
    from deckmaker.essay.condense import condense, words_for
    from deckmaker.filters import clock
    from deckmaker.planning import DEFAULT_WPM

    passages = (essay.opening, *essay.sections)
    rate = wpm or DEFAULT_WPM
    done = condense(passages, language, words_for(target, rate) - spare)
    if done.kept == done.words:
        note = (
            f"the prose runs about {clock(round(done.words * 60 / rate))}, within the "
            f"{clock(target)} target: every word kept, none added"
        )
        return essay, (), note, None
    parts = ", ".join(f"{p.title or 'opening'} {p.kept}/{p.words}" for p in done.parts if p.words)
    share = f"{done.kept:,} of {done.words:,} words ({round(100 * done.kept / done.words)} %)"
    note = f"condensed to the {clock(target)} target: kept {share}, by part {parts}"
    kept = replace(essay, opening=done.passages[0], sections=done.passages[1:])
    return kept, done.left_out, note, f"{share} kept"


def _notes_apart(essay: Essay) -> tuple[Essay, dict[str, str]]:
    """The essay without its closing Notes section, and its footnotes by mark ("1" for [1],
    [^1] and <sup>1</sup>) in the order written."""
    footnotes = {_mark_key(mark): text for mark, text in essay.footnotes if text}
    sections = essay.sections
    if sections and is_notes_title(sections[-1].title):
        for number, paragraph in enumerate(sections[-1].paragraphs, 1):
            found = numbered_note(paragraph)
            mark, text = found if found else (f"[{number}]", " ".join(paragraph.split()))
            footnotes.setdefault(_mark_key(mark), text)
        sections = sections[:-1]
    return replace(essay, sections=sections), footnotes


def _mark_key(mark: str) -> str:
    return mark.strip("[]^ ")


def _swamped(passages: tuple[Passage, ...]) -> bool:
    """Whether one passage of a few runs longer than two long parts: its headings are a
    quotation's title or a line of verse, not the essay's sections."""
    from deckmaker.essay.parts import MAX_MINUTES

    longest = max(sum(len(p.split()) for p in part.paragraphs) for part in passages)
    return longest > 2 * MAX_MINUTES * DEFAULT_WPM


def _with_parts(essay: Essay, language: str) -> Essay:
    """A headingless essay (or one whose few headings head little of it: a verse's title, the
    essay's own title on its first line) cut into parts where its topic shifts."""
    from deckmaker.essay.parts import split_parts

    passages = (essay.opening, *essay.sections)
    if essay.sections and len(essay.sections) > HEADINGS_FEW:
        return essay
    if essay.sections and not _swamped(passages):
        return essay
    title, title_line = essay.title, essay.title_line
    if not essay.title and not essay.opening.paragraphs and len(essay.sections) == 1:
        title, title_line = essay.sections[0].title, essay.sections[0].line  # its title line
    whole = passages[0]
    for part in passages[1:]:
        whole = replace(_joined(whole, part), picture=whole.picture or part.picture)
    parts = split_parts(whole, language, DEFAULT_WPM)
    return Essay(title, title_line, Passage(None, whole.line), parts)


def _greets(sentence: str, language: str) -> bool:
    from deckmaker.words import words

    opening = [w.lower().replace("’", "'") for w in words(sentence)]
    return any(
        opening[: len(greeting.split())] == greeting.split() for greeting in GREETINGS[language]
    )


def _anchor(said: str | None, spoken: str) -> str | None:
    """Where a point the essay listed is said: the opening words of its own text."""
    from deckmaker.essay.points import anchor

    words = anchor(clean_text(said), spoken) if said else None
    return words if words and words in spoken else None


def _on_slide(item: str, language: str) -> str:
    """What a slide shows of an item of the author's list: the item, or its first sentence when
    the item is a paragraph of several over LONG_ITEM_WORDS words (the script says it whole);
    without the comma or semicolon that joined it to the next ("prefer tabs;", "a, b; and")."""
    if len(item.split()) > LONG_ITEM_WORDS:
        first = next(iter(spans(item, language)), (0, len(item)))
        item = item[first[0] : first[1]].strip() or item
    return _JOINED.sub("", item) or item


def _paragraphs(passage: Passage) -> tuple[str, ...]:
    return tuple(p for p in (clean_text(speakable(p)) for p in passage.paragraphs) if p)


def _segment(
    passage: Passage,
    language: str,
    footnotes: dict[str, str],
    show_notes: list[str],
    folder: Path | None,
) -> Segment:
    from deckmaker.essay.points import key_points

    said: list[str] = []  # each paragraph as said, "" when nothing of it is
    notes = [n for n in (clean_text(n) for n in passage.notes) if n]
    for raw in passage.paragraphs:
        spoken = clean_text(speakable(raw))
        if is_thanks(spoken):
            show_notes.append(spoken)
            spoken = ""
        elif is_caption(spoken):  # "Cargo.toml:", "Output:": a label over code, not a sentence
            spoken = ""
        elif spoken[-1:].isalnum():  # a paragraph the author left without its stop
            spoken += "."
        said.append(spoken)
        for key in map(_mark_key, marks_in(raw)):
            note = f"Note {key}: {footnotes[key]}" if key in footnotes else None
            if note and note not in notes:
                notes.append(note)
    show_notes.extend(passage.show_notes)
    paragraphs = tuple(p for p in said if p)
    script = "\n\n".join(paragraphs) or None
    spoken_all = " ".join((script or "").split())
    if passage.listed:
        points = tuple(
            Point(
                _on_slide(clean_text(speakable(item.text)), language),
                tuple(
                    _on_slide(s, language)
                    for s in (clean_text(speakable(s)) for s in item.points)
                    if s
                ),
                _anchor(item.said and speakable(item.said), spoken_all),
            )
            for item in passage.listed
            if clean_text(speakable(item.text))
        )
    else:
        points = key_points(paragraphs, language, title=passage.title)
    code: list[Code] = []
    tables: list[Table] = []
    quotes: list[Quote] = []
    for shown in passage.shown:
        at = _shown_from(said, shown.after, language, spoken_all, shown.within)
        item = shown.item
        if isinstance(item, Code):
            code.append(replace(item, said=at))
        elif isinstance(item, Table):
            tables.append(_table(item, at))
        elif (quote := _quote(item)) is not None:
            quotes.append(replace(quote, said=at))
    image = alt = None
    if passage.picture:
        image = _picture(passage.picture.path, folder)
        alt = clean_text(passage.picture.alt)
        if image is None:
            notes.append(f"Picture, not in the deck: {alt} ({passage.picture.path})")
        elif alt:
            notes.append(f"Picture: {alt}")
    return Segment(
        title=clean_text(speakable(passage.title)) if passage.title else None,
        points=points,
        script=script,
        notes=tuple(notes),
        quotes=tuple(quotes),
        image=image,
        image_alt=(alt or None) if image else None,
        code=tuple(code),
        tables=tuple(tables),
    )


def _shown_from(
    said: list[str], after: int, language: str, spoken: str, within: bool = False
) -> str | None:
    """Where something shown goes on screen: at the last sentence said before it, or the first
    after it when nothing is said before or when it sits `within` that sentence."""
    from deckmaker.words import split_sentences

    before = [p for p in said[:after] if p]
    after_ = [p for p in said[after:] if p]
    if within and after_:
        before = []
    if before:
        sentence = split_sentences(tuple(before[-1:]), language)[-1].text
    elif after_:
        sentence = split_sentences(tuple(after_[:1]), language)[0].text
    else:
        return None
    return _anchor(sentence, spoken)


def _table(table: Table, said: str | None) -> Table:
    return Table(
        tuple(clean_text(c) for c in table.header),
        tuple(tuple(clean_text(c) for c in row) for row in table.rows),
        said,
    )


def _picture(path: str, folder: Path | None) -> str | None:
    """The picture's file when the deck can hold it: beside the essay, a PNG, JPEG, GIF or BMP."""
    from deckmaker.outline.load import IMAGE_SUFFIXES

    if folder is None or Path(path).suffix.lower() not in IMAGE_SUFFIXES:
        return None
    found = folder / path
    return str(found) if found.is_file() else None


def _quote(quote: Quote) -> Quote | None:
    text = clean_text(speakable(quote.text), paragraphs=True)
    if not text:
        return None
    return Quote(text, clean_text(quote.attribution or "") or None)


def _title_from(opening: tuple[str, ...], language: str, source: str) -> str:
    """Neither a heading nor the greeting names the essay: its first sentence after the
    greeting when that is short (often the question the essay answers), else its file name in
    words."""
    from deckmaker.words import split_sentences

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
    from deckmaker.words import split_sentences

    sentences = split_sentences(opening[:1], language)
    first = sentences[0].text if sentences else ""
    if first.rstrip("'\"’”»").endswith("?") and len(first.split()) <= TITLE_WORDS:
        return first
    return None


def _joined(whole: Passage, part: Passage) -> Passage:
    """`part` appended to `whole`: its paragraphs, lists, shown blocks (renumbered), notes."""
    before = len(whole.paragraphs)
    return replace(
        whole,
        paragraphs=(*whole.paragraphs, *part.paragraphs),
        listed=(*whole.listed, *part.listed),
        shown=(*whole.shown, *(replace(s, after=s.after + before) for s in part.shown)),
        notes=(*whole.notes, *part.notes),
        show_notes=(*whole.show_notes, *part.show_notes),
    )
