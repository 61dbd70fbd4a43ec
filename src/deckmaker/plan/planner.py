"""Plan the talk once: which slides, what is on each, and what the host says while it is up."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from deckmaker.outline import Outline, Segment
from deckmaker.plan.model import PAUSE, Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.plan.slides import Drafts, Frames, bullets
from deckmaker.plan.spoken import Topic, proper_words, said_points, talk, topic
from deckmaker.plan.voice import Voice
from deckmaker.typography import smarten

DEFAULT_WPM = 150
# A divider opens each section when the talk has this many sections or more and its sections
# average two slides or more; shorter talks show their structure through the numbered agenda.
DIVIDER_MIN_SECTIONS = 3
DIVIDER_MIN_SLIDES_PER_SECTION = 2

# A sentence ends at . ! ? or … (perhaps inside a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…]['\"’”)\]])\s+")
_PAUSE_MARK = re.compile(r"\[\s*pause\s*\]", re.I)


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
        self.outline, self.voice = outline, voice
        self.drafts = Drafts(outline, voice, frames)
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
            o.title, o.subtitle, o.host, wpm, self.drafts.even_titles(parts), o.footer,
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
        slides = self.said([self.drafts.cover(o.title, subtitle)], spoken, notes, Kind.TITLE)
        if intro and intro.points:
            slides += self.segment(Kind.INTRO, intro)
        titles = [s.title or "" for s in o.sections]  # validated: sections have titles
        agenda_title = self.voice.say("agenda_title")
        listed = tuple(Bullet(t) for t in titles)
        pages = self.drafts.bullet_pages(agenda_title, listed, numbered=True)
        starts = [1 + sum(len(p.bullets) for p in pages[:i]) for i in range(len(pages))]
        numbered = [
            replace(p, numbered_from=n, hanging=self.drafts.hanging(len(titles), p.body_pt))
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
        cover = self.drafts.cover(title, o.host or o.title)
        slides += self.said([cover], (*said, signoff), notes, Kind.CLOSING)
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
        for shown in (detailed, tuple(Bullet(t) for t in titles)):
            pages = self.drafts.bullet_pages(title, shown)
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
        slides = [self.drafts.divider(title, label, number)] if divided or not shown else []
        spoken = self.words(seg)
        if slides and shown and lead:  # the divider is up while the section is announced
            slides = self.said(slides, (lead,), (), kind)
            return [*slides, *self.said(shown, spoken, seg.notes, kind)]
        return self.said([*slides, *shown], ((lead,) if lead else ()) + spoken, seg.notes, kind)

    def visuals(self, seg: Segment, title: str) -> list[SlidePlan]:
        slides: list[SlidePlan] = []
        if seg.points:
            slides += self.drafts.bullet_pages(title, bullets(seg.points))
        if seg.columns:
            slides += self.drafts.columns(title, seg.columns)
        if seg.image:
            slides.append(self.drafts.picture(title, seg.image))
        if seg.quote:
            slides.append(self.drafts.quote(seg.quote.text, seg.quote.attribution))
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
