"""The docs' reference pages, generated at build time from the code that defines what they
describe, so they cannot drift from it: an MkDocs hook (`hooks:` in mkdocs.yml).

- reference/outline.md from the outline's field table (deckmaker.outline.fields), the same
  table the loader reads its keys from and the JSON Schema is written from;
- reference/templates.md from the filters' docstrings, the declared template variables
  (deckmaker.render.variables) and the bundled templates' macros and blocks, every example
  rendered on the bundled example talk through the templates' own sandbox;
- reference/formats.md from the registry of script formats;
- reference/options.md from the build options' one declaration (deckmaker.options);
- reference/cli.md from the command line's own declaration (click);
- benchmarks.md from bench/RESULTS.md, as the bench last wrote it.

A failure here (an example that does not render) fails `mkdocs build`.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
_EXAMPLE = re.compile(r"`(\{\{.*?\}\})`")


# -- rendering examples on the bundled example ---------------------------------------------------


@cache
def _env() -> Any:
    from deckmaker.templates import Templates

    return Templates().env


def rendered(expression: str, context: dict[str, Any] | None = None) -> str:
    """What a template expression gives, in the templates' own sandbox."""
    return str(_env().from_string(expression).render(**(context or {})))


@cache
def format_contexts() -> dict[str, dict[str, Any]]:
    """What each format's template receives when the bundled example is built: the variables,
    by format."""
    from deckmaker.api import plan
    from deckmaker.formats import FORMATS
    from deckmaker.pipeline import example_outline
    from deckmaker.render.script import render_script
    from deckmaker.templates import Templates

    class Recording(Templates):
        seen: dict[str, Any] = {}

        def render(self, name: str, **context: Any) -> str:
            Recording.seen = context
            return ""

    planned = plan(example_outline())
    contexts = {}
    for name, fmt in FORMATS.items():
        if name == "dialogue" and not planned.hosts:
            planned = _with_hosts()
        render_script(planned, Recording(), fmt.template, name)
        contexts[name] = dict(Recording.seen)
    return contexts


def _with_hosts() -> Any:
    """The example planned with two hosts, as a dialogue needs."""
    import tempfile

    from deckmaker.api import plan
    from deckmaker.pipeline import example_outline

    text = example_outline().read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder, "la-la-land.yaml")
        copy.write_text(f"hosts: [Sam, Alex]\n{text}", encoding="utf-8")
        return plan(copy)


@cache
def voice_context() -> dict[str, Any]:
    """What the voice macros receive when the bundled example is planned: `talk`, recorded from
    the call of its greeting."""
    from deckmaker.api import plan
    from deckmaker.pipeline import example_outline
    from deckmaker.planning.voice import Voice

    seen: dict[str, Any] = {}
    say = Voice.say

    def recording(self: Voice, macro: str, *args: Any) -> str:
        if macro in ("greeting", "signoff") and args:
            seen["talk"] = args[0]
        return say(self, macro, *args)

    Voice.say = recording  # type: ignore[method-assign]
    try:
        plan(example_outline())
    finally:
        Voice.say = say  # type: ignore[method-assign]
    return seen


# -- the pages -----------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """Text as inline code in a table cell, whatever backticks it holds (a bar inside code
    does not end the cell, so it stays as it is)."""
    text = str(text).replace("\n", " ")
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}" if text.strip() else "(empty)"


def outline_page() -> str:
    from deckmaker.outline.fields import BLOCKS
    from deckmaker.schema import listed

    lists = listed()
    out = [
        "# Outline reference",
        "",
        "Every field an outline may hold, generated from the field table the loader reads "
        "(`src/deckmaker/outline/fields.py`), which also writes the "
        "[JSON Schema](../outline.md#editor-support) editors check outlines with. "
        "For what the fields do together, read [The outline](../outline.md).",
        "",
        f"The shipped themes: {', '.join(f'`{t}`' for t in lists['themes'])}. "
        f"The bundled voices: {', '.join(f'`{v}`' for v in lists['voices'])}.",
    ]
    for block in BLOCKS:
        out += ["", f"## {block.title}", "", block.help]
        if block.shorthand:
            out += ["", f"In short, {block.shorthand} stands for the whole mapping."]
        out += ["", "| field | takes | default | what it does | example |", "|---|---|---|---|---|"]
        for f in block.fields:
            key = f"`{f.key}`" + (" (required)" if f.required else "")
            default = "" if f.default is None else _code(_yaml(f.default))
            example = "<br>".join(_code(_yaml(e)) for e in f.examples)
            out.append(f"| {key} | {_cell(f.takes)} | {default} | {_cell(f.help)} | {example} |")
    return "\n".join(out) + "\n"


def _yaml(value: Any) -> str:
    if isinstance(value, str):
        return value.replace("\n", "\\n")
    return json.dumps(value, ensure_ascii=False)


def templates_page() -> str:
    from deckmaker import filters
    from deckmaker.render.variables import FORMAT_VARIABLES, VOICE_VARIABLES

    contexts = format_contexts()
    out = [
        "# Template reference",
        "",
        "Everything a script template can use, generated from the code that provides it; every "
        "example is rendered here, on the bundled example talk, through the templates' own "
        "sandbox. For how to change a template, read [Templates](../templates.md).",
        "",
        "## Variables of the format templates",
        "",
        "Each format's template (`script.md.j2`, `captions.srt.j2`, …) receives these. `part` "
        "stands for any of `parts`, `cue` for any of `cues` (or of a part's `slides`), and so "
        "on.",
        "",
        "| variable | what it is | formats | example | gives |",
        "|---|---|---|---|---|",
    ]
    for v in FORMAT_VARIABLES:
        fmt = v.formats[0] if v.formats else "md"
        given = rendered(v.example, contexts[fmt])
        where = ", ".join(f"`{f}`" for f in v.formats) or "all"
        out.append(
            f"| `{v.name}` | {_cell(v.help)} | {where} | {_code(v.example)} | {_code(given)} |"
        )
    talk = voice_context()
    out += [
        "",
        "## What the voice macros receive",
        "",
        "The macros of `voice.j2` take the talk, a section (`topic`) or its points, as below; "
        "what each macro takes is in its signature (further down).",
        "",
        "| variable | what it is | example | gives |",
        "|---|---|---|---|",
    ]
    for v in VOICE_VARIABLES:
        given = rendered(v.example, talk)
        out.append(f"| `{v.name}` | {_cell(v.help)} | {_code(v.example)} | {_code(given)} |")
    out += [
        "",
        "## Filters",
        "",
        "deckmaker's own filters, besides [Jinja2's built-in ones]"
        "(https://jinja.palletsprojects.com/en/stable/templates/#builtin-filters).",
        "",
        "| filter | what it does | example | gives |",
        "|---|---|---|---|",
    ]
    for name, function in filters.ALL.items():
        doc = inspect.getdoc(function) or ""
        what = _cell(" ".join(doc.split("\n\n")[0].split()))
        examples = _EXAMPLE.findall(doc)
        shown = "<br>".join(_code(e) for e in examples)
        gives = "<br>".join(_code(rendered(e)) for e in examples)
        out.append(f"| `{name}` | {what} | {shown} | {gives} |")
    out += ["", "## Voice macros", "", *macros_section()]
    out += ["", "## Blocks", "", *blocks_section()]
    return "\n".join(out) + "\n"


def template_macros(name: str) -> Iterator[tuple[str, list[str], str]]:
    """Each macro of a bundled template: its name, its arguments and the comment just above it."""
    from jinja2 import nodes

    source = (ROOT / "templates" / name).read_text(encoding="utf-8")
    comments: dict[int, str] = {}  # the line a comment ends on -> its text
    for line, kind, value in _env().lex(source):
        if kind == "comment":
            comments[line + value.count("\n")] = " ".join(value.strip(" -").split())
    for macro in _env().parse(source).find_all(nodes.Macro):
        args = [a.name for a in macro.args]
        yield macro.name, args, comments.get(macro.lineno - 1, "")


def macros_section() -> list[str]:
    out = [
        "Every word deckmaker writes for the host comes from a macro of `voice.j2`; a "
        "`voice-NAME.j2` (`voice-video.j2`, …) holds only what that voice says differently. "
        "Your own `voice.j2` needs only the macros you change.",
        "",
        "| macro | what it says | gives, in the example (bundled `voice.j2`) |",
        "|---|---|---|",
    ]
    talk = voice_context()["talk"]
    samples: dict[str, str] = {
        "greeting": "greeting(talk)",
        "agenda": "agenda(talk.topics)",
        "agenda_more": "agenda_more(talk.topics[3:], true)",
        "unanswered": "unanswered(talk.topics[1], talk.topics | length)",
        "recap": "recap(talk.topics)",
        "callback": "callback(talk)",
        "script_word": "script_word('starts_at')",
        "react": "react('A choice that leads to dreams, and the roads not taken.', "
        "talk.topics[1], talk.topics | length)",
        "clause": "clause(talk.topics[0].points[1])",
        "signoff": "signoff(talk)",
        "who": "who(talk)",
        "named": "named(talk.topics[0])",
        "from_points": "from_points(talk.topics[0])",
        "more": "more(talk.topics[0])",
        "more_code": "more_code(talk.topics[0])",
        "more_table": "more_table(talk.topics[0], ['Song', 'Sung by'])",
        "wide_table": "wide_table(23, 12)",
        "quoting": "quoting('Mia', \"Here's to the ones who dream.\", false)",
        "transition": "transition(talk.topics[1], talk.topics | length, '')",
        "point": "point(talk.topics[0].points[0])",
        "list_of": "list_of(talk.topics[0].points)",
        "opens_itself": 'opens_itself("Okay, let\'s talk about it")',
        "ends_itself": 'ends_itself("See you next week!")',
        "ask": "ask(talk.topics[1], talk.topics | length, '')",
        "part_label": "part_label(2, 4)",
        "continued": "continued('Sacrifices', 2, 3)",
        "handoff": "handoff('It sheds the fairy tale.', 'That is the ending.', 'video')",
        "prompt": "prompt('I stayed for the last shot.', 'It lingers.', 'podcast')",
        "echo": "echo('A choice that leads to dreams, and the roads not taken.')",
        "cohost_hello": "cohost_hello({'hosts': ['Sam', 'Alex'], 'title': 'Dreams'}, 'video', "
        "'Hey guys!')",
        "cohost_goodbye": "cohost_goodbye({'hosts': ['Sam', 'Alex'], 'title': 'Dreams'}, "
        "'podcast')",
    }
    for name, args, comment in template_macros("voice.j2"):
        call = samples.get(name, f"{name}()")
        if not args:
            call = f"{name}()"
        given = rendered(f'{{% import "voice.j2" as v %}}{{{{ v.{call} }}}}', {"talk": talk})
        given = " ".join(given.split())
        out.append(f"| `{name}({', '.join(args)})` | {_cell(comment)} | {_code(given)} |")
    return out


def blocks_section() -> list[str]:
    from jinja2 import nodes

    out = [
        'A format template of yours can start with `{% extends "bundled/script.md.j2" %}` '
        "and replace one block of the bundled template, as `dialogue.md.j2` does:",
        "",
        "| template | blocks |",
        "|---|---|",
    ]
    for path in sorted((ROOT / "templates").glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        names = [b.name for b in _env().parse(source).find_all(nodes.Block)]
        if names:
            out.append(f"| `{path.name}` | {', '.join(f'`{n}`' for n in names)} |")
    return out


def formats_page() -> str:
    from deckmaker.formats import FORMATS

    out = [
        "# Script formats reference",
        "",
        "The script formats, generated from deckmaker's registry of formats: `--format NAME` "
        "(repeatable) writes each. What each holds is in [The script's formats](../formats.md).",
        "",
        "| `--format` | file | template | what it is |",
        "|---|---|---|---|",
    ]
    for name, fmt in FORMATS.items():
        out.append(f"| `{name}` | `<name>{fmt.suffix}` | `{fmt.template}` | {_cell(fmt.about)} |")
    return "\n".join(out) + "\n"


def cli_page() -> str:
    import click

    from deckmaker.cli import cli

    out = [
        "# Command-line reference",
        "",
        "Every command and option, generated from the command line itself (`deckmaker COMMAND "
        "--help` says the same). For a walk through, read the [guide](../guide.md).",
    ]
    context = click.Context(cli, info_name="deckmaker")
    for name in sorted(cli.list_commands(context)):
        command = cli.get_command(context, name)
        if command is None or command.hidden:
            continue
        out += _command(command, f"deckmaker {name}", context)
    return "\n".join(out) + "\n"


def _command(command: Any, path: str, parent: Any) -> list[str]:
    import click

    context = click.Context(command, info_name=path.split()[-1], parent=parent)
    out = ["", f"## `{path}`", "", inspect.cleandoc((command.help or "").split("\f")[0])]
    if isinstance(command, click.Group):
        for sub in command.list_commands(context):
            child = command.get_command(context, sub)
            if child is not None:
                out += _command(child, f"{path} {sub}", context)
        return out
    usage = " ".join(command.collect_usage_pieces(context))
    out += ["", f"```text\n{path} {usage}\n```"]
    rows = []
    for param in command.get_params(context):
        record = param.get_help_record(context)
        if record is None or param.name == "help":
            continue
        rows.append(f"| `{_cell(record[0])}` | {_cell(record[1]) or 'an argument'} |")
    if rows:
        out += ["", "| option | what it does |", "|---|---|", *rows]
    return out


def options_page() -> str:
    from deckmaker.options import Flag, specs

    out = [
        "# Build options reference",
        "",
        "Every build choice, generated from its one declaration (`deckmaker.options.Options`): "
        "the command line's flag, the keyword `deckmaker.build` and `deckmaker.plan` take, the "
        "outline field that sets it when neither does, and what applies when nothing does.",
        "",
        "| Python | command line | outline | otherwise | what it does |",
        "|---|---|---|---|---|",
    ]
    for name, spec in specs():
        fallback = spec.shown or ("off" if isinstance(spec.kind, Flag) else spec.fallback)
        outline = f"`{spec.outline}`" if spec.outline else ""
        otherwise = "" if fallback is None else _code(str(fallback))
        out.append(f"| `{name}` | `{spec.flag}` | {outline} | {otherwise} | {_cell(spec.help)} |")
    return "\n".join(out) + "\n"


def benchmarks_page() -> str:
    text = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    # Links in the results are relative to bench/; on the site they point at the repository.
    head = (
        "The bench's own figures, as `bench/*.py --write` last wrote them into "
        "`bench/RESULTS.md`; how to run each bench is in [Speed](speed.md).\n\n"
    )
    title, _, rest = text.partition("\n")
    return f"{title}\n\n{head}{_unlinked(rest)}"


def _unlinked(markdown: str) -> str:
    """Relative links of a file outside the docs, as plain text (the site has no such page)."""
    return re.sub(r"\[([^\]]+)\]\((?!https?:|#)[^)]+\)", r"\1", markdown)


# The outline the voices page reads in each voice, and as a dialogue: three sections with
# points only, so that every word of the samples is deckmaker's own.
SAMPLE_OUTLINE = """\
title: Growing Garlic
subtitle: Is it worth the wait?
host: Priya
sections:
  - title: Choosing Cloves
    points: [Pick the biggest cloves, Keep the papery skin on]
  - title: Planting
    points: [Plant in autumn, Five centimetres deep, Rewards patience with bigger bulbs]
  - title: The Harvest
    points: [Lift when half the leaves are brown, Dry them for two weeks]
"""
SAMPLES = "<!-- generated: voice samples -->"


def voice_samples() -> str:
    """The sample outline said in each voice, and as a dialogue, as a build says it now; and
    the Spanish essay of the benchmarks in the video voice."""
    import tempfile

    from deckmaker.formats import FORMATS
    from deckmaker.options import Options
    from deckmaker.pipeline import plan_outline
    from deckmaker.sentences import spans

    out: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "garlic.yaml"
        path.write_text(SAMPLE_OUTLINE, encoding="utf-8")
        out += ["```yaml", SAMPLE_OUTLINE.rstrip("\n"), "```", ""]
        for voice in ("video", "talk", "podcast"):
            plan = plan_outline(path, Options.of({"voice": voice}))[0]
            said = [p for slide in plan.slides for p in slide.spoken]
            out += [f"**{voice}**:", "", *(f"> {p}\n>" for p in said[:-1]), f"> {said[-1]}", ""]
        plan, templates, _ = plan_outline(path, Options.of({"hosts": "Ana,Ben"}))
        dialogue = FORMATS["dialogue"].render()(plan, templates, FORMATS["dialogue"]).text
        lines = [line for line in dialogue.splitlines() if line.startswith("**")]
        out += ["**dialogue**, `--hosts Ana,Ben`:", ""]
        out += [*(f"> {line}\n>" for line in lines[:-1]), f"> {lines[-1]}", ""]
        spanish = ROOT / "bench" / "essays" / "realidad-o-fantasia.txt"
        plan = plan_outline(spanish, Options.of({"voice": "video"}))[0]
        essay = " ".join(spanish.read_text(encoding="utf-8").split())
        ours = [
            p
            for slide in plan.slides
            for p in slide.spoken
            if any(" ".join(p[a:b].split()) not in essay for a, b in spans(p))
        ]
        out += [
            "**The Spanish essay** of the benchmarks (`bench/essays/realidad-o-fantasia.txt`), "
            "in the video voice: every paragraph that holds words of deckmaker's own (the "
            "greeting and the goodbye are the author's).",
            "",
            *(f"> {p}\n>" for p in ours[:-1]),
            f"> {ours[-1]}",
        ]
    return "\n".join(out) + "\n"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """MkDocs hook: the voices page's samples, said by the voices as they are now."""
    return markdown.replace(SAMPLES, voice_samples()) if SAMPLES in markdown else markdown


PAGES = {
    "reference/outline.md": outline_page,
    "reference/templates.md": templates_page,
    "reference/formats.md": formats_page,
    "reference/options.md": options_page,
    "reference/cli.md": cli_page,
    "benchmarks.md": benchmarks_page,
}


def on_files(files: Any, config: Any) -> Any:
    """MkDocs hook: add the generated pages to the site."""
    from mkdocs.structure.files import File

    for path, make in PAGES.items():
        files.append(File.generated(config, path, content=make()))
    return files
