"""What a script template can use, declared once: each variable the format templates receive
and each attribute of what the voice macros receive, with what it is and an example.

The docs' template reference is generated from these tables, each example rendered on the
bundled example talk; tests fail when `render_script` passes a variable not declared here, or a
bundled template reads an attribute not declared here. The filters document themselves
(`deckmaker.filters`), and the macros and blocks are read from the bundled templates.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variable:
    name: str  # as a template writes it: `plan`, `plan.title`, `cue.number`
    help: str
    example: str  # a Jinja2 expression, rendered on the bundled example in the docs
    formats: tuple[str, ...] = ()  # the formats that receive it; () = every format


# The words of the written scripts that are not said (headings, table headers, legends), from
# the voice's `script_word` macro in the talk's language: the templates read them as `words`.
SCRIPT_WORDS = (
    "opening",
    "closing",
    "part",
    "slides",
    "starts_at",
    "runs",
    "total",
    "slide",
    "up_for",
    "delivery",
    "about",
    "recording_script",
    "dialogue_script",
    "for_host",
    "length",
    "timed",
    "timed_alone",
    "about_wpm",
    "target",
    "read",
    "cue",
    "pause",
    "click",
    "notes",
    "hosts",
    "hosts_notes",
    "cue_line",
    "parentheses",
    "in_this_video",
    "in_this_talk",
    "in_this_podcast",
    "chapters",
    "with",
    "links",
    "elapsed",
    "of_about",
    "speed",
    "and",
    "cue_mark",
    "cue_at",
    "pause_mark",
    "click_mark",
    "teleprompter",
    "shortcuts",
    "play",
    "previous",
    "next",
    "mirror",
    "smaller",
    "larger",
)

# -- the format templates (script.md.j2, captions.srt.j2…) ----------------------------------------

FORMAT_VARIABLES = (
    Variable(
        "plan", "The plan of the talk, which the deck was rendered from too.", "{{ plan.title }}"
    ),
    Variable("plan.title", "The talk's title, as written.", "{{ plan.title }}"),
    Variable("plan.subtitle", "The subtitle, or nothing.", "{{ plan.subtitle }}"),
    Variable("plan.host", "The host's name, or nothing.", "{{ plan.host }}"),
    Variable("plan.hosts", "The two hosts of a dialogue, or an empty list.", "{{ plan.hosts }}"),
    Variable(
        "plan.voice", "The voice's name: video, talk, podcast or one of yours.", "{{ plan.voice }}"
    ),
    Variable("plan.wpm", "The speaking rate, in words per minute.", "{{ plan.wpm }}"),
    Variable(
        "plan.clock",
        "Each slide's seconds as the audio of this build speaks them (with --format audio or "
        "video); empty otherwise, when the speaking rate keeps the time.",
        "{% if plan.clock %}timed from the audio{% endif %}",
    ),
    Variable(
        "plan.clock_voices",
        "Who spoke the audio that keeps the time: the engine and its voices.",
        "{{ plan.clock_voices }}",
    ),
    Variable("plan.words", "How many words are said in all.", "{{ plan.words }}"),
    Variable("plan.target", "The target length in seconds, or nothing.", "{{ plan.target }}"),
    Variable(
        "plan.slides", "Every slide, in order (see `cue.slide`).", "{{ plan.slides | length }}"
    ),
    Variable(
        "plan.metadata",
        "Names and texts from the outline's `metadata:` (an essay's date, tags…), never said.",
        "{{ plan.metadata }}",
    ),
    Variable(
        "plan.show_notes",
        "Lines from the outline's `show_notes:` (an essay's footnotes, links…), never said.",
        "{{ plan.show_notes }}",
    ),
    Variable(
        "parts",
        "The parts of the talk: the opening, each section, the closing.",
        "{{ parts | length }}",
    ),
    Variable("part.kind", "`intro`, `section` or `closing`.", "{{ parts[1].kind }}"),
    Variable(
        "part.number",
        "A section's number, from 1; 0 for the opening and closing.",
        "{{ parts[1].number }}",
    ),
    Variable(
        "part.title",
        "The part's title (nothing for the opening and closing).",
        "{{ parts[1].title }}",
    ),
    Variable(
        "part.chapter",
        "The part's chapter title, as chapters and show notes name it.",
        "{{ parts[0].chapter }}",
    ),
    Variable(
        "part.start",
        "When the part starts, in seconds into the recording.",
        "{{ parts[1].start | clock }}",
    ),
    Variable(
        "part.seconds", "How long the part runs, in seconds.", "{{ parts[1].seconds | clock }}"
    ),
    Variable("part.words", "How many words are said in the part.", "{{ parts[1].words }}"),
    Variable(
        "part.slides",
        "The part's cues, in order.",
        "{{ parts[1].slides | map(attribute='number') | list }}",
    ),
    Variable("cues", "Every slide's cue, in order: one `[SLIDE N]` each.", "{{ cues | length }}"),
    Variable("cue.number", "The slide's number, from 1.", "{{ cues[4].number }}"),
    Variable(
        "cue.kind",
        "What kind of slide it is (title, agenda, points, quote, …).",
        "{{ cues[4].kind }}",
    ),
    Variable("cue.title", "The slide's title.", "{{ cues[4].title }}"),
    Variable(
        "cue.start",
        "When the slide comes up, in seconds into the recording.",
        "{{ cues[4].start | clock }}",
    ),
    Variable("cue.seconds", "How long it stays up, in seconds.", "{{ cues[4].seconds | clock }}"),
    Variable("cue.words", "How many words are said over it.", "{{ cues[4].words }}"),
    Variable(
        "cue.clicks",
        "How many `[CLICK]` marks its words hold (with reveal on).",
        "{{ cues[4].clicks }}",
    ),
    Variable(
        "cue.spoken", "The paragraphs said over it.", "{{ cues[4].spoken[0] | truncate(60) }}"
    ),
    Variable(
        "cue.voices",
        "Who says each of its paragraphs, by name, in a talk for two hosts (empty names in a "
        "talk for one).",
        "{{ cues[4].voices }}",
    ),
    Variable("cue.notes", "Its delivery notes, never read aloud.", "{{ cues[0].notes }}"),
    Variable(
        "cue.slide",
        "The slide's plan, as the deck shows it: its `bullets` (each `text` and `level`)…",
        "{{ cues[4].slide.bullets[0].text }}",
    ),
    Variable(
        "slide.bullets",
        "The bullets the slide shows (`cue.slide.bullets`), each `text` and `level`.",
        "{{ cues[4].slide.bullets | length }}",
    ),
    Variable("bullet.text", "A bullet's text, as shown.", "{{ cues[4].slide.bullets[0].text }}"),
    Variable(
        "bullet.level", "0 for a point, 1 for a sub-point.", "{{ cues[4].slide.bullets[0].level }}"
    ),
    Variable("total", "How long the talk runs, in seconds.", "{{ total | clock }}"),
    Variable(
        "words",
        "The script's own words, not said (headings, table headers, the legend), in the talk's "
        "language: the voice's `script_word` macro for each key below; `%s` is filled in.",
        "{{ words | length }}",
    ),
    *(Variable(f"words.{key}", "See `words`.", f"{{{{ words.{key} }}}}") for key in SCRIPT_WORDS),
    Variable(
        "language",
        "The language the talk is said in (`en`, `es`), for the page's `lang`.",
        "{{ language }}",
        ("html",),
    ),
    Variable(
        "captions",
        "The captions, in order: each at most two lines, within one sentence and one slide.",
        "{{ captions | length }}",
        ("srt",),
    ),
    Variable(
        "caption.number", "The caption's number, from 1.", "{{ captions[0].number }}", ("srt",)
    ),
    Variable(
        "caption.start",
        "When it shows, in milliseconds.",
        "{{ captions[0].start | srt_time }}",
        ("srt",),
    ),
    Variable(
        "caption.end",
        "When it goes, in milliseconds.",
        "{{ captions[0].end | srt_time }}",
        ("srt",),
    ),
    Variable(
        "caption.lines",
        "Its lines, at most two of at most 42 characters.",
        "{{ captions[0].lines }}",
        ("srt",),
    ),
    Variable(
        "chapters",
        "The chapters, one a part (in show notes, a chapter under 10 s is merged).",
        "{{ chapters | length }}",
        ("chapters", "show-notes"),
    ),
    Variable(
        "chapter.start",
        "When it starts, in seconds.",
        "{{ chapters[1].start | clock }}",
        ("chapters", "show-notes"),
    ),
    Variable(
        "chapter.end",
        "When it ends, in seconds.",
        "{{ chapters[1].end | clock }}",
        ("chapters", "show-notes"),
    ),
    Variable("chapter.title", "Its title.", "{{ chapters[1].title }}", ("chapters", "show-notes")),
    Variable(
        "lines",
        "A dialogue's lines by slide number: who says each paragraph.",
        "{{ lines[1] | length }}",
        ("dialogue",),
    ),
    Variable(
        "line.speaker",
        "Who says it: one of `plan.hosts`.",
        "{{ lines[1][0].speaker }}",
        ("dialogue",),
    ),
    Variable("line.text", "What they say.", "{{ lines[1][0].text | truncate(60) }}", ("dialogue",)),
)

# -- what the voice macros receive (voice.j2) ---------------------------------------------------

VOICE_VARIABLES = (
    Variable("talk.title", "The talk's title, as written.", "{{ talk.title }}"),
    Variable(
        "talk.name",
        "The talk as said mid-sentence (its title before any colon).",
        "{{ talk.name }}",
    ),
    Variable("talk.subtitle", "The subtitle, or nothing.", "{{ talk.subtitle }}"),
    Variable(
        "talk.question",
        "The subtitle when it asks a question the intro does not open with; else empty.",
        "{{ talk.question }}",
    ),
    Variable("talk.host", "The host's name, or nothing.", "{{ talk.host }}"),
    Variable("talk.hosts", "The two hosts of a dialogue, or an empty list.", "{{ talk.hosts }}"),
    Variable(
        "talk.author",
        "Who wrote it, when that is not the host (credited in the greeting), or nothing.",
        "{{ talk.author }}",
    ),
    Variable("talk.topics", "Every section, as a topic.", "{{ talk.topics | length }}"),
    Variable(
        "talk.asks",
        "The subtitle when it is a question, for the recap to come back to; else empty.",
        "{{ talk.asks }}",
    ),
    Variable(
        "talk.hook",
        "The intro's gist: its first point that reads aloud as written; else empty.",
        "{{ talk.hook }}",
    ),
    Variable(
        "topic.number",
        "The section's number, from 1; 0 for the intro and outro.",
        "{{ talk.topics[0].number }}",
    ),
    Variable(
        "topic.order",
        "Its place in the talk, to vary the wording from one to the next.",
        "{{ talk.topics[1].order }}",
    ),
    Variable("topic.title", "Its title, as written.", "{{ talk.topics[0].title }}"),
    Variable(
        "topic.voice",
        "The voice it is said in (`video`, `talk`, `podcast`), for the voice's own ways in.",
        "{{ talk.topics[0].voice }}",
    ),
    Variable(
        "topic.talk",
        "The talk's title, to vary wording from talk to talk (`in_turn`).",
        "{{ talk.topics[0].talk }}",
    ),
    Variable(
        "topic.name",
        "Its name as said: the title before a colon, capitals kept where the prose keeps them.",
        "{{ talk.topics[0].name }}",
    ),
    Variable(
        "topic.points",
        "Its points as said (no trailing stop, no needless capital, web addresses as their site).",
        "{{ talk.topics[0].points | length }}",
    ),
    Variable("point.text", "A point's words, as said.", "{{ talk.topics[0].points[0].text }}"),
    Variable("point.points", "Its sub-points, as said.", "{{ talk.topics[0].points[0].points }}"),
    Variable(
        "topic.gist",
        "The point a recap says of it; empty when none reads aloud as written.",
        "{{ talk.topics[0].gist }}",
    ),
)
