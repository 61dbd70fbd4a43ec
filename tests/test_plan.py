"""Stage two: the plan is plain data, so it is asserted with ==."""

from __future__ import annotations

from dataclasses import replace

import pytest

from deckmaker.errors import DeckmakerError
from deckmaker.options import Options
from deckmaker.outline import parse_outline
from deckmaker.planning import (
    Box,
    Bullet,
    Frames,
    Kind,
    Layout,
    Part,
    Plan,
    SlidePlan,
    Voice,
    plan_talk,
)
from deckmaker.planning.fit import paginate, wrap
from deckmaker.templates import Templates

# The shipped theme's boxes, roughly; the tests only need them fixed.
FRAMES = Frames(
    cover_title=Box(820, 130),
    cover_subtitle=Box(820, 80),
    title=Box(860, 80),
    body=Box(860, 350, 36),
    header_title=Box(860, 140),
)


def plan(text: str, wpm: int | None = None) -> Plan:
    return plan_talk(parse_outline(text, "t.yaml"), Voice(Templates()), FRAMES, Options(wpm=wpm))


def test_a_small_talk_is_planned_slide_by_slide() -> None:
    got = plan(
        """\
title: Tiny
host: Sam
sections:
  - title: Alpha
    points: [one, {text: two, points: [two a]}]
    script: Alpha words.
    notes: Smile
  - title: Beta
    script: Beta words.
""",
        wpm=60,
    )
    greeting = (
        "Hey guys, Sam here! Today we're diving into 'Tiny'. Quick question first: what do you "
        "already know about it? Keep that in mind."
    )
    agenda = "We'll look at 'Alpha' first, and then at 'Beta'."
    recap = "Before we finish, a quick recap. First, 'Alpha': one. And then, 'Beta'."
    signoff = (
        "That's it for today, guys! If this got you thinking, tell me what you made of it in the "
        "comments. I'm Sam, thanks for watching, and I'll see you in the next one."
    )
    expected = Plan(
        title="Tiny",
        subtitle=None,
        host="Sam",
        wpm=60,
        parts=(
            Part(
                None,
                Kind.INTRO,
                (
                    SlidePlan(
                        1,
                        Kind.TITLE,
                        Layout.COVER,
                        "Tiny",
                        48,
                        "Sam",
                        body_pt=24,
                        spoken=(greeting,),
                    ),
                    SlidePlan(
                        2,
                        Kind.AGENDA,
                        Layout.CONTENT,
                        "What We’ll Cover",  # typographic apostrophes on slides
                        40,
                        bullets=(Bullet("Alpha"), Bullet("Beta")),
                        # a short list is set large (a step under its title: 28 under 40) and
                        # spaced to fill the box
                        body_pt=28,
                        spacing=44.8,
                        numbered_from=1,
                        hanging=39.9,  # "2." (estimated, 25.9 pt) and a half-em gap: text clears it
                        spoken=(agenda,),
                        drop=76.2,  # set a little above the middle of its box
                    ),
                ),
            ),
            Part(
                "Alpha",
                Kind.SECTION,
                (
                    # Beta has nothing but its divider to show: every section opens on one
                    SlidePlan(
                        3,
                        Kind.SECTION,
                        Layout.HEADER,
                        "Alpha",
                        48,
                        # held with a pause: a slide is up 5 s at least
                        spoken=("[PAUSE] Let's start with 'Alpha'.",),
                        notes=("Smile",),
                    ),
                    SlidePlan(
                        4,
                        Kind.SECTION,
                        Layout.CONTENT,
                        # the divider shows "Alpha": the one slide under it is the section at a
                        # glance (the slides under a divider are numbered from 1)
                        "Alpha at a glance",
                        40,
                        bullets=(Bullet("one"), Bullet("two"), Bullet("two a", 1)),
                        body_pt=28,
                        spacing=44.8,
                        spoken=("[PAUSE] Alpha words. [PAUSE]",),
                        drop=60.3,
                    ),
                ),
            ),
            Part(
                "Beta",
                Kind.SECTION,
                (
                    SlidePlan(
                        5,
                        Kind.SECTION,
                        Layout.HEADER,
                        "Beta",
                        48,
                        spoken=("Last up, 'Beta'.", "Beta words."),
                    ),
                ),
            ),
            Part(
                None,
                Kind.CLOSING,
                (
                    SlidePlan(
                        6,
                        Kind.CLOSING,
                        Layout.CONTENT,
                        "Key Takeaways",  # each section and its first point
                        40,
                        bullets=(Bullet("Alpha"), Bullet("one", 1), Bullet("Beta")),
                        body_pt=28,
                        spacing=44.8,
                        spoken=(recap,),  # said while the recap is up
                        drop=60.3,
                    ),
                    SlidePlan(
                        7,
                        Kind.CLOSING,
                        Layout.COVER,
                        # the talk's last message; "Beta words." is too short to be one, so
                        # the voice's closing title over the talk's (not a second "Tiny")
                        "Thank You!",
                        48,
                        "Tiny\nSam",
                        body_pt=24,
                        spoken=(signoff,),
                    ),
                ),
            ),
        ),
    )
    chapters = ("Intro", "Alpha", "Beta", "Wrap-up")  # what chapter lists call each part
    leads = ("", "Let's start with 'Alpha'.", "Last up, 'Beta'.", "")  # each section's way in
    expected = replace(
        expected,
        parts=tuple(
            replace(p, chapter=c, lead=lead)
            for p, c, lead in zip(expected.parts, chapters, leads, strict=True)
        ),
        notes_heading="Delivery notes (not read aloud):",
    )
    for mine, theirs in zip(got.slides, expected.slides, strict=True):
        assert mine == theirs
    assert got == expected
    # 32, 6, 5 and 45 words at 60 per minute: a second a word; Alpha's 6 s and three pauses
    assert got.timings == ((0, 32), (32, 12), (44, 5), (49, 45))
    assert got.slide_timings == ((0, 23), (23, 9), (32, 6), (38, 6), (44, 5), (49, 12), (61, 33))
    assert got.total_seconds == 94


def test_intro_and_outro_get_slides_when_they_have_points() -> None:
    got = plan(
        "title: T\nintro: {points: [hook]}\nsections: [{title: A}]\n"
        "outro: {title: Recap, points: [x], script: Bye.}\n"
    )
    kinds = [(s.kind, s.title) for s in got.slides]
    # a one-part agenda is said in a breath, over the intro's slide: an agenda slide would
    # flash by in under 5 s
    assert kinds == [
        (Kind.TITLE, "T"),
        (Kind.INTRO, "Introduction"),
        (Kind.SECTION, "A"),
        (Kind.OUTRO, "Recap"),
        (Kind.CLOSING, "x"),  # the outro's last point: the talk's last message
    ]
    # "Bye." is said in a second: the outro's slide is held with pauses that keep it up 5 s,
    # one before the word and one after it, and the third (a word has no other place) before
    assert got.slides[-2].spoken == ("[PAUSE] [PAUSE] Bye. [PAUSE]",)


def test_intro_without_points_is_said_over_the_title_slide() -> None:
    got = plan("title: T\nintro: {script: Cold open., notes: [Grin]}\nsections: [{title: A}]\n")
    # then the agenda of one part, too brief for a slide of its own
    assert got.slides[0].spoken[1:] == ("Cold open.", "It all comes down to one thing: 'A'.")
    assert got.slides[0].notes == ("Grin",)


def test_points_without_a_script_become_sentences() -> None:
    got = plan(
        "title: T\nsections:\n  - title: A\n    points: [Cats sleep a lot, "
        "{text: Dogs need walks, points: [morning, evening]}, Fish are quiet]\n"
    )
    said = got.slides[1].spoken[1]  # after the title slide, which says the brief agenda
    assert said == (
        "Let's walk through this one point by point. To start, cats sleep a lot. Then, dogs need "
        "walks: morning and evening. And to round it off, fish are quiet."
    )


def test_a_point_too_long_for_any_slide_is_cut_at_word_boundaries() -> None:
    words = " ".join(f"word{i}" for i in range(400))
    pages = paginate((Bullet(words),), FRAMES.body, 24)
    assert len(pages) > 1
    assert " ".join(b.text for page in pages for b in page) == words


def test_an_overlong_word_wraps_inside_the_box() -> None:
    url = "https://example.com/" + "a" * 150
    lines = wrap(url, 24, 400)
    assert "".join(lines) == url and len(lines) > 1


def test_a_title_that_cannot_fit_is_an_error() -> None:
    long = "Long title words " * 30
    with pytest.raises(
        DeckmakerError, match=r"^t.yaml:2: sections\[1\].title: the title .* too long"
    ):
        plan(f"title: T\nsections: [{{title: {long}}}]\n")
    with pytest.raises(DeckmakerError, match=r"^t.yaml:1: title: the title .* too long"):
        plan(f"title: {long}\nsections: [{{title: A}}]\n")


def test_each_subtitle_line_counts_as_a_line() -> None:
    from deckmaker.planning.fit import largest_fitting

    box = Box(800, 100)
    assert largest_fitting("a", box, (30,), max_lines=2) == 30
    assert largest_fitting("a\nb\nc", box, (30,), max_lines=2) is None


def test_an_agenda_over_several_slides_is_said_over_each() -> None:
    """A long talk's agenda fills several slides: each gets a line naming the parts it lists,
    never the stand-in words for a slide the script does not reach."""
    sections = "".join(
        f"  - {{title: Part number {n}, points: [A point {n}]}}\n" for n in range(1, 22)
    )
    got = plan(f"title: Long\nsections:\n{sections}")
    agenda = [s for s in got.parts[0].slides if s.kind == Kind.AGENDA]
    assert len(agenda) > 1
    said = [" ".join(s.spoken) for s in agenda]
    assert all(said), said
    assert "starting with part number 1" in said[0].lower()
    assert said[-1].lower().endswith("part number 21.") and "picture" not in " ".join(said)
    for slide, words in zip(agenda[1:], said[1:], strict=True):  # named from the page's own list
        first, last = slide.bullets[0].text, slide.bullets[-1].text
        assert first.lower() in words.lower() and last.lower() in words.lower()


def test_an_author_is_credited_not_greeted_as_the_host() -> None:
    """An essay's writer is not always who presents it: the title slide and the greeting
    credit the author; only `host:` is greeted as the presenter."""
    got = plan(
        "title: Walking\nauthor: Henry Thoreau\nsections:\n  - {title: Woods, points: [Go]}\n"
    )
    cover = got.parts[0].slides[0]
    greeting = " ".join(cover.spoken)
    assert ", by Henry Thoreau." in greeting and "Henry Thoreau here" not in greeting
    assert "Henry Thoreau" in (cover.subtitle or "")
    hosted = plan("title: Walking\nhost: Henry Thoreau\nauthor: Henry Thoreau\nsections:\n"
                  "  - {title: Woods, points: [Go]}\n")  # fmt: skip
    assert ", by Henry Thoreau" not in " ".join(hosted.parts[0].slides[0].spoken)


def test_a_theme_box_too_small_for_a_subtitle_is_blamed_on_the_theme() -> None:
    """A cover's subtitle box that passes the minimum but holds one short line: a subtitle of
    usual length fits the theme's body box across four lines, so the message says what to do
    in the theme, not that the outline's text is too long; a subtitle too long for any box
    is still the outline's to shorten."""
    tiny = replace(FRAMES, cover_subtitle=Box(300, 20))
    subtitle = "Why the ending of a musical about dreams still divides the people who loved it"
    text = f"title: T\nsubtitle: {subtitle}\nsections: [{{title: A}}]\n"
    outline = parse_outline(text, "t.yaml")
    with pytest.raises(DeckmakerError) as found:
        plan_talk(outline, Voice(Templates()), tiny, Options())
    message = str(found.value)
    assert message.startswith("t.yaml:2: subtitle: the theme's subtitle box (4.2 × 0.3 in)")
    assert "make that box larger in the theme's layout" in message
    assert plan(text).slides[0].subtitle  # in a box of the usual size it fits
    long = " ".join(["words of a subtitle far too long"] * 40)
    with pytest.raises(DeckmakerError, match=r"^t.yaml:2: subtitle: the subtitle .* too long"):
        plan(f"title: T\nsubtitle: {long}\nsections: [{{title: A}}]\n")
