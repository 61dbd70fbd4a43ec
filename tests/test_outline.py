"""Stage one: outlines are read into the typed model, and every mistake is located."""

from __future__ import annotations

import pytest

from deckmaker.errors import DeckmakerError
from deckmaker.outline import (
    Code,
    Outline,
    Point,
    Quote,
    Segment,
    Table,
    load_outline,
    parse_outline,
)


def test_reads_every_field() -> None:
    outline = parse_outline(
        """\
title: My talk
subtitle: A subtitle
host: Sam
greeting: Hi all!
signoff: Bye!
wpm: 160
intro: {title: Hello, points: [a], script: Intro words., notes: Smile}
sections:
  - title: One
    points:
      - plain
      - text: parent
        points: [child one, child two]
    script: |
      Para one
      continues here.

      Para two.
    notes: [slow, loud]
outro: {script: Bye words.}
""",
        "t.yaml",
    )
    assert outline == Outline(
        title="My talk",
        subtitle="A subtitle",
        host="Sam",
        greeting="Hi all!",
        signoff="Bye!",
        wpm=160,
        intro=Segment("Hello", (Point("a"),), "Intro words.", ("Smile",)),
        sections=(
            Segment(
                "One",
                (Point("plain"), Point("parent", ("child one", "child two"))),
                "Para one continues here.\n\nPara two.",
                ("slow", "loud"),
            ),
        ),
        outro=Segment(script="Bye words."),
        source="t.yaml",
    )


def test_scalars_keep_the_text_as_typed() -> None:
    outline = parse_outline("title: 2016\nsections:\n  - title: yes\n    points: [1.10, ~x]\n")
    assert outline.title == "2016"
    assert outline.sections[0].title == "yes"
    assert [p.text for p in outline.sections[0].points] == ["1.10", "~x"]


def test_the_example_is_the_essay_nothing_lost(example_outline_path) -> None:
    from conftest import ESSAY

    outline = load_outline(example_outline_path)
    opening, *rest = [p for p in ESSAY.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert f"{outline.greeting} {outline.intro.script}" == opening.strip()
    headed = [(rest[i].strip(), rest[i + 1].strip()) for i in range(0, len(rest), 2)]
    assert [(s.title, s.script) for s in outline.sections] == headed
    for segment in (outline.intro, *outline.sections):
        assert 3 <= len(segment.points) <= 5
        assert segment.notes


def test_control_characters_are_replaced_consistently() -> None:
    """The rule is `deckmaker.characters`' (tests/test_characters.py tries every artifact)."""
    outline = parse_outline('title: "a\\x07b\\u200bc"\nsections: [{title: "x\\x00y"}]\n')
    assert outline.title == "a\ufffdb\u200bc"
    assert outline.sections[0].title == "x\ufffdy"


BAD = [
    # (outline text, line, what the message must say)
    ("title: T\nsections:\n  - title: A\n   points: [x\n", 4, "is not valid YAML"),
    ("# just a comment\n", 1, "the outline is empty"),
    ("title: T\nsections:\n\t- title: A\n", 3, "a tab: YAML indents with spaces only"),
    ("", 1, "the outline is empty"),
    ("titel: T\nsections: [{title: A}]\n", 1, "titel: unknown field; did you mean 'title'?"),
    ("title: T\nsections:\n  - title: A\n    pionts: [a]\n", 4, "sections[1].pionts: unknown"),
    ("title: T\nsections:\n  - title: A\n    flavour: red\n", 4, "allowed: title, points"),
    ("title: [a, b]\nsections: [{title: A}]\n", 1, "title: expected text, got a list"),
    ("title: T\nsections: just one\n", 2, "sections: expected a list of sections"),
    ("title: T\nsections:\n  - just a string\n", 3, "sections[1]: expected a mapping"),
    ("title: T\nsections: [{title: A, points: one}]\n", 2, "sections[1].points: expected a list"),
    ("title: T\nsections: [{title: A, notes: {a: b}}]\n", 2, "notes: expected a note"),
    ("title: T\nwpm: fast\nsections: [{title: A}]\n", 2, "wpm: expected a whole number"),
    ("title: T\nwpm: 9000\nsections: [{title: A}]\n", 2, "between 40 and 400"),
    ("sections: [{title: A}]\n", 1, "title: is required"),
    ("title: ''\nsections: [{title: A}]\n", 1, "title: is required and must not be empty"),
    ("title: T\n", 1, "sections: is required"),
    ("title: T\nsections: []\n", 2, "sections: needs at least one section"),
    ("title: T\nsections:\n  - points: [a]\n", 3, "sections[1].title: is required"),
    ("title: T\ntitle: U\nsections: [{title: A}]\n", 2, "title: appears twice (first on line 1)"),
    ("- a\n- b\n", 1, "expected a mapping of fields"),
    (
        "title: T\nsections:\n  - title: A\n    points:\n      - text: p\n        points:\n"
        "          - {text: deeper}\n",
        7,
        "points[1].points[1]: points nest one level only",
    ),
    ("title: T\nsections:\n  - title: A\n    points: [{points: [x]}]\n", 4, "text: is required"),
    ("title: !custom T\nsections: [{title: A}]\n", 1, "unsupported tag '!custom'"),
]


@pytest.mark.parametrize(("text", "line", "says"), BAD, ids=[b[2][:40] for b in BAD])
def test_bad_outline_is_located(text: str, line: int, says: str) -> None:
    with pytest.raises(DeckmakerError) as caught:
        parse_outline(text, "talk.yaml")
    first = str(caught.value.problems[0])
    assert says in str(caught.value)
    assert first.startswith(f"talk.yaml:{line}: ")
    assert "\n" not in first


def test_every_mistake_is_reported_at_once() -> None:
    with pytest.raises(DeckmakerError) as caught:
        parse_outline("titel: T\nsections:\n  - title: A\n    pionts: [a]\n  - 7: x\n", "t.yaml")
    lines = [p.line for p in caught.value.problems]
    assert lines == [1, 4, 5, 5]  # line 5: an unknown field, and no title


def test_misspelt_required_field_is_reported_once() -> None:
    with pytest.raises(DeckmakerError) as caught:
        parse_outline("titel: T\nsections: [{title: A}]\n", "t.yaml")
    assert len(caught.value.problems) == 1


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such file"),
        (b"title: caf\xe9\nsections: [{title: A}]\n", "is not UTF-8 text"),
    ],
)
def test_unreadable_files(tmp_path, content: bytes | None, says: str) -> None:
    path = tmp_path / "talk.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DeckmakerError, match=says):
        load_outline(path)


def test_a_folder_is_not_an_outline(tmp_path) -> None:
    with pytest.raises(DeckmakerError, match="is a folder"):
        load_outline(tmp_path)


def test_utf8_bom_is_accepted(tmp_path) -> None:
    path = tmp_path / "talk.yaml"
    path.write_bytes("\ufefftitle: Ça\nsections: [{title: A}]\n".encode())
    assert load_outline(path).title == "Ça"


def test_a_quote_is_text_or_text_with_attribution() -> None:
    outline = parse_outline(
        """\
title: T
sections:
  - title: A
    quote: Plain words.
  - title: B
    quote: {text: Attributed words., attribution: Somebody}
""",
        "q.yaml",
    )
    assert [s.quotes for s in outline.sections] == [
        (Quote("Plain words."),),
        (Quote("Attributed words.", "Somebody"),),
    ]


def test_several_quotes_each_shown_from_words_of_the_script() -> None:
    outline = parse_outline(
        """\
title: T
sections:
  - title: A
    script: Kelsey said it best. Then someone replied.
    quote:
      - {text: Be kind., attribution: Kelsey, said: Kelsey said}
      - {text: Agreed., attribution: "@someone", said: Then someone}
""",
        "q.yaml",
    )
    assert outline.sections[0].quotes == (
        Quote("Be kind.", "Kelsey", "Kelsey said"),
        Quote("Agreed.", "@someone", "Then someone"),
    )


def test_code_keeps_its_lines_case_and_quotes() -> None:
    outline = parse_outline(
        """\
title: T
sections:
  - title: A
    script: Here is the hook. It runs once.
    code:
      - language: JavaScript
        said: Here is the hook
        text: |

          useEffect(() => {
            document.title = 'You clicked ' + count + " times";   
          });

      - |
        this.props.fetchData()
""",
        "c.yaml",
    )
    assert outline.sections[0].code == (
        Code(
            "useEffect(() => {\n  document.title = 'You clicked ' + count + \" times\";\n});",
            "javascript",
            "Here is the hook",
        ),
        Code("this.props.fetchData()"),
    )


def test_a_table_is_a_header_and_rows_of_as_many_cells() -> None:
    outline = parse_outline(
        "title: T\nsections:\n  - title: A\n    table:\n      header: [Format, Suffix]\n"
        "      rows:\n        - [Plain text, .txt]\n        - [Markdown, ~]\n",
        "t.yaml",
    )
    assert outline.sections[0].tables == (
        Table(("Format", "Suffix"), (("Plain text", ".txt"), ("Markdown", ""))),
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "    table: {header: [a, b], rows: [[1], [1, 2]]}\n",
            "t.yaml:4: sections[1].table.rows[1]: has 1 cell where the header has 2 cells; "
            "give each row one cell per column (an empty cell is '')",
        ),
        (
            "    table: {header: [a], rows: [[[b]]]}\n",
            "t.yaml:4: sections[1].table.rows[1][1]: expected the text of a cell, got a list",
        ),
        (
            "    table: {header: [a]}\n",
            "t.yaml:4: sections[1].table.rows: is required and must not be empty",
        ),
        (
            "    code: ''\n",
            "t.yaml:4: sections[1].code: is empty; write the code or remove the field",
        ),
        (
            "    code: {language: python}\n",
            "t.yaml:4: sections[1].code.text: is required and must not be empty",
        ),
        (
            "    script: Words.\n    code: {text: x, said: Other words}\n",
            "t.yaml:5: sections[1].code.said: 'Other words' is not in this segment's script; "
            "copy the opening words of the sentence from which it is shown",
        ),
        (
            "    quote: {text: q, said: Words}\n",
            "t.yaml:4: sections[1].quote.said: there is no script to find these words in; add "
            "one or remove `said:`",
        ),
    ],
)
def test_bad_code_tables_and_quotes_are_located(text: str, says: str) -> None:
    with pytest.raises(DeckmakerError) as err:
        parse_outline(f"title: T\nsections:\n  - title: A\n{text}", "t.yaml")
    assert str(err.value) == says


def test_a_quote_needs_its_text() -> None:
    with pytest.raises(DeckmakerError) as err:
        parse_outline("title: T\nsections:\n  - title: A\n    quote: {attribution: X}\n", "q.yaml")
    assert str(err.value) == "q.yaml:4: sections[1].quote.text: is required and must not be empty"


def test_the_recording_fields() -> None:
    from deckmaker.duration import parse_duration

    got = parse_outline(
        "title: T\nvoice: talk\nduration: 12m30s\nhosts: [Sam, Alex]\nsections: [{title: A}]\n"
    )
    assert (got.voice, got.duration, got.hosts) == ("talk", 750, ("Sam", "Alex"))
    assert [parse_duration(t) for t in ("12", "90s", "1h5m", "12:30", "1:02:00", "0", "soon")] == [
        720, 90, 3900, 750, 3720, None, None,
    ]  # fmt: skip
    with pytest.raises(DeckmakerError) as caught:
        parse_outline("title: T\nhosts: [Sam]\nduration: [1]\nsections: [{title: A}]\n", "t.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "t.yaml:2: hosts: expected two names, got 1; write [A, B]",
        "t.yaml:3: duration: expected how long the talk should run; "
        "write it like 12m, 12m30s, 90s, 1h5m or 12:30",
    ]


def test_curly_quotes_is_true_or_false() -> None:
    assert parse_outline("title: T\ncurly_quotes: true\nsections: [{title: A}]\n").curly_quotes
    with pytest.raises(DeckmakerError) as err:
        parse_outline("title: T\ncurly_quotes: maybe\nsections: [{title: A}]\n", "q.yaml")
    assert str(err.value) == "q.yaml:2: curly_quotes: expected true or false"


def test_code_tables_and_quotes_are_written_back_as_read() -> None:
    from deckmaker.outline.write import write_outline

    outline = parse_outline(
        "title: T\nsections:\n  - title: A\n    script: Look here. Then there.\n"
        "    quote: [{text: Be kind., attribution: Kelsey, said: Then there}, Plain.]\n"
        "    code:\n      - language: python\n        said: Look here\n        text: |\n"
        "          def f(x):\n              return 'x'\n      - a()\n"
        "    table: {header: [a, b], rows: [['1', ''], [x, 'y: z']]}\n",
    )
    again = parse_outline(write_outline(outline))
    assert again.sections == outline.sections
    assert again.sections[0].code[0].text == "def f(x):\n    return 'x'"
