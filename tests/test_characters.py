"""Odd characters, decided once where text is read (deckmaker.characters): what no artifact can
hold becomes "�" with a warning naming file, line, field and code point; odd whitespace is
whitespace; emoji, right-to-left text, combining marks and very long words come through every
artifact intact (each judged by the outside tools, through the autouse fixture)."""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ALL_FORMATS

from deckmaker.characters import REPLACEMENT, fitted, unfit_in
from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.essay import import_essay
from deckmaker.outline import parse_outline
from deckmaker.pipeline import build

CONTROL, SURROGATE, NONCHARACTER = (
    "a control character", "half of a surrogate pair, alone", "a noncharacter",
)  # fmt: skip
UNFIT = {
    "U+0000": ("\x00", CONTROL), "U+0007": ("\x07", CONTROL), "U+001B": ("\x1b", CONTROL),
    "U+007F": ("\x7f", CONTROL), "U+0080": ("\x80", CONTROL), "U+009B": ("\x9b", CONTROL),
    "U+D800": ("\ud800", SURROGATE), "U+DFFF": ("\udfff", SURROGATE),
    "U+FDD0": ("\ufdd0", NONCHARACTER), "U+FFFE": ("\ufffe", NONCHARACTER),
    "U+FFFF": ("\uffff", NONCHARACTER), "U+1FFFE": ("\U0001fffe", NONCHARACTER),
    "U+10FFFF": ("\U0010ffff", NONCHARACTER),
}  # fmt: skip


def escaped(character: str) -> str:
    """The character as a YAML double-quoted escape."""
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else \
        f"\\U{code:08x}"  # fmt: skip


@pytest.mark.parametrize("code", list(UNFIT))
def test_an_escaped_unfit_character_becomes_the_replacement_with_a_warning(code: str) -> None:
    character, kind = UNFIT[code]
    outline = parse_outline(
        f'title: T\nsections:\n  - title: "a{escaped(character)}b"\n', "talk.yaml"
    )
    assert outline.sections[0].title == f"a{REPLACEMENT}b"
    assert outline.warnings == (
        f"talk.yaml:3: sections[1].title: holds {code} ({kind}), which no deck or script can "
        f"show; shown as {REPLACEMENT} instead: delete it, or type what you meant",
    )


@pytest.mark.parametrize("code", [c for c, (_, kind) in UNFIT.items() if kind != SURROGATE])
def test_a_typed_unfit_character_is_named_with_its_line_and_field(code: str) -> None:
    """Typed into the file, where YAML itself would refuse most of them: the same rule, and
    the line is the character's own, inside a block of several lines. (A surrogate cannot be
    typed in a UTF-8 file: such a file is refused as not UTF-8.)"""
    text = "title: T\nsections:\n  - title: A\n    script: |\n      One.\n"
    text += f"      T{UNFIT[code][0]}o.\n"
    outline = parse_outline(text, "talk.yaml")
    assert outline.sections[0].script == f"One. T{REPLACEMENT}o."
    assert outline.warnings == (
        f"talk.yaml:6: sections[1].script: holds {code} ({UNFIT[code][1]}), which no deck or "
        f"script can show; shown as {REPLACEMENT} instead: delete it, or type what you meant",
    )


def test_characters_anywhere_else_are_named_by_line() -> None:
    """In a comment, or a key (which is then unknown anyway): nothing passes unsaid."""
    outline = parse_outline("# a\x07comment\ntitle: T\nsections: [{title: A}]\n", "talk.yaml")
    assert outline.warnings == (
        f"talk.yaml:1: holds U+0007 (a control character), which no deck or script can show; "
        f"shown as {REPLACEMENT} instead: delete it, or type what you meant",
    )
    with pytest.raises(DeckmakerError) as caught:
        parse_outline("title: T\nsec\x07tions: [{title: A}]\n", "talk.yaml")
    assert f"talk.yaml:2: sec{REPLACEMENT}tions: unknown field" in str(caught.value)


def test_several_characters_in_one_field_are_one_warning() -> None:
    outline = parse_outline(
        'title: "\\x07a\\x07b\\x1bc\\ufffe"\nsections: [{title: A}]\n', "t.yaml"
    )
    assert outline.title == "\ufffda\ufffdb\ufffdc\ufffd"
    [warning] = outline.warnings
    assert "U+0007 (a control character), U+001B (a control character), U+FFFE (a " in warning
    assert "delete them" in warning


def test_an_escaped_surrogate_pair_is_the_character_it_encodes() -> None:
    """JSON writes 😀 as two escaped halves; YAML is a superset of JSON."""
    outline = parse_outline('title: "\\ud83d\\ude00 and \\ud800"\nsections: [{title: A}]\n')
    assert outline.title == f"😀 and {REPLACEMENT}"
    assert [w.split(": ", 1)[1] for w in outline.warnings] == [
        f"title: holds U+D800 (half of a surrogate pair, alone), which no deck or script can "
        f"show; shown as {REPLACEMENT} instead: delete it, or type what you meant"
    ]


@pytest.mark.parametrize("space", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_odd_whitespace_is_whitespace(space: str) -> None:
    """Vertical tab, form feed, next line and the line and paragraph separators: a space, in a
    plain scalar (where YAML would refuse or break the line), quoted, or in an essay."""
    outline = parse_outline(
        f'title: a{space}b\nsubtitle: "c{space}d"\nsections: [{{title: A}}]\n', "t.yaml"
    )
    assert (outline.title, outline.subtitle, outline.warnings) == ("a b", "c d", ())
    essay = import_essay(f"Hello there{space}everyone.\n\nPart one\n\nIt{space}works.\n")
    assert essay.sections[0].script == "It works." and essay.warnings == ()


def test_a_form_feed_line_in_an_essay_is_a_blank_line() -> None:
    essay = import_essay("Opening words here.\n\x0c\nPart one\n\x0c\nIt works well.\n", "e.txt")
    assert [s.title for s in essay.sections] == ["Part one"]
    assert essay.sections[0].script == "It works well."


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_an_essay_names_the_line(suffix: str) -> None:
    heading = "## Part one" if suffix == ".md" else "Part one"
    text = f"Opening words here.\n\n{heading}\n\nIt\x07 works, and \x1b so\ufffe does this.\n"
    essay = import_essay(text, f"essay{suffix}", markdown=suffix == ".md")
    assert essay.sections[0].script == f"It{REPLACEMENT} works, and {REPLACEMENT} so" \
        f"{REPLACEMENT} does this."  # fmt: skip
    assert essay.warnings == (
        f"essay{suffix}:5: holds U+0007 (a control character), U+001B (a control character), "
        f"U+FFFE (a noncharacter), which no deck or script can show; shown as {REPLACEMENT} "
        "instead: delete them, or type what you meant",
    )


def test_combining_marks_are_composed_everywhere() -> None:
    """NFD in, NFC out, with no warning: the same text to every reader, and a point typed one
    way is found in a script typed the other."""
    decomposed = unicodedata.normalize("NFD", "Amélie à Noël")
    outline = parse_outline(
        f"title: {decomposed}\nsections:\n  - title: A\n    points: [Amélie à Noël]\n"
        f"    script: Il était une fois {decomposed}.\n"
    )
    assert outline.title == "Amélie à Noël" and outline.warnings == ()
    assert unicodedata.is_normalized("NFC", outline.sections[0].script or "")
    assert fitted("e\u0301\u0327")[0] == "\u0229\u0301"  # marks kept, in canonical order


def test_the_script_marks_are_refused() -> None:
    with pytest.raises(DeckmakerError) as caught:
        parse_outline(
            "title: T\nsections:\n  - title: A\n    script: Now [CLICK] here\n"
            "  - title: B [SLIDE 2]\n",
            "talk.yaml",
        )
    assert [str(p) for p in caught.value.problems] == [
        "talk.yaml:4: sections[1].script: holds '[CLICK]', which the script writes itself to "
        "mark a click; write it another way (deckmaker places cues and clicks itself)",
        "talk.yaml:5: sections[2].title: holds '[SLIDE', which the script writes itself to mark "
        "a cue; write it another way (deckmaker places cues and clicks itself)",
    ]
    with pytest.raises(DeckmakerError) as caught:
        import_essay("Hi all.\n\nPart one\n\nShow [SLIDE 3] now.\n", "e.txt")
    assert str(caught.value).startswith("e.txt:5: holds '[SLIDE', which the script writes")


def test_the_warning_is_printed_and_the_build_goes_on(tmp_path: Path, write_outline) -> None:
    outline = write_outline('title: Bells\nsections:\n  - title: "Ring\\x07 it"\n')
    result = CliRunner().invoke(cli, ["build", str(outline), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"warning: {outline}:3: sections[1].title: holds U+0007 (a control character)" in (
        result.stderr
    )
    assert "Ring\ufffd it" in (tmp_path / "out" / "talk.script.md").read_text(encoding="utf-8")


URL = "https://example.org/" + "/".join(f"long-path-segment-{i:02}" for i in range(1, 10))
COMPOUND = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"
FAMILY, FLAG, WAVE = "👩‍👩‍👧‍👦", "🇫🇷", "👋🏽"
ARABIC, HEBREW = "العربية لغة جميلة", "עברית היא שפה"
NFD = unicodedata.normalize("NFD", "Amélie à Noël")
ODD = f"""\
title: Odd characters {FAMILY}
subtitle: "Bell\\x07 and {FLAG}"
hosts: [Zoë, "{HEBREW.split()[0]}"]
sections:
  - title: {COMPOUND}
    points:
      - "{URL}"
      - {COMPOUND} ist ein langes Wort
      - "{ARABIC} and {HEBREW}"
      - {NFD} {WAVE}
    script: |
      Hallo {WAVE}! The {COMPOUND} is long. See {URL} for more.

      {ARABIC}. {HEBREW}. {NFD} {FAMILY} {FLAG}.
    notes: ["Control\\x1b character", "Right to left: {ARABIC}"]
  - title: "Second \\ufffe part {FLAG} {NFD}"
    points: [One point, Another point]
"""


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("odd")
    (folder / "odd.yaml").write_text(ODD, encoding="utf-8")
    return build(folder / "odd.yaml", folder / "out", formats=ALL_FORMATS)


def artifact_texts(built) -> dict[str, str]:
    """Each artifact's text; the deck's as the text of all its parts."""
    texts = {}
    for kind, path in built.files.items():
        if kind == "deck":
            with zipfile.ZipFile(path) as z:
                texts[kind] = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                                      if n.endswith(".xml"))  # fmt: skip
        else:
            texts[kind] = path.read_text(encoding="utf-8")
    return texts


def test_every_artifact_carries_the_same_odd_text(odd) -> None:
    """The replacement where the control characters were, and emoji (a ZWJ family, a flag, a
    skin tone), Arabic, Hebrew, composed accents, a 200-character address and a long German
    compound intact, in the deck and every script format; nothing any artifact cannot hold."""
    assert len(odd.files) == 1 + len(ALL_FORMATS)
    assert len(URL) > 200
    for kind, text in artifact_texts(odd).items():
        assert unfit_in(text) == [], kind
        if kind == "chapters":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        for whole in (FAMILY, FLAG, "Amélie à Noël"):
            assert whole in text, (kind, whole)
        if kind != "srt":  # captions break a word longer than their line: see below
            assert COMPOUND in text, kind
        assert REPLACEMENT in text, kind
        if kind not in ("chapters", "show-notes"):  # these list titles, not the words said
            for whole in (WAVE, ARABIC, HEBREW):
                assert whole in text, (kind, whole)
        if kind not in ("chapters", "show-notes", "srt"):  # (titles only; broken at 42)
            assert URL in text, kind
    assert len(odd.warnings) >= 3 and all("U+" in w for w in odd.warnings[:3])


def test_long_words_stay_whole_in_the_plan_and_the_captions(odd) -> None:
    """The fit measures a word longer than a line as the box will break it; the plan never
    cuts it, and captions break only a word longer than a caption line (42 characters)."""
    bullets = [b.text.replace("\xa0", " ") for s in odd.plan.slides for b in s.bullets]
    assert URL in bullets and f"{COMPOUND} ist ein langes Wort" in bullets
    captions = odd.files["srt"].read_text(encoding="utf-8")
    assert COMPOUND[:42] in captions and "\n" + COMPOUND[42:] in captions


def test_right_to_left_paragraphs_keep_their_direction_in_the_page(odd) -> None:
    page = odd.files["html"].read_text(encoding="utf-8")
    # the talk has two hosts: the paragraph opens on its host's name, then the author's words
    host = r'(?:<b class="host">[^<]*</b> )?'
    assert re.search(f'<p dir="auto">{host}{ARABIC}. {HEBREW}.', page), page
