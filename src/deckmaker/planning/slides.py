"""Slide drafts: what each kind of slide shows and at what sizes, fitted to the theme's boxes.

The planner decides which slides a talk needs and what is said over each; this module makes each
slide's face. Drafts come unnumbered and silent: the planner numbers them and shares the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from deckmaker.errors import DeckmakerError
from deckmaker.highlight import Line, highlighted, text_of
from deckmaker.outline import Code, Column, Outline, Point, Table
from deckmaker.planning.code import CODE_LINE_HEIGHT, CODE_SIZES, code_pages
from deckmaker.planning.finishing import OPTICAL
from deckmaker.planning.fit import (
    LINE_HEIGHT,
    NO_BREAK,
    SPACE_BEFORE,
    TITLE_LINE_HEIGHT,
    body_height,
    largest_fitting,
    lines_at,
    one_box,
    paginate,
    set_at,
    set_title,
    text_width,
    unwidowed_list,
)
from deckmaker.planning.model import Bullet, Kind, Layout, Part, SlidePlan, evolve
from deckmaker.planning.picture import fitted_picture
from deckmaker.planning.table import table_pages, too_wide
from deckmaker.planning.voice import Voice
from deckmaker.theme.fonts import Typeface, typeface
from deckmaker.theme.frames import Box, Frames
from deckmaker.typography import quoted, typeset

BODY_PT = 24  # lists are paginated at this size; never smaller (sub-points: 20)
BODY_SIZES = (28, 26, BODY_PT)  # a short list is set larger, to use the slide
COLUMN_SIZES = (28, 26, BODY_PT, 22)  # sub-points in a column never below 18
# A type scale: a heading stands at least this many times its text's size, so the eye finds
# the title first (36 over 32 reads as one size). Text is set smaller to keep it, down to its
# floor (BODY_PT, COLUMN_SIZES[-1]); titles keep at least DECK_TITLE_FLOOR where they fit.
SCALE = 1.3
NUMBER_GAP = 0.5  # between a number and its text, in ems: as a bullet's hanging indent leaves
FILL = 0.8  # a short list is spaced out to fill this much of its box, at most
TITLE_SIZES = (40, 36, 32, 28, 24, 20)
DECK_TITLE_FLOOR = 32  # one title size for the deck, unless a title needs smaller than this
COVER_TITLE_SIZES = (48, 44, 40, 36, 32, 28, 24)
CLOSING_SIZES = (44, 40, 36, 32, 28)  # the closing slide's message: a sentence, not a name
SUBTITLE_SIZES = (24, 20, 18, 16, 14)
QUOTE_SIZES = (40, 36, 32, 28, 24, 20)
QUOTE_EVEN_FLOOR = 28  # one quote size for the deck, unless a quote needs smaller than this
RULE_GAP, RULE_WIDTH = 24.0, 6.0  # the rule beside a quote: its distance from the quote, width
LABEL_SIZES = (24, 20, 18, 16)
NUMERAL_SIZES = (120, 108, 96, 84, 72, 60)  # a divider's section number: large, or not at all
PANEL_INSET = 12.0  # between the code's panel and its text, all round (pt)
# A snippet of this many rows or fewer is set larger where it fits, on a panel its own width
SHORT_CODE_ROWS = 4
SHORT_CODE_SIZES = (32, 28, 26)
MIN_PANEL = 0.5  # of the content area's width: a narrower panel looks like a stray box
# The smallest text is set at where a theme's box is too small for the sizes above: still
# legible from the back of a room (titles, quotes), or as a caption is (labels, attributions).
FLOOR = 16
FLOORS = {"label": 12, "attribution": 12, "subtitle": 12}


class Drafts:
    """Drafts the slides of one talk in one theme; mistakes name the outline's line."""

    def __init__(self, outline: Outline, voice: Voice, frames: Frames) -> None:
        self.outline, self.voice, self.frames = outline, voice, frames

    def fit(
        self,
        text: str,
        box: Box,
        sizes: tuple[int, ...],
        what: str,
        max_lines: int = 3,
        written_as: str | None = None,  # what the outline says, when `text` adds to it
        font: Typeface | None = None,
        strict: bool = False,
    ) -> int:
        """The size `text` is set at in `box`: the largest of `sizes` at which it fits in
        `max_lines` lines, else smaller down to a legible floor, else wrapped onto as many
        lines as the box holds (`fit.set_at`; the theme's boxes hold a few lines at the floor,
        so only text too long for any slide is an error). `strict`: only `sizes` in
        `max_lines` will do (a pull quote that does not fit gives way to the next)."""
        # titles by default; text in any other font (or a quote) is set at single leading
        line_height = LINE_HEIGHT if font else TITLE_LINE_HEIGHT
        face = font or self.frames.title_font
        floor = FLOORS.get(what, FLOOR)
        if strict:
            size = largest_fitting(text, box, sizes, max_lines, face, line_height)
        else:
            size = set_at(text, box, sizes, floor, max_lines, face, line_height)
        if size is None:
            least = sizes[-1] if strict else floor
            body = self.frames.body
            if largest_fitting(text, body, (least,), max_lines, face, line_height):
                # text of a usual length, in as many lines as it may take across the body's
                # box: the theme's box is too small for it, not the text too long
                raise self.error(
                    f"the theme's {what} box ({box.width / 72:.1f} × {box.height / 72:.1f} in) "
                    f"is too small for the {what} '{text[:40]}…' even at {least} pt; make that "
                    "box larger in the theme's layout (PowerPoint: View › Slide Master), or "
                    f"shorten the {what}",
                    written_as or text,
                )
            raise self.error(
                f"the {what} '{text[:40]}…' is too long to fit its slide even at "
                f"{least} pt; shorten it (put detail in the points or the script)",
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
        title: str,
        subtitle: str | None,
        sizes: tuple[int, ...] = COVER_TITLE_SIZES,
        lines: int = 3,
    ) -> SlidePlan:
        """A title slide: `title` at the largest of `sizes` it fits in `lines` lines, the
        subtitle under it."""
        f = self.frames
        shown = typeset(title)
        sub_pt = 0
        if subtitle:
            shown_sub = typeset(subtitle)
            box = f.cover_subtitle
            sub_pt = self.fit(shown_sub, box, SUBTITLE_SIZES, "subtitle", 4, subtitle, f.body_font)
        size = self.fit(shown, f.cover_title, sizes, "title", lines, written_as=title)
        return SlidePlan(
            number=0,
            kind=Kind.TITLE,
            layout=Layout.COVER,
            title=set_title(shown, size, f.cover_title, f.title_font),
            title_pt=size,
            subtitle=typeset(subtitle) if subtitle else None,
            body_pt=sub_pt,
        )

    def closing(self, message: str, title: str, host: str | None, heading: str) -> SlidePlan:
        """The closing slide, in the title slide's layout: the talk's last message as its
        title, as large as it fits in up to four lines, the talk's `title` and `host` below.
        Where the layout's title box is too small for the message at CLOSING_SIZES (a one-line
        title box), the voice's closing `heading` ("Thanks for watching") stands in it and the
        message below it, in the subtitle's box, in the body font: the talk's title there
        would make the title slide's own title a second time."""
        f = self.frames
        fits = largest_fitting(
            typeset(message), f.cover_title, CLOSING_SIZES, 4, f.title_font, TITLE_LINE_HEIGHT
        )
        Try = tuple[str, tuple[str | None, ...], tuple[int, ...], int]
        tries: list[Try] = [(message, (title, host), CLOSING_SIZES, 4)] if fits else []
        # else the message under the heading; where not even there, the host alone
        tries += [(heading, (message, host), COVER_TITLE_SIZES, 3)]
        tries += [(heading, (host,), COVER_TITLE_SIZES, 3)]
        for n, (big, under, sizes, lines) in enumerate(tries, 1):
            try:
                cover = self.cover(big, "\n".join(x for x in under if x) or None, sizes, lines)
            except DeckmakerError:
                if n == len(tries):
                    raise
                continue
            return evolve(cover, kind=Kind.CLOSING)
        raise AssertionError("unreachable: the last try returns or raises")

    def divider(self, title: str, label: str | None, number: int = 0) -> SlidePlan:
        """A section's divider: its title large, its label ("Part 2 of 4"), and the section's
        number larger still ("02") where the theme leaves room for it above them."""
        f = self.frames
        shown = typeset(title)
        measured = shown.upper() if f.header_caps else shown  # as the layout draws it
        size = self.fit(measured, f.header_title, COVER_TITLE_SIZES, "title", written_as=title)
        label_pt = 0
        if label and f.header_label:
            label_pt = self.fit(label, f.header_label, LABEL_SIZES, "label", 1, font=f.body_font)
        if not f.header_caps:  # where it breaks is worked out on the words as drawn
            shown = set_title(shown, size, f.header_title, f.title_font)
        title = shown
        subtitle = label if label_pt else None
        slide = SlidePlan(0, Kind.SECTION, Layout.HEADER, title, size, subtitle, body_pt=label_pt)
        box = f.header_number
        if number and box:
            numeral = f"{number:02d}"
            numeral_pt = largest_fitting(numeral, box, NUMERAL_SIZES, 1, f.title_font)
            if numeral_pt:
                place = (box.left, box.top, box.width, box.height)
                return evolve(slide, numeral=numeral, numeral_pt=numeral_pt, numeral_box=place)
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
            f = evolve(f, body=evolve(f.body, indent=max(f.body.indent, widest)))
        return self.pages(title, self.paginated(bullets, f), f)

    def paginated(
        self, bullets: tuple[Bullet, ...], frames: Frames | None = None
    ) -> list[tuple[Bullet, ...]]:
        """The bullets (as shown: typeset) over as few pages as they fit."""
        f = frames or self.frames
        return paginate(_typeset(bullets), f.body, BODY_PT, f.body_font)

    def one_page(self, bullets: tuple[Bullet, ...]) -> bool:
        """Whether the bullets fit one page (`len(self.paginated(bullets)) == 1`)."""
        f = self.frames
        return one_box(_typeset(bullets), f.body, BODY_PT, f.body_font)

    def pages(
        self, title: str, pages: Sequence[tuple[Bullet, ...]], frames: Frames | None = None
    ) -> list[SlidePlan]:
        """Pages of bullets (as `paginated` makes them) as slides, all under the title."""
        f = frames or self.frames
        # Continuations are numbered once the whole deck is planned (`titles`): fitted here
        # as the last of them would be.
        titles, title_pt = self.titles(title, len(pages), f)
        # A section's pages share one size and one spacing, its smallest: a list that runs
        # on reads as one list, not as a last page suddenly set larger and spread out.
        f_body, font = f.body, f.body_font

        sizes = under(title_pt, BODY_SIZES)

        def largest(page: tuple[Bullet, ...]) -> int:
            fits = (s for s in sizes if body_height(page, f_body, s, font) <= f_body.height)
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
        sides = tuple(_columnbullets(c) for c in columns)
        if f.columns is not None:
            shown = typeset(title)
            title_pt = self.fit(shown, f.title, TITLE_SIZES, "title", written_as=title)
            for size in under(title_pt, COLUMN_SIZES):
                if all(
                    body_height(side, box, size, f.body_font) <= box.height
                    for side, box in zip(sides, f.columns, strict=False)
                ):
                    return [
                        SlidePlan(
                            0,
                            Kind.SECTION,
                            Layout.COLUMNS,
                            shown,
                            title_pt,
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
        return self.bullet_pages(title, tuple(b for points in listed for b in bullets(points)))

    def picture(self, title: str, image: str, alt: str | None = None) -> SlidePlan:
        f = self.frames
        shown = typeset(title)
        box = f.picture or f.body
        try:
            placed = fitted_picture(image, box)
        except DeckmakerError as err:
            raise self.error(str(err.problems[0].message), image) from None
        size = self.fit(shown, f.title, TITLE_SIZES, "title", written_as=title)
        return SlidePlan(
            0, Kind.SECTION, Layout.IMAGE, shown, size, image=image, alt=alt, picture=placed
        )

    def quote(
        self,
        text: str,
        attribution: str | None,
        strict: bool = False,
        heading: str | None = None,
    ) -> SlidePlan:
        """Quoted words large, who said them below. In a theme with a layout made for quotes
        they fill its large box; in any other the quote stands in the body box of a slide of
        points, under `heading` (the section's title), never in a title box."""
        f = self.frames
        if f.quote is None:
            return self.body_quote(text, attribution, strict, heading)
        shown = quoted(text)
        box = evolve(f.quote, width=f.quote.width - self.hang(QUOTE_SIZES[0], f.title_font))
        size = self.fit(shown, box, QUOTE_SIZES, "quote", 6, text, f.title_font, strict)
        by = f"— {typeset(attribution)}" if attribution else None
        by_box = f.quote_by
        by_pt = 0
        if by and by_box:
            by_pt = self.fit(by, by_box, LABEL_SIZES, "attribution", 2, attribution, f.body_font)
        if by and not by_pt:  # a theme with nowhere else to put it: under the quote
            shown, by = f"{shown}\n{by}", None
            size = self.fit(shown, box, QUOTE_SIZES, "quote", 7, text, f.title_font, strict)
        return SlidePlan(0, Kind.SECTION, Layout.QUOTE, shown, size, subtitle=by, body_pt=by_pt)

    def quote_pages(
        self, text: str, attribution: str | None, heading: str | None = None
    ) -> list[tuple[str, SlidePlan]]:
        """A quote on as many quote slides as it needs, each with a piece of it and who said
        it: one when it fits at the smallest quote size, else as many sentences on each as fit
        (words, for a sentence longer than a slide holds)."""
        try:
            return [(text, self.quote(text, attribution, heading=heading))]
        except DeckmakerError:
            pass
        from deckmaker.sentences import split

        pieces: list[str] = []
        for unit in (w for sentence in split(text) for w in self._sayable(sentence, attribution)):
            longer = f"{pieces[-1]} {unit}" if pieces else unit
            if pieces and self._fits_quote(longer, attribution):
                pieces[-1] = longer
            else:
                pieces.append(unit)
        return [(piece, self.quote(piece, attribution, heading=heading)) for piece in pieces]

    def _sayable(self, sentence: str, attribution: str | None) -> list[str]:
        """A sentence as one piece when it fits a quote slide, else as pieces of its words."""
        if self._fits_quote(sentence, attribution):
            return [sentence]
        out: list[str] = []
        for word in sentence.split():
            longer = f"{out[-1]} {word}" if out else word
            if out and self._fits_quote(longer, attribution):
                out[-1] = longer
            else:
                out.append(word)
        return out

    def _fits_quote(self, text: str, attribution: str | None) -> bool:
        try:
            self.quote(text, attribution)
        except DeckmakerError:
            return False
        return True

    def statement(self, text: str, heading: str | None = None) -> SlidePlan:
        """The host's own words set large, as a quote is but without quote marks: a sentence
        said while nothing else is on screen. In a theme with no layout made for quotes it
        stands in the body box under `heading` (the section's title), as a quote does there:
        never in a divider's title box, where it would read as a new section."""
        f = self.frames
        shown = typeset(text)
        if f.quote is None:
            # never set smaller than a list's text: a sentence too long for that gives way
            sizes = tuple(x for x in QUOTE_SIZES if x >= BODY_PT)
            size = self.fit(shown, f.body, sizes, "statement", 8, text, f.body_font, strict=True)
            return self.under_heading(Layout.STATEMENT, shown, size, heading)
        size = self.fit(shown, f.quote, QUOTE_SIZES, "statement", 6, text, f.title_font)
        return SlidePlan(0, Kind.SECTION, Layout.STATEMENT, shown, size)

    def titles(self, title: str, count: int, frames: Frames | None = None) -> tuple[list[str], int]:
        """A slide's title on each of `count` slides, as shown, and their size: fitted as the
        last continuation, numbered once the whole deck is planned (`titles.unique_titles`),
        would be."""
        f = frames or self.frames
        longest = self.voice.say("continued", title, count, count)
        size = self.fit(typeset(longest), f.title, TITLE_SIZES, "title", written_as=title)
        return [typeset(title)] * count, size

    def code(self, title: str, blocks: Sequence[Code]) -> list[SlidePlan]:
        """Code on a panel in the content area, coloured by kind of token, in the theme's
        monospace font, as large as it fits (plan.code); continued on further slides when it
        does not fit one at the floor. Its text is never curled nor capitalised. Several short
        blocks said one after the other share the panel, a blank line between them. A short
        snippet is set larger (SHORT_CODE_SIZES), its panel as wide as its longest line, a
        little above the middle of the area: a command shown, not a line lost at the top of
        an empty panel."""
        f = self.frames
        area = f.content or f.body
        inner = Box(area.width - 2 * PANEL_INSET, area.height - 2 * PANEL_INSET)
        lines: list[Line] = []
        for block in blocks:
            lines += [
                *([()] if lines else []),
                *highlighted(block.text, block.language, f.code_colours),
            ]
        short = len(lines) <= SHORT_CODE_ROWS
        size, pages = code_pages(
            lines, inner, f.code_font, (*SHORT_CODE_SIZES, *CODE_SIZES) if short else CODE_SIZES
        )
        titles, title_pt = self.titles(title, len(pages))
        return [
            SlidePlan(
                0,
                Kind.SECTION,
                Layout.CODE,
                shown,
                title_pt,
                code=page,
                code_pt=size,
                code_font=f.code_font.name,
                code_colours=f.code_colours,
                area=_panel(page, size, area, f.code_font)
                if len(pages) == 1
                else (area.left, area.top, area.width, _panel_height(len(page), size, area)),
            )  # fmt: skip
            for shown, page in zip(titles, pages, strict=True)
        ]

    def table(self, title: str, table: Table) -> list[SlidePlan]:
        """A native table in the content area, its header row marked, as large as it fits
        (plan.table); its rows continued on further slides, under the header again, when they
        do not fit one at the floor. None for a table too wide for any slide (`too_wide`)."""
        f = self.frames
        area = f.content or f.body
        bold = typeface(f.body_font.name, bold=True) if f.body_font.measured_with else f.body_font
        header = tuple(typeset(c) for c in table.header)
        rows = [tuple(typeset(c) for c in r) for r in table.rows]
        if too_wide(header, rows, area, f.body_font, bold):
            return []
        size, pages = table_pages(header, rows, area, f.body_font, bold)
        titles, title_pt = self.titles(title, len(pages))
        return [
            SlidePlan(
                0,
                Kind.SECTION,
                Layout.TABLE,
                shown,
                title_pt,
                table=page.rows,
                table_pt=size,
                table_widths=page.widths,
                table_heights=page.heights,
                table_header=f.table_header,
                area=(area.left, area.top, sum(page.widths), sum(page.heights)),
            )  # fmt: skip
            for shown, page in zip(titles, pages, strict=True)
        ]

    def body_quote(
        self, text: str, attribution: str | None, strict: bool, heading: str | None
    ) -> SlidePlan:
        """A quote in the body box, in the theme's body font, who said it on a line below."""
        f = self.frames
        lines = quoted(text) + (f"\n— {typeset(attribution)}" if attribution else "")
        box = evolve(f.body, width=f.body.width - self.hang(QUOTE_SIZES[0], f.body_font))
        size = self.fit(lines, box, QUOTE_SIZES, "quote", 8, text, f.body_font, strict)
        return self.under_heading(Layout.QUOTE, lines, size, heading)

    def under_heading(
        self, layout: Layout, words: str, size: int, heading: str | None
    ) -> SlidePlan:
        """Words set at `size` in the body box under `heading` (the section's title): a quote
        or a statement in a theme with no layout made for quotes."""
        title = typeset(heading or "")
        title_pt = self.fit(title, self.frames.title, TITLE_SIZES, "title", written_as=heading)
        return SlidePlan(
            0, Kind.SECTION, layout, title, title_pt, subtitle=words, body_pt=size,
            quote_in_body=True,
        )  # fmt: skip

    def rewrapped(self, shown: tuple[Bullet, ...], box: Box, size: int) -> tuple[Bullet, ...]:
        """Bullets kept from a lone last word (`unwidowed_list`) at a new size."""
        plain = tuple(evolve(b, text=b.text.replace(NO_BREAK, " ")) for b in shown)
        return unwidowed_list(plain, box, size, self.frames.body_font)

    def even_quotes(self, parts: Sequence[Part]) -> tuple[Part, ...]:
        """One size for every quote of the deck, its smallest (a quote set smaller than
        QUOTE_EVEN_FLOOR keeps its own), and one for who said them; each quote's opening mark
        hung outside its text and, in a layout made for quotes, a rule beside its lines."""
        quotes = [s for p in parts for s in p.slides if s.layout is Layout.QUOTE]
        sizes = [s.body_pt if s.quote_in_body else s.title_pt for s in quotes]
        deck_pt = min((x for x in sizes if x >= QUOTE_EVEN_FLOOR), default=0)
        by_pt = min((s.body_pt for s in quotes if not s.quote_in_body and s.body_pt), default=0)

        def evened(s: SlidePlan) -> SlidePlan:
            if s.layout is not Layout.QUOTE:
                return s
            if s.quote_in_body:
                size = min(s.body_pt, deck_pt) if s.body_pt >= QUOTE_EVEN_FLOOR else s.body_pt
                return evolve(s, body_pt=size, hanging=self.hang(size, self.frames.body_font))
            size = min(s.title_pt, deck_pt) if s.title_pt >= QUOTE_EVEN_FLOOR else s.title_pt
            s = evolve(s, title_pt=size, body_pt=min(s.body_pt, by_pt) if s.body_pt else 0)
            s = evolve(s, hanging=self.hang(size, self.frames.title_font))
            return evolve(s, rule=self.rule(s))

        return tuple(evolve(p, slides=tuple(evened(s) for s in p.slides)) for p in parts)

    @staticmethod
    def hang(size: int, font: Typeface) -> float:
        """How far a quote's opening mark hangs: its width at `size`."""
        return round(text_width("\u201c", size, font), 1)

    def rule(self, slide: SlidePlan) -> tuple[float, float, float, float] | None:
        """The rule beside a quote in a layout made for quotes: from the top of its first line
        (it stands on its box's foot) to the foot of who said it (from the top of its box),
        RULE_GAP left of the box; none where the slide has no room left of the box."""
        f = self.frames
        box, by = f.quote, f.quote_by
        if box is None or box.left < RULE_GAP + RULE_WIDTH:
            return None
        inner = evolve(box, width=box.width - slide.hanging)
        lines = lines_at(slide.title, slide.title_pt, inner, f.title_font)
        top = box.top + box.height - min(box.height, lines * LINE_HEIGHT * slide.title_pt)
        bottom = box.top + box.height
        if slide.subtitle and by is not None and slide.body_pt:
            said = lines_at(slide.subtitle, slide.body_pt, by, f.body_font)
            bottom = by.top + min(by.height, said * LINE_HEIGHT * slide.body_pt)
        left = box.left - RULE_GAP - RULE_WIDTH
        return (round(left, 1), round(top, 1), RULE_WIDTH, round(bottom - top, 1))

    def even_titles(self, parts: list[Part]) -> tuple[Part, ...]:
        """One title size for every titled slide: the largest at which all of them fit, unless
        one needs less than DECK_TITLE_FLOOR, which then keeps its own smaller size."""
        titled = (Layout.CONTENT, Layout.COLUMNS, Layout.IMAGE, Layout.CODE, Layout.TABLE)

        def headed(s: SlidePlan) -> bool:  # titled as a slide of points is
            return s.layout in titled or s.quote_in_body

        sizes = [s.title_pt for p in parts for s in p.slides if headed(s)]
        deck_pt = max(min(sizes, default=0), DECK_TITLE_FLOOR)
        box, font = self.frames.title, self.frames.title_font

        def evened(s: SlidePlan) -> SlidePlan:
            if not headed(s):
                return s
            size = min(s.title_pt, deck_pt)
            s = evolve(s, title_pt=size, title=set_title(s.title, size, box, font))
            sizes = COLUMN_SIZES if s.columns else BODY_SIZES
            body = min(s.body_pt, under(size, sizes)[0])
            if (s.bullets or s.columns) and body < s.body_pt:  # the text kept a step below
                s = evolve(
                    s,
                    body_pt=body,
                    spacing=round(s.spacing * body / s.body_pt, 1),
                    bullets=self.rewrapped(s.bullets, self.frames.body, body),
                    columns=tuple(
                        self.rewrapped(c, b, body)
                        for c, b in zip(s.columns, self.frames.columns or (), strict=False)
                    ),
                )
            return s

        return tuple(evolve(p, slides=tuple(evened(s) for s in p.slides)) for p in parts)


def _quote_text(slide: SlidePlan) -> str:
    """A quote slide's words as the outline gives them (the plan shows them quoted)."""
    return slide.subtitle if slide.quote_in_body and slide.subtitle else slide.title


def under(title_pt: int, sizes: tuple[int, ...]) -> tuple[int, ...]:
    """The text sizes (descending) a title at `title_pt` stands SCALE times above; the
    smallest of them when the title is too small for any (a title never set below the text)."""
    return tuple(s for s in sizes if s * SCALE <= title_pt) or sizes[-1:]


def _panel(
    rows: Sequence[Line], size: int, area: Box, font: Typeface
) -> tuple[float, float, float, float]:
    """The panel of code that fits one slide: as tall as its rows; one that leaves much of the
    area empty as wide as its longest row (never under MIN_PANEL of the area's width), and
    set a little above the area's middle, where a block alone looks centred (finishing.OPTICAL)."""
    height = _panel_height(len(rows), size, area)
    room = area.height - height
    if height > area.height / 2:
        return (area.left, area.top, area.width, height)
    widest = max((text_width(text_of(r), size, font) for r in rows), default=0.0)
    width = min(area.width, max(MIN_PANEL * area.width, widest + 2 * PANEL_INSET))
    return (area.left, round(area.top + OPTICAL * room, 1), round(width, 1), height)


def _panel_height(rows: int, size: int, area: Box) -> float:
    """The code's panel: as tall as its rows and insets, within the content area."""
    return min(area.height, rows * CODE_LINE_HEIGHT * size + 2 * PANEL_INSET)


def bullets(points: Sequence[Point]) -> tuple[Bullet, ...]:
    """Points and their sub-points as bullets, one level deep."""
    return tuple(b for p in points for b in (Bullet(p.text), *(Bullet(s, 1) for s in p.points)))


def _texts(points: Sequence[Point]) -> tuple[str, ...]:
    """Points and their sub-points as one flat list, for a column shown as sub-points."""
    return tuple(t for p in points for t in (p.text, *p.points))


def _columnbullets(column: Column) -> tuple[Bullet, ...]:
    heading = (Bullet(typeset(column.title), 0, heading=True),) if column.title else ()
    return heading + tuple(evolve(b, text=typeset(b.text)) for b in bullets(column.points))


def _typeset(bullets: tuple[Bullet, ...]) -> tuple[Bullet, ...]:
    """The bullets as shown: typeset."""
    return tuple(b if (t := typeset(b.text)) == b.text else evolve(b, text=t) for b in bullets)
