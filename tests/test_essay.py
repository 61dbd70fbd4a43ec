"""Essays in: the reference essay and one essay in each other shape import into the outline a
person would write, with every word of prose kept and short points traceable to their sentence."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import ESSAY, ROOT

from deckmaker.essay import import_essay, read_essay
from deckmaker.essay.points import LONGEST, MAX_POINTS, MOST_WORDS, WORDS_PER_POINT, compress
from deckmaker.grammar import has_finite_verb, opens_with_pronoun
from deckmaker.outline import Code, Outline, Quote, Segment, load_outline, parse_outline
from deckmaker.outline.write import write_outline
from deckmaker.words import content_stems, detect_language

ESSAYS = ROOT / "bench" / "essays"
MARKDOWN = ESSAYS / "remote-work.md"
CRLF = ESSAYS / "sleep-questions.txt"
SPANISH = ESSAYS / "realidad-o-fantasia.txt"


def segments(outline: Outline) -> list[Segment]:
    return [s for s in (outline.intro, *outline.sections) if s]


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def assert_points_are_faithful(
    outline: Outline, language: str, written: tuple[str, ...] = ()
) -> None:
    """Each point short, its anchor in its own script, its content words from that script, and
    the points in the order their sentences are said. The sections in `written` have points
    the essay wrote out itself (lists, subsection headings): only anchors and order count."""
    for segment in segments(outline):
        script = " ".join((segment.script or "").split())
        stems = set(content_stems(script, language))
        places = []
        for point in segment.points:
            assert len(point.text.split()) <= LONGEST, point.text
            assert point.said and point.said in script, (point.said, segment.title)
            places.append(script.index(point.said))
            own = content_stems(point.text, language)
            assert segment.title in written or sum(s in stems for s in own) >= 0.8 * len(own), (
                point.text,
                segment.title,
            )
        assert places == sorted(places), segment.title


# -- the reference essay -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> Outline:
    return read_essay(ESSAY)


def test_the_reference_essay_is_in_the_repository() -> None:
    assert ESSAY.is_relative_to(ROOT) and ESSAY.stat().st_size > 10_000


def test_reference_sections_have_the_essays_titles(reference: Outline) -> None:
    by_hand = load_outline(ROOT / "outlines" / "la-la-land.yaml")
    assert [s.title for s in reference.sections] == [s.title for s in by_hand.sections]
    assert reference.intro is not None and reference.intro.title is None
    # the greeting's topic, as the title a person gives it; the opening question below it
    assert reference.title == "The Ending of La La Land"
    assert reference.subtitle == by_hand.subtitle == "Did Mia and Sebastian end up together?"


def test_reference_script_keeps_all_the_prose(reference: Outline) -> None:
    by_hand = load_outline(ROOT / "outlines" / "la-la-land.yaml")
    assert reference.greeting == by_hand.greeting
    assert [s.script for s in segments(reference)] == [s.script for s in segments(by_hand)]
    said = [reference.greeting or ""] + [s.script or "" for s in segments(reference)]
    headings = [s.title or "" for s in reference.sections]
    kept = Counter(w for text in said + headings for w in words_of(text))
    assert kept == Counter(words_of(ESSAY.read_text(encoding="utf-8")))  # every word, once


def test_reference_points_are_short_faithful_and_in_order(reference: Outline) -> None:
    points = [p for segment in segments(reference) for p in segment.points]
    for segment in segments(reference):
        # five at most, or one per WORDS_PER_POINT words of a part said for longer than that
        said = len((segment.script or "").split())
        assert 3 <= len(segment.points) <= max(MAX_POINTS, said // WORDS_PER_POINT), segment.title
    assert all(len(p.text.split()) <= LONGEST for p in points)
    assert sum(len(p.text.split()) <= MOST_WORDS for p in points) >= 0.8 * len(points)
    assert_points_are_faithful(reference, "en")


def test_points_drop_discourse_markers_and_asides() -> None:
    assert compress("Okay, guys, here's the thing: the film is brave.", "en") == (
        "The film is brave"
    )
    assert compress(
        "The iconic final scene, where Mia is married to someone else, is intercut with a "
        "beautiful montage.",
        "en",
    ) == ("The iconic final scene is intercut with a beautiful montage")
    assert compress(
        "Unlike many films that opt for a predictable ending, La La Land delivers a conclusion.",
        "en",
    ) == ("La La Land delivers a conclusion")
    assert compress("So, what's the takeaway, guys?", "en") is None  # too short to be a point


def test_points_never_strand_a_subject_and_skip_a_colons_lead_in() -> None:
    # cut before "and", the subject would lose its verb ("demand"): no such point
    point = compress(
        "Sebastian's dream of opening his own jazz club and Mia's relentless pursuit of an "
        "acting career demand immense dedication, focus, and often, geographical separation.",
        "en",
    )
    assert point != "Sebastian's dream of opening his own jazz club"
    assert compress(
        "Bright light in the morning and dim light in the evening tell the brain when the day "
        "starts and ends.",
        "en",
    ) == ("Bright light in the morning and dim light in the evening tell the brain")
    # "That's the real magic of X:" only leads in; the point is what follows
    assert compress("That's the real magic of the ending: its honesty is rare.", "en") == (
        "Its honesty is rare"
    )
    assert compress(
        "A regular wake-up time, kept even on weekends, anchors the body clock.", "en"
    ) == ("A regular wake-up time anchors the body clock")
    assert compress("It's pure genius, guys, and a beautiful, imagined montage.", "en") != (
        "It's pure genius, guys, and a beautiful"
    )


def test_statements_are_told_from_phrases() -> None:
    for pronoun in (
        "It validates the desire",
        "That's the real magic",
        "They got it",
        "This is it",
    ):
        assert opens_with_pronoun(pronoun, "en"), pronoun
    for named in (
        "This montage is crucial",
        "That habit costs more",
        "Italy is far",
        "Most of us treat sleep as a luxury",
        "Some films end with a wedding",
    ):
        assert not opens_with_pronoun(named, "en"), named
    assert opens_with_pronoun("Es un final abierto", "es")
    assert not opens_with_pronoun("Esta elección convierte al espectador", "es")
    for phrase in (
        "Sebastian's dream of opening his own jazz club",
        "The film's willingness to explore the bittersweet nature of life",
        "Bright light in the morning",
    ):
        assert not has_finite_verb(phrase, "en"), phrase
    for statement in (
        "The film doesn't paint them as selfish",
        "Teenagers need even more",
        "La La Land's ending mirrors these complex realities",
        "The montage shows what they lost",
    ):
        assert has_finite_verb(statement, "en"), statement
    assert has_finite_verb("La película funciona como un espejo", "es")


# What a bullet must not open or end with, listed here rather than taken from the code.
BARE_PRONOUNS = {
    "en": {"it", "it's", "he", "she", "they", "they're", "them", "that's", "this's"},
    "es": {"él", "ella", "ellos", "ellas", "esto", "eso", "es", "son", "fue"},
}
DEMONSTRATIVE_VERB = re.compile(r"^(this|that|these|those) (is|was|are|were|has|means)\b", re.I)
DANGLING_ENDS = {
    "en": {"and", "or", "but", "of", "to", "the", "a", "an", "in", "on", "with", "for", "that",
           "because", "by", "from", "at", "as", "about", "into", "its", "their", "his", "her"},
    "es": {"y", "o", "pero", "de", "del", "a", "al", "el", "la", "los", "las", "un", "una", "que",
           "en", "con", "por", "para", "su", "sus"},
}  # fmt: skip


@pytest.mark.parametrize(
    ("essay", "language", "written"),
    [
        (ESSAY, "en", ()),
        (MARKDOWN, "en", ("Protect Focus", "Build Trust on Purpose")),
        (CRLF, "en", ()),
        (SPANISH, "es", ()),
    ],
    ids=lambda v: getattr(v, "name", None),
)
def test_extracted_points_read_as_bullets(
    essay: Path, language: str, written: tuple[str, ...]
) -> None:
    """No point opens with a bare pronoun or ends on a word that promises more; nearly all
    have a verb, and the limits and anchors still hold."""
    outline = read_essay(essay)
    extracted = [s for s in segments(outline) if s.title not in written]
    points = [p.text for s in extracted for p in s.points]
    assert points
    for text in points:
        opener = text.replace("’", "'").split()[0].lower().strip(",;:¡¿")
        assert opener not in BARE_PRONOUNS[language], text
        assert not DEMONSTRATIVE_VERB.match(text), text
        assert words_of(text)[-1] not in DANGLING_ENDS[language], text
        assert len(text.split()) <= LONGEST, text
    assert sum(has_finite_verb(t, language) for t in points) >= 0.9 * len(points)
    for segment in extracted:
        if len(segment.points) > 1:
            assert all(p.said for p in segment.points)
    assert_points_are_faithful(outline, language, written)


BODY = "\n\nPart One\n\nSome words here.\n"


@pytest.mark.parametrize(
    ("opening", "title", "subtitle"),
    [
        (
            "Hey everyone, today let's talk about the rise and fall of the silent film era! "
            "Why did it end so fast? Let's see.",
            "The Rise and Fall of the Silent Film Era",
            "Why did it end so fast?",
        ),
        (
            "Hi all, let's dive into 'remote work' – the good parts. It changed everything.",
            "Remote Work",
            None,
        ),
        (
            "¡Hola a todos, hoy vamos a hablar del final de La La Land! ¿Terminaron juntos? "
            "Veamos qué pasó.",
            "El final de La La Land",
            "¿Terminaron juntos?",
        ),
        (
            "Hola, chicos, vamos a sumergirnos en el cine mudo. Fue una época breve y brillante.",
            "El cine mudo",
            None,
        ),
        # no topic in the greeting: the short first sentence, with no subtitle
        ("Hey guys, welcome back! Did it work? It did.", "Did it work?", None),
        # a topic too long for a title: the file's name
        (
            "Hi, let's talk about the many small and large ways that the films of the decade "
            "changed how we see love. That is the whole of it, at least for today's episode.",
            "Film talk",
            None,
        ),
    ],
)
def test_the_title_comes_from_the_greetings_topic(
    opening: str, title: str, subtitle: str | None
) -> None:
    outline = import_essay(opening + BODY, "film-talk.txt")
    assert (outline.title, outline.subtitle) == (title, subtitle)
    assert outline.greeting and outline.greeting in opening  # the greeting is still said


def test_a_markdown_title_keeps_the_opening_question_as_subtitle() -> None:
    text = "# Silent Films\n\nHello all. Why did they end?\n\n## One\n\nSome prose.\n"
    outline = import_essay(text, "s.md", markdown=True)
    assert (outline.title, outline.subtitle) == ("Silent Films", "Why did they end?")


# -- the other shapes ----------------------------------------------------------------------------


def test_markdown_title_sections_lists_quote_and_subsections() -> None:
    outline = read_essay(MARKDOWN)
    assert outline.title == "What Remote Teams Learned the Hard Way"
    assert outline.greeting == "Hi everyone, and welcome back to the channel!"
    assert [s.title for s in outline.sections] == [
        "Write It Down",
        "Protect Focus",
        "Build Trust on Purpose",
    ]
    focus, trust = outline.sections[1], outline.sections[2]
    assert [p.text for p in focus.points] == [  # a list becomes the points, as written
        "Quiet hours with no meetings, every morning",
        "Chat for quick questions, documents for decisions",
        "Notifications off by default, on by choice",
    ]
    assert focus.quotes == (
        Quote(
            "We stopped measuring how fast people answered and started measuring what they "
            "finished.",
            "an engineering manager at a fully remote company",
            "Notifications off by default,",  # on screen from the sentence before it
        ),
    )
    # ### subsections stay inside their section: their headings are its points
    assert [p.text for p in trust.points] == [
        "Meet in person, rarely but well",
        "Make work visible",
        "Assume good intent",
    ]
    assert "Teams that met in person" in (trust.script or "")
    scripts = " ".join(s.script or "" for s in segments(outline))
    assert "deep work the normal state" in scripts  # emphasis keeps its words
    assert "see the open goals guide." in scripts  # a link keeps its words
    for markup in ("**", "*", "](", "https:", "#", ">"):
        assert markup not in scripts
    assert_points_are_faithful(outline, "en", written=("Protect Focus", "Build Trust on Purpose"))


def test_a_list_item_that_is_a_paragraph_shows_its_first_sentence_and_is_said_whole() -> None:
    """An author's list of paragraphs (numbered cases, each several sentences) shows each
    item's first sentence as its point, without what joined it to the next ("; and"); the
    script says every item whole, each opening on a capital as a sentence does."""
    case = (
        "Black cleans up the whitespace of docstrings, re-indenting them if needed. It is one "
        "of the most requested features. While the result differs, every real use of "
        "docstrings we know of sanitises indentation and leading or trailing whitespace anyway."
    )
    text = (
        "# Safety\n\n## Three cases\n\nThere are three cases where the trees differ:\n\n"
        f"1. {case}\n2. prefer `...` on the same line as the signature;\n"
        "3. one blank line between classes; and\n4. none if they are very small.\n\n"
        "That is all there is to it, and it is enough.\n"
    )
    (section,) = import_essay(text, "safety.md", markdown=True).sections
    assert [p.text for p in section.points] == [
        "Black cleans up the whitespace of docstrings, re-indenting them if needed.",
        "prefer ... on the same line as the signature",  # no ';' joining it to the next
        "one blank line between classes",
        "none if they are very small.",
    ]
    assert case in (section.script or "")
    assert "Prefer ... on the same line as the signature." in (section.script or "")


def test_crlf_bom_tabs_and_question_headings() -> None:
    raw = CRLF.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\t" in raw
    outline = read_essay(CRLF)
    assert [s.title for s in outline.sections] == [
        "Why Do We Need Sleep at All?",
        "How Much Is Enough?",
        "Can You Train Yourself to Sleep Better?",
        "So What Should You Do Tonight?",
    ]
    assert outline.title == "Sleep"  # "…, I'm glad you're here for a short talk about sleep."
    assert outline.subtitle is None  # the opening asks no question
    texts = [outline.title, outline.greeting or ""] + [s.script or "" for s in segments(outline)]
    assert not any("\r" in t or "\ufeff" in t or "\t" in t for t in texts)
    one = outline.sections[-1]
    assert one.script == "Pick one change from this talk, try it for two weeks, and notice how " \
        "your days feel."  # fmt: skip
    assert len(one.points) == 1  # a one-sentence section gets one point
    assert_points_are_faithful(outline, "en")


def test_spanish() -> None:
    outline = read_essay(SPANISH)
    assert detect_language(outline.intro.script or "") == "es"  # type: ignore[union-attr]
    assert outline.greeting == "¡Hola a todos, bienvenidos de nuevo al canal!"
    # the greeting names no topic and the opening's first sentence is long: the file's name
    assert outline.title == "Realidad o fantasia"
    assert [s.title for s in outline.sections] == [
        "¿Realidad o fantasía?",
        "Lo que dice el director",
        "¿Por qué nos importa tanto?",
    ]
    for segment in outline.sections:
        assert 3 <= len(segment.points) <= 5
    assert_points_are_faithful(outline, "es")


def test_a_plain_title_line_and_hard_wrapped_paragraphs() -> None:
    text = (
        "Small Talks\n\nHello there, friends. This opening is wrapped\nover two lines.\n\n"
        "First Part\n\nOne sentence here.\n\nSecond Part\n\nAnother sentence there.\n"
    )
    outline = import_essay(text, "small.txt")
    assert outline.title == "Small Talks"
    assert outline.greeting == "Hello there, friends."
    assert outline.intro == Segment(
        script="This opening is wrapped over two lines.",
        points=outline.intro.points,  # type: ignore[union-attr]
    )
    assert [s.title for s in outline.sections] == ["First Part", "Second Part"]


def test_underlined_headings_roles_and_definitions_in_plain_text() -> None:
    """Plain text written the reStructuredText or setext way: a title over- and underlined, parts
    underlined, roles read as their text, a term with its definition indented under it."""
    text = (
        "=================\nThe Mail Package\n=================\n\n"
        "Overview\n--------\n\nThe package has two parts, says :rfc:`5322`.\n\n"
        "    Parser\n        Turns bytes into a :class:`~email.message.Message` object.\n\n"
        "The Model\n~~~~~~~~~\n\nA model is a tree of parts and more parts.\n\n"
        "* * *\n\nIt ends here with a plain sentence.\n"
    )
    outline = import_essay(text, "mail.txt")
    assert outline.title == "The Mail Package"
    assert [s.title for s in outline.sections] == ["Overview", "The Model"]
    said = "\n\n".join(s.script or "" for s in outline.sections)
    assert "says RFC 5322." in said and ":rfc:" not in said
    assert "Parser: Turns bytes into a Message object." in said
    assert "---" not in said and "~~~" not in said and "* * *" not in said


def test_a_table_of_contents_is_navigation_and_an_address_ends_its_sentence() -> None:
    """A README's "Table of Contents" (links to its own headings) is neither said nor a part; a
    sentence that led into a bare address ends where the address was."""
    text = (
        "# Tool\n\nA tool that does one thing well, and fast.\n\n## Table of Contents\n\n"
        "* **[Install](#install)**\n  * [From source](#from-source)\n* [Use](#use)\n\n"
        "## Install\n\nRun the installer first.\n\nFor more details visit our other project:\n"
        "https://example.org/installer\n\n## Use\n\nUse it daily. See [the guide](#use) too.\n"
    )
    outline = import_essay(text, "tool.md", markdown=True)
    assert [s.title for s in outline.sections] == ["Install", "Use"]
    said = outline.sections[0].script or ""
    assert said.endswith("For more details visit our other project.")
    assert "the guide" in (outline.sections[1].script or "")  # a link in prose is said


def test_a_long_section_is_cut_at_its_subsections() -> None:
    """A section that would run past six minutes becomes a part per subsection (the first named
    with its section too), short subsections kept with the one before; a short one stays whole."""
    prose = " ".join(f"Sentence number {n} says a little more about it." for n in range(45))
    text = (
        f"# Guide\n\n{prose}\n\n## Install\n\n### Get it\n\n{prose}\n\n{prose}\n\n"
        f"### Set it up\n\n{prose}\n\n{prose}\n\n### Restart\n\nRestart the shell.\n\n"
        f"## Use\n\n### Daily\n\nUse it daily.\n\n### Weekly\n\nUse it weekly.\n"
    )
    outline = import_essay(text, "guide.md", markdown=True)
    assert [s.title for s in outline.sections] == ["Install: Get it", "Set it up", "Use"]
    assert "Restart the shell." in (outline.sections[1].script or "")
    assert [p.text for p in outline.sections[2].points][:2] == ["Daily", "Weekly"]


def test_a_section_that_opens_with_code() -> None:
    text = "# T\n\nIntro words here.\n\n## Run\n\n```sh\nmake\n```\n\nthen it is built.\n"
    section = import_essay(text, "run.md", markdown=True).sections[0]
    assert section.script == "then it is built." and section.code


def test_markdown_nested_lists_and_code() -> None:
    text = (
        "# Code Talk\n\nHello folks. Today is about code.\n\n## Lists\n\n"
        "- First *item*\n  - nested one\n  - nested two\n- Second item\n\n"
        "```python\nprint('hi')\n```\n\nClosing prose.\n"
    )
    section = import_essay(text, "code.md", markdown=True).sections[0]
    assert [(p.text, p.points) for p in section.points] == [
        ("First item", ("nested one", "nested two")),
        ("Second item", ()),
    ]
    assert section.script == "First item. Nested one. Nested two. Second item.\n\nClosing prose."
    assert section.notes == ()  # code is shown, never a delivery note
    assert section.code == (Code("print('hi')", "python", "Second item."),)  # as written


def test_only_a_greeting_becomes_the_greeting() -> None:
    body = "\n\nPart One\n\nSome words here.\n"
    history = import_essay("History is long. It repeats." + body, "h.txt")
    assert history.greeting is None and history.intro is not None
    assert history.intro.script == "History is long. It repeats."
    assert import_essay("Hola, amigos. Es así." + body, "h.txt").greeting == "Hola, amigos."


# -- the written outline -------------------------------------------------------------------------


@pytest.mark.parametrize("essay", [ESSAY, MARKDOWN, CRLF, SPANISH], ids=lambda p: p.name)
def test_the_written_outline_reads_back_as_the_same_outline(essay: Path) -> None:
    outline = read_essay(essay)
    text = write_outline(outline, "made by a test")
    assert text.startswith("# made by a test\n")
    assert parse_outline(text, outline.source) == outline
    assert all(len(line) <= 100 for line in text.splitlines())
    keys = list(yaml.safe_load(text))
    order = ["title", "subtitle", "host", "author", "greeting", "signoff", "wpm", "intro"]
    order += ["sections", "metadata", "show_notes"]
    assert keys == [k for k in order if k in keys]  # the order docs/outline.md shows
