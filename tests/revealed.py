"""A small talk planned by hand with its bullets revealed click by click, as the planner marks
them: one `[CLICK]` per paragraph of a slide's body, just before the sentence that says it. The
renderers are tested on it without depending on how the planner places the marks."""

from __future__ import annotations

from pathlib import Path

from deckmaker.pipeline import Built, write_atomically
from deckmaker.planning import Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.render.script import FORMATS, render_script
from deckmaker.templates import Templates
from deckmaker.theme.read import read_theme
from deckmaker.theme.shipped import shipped

ALL_FORMATS = tuple(name for name, fmt in FORMATS.items() if not fmt.spoken)

PLAN = Plan(
    title="The Night Sky",
    subtitle="What to look for",
    host="Sam",
    wpm=150,
    hosts=("Sam", "Alex"),
    notes_heading="Delivery notes",
    parts=(
        Part(
            None,
            Kind.INTRO,
            (
                SlidePlan(
                    1,
                    Kind.TITLE,
                    Layout.COVER,
                    "The Night Sky",
                    48,
                    "What to look for",
                    body_pt=24,
                    spoken=("Hey guys, let's dive into the night sky.",),
                ),
            ),
            "Intro",
        ),
        Part(
            "What You See",
            Kind.SECTION,
            (
                SlidePlan(
                    2,
                    Kind.SECTION,
                    Layout.CONTENT,
                    "What You See",
                    40,
                    bullets=(
                        Bullet("Every star is a sun"),
                        Bullet("Planets wander"),
                        Bullet("Mars looks red", 1),
                        Bullet("The Moon has phases"),
                    ),
                    body_pt=28,
                    spoken=(
                        "So what do we see up there?",
                        "Look up on a clear night. [CLICK] Every star you see is a sun, some "
                        "far bigger than ours. [CLICK] The planets wander from night to night. "
                        "[CLICK] Mars even looks red.",
                        "[CLICK] And the Moon? [PAUSE] It has phases, as it turns around us.",
                    ),
                    notes=("Point up",),
                    reveal=True,
                ),
                SlidePlan(
                    3,
                    Kind.SECTION,
                    Layout.COLUMNS,
                    "What You Need",
                    40,
                    body_pt=28,
                    columns=(
                        (Bullet("A telescope"), Bullet("Binoculars")),
                        (Bullet("An app"), Bullet("A paper chart")),
                    ),
                    spoken=(
                        "You need little gear. [CLICK] A telescope helps. [CLICK] Binoculars "
                        "will do. [CLICK] An app names the stars. [CLICK] A paper chart never "
                        "runs out of battery.",
                    ),
                    reveal=True,
                ),
            ),
            "What You See",
            "So what do we see up there?",  # the co-host asks it in the dialogue
        ),
        Part(
            None,
            Kind.CLOSING,
            (
                SlidePlan(
                    4,
                    Kind.CLOSING,
                    Layout.COVER,
                    "Thank You!",
                    48,
                    "Sam",
                    body_pt=24,
                    spoken=("That's it for today, guys. Clear skies, and see you next time.",),
                ),
            ),
            "Wrap-up",
        ),
    ),
)


def build_revealed(folder: Path, theme: Path | None = None, plan: Plan = PLAN) -> Built:
    """The deck (in `theme`, else the default shipped theme) and every script format of
    `plan`, written as a build writes them, so the judges see them."""
    from deckmaker.render.deck import render_deck

    templates = Templates(None)
    files = {"deck": folder / "night-sky.pptx"}
    write_atomically(files["deck"], render_deck(plan, read_theme(theme or shipped()["light"])))
    for name in ALL_FORMATS:  # the written ones: audio and video have judges of their own
        fmt = FORMATS[name]
        files[name] = folder / f"night-sky{fmt.suffix}"
        text = render_script(plan, templates, fmt.template, name).text
        write_atomically(files[name], text.encode("utf-8"))
    return Built(plan, files)
