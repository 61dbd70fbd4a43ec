"""Two hosts: who says each paragraph of the talk, decided with the rest of the plan.

Both hosts carry the talk. The words said are cut into turns at slide and paragraph boundaries
(a long paragraph also between sentences, every PIECE seconds or so; a sentence longer than
LONGEST, a long quotation, between the sentences it holds), and the turn passes to the other
host at a slide boundary once a host has spoken TURN seconds or more (twice that inside a
slide, unless the other host is behind their share, BALANCE for the co-host), so that the two
take turns every one to three slides. A host far from their share (the co-host under
BALANCE - 0.1, or over half) gives way or takes over after SCRAP seconds, inside a slide too.
Some words belong to one host:

- the main host (the first named) says the greeting, the sign-off, the answer to each of the
  co-host's questions, and every sentence in the author's own voice (the voice's
  `author_words`: "I", "my", "me"; a quotation's "I" is the quoted person's): the co-host never
  speaks the author's first person, though it may read the sentences around it that do not;
- the co-host asks the way into each section (the planner's `lead`, from the voice's `ask`);
- a run ("Firstly, … Secondly, …", the voice's `run_words`) stays with the host who began it.

When a host would speak past LONGEST seconds without a break, the other says a few words
between two paragraphs (the voice's `prompt`: a reaction to the line before, or a prompt to go
on). A host who takes over reading may first say a word that fits the line before (the voice's
`handoff`). The co-host greets after the main host's greeting (`cohost_hello`) and has the
last word before the sign-off (`cohost_goodbye`). Everything said counts in the timings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from deckmaker.planning.align import sentences
from deckmaker.planning.model import CLICK, PAUSE, Kind, Part, SlidePlan, evolve, word_count
from deckmaker.sentences import spans
from deckmaker.words import STOPWORDS

MAIN, COHOST = 0, 1
TURN = 20.0  # seconds a host speaks at least before the turn passes at a slide boundary
LONGEST = 90.0  # seconds a host speaks at most without the other saying a word
PIECE = 20.0  # a long paragraph may change hands between sentences, every so many seconds
SCRAP = 10.0  # a piece this short is said with the one before
RUN = 6  # a run's next step is looked for this many pieces ahead
BALANCE = 0.45  # the co-host's share of the words that the turns lean towards
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MARKS = re.compile(rf"(?:(?:{re.escape(PAUSE)}|{re.escape(CLICK)})\s*)+")  # before the words
_QUOTES = re.compile(r"[\"“”«»]")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»')
_COMMON = frozenset().union(*STOPWORDS.values())
_TITLED = re.compile(r"\s+(?!I\b)[A-ZÁÉÍÓÚÑ]")  # a second word with a capital: a title, a name
_SPLIT_LEAD = re.compile(r"[,\w]$")  # a hand-off that runs into the paragraph ("And", "So,")


@dataclass(frozen=True)
class _Unit:
    text: str
    slide: int  # index of its slide in the talk
    opens_slide: bool
    seconds: float
    fixed: int | None  # the host it belongs to, if one
    run: tuple[int, ...]  # the steps of a run it says ("Secondly" is 2), in order
    own: bool = False  # a line of the voice's that is one host's (a question, the greeting)
    goes_on: bool = False  # the rest of the paragraph the unit before began


@dataclass(frozen=True)
class Cast:
    """What the casting reads from the voice: `say(macro, *args)` and the talk's names."""

    say: Callable[..., str]
    proper: frozenset[str]
    wpm: int
    hello: tuple[str, ...]  # the greeting's paragraphs, as said
    signoff: tuple[str, ...]  # the sign-off's paragraphs, as said
    talk: object  # the voice's `talk`, for cohost_hello and cohost_goodbye
    voice: str  # video, talk, podcast: each has its own hand-offs
    reacts: tuple[tuple[str, str], ...] = ()  # a question of the co-host's, a word before it
    voiced: tuple[str, ...] = ()  # the voice's agenda and recap: no hand-off before them


def cast(parts: Sequence[Part], how: Cast) -> list[Part]:
    """The parts with each slide's paragraphs given to a host (`SlidePlan.speakers`), the
    co-host's own lines among them."""
    author = frozenset(how.say("author_words").lower().split("|")) - {""}
    steps = [w for w in how.say("run_words").lower().split("|") if w]
    slides = [s for p in parts for s in p.slides]
    units = _units(parts, how, author, steps)
    glued = _in_runs(units)
    said: list[list[tuple[int, str]]] = [[] for _ in slides]
    speaker, stretch, last_line = MAIN, 0.0, ""
    answer = False  # the unit after the co-host's question is the main host's answer
    words = [0, 0]  # said so far by each host
    handed = False  # whether the last change of speaker had a hand-off
    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        want = unit.fixed
        if want is None and answer:
            want = MAIN
        if want is None and glued[i]:
            want = speaker  # a run goes on in the voice that began it
        if want is None:
            other = 1 - speaker
            behind = (words[COHOST] < BALANCE * sum(words)) == (other == COHOST)
            wait = TURN if unit.opens_slide or behind else 2 * TURN
            more = word_count(unit.text)  # the co-host's share if the speaker said it too
            share = (words[COHOST] + more * speaker) / max(sum(words) + more, 1)
            if (other == COHOST and share < BALANCE - 0.1) or (other == MAIN and share > 0.5):
                wait = SCRAP  # one far behind takes the next piece, inside a slide too
            want = other if stretch >= wait else speaker
            if stretch + unit.seconds > LONGEST and stretch:
                want = other
            asks = nxt is not None and nxt.fixed == COHOST
            if asks and not behind and _fits(stretch, unit, speaker, MAIN):
                want = MAIN  # the co-host's question follows the main host's words
        text = unit.text
        if want == speaker and stretch and stretch + unit.seconds > LONGEST:
            line = how.say("prompt", last_line, text, how.voice)
            if line:  # the other host breaks a long stretch with a word
                said[unit.slide].append((1 - speaker, line))
                stretch = 0.0
        elif want == COHOST != speaker and unit.fixed == COHOST:  # a word on the host's line
            text = f"{dict(how.reacts).get(text, '')} {text}".strip()
        elif want != speaker and not unit.own and not answer and last_line and not handed:
            said_alone = " ".join(text.replace(PAUSE, " ").replace(CLICK, " ").split())
            lead = how.say("handoff", last_line, said_alone, how.voice)  # words, not marks
            text = _handed(lead, text, how.proper)
            handed = bool(lead)
        elif want != speaker:
            handed = False  # a hand-off at most every other change: more would be a tic
        if want != speaker:
            speaker, stretch = want, 0.0
        mine = said[unit.slide]
        if unit.goes_on and mine and mine[-1][0] == speaker:  # one host's paragraph, whole
            mine[-1] = (speaker, f"{mine[-1][1]} {text}")
        else:
            mine.append((speaker, text))
        stretch += _seconds(text, how.wpm)
        words[speaker] += word_count(text)
        answer = unit.fixed == COHOST and unit.text.rstrip().endswith("?")
        last_line = _last_sentence(text) or last_line
    return _placed(parts, said, how)


def _units(
    parts: Sequence[Part], how: Cast, author: frozenset[str], steps: list[str]
) -> list[_Unit]:
    """The words said, in turns' pieces: each slide's paragraphs, a long one cut once."""
    units: list[_Unit] = []
    n = 0
    for part in parts:
        for slide in part.slides:
            for k, paragraph in enumerate(slide.spoken):
                fixed = _owner(part, slide, paragraph, how)
                own = fixed is not None or _within(paragraph, how.voiced)
                for j, (piece, mine) in enumerate(_pieces(paragraph, how.wpm, own, author)):
                    owner = MAIN if fixed is None and mine else fixed
                    seconds = _seconds(piece, how.wpm)
                    opens = k == 0 and j == 0
                    units.append(
                        _Unit(piece, n, opens, seconds, owner, _run(piece, steps),
                              own=own, goes_on=j > 0)
                    )  # fmt: skip
            n += 1
    return units


def _owner(part: Part, slide: SlidePlan, paragraph: str, how: Cast) -> int | None:
    """The host a paragraph belongs to: the co-host's question, the main host's greeting and
    sign-off; None for the rest."""
    bare = " ".join(paragraph.replace(PAUSE, " ").replace(CLICK, " ").split())
    if part.kind is Kind.SECTION and part.lead and bare == part.lead and slide is part.slides[0]:
        return COHOST
    if _within(bare, how.hello) or _within(bare, how.signoff):
        return MAIN
    return None


def _pieces(
    paragraph: str, wpm: int, whole: bool, author: frozenset[str]
) -> list[tuple[str, bool]]:
    """A paragraph cut between sentences, each piece with whether it speaks in the author's
    first person. The author's "I" is kept apart from the sentences around it that do not say
    it (a stretch of SCRAP seconds or more of those is a piece either host may say), and a long
    stretch is cut into pieces of about PIECE seconds or more (the last one of SCRAP seconds or
    less goes with the one before). A sentence longer than LONGEST seconds (a long quotation) is
    cut between the sentences it holds. The voice's own lines (`whole`: a question, the
    greeting, the recap) are never cut."""
    if whole:
        return [(paragraph, _in_first_person(paragraph, author))]
    said: list[str] = []
    for s in sentences((paragraph,)):
        for text in _within_long(s.text, wpm):
            if said and text[:1].islower():  # no sentence's start: a quote's inner stop
                said[-1] = f"{said[-1]} {text}"
            else:
                said.append(text)
    groups: list[tuple[list[str], bool]] = []
    for text in said:
        mine = _in_first_person(text, author)
        if groups and groups[-1][1] == mine:
            groups[-1][0].append(text)
        else:
            groups.append(([text], mine))
    groups = _joined(groups, wpm)
    return [(piece, mine) for texts, mine in groups for piece in _cut(texts, wpm)]


def _joined(groups: list[tuple[list[str], bool]], wpm: int) -> list[tuple[list[str], bool]]:
    """Sentences without the author's "I" shorter than SCRAP seconds said with the author's
    words around them (a co-host reading one short line mid-story would chop it up)."""
    out: list[tuple[list[str], bool]] = []
    for texts, mine in groups:
        if out:
            before, was = out[-1]
            short = not mine and _seconds(" ".join(texts), wpm) < SCRAP
            short_before = not was and _seconds(" ".join(before), wpm) < SCRAP
            if was == mine or short or short_before:
                out[-1] = (before + texts, was or mine)
                continue
        out.append((texts, mine))
    return out


def _cut(texts: list[str], wpm: int) -> list[str]:
    """Sentences in pieces of about PIECE seconds or more, none at the end of SCRAP or less."""
    if _seconds(" ".join(texts), wpm) <= PIECE * 1.5:
        return [" ".join(texts)]
    out: list[list[str]] = [[]]
    for text in texts:
        if _seconds(" ".join(out[-1]), wpm) >= PIECE:
            out.append([])
        out[-1].append(text)
    if len(out) > 1 and _seconds(" ".join(out[-1]), wpm) <= SCRAP:
        tail = out.pop()
        out[-1] += tail
    return [" ".join(piece) for piece in out]


def _within_long(text: str, wpm: int) -> list[str]:
    """A sentence longer than LONGEST seconds cut between the sentences it quotes; others whole."""
    if _seconds(text, wpm) <= LONGEST:
        return [text]
    masked = _QUOTES.sub("|", text)  # the same length: the splitter then reads inside quotes
    return [text[a:b] for a, b in spans(masked)] or [text]


def _in_runs(units: Sequence[_Unit]) -> list[bool]:
    """Whether each unit is said inside a run: after a unit that says one step ("Firstly") and
    up to the one that says the next ("Secondly"), within RUN units."""
    glued = [False] * len(units)
    for i, unit in enumerate(units):
        for step in unit.run:
            ahead = units[i + 1 : i + 1 + RUN]
            end = next((k for k, u in enumerate(ahead, i + 1) if step + 1 in u.run), None)
            for k in range(i + 1, (end or i) + 1):
                glued[k] = True
    return glued


def _within(text: str, paragraphs: tuple[str, ...]) -> bool:
    """Whether `text` (its marks aside) is said in `paragraphs`: the greeting, the sign-off."""
    bare = " ".join(text.replace(PAUSE, " ").replace(CLICK, " ").split())
    return bool(bare) and any(bare in p for p in paragraphs)


def _in_first_person(text: str, author: frozenset[str]) -> bool:
    """Whether `text` says the author's "I" (a quotation's "I" is the quoted person's)."""
    said = _QUOTED.sub(" ", text)
    return any(w.lower().replace("’", "'") in author for w in _WORD.findall(said))


def _run(text: str, steps: list[str]) -> tuple[int, ...]:
    words = [w.lower() for w in _WORD.findall(text)]
    return tuple(steps.index(w) + 1 for w in words if w in steps)


def _fits(stretch: float, unit: _Unit, speaker: int, host: int) -> bool:
    return speaker != host or stretch + unit.seconds <= LONGEST


def _seconds(text: str, wpm: int) -> float:
    return word_count(text) * 60 / wpm


def _last_sentence(text: str) -> str:
    said = sentences((text,))
    return " ".join(said[-1].text.replace(PAUSE, " ").replace(CLICK, " ").split()) if said else ""


def _handed(lead: str, text: str, proper: frozenset[str]) -> str:
    """`text` after the hand-off `lead`: a sentence of its own, or a word that runs into it
    ("And it shows…"), the paragraph's first word then lowered when it is a common word ("The",
    "It") and kept when it is a name; any other first word might be a name the talk only writes
    at a sentence's start ("Bonaparte may talk…"), so nothing runs into it."""
    lead = lead.strip()
    marks = _MARKS.match(text)
    before, text = (marks.group(), text[marks.end() :]) if marks else ("", text)
    if not lead:
        return before + text
    if not _SPLIT_LEAD.search(lead):
        return f"{before}{lead} {text}"
    first = _WORD.match(text)
    if first is None:  # a quote first: read on as written
        return before + text
    word = first.group()
    if _TITLED.match(text, first.end()):
        return before + text  # a title first ("Getting Started with Go"): read on as written
    name = word.split("'")[0].split("’")[0] in proper or word == "I" or word[1:] != word[1:].lower()
    if name:
        return f"{before}{lead} {text}"
    if word.lower().replace("’", "'") in _COMMON:  # "The", "It’s": no name, lowered after "And"
        return f"{before}{lead} {word.lower()}{text[len(word) :]}"
    return before + text  # a word the talk never shows mid-sentence ("Bonaparte"): as written


def _placed(parts: Sequence[Part], said: list[list[tuple[int, str]]], how: Cast) -> list[Part]:
    """The parts with each slide's lines, the co-host's hello after the greeting and goodbye
    before the sign-off."""
    out: list[Part] = []
    n = 0
    for part in parts:
        slides = []
        for slide in part.slides:
            lines = said[n]
            if n == 0:
                lines = _after_greeting(lines, how)
            lines = _before_signoff(lines, how)
            slides.append(
                evolve(
                    slide, spoken=tuple(t for _, t in lines), speakers=tuple(h for h, _ in lines)
                )
            )
            n += 1
        out.append(evolve(part, slides=tuple(slides)))
    return out


def _after_greeting(lines: list[tuple[int, str]], how: Cast) -> list[tuple[int, str]]:
    hello = how.say("cohost_hello", how.talk, how.voice, " ".join(how.hello))
    if not hello:
        return lines
    at = 0
    while at < len(lines) and _within(lines[at][1], how.hello):
        at += 1
    return [*lines[:at], (COHOST, hello), *lines[at:]]


def _before_signoff(lines: list[tuple[int, str]], how: Cast) -> list[tuple[int, str]]:
    if not how.signoff:
        return lines
    for at, (_, text) in enumerate(lines):
        if _within(text, how.signoff):
            goodbye = how.say("cohost_goodbye", how.talk, how.voice)
            return [*lines[:at], (COHOST, goodbye), *lines[at:]] if goodbye else lines
    return lines
