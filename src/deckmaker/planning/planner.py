"""Plan the talk once: which slides, what is on each, and what the host says while it is up."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from deckmaker.errors import DeckmakerError
from deckmaker.options import DEFAULT_WPM, DEFAULTS, MAX_SLIDE_SECONDS, Options
from deckmaker.outline import Code, Column, Outline, Point, Quote, Segment
from deckmaker.planning.align import Sentence, align, anchored, filled, paragraphs, sentences
from deckmaker.planning.finishing import finished
from deckmaker.planning.model import (
    CLICK,
    PAUSE,
    PAUSE_SECONDS,
    Bullet,
    Kind,
    Layout,
    Part,
    Plan,
    SlidePlan,
    evolve,
    pause_count,
    word_count,
)
from deckmaker.planning.notes import placed
from deckmaker.planning.pace import (
    MIN_SECONDS,
    Shown,
    Span,
    ended,
    ends_sentence,
    lengthened,
    pull_quotes,
    spans,
)
from deckmaker.planning.pauses import held
from deckmaker.planning.picture import picture_warnings
from deckmaker.planning.slides import Drafts, bullets
from deckmaker.planning.spoken import (
    Topic,
    detected_language,
    proper_words,
    said_points,
    talk,
    topic,
)
from deckmaker.planning.statements import Statements
from deckmaker.planning.titles import plain, unique_titles
from deckmaker.planning.voice import Voice
from deckmaker.theme.frames import Frames
from deckmaker.typography import smarten, typeset
from deckmaker.words import LANGUAGES

# A divider opens each section when the talk has this many sections or more and its sections
# average two slides or more; shorter talks show their structure through the numbered agenda.
DIVIDER_MIN_SECTIONS = 3
DIVIDER_MIN_SLIDES_PER_SECTION = 2
# The closing slide's message is one of the last this many sentences of the author's.
LAST_SENTENCES = 3
BUDGET_ROUNDS = 4  # plans made again at most to keep quotes and statements under their share
_PAUSE_MARK = re.compile(r"\[\s*pause\s*\]", re.I)
# What is said over a slide the script never reaches, by what it shows (voice macros).
_MORE = {Layout.CODE: "more_code", Layout.TABLE: "more_table"}
# Code blocks said this close together share a slide, when they fit it in this many rows.
SHARED_SECONDS, SHARED_ROWS = 20, 10
# A point this short that ends no sentence reads as a heading: a subsection's, in an essay.
TOPIC_WORDS = 8
TOPICAL = (Layout.CODE, Layout.TABLE)  # slides titled by the heading said as they come up
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "…")


def plan_talk(outline: Outline, voice: Voice, frames: Frames, options: Options = DEFAULTS) -> Plan:
    """The plan of `outline`, with each option not given taken from the outline (see
    `Options.resolved`). `target`: seconds the talk should run, for warnings. `curly_quotes`
    curls the quotes of the words said, as the slides' are: the deck's notes and every script
    format then show ’ “ ” alike. `max_slide_seconds` is the longest a slide stays up; `reveal`
    shows each bullet on a click, marked [CLICK] where it is said."""
    chosen = options.resolved(outline)
    if chosen.hosts:  # --hosts names the dialogue's hosts, as `hosts:` does
        outline = evolve(outline, hosts=chosen.hosts)
    limit = chosen.max_slide_seconds or MAX_SLIDE_SECONDS
    rate = chosen.wpm or DEFAULT_WPM
    planner = _Planner(outline, voice, frames, limit, chosen.reveal)
    plan = planner.plan(rate)
    # Too many statements: plan again with those the deck can hold. A stretch that loses its
    # statement is said over a neighbour, so the deck has fewer slides than the budget counted
    # on: budget again from what was planned, until the share holds (fewer each time).
    for _ in range(BUDGET_ROUNDS):
        allowed = planner.statements.budget(plan)
        if allowed is None:
            break
        planner = _Planner(outline, voice, frames, limit, chosen.reveal, allowed)
        plan = planner.plan(rate)
    said = (voice.warning,) if voice.warning else ()
    heavy = picture_warnings((s.image for s in plan.slides if s.image), outline)
    plan = evolve(plan, target=chosen.target, read_warnings=(*outline.warnings, *said, *heavy))
    return _curled(plan) if chosen.curly_quotes else plan


def _curled(plan: Plan) -> Plan:
    """The plan with every text the script shows curled; slide text already is."""

    def curl(text: str | None) -> str | None:
        return smarten(text) if text else text

    def slide(s: SlidePlan) -> SlidePlan:
        return evolve(
            s,
            spoken=tuple(smarten(p) for p in s.spoken),
            notes=tuple(smarten(n) for n in s.notes),
        )

    def part(p: Part) -> Part:
        slides = tuple(slide(s) for s in p.slides)
        chapter, lead = smarten(p.chapter), smarten(p.lead)
        return evolve(p, title=curl(p.title), chapter=chapter, lead=lead, slides=slides)

    return evolve(
        plan,
        title=smarten(plan.title),
        subtitle=curl(plan.subtitle),
        parts=tuple(part(p) for p in plan.parts),
    )


class _Planner:
    def __init__(
        self,
        outline: Outline,
        voice: Voice,
        frames: Frames,
        limit: int,
        reveal: bool,
        allowed: frozenset[int] | None = None,
    ) -> None:
        self.outline, self.voice = outline, voice
        self.limit, self.reveal = limit, reveal
        self.wpm = DEFAULT_WPM
        self.written: list[int] = []  # slides whose words were written: the script had run out
        self.drafts = Drafts(outline, voice, frames)
        self.count = 0  # slides planned so far
        self.proper = proper_words(outline)
        # What words are weighed in (stop words, stems): the talk's language where deckmaker
        # knows its words, else the one they look most like.
        known = voice.language in LANGUAGES
        self.language = voice.language if known else detected_language(outline)
        self.readings: set[str] = set()  # quotes read out by the voice: never a statement
        self.statements = Statements(allowed)
        self.hello: tuple[str, ...] = ()  # the greeting's paragraphs, for the dialogue
        self.parting: tuple[str, ...] = ()  # the sign-off's
        self.voiced: tuple[str, ...] = ()  # the agenda's and the recap's: the voice's own
        said = talk(outline, self.proper)
        topics = tuple(evolve(t, voice=voice.name) for t in said.topics)
        self.talk = evolve(said, topics=topics)
        message = self.last_message()
        if message:  # the closing slide shows it: no statement says it before
            self.statements.reserve(message)

    def plan(self, wpm: int) -> Plan:
        o = self.outline
        say = self.voice.say
        self.wpm = wpm
        parts = [Part(None, Kind.INTRO, self.opening(), say("chapter_opening"))]
        count = len(o.sections)
        dividers = self.wants_dividers()
        reacts: list[tuple[str, str]] = []  # the co-host's question, a word said before it
        for number, (section, said) in enumerate(zip(o.sections, self.talk.topics, strict=True), 1):
            opening = self.words(section)[0] if section.script else ""
            # two hosts: the co-host asks the way into each section (the dialogue gives it them),
            # after a word on what the main host has just said
            lead = say("ask" if o.hosts else "transition", said, count, opening)
            if o.hosts and lead and number > 1:  # a word on the author's last line, not ours
                heard = [p for slide in parts[-1].slides for p in slide.spoken]
                last = sentences(heard[-1:])[-1:] if heard else ()
                line = " ".join(last[0].text.replace(PAUSE, " ").split()) if last else ""
                script = " ".join((o.sections[number - 2].script or "").split())
                if line and line in script:  # said only after the main host's words (cast)
                    reacts.append((lead, say("react", line, said, count)))
            leads: tuple[str, ...] = (lead,)
            if o.hosts and not (self.words(section) or section.quotes):  # nothing to answer with
                leads += (say("unanswered", said, count),)
            label = say("part_label", number, count)
            slides = self.segment(Kind.SECTION, section, leads, label, dividers, number)
            title = section.title or label  # a section whose title had no words: its place
            parts.append(Part(section.title, Kind.SECTION, tuple(slides), title, lead))
        closing = self.closing()
        if closing:  # none when the author's own last words end the talk
            parts.append(Part(None, Kind.CLOSING, closing, say("chapter_closing")))
        if len(o.hosts) == 2:  # who says what: both hosts carry the talk
            from deckmaker.planning.dialogue import Cast, cast  # a talk for two hosts only

            said_by = (self.hello, self.parting, self.talk, self.voice.name, tuple(reacts),
                       self.voiced)  # fmt: skip
            parts = cast(parts, Cast(say, self.proper, wpm, *said_by))
        kept = iter(held([s for p in parts for s in p.slides], self.spoken_seconds))
        parts = [evolve(p, slides=tuple(next(kept) for _ in p.slides)) for p in parts]
        titled = self.drafts.even_titles(unique_titles(parts, self.drafts))
        titled = finished(self.drafts.even_quotes(titled), self.drafts.frames)
        return Plan(
            o.title, o.subtitle, o.host, wpm, titled, o.footer, author=o.author,
            voice=self.voice.name, hosts=o.hosts, language=self.voice.language,
            notes_heading=say("notes_heading"),
            max_slide_seconds=self.limit, written=tuple(self.written),
            metadata=o.metadata, show_notes=o.show_notes, speech_voices=o.voices,
            pronounce=o.pronounce,
        )  # fmt: skip

    def wants_dividers(self) -> bool:
        """One rule for the whole deck: every section opens on a divider, or none does. Every
        one does when a section has nothing else to show (its divider is its slide), or when
        the talk is long enough for dividers to help (DIVIDER_MIN_SECTIONS)."""
        sections = self.outline.sections
        shown = [self.shown(s, s.title or "") for s in sections]
        if len(sections) > 1 and not all(shown):
            return True
        if len(sections) < DIVIDER_MIN_SECTIONS:
            return False
        return sum(shown) >= DIVIDER_MIN_SLIDES_PER_SECTION * len(sections)

    # -- parts ----------------------------------------------------------------------------------

    def opening(self) -> tuple[SlidePlan, ...]:
        o, intro = self.outline, self.outline.intro
        # a greeting of several paragraphs is said as several: no spoken paragraph holds a
        # blank line, which would end it early in the Markdown script and the teleprompter
        greeting = tuple((o.greeting or self.voice.say("greeting", self.talk)).split("\n\n"))
        self.hello = tuple(" ".join(p.split()) for p in greeting)
        spoken: tuple[str, ...] = greeting
        notes: tuple[str, ...] = ()
        if intro and not intro.points:  # an intro with nothing to show is said over the cover
            spoken, notes = (*greeting, *self.words(intro)), intro.notes
        subtitle = "\n".join(x for x in (o.subtitle, o.host or o.author) if x) or None
        # the title slide is up for the whole greeting, however long, and for the intro's
        # opening words, its hook, until the intro's first point is said
        cover = _Face(self.drafts.cover(o.title, subtitle), 0, last=len(sentences(greeting)) - 1)
        if intro and intro.points:
            slides = self.segment(Kind.INTRO, intro, greeting, cover=cover)
            slides[0] = evolve(slides[0], kind=Kind.TITLE)
        else:
            slides = self.paced([cover], sentences(spoken), notes, Kind.TITLE, o.title, intro)
        titles = [s.title or "" for s in o.sections]  # validated: sections have titles
        agenda_title = self.voice.say("agenda_title")
        listed = tuple(Bullet(t) for t in titles)
        pages = self.drafts.bullet_pages(agenda_title, listed, numbered=True)
        starts = [1 + sum(len(p.bullets) for p in pages[:i]) for i in range(len(pages))]
        numbered = [
            evolve(p, numbered_from=n, hanging=self.drafts.hanging(len(titles), p.body_pt))
            for p, n in zip(pages, starts, strict=True)
        ]
        agenda: tuple[str, ...] = (self.voice.say("agenda", self.talk.topics),)
        if len(sentences(agenda)) < len(numbered):  # a line for each page the agenda fills
            topics = self.talk.topics
            agenda += tuple(
                self.voice.say("agenda_more", topics[n - 1 : n - 1 + len(page.bullets)], last)
                for n, page, last in zip(
                    starts[1:], numbered[1:], [False] * (len(numbered) - 2) + [True], strict=True
                )
            )
        self.voiced += agenda
        brief = self.length(sentences(agenda), 0, len(sentences(agenda))) < MIN_SECONDS
        if brief and len(numbered) == 1:  # too brief for a slide: said over the one before
            last = slides[-1]
            slides[-1] = evolve(last, spoken=(*last.spoken, *agenda))
            return tuple(slides)
        slides += self.said(numbered, agenda, (), Kind.AGENDA)
        return tuple(slides)

    def closing(self) -> tuple[SlidePlan, ...]:
        """The outro's slides, or a recap slide, while the spoken recap and then the outro's words
        are said; then the closing slide and the sign-off. When the author's last words already
        recap, sign off or ask for comments, they are the ending: no recap and no sign-off of
        the voice's after them (an outline's own `signoff:` is still said)."""
        o, outro = self.outline, self.outline.outro
        ending = self.author_ends()
        # The recap comes first: the outro's own words are the author's last ones before the
        # sign-off ("That's all from me."), and a recap after them would reopen the talk.
        recap = "" if ending else self.voice.say("recap", self.talk.topics)
        if recap:  # the talk comes back to where it started: its question, or its hook
            recap = f"{recap} {self.voice.say('callback', self.talk)}".strip()
            self.voiced += (recap,)
        said = (*((recap,) if recap else ()), *(self.words(outro) if outro else ()))
        notes = outro.notes if outro else ()
        slides: list[SlidePlan] = []
        recaps: list[SlidePlan] = []
        if outro and outro.points:
            slides = self.segment(Kind.OUTRO, outro, (recap,) if recap else ())
            said, notes = (), ()
        else:
            recaps = self.recap(said)
        signoff = o.signoff or ("" if ending else self.voice.say("signoff", self.talk))
        if not said and not signoff:  # the author's last words ended the talk
            return tuple(slides)
        title = self.voice.say("closing_title")
        message = self.last_message()
        # the talk's title under its message, as the title slide shows it; who gives it (or
        # wrote it) below. With no message to end on, the voice's closing title over the talk's:
        # the title slide's own title again would be a second slide of one title.
        by = o.host or o.author
        cover = (
            self.drafts.closing(message, o.title, by, title)
            if message
            else self.drafts.cover(title, "\n".join(x for x in (o.title, by) if x))
        )
        # The closing slide comes up for the sign-off and stays up for all of it; the recap
        # slide is up until then.
        parting = tuple(p for p in signoff.split("\n\n") if p)  # as the greeting: paragraphs
        self.parting = tuple(" ".join(p.split()) for p in parting)
        words = sentences((*said, *parting))
        if parting:
            closing = _Face(cover, len(sentences(said)), last=len(words) - 1)
            faces = [*(_Face(r, 0) for r in recaps), closing]
        else:  # the outro's own words end it: the closing slide is up while they are said
            faces = [_Face(cover, 0, last=len(words) - 1)]
        slides += self.paced(faces, words, notes, Kind.CLOSING, title, outro)
        return tuple(slides)

    def last_message(self) -> str | None:
        """What the closing slide says, the talk's last message: the outro's last point, else
        the last of the author's closing sentences (the outro's script, else the last
        section's) that reads as a line on its own (pace.pull_quotes) and does not sign off;
        None when there is none (the slide then shows the voice's closing title)."""
        outro, sections = self.outline.outro, self.outline.sections
        if outro and outro.points:
            return outro.points[-1].text
        last = next(
            (s.script for s in (outro, sections[-1] if sections else None) if s and s.script),
            None,
        )
        if not last:
            return None
        said = [s.text for s in sentences((last.split("\n\n")[-1],))]
        for text in reversed(said[-LAST_SENTENCES:]):
            line = pull_quotes([text], "")
            if line and not self.voice.say("ends_itself", text):
                return line[0]
        return None

    def author_ends(self) -> bool:
        """Whether the talk's last words of the author's (the outro's script, else the last
        section's) sign off, recap or ask for comments: the voice's `ends_itself` decides from
        their last two sentences."""
        outro, sections = self.outline.outro, self.outline.sections
        last = next(
            (s.script for s in (outro, sections[-1] if sections else None) if s and s.script),
            None,
        )
        if outro and outro.points and not outro.script:
            return False  # the outro's points are said last, in the voice's words
        if not last:
            return False
        closing = " ".join(s.text for s in sentences((last.split("\n\n")[-1],))[-2:])
        return bool(self.voice.say("ends_itself", closing))

    def recap(self, said: tuple[str, ...]) -> list[SlidePlan]:
        """A closing slide with each section and its first point, or the first points alone
        when that is too much for one slide; none for a one-section talk or when neither fits
        one slide. Never the titles alone: the agenda showed them, and a recap that shows them
        again repeats a slide."""
        sections = self.outline.sections
        if len(sections) < 2 or not said:  # nothing to say over it: no slide
            return []
        detailed = tuple(
            b
            for s in sections
            for b in (Bullet(s.title or ""), *(Bullet(p.text, 1) for p in s.points[:1]))
        )
        gists = tuple(Bullet(s.points[0].text) for s in sections if s.points)
        title = self.voice.say("recap_title")
        for shown in (detailed, gists if len(gists) == len(sections) else ()):
            if not shown:
                continue
            if self.drafts.one_page(shown):
                return self.drafts.bullet_pages(title, shown)
        return []

    def segment(
        self,
        kind: Kind,
        seg: Segment,
        lead: tuple[str, ...] = (),
        label: str | None = None,
        divided: bool = False,
        number: int = 0,
        cover: _Face | None = None,
    ) -> list[SlidePlan]:
        """The slides of a segment: its divider, labelled `label`, when `divided` or when it has
        nothing else to show; then its points (on as many pages as space and time need), its
        columns, picture and quote, in the order they are said (_in_said_order), each up while
        what it shows is said (see pace.py). A points page ends where a columns or quote slide
        comes up, and the points said after it go on a page after it. `lead`: paragraphs said
        first (a transition, a greeting); `cover`: the title slide, up while the lead is said
        and until the segment's first slide comes up."""
        default = {Kind.INTRO: "intro_title", Kind.OUTRO: "outro_title"}
        if seg.title:
            title = seg.title
        elif kind in default:
            title = self.voice.say(default[kind])
        else:  # a section whose title had no words to show ("</p>"): its place in the talk
            title = self.voice.say("part_label", number, len(self.outline.sections))
        lead_count = len(sentences(lead))
        words = sentences(lead + self.words(seg))
        pages = [self.drafts.quote_pages(q.text, q.attribution, title) for q in seg.quotes]
        said, quoted = self.read_out(seg.quotes, pages, words, lead_count)
        script = said[lead_count:]
        texts = [t for p in seg.points for t in (p.text, *p.points)]
        fixed = [
            a
            for p in seg.points
            for a in (anchored(p.said, script) if p.said else None, *[None] * len(p.points))
        ]
        found = _led_by_sub_points(align(texts, script, fixed, self.language), seg.points)
        at = filled([None if f is None else f + lead_count for f in found], lead_count)
        faces: list[_Face] = []
        others: list[_Face] = []  # the columns, picture and quote, placed among the points
        if seg.columns:
            first, last = self.spread(_column_texts(seg.columns), script, lead_count)
            shown = said_points(evolve(seg, points=()))
            drafts = self.drafts.columns(title, seg.columns)
            others += [_Face(d, first, shown, last) for d in drafts]
        if seg.image:
            others.append(_Face(self.drafts.picture(title, seg.image, seg.image_alt), None))
        for quote_pages, firsts in zip(pages, quoted, strict=True):
            others += [
                _Face(d, a, (Point(piece),))
                for (piece, d), a in zip(quote_pages, firsts, strict=True)
            ]
        headings = _headings(seg.points, at)
        cuts = [where for where, _ in headings]
        for blocks, start in self.shared(seg.code, script, lead_count, said, title, cuts):
            a = self.after_readings(start, said)
            codes = self.drafts.code(title, blocks)
            others += [_Face(d, a if i == 0 else None) for i, d in enumerate(codes)]
        left: list[str] = []  # what no slide can show, for the delivery notes
        for table in seg.tables:
            a = self.after_readings(self.shown_from(table.said, script, lead_count), said)
            tables = self.drafts.table(title, table)
            if not tables:
                left.append(self.voice.say("wide_table", len(table.header), len(table.rows)))
            others += [_Face(d, a if i == 0 else None) for i, d in enumerate(tables)]
        if seg.points:
            known = tuple(f is not None for f in found)
            breaks = sorted({f.first for f in others if f.first is not None})
            titled = [f.first for f in others if f.draft.layout in TOPICAL and f.first is not None]
            faces += self.content(title, seg.points, at, known, said, breaks, titled)
        faces = _topical(_in_said_order([*faces, *others]), headings, title)
        if lead_count and faces and faces[0].first == lead_count:
            # the lead is said over the section's first slide, not over a slide of its own
            faces[0] = evolve(faces[0], first=0)
        if divided or not faces:
            divider = _Face(self.drafts.divider(title, label, number), 0)
            faces.insert(0, divider)
        if cover is not None:
            faces.insert(0, cover)
        return self.paced(faces, said, (*seg.notes, *left), kind, title, seg)

    def shared(
        self,
        blocks: Sequence[Code],
        script: Sequence[Sentence],
        offset: int,
        said: Sequence[Sentence],
        title: str,
        cuts: Sequence[int] = (),
    ) -> list[tuple[list[Code], int | None]]:
        """The code blocks as the slides that show them, with where each comes up: a block
        said within SHARED_SECONDS of the one before shares its slide, while the two fit one
        slide together in at most SHARED_ROWS rows (two short commands and the sentence
        between them are one step, not two slides of a line each), and no subsection begins
        between them (`cuts`: where each heading is said)."""
        out: list[tuple[list[Code], int | None]] = []
        last: int | None = None
        for block in blocks:
            at = self.shown_from(block.said, script, offset)
            between = last is not None and at is not None and any(last < c <= at for c in cuts)
            if out and not between and self.shares(out[-1][0], block, last, at, said, title):
                out[-1][0].append(block)
            else:
                out.append(([block], at))
            last = at
        return out

    def shares(
        self,
        group: list[Code],
        block: Code,
        before: int | None,
        at: int | None,
        said: Sequence[Sentence],
        title: str,
    ) -> bool:
        if (before is None) != (at is None):
            return False
        if (
            before is not None
            and at is not None
            and (at < before or self.length(said, before + 1, at) > SHARED_SECONDS)
        ):
            return False
        rows = sum(len(b.text.split("\n")) + 1 for b in (*group, block)) - 1
        return rows <= SHARED_ROWS and len(self.drafts.code(title, [*group, block])) == 1

    def content(
        self,
        title: str,
        points: tuple[Point, ...],
        at: tuple[int, ...],
        known: tuple[bool, ...],
        said: Sequence[Sentence],
        breaks: Sequence[int] = (),
        titled: Sequence[int] = (),
    ) -> list[_Face]:
        """The points' pages: a page takes the next point while they fit it and while the page,
        up from when its first point is said, would not stay up past the limit before that point
        is said; a point too long for any page gets pages of its own. `at`: where each bullet
        is said (an unaligned one with the one before it); `known`: whether it was aligned;
        `breaks`: where other slides of the segment come up, which no page spans; `titled`: where
        those that take a heading as their title do (`_lone_heading`). A page whose first point
        is not said is placed as a slide that shows nothing said is."""
        groups, i = [], 0
        unsaid: set[int] = set()  # the points (by id) not said anywhere
        for p in points:
            size = 1 + len(p.points)
            groups.append((p, bullets((p,)), at[i : i + size]))
            if not known[i]:
                unsaid.add(id(p))
            i += size
        pages: list[_Page] = []
        runs: list[int] = []  # pages of one run follow each other with nothing between them
        run = 0
        here: list[Point] = []
        shown: tuple[Bullet, ...] = ()
        marks: tuple[int, ...] = ()
        for point, listed, where in groups:
            wider = shown + listed
            fits = self.drafts.one_page(wider)
            timely = not marks or self.length(said, marks[0], max(where) + 1) <= self.limit
            between = bool(marks) and any(marks[0] < b <= where[0] for b in breaks)
            if here and fits and timely and not between:
                here, shown, marks = [*here, point], wider, marks + where
                continue
            if here:
                pages.append((tuple(here), shown, marks))
                runs.append(run)
            run += between
            if not self.drafts.one_page(listed):  # too long for one page: pages of its own
                run += 1
                for page in self.drafts.paginated(listed):
                    pages.append(((point,), page, (where[0],) * len(page)))
                    runs.append(run)
                run += 1
                here, shown, marks = [], (), ()
            else:
                here, shown, marks = [point], listed, where
        if here:
            pages.append((tuple(here), shown, marks))
            runs.append(run)
        pages = [page for r in dict.fromkeys(runs) for page in self.evened(
            [p for p, n in zip(pages, runs, strict=True) if n == r]
        )]  # fmt: skip
        # a page of one heading alone (a subsection's, said before its code) shows nothing the
        # slides after it do not: they take it as their title (`_topical`)
        pages = [p for i, p in enumerate(pages) if not _lone_heading(pages, i, titled)]
        if not pages:
            return []
        # a lone point left on a later page is shown as a statement: large, on its own
        stated = {
            i: d for i, (p, b, _) in enumerate(pages) if i and len(b) == 1
            if (d := self.point_statement(p[0].text, title)) is not None
        }  # fmt: skip
        kept = [b for i, (_, b, _) in enumerate(pages) if i not in stated]
        paged = iter(self.drafts.pages(title, [self.drafts.paginated(b)[0] for b in kept]))
        drafts = [stated[i] if i in stated else next(paged) for i in range(len(pages))]

        def last(marks: tuple[int, ...]) -> int:
            """Where the last point is said that the page can wait for within the limit (a
            sub-point said much later than its point is shown early, not waited for)."""
            within = [m for m in marks if self.length(said, marks[0], m + 1) <= self.limit]
            return max(within, default=marks[0])

        return [
            _Face(
                d,
                None if id(p[0]) in unsaid else m[0],
                p,
                last(m),
                m if len(m) == len(d.bullets) else None,
            )
            for d, (p, _, m) in zip(drafts, pages, strict=True)
        ]

    def evened(self, pages: list[_Page]) -> list[_Page]:
        """A run of pages of one list, evened out where timing left a page with a single
        bullet (3 + 1 + 1): the points shared as evenly as they go over as many pages as leave
        none alone (3 + 2), each page still fitting; as they were when no sharing does (a
        lone point then shows as a statement: `content`). Never onto one page: the pages were
        cut where a page would have stayed up too long before its last point was said."""
        if len(pages) < 2 or all(len(b) > 1 for _, b, _ in pages):
            return pages
        units = [unit for page in pages for unit in _each_point(page)]
        for count in range(min(len(pages), len(units) // 2), 1, -1):
            shares = [len(units) // count + (i < len(units) % count) for i in range(count)]
            out, start = [], 0
            for share in shares:
                mine = units[start : start + share]
                start += share
                bullets = tuple(b for _, listed, _ in mine for b in listed)
                marks = tuple(m for *_, ms in mine for m in ms)
                out.append((tuple(p for points, _, _ in mine for p in points), bullets, marks))
            fits = all(self.drafts.one_page(b) for _, b, _ in out)
            if fits and all(len(b) > 1 for _, b, _ in out):
                return out
        return pages

    def point_statement(self, text: str, heading: str) -> SlidePlan | None:
        """A point set large on a slide of its own, as a statement is; None where it does not
        fit the statement's box."""
        try:
            return self.drafts.statement(text, heading)
        except DeckmakerError:
            return None

    def read_out(
        self,
        quotes: Sequence[Quote],
        pages: Sequence[Sequence[tuple[str, SlidePlan]]],
        said: tuple[Sentence, ...],
        start: int,
    ) -> tuple[tuple[Sentence, ...], list[list[int | None]]]:
        """What is said with each quote the script (from sentence `start`) does not say read
        out as someone else's words (the voice's `quoting`), a sentence for each of its
        slides (`pages`: its pieces): after the sentence its `said:` opens, else at the end;
        and the sentence from which each of its slides is on screen (the first from that
        one, or from where the script says it)."""
        out = list(said)
        at: list[list[int | None]] = []
        for q, shown in zip(quotes, pages, strict=True):
            anchor = self.shown_from(q.said, out[start:], start)
            found = None if anchor is not None else self.where(q.text, out[start:], start)
            if found is not None:  # the author reads it out already: each piece where said
                rest = [self.where(piece, out[start:], start) for piece, _ in shown[1:]]
                at.append([found, *rest])
                continue
            where = len(out) if anchor is None else anchor + 1
            before = out[where - 1] if where else None
            who = _speakable(q.attribution)
            # named already, or led into ("…in section 3.2.3:"): the quote follows as it is
            named = bool(who and before and who.split()[0].lower() in before.text.lower())
            named = named or bool(before and before.text.rstrip().endswith(":"))
            paragraph = before.paragraph if before else 0
            if anchor is None:  # after the script's last words, in a paragraph of its own
                paragraph = 1 + max((s.paragraph for s in out), default=-1)
            for i, (piece, _) in enumerate(shown):
                reading = self.voice.say("quoting", who, piece, named or i > 0)
                self.readings.add(reading)
                out.insert(where + i, Sentence(reading, paragraph))
            at = [
                [a if a is None or a < where else a + len(shown) for a in firsts] for firsts in at
            ]
            at.append([where if anchor is None else anchor, *range(where + 1, where + len(shown))])
        return tuple(out), at

    def spread(
        self, texts: Sequence[str], script: Sequence[Sentence], offset: int
    ) -> tuple[int | None, int | None]:
        """Where the first and the last of `texts` are said, each matched on its own (a slide's
        items, as columns, need not be said in the order they are laid out)."""
        found = [f for t in texts if (f := self.where(t, script, offset)) is not None]
        return (min(found), max(found)) if found else (None, None)

    def shown_from(self, said: str | None, script: Sequence[Sentence], offset: int) -> int | None:
        """The sentence that opens with `said`: where the outline puts a quote, code or table."""
        found = anchored(said, script) if said else None
        return None if found is None else found + offset

    def after_readings(self, at: int | None, said: Sequence[Sentence]) -> int | None:
        """Where code or a table shown after sentence `at` comes up: there, or after the quotes
        read out right after it (code quoted inside someone's words comes after their words)."""
        if at is None or at + 1 >= len(said) or said[at + 1].text not in self.readings:
            return at
        at += 1
        while at < len(said) and said[at].text in self.readings:
            at += 1
        return at

    def where(self, text: str, script: Sequence[Sentence], offset: int) -> int | None:
        """The sentence that says `text`, if one does."""
        (found,) = align([text], script, language=self.language)
        return None if found is None else found + offset

    def spoken_seconds(self, said: Sequence[Sentence]) -> float:
        return self.length(said, 0, len(said))

    def length(self, said: Sequence[Sentence], start: int, end: int) -> float:
        return sum(self.seconds(s) for s in said[start:end])

    def seconds(self, s: Sentence) -> float:
        return word_count(s.text) * 60 / self.wpm + pause_count(s.text) * PAUSE_SECONDS

    def shown(self, seg: Segment, title: str) -> int:
        """How many slides show what the segment has to show: its points' pages (counted, not
        set: `bullet_pages` makes a slide of each page `paginated` gives), its columns,
        picture, quotes, code and tables."""
        pages = len(self.drafts.paginated(bullets(seg.points))) if seg.points else 0
        slides: list[SlidePlan] = []
        if seg.columns:
            slides += self.drafts.columns(title, seg.columns)
        if seg.image:
            slides.append(self.drafts.picture(title, seg.image, seg.image_alt))
        for q in seg.quotes:
            slides += [d for _, d in self.drafts.quote_pages(q.text, q.attribution, title)]
        for block in seg.code:
            slides += self.drafts.code(title, [block])
        for table in seg.tables:
            slides += self.drafts.table(title, table)
        return pages + len(slides)

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
        """Slides up one after the other while `spoken` is said, each from its own sentence."""
        faces = [_Face(s, 0 if i == 0 else None) for i, s in enumerate(slides)]
        return self.paced(faces, sentences(spoken), notes, kind, slides[0].title, None)

    def paced(
        self,
        faces: list[_Face],
        said: tuple[Sentence, ...],
        notes: tuple[str, ...],
        kind: Kind,
        title: str,
        seg: Segment | None,
    ) -> list[SlidePlan]:
        """Number the slides and give each the sentences said while it is up (pace.py); a
        stretch with nothing to show gets a pull quote, a slide the words never reach gets lines
        written from what it shows, and each note goes with the slide it is about (notes.py)."""
        shown = _unaligned_placed(faces, len(said))
        out: list[SlidePlan] = []
        heard: list[tuple[Sentence, ...]] = []  # what is said over each slide of `out`
        seconds = [self.seconds(s) for s in said]
        pacing = list(lengthened(spans(shown, seconds, self.limit), seconds, self.limit, shown))
        pacing = list(ended(pacing, [ends_sentence(s.text) for s in said]))
        for i, span in enumerate(pacing):
            here = said[span.start : span.end]
            after = pacing[i + 1] if i + 1 < len(pacing) else None
            if span.slide is not None:
                face = faces[span.slide]
            else:
                stated = self.statement(here, seg, title, continued=bool(out))
                if stated is None:  # nothing new to show: a slide beside it stays up longer
                    longer = (*heard[-1], *here)
                    if self.length(longer, 0, len(longer)) <= self.limit:
                        heard[-1] += here
                        out[-1] = evolve(out[-1], spoken=_spoken_after(out[-1], heard[-1], here))
                        continue
                    if after and self.length(said, span.start, after.end) <= self.limit:
                        pacing[i + 1] = evolve(after, start=span.start)
                        continue
                    # else its first sentences said over the slide before, the rest over the
                    # slide after, each within the limit: not the section's title mid-section
                    lent = self.lent(heard[-1], here, said, span.start, after)
                    if lent:
                        heard[-1] += here[:lent]
                        out[-1] = evolve(
                            out[-1], spoken=_spoken_after(out[-1], heard[-1], here[:lent])
                        )
                        assert after is not None  # `lent` shares only with a slide after
                        pacing[i + 1] = evolve(after, start=span.start + lent)
                        continue
                    # else a statement past the deck's budget: a divider only opens a part
                    # (the section's title again mid-section reads as a new one)
                    stated = self.overdue(here, seg, title)
                    if stated is None:  # none: the slides beside it stay up past the limit,
                        # the stretch shared so that neither stays much longer than the other
                        lent = self.lent(heard[-1], here, said, span.start, after, True)
                        heard[-1] += here[:lent]
                        out[-1] = evolve(
                            out[-1], spoken=_spoken_after(out[-1], heard[-1], here[:lent])
                        )
                        if after is not None and lent < len(here):
                            pacing[i + 1] = evolve(after, start=span.start + lent)
                        continue
                face = stated
            slide = evolve(face.draft, number=self.next_number())
            slide = evolve(slide, kind=kind if span.slide is not None else _quoted_kind(kind))
            marks = face.marks
            if not here:  # the words ran out before this slide: written from what it shows
                here = sentences((self.more(face, title, seg),))
                if seg is not None and seg.script:  # the author's words ran out: say so
                    self.written.append(slide.number)
                marks = None
            elif slide.layout is Layout.TABLE and self.length(here, 0, len(here)) < MIN_SECONDS:
                # a table up too briefly to take in: its columns named, said over it (code said
                # over as briefly is held with a pause instead: a stock line after "…prints the
                # following:" would only be filler)
                here = (*here, Sentence(self.more(face, title, seg), here[-1].paragraph))
            spoken = paragraphs(here)
            if self.reveal and slide.layout is Layout.CONTENT and seg is not None:
                if marks is None:
                    found = align([b.text for b in slide.bullets], here, language=self.language)
                    marks = filled(found)
                else:
                    marks = tuple(m - span.start for m in marks)
                spoken = clicked(here, marks)
                slide = evolve(slide, reveal=True)
            out.append(evolve(slide, spoken=spoken))
            heard.append(here)
        return [
            evolve(s, notes=n) for s, n in zip(out, placed(notes, out, self.language), strict=True)
        ]

    def lent(
        self,
        before: Sequence[Sentence],
        here: Sequence[Sentence],
        said: Sequence[Sentence],
        start: int,
        after: Span | None,
        past_limit: bool = False,
    ) -> int:
        """How many of a stretch's first sentences the slide before can take while the slide
        after takes the rest, both within the limit (the most the slide before can); 0: none.
        `past_limit`: however long they stay, the longer of the two as short as it can be (all
        of them when no slide comes after)."""
        if after is None:
            return len(here) if past_limit else 0
        if past_limit:

            def longer(lent: int) -> float:
                first = self.length([*before, *here[:lent]], 0, len(before) + lent)
                return max(first, self.length(said, start + lent, after.end))

            return min(range(len(here) + 1), key=lambda lent: (longer(lent), -lent))
        for lent in range(len(here) - 1, 0, -1):
            if self.length([*before, *here[:lent]], 0, len(before) + lent) > self.limit:
                continue
            if self.length(said, start + lent, after.end) <= self.limit:
                return lent
        return 0

    def statement(
        self, said: Sequence[Sentence], seg: Segment | None, title: str, continued: bool
    ) -> _Face | None:
        """A stretch with nothing to show: its strongest short sentence as a statement (the
        host's own words, large, without quote marks: pace.pull_quotes' rule), one not shown
        before in the deck nor close to one that was, while the deck's budget of statements
        lasts (`statements.allowed`); else None, and the slide before stays up. A stretch that
        opens a section (no divider before it) shows the section's title: the audience sees
        that a new part has begun; one that opens the talk, the talk's title when it has no
        statement."""
        if not continued and seg is not None and seg.title:
            return _Face(self.drafts.divider(title, None), 0)
        fallback = None if continued else _Face(self.drafts.divider(title, None), 0)
        seconds = sum(self.seconds(s) for s in said)
        number = self.statements.candidate(seconds)
        if not self.statements.allows(number) or (continued and seconds < MIN_SECONDS):
            return fallback  # a statement up under 5 s would flash by: said over a neighbour
        pulled = self.pulled(said, seg, title)
        if pulled is None:
            return fallback
        text, face = pulled
        self.statements.shown(number, text)
        return face

    def overdue(self, said: Sequence[Sentence], seg: Segment | None, title: str) -> _Face | None:
        """A statement for a stretch no neighbour can take within the limit, however short:
        the stretch's strongest short sentence not shown before, while the deck's budget of
        statements lasts; None if none."""
        if not self.statements.allows(self.statements.count):
            return None
        pulled = self.pulled(said, seg, title)
        if pulled is None:
            return None
        text, face = pulled
        self.statements.reserve(text)  # never shown twice; the budget counts only its own
        return face

    def pulled(
        self, said: Sequence[Sentence], seg: Segment | None, title: str
    ) -> tuple[str, _Face] | None:
        """The stretch's strongest short sentence not shown before, as a statement slide."""
        about = " ".join(
            [seg.title or "", *(t for p in seg.points for t in (p.text, *p.points))] if seg else []
        )
        fresh = [s.text for s in said if s.text not in self.readings]
        for text in pull_quotes(fresh, about):
            if self.statements.repeats(text):
                continue
            try:
                return text, _Face(self.drafts.statement(text, title), 0)
            except DeckmakerError:  # too long for this theme's statement box: the next one
                continue
        return None

    def more(self, face: _Face, title: str, seg: Segment | None) -> str:
        """What is said over a slide the script does not say enough over, from what it shows:
        its points (the voice's `more`), its code (`more_code`) or its table's columns."""
        topic = self.topic_from(face, title, seg)
        layout = face.draft.layout
        if layout is Layout.TABLE:
            named = [c for c in face.draft.table[0] if c.strip()]  # a corner cell is empty
            return self.voice.say("more_table", topic, named)
        return self.voice.say(_MORE.get(layout, "more"), topic)

    def topic_from(self, face: _Face, title: str, seg: Segment | None) -> Topic:
        """What a slide the script never reaches is about, for the voice's `more` macro."""
        shown = evolve(seg or Segment(title), title=title, points=face.points, columns=())
        return topic(0, self.count, shown, self.proper, title)

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


@dataclass(frozen=True)
class _Face:
    """A slide's draft and where what it shows is said, before pacing numbers it."""

    draft: SlidePlan
    first: int | None  # the sentence where what it shows is first said; None: it is not said
    points: tuple[Point, ...] = ()  # what it shows, to say when the script has run out
    last: int | None = None  # where the last thing it shows is said (default: `first`)
    marks: tuple[int, ...] | None = None  # the sentence of each bullet, for reveal


def _unaligned_placed(faces: Sequence[_Face], count: int) -> list[Shown]:
    """Where each slide comes up. Slides whose content is not said (a picture, a quote not read
    out, points the script never says) share the stretch between the last thing said before
    them and the next slide's first evenly; a slide never comes up before the one before it."""
    out: list[Shown] = []
    run = 0  # unaligned slides in a row so far
    for i, face in enumerate(faces):
        first = face.first
        if first is None:
            run += 1
            j = i + 1 - run  # the first of this run
            before = out[j - 1].last + 1 if j > 0 else 0
            known = [(k, f.first) for k, f in enumerate(faces) if k > i and f.first is not None]
            end, after = known[0] if known else (len(faces), count)
            size, stretch = end - j, max(before, after) - before
            # a run that opens the segment starts with it; any other comes after what is said
            if j == 0:
                first = before + stretch * (run - 1) // size
            else:
                first = before + stretch * run // (size + 1)
        else:
            run = 0
        first = max(first, out[-1].first if out else 0)
        last = face.last if face.last is not None else first
        out.append(Shown(first, max(first, last)))
    return out


# A page of points: the points, their bullets as shown, where each bullet is said.
_Page = tuple[tuple[Point, ...], tuple[Bullet, ...], tuple[int, ...]]


def _each_point(page: _Page) -> list[_Page]:
    """A page of points as one page per point, each with its sub-points."""
    points, shown, marks = page
    out: list[_Page] = []
    i = 0
    for point in points:
        size = 1 + len(point.points)
        out.append(((point,), shown[i : i + size], marks[i : i + size]))
        i += size
    return out


def _in_said_order(faces: Sequence[_Face]) -> list[_Face]:
    """The slides in the order what they show is first said. A slide showing nothing said (a
    picture, points the script never says) keeps its place after the slide it follows in the
    outline's order (points, columns, picture, quote); ties keep that order too."""
    keyed, key = [], -1
    for i, face in enumerate(faces):
        key = face.first if face.first is not None else key
        keyed.append((key, i, face))
    return [face for *_, face in sorted(keyed, key=lambda k: k[:2])]


def _headings(points: Sequence[Point], at: Sequence[int]) -> list[tuple[int, str]]:
    """Where each point that reads as a heading is said (a subsection's heading, a short name
    rather than a sentence), with its text."""
    out, i = [], 0
    for p in points:
        if _heading_like(p.text) and not _sentence_point(p):
            out.append((at[i], p.text))
        i += 1 + len(p.points)
    return out


def _sentence_point(point: Point) -> bool:
    """Whether the point is a sentence of the script made short (it opens as the sentence it
    was taken from, `said:`, does), not a heading of its own."""
    if not point.said:
        return False
    mine, theirs = _words(point.text), _words(point.said)
    # "There is a nil check…" of "Sure, there is a": the point opens with the sentence's words
    tails = (theirs[j:] for j in range(len(theirs) - 1))
    return any(mine[: len(tail)] == tail for tail in tails)


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?()\"'").casefold() for w in text.split()]


def _lone_heading(pages: Sequence[_Page], i: int, titled: Sequence[int]) -> bool:
    """Whether page `i` shows one heading alone (not one of the script's sentences) that is
    better not shown: on a later page (set large alone, as a lone point is, it would look like
    a divider), or where its slides (code, a table: `titled`, where they come up) follow before
    the next page and show it as their title."""
    points, shown, marks = pages[i]
    if len(shown) > 1 or not _heading_like(points[0].text) or _sentence_point(points[0]):
        return False
    if i and points[0].said:  # an essay's subsection on a later page: set large alone (as a
        # lone point is), a bare heading would look like a divider
        return True
    until = pages[i + 1][2][0] if i + 1 < len(pages) else None
    return any(marks[0] <= b and (until is None or b < until) for b in titled)


def _heading_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= TOPIC_WORDS and not text.rstrip().endswith(_SENTENCE_ENDS)


def _topical(faces: list[_Face], headings: Sequence[tuple[int, str]], title: str) -> list[_Face]:
    """Each code or table slide with the heading said last as it comes up as its topic
    (`SlidePlan.topic`), and the further pages of its code or table with it: a slide of points
    shows its own points, not one said before it."""
    out: list[_Face] = []
    for face in faces:
        if face.draft.layout not in TOPICAL:
            out.append(face)
            continue
        before = out[-1].draft if out else None
        if face.first is None and before and before.layout is face.draft.layout and before.topic:
            out.append(evolve(face, draft=evolve(face.draft, topic=before.topic)))
            continue  # a page continued: its block's topic
        said = [text for at, text in headings if face.first is not None and at <= face.first]
        about = said[-1] if said else None
        if about and plain(about) != plain(title):
            face = evolve(face, draft=evolve(face.draft, topic=typeset(about)))
        out.append(face)
    return out


def _led_by_sub_points(
    found: tuple[int | None, ...], points: Sequence[Point]
) -> tuple[int | None, ...]:
    """A point the script does not say whose sub-points it does is said where the first of
    them is: the point comes up with its sub-points, not with the point before it."""
    out, i = list(found), 0
    for p in points:
        subs = [f for f in found[i + 1 : i + 1 + len(p.points)] if f is not None]
        if out[i] is None and subs:
            out[i] = subs[0]
        i += 1 + len(p.points)
    return tuple(out)


def _speakable(attribution: str | None) -> str:
    """Who wrote or said a quote, as the host says it: the name before any comma or bracket,
    a handle without its @ ("Mia, 'Audition'" is "Mia"; "@kelseyhightower" "kelseyhightower")."""
    if not attribution:
        return ""
    name = re.split(r"[,(\[]| [-–—] ", attribution.strip().lstrip("—–-~ "))[0]
    return " ".join(w.lstrip("@") for w in name.split())


def _quoted_kind(kind: Kind) -> Kind:
    """A pull quote belongs to the stretch it is said in: the opening's are the intro's."""
    return Kind.INTRO if kind in (Kind.TITLE, Kind.AGENDA) else kind


def _spoken_after(
    slide: SlidePlan, heard: Sequence[Sentence], more: Sequence[Sentence]
) -> tuple[str, ...]:
    """What is said over a slide that stays up for `more` sentences after its own: all it
    hears, as paragraphs (its click marks kept, when it has any)."""
    if slide.reveal:
        return slide.spoken + paragraphs(more)
    return paragraphs(heard)


def clicked(said: Sequence[Sentence], marks: Sequence[int]) -> tuple[str, ...]:
    """The sentences with a [CLICK] mark before the sentence of each bullet, one per bullet,
    back to back where bullets are said together; marks outside the sentences are clamped to
    the first or the last."""
    count = Counter(min(max(m, 0), len(said) - 1) for m in marks)
    marked = [evolve(s, text=" ".join([CLICK] * count[i] + [s.text])) for i, s in enumerate(said)]
    return paragraphs(marked)


def _column_texts(columns: Sequence[Column]) -> list[str]:
    """What a columns slide shows that the script says: each column's points, or its title when
    it has none (a title is most often a name, said all through the segment)."""
    return [t for c in columns for t in ([p.text for p in c.points] or [c.title or ""])]
