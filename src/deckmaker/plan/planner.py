"""Plan the talk once: which slides, what is on each, and what the host says while it is up."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckmaker.errors import DeckmakerError
from deckmaker.outline import Column, Outline, Point, Segment
from deckmaker.plan.fit import (
    LINE_HEIGHT,
    SPACE_BEFORE,
    TITLE_LINE_HEIGHT,
    Box,
    body_height,
    largest_fitting,
    paginate,
    set_title,
    text_width,
    unwidowed_list,
)
from deckmaker.plan.fonts import ESTIMATE, Typeface
from deckmaker.plan.model import PAUSE, Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.plan.picture import fitted_picture
from deckmaker.plan.spoken import Topic, proper_words, said_points, talk, topic
from deckmaker.plan.voice import Voice
from deckmaker.typography import quoted, smarten

DEFAULT_WPM = 150
BODY_PT = 24  # lists are paginated at this size; never smaller (sub-points: 20)
BODY_SIZES = (32, 28, BODY_PT)  # a short list is set larger, to use the slide
COLUMN_SIZES = (28, BODY_PT, 22)  # sub-points in a column never below 18
NUMBER_GAP = 0.5  # between a number and its text, in ems: as a bullet's hanging indent leaves
FILL = 0.8  # a short list is spaced out to fill this much of its box, at most
TITLE_SIZES = (36, 32, 28, 24, 20)
DECK_TITLE_FLOOR = 28  # one title size for the deck, unless a title needs smaller than this
COVER_TITLE_SIZES = (48, 44, 40, 36, 32, 28, 24)
SUBTITLE_SIZES = (24, 20, 18, 16, 14)
QUOTE_SIZES = (40, 36, 32, 28, 24, 20)
LABEL_SIZES = (24, 20, 18, 16)
NUMERAL_SIZES = (120, 108, 96, 84, 72, 60)  # a divider's section number: large, or not at all
# A divider opens each section when the talk has this many sections or more and its sections
# average two slides or more; shorter talks show their structure through the numbered agenda.
DIVIDER_MIN_SECTIONS = 3
DIVIDER_MIN_SLIDES_PER_SECTION = 2

# A sentence ends at . ! ? or … (perhaps inside a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…]['\"’”)\]])\s+")
_PAUSE_MARK = re.compile(r"\[\s*pause\s*\]", re.I)


@dataclass(frozen=True)
class Frames:
    """The text boxes of the deck's theme that slides are fitted to, and its fonts. A box the
    theme lacks is None, and the slide falls back to a layout it has."""

    cover_title: Box
    cover_subtitle: Box
    title: Box
    body: Box
    header_title: Box
    header_label: Box | None = None
    header_number: Box | None = None  # room for the section's number on a divider
    quote: Box | None = None
    quote_by: Box | None = None
    columns: tuple[Box, Box] | None = None
    picture: Box | None = None
    title_font: Typeface = ESTIMATE  # bold, as titles are set
    body_font: Typeface = ESTIMATE


def plan_talk(
    outline: Outline,
    voice: Voice,
    frames: Frames,
    wpm: int | None = None,
    target: int | None = None,
    curly_quotes: bool = False,
) -> Plan:
    """`target`: seconds the talk should run (else the outline's `duration:`), for warnings.
    `curly_quotes` (or the outline's `curly_quotes:`) curls the quotes of the words said, as the
    slides' are: the deck's notes and every script format then show ’ “ ” alike."""
    plan = _Planner(outline, voice, frames).plan(wpm or outline.wpm or DEFAULT_WPM)
    plan = replace(plan, target=target or outline.duration)
    return _curled(plan) if curly_quotes or outline.curly_quotes else plan


def _curled(plan: Plan) -> Plan:
    """The plan with every text the script shows curled; slide text already is."""

    def curl(text: str | None) -> str | None:
        return smarten(text) if text else text

    def slide(s: SlidePlan) -> SlidePlan:
        return replace(
            s,
            spoken=tuple(smarten(p) for p in s.spoken),
            notes=tuple(smarten(n) for n in s.notes),
        )

    def part(p: Part) -> Part:
        slides = tuple(slide(s) for s in p.slides)
        return replace(p, title=curl(p.title), chapter=smarten(p.chapter), slides=slides)

    return replace(
        plan,
        title=smarten(plan.title),
        subtitle=curl(plan.subtitle),
        parts=tuple(part(p) for p in plan.parts),
    )


class _Planner:
    def __init__(self, outline: Outline, voice: Voice, frames: Frames) -> None:
        self.outline, self.voice, self.frames = outline, voice, frames
        self.count = 0  # slides planned so far
        self.proper = proper_words(outline)
        self.talk = talk(outline, self.proper)

    def plan(self, wpm: int) -> Plan:
        o = self.outline
        say = self.voice.say
        parts = [Part(None, Kind.INTRO, self.opening(), say("chapter_opening"))]
        count = len(o.sections)
        dividers = self.wants_dividers()
        for number, (section, said) in enumerate(zip(o.sections, self.talk.topics, strict=True), 1):
            opening = self.words(section)[0] if section.script else ""
            lead = say("transition", said, count, opening)
            label = say("part_label", number, count)
            slides = self.segment(Kind.SECTION, section, lead, label, dividers, number)
            parts.append(Part(section.title, Kind.SECTION, tuple(slides), section.title or ""))
        parts.append(Part(None, Kind.CLOSING, self.closing(), say("chapter_closing")))
        return Plan(
            o.title, o.subtitle, o.host, wpm, self.even_titles(parts), o.footer,
            voice=self.voice.name, hosts=o.hosts, notes_heading=say("notes_heading"),
        )  # fmt: skip

    def wants_dividers(self) -> bool:
        sections = self.outline.sections
        if len(sections) < DIVIDER_MIN_SECTIONS:
            return False
        shown = sum(len(self.visuals(s, s.title or "")) for s in sections)
        return shown >= DIVIDER_MIN_SLIDES_PER_SECTION * len(sections)

    # -- parts ----------------------------------------------------------------------------------

    def opening(self) -> tuple[SlidePlan, ...]:
        o, intro = self.outline, self.outline.intro
        greeting = o.greeting or self.voice.say("greeting", self.talk)
        spoken: tuple[str, ...] = (greeting,)
        notes: tuple[str, ...] = ()
        if intro and not intro.points:  # an intro with nothing to show is said over the cover
            spoken, notes = (greeting, *self.words(intro)), intro.notes
        subtitle = "\n".join(x for x in (o.subtitle, o.host) if x) or None
        slides = [self.cover(Kind.TITLE, o.title, subtitle, spoken, notes)]
        if intro and intro.points:
            slides += self.segment(Kind.INTRO, intro)
        titles = [s.title or "" for s in o.sections]  # validated: sections have titles
        agenda_title = self.voice.say("agenda_title")
        pages = self.bullet_pages(agenda_title, tuple(Bullet(t) for t in titles), numbered=True)
        starts = [1 + sum(len(p.bullets) for p in pages[:i]) for i in range(len(pages))]
        numbered = [
            replace(p, numbered_from=n, hanging=self.hanging(len(titles), p.body_pt))
            for p, n in zip(pages, starts, strict=True)
        ]
        agenda = (self.voice.say("agenda", self.talk.topics),)
        slides += self.said(numbered, agenda, (), Kind.AGENDA)
        return tuple(slides)

    def closing(self) -> tuple[SlidePlan, ...]:
        """The outro's slides, or a recap slide, while the spoken recap and then the outro's words
        are said; then the closing slide and the sign-off."""
        o, outro = self.outline, self.outline.outro
        # The recap comes first: the outro's own words are the author's last ones before the
        # sign-off ("That's all from me."), and a recap after them would reopen the talk.
        recap = self.voice.say("recap", self.talk.topics)
        said = (*((recap,) if recap else ()), *(self.words(outro) if outro else ()))
        notes = outro.notes if outro else ()
        if outro and outro.points:
            slides = self.segment(Kind.OUTRO, outro, recap or None)
            said, notes = (), ()
        else:
            slides = self.recap(said, notes)
            if slides:
                said, notes = (), ()
        signoff = o.signoff or self.voice.say("signoff", self.talk)
        title = self.voice.say("closing_title")
        slides.append(self.cover(Kind.CLOSING, title, o.host or o.title, (*said, signoff), notes))
        return tuple(slides)

    def recap(self, said: tuple[str, ...], notes: tuple[str, ...]) -> list[SlidePlan]:
        """A closing slide with each section and its first point, or the titles alone when
        that is too much for one slide; none for a one-section talk or when not even the
        titles fit one slide (the agenda listed them)."""
        sections = self.outline.sections
        if len(sections) < 2 or not said:  # nothing to say over it: no slide
            return []
        titles = [s.title or "" for s in sections]
        detailed = tuple(
            b
            for s in sections
            for b in (Bullet(s.title or ""), *(Bullet(p.text, 1) for p in s.points[:1]))
        )
        title = self.voice.say("recap_title")
        for bullets in (detailed, tuple(Bullet(t) for t in titles)):
            pages = self.bullet_pages(title, bullets)
            if len(pages) == 1:
                return self.said(pages, said, notes, Kind.CLOSING)
        return []

    def segment(
        self,
        kind: Kind,
        seg: Segment,
        lead: str | None = None,
        label: str | None = None,
        divided: bool = False,
        number: int = 0,
    ) -> list[SlidePlan]:
        """The slides of a segment: its divider, labelled `label`, when `divided` or when it has
        nothing else to show; then its points, columns, picture and quote. The words are
        shared out over them."""
        default = {Kind.INTRO: "intro_title", Kind.OUTRO: "outro_title"}
        title = seg.title or self.voice.say(default[kind])
        shown = self.visuals(seg, title)
        slides = [self.divider(title, label, number)] if divided or not shown else []
        spoken = self.words(seg)
        if slides and shown and lead:  # the divider is up while the section is announced
            slides = self.said(slides, (lead,), (), kind)
            return [*slides, *self.said(shown, spoken, seg.notes, kind)]
        return self.said([*slides, *shown], ((lead,) if lead else ()) + spoken, seg.notes, kind)

    def visuals(self, seg: Segment, title: str) -> list[SlidePlan]:
        slides: list[SlidePlan] = []
        if seg.points:
            slides += self.bullet_pages(title, _bullets(seg.points))
        if seg.columns:
            slides += self.columns(title, seg.columns)
        if seg.image:
            slides.append(self.picture(title, seg.image))
        if seg.quote:
            slides.append(self.quote(seg.quote.text, seg.quote.attribution))
        return slides

    def words(self, seg: Segment) -> tuple[str, ...]:
        """What the host says for a segment: its script, or sentences made from its points."""
        if seg.script:
            return tuple(_PAUSE_MARK.sub(PAUSE, p) for p in seg.script.split("\n\n"))
        if said_points(seg):  # its points, else its columns
            return (self.voice.say("from_points", self.topic_of(seg)),)
        return ()

    def said(
        self,
        slides: Sequence[SlidePlan],
        spoken: tuple[str, ...],
        notes: tuple[str, ...],
        kind: Kind,
    ) -> list[SlidePlan]:
        """Number the slides and share the words out over them, in proportion to what each
        shows; the notes go with the first, a "continued" note with each continuation."""
        said = _share(spoken, [max(1, len(s.bullets) + len(s.columns)) for s in slides])
        out = []
        for i, slide in enumerate(slides):
            continued = i > 0 and slide.layout is slides[i - 1].layout is Layout.CONTENT
            here = notes if i == 0 else ((self.voice.say("continued_note"),) if continued else ())
            numbered = replace(slide, number=self.next_number(), kind=kind)
            out.append(replace(numbered, spoken=said[i], notes=here))
        return out

    def next_number(self) -> int:
        self.count += 1
        return self.count

    def topic_of(self, seg: Segment) -> Topic:
        """The section's topic; the intro and the outro get one numbered 0."""
        for said, section in zip(self.talk.topics, self.outline.sections, strict=True):
            if section is seg:
                return said
        intro = seg is self.outline.intro
        fallback = self.voice.say("intro_title" if intro else "outro_title")
        order = 0 if intro else len(self.talk.topics) + 1
        return topic(0, order, seg, self.proper, fallback)

    # -- slides (drafts: numbered and given words by `said`) ------------------------------------

    def fit(
        self,
        text: str,
        box: Box,
        sizes: tuple[int, ...],
        what: str,
        max_lines: int = 3,
        written_as: str | None = None,  # what the outline says, when `text` adds to it
        font: Typeface | None = None,
    ) -> int:
        # titles by default; text in any other font (or a quote) is set at single leading
        line_height = LINE_HEIGHT if font else TITLE_LINE_HEIGHT
        size = largest_fitting(
            text, box, sizes, max_lines, font or self.frames.title_font, line_height
        )
        if size is None:
            raise self.error(
                f"the {what} '{text[:40]}…' is too long to fit its slide even at {sizes[-1]} pt; "
                "shorten it (put detail in the points or the script)",
                written_as or text,
            )
        return size

    def error(self, message: str, written: str) -> DeckmakerError:
        place = self.outline.places.get(written)
        return DeckmakerError.at(
            message,
            self.outline.source,
            place.line if place else None,
            place.field if place else None,
        )

    def cover(
        self,
        kind: Kind,
        title: str,
        subtitle: str | None,
        spoken: tuple[str, ...],
        notes: tuple[str, ...],
    ) -> SlidePlan:
        f = self.frames
        shown = smarten(title)
        sub_pt = 0
        if subtitle:
            shown_sub = smarten(subtitle)
            box = f.cover_subtitle
            sub_pt = self.fit(shown_sub, box, SUBTITLE_SIZES, "subtitle", 4, subtitle, f.body_font)
        size = self.fit(shown, f.cover_title, COVER_TITLE_SIZES, "title", written_as=title)
        return SlidePlan(
            number=self.next_number(),
            kind=kind,
            layout=Layout.COVER,
            title=set_title(shown, size, f.cover_title, f.title_font),
            title_pt=size,
            subtitle=smarten(subtitle) if subtitle else None,
            body_pt=sub_pt,
            spoken=spoken,
            notes=notes,
        )

    def divider(self, title: str, label: str | None, number: int = 0) -> SlidePlan:
        """A section's divider: its title large, its label ("Part 2 of 4"), and the section's
        number larger still ("02") where the theme leaves room for it above them."""
        f = self.frames
        shown = smarten(title)
        size = self.fit(shown, f.header_title, COVER_TITLE_SIZES, "title", written_as=title)
        label_pt = 0
        if label and f.header_label:
            label_pt = self.fit(label, f.header_label, LABEL_SIZES, "label", 1, font=f.body_font)
        title = set_title(shown, size, f.header_title, f.title_font)
        subtitle = label if label_pt else None
        slide = SlidePlan(0, Kind.SECTION, Layout.HEADER, title, size, subtitle, body_pt=label_pt)
        box = f.header_number
        if number and box:
            numeral = f"{number:02d}"
            numeral_pt = largest_fitting(numeral, box, NUMERAL_SIZES, 1, f.title_font)
            if numeral_pt:
                place = (box.left, box.top, box.width, box.height)
                return replace(slide, numeral=numeral, numeral_pt=numeral_pt, numeral_box=place)
        return slide

    def hanging(self, last: int, size: int) -> float:
        """How far a numbered list's text stands from the box's edge: the widest number
        ("12."), then a gap, the numbers hanging in it."""
        return round(text_width(f"{last}.", size, self.frames.body_font) + NUMBER_GAP * size, 1)

    def bullet_pages(
        self, title: str, bullets: tuple[Bullet, ...], numbered: bool = False
    ) -> list[SlidePlan]:
        """One slide, or several when the bullets do not fit one at the smallest body size;
        each page set as large, and spaced as widely, as its box allows. A `numbered` list is
        fitted with room for its numbers at the largest size."""
        f = self.frames
        if numbered:
            widest = self.hanging(len(bullets), BODY_SIZES[0])
            f = replace(f, body=replace(f.body, indent=max(f.body.indent, widest)))
        bullets = tuple(replace(b, text=smarten(b.text)) for b in bullets)
        pages = paginate(bullets, f.body, BODY_PT, f.body_font)
        titles = [smarten(title)]
        if len(pages) > 1:
            titles += [smarten(self.voice.say("continued", title))] * (len(pages) - 1)
        title_pt = self.fit(titles[-1], f.title, TITLE_SIZES, "title", written_as=title)
        # A section's pages share one size and one spacing, its smallest: a list that runs
        # on reads as one list, not as a last page suddenly set larger and spread out.
        f_body, font = f.body, f.body_font

        def largest(page: tuple[Bullet, ...]) -> int:
            fits = (s for s in BODY_SIZES if body_height(page, f_body, s, font) <= f_body.height)
            return next(fits, BODY_PT)

        size = min(largest(p) for p in pages)
        spacing = min(self.spacing(p, f_body, size, font) for p in pages)
        slides = [
            SlidePlan(
                0,
                Kind.SECTION,
                Layout.CONTENT,
                titles[i],
                title_pt,
                bullets=unwidowed_list(page, f_body, size, font),
                body_pt=size,
                spacing=spacing,
            )
            for i, page in enumerate(pages)
        ]
        return slides

    @staticmethod
    def spacing(page: Sequence[Bullet], box: Box, size: int, font: Typeface) -> float:
        """Space before each point: more for a short list, so it fills the box, not its top."""
        base = SPACE_BEFORE * size
        points = sum(1 for b in page if b.level == 0) or 1
        spare = box.height * FILL - body_height(page, box, size, font)
        return round(base + max(0.0, min(spare / points, 1.2 * size)), 1)

    def columns(self, title: str, columns: tuple[Column, ...]) -> list[SlidePlan]:
        """Two columns side by side; where the theme has no two-column layout or they do not
        fit, the same points as a list: each heading a point, its points below it."""
        f = self.frames
        sides = tuple(_column_bullets(c) for c in columns)
        if f.columns is not None:
            for size in COLUMN_SIZES:
                if all(
                    body_height(side, box, size, f.body_font) <= box.height
                    for side, box in zip(sides, f.columns, strict=False)
                ):
                    shown = smarten(title)
                    return [
                        SlidePlan(
                            0,
                            Kind.SECTION,
                            Layout.COLUMNS,
                            shown,
                            self.fit(shown, f.title, TITLE_SIZES, "title", written_as=title),
                            columns=tuple(
                                unwidowed_list(side, box, size, f.body_font)
                                for side, box in zip(sides, f.columns, strict=False)
                            ),
                            body_pt=size,
                            # two tidy lists under their headings, not spread to fill the box
                            spacing=round(SPACE_BEFORE * size, 1),
                        )
                    ]
        listed = [(Point(c.title, _texts(c.points)),) if c.title else c.points for c in columns]
        return self.bullet_pages(title, tuple(b for points in listed for b in _bullets(points)))

    def picture(self, title: str, image: str) -> SlidePlan:
        f = self.frames
        shown = smarten(title)
        box = f.picture or f.body
        try:
            placed = fitted_picture(image, box)
        except DeckmakerError as err:
            raise self.error(str(err.problems[0].message), image) from None
        size = self.fit(shown, f.title, TITLE_SIZES, "title", written_as=title)
        return SlidePlan(0, Kind.SECTION, Layout.IMAGE, shown, size, image=image, picture=placed)

    def quote(self, text: str, attribution: str | None) -> SlidePlan:
        f = self.frames
        shown = quoted(text)
        box = f.quote or f.header_title
        size = self.fit(shown, box, QUOTE_SIZES, "quote", 6, text, f.title_font)
        by = f"— {smarten(attribution)}" if attribution else None
        by_box = f.quote_by or f.header_label
        by_pt = 0
        if by and by_box:
            by_pt = self.fit(by, by_box, LABEL_SIZES, "attribution", 2, attribution, f.body_font)
        if by and not by_pt:  # a theme with nowhere else to put it: under the quote
            shown, by = f"{shown}\n{by}", None
            size = self.fit(shown, box, QUOTE_SIZES, "quote", 7, text, f.title_font)
        return SlidePlan(0, Kind.SECTION, Layout.QUOTE, shown, size, subtitle=by, body_pt=by_pt)

    # -- the deck as a whole --------------------------------------------------------------------

    def even_titles(self, parts: list[Part]) -> tuple[Part, ...]:
        """One title size for every titled slide: the largest at which all of them fit, unless
        one needs less than DECK_TITLE_FLOOR, which then keeps its own smaller size."""
        titled = (Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE)
        sizes = [s.title_pt for p in parts for s in p.slides if s.layout in titled]
        deck_pt = max(min(sizes, default=0), DECK_TITLE_FLOOR)
        box, font = self.frames.title, self.frames.title_font

        def evened(s: SlidePlan) -> SlidePlan:
            if s.layout not in titled:
                return s
            size = min(s.title_pt, deck_pt)
            return replace(s, title_pt=size, title=set_title(s.title, size, box, font))

        return tuple(replace(p, slides=tuple(evened(s) for s in p.slides)) for p in parts)


def _bullets(points: Sequence[Point]) -> tuple[Bullet, ...]:
    return tuple(b for p in points for b in (Bullet(p.text), *(Bullet(s, 1) for s in p.points)))


def _texts(points: Sequence[Point]) -> tuple[str, ...]:
    """Points and their sub-points as one flat list, for a column shown as sub-points."""
    return tuple(t for p in points for t in (p.text, *p.points))


def _column_bullets(column: Column) -> tuple[Bullet, ...]:
    heading = (Bullet(smarten(column.title), 0, heading=True),) if column.title else ()
    return heading + tuple(replace(b, text=smarten(b.text)) for b in _bullets(column.points))


def _share(paragraphs: tuple[str, ...], weights: list[int]) -> list[tuple[str, ...]]:
    """Split what is said over consecutive slides, in proportion to `weights`, at sentence ends."""
    if len(weights) == 1:
        return [paragraphs]
    sentences = [(i, s) for i, p in enumerate(paragraphs) for s in _SENTENCE_END.split(p) if s]
    total_words = sum(len(s.split()) for _, s in sentences) or 1
    total_weight = sum(weights)
    pages: list[list[tuple[int, str]]] = [[] for _ in weights]
    page, done, bound = 0, 0, weights[0] / total_weight
    for n, (i, s) in enumerate(sentences):
        left = len(sentences) - n
        move = pages[page] and (done / total_words >= bound or left <= len(weights) - page - 1)
        if move and page < len(weights) - 1:
            page += 1
            bound += weights[page] / total_weight
        pages[page].append((i, s))
        done += len(s.split())
    return [_rejoin(p) for p in pages]


def _rejoin(sentences: list[tuple[int, str]]) -> tuple[str, ...]:
    """Sentences back into their paragraphs."""
    paragraphs: dict[int, list[str]] = {}
    for i, s in sentences:
        paragraphs.setdefault(i, []).append(s)
    return tuple(" ".join(p) for p in paragraphs.values())
