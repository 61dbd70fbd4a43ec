"""What the fuzz tests generate and how they judge a build, apart from the tests themselves.

Inputs: outlines (valid structure with hostile text, random structure, and good YAML with raw
characters spliced in or cut out) and essays (plain text and Markdown), all with text drawn from
every plane of Unicode, surrogates and control characters included, the strings that break
formats (Markdown, SRT, HTML, cue marks, YAML's own syntax) and empty and huge strings.

Judging: `fast_findings` runs the judges that need no other process on every artifact of a
build (lxml without recovery on every part of the deck, pymarkdownlnt's API, the `srt`
package's round trip, the chapters schema, the strict plain-text checks) and checks that the
cues are in step: the deck has one slide per cue, in order, and each slide's notes are the
words said under its cue in the teleprompter text and the page.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

import judges
import yaml
from hypothesis import strategies as st
from judges.script import MARKDOWN_RULES_OFF
from lxml import etree, html

from deckmaker.bundle import bundled
from deckmaker.characters import unfit_in
from deckmaker.pipeline import Built
from deckmaker.planning import SlidePlan
from deckmaker.render.deck import speaker_notes

# Strings that have broken, or could break, one format or another.
NASTY = (
    "\x00", "\x07", "\x08", "\x1b", "\x1f", "\x7f", "\x85", "\x9f", "\ud800", "\udfff",
    "\ud83d\ude00", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff", "\u2028",
    "\u2029", "\x0b", "\x0c", "\t", "\r", "\r\n", "\n", "\n\n", " ", "\u00a0", "\u200b",
    "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd",
    "👩‍👩‍👧‍👦", "🇫🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👍🏽", "e\u0301", "Ame\u0301lie", "Z̷̢͎a̸l̴g̵o̶", "ﷺ", "العربية",
    "עברית", "漢字", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\U000e0041", "\ue000", "<script>alert(1)</script>",
    "</p>", "<b>", "&amp;", "&", "<", ">", "]]>", "<!--", "-->", "00:00:01,000 --> 00:00:02,000",
    "**", "__", "*", "_", "`", "```", "~~~", "# ", "## ", "> ", "- ", "+ ", "1. ", "1) ",
    "[x](y)", "![i](j)", "|", "\\", "{{ x }}", "{% if x %}", "{#", "[SLIDE 2 · 0:01]",
    "[CLICK]", "[PAUSE]", "[pause]", "_x0007_", "'", '"', "’", "“", ":", ": ", "? ",
    "#", "%", "@", "!", "=", "---", "...", "…", "—", "-", "yes", "null", "~", "1e3", "0x1F",
    "https://example.org/" + "/".join(f"path-segment-{i}" for i in range(12)),
    "Donaudampfschifffahrtsgesellschaftskapitänswitwe" * 3, "x" * 200, "",
)  # fmt: skip
WORDS = (
    "the", "ending", "dreams", "Mia", "Sebastian", "jazz", "club", "sleep", "is", "cycles",
    "tomatoes", "need", "sun", "and", "but", "because", "we", "see", "it", "works", "why",
)  # fmt: skip

# Any code point, surrogates included (they reach an outline as YAML escapes). NUL only now and
# then (from NASTY): in a file it makes the file binary, refused before anything else is tried.
any_character = st.characters(exclude_categories=(), exclude_characters="\x00")
# An essay's characters: a surrogate cannot be written in a UTF-8 file (NASTY's make one that
# is refused as not UTF-8, now and then).
file_character = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
FILE_NASTY = tuple(n for n in NASTY if "\x00" not in n and not re.search("[\ud800-\udfff]", n))
phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


def pieces(characters: st.SearchStrategy[str], nasty: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(nasty), st.text(characters, max_size=8), phrase, phrase)


def texts(piece: st.SearchStrategy[str], most: int) -> st.SearchStrategy[str]:
    """Pieces run together: mostly around words (a blank text is refused, and is tried)."""
    some = st.lists(piece, max_size=most // 2).map("".join)
    return st.one_of(
        st.lists(piece, min_size=1, max_size=most).map("".join),
        *[st.tuples(some, phrase, some).map("".join)] * 3,
    )


def shorts(piece: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Titles and names: mostly with words in them (a blank one is refused, and is tried)."""
    return st.one_of(
        st.lists(piece, min_size=1, max_size=3).map("".join),
        *[st.tuples(piece, phrase, piece).map("".join)] * 3,
    )


piece = pieces(any_character, NASTY)
short = shorts(piece)
hostile = texts(piece, 6)
huge = st.text(any_character, min_size=300, max_size=3000)
paragraphs = st.lists(st.one_of(hostile, hostile, huge), min_size=1, max_size=4).map("\n\n".join)

point = st.one_of(
    hostile,
    st.fixed_dictionaries(
        {"text": hostile}, optional={"points": st.lists(hostile, max_size=3), "said": hostile}
    ),
)
points = st.lists(point, max_size=6)
column = st.one_of(
    st.fixed_dictionaries({"title": short}, optional={"points": points}),
    st.fixed_dictionaries({"points": st.lists(point, min_size=1, max_size=6)}),
    points,
)
SEGMENT = {
    "points": points,
    "script": paragraphs,
    "notes": st.one_of(hostile, huge, st.lists(hostile, max_size=3)),
    "quote": st.one_of(
        hostile, st.fixed_dictionaries({"text": hostile}, optional={"attribution": short})
    ),
    "columns": st.lists(column, min_size=2, max_size=2),
}
segment = st.fixed_dictionaries({}, optional={"title": short, **SEGMENT})
section = st.fixed_dictionaries({"title": short}, optional=SEGMENT)
outline = st.fixed_dictionaries(
    {"title": short, "sections": st.lists(section, min_size=1, max_size=4)},
    optional={
        "subtitle": short, "host": short, "hosts": st.lists(short, min_size=2, max_size=2),
        "greeting": paragraphs, "signoff": paragraphs, "footer": short, "intro": segment,
        "outro": segment, "curly_quotes": st.booleans(), "reveal": st.booleans(),
        "voice": st.sampled_from(("video", "talk", "podcast")), "wpm": st.integers(40, 400),
        "pace": st.integers(10, 600), "duration": st.sampled_from(("1m", "12:30", "90s")),
    },
)  # fmt: skip

KEYS = (
    "title", "sections", "points", "script", "notes", "quote", "columns", "text", "said",
    "attribution", "hosts", "intro", "outro", "wpm", "pace", "reveal", "image", "theme",
)  # fmt: skip
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    hostile,
)
anything = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), short), inner, max_size=5),
    ),
    max_leaves=25,
)
random_outline = st.dictionaries(st.sampled_from(KEYS), anything, max_size=6)


@st.composite
def outline_file(draw: st.DrawFn) -> bytes:
    """Outline YAML as it may arrive: dumped in any style, perhaps then spliced or cut."""
    data = draw(st.one_of(outline, outline, outline, random_outline))
    dumped = yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from((False, None, True))),
        width=draw(st.sampled_from((80, 20, 1000))),
        sort_keys=False,
    )
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 3)))):
        at = draw(st.integers(0, len(dumped)))
        if draw(st.booleans()):
            dumped = dumped[:at] + draw(st.one_of(st.sampled_from(NASTY), hostile)) + dumped[at:]
        else:
            dumped = dumped[:at] + dumped[at + draw(st.integers(1, 20)) :]
    return dumped.encode("utf-8", "surrogatepass")  # a surrogate typed raw is not UTF-8


file_piece = pieces(file_character, FILE_NASTY)
file_short = shorts(file_piece)
file_text = texts(file_piece, 8)
file_huge = st.text(file_character, min_size=300, max_size=3000)
prose = st.one_of(file_text, file_text, file_huge)
inline = st.one_of(
    file_text,
    file_short.map(lambda t: f"*{t}*"),
    file_short.map(lambda t: f"**{t}**"),
    file_short.map(lambda t: f"`{t}`"),
    st.tuples(file_short, file_short).map(lambda t: f"[{t[0]}]({t[1]})"),
    st.sampled_from(("&#7;", "&#0;", "&#xD800;", "&#x1F600;", "&amp;", "<br>", "\\*")),
)
line = st.lists(inline, min_size=1, max_size=4).map(" ".join)
markdown_block = st.one_of(
    line,
    line,
    line.map(lambda t: f"### {t}"),
    st.lists(line, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(line, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    ),
    st.tuples(line, file_short).map(lambda q: f"> {q[0]}\n>\n> — {q[1]}"),
    file_text.map(lambda t: f"```\n{t}\n```"),
    file_text.map(lambda t: f"<div>{t}</div>"),
)


@st.composite
def essay_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, bytes) of an essay: plain text or Markdown, an opening and headed sections,
    LF or CRLF line ends, maybe a byte-order mark."""
    markdown = draw(st.booleans())
    blocks = draw(st.lists(markdown_block if markdown else prose, max_size=2))
    for _ in range(draw(st.integers(1, 4))):
        title = draw(file_short)
        blocks.append(f"{draw(st.sampled_from(('#', '##')))} {title}" if markdown else title)
        blocks += draw(st.lists(markdown_block if markdown else prose, min_size=1, max_size=3))
    body = "\n\n".join(blocks) + "\n"
    if draw(st.sampled_from((False,) * 30 + (True,))):  # a file that is not text after all
        body += draw(st.sampled_from(("\x00", "\udcff")))
    if draw(st.booleans()):
        body = body.replace("\n", "\r\n")
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (".md" if markdown else ".txt"), (bom + body).encode("utf-8", "surrogatepass")


# -- hostile themes and huge sizes (the long run) --------------------------------------------

THEME = bundled("themes") / "light.pptx"
# What a stranger's theme may do to a part of a good one.
XML_SPOILS = (
    lambda b, t: b[: len(b) * len(t) // 97],  # cut short
    lambda b, t: b.replace(b"?>", f'?><!DOCTYPE a [<!ENTITY x SYSTEM "{t}">]>'.encode(), 1),
    lambda b, t: re.sub(rb'type="\w+"', lambda m: f'type="{t}"'.encode(), b, count=1),
    lambda b, t: re.sub(
        rb'(c[xy]|[xy]|idx|sz|val)="[^"]*"', lambda m: m[1] + f'="{t}"'.encode(), b, count=1
    ),
    lambda b, t: re.sub(rb'Target="[^"]*"', lambda m: f'Target="{t}"'.encode(), b, count=1),
    lambda b, t: b.replace(b"<Relationship ", b'<Relationship TargetMode="External" ', 1),
    lambda b, t: re.sub(rb"<p:ph[^>]*/>", b"", b),
    lambda b, t: b + t.encode(),
)
theme_text = st.one_of(
    st.sampled_from(("bogus", "-1", "0", "1", "99999999999999", "../../x.xml", "/ppt/x.xml",
                     "file:///etc/passwd", "http://example.invalid/x", "", "&x;", "NaN", "1e9")),
    st.text(st.characters(codec="ascii", exclude_characters='"<>&'), max_size=12),
)  # fmt: skip


@st.composite
def theme_file(draw: st.DrawFn) -> bytes:
    """A theme as a stranger may send it: the shipped light theme with parts left out,
    spoiled (cut short, a DTD, a value out of range, a relationship led astray) or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(THEME) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        spoiled = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3))
        for name in names:
            body = src.read(name)
            if name in spoiled:
                if draw(st.integers(0, 4)) == 0:
                    continue  # left out
                body = draw(st.sampled_from(XML_SPOILS))(body, draw(theme_text))
            dst.writestr(name, body)
        for n in range(draw(st.sampled_from((0, 0, 1, 3)))):
            dst.writestr(f"ppt/{draw(theme_text) or 'x'}{n}.xml", draw(theme_text))
    return out.getvalue()


@st.composite
def huge_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, bytes) of an input at the sizes the limits allow, or just past them: many
    sections or points, one long point or script, a long essay of one section, aliases that
    expand it."""
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))) + ". "
    many = draw(st.sampled_from((100, 1_000, 6_000)))
    kind = draw(st.sampled_from(("sections", "points", "point", "script", "essay", "aliases")))
    if kind == "essay":
        return ".txt", ("A title\n\n" + words * (many * 2)).encode()
    if kind == "sections":
        body = "".join(f"  - title: S{i}\n    points: [{words}]\n" for i in range(many))
    elif kind == "points":
        body = "  - title: A\n    points:\n" + f"      - {words}\n" * many
    elif kind == "point":
        body = f"  - title: A\n    points: ['{words * many}']\n"
    elif kind == "script":
        body = f"  - title: A\n    script: '{words * many}'\n"
    else:
        body = "".join(f"  - {{title: S{i}, script: *s}}\n" for i in range(many // 100))
        return ".yaml", f"title: T\ngreeting: &s '{words * many}'\nsections:\n{body}".encode()
    return ".yaml", f"title: T\nsections:\n{body}".encode()


# -- judging --------------------------------------------------------------------------------

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
STRICT = etree.XMLParser(recover=False, resolve_entities=False)
CUE = re.compile(r"^\[(?:SLIDE|DIAPOSITIVA) (\d+) · ", re.MULTILINE)  # English, Spanish
_markdown = None


def fast_findings(built: Built) -> list[str]:
    """What the in-process judges find in a build's files, and cues out of step."""
    found: list[str] = []
    for kind, path in built.files.items():
        data = path.read_bytes()
        if kind != "deck" and unfit_in(data.decode("utf-8")):
            found.append(f"{path.name}: holds a character no artifact should [characters]")
        if kind == "deck":
            found += _deck(path, data, built)
        elif kind in ("script", "dialogue"):
            found += _markdown_findings(path)
            if kind == "dialogue":
                found += judges.dialogue_findings(path)
        elif kind == "txt":
            found += _teleprompter(path, built) + _txt_in_step(path, built)
        elif kind == "show-notes":
            found += judges.show_notes_findings(path)
        elif kind == "chapters":
            found += judges.chapters_findings(path)
        elif kind == "srt":
            found += _srt(path)
        elif kind == "html":
            found += _html_in_step(path, built)
    slides = len(built.plan.slides)
    for kind in ("script", "txt", "dialogue"):
        if kind in built.files:
            cues = [int(n) for n in CUE.findall(built.files[kind].read_text(encoding="utf-8"))]
            if cues != list(range(1, slides + 1)):
                found.append(f"{kind}: cues {cues[:10]} for {slides} slides [in step]")
    return found


def _deck(path: Path, data: bytes, built: Built) -> list[str]:
    """Every XML part parses without recovery and holds no unfit character, nothing links out
    or carries macros; slide N's notes are slide N's words said."""
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    trees = {}
    for name, raw in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                trees[name] = etree.fromstring(raw, STRICT)
            except etree.XMLSyntaxError as err:
                found.append(f"{path.name}:{name}: not well-formed ({err}) [lxml]")
            if unfit_in(raw.decode("utf-8")):
                found.append(f"{path.name}:{name}: holds an unfit character [characters]")
        if name.endswith(".rels") and b'TargetMode="External"' in raw:
            found.append(f"{path.name}:{name}: links outside the deck [inert]")
        if name.lower().endswith("vbaproject.bin"):
            found.append(f"{path.name}:{name}: carries macros [inert]")
    if found:
        return found
    order = [_target("ppt/presentation.xml", trees, e.get(f"{R}id"))
             for e in trees["ppt/presentation.xml"].iter(f"{P}sldId")]  # fmt: skip
    planned = built.plan.slides
    if len(order) != len(planned):
        return [f"{path.name}: {len(order)} slides for {len(planned)} cues [in step]"]
    for number, (slide, plan) in enumerate(zip(order, planned, strict=True), 1):
        notes = _notes(slide, trees)
        if notes != speaker_notes(plan, built.plan.notes_heading):
            found.append(f"{path.name}: slide {number}'s notes are not its words [in step]")
    return found


def _target(part: str, trees: dict, rid: str | None, kind: str = "") -> str:
    rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    for rel in trees[rels].iter(f"{REL}Relationship"):
        if rel.get("Id") == rid or (kind and rel.get("Type", "").endswith(kind)):
            return posixpath.normpath(posixpath.join(posixpath.dirname(part), rel.get("Target")))
    raise AssertionError(f"{part}: no relationship {rid or kind}")


def _notes(slide: str, trees: dict) -> str:
    """The text of the notes slide's body placeholder, as python-pptx's `notes_text_frame`
    reads it: paragraphs on lines of their own, a line break inside one as a newline."""
    notes = trees[_target(slide, trees, None, "/notesSlide")]
    for sp in notes.iter(f"{P}sp"):
        ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
        if ph is not None and ph.get("type") == "body":
            return "\n".join(
                "".join("\n" if e.tag == f"{A}br" else e.findtext(f"{A}t") or "" for e in p
                        if e.tag in (f"{A}r", f"{A}br"))
                for p in sp.iter(f"{A}p")
            )  # fmt: skip
    return ""


def _markdown_findings(path: Path) -> list[str]:
    global _markdown
    if _markdown is None:
        from pymarkdown.api import PyMarkdownApi

        _markdown = PyMarkdownApi()
        for rule in MARKDOWN_RULES_OFF:
            _markdown.disable_rule_by_identifier(rule)
    result = _markdown.scan_string(path.read_text(encoding="utf-8"))
    return [f"{path.name}:{f.line_number}: {f.rule_id} {f.rule_description} [pymarkdown]"
            for f in result.scan_failures]  # fmt: skip


def _srt(path: Path) -> list[str]:
    import srt

    text = path.read_text(encoding="utf-8")
    try:
        again = srt.compose(srt.parse(text))
    except srt.SRTParseError as err:
        return [f"{path.name}: {err} [srt]"]
    return [] if again == text else [f"{path.name}: changes when parsed and composed [srt]"]


def _teleprompter(path: Path, built: Built) -> list[str]:
    """The teleprompter judge, but for the Markdown it sees in the author's own words: the
    plain text shows those as typed (backticks, "# ", "1. "), as the judge cannot know."""
    plan = built.plan
    own = {plan.title, plan.subtitle, *(p for s in plan.slides for p in _voiced(s, plan.hosts))}
    own |= {f"({note})" for s in plan.slides for note in s.notes}
    lines = path.read_text(encoding="utf-8").split("\n")
    return [
        f
        for f in judges.teleprompter_findings(path)
        if not (m := re.match(r".*?:(\d+): markup in plain text", f))
        or _as_planned(lines[int(m.group(1)) - 1]) not in own
    ]


# The plan's marks as a Spanish script shows them (the voice's script_word), back to the plan's.
MARKS = re.compile(r"\[(PAUSA|CLIC)\]")


def _as_planned(line: str) -> str:
    return MARKS.sub(lambda m: "[PAUSE]" if m.group(1) == "PAUSA" else "[CLICK]", line)


def _voiced(slide: SlidePlan, hosts: tuple[str, ...]) -> list[str]:
    """The slide's paragraphs as the plain text and the page show them: in a talk for two
    hosts, each after its host's name ("Ana: …")."""
    if len(hosts) != 2 or len(slide.speakers) != len(slide.spoken):
        return list(slide.spoken)
    return [f"{hosts[h]}: {p}" for h, p in zip(slide.speakers, slide.spoken, strict=True)]


def _txt_in_step(path: Path, built: Built) -> list[str]:
    """Under each cue of the teleprompter text, that slide's words, paragraph by paragraph."""
    text = path.read_text(encoding="utf-8")
    found = []
    pieces = re.split(r"^\[(?:SLIDE|DIAPOSITIVA) \d+ · .*\]$", text, flags=re.MULTILINE)[1:]
    for number, (piece, slide) in enumerate(zip(pieces, built.plan.slides, strict=False), 1):
        lines = [_as_planned(line) for line in piece.split("\n")]
        wanted = _voiced(slide, built.plan.hosts)
        said = [line for line in lines if line in wanted]
        if said != wanted:
            found.append(f"{path.name}: cue {number} does not say slide {number}'s words [txt]")
    return found


def _html_in_step(path: Path, built: Built) -> list[str]:
    """The page parses, keeps its one script, and each cue holds its slide's words."""
    page = html.document_fromstring(path.read_bytes())
    found = []
    if len(page.findall(".//script")) != 1:
        found.append(f"{path.name}: {len(page.findall('.//script'))} scripts, not 1 [html]")
    cues = page.find_class("cue")
    if len(cues) != len(built.plan.slides):
        return found + [f"{path.name}: {len(cues)} cues for {len(built.plan.slides)} slides"]
    for cue, slide in zip(cues, built.plan.slides, strict=True):
        said = [_as_planned(p.text_content()) for p in cue.findall("p") if p.get("class") is None]
        if said != _voiced(slide, built.plan.hosts):
            found.append(f"{path.name}: cue {slide.number} does not say its words [html]")
    return found


def plan_findings(built: Built) -> list[str]:
    """The plan must hold no unfit character: the readers replaced them all."""
    plan = built.plan
    texts = [plan.title, plan.subtitle or "", plan.host or "", plan.footer or "", *plan.hosts]
    for slide in plan.slides:
        texts += [slide.title, slide.subtitle or "", *slide.spoken, *slide.notes]
        texts += [b.text for b in slide.bullets]
        texts += [b.text for c in slide.columns for b in c]
    return [f"the plan holds {t!r} [characters]" for t in texts if unfit_in(t)]
