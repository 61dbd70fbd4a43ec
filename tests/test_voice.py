"""The words deckmaker writes itself: read as a person would say them, in each voice."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from deckmaker.errors import DeckmakerError
from deckmaker.options import Options
from deckmaker.pipeline import build, example_outline, plan_outline
from deckmaker.planning import Kind, Plan

VOICES = ("video", "talk", "podcast")


def said(plan: Plan) -> str:
    return "\n".join(p for s in plan.slides for p in s.spoken)


def plan_of(path: Path, **options) -> Plan:
    return plan_outline(path, Options(**options))[0]


@pytest.mark.parametrize("voice", VOICES)
def test_the_example_names_sections_naturally_and_never_doubles_a_transition(voice) -> None:
    plan = plan_of(example_outline(), voice=voice)
    text = said(plan)
    for part in plan.parts:
        if part.kind is Kind.SECTION:
            assert part.title not in text  # no Title Case title pasted mid-sentence
            # Each section's own script opens with its own transition: nothing is said before it.
            assert part.slides[0].spoken[0].startswith(("Okay,", "Alright,", "So,"))
    agenda = next(s for s in plan.slides if s.kind is Kind.AGENDA).spoken
    assert agenda == (
        "We've got four things to cover: the 'what if' montage, sacrifices for dreams, the "
        "realism factor, and the enduring impact of La La Land's conclusion.",
    )
    recap, closing = plan.slides[-2:]  # the recap slide is up while the recap is said
    assert recap.spoken == ("Before we finish, a quick recap. First, the 'what if' montage: "
                            "a glimpse of the life Mia and Sebastian could have had. Then, "
                            "sacrifices for dreams: ambition drains the time and energy their "
                            "relationship needs. After that, the realism factor: an earned, "
                            "true-to-life ending instead of a neat bow. And finally, the enduring "
                            "impact of La La Land's conclusion: heartbreaking yet satisfying, "
                            "because it took the road less traveled. So, back to the question "
                            "we started with. Did Mia and Sebastian end up together? In short, "
                            "Mia and Sebastian don't end up together.",)  # fmt: skip
    assert len(closing.spoken) == 1  # then the sign-off


def test_each_voice_speaks_to_its_own_audience(write_outline) -> None:
    path = write_outline("title: Sleep\nhost: Sam\nsections: [{title: Dreams}, {title: REM}]\n")
    words = {v: said(plan_of(path, voice=v)) for v in VOICES}
    assert "Hey guys, Sam here!" in words["video"] and "thanks for watching" in words["video"]
    assert "Hi everyone" in words["talk"] and "questions" in words["talk"]
    assert "watching" not in words["talk"] and "comments" not in words["talk"]
    assert "welcome to the show" in words["podcast"] and "thanks for listening" in words["podcast"]
    assert "watching" not in words["podcast"]


def test_the_outline_chooses_the_voice_and_a_wrong_one_names_its_line(write_outline) -> None:
    path = write_outline("title: T\nvoice: podcast\nsections: [{title: A}]\n")
    assert plan_of(path).voice == "podcast"
    assert plan_of(path, voice="talk").voice == "talk"  # --voice wins
    bad = write_outline("title: T\nvoice: radio\nsections: [{title: A}]\n", "bad.yaml")
    with pytest.raises(DeckmakerError, match=r"bad.yaml:2: voice: no voice called 'radio'"):
        plan_of(bad)


BUGS = """\
title: Garden Talk
sections:
  - title: Why We Sleep
    points: [Only one point here]
  - title: Is It REM Sleep?
    points:
      - text: Tomatoes
        points: [Stake early, Pinch suckers, Water deeply]
      - Second point
  - title: "Ends with colon:"
    points: [A, B, C]
  - title: Last One
    points: [X, Y, Z, W]
"""


def test_the_reported_bugs_stay_fixed(write_outline) -> None:
    text = said(plan_of(write_outline(BUGS)))
    assert "?." not in text and ":." not in text and "colon: a, b" not in text
    assert "Is It REM Sleep" not in text and "is it REM sleep?" in text
    assert "tomatoes: stake early, pinch suckers and water deeply." in text
    assert "why we sleep, is it REM sleep, ends with colon, and last one." in text
    assert "and that means" not in text and "That's the heart of it" not in text
    assert "First up" not in text  # a single point is not "first" of anything
    assert "The key idea here is simple: only one point here." in text
    assert not re.search(r"finally,[^.]*\. First", text)  # no "And finally, …" then "First up"


def test_points_only_sections_vary_and_no_phrase_is_repeated(write_outline) -> None:
    """An intro, eight sections of one to five points and an outro, all said by deckmaker: no
    four words in a row are said twice, apart from the points themselves."""
    points = {n: ", ".join(f"p{n}{c}" for c in "abcde"[: n % 5 + 1]) for n in range(1, 9)}
    sections = "".join(f"  - title: Topic {n}\n    points: [{points[n]}]\n" for n in points)
    plan = plan_of(
        write_outline(
            f"title: T\nintro: {{points: [p0a, p0b]}}\nsections:\n{sections}"
            "outro: {points: [p9a]}\n"
        )
    )
    words = re.findall(r"[\w']+", said(plan).lower())
    grams = Counter(
        tuple(words[i : i + 4])
        for i in range(len(words) - 3)
        if not any(re.fullmatch(r"p\d[a-e]|topic|\d", w) for w in words[i : i + 4])
    )
    assert [g for g, n in grams.items() if n > 1] == []
    leads = [p.slides[0].spoken[1].split(".")[0] for p in plan.parts if p.kind is Kind.SECTION]
    assert len(set(leads)) == len(leads)  # every section opens its points its own way


def test_the_same_outline_says_the_same_words(tmp_path: Path) -> None:
    one = build(example_outline(), tmp_path / "one", only=("script",), formats=("md", "srt"))
    two = build(example_outline(), tmp_path / "two", only=("script",), formats=("md", "srt"))
    assert one.plan == two.plan
    for kind in one.files:
        assert one.files[kind].read_bytes() == two.files[kind].read_bytes()


def test_pause_marks_are_cues_not_words(write_outline) -> None:
    path = write_outline(
        "title: T\nwpm: 60\nsections:\n  - title: A\n    script: One two. [pause] Three.\n"
    )
    plan = plan_of(path)
    slide = plan.parts[1].slides[0]
    assert slide.spoken[-1] == "One two. [PAUSE] Three."
    assert slide.pauses == 1
    assert plan.seconds(slide.words, slide.pauses) == slide.words + 2


def test_a_voice_with_one_macro_inherits_the_rest(tmp_path: Path) -> None:
    (tmp_path / "voice.j2").write_text(
        "{% macro notes_heading() %}HOW TO SAY IT{% endmacro %}", encoding="utf-8"
    )
    plan = plan_of(example_outline(), templates_dir=tmp_path)
    assert plan.notes_heading == "HOW TO SAY IT"
    assert said(plan) == said(plan_of(example_outline()))


def test_a_voice_of_ones_own_falls_back_to_the_neutral_one(tmp_path: Path, write_outline) -> None:
    (tmp_path / "voice-plain.j2").write_text("", encoding="utf-8")
    path = write_outline("title: Tiny\nsections: [{title: Alpha}]\n")
    plan = plan_of(path, templates_dir=tmp_path, voice="plain")
    assert plan.slides[0].spoken == (  # and the agenda of one part, too brief for a slide
        "Hello, everyone! Today we're looking at 'Tiny'.",
        "It all comes down to one thing: 'Alpha'.",
    )
    with pytest.raises(DeckmakerError, match="choose one of plain, podcast, talk, video"):
        plan_of(path, templates_dir=tmp_path, voice="radio")


GARDEN = """\
title: "Growing Tomatoes on a Balcony: A Beginner's Guide"
host: Priya
intro: {points: [Why balcony gardens are worth it, What you need]}
sections:
  - title: Tiny
    points: [Start with one pot]
  - title: Is It Ripe Yet?
    points: [Full colour and a little give, Pick with the calyx on]
  - title: Saving Seeds
    points:
      - https://www.rhs.org.uk/vegetables/tomatoes/grow-your-own
      - See https://example.org/seeds?x=1 for the method
      - Choose a variety such as `Gardener's Delight`
  - title: Saving Seeds Again
    points: [Saving seeds again is how the garden pays for itself, Dry them well]
outro: {points: [Start small this spring]}
"""


@pytest.mark.parametrize("voice", VOICES)
def test_a_points_only_talk_reads_aloud_without_slips(write_outline, voice) -> None:
    plan = plan_of(write_outline(GARDEN), voice=voice)
    text = said(plan)
    # The talk is named by its title's main part, not with its subtitle after a colon.
    assert "growing tomatoes on a balcony." in text and "beginner's guide" not in text.lower()
    # A one-word title is a label said as written, never lowered into a slip ("with tiny").
    assert "'Tiny'" in text and not re.search(r"\btiny\b", text)
    # What cannot be read out is said another way: a web address as its site, code unmarked.
    assert "://" not in text and "rhs.org.uk" in text and "see example.org for" in text
    assert "`" not in text and "such as Gardener's Delight" in text
    # The recap says a point that reads as written, and never its section's name twice.
    recap = next(p for s in plan.slides for p in s.spoken if p.startswith("Before we finish"))
    assert "After that, saving seeds. " in recap  # a web address or code is no gist
    assert "saving seeds again is how" in recap and "saving seeds again: saving" not in recap
    assert recap.startswith("Before we finish, a quick recap. First, ")
    assert "And finally, " in recap


def test_the_recap_comes_before_the_authors_last_words(write_outline) -> None:
    scripted = write_outline(
        "title: T\nsections: [{title: Alpha, points: [a1]}, {title: Beta, points: [b1]}]\n"
        "outro: {script: That's all from me.}\n"
    )
    closing = said(plan_of(scripted))
    assert closing.index("quick recap") < closing.index("That's all from me.")
    pointed = plan_of(write_outline(GARDEN, "garden.yaml"))
    outro = next(s for s in pointed.slides if s.kind is Kind.OUTRO)
    assert outro.spoken[0].startswith("Before we finish, a quick recap.")
    assert outro.spoken[-1] == "Here's one last thing: start small this spring."


def test_an_intro_of_points_sets_the_scene_in_one_breath(write_outline) -> None:
    plan = plan_of(write_outline(GARDEN))
    intro = next(s for s in plan.slides if s.kind is Kind.INTRO)
    assert intro.spoken[-1:] == (
        "Before we get into it: why balcony gardens are worth it and what you need.",
    )


def test_question_transitions_vary(write_outline) -> None:
    sections = "".join(f"  - title: Question {n}?\n" for n in range(1, 6))
    text = said(plan_of(write_outline(f"title: T\nsections:\n{sections}")))
    text = re.sub(r" *\[PAUSE\] *", "", text)  # a beat held before or after: no word
    leads = re.findall(r"^(?!Before)(.*?)question \d\?$", text, re.M)
    # picked by a hash of each section, not by its place: varied, though two may meet
    assert len(leads) == 5 and len(set(leads)) >= 4


@pytest.mark.parametrize("voice", VOICES)
def test_two_hosts_say_we_and_greet_without_a_pileup(write_outline, voice) -> None:
    path = write_outline(GARDEN.replace("host: Priya", "hosts: [Priya, Tom]"))
    text = said(plan_of(path, voice=voice))
    assert "Priya" in text and "Tom" in text
    assert not re.search(r"\bI'll see you|\btell me\b|\bI'm happy\b|\bI'll leave\b", text)
    assert ", and I'm here with Tom, and" not in text


@pytest.mark.parametrize("voice", VOICES)
def test_the_greeting_asks_the_subtitles_question_once(write_outline, voice) -> None:
    asked = "title: Sleep\nsubtitle: Why do we dream?\nsections: [{title: A}, {title: B}]\n"
    greeting = plan_of(write_outline(asked), voice=voice).slides[0].spoken[0]
    assert greeting.endswith(" Why do we dream?")
    opens = asked + "intro: {script: Why do we dream? Nobody knows.}\n"
    spoken = plan_of(write_outline(opens, "opens.yaml"), voice=voice).slides[0].spoken
    assert "dream" not in spoken[0] and spoken[1].startswith("Why do we dream?")


@pytest.mark.parametrize("voice", VOICES)
def test_the_authors_greeting_and_signoff_are_said_as_written_in_every_voice(voice) -> None:
    """The outline's `greeting:` is the author's own words (the example's "Hey guys…" included):
    deckmaker neither rewrites nor drops them when another voice is chosen."""
    plan = plan_of(example_outline(), voice=voice)
    assert plan.slides[0].spoken[0].startswith("Hey guys, let's dive deep into the ending")
    assert sum("Hey guys" in p for s in plan.slides for p in s.spoken) == 1


def test_a_section_of_columns_alone_is_said_not_passed_over(write_outline) -> None:
    path = write_outline(
        "title: T\nsections:\n  - {title: Alpha, points: [a1]}\n  - title: Then and Now\n"
        "    columns:\n      - {title: Before, points: [Slow builds, Manual tests]}\n"
        "      - {title: After, points: [Fast builds]}\n"
    )
    part = plan_of(path).parts[2]
    text = " ".join(p for s in part.slides for p in s.spoken)
    assert "before: slow builds and manual tests" in text and "after: fast builds" in text
    recap = said(plan_of(path)).split("quick recap.")[1]
    assert "And then, then and now." in recap  # a column heading is no gist


def test_a_one_section_talk_names_its_section_once(write_outline) -> None:
    path = write_outline("title: Sleep\nsections: [{title: Dreams, points: [a, b]}]\n")
    text = said(plan_of(path))
    assert text.count("Dreams") == 1 and "Let's start" not in text


def test_the_agenda_names_a_question_as_a_question(write_outline) -> None:
    two = write_outline("title: T\nsections: [{title: Is It Ripe?}, {title: Harvest}]\n")
    agenda = next(s for s in plan_of(two).slides if s.kind is Kind.AGENDA).spoken[0]
    assert agenda == "We'll look at the question 'is it ripe?' first, and then at 'Harvest'."
    titles = ", ".join(f"{{title: Step {n}}}" for n in range(1, 6))
    many = write_outline(f"title: T\nsections: [{titles}, {{title: Will It Rain?}}]\n", "m.yaml")
    agenda = next(s for s in plan_of(many).slides if s.kind is Kind.AGENDA).spoken[0]
    assert agenda.endswith("ending with the question 'will it rain?'")


def test_a_closing_label_on_a_title_is_not_said(write_outline) -> None:
    path = write_outline(
        "title: La La Land's Ending, Explained\nsections:\n"
        "  - {title: 'Rome, Revisited', script: Rome has changed since we were in La La Land.}\n"
        "  - {title: 'Cats, Dogs', points: [Both are pets]}\n"
    )
    words = said(plan_of(path, voice="talk"))
    assert "talk about La La Land's ending." in words  # not "…'s ending, explained."
    assert "explained" not in words.lower() and "revisited" not in words.lower()
    assert "cats, dogs" in words  # a list in a title is no label


def test_names_keep_the_capitals_the_slide_shows(write_outline) -> None:
    """A run of capitalised words ending in a possessive is a name even in a Title Case title,
    a first name before a name the author writes is kept, and a word the author writes mostly
    lower-case is no name for one stray capital."""
    path = write_outline(
        "title: La La Land's Ending, Explained\nsubtitle: Is it happy?\n"
        "intro: {points: [It is not happy]}\n"
        "sections:\n"
        "  - {title: The World's Best Pie, points: [Josh Triplett likes it, we like it]}\n"
        "  - {title: On the Duty of Bakers, points: [we bake, and so, We bake]}\n"
    )
    text = said(plan_of(path))
    assert "La La Land's ending" in text and "the world's best pie" in text
    assert "josh" not in text and "Josh Triplett likes it" in text
    assert "on the duty" not in text.lower() and "the duty of bakers" in text
    # the recap comes back to the subtitle's question, and answers it from the intro
    assert "Is it happy? In short, it is not happy." in text


def test_a_long_talk_is_recapped_by_name_in_one_breath(write_outline) -> None:
    names = ["Apples", "Pears", "Plums", "Figs", "Dates", "Limes", "Kiwis", "Cherries", "Grapes"]
    sections = "".join(f"  - {{title: {n} at Home, points: [{n.lower()} grow]}}\n" for n in names)
    text = said(plan_of(write_outline(f"title: Fruit\nsections:\n{sections}")))
    assert "We started with apples at home, went through seven more parts, and ended with " \
        "grapes at home." in text  # fmt: skip
    assert ": " not in text.split("We started with")[1]


def test_labels_verbs_and_the_co_host_read_as_people_say_them(write_outline) -> None:
    """A generic label is not said ("step 1"), a point that opens on a verb gets a subject, and
    the co-host reacts to the line before and never speaks the author's "I" as their own."""
    path = write_outline(
        "title: Soil\nhosts: [Ana, Ben]\nsections:\n"
        "  - {title: 'Step 1: Dig the Bed', points: [Loosens the soil, Drains the rain]}\n"
        "  - {title: 'Step 2: What I Learned', script: 'We dug. It was worth it, the long wait.'}\n"
        "  - {title: 'Step 3: Planting', script: We planted.}\n"
    )
    plan = plan_of(path)
    text = said(plan)
    assert not re.search(r"\bstep \d", text, re.I) and "dig the bed" in text
    assert "it loosens the soil" in text and "it drains the rain" in text
    asked = [p.lead for p in plan.parts if p.kind is Kind.SECTION]
    assert "what you learned" in asked[1] and " I " not in " ".join(asked)
    # the co-host echoes the main host's line before asking
    lines = [(h, p) for s in plan.slides for h, p in zip(s.speakers, s.spoken, strict=True)]
    echoed = next(i for i, (_, p) in enumerate(lines) if p.endswith(asked[2]))
    assert lines[echoed] == (1, f"The long wait. That stays with you. {asked[2]}")
    assert lines[echoed - 1] == (0, "We dug. It was worth it, the long wait.")


def test_a_talk_asks_its_audience_a_question(write_outline) -> None:
    path = write_outline(
        "title: Soil\nsections: [{title: Dig, points: [a]}, {title: Sow, points: [b]}]\n"
    )
    greeting = plan_of(path, voice="talk").slides[0].spoken[0]
    assert greeting.count("?") == 1


def test_a_macro_written_for_an_older_call_is_named_in_one_line(tmp_path: Path) -> None:
    """A voice.j2 of the user's whose handoff takes the arguments of an earlier deckmaker
    (speaker, previous, turn, paragraph) fails the dialogue in one line naming the file, the
    macro and the arguments it is now called with; a talk for one host, which never calls it,
    builds as before."""
    (tmp_path / "voice.j2").write_text(
        "{% macro notes_heading() %}HOW TO SAY IT{% endmacro %}\n"
        "{% macro handoff(speaker, previous, turn, paragraph) -%}\n"
        "{% if turn <= 4 %}Good question.{% endif %}\n{%- endmacro %}\n",
        encoding="utf-8",
    )
    with pytest.raises(DeckmakerError) as found:
        plan_of(example_outline(), templates_dir=tmp_path, hosts=("Ana", "Ben"))
    message = str(found.value)
    assert "\n" not in message
    assert f"{tmp_path / 'voice.j2'}:2:" in message
    assert "'handoff' takes (speaker, previous, turn, paragraph)" in message
    assert "handoff(line, paragraph, voice)" in message
    assert plan_of(example_outline(), templates_dir=tmp_path).notes_heading == "HOW TO SAY IT"


PHRASES = """\
title: Growing Garlic
sections:
  - title: Choosing Cloves
    points: [Pick the biggest cloves, Keep the papery skin on]
  - title: Planting
    points: [Plant in autumn, Five centimetres deep, The patience of a gardener]
"""


@pytest.mark.parametrize("voice", ["video", "talk", "podcast"])
def test_a_point_with_no_verb_is_said_inside_a_sentence(write_outline, voice) -> None:
    """'Five centimetres deep' is a phrase, not a thought: said from the points, it gets a verb
    ('it's five centimetres deep'); an imperative ('plant in autumn') is said as it is."""
    text = said(plan_of(write_outline(PHRASES), voice=voice))
    assert "it's five centimetres deep." in text and "it's the patience of a gardener." in text
    assert "plant in autumn." in text and "it's plant" not in text and "it's pick" not in text


@pytest.mark.parametrize(
    ("point", "language", "phrase"),
    [
        ("Five centimetres deep", "en", True),
        ("The cost of ambition", "en", True),
        ("Protecting a musical legacy", "en", True),
        ("Plant in autumn", "en", False),  # an imperative is a thought
        ("Not selfish, just deeply committed to their art", "en", True),
        ("Heartbreaking yet satisfying, because it took the road less traveled", "en", True),
        ("Regarding focus: we're mostly paying down debt", "en", False),
        ("The montage shows them together", "en", False),
        ("Sebastian: his own jazz club", "en", False),  # a name first: said as a heading
        ("Cinco centímetros de profundidad", "es", True),
        ("La película divide al público", "es", False),
        ("Plantar en otoño", "es", False),
    ],
)
def test_a_phrase_is_told_from_a_thought(point, language, phrase) -> None:
    from deckmaker.grammar import is_phrase

    assert is_phrase(point, language) is phrase
