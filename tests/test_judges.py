"""Each outside judge catches the fault it exists for, and passes a file that is right.

A judge that cannot fail proves nothing, so every check in tests/judges gets its fault planted
here: in a copy of the example deck, or in a small hand-written file for the script formats.
"""

from __future__ import annotations

import copy
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from judges import (
    animation_findings,
    chapters_findings,
    dialogue_findings,
    html_findings,
    layout_findings,
    markdown_findings,
    outline_findings,
    package_findings,
    png_findings,
    schema_findings,
    show_notes_findings,
    srt_findings,
    teleprompter_findings,
    template_findings,
)
from pptx import Presentation
from pptx.util import Inches

Edit = Callable[[bytes], bytes | None]


def planted(deck: Path, out: Path, edits: dict[str, Edit], add: dict[str, bytes]) -> Path:
    """A copy of the deck with some parts rewritten (None drops the part) and some added."""
    with zipfile.ZipFile(deck) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename in edits:
                data = edits[item.filename](data)
            if data is not None:
                dst.writestr(item, data)
        for name, data in add.items():
            dst.writestr(name, data)
    return out


# -- the package ----------------------------------------------------------------------------------

SLIDE = "ppt/slides/slide5.xml"
PACKAGE_FAULTS: dict[str, tuple[dict[str, Edit], dict[str, bytes], str]] = {
    "duplicate shape id": (
        {SLIDE: lambda x: x.replace(b'id="3"', b'id="2"', 1)},
        {},
        "slide5.xml: shape id 2 used 2 times [package]",
    ),
    "unknown element": (
        {SLIDE: lambda x: x.replace(b"</p:spTree>", b"<p:bogus/></p:spTree>")},
        {},
        "slide5.xml: Unexpected element 'bogus' found at /sld[1]/cSld[1]/spTree[1] [openxml-audit]",
    ),
    "malformed notes slide": (
        {"ppt/notesSlides/notesSlide2.xml": lambda x: x.replace(b"</p:notes>", b"")},
        {},
        "notesSlide2.xml: not well-formed XML",
    ),
    "orphan part": (
        {},
        {"ppt/media/leftover.png": b"\x89PNG\r\n\x1a\n"},
        "ppt/media/leftover.png: orphan part",
    ),
    "notes master not listed": (
        {"ppt/presentation.xml": lambda x: _drop_element(x, b"notesMasterIdLst")},
        {},
        "notes slides but no notesMasterIdLst [Keynote]",
    ),
}


def _drop_element(xml: bytes, tag: bytes) -> bytes:
    start = xml.index(b"<p:" + tag)
    end = xml.index(b"</p:" + tag + b">") + len(tag) + 5
    return xml[:start] + xml[end:]


@pytest.mark.parametrize("fault", PACKAGE_FAULTS, ids=list(PACKAGE_FAULTS))
def test_the_package_judge_catches(fault: str, example, tmp_path: Path) -> None:
    edits, add, says = PACKAGE_FAULTS[fault]
    bad = planted(example.files["deck"], tmp_path / "bad.pptx", edits, add)
    found = package_findings(bad)
    assert any(says in f for f in found), found


# -- the build animation of a revealed deck ------------------------------------------------------

REVEALED = "ppt/slides/slide2.xml"  # four paragraphs in shape 3, a click each
ANIMATION_FAULTS: dict[str, tuple[dict[str, Edit], tuple[str, ...]]] = {
    "a target missing from the slide": (
        {REVEALED: lambda x: re.sub(rb'spid="\d+"', b'spid="99"', x)},
        (
            "slide 2: the animation targets shape 99, not on the slide [animation]",
            "slide 2: LibreOffice reads 0 on-click paragraph effect(s), the notes have 4",
        ),
    ),
    "a paragraph range past the last paragraph": (
        {REVEALED: lambda x: x.replace(b'st="3" end="3"', b'st="4" end="4"')},
        (
            "slide 2: the animation shows paragraphs 4-4 of shape 3, which has 4 (0-3)",
            "slide 2: LibreOffice reads 3 on-click paragraph effect(s), the notes have 4",
        ),
    ),
    "a click count the notes do not match": (
        {"ppt/notesSlides/notesSlide3.xml": lambda x: x.replace(b"[CLICK] ", b"", 1)},
        ("slide 3: LibreOffice reads 4 on-click paragraph effect(s), the notes have 3",),
    ),
    "a timing with no build list": (
        {REVEALED: lambda x: re.sub(rb"<p:bldLst>.*</p:bldLst>", b"", x)},
        ("slide 2: shape 3 is animated by paragraph but has no bldP [animation]",),
    ),
    "a paragraph range without its end": (
        {REVEALED: lambda x: x.replace(b'st="1" end="1"', b'st="1"')},
        ("slide2.xml: Required attribute 'end' is missing", "[openxml-audit]"),
    ),
    "the timing before the slide's content": (
        {
            REVEALED: lambda x: re.sub(
                rb"(<p:sld [^>]*>)(.*)(<p:timing>.*</p:timing>)", rb"\1\3\2", x, flags=re.S
            )
        },
        ("slide2.xml: ", "[openxml-audit]"),
    ),
}


@pytest.mark.parametrize("fault", ANIMATION_FAULTS, ids=list(ANIMATION_FAULTS))
def test_the_animation_judges_catch(fault: str, revealed, tmp_path: Path) -> None:
    edits, says = ANIMATION_FAULTS[fault]
    bad = planted(revealed.files["deck"], tmp_path / "bad.pptx", edits, {})
    found = package_findings(bad) + animation_findings(bad)
    assert all(any(s in f for f in found) for s in says), found


def test_the_animation_judge_passes_a_revealed_deck(revealed) -> None:
    assert animation_findings(revealed.files["deck"]) == []


# -- the layout -----------------------------------------------------------------------------------


def _body(prs):
    """The body placeholder of the deck's first slide of bullets, given geometry of its own (it
    inherits it otherwise)."""
    body = next(
        shape
        for slide in prs.slides
        for shape in slide.placeholders
        if shape.placeholder_format.idx == 1 and len(shape.text_frame.paragraphs) > 2
    )
    box = body.left, body.top, body.width, body.height
    body.left, body.top, body.width, body.height = box
    return body


def clipped_bullet(prs) -> None:
    body = _body(prs)
    body.top = prs.slide_height - Inches(1)  # its last bullets now lie below the slide


def spilling_text(prs) -> None:
    _body(prs).height = Inches(1)  # the bullets run on past the box, still on the slide


def shrink_on_overflow(prs) -> None:
    body_pr = _body(prs).element.txBody.bodyPr
    body_pr.append(
        body_pr.makeelement(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit", {}
        )
    )


def hidden_slide(prs) -> None:
    prs.slides[2].element.set("show", "0")  # LibreOffice leaves it out of the PDF


LAYOUT_FAULTS = {
    "clipped bullet": (clipped_bullet, r"slide \d+: not drawn: "),
    "text spilling out of its box": (spilling_text, r"slide \d+: .+ drawn outside every text box"),
    "shrink on overflow": (shrink_on_overflow, r"slide \d+: normAutofit"),
    "a page too few": (hidden_slide, r"(\d+) slides but LibreOffice drew (?!\1)\d+ pages"),
}


@pytest.mark.parametrize("fault", LAYOUT_FAULTS, ids=list(LAYOUT_FAULTS))
def test_the_layout_judge_catches(fault: str, example, tmp_path: Path) -> None:
    plant, says = LAYOUT_FAULTS[fault]
    prs = Presentation(str(example.files["deck"]))
    plant(prs)
    prs.save(str(tmp_path / "bad.pptx"))
    found = layout_findings(tmp_path / "bad.pptx")
    assert any(re.search(says, f) for f in found), found


def test_the_layout_judge_notices_a_file_libreoffice_cannot_load(tmp_path: Path) -> None:
    (tmp_path / "bad.pptx").write_bytes(b"PK\x03\x04 not really a zip")
    assert layout_findings(tmp_path / "bad.pptx") == [
        "bad.pptx: LibreOffice wrote no PDF (could not load it) [LibreOffice]"
    ]


# -- the script formats ---------------------------------------------------------------------------


GOOD_MD = "# The talk\n\n## Part one\n\n[SLIDE 1]\n\nSome *spoken* text.\n\n> - a delivery note\n"
MD_FAULTS = {
    "two top headings": (GOOD_MD.replace("## Part", "# Part"), "MD025"),
    "a heading with no blank line": (GOOD_MD.replace("one\n\n", "one\n"), "MD022"),
    "inline html": (GOOD_MD.replace("*spoken*", "<b>spoken</b>"), "MD033"),
    "trailing spaces": (GOOD_MD.replace("text.", "text.   "), "MD009"),
}


GOOD_SRT = """\
1
00:00:00,000 --> 00:00:04,500
Hey guys, let's dive into
the ending of La La Land.

2
00:00:04,500 --> 00:00:09,000
Okay, let's talk about that epic final sequence.

"""
SRT_FAULTS = {
    "overlapping cues": (
        GOOD_SRT.replace("00:00:04,500 --> 00:00:09", "00:00:03,000 --> 00:00:09"),
        ":7: start time should be less than previous end time [srt-validator]",
    ),
    "a dot before the milliseconds": (
        GOOD_SRT.replace("04,500 -->", "04.500 -->"),
        "[srt-validator]",
    ),
    "a gap in the numbering": (GOOD_SRT.replace("\n2\n", "\n3\n"), ":6: changes when parsed"),
    "no blank line between cues": (
        GOOD_SRT.replace("Land.\n\n", "Land.\n"),
        "changes when parsed and composed again [srt]",
    ),
}


GOOD_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>La La Land's Ending, Explained</title>
<style>body { font: 1.4rem/1.5 system-ui, sans-serif; }</style>
</head>
<body>
<main><h1>La La Land's Ending, Explained</h1><p id="line">Hey guys!</p>
<img alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main>
<script>document.getElementById("line").textContent += " Let's dive in.";</script>
</body>
</html>
"""
HTML_FAULTS = {
    "an external image": (
        GOOD_HTML.replace(
            "data:image/gif;base64,R0lGODlhAQABAAAAACw=", "https://example.com/a.png"
        ),
        "requests https://example.com/a.png [Chromium]",
    ),
    "a stylesheet from a CDN": (
        GOOD_HTML.replace(
            "<style>", '<link rel="stylesheet" href="https://cdn.example.net/s.css"><style>'
        ),
        "requests https://cdn.example.net/s.css [Chromium]",
    ),
    "a script error": (
        GOOD_HTML.replace('getElementById("line")', 'getElementById("nope")'),
        "Uncaught TypeError",
    ),
    "invalid markup": (GOOD_HTML.replace("<title>", "<title></title><p><title>"), "[vnu]"),
    "a button without a name": (
        GOOD_HTML.replace("</main>", '<button type="button"></button></main>'),
        "(button-name: button) [axe]",
    ),
    "pale grey text on white": (
        GOOD_HTML.replace('<p id="line">', '<p id="line" style="color: #c8c8c8">'),
        "(color-contrast: #line) [axe]",
    ),
    "a Spanish page declared English": (
        GOOD_HTML.replace(
            "Hey guys!",
            "Hola a todos. Hoy vamos a hablar del final de la película, de por qué nos duele "
            "tanto y de lo que nos enseña sobre los sueños, el amor y las decisiones que "
            "tomamos cuando somos jóvenes y creemos que todavía tenemos todo el tiempo del "
            "mundo para elegir lo que de verdad queremos hacer con nuestra vida. " * 6,
        ),
        "appears to be written in Spanish",
    ),
}


GOOD_CHAPTERS = {
    "version": "1.2.0",
    "title": "La La Land's Ending, Explained",
    "chapters": [
        {"startTime": 0, "title": "No Happy Ending, and That's the Point"},
        {"startTime": 95.5, "title": "The 'What If' Montage", "endTime": 300},
        {"startTime": 300, "title": "Sacrifices for Dreams", "toc": True},
    ],
}


def _chapters(spoil: Callable[[dict], object]) -> str:
    doc = copy.deepcopy(GOOD_CHAPTERS)
    spoil(doc)
    return json.dumps(doc, indent=2)


CHAPTERS_FAULTS = {
    "chapters out of order": (
        _chapters(lambda d: d["chapters"].reverse()),
        "$.chapters[1].startTime 95.5 is not after 300 [chapters]",
    ),
    "no start time": (
        _chapters(lambda d: d["chapters"][1].pop("startTime")),
        "$.chapters[1]: 'startTime' is a required property [jsonschema]",
    ),
    "a misspelt key": (
        _chapters(lambda d: d.update(podcast_name="x")),
        "Additional properties are not allowed ('podcast_name' was unexpected) [jsonschema]",
    ),
    "an end before its start": (
        _chapters(lambda d: d["chapters"][1].update(endTime=10)),
        "$.chapters[1].endTime 10 is not after its start [chapters]",
    ),
}

GOOD_YAML = """\
# An outline as `deckmaker import` writes it.
title: A Talk
sections:
  - title: One
    points:
      - text: A point
        said: Some words
    script: >-
      Some words are said here.
"""
YAML_FAULTS = {
    "a duplicate key": (GOOD_YAML.replace("title: One", "title: One\n    title: Two"), "duplicate"),
    "a tab": (GOOD_YAML.replace("  - title", "\t- title"), "syntax error"),
    "bad indentation": (GOOD_YAML.replace("      - text", "     - text"), "indentation"),
    "a long line": (GOOD_YAML.replace("A point", "A point " + "word " * 30), "line too long"),
    "trailing spaces": (GOOD_YAML.replace("A Talk", "A Talk   "), "trailing spaces"),
}

GOOD_J2 = """\
{% macro greeting(plan) %}
Hello, and welcome to {{ plan.title }}.
{% endmacro %}
{% for slide in plan.slides %}
{{ greeting(plan) }}{{ slide.said | join(" ") }}
{% endfor %}
"""
J2_FAULTS = {
    "a block left open": (GOOD_J2.replace("{% endfor %}\n", ""), ":5: Unexpected end of template"),
    "a tag Jinja2 lacks": (GOOD_J2.replace("endmacro", "endmacr"), ":3: Encountered unknown tag"),
    "a template the set lacks": (
        '{% extends "bundled/voice.j2" %}\n' + GOOD_J2,
        "names 'bundled/voice.j2', which is not beside it",
    ),
}

GOOD_TXT = """\
The talk

[SLIDE 1 · 0:00]

Hey guys, let's dive in.

[SLIDE 2 · 0:04]

Okay, the ending. [PAUSE] It hurts.

(Slow down here)
"""
TXT_FAULTS = {
    "a Markdown heading": (GOOD_TXT.replace("The talk", "# The talk"), ":1: markup in plain text"),
    "bold text": (GOOD_TXT.replace("the ending", "**the ending**"), ":9: markup in plain text"),
    "a cue inside a paragraph": (
        GOOD_TXT.replace("dive in.\n\n[SLIDE 2", "dive in.\n[SLIDE 2"),
        ":6: a cue must stand alone between blank lines",
    ),
    "cues out of order": (GOOD_TXT.replace("[SLIDE 2", "[SLIDE 3"), "not 1, 2, 3"),
    "cue times going back": (GOOD_TXT.replace("0:04]", "0:00]").replace("1 · 0:00", "1 · 0:09"),
                             "cue times go back"),
    "trailing spaces": (GOOD_TXT.replace("dive in.", "dive in.  "), ":5: trailing spaces"),
    "a tab": (GOOD_TXT.replace("It hurts", "It\thurts"), ":9: a control character, tab"),
    "two blank lines": (GOOD_TXT.replace("in.\n\n", "in.\n\n\n"), "two blank lines in a row"),
}  # fmt: skip

GOOD_SHOW_NOTES = """\
La La Land's Ending, Explained

Chapters:
0:00 Intro
3:15 The 'What If' Montage
6:04 Sacrifices for Dreams
"""
SHOW_NOTES_FAULTS = {
    "a first chapter after 0:00": (
        GOOD_SHOW_NOTES.replace("0:00 Intro", "0:05 Intro"),
        ":4: the first chapter must be at 0:00",
    ),
    "two chapters only": (
        GOOD_SHOW_NOTES.replace("6:04 Sacrifices for Dreams\n", ""),
        "2 chapters; YouTube needs at least 3",
    ),
    "a chapter under ten seconds": (
        GOOD_SHOW_NOTES.replace("6:04", "3:20"),
        ":6: the chapter before runs 5 s, under 10",
    ),
    "chapters out of order": (GOOD_SHOW_NOTES.replace("6:04", "1:00"), "is not after the chapter"),
    "angle brackets": (GOOD_SHOW_NOTES.replace("Explained", "<Explained>"), "angle brackets"),
    "too long for YouTube": (GOOD_SHOW_NOTES + "x" * 5000 + "\n", "over YouTube's 5000"),
}

GOOD_DIALOGUE = """\
# The talk

A dialogue script for Sam and Alex.

## Opening (0:00, about 0:10)

[SLIDE 1 · 0:00]

**Sam:** Hey guys, let's dive in.

## 1. The ending (0:10, about 0:20)

[SLIDE 2 · 0:10]

**Alex:** So what about the ending?

**Sam:** Okay, the ending.

**Sam:** It was sad.

> **Delivery:**
>
> - Smile
"""
DIALOGUE_FAULTS = {
    "a paragraph with no speaker": (
        GOOD_DIALOGUE.replace("**Alex:** So", "So"),
        ":15: a spoken paragraph with no **Speaker:**",
    ),
    "one host all through a section": (
        GOOD_DIALOGUE.replace("**Alex:**", "**Sam:**"),
        ":11: only Sam speaks in '1. The ending (0:10, about 0:20)'",
    ),
    "a third speaker": (
        GOOD_DIALOGUE + "\n**Kim:** Hi.\n",
        "3 speakers, not two",
    ),
    "bare acknowledgements": (
        GOOD_DIALOGUE.replace(
            "**Sam:** It was sad.", "**Alex:** Sure.\n\n**Sam:** It was sad.\n\n**Alex:** Got it."
        ),
        "2 of 6 turns are a bare acknowledgement",
    ),
}


def _schema(spoil: Callable[[dict], object]) -> str:
    from deckmaker.schema import outline_schema

    doc = json.loads(outline_schema())
    spoil(doc)
    return json.dumps(doc, indent=2)


SCHEMA_FAULTS = {
    "not JSON": (_schema(lambda d: None).rstrip("}\n"), "not strict JSON"),
    "a key twice": (
        _schema(lambda d: None).replace('"title"', '"title": "a",\n  "title"', 1),
        "a key appears twice",
    ),
    "another draft": (
        _schema(lambda d: d.update({"$schema": "https://json-schema.org/draft/2020-12/schema"})),
        "does not declare $schema http://json-schema.org/draft-07/schema#",
    ),
    "a type no draft has": (
        _schema(lambda d: d["properties"]["wpm"].update(type="whole")),
        "$.properties.wpm.type: 'whole' is not valid under any of the given schemas [jsonschema]",
    ),
    "a pattern that does not compile": (
        _schema(lambda d: d["definitions"]["segment"]["properties"]["image"].update(pattern="(")),
        "is not a 'regex' [jsonschema]",
    ),
    "a Python-only pattern": (
        _schema(
            lambda d: d["definitions"]["segment"]["properties"]["image"].update(
                pattern="(?i)\\.png$"
            )
        ),
        "is Python-only syntax [schema]",
    ),
    "a reference that leads nowhere": (
        _schema(lambda d: d["definitions"].pop("point")),
        "$ref '#/definitions/point' leads nowhere [schema]",
    ),
}

# Each script format: its judge, a right file, and the faults it must catch.
FORMATS = {
    ".md": (markdown_findings, GOOD_MD, MD_FAULTS),
    ".srt": (srt_findings, GOOD_SRT, SRT_FAULTS),
    ".html": (html_findings, GOOD_HTML, HTML_FAULTS),
    ".json": (chapters_findings, _chapters(lambda d: None), CHAPTERS_FAULTS),
    ".schema.json": (schema_findings, _schema(lambda d: None), SCHEMA_FAULTS),
    ".yaml": (outline_findings, GOOD_YAML, YAML_FAULTS),
    ".j2": (template_findings, GOOD_J2, J2_FAULTS),
    ".script.txt": (teleprompter_findings, GOOD_TXT, TXT_FAULTS),
    ".show-notes.txt": (show_notes_findings, GOOD_SHOW_NOTES, SHOW_NOTES_FAULTS),
    ".dialogue.md": (dialogue_findings, GOOD_DIALOGUE, DIALOGUE_FAULTS),
}


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_format_judge_passes_a_right_file(suffix: str, tmp_path: Path) -> None:
    judge, good, _ = FORMATS[suffix]
    (tmp_path / f"good{suffix}").write_text(good, encoding="utf-8")
    assert judge(tmp_path / f"good{suffix}") == []


@pytest.mark.parametrize(
    ("suffix", "fault"),
    [(suffix, fault) for suffix, (_, _, faults) in FORMATS.items() for fault in faults],
    ids=lambda x: x,
)
def test_a_format_judge_catches(suffix: str, fault: str, tmp_path: Path) -> None:
    judge, _, faults = FORMATS[suffix]
    text, says = faults[fault]
    (tmp_path / f"bad{suffix}").write_text(text, encoding="utf-8")
    found = judge(tmp_path / f"bad{suffix}")
    assert any(says in f for f in found), found


# -- pictures (slide previews) ----------------------------------------------------------------


def _png(path: Path, size: tuple[int, int] = (320, 180), blank: bool = False) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (255, 255, 255))
    if not blank:
        ImageDraw.Draw(image).rectangle((20, 20, 120, 60), fill=(37, 99, 235))
    image.save(path, "PNG")
    return path


PNG_FAULTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "truncated": (
        lambda p: (
            p.with_name("cut.png").write_bytes(_png(p).read_bytes()[:-200])
            and p.with_name("cut.png")
        ),
        "cut.png: not a readable PNG",
    ),
    "not a PNG": (
        lambda p: p.with_name("jpeg.png").write_bytes(_jpeg()) and p.with_name("jpeg.png"),
        "jpeg.png: a JPEG file, not a PNG",
    ),
    "blank": (lambda p: _png(p, blank=True), "blank, one colour only"),
    "tiny": (lambda p: _png(p, size=(40, 20)), "only 40x20 pixels"),
}


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (320, 180), (200, 10, 10)).save(out, "JPEG")
    return out.getvalue()


def test_the_picture_judge_passes_a_right_png(tmp_path: Path) -> None:
    assert png_findings(_png(tmp_path / "good.png")) == []


@pytest.mark.parametrize("fault", PNG_FAULTS, ids=list(PNG_FAULTS))
def test_the_picture_judge_catches(fault: str, tmp_path: Path) -> None:
    plant, says = PNG_FAULTS[fault]
    found = png_findings(plant(tmp_path / "bad.png"))
    assert any(says in f for f in found), found
