"""Every slide's title its own: a screen reader lists a deck by its titles, and PowerPoint's
Accessibility Checker warns of two slides with one. A title shown again (a list continued on a
further slide, a stretch of the same section after a quote) is numbered by the voice's
`continued` macro, "Sacrifices (2 of 3)", and fitted to its box again. A heading over more
than MAX_NUMBERED slides is too long a run for one title ("Why it matters (9 of 16)"): each
of its slides after the first takes a phrase of its own words instead, where it has one."""

from __future__ import annotations

from collections import Counter

from deckmaker.planning.fit import set_title
from deckmaker.planning.model import Kind, Layout, Part, SlidePlan, evolve
from deckmaker.planning.slides import COVER_TITLE_SIZES, TITLE_SIZES, Drafts
from deckmaker.typography import typeset
from deckmaker.words import LANGUAGES, detect_language, word_set

TITLE_WORDS = 6  # a point of more words is no heading
MAX_NUMBERED = 3  # "(3 of 3)" reads as one list continued; "(3 of 16)" as a section too long

# Slides whose title is a heading over what they show; a quote's or a statement's "title" is
# its words and a cover's the talk's, none numbered.
HEADED = (
    Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE, Layout.HEADER, Layout.CODE, Layout.TABLE,
)  # fmt: skip


def plain(title: str) -> str:
    """A title as words, whatever line breaks and no-break spaces fitting it set."""
    return " ".join(title.replace("\u00a0", " ").split())


def unique_titles(parts: list[Part], drafts: Drafts) -> list[Part]:
    """The parts with every title its own: a slide whose heading another shows takes its topic
    where it has one (`_topics_as_titles`); the rest of a heading's slides are numbered, those
    after a divider that shows it from 1, so that a section's first slide after its divider
    never reads as its second; a heading over more than MAX_NUMBERED slides gives way to each
    slide's own phrase first (`_phrases_as_titles`), an agenda's aside."""
    parts = _phrases_as_titles(_topics_as_titles(parts, drafts), drafts)
    opening = {id(p.slides[0]) for p in parts if p.slides and p.slides[0].layout is Layout.HEADER}
    slides = [s for p in parts for s in p.slides if _headed(s)]
    dividers = Counter(_key(s) for s in slides if id(s) in opening)
    count = Counter(_key(s) for s in slides if id(s) not in opening)
    seen: Counter[str] = Counter()

    def numbered(slide: SlidePlan) -> SlidePlan:
        if not _headed(slide):
            return slide
        key = _key(slide)
        if id(slide) in opening:  # two sections of one title: the second numbered
            seen["divider " + key] += 1
            number, total = seen["divider " + key], dividers[key]
        else:
            seen[key] += 1
            number, total = seen[key], count[key]
        # a section's divider shows the title already: every slide under it is numbered from 1
        under_divider = bool(dividers[key]) and id(slide) not in opening
        if not under_divider and (total == 1 or number == 1):
            return slide
        title = drafts.voice.say("continued", plain(slide.title), number, total)
        return retitled(slide, title, drafts)

    return [evolve(p, slides=tuple(numbered(s) for s in p.slides)) for p in parts]


def _key(slide: SlidePlan) -> str:
    return plain(slide.title).casefold()


def _topics_as_titles(parts: list[Part], drafts: Drafts) -> list[Part]:
    """Each slide whose heading an earlier slide shows (a divider, a section's first slide)
    titled by its topic instead, where it has one that no other part's slide is titled."""
    owners: dict[str, int] = {}  # each title shown, and the part that shows it
    for n, p in enumerate(parts):
        for s in p.slides:
            if _headed(s):
                owners.setdefault(_key(s), n)
    seen: set[str] = set()
    out = []
    for n, p in enumerate(parts):
        slides = []
        for s in p.slides:
            key = _key(s)
            if _headed(s) and key in seen and s.topic and s.layout is not Layout.HEADER:
                topic = plain(s.topic).casefold()
                if owners.setdefault(topic, n) == n:
                    s = retitled(s, s.topic, drafts)
            seen.add(key)
            slides.append(s)
        out.append(evolve(p, slides=tuple(slides)))
    return out


def _phrases_as_titles(parts: list[Part], drafts: Drafts) -> list[Part]:
    """Each slide of a heading shown on more than MAX_NUMBERED slides titled by the heading
    it lists under (`_listed`), or, after the first (a divider aside), by a short noun phrase
    of its own words: its points and what is said over it, weighed against its neighbours'
    (`part_titles.titles`, as an essay's parts are named), one no other slide is titled. A
    slide with neither stays numbered with the rest."""
    runs: dict[str, list[SlidePlan]] = {}
    for s in (s for p in parts for s in p.slides):  # an agenda is a list continued: numbered
        if _headed(s) and s.layout is not Layout.HEADER and s.kind is not Kind.AGENDA:
            runs.setdefault(_key(s), []).append(s)
    long = [run for run in runs.values() if len(run) > MAX_NUMBERED]
    if not long:
        return parts
    from deckmaker.essay.part_titles import titles  # only decks with a run this long need it

    taken = {_key(s) for p in parts for s in p.slides}
    phrased: dict[int, str] = {}
    for whole in long:
        listed = _listed(whole, taken)
        phrased.update(listed)
        taken |= {plain(h).casefold() for h in listed.values()}
        run = [s for s in _own(whole) if id(s) not in listed]
        words = [(*_shown(s), *s.spoken) for s in run]
        language = detect_language(" ".join(w for said in words for w in said))
        if language not in LANGUAGES:
            continue
        for slide, phrase in zip(run, titles(words, language), strict=True):
            key = plain(phrase).casefold()
            if key not in taken and _named(phrase):
                taken.add(key)
                phrased[id(slide)] = typeset(phrase)
    return [
        evolve(
            p,
            slides=tuple(
                retitled(_unheaded(s, phrased[id(s)]), phrased[id(s)], drafts)
                if id(s) in phrased
                else s
                for s in p.slides
            ),
        )
        for p in parts
    ]


def _unheaded(slide: SlidePlan, title: str) -> SlidePlan:
    """The slide without the point its title now shows ("Colors" over "Colors", its names
    under it), its sub-points left as they stand; kept where each point is a click."""
    b = slide.bullets
    if slide.reveal or not b or b[0].text != title or len(b) < 2:
        return slide
    return evolve(slide, bullets=b[1:])


def _own(run: list[SlidePlan]) -> list[SlidePlan]:
    """The slides of a run that may take a title of their own: after its first, each but a
    table's rows continued under its header (a quote or a statement in a body box under its
    section's title takes a phrase of its words, as a pull quote's heading does)."""
    return [
        s
        for before, s in zip(run, run[1:], strict=False)
        if not (s.table and before.table[:1] == s.table[:1])
    ]


def _listed(run: list[SlidePlan], taken: set[str]) -> dict[int, str]:
    """Slides of a run that list under one heading of their own (one point of a few words,
    all the rest sub-points under it: a subsection's heading, "Colors", its names), titled by it,
    and a slide that goes on with its sub-points by it too (numbered then: "Colors (2 of 2)");
    by slide, a heading no other slide shows."""
    out: dict[int, str] = {}
    heading = None
    for slide in run:
        b = slide.bullets
        under = len(b) > 1 and b[0].level == 0 and all(x.level == 1 for x in b[1:])
        if under and _heading_like(b[0].text):
            heading = b[0].text if plain(b[0].text).casefold() not in taken else None
        elif not b or b[0].level == 0:
            heading = None
        if heading:
            out[id(slide)] = heading
    return out


def _heading_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= TITLE_WORDS and not text.rstrip().endswith((".", "!", "?", ":"))


def _shown(slide: SlidePlan) -> tuple[str, ...]:
    """The words a slide shows under its title: its points, or its quote in a body box."""
    if slide.quote_in_body and slide.subtitle:
        return (slide.subtitle,)
    return tuple(b.text for b in slide.bullets)


def _named(phrase: str) -> bool:
    """Whether a phrase names something: not the fallback "Part 3", nor a lone participle
    a few sentences were too few to tell from a noun ("The looked"), nor what any slide of
    code could be titled ("An example", "The output", "The code behind")."""
    words = phrase.split()
    last = words[-1]
    alone = len(words) <= 2 and last.islower() and last.endswith(("ed", "ing"))
    bare = len(words) <= 2 and last.casefold() in _ANY_SLIDE  # "The code", not "The glue code"
    dangling = last.casefold() in _PLACES  # "The code behind"
    return not phrase.startswith("Part ") and not (alone or bare or dangling)


# A word that, with only an article, would title any slide of a technical talk: it names nothing
_ANY_SLIDE = word_set(
    """example examples output following look looks moment code help
    ejemplo ejemplos salida vistazo momento código"""
)
_PLACES = word_set("behind below above beneath")  # "… behind": the phrase goes on


def _headed(slide: SlidePlan) -> bool:
    """Titled by a heading: a slide of points, a picture, a divider, a quote in a body box
    under its section's title."""
    return slide.layout in HEADED or slide.quote_in_body


def retitled(slide: SlidePlan, title: str, drafts: Drafts) -> SlidePlan:
    """The slide under another title, at the size its box fits it at (never larger)."""
    f = drafts.frames
    box, sizes = (
        (f.header_title, COVER_TITLE_SIZES)
        if slide.layout is Layout.HEADER
        else (
            f.title,
            TITLE_SIZES,
        )
    )
    fitting = tuple(s for s in sizes if s <= slide.title_pt) or sizes[-1:]
    size = drafts.fit(title, box, fitting, "title")
    return evolve(slide, title=set_title(title, size, box, f.title_font), title_pt=size)
