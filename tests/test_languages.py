"""The voice in the talk's language, the author's own ending, and two hosts who talk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from judges import dialogue_findings

from deckmaker.options import Options
from deckmaker.pipeline import build, plan_outline
from deckmaker.planning import Kind, Plan

VOICES = ("video", "talk", "podcast")
ROOT = Path(__file__).resolve().parents[1]
SPANISH = ROOT / "bench" / "essays" / "realidad-o-fantasia.txt"
# English stock words that must never reach a Spanish talk.
ENGLISH = re.compile(
    r"\b(?:the|and|we|that's|thanks|today|let's|next|first|finally|guys|recap|here)\b", re.I
)

TALK = """\
title: Planting Garlic
host: Priya
sections:
  - title: "Step 1: Choosing Cloves"
    points: [pick the biggest cloves, keep the papery skin]
  - title: "Step 2: Planting Deep"
    points: [plant them five centimetres deep]
  - title: Wrapping Up
    points: [water them once]
"""


def said(plan: Plan) -> str:
    return "\n".join(p for s in plan.slides for p in s.spoken)


def plan_of(path: Path, **options) -> Plan:
    return plan_outline(path, Options(**options))[0]


@pytest.mark.parametrize("voice", VOICES)
def test_a_spanish_essay_is_said_in_spanish(voice) -> None:
    plan = plan_of(SPANISH, voice=voice)
    assert plan.language == "es"
    text = said(plan)
    assert ENGLISH.findall(text) == []
    # every ¿ and ¡ is closed
    assert text.count("¿") == text.count("?") and text.count("¡") == text.count("!")
    # the closing slide shows the talk's last message, in its own words: nothing in English
    assert plan.parts[-1].kind is Kind.CLOSING and not ENGLISH.findall(plan.slides[-1].title)


FRENCH = """\
title: Planter l'ail
language: fr
host: Priya
sections:
  - title: Choisir les gousses
    points: [prendre les plus grosses gousses, garder la peau]
  - title: Planter profond
    script: Plantez-les à cinq centimètres.
"""


def test_a_language_without_a_voice_says_only_the_authors_words(write_outline) -> None:
    plan = plan_of(write_outline(FRENCH))
    # the title over the cover, the titles over the agenda, the points and the script: however
    # they are paced (a slide said in under 5 s comes up with pauses, marks and no words)
    words = said(plan).replace("[PAUSE]", "").split()
    assert " ".join(words) == (
        "Planter l'ail. Choisir les gousses. Planter profond. Prendre les plus grosses gousses. "
        "Garder la peau. Plantez-les à cinq centimètres."
    )
    warned = [w for w in plan.read_warnings if "no voice in the language 'fr'" in w]
    assert len(warned) == 1


def test_language_from_the_command_line_wins(write_outline) -> None:
    path = write_outline(TALK)
    assert plan_of(path, language="es").language == "es"
    assert "Hola" in said(plan_of(path, language="es"))


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize(
    ("before", "ending"),
    [
        ("Plant it deep. Pull it in July.", "See you next week!"),
        ("Plant it deep. Pull it in July.", "Let me know what you think in the comments."),
        ("Plántenlo hondo y cosechen en julio.", "¿Qué opinan? Déjenlo en los comentarios."),
    ],
)
def test_the_authors_own_ending_is_the_last_word(write_outline, voice, before, ending) -> None:
    path = write_outline(
        f"title: Ajo\nsections:\n  - title: Uno\n    script: {before}\n"
        f"  - title: Dos\n    script: {before} {ending}\n"
    )
    plan = plan_of(path, voice=voice)
    assert said(plan).rstrip().endswith(ending)  # no recap, no second goodbye after it
    assert not [p for p in plan.parts if p.kind is Kind.CLOSING]


def test_a_talk_that_does_not_sign_off_gets_the_voices_goodbye(write_outline) -> None:
    path = write_outline(
        "title: Garlic\nsections:\n  - title: Planting\n    script: Plant it deep.\n"
        "  - title: Harvest\n    script: Pull it in July.\n"
    )
    assert "Thanks for watching" in said(plan_of(path))


def test_hosts_from_the_command_line_make_a_dialogue(tmp_path: Path, write_outline) -> None:
    path = write_outline(TALK)
    out = build(
        path,
        tmp_path / "out",
        only=("script",),
        formats=("dialogue",),
        options=Options.of({"hosts": "Ana,Ben"}),
    )
    dialogue = out.files["dialogue"]
    assert dialogue_findings(dialogue) == []
    lines = re.findall(r"^\*\*(\w+):\*\* (.*)$", dialogue.read_text("utf-8"), re.M)
    asked = [t for who, t in lines if who == "Ben" and t.endswith("?")]
    assert len(asked) >= 3  # one question a part
    # the co-host speaks in the opening and in the closing too, not only in the parts
    assert lines[1][0] == "Ben" and "Ben" in [who for who, _ in lines[-3:]]


def test_the_main_host_carries_the_authors_words(tmp_path: Path, write_outline) -> None:
    script = "I think firstly it is hard.\\n\\nSecondly, I'd argue it is worth it."
    path = write_outline(
        f'title: T\nhosts: [Ana, Ben]\nsections:\n  - title: One\n    script: "{script}"\n'
        '  - title: Two\n    script: "I love it."\n'
    )
    out = build(path, tmp_path / "out", only=("script",), formats=("dialogue",))
    lines = re.findall(r"^\*\*(\w+):\*\* (.*)$", out.files["dialogue"].read_text("utf-8"), re.M)
    for who, text in lines:
        if re.search(r"\bI\b|\bI'd\b|Secondly|firstly", text):
            assert who == "Ana", text


@pytest.mark.parametrize("bad", ["Ana", "Ana,Ana", "Ana,Ben,Cy", ",Ben"])
def test_hosts_must_be_two_different_names(bad) -> None:
    from deckmaker.errors import DeckmakerError

    with pytest.raises(DeckmakerError):
        Options.of({"hosts": bad})


@pytest.mark.parametrize("name", ["voice.es.j2", "voice.neutral.j2"])
def test_a_language_has_every_macro_with_the_same_arguments(name) -> None:
    """A language's voice.CODE.j2 stands in for voice.j2 whole: a macro missing, or taking
    other arguments, would fail a build in that language only."""
    from jinja2 import nodes

    from deckmaker.templates import Templates

    env = Templates().env

    def macros(file: str) -> dict[str, list[str]]:
        tree = env.parse((ROOT / "templates" / file).read_text(encoding="utf-8"))
        return {m.name: [a.name for a in m.args] for m in tree.find_all(nodes.Macro)}

    english, other = macros("voice.j2"), macros(name)
    assert {m: a for m, a in other.items() if m in english} == english


def test_a_spanish_script_is_headed_in_spanish(tmp_path: Path) -> None:
    """The written scripts' own words (headings, table headers, legends, the show notes' and the
    teleprompter's labels) come from the voice in the talk's language, as the words said do."""
    formats = ("md", "dialogue", "txt", "show-notes", "html", "chapters", "srt")
    files = {"md": "script"}  # the Markdown script is the build's "script"
    hosts = Options.of({"hosts": "Lucía,Mateo", "reveal": True})
    out = build(SPANISH, tmp_path, only=("script",), formats=formats, options=hosts)
    # cue marks, legends, headings, the teleprompter's buttons, labels and keys
    english = re.compile(
        r"\[SLIDE|\[PAUSE\]|\[CLICK\]|· for |\b(?:Opening|Closing|Starts at|Up for|"
        r"words per minute|Delivery|Read everything|In this (?:video|episode|talk)|Chapters|"
        r"Elapsed|Speed|Slide|Part|Runs|Play|Pause|Previous|Next|Mirror|Smaller|Larger|"
        r"teleprompter|Lucía and Mateo)\b"
    )
    for fmt in formats:
        text = out.files[files.get(fmt, fmt)].read_text(encoding="utf-8")
        if fmt == "html":  # the page's style and script are code, not words
            text = text.split("</style>")[1].split("<script>")[0]
        assert not english.search(text), (fmt, english.search(text))
    script = out.files["script"].read_text(encoding="utf-8")
    assert "## Apertura" in script and "| Parte | Diapositivas | Empieza en | Dura |" in script
    assert "[DIAPOSITIVA 1 · 0:00 · durante " in script and "`[PAUSA]`" in script
    assert "palabras por minuto" in out.files["txt"].read_text(encoding="utf-8")


def test_each_spanish_voice_has_its_own_ways_in() -> None:
    """The three Spanish voices move between sections, and ask the co-host's questions, each in
    its own words, as the English ones do."""
    for hosts in ("", "Lucía,Mateo"):
        leads = {
            tuple(
                p.lead
                for p in plan_of(SPANISH, voice=voice, hosts=hosts or None).parts
                if p.kind is Kind.SECTION
            )
            for voice in VOICES
        }
        assert len(leads) == len(VOICES), leads


@pytest.mark.parametrize(
    ("conjunction", "word", "said"),
    [
        ("y", "Inés", "e"),
        ("y", "hijos", "e"),
        ("y", "“Ibiza”", "e"),
        ("y", "ímpetu", "e"),
        ("y", "hielo", "y"),  # hie-, hia-: the sound is /j/, not /i/
        ("y", "hiato", "y"),
        ("y", "yeso", "y"),
        ("o", "otros", "u"),
        ("o", "Honduras", "u"),
        ("o", "uno", "o"),
        ("and", "Ida", "and"),
    ],
)
def test_the_spanish_y_and_o_are_said_as_the_next_word_wants(conjunction, word, said) -> None:
    from deckmaker.filters import before

    assert before(conjunction, word) == said


def test_spanish_joins_names_and_points_with_e_before_i(write_outline) -> None:
    """Wherever the Spanish voice joins words (the hosts' names, points said as a list), "y"
    before /i/ is "e"; the same list in English keeps its "and"."""
    path = write_outline(
        "title: Las velas\nlanguage: es\nhosts: [Lucía, Inés]\nsections:\n"
        "  - title: Los materiales\n    script: Todo empieza con buena cera.\n"
        "  - title: El molde\n    script: El molde da la forma.\n"
        "outro:\n  points: [la cera de abeja, hilo encerado]\n"
    )
    for voice in VOICES:
        text = said(plan_of(path, voice=voice))
        assert " y hilo" not in text and " y Inés" not in text, text
        assert "e hilo encerado" in text, text
    assert "Lucía e Inés" in said(plan_of(path, voice="podcast"))


def test_a_spanish_point_with_no_verb_is_said_inside_a_sentence(write_outline) -> None:
    """'Cinco centímetros de profundidad' gets a verb ('tenemos …'), and the recap never says
    'vimos que' before a gist that has none."""
    path = write_outline(
        "title: Cultivar ajos\nlanguage: es\nsections:\n"
        "  - title: Elegir los dientes\n    points: [Los dientes más grandes, Dejar la piel]\n"
        "  - title: La siembra\n"
        "    points: [Plantar en otoño, Cinco centímetros de profundidad, Regar poco]\n"
    )
    for voice in VOICES:
        text = said(plan_of(path, voice=voice))
        assert "tenemos cinco centímetros de profundidad." in text, text
        assert "que los dientes" not in text and "que plantar" not in text, text


@pytest.mark.parametrize(
    ("lead", "paragraph", "said"),
    [
        ("And", "The film ends.", "And the film ends."),
        ("Right, and", "It’s a reminder.", "Right, and it’s a reminder."),
        ("And", "Mia leaves.", "And Mia leaves."),  # a name the talk shows mid-sentence
        ("And", "Bonaparte may talk.", "Bonaparte may talk."),  # a name only at a start
        ("Plus,", "Getting Started with Go.", "Getting Started with Go."),  # a title
        ("Love that.", "Bonaparte may talk.", "Love that. Bonaparte may talk."),
    ],
)
def test_a_handoff_never_lowers_what_may_be_a_name(lead, paragraph, said) -> None:
    """A hand-off that runs into the paragraph ("And …") lowers only a common first word; a
    word the talk never writes mid-sentence may be a name, and a title is one: they are read
    as written, with no hand-off run into them."""
    from deckmaker.planning.dialogue import _handed

    assert _handed(lead, paragraph, frozenset({"Mia"})) == said


@pytest.mark.parametrize("name", ["voice.j2", "voice.es.j2"])
def test_points_said_over_an_unreached_slide_make_a_sentence(name) -> None:
    """Over a slide the script never reaches, points with no verb are said inside a sentence
    that has one ('There's one more thing here: …', 'tenemos …')."""
    from deckmaker.templates import Templates

    more = Templates().env.from_string(f'{{% import "{name}" as v %}}{{{{ v.more(topic) }}}}')
    english = name == "voice.j2"
    points = ["five centimetres deep"] if english else ["cinco centímetros de profundidad"]
    for order in range(3):
        topic = {"title": "Ajos", "order": order, "name": "la siembra"}
        point = {"text": points[0], "points": []}
        said = " ".join(more.render(topic={**topic, "points": [point]}).split())
        if english:
            assert re.match(r"(There's|And there's|This one is)\b.*: five centimetres", said)
        else:
            assert said.endswith(", tenemos cinco centímetros de profundidad."), said
