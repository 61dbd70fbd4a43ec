"""Every build choice is declared once, in `deckmaker.options.Options`: the command line's
options are made from it, the API checks its keyword arguments against it with the command
line's rules and messages, and no stage takes a choice but through it."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import deckmaker
from deckmaker.cli import cli
from deckmaker.options import Options, spec, specs
from deckmaker.pipeline import example_outline

COMMANDS = ("build", "validate", "preview", "watch")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_that_plans_offers_every_option(command: str) -> None:
    params = {p.name: p for p in cli.commands[command].params}  # type: ignore[attr-defined]
    for name, s in specs():
        assert name in params, f"{command} lacks {s.flag}"
        assert params[name].opts == [s.flag]
        assert params[name].help == s.help_text()  # type: ignore[attr-defined]


def test_no_stage_takes_a_choice_but_through_options() -> None:
    """A choice added as a loose parameter anywhere, instead of to `Options`, fails here."""
    from deckmaker import api, batch, pipeline, watch
    from deckmaker.planning import plan_talk

    loose = set(Options.__dataclass_fields__) | {"choices", "kwargs"}
    for function in (
        pipeline.plan_outline, pipeline.render, pipeline.build, pipeline.preview, plan_talk,
        batch.build_many, watch.watch,
    ):  # fmt: skip
        parameters = set(inspect.signature(function).parameters)
        if function is plan_talk:  # its `voice` is the Voice the option names, made for it
            parameters.remove("voice")
        assert "options" in parameters, function.__qualname__
        assert not loose & parameters, function.__qualname__
    for function in (api.build, api.plan):
        assert not loose & set(inspect.signature(function).parameters)
        for name, s in specs():  # the docstring lists every option
            assert f"`{name}` ({s.flag})" in (function.__doc__ or "")


def test_every_outline_key_an_option_names_is_read_by_the_loader() -> None:
    from deckmaker.outline import Outline

    keys = [s.outline for _, s in specs() if s.outline]
    assert keys and all(key in Outline.__dataclass_fields__ for key in keys)


@pytest.mark.parametrize(
    ("given", "flag", "said"),
    [
        ({"wpm": -5}, "--wpm", "-5 is no whole number from 40 to 400"),
        ({"wpm": "fast"}, "--wpm", "'fast' is no whole number from 40 to 400"),
        ({"max_slide_seconds": 5}, "--max-slide-seconds", "5 is no whole number from 10 to 600"),
        ({"target": "soon"}, "--target", "'soon' is no length of time; write it like 12m"),
    ],
)
def test_the_api_refuses_what_the_command_line_refuses_in_the_same_words(
    given: dict[str, object], flag: str, said: str
) -> None:
    ((name, value),) = given.items()
    with pytest.raises(deckmaker.DeckmakerError) as caught:
        deckmaker.plan(example_outline(), **given)
    assert str(caught.value).startswith(f"{name}: {said}")
    result = CliRunner().invoke(cli, ["validate", str(example_outline()), flag, str(value)])
    assert result.exit_code == 2
    assert said in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"allow_outside": "no"}, "allow_outside: 'no' is neither True nor False"),
        ({"reveal": 1}, "reveal: 1 is neither True nor False"),
        ({"wpm": True}, "wpm: True is no whole number from 40 to 400"),
        ({"target": 0}, "target: 0 is no length of time"),
        ({"voice": 3}, "voice: 3 is no name"),
        ({"theme": 7}, "theme: 7 is no path or name"),
        ({"templates_dir": b"x"}, "templates_dir: b'x' is no path"),
    ],
)
def test_the_api_refuses_a_wrong_type_as_a_mistake_not_a_type_error(
    given: dict[str, object], said: str
) -> None:
    with pytest.raises(deckmaker.DeckmakerError) as caught:
        deckmaker.build(example_outline(), **given)
    assert str(caught.value).startswith(said)


def test_the_api_takes_durations_as_people_write_them_and_paths_as_strings() -> None:
    assert Options.of({"target": "12m", "templates_dir": "mine"}) == Options(
        target=720, templates_dir=Path("mine")
    )
    assert Options.of({"reveal": False, "wpm": None}) == Options()


def test_the_command_line_overrides_the_outline_which_overrides_the_fallback() -> None:
    from deckmaker.outline.load import parse_outline

    talk = "sections:\n  - title: S\n    points: [A]\n    script: Said.\n"
    outline = parse_outline(
        f"title: T\nwpm: 120\npace: 40s\nreveal: true\nvoice: talk\n{talk}", "t"
    )
    chosen = Options(wpm=170).resolved(outline)
    assert (chosen.wpm, chosen.max_slide_seconds, chosen.reveal, chosen.voice) == (
        170, 40, True, "talk",
    )  # fmt: skip
    assert chosen.target is None and chosen.curly_quotes is False
    assert Options().resolved(parse_outline(f"title: T\n{talk}", "t.yaml")) == Options(
        wpm=spec("wpm").fallback,
        voice=spec("voice").fallback,
        max_slide_seconds=spec("max_slide_seconds").fallback,
    )


DUMMY = """
import dataclasses, sys
from click.testing import CliRunner
import deckmaker.options as options
from deckmaker.options import Number, Spec, option

@dataclasses.dataclass(frozen=True)
class Extended(options.Options):
    dummy: int | None = option(Spec("--dummy", "A dummy option for a test.", Number(1, 9)))

options.Options = Extended
import deckmaker
from deckmaker.cli import cli
from deckmaker.pipeline import example_outline

for command in ("build", "validate", "preview", "watch"):
    print(command, "--dummy" in CliRunner().invoke(cli, [command, "--help"]).output)
result = CliRunner().invoke(cli, ["validate", str(example_outline()), "--dummy", "3"])
print("cli", result.exit_code)
result = CliRunner().invoke(cli, ["validate", str(example_outline()), "--dummy", "12"])
print("cli", result.exit_code, "12 is no whole number from 1 to 9" in result.output)
print("api", deckmaker.plan(example_outline(), dummy=3).wpm)
try:
    deckmaker.plan(example_outline(), dummy=12)
except deckmaker.DeckmakerError as err:
    print("api", err)
print("doc", "`dummy` (--dummy): A dummy option" in deckmaker.build.__doc__)
"""


def test_an_option_added_in_one_place_reaches_the_command_line_and_the_api() -> None:
    """A field added to `Options` (here by a subclass, before the command line is imported) is
    an option of every command that plans, and a keyword argument of the API, checked alike."""
    out = subprocess.run(
        [sys.executable, "-c", DUMMY], capture_output=True, text=True, check=True, timeout=300
    ).stdout.splitlines()
    assert out == [
        "build True", "validate True", "preview True", "watch True", "cli 0", "cli 2 True",
        "api 150", "api dummy: 12 is no whole number from 1 to 9", "doc True",
    ]  # fmt: skip
