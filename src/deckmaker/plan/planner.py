"""Plan the talk once: which slides, what is on each, and what the host says while it is up."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckmaker.errors import DeckmakerError
from deckmaker.outline import Outline, Point, Segment
from deckmaker.plan.fit import Box, largest_fitting, paginate
from deckmaker.plan.model import PAUSE, Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.plan.spoken import Topic, proper_words, talk, topic
from deckmaker.plan.voice import Voice

DEFAULT_WPM = 150
BODY_PT = 24
TITLE_SIZES = (36, 32, 28, 24, 20)
COVER_TITLE_SIZES = (48, 44, 40, 36, 32, 28, 24)
SUBTITLE_SIZES = (24, 20, 18, 16, 14)

# A sentence ends at . ! ? or … (perhaps inside a closing quote or bracket) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…]['\"’”)\]])\s+")
_PAUSE_MARK = re.compile(r"\[\s*pause\s*\]", re.I)


@dataclass(frozen=True)
class Frames:
    """The text boxes of the deck's theme that slides are fitted to."""

    cover_title: Box
    cover_subtitle: Box
    title: Box
    body: Box
    header_title: Box


def plan_talk(
    outline: Outline,
    voice: Voice,
    frames: Frames,
    wpm: int | None = None,
    target: int | None = None,
) -> Plan:
    """`target`: seconds the talk should run (else the outline's `duration:`), for warnings."""
    plan = _Planner(outline, voice, frames).plan(wpm or outline.wpm or DEFAULT_WPM)
    return replace(plan, target=target or outline.duration)


class _Planner:
    def __init__(self, outline: Outline, voice: Voice, frames: Frames) -> None:
        self.outline, self.voice, self.frames = outline, voice, frames
        self.count = 0  # slides planned so far
        self.proper = proper_words(outline)
        self.talk = talk(outline, self.proper)

    def next_number(self) -> int:
        self.count += 1
        return self.count

    def plan(self, wpm: int) -> Plan:
        o = self.outline
        say = self.voice.say
        parts = [Part(None, Kind.INTRO, self.opening(), say("chapter_opening"))]
        count = len(o.sections)
        for section, said in zip(o.sections, self.talk.topics, strict=True):
            opening = self.words(section)[0] if section.script else ""
            lead = self.voice.say("transition", said, count, opening)
            parts.append(
                Part(
                    section.title,
                    Kind.SECTION,
                    tuple(self.segment(Kind.SECTION, section, lead)),
                    section.title or "",
                )
            )
        parts.append(Part(None, Kind.CLOSING, self.closing(), say("chapter_closing")))
        return Plan(
            o.title, o.subtitle, o.host, wpm, tuple(parts),
            voice=self.voice.name, hosts=o.hosts, notes_heading=self.voice.say("notes_heading"),
        )  # fmt: skip

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
        slides += self.bulleted(
            Kind.AGENDA,
            self.voice.say("agenda_title"),
            tuple(Bullet(t) for t in titles),
            (self.voice.say("agenda", self.talk.topics),),
            (),
        )
        return tuple(slides)

    def closing(self) -> tuple[SlidePlan, ...]:
        o, outro = self.outline, self.outline.outro
        slides: list[SlidePlan] = []
        spoken: tuple[str, ...] = ()
        notes: tuple[str, ...] = ()
        if outro and outro.points:
            slides += self.segment(Kind.OUTRO, outro)
        elif outro:
            spoken, notes = self.words(outro), outro.notes
        recap = self.voice.say("recap", self.talk.topics)  # the gist, before saying goodbye
        signoff = o.signoff or self.voice.say("signoff", self.talk)
        spoken = (*spoken, *((recap,) if recap else ()), signoff)
        title = self.voice.say("closing_title")
        slides.append(self.cover(Kind.CLOSING, title, o.host or o.title, spoken, notes))
        return tuple(slides)

    def segment(self, kind: Kind, seg: Segment, lead: str | None = None) -> list[SlidePlan]:
        default = {Kind.INTRO: "intro_title", Kind.OUTRO: "outro_title"}
        title = seg.title or self.voice.say(default[kind])
        spoken = ((lead,) if lead else ()) + self.words(seg)
        return self.bulleted(kind, title, _bullets(seg.points), spoken, seg.notes)

    def words(self, seg: Segment) -> tuple[str, ...]:
        """What the host says for a segment: its script, or sentences made from its points."""
        if seg.script:
            return tuple(_PAUSE_MARK.sub(PAUSE, p) for p in seg.script.split("\n\n"))
        if seg.points:
            return (self.voice.say("from_points", self.topic_of(seg)),)
        return ()

    def topic_of(self, seg: Segment) -> Topic:
        """The section's topic; the intro and the outro get one numbered 0."""
        for said, section in zip(self.talk.topics, self.outline.sections, strict=True):
            if section is seg:
                return said
        intro = seg is self.outline.intro
        fallback = self.voice.say("intro_title" if intro else "outro_title")
        order = 0 if intro else len(self.talk.topics) + 1
        return topic(0, order, seg, self.proper, fallback)

    # -- slides ---------------------------------------------------------------------------------

    def fit(
        self,
        text: str,
        box: Box,
        sizes: tuple[int, ...],
        what: str,
        max_lines: int = 3,
        written_as: str | None = None,  # what the outline says, when `text` adds to it
    ) -> int:
        size = largest_fitting(text, box, sizes, max_lines)
        if size is None:
            written = self.outline.places.get(written_as or text)
            raise DeckmakerError.at(
                f"the {what} '{text[:40]}…' is too long to fit its slide even at {sizes[-1]} pt; "
                "shorten it (put detail in the points or the script)",
                self.outline.source,
                written.line if written else None,
                written.field if written else None,
            )
        return size

    def cover(
        self,
        kind: Kind,
        title: str,
        subtitle: str | None,
        spoken: tuple[str, ...],
        notes: tuple[str, ...],
    ) -> SlidePlan:
        f = self.frames
        sub_pt = 0
        if subtitle:
            sub_pt = self.fit(subtitle, f.cover_subtitle, SUBTITLE_SIZES, "subtitle", max_lines=4)
        return SlidePlan(
            number=self.next_number(),
            kind=kind,
            layout=Layout.COVER,
            title=title,
            title_pt=self.fit(title, f.cover_title, COVER_TITLE_SIZES, "title"),
            subtitle=subtitle,
            body_pt=sub_pt,
            spoken=spoken,
            notes=notes,
        )

    def bulleted(
        self,
        kind: Kind,
        title: str,
        bullets: tuple[Bullet, ...],
        spoken: tuple[str, ...],
        notes: tuple[str, ...],
    ) -> list[SlidePlan]:
        """One slide, or several when the bullets do not fit one; the words are shared out.
        With no bullets at all, a section header: a big title alone rather than an empty box."""
        if not bullets:
            size = self.fit(title, self.frames.header_title, COVER_TITLE_SIZES, "title")
            return [
                SlidePlan(
                    self.next_number(), kind, Layout.HEADER, title, size, spoken=spoken, notes=notes
                )
            ]
        pages = paginate(bullets, self.frames.body, BODY_PT)
        titles = [title]
        if len(pages) > 1:
            titles += [self.voice.say("continued", title)] * (len(pages) - 1)
        title_pt = self.fit(titles[-1], self.frames.title, TITLE_SIZES, "title", written_as=title)
        said = _share(spoken, [max(1, len(p)) for p in pages])
        cont_note = (self.voice.say("continued_note"),) if len(pages) > 1 else ()
        return [
            SlidePlan(
                number=self.next_number(),
                kind=kind,
                layout=Layout.CONTENT,
                title=titles[i],
                title_pt=title_pt,
                bullets=page,
                body_pt=BODY_PT,
                spoken=said[i],
                notes=notes if i == 0 else cont_note,
            )
            for i, page in enumerate(pages)
        ]


def _bullets(points: Sequence[Point]) -> tuple[Bullet, ...]:
    return tuple(b for p in points for b in (Bullet(p.text), *(Bullet(s, 1) for s in p.points)))


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
