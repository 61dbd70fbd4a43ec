"""How the script's length compares with the length the talk should run."""

from __future__ import annotations

from deckmaker.filters import clock
from deckmaker.planning.model import Plan

# Within a tenth of the target (and at least 15 s) counts as on time: delivery varies more.
TOLERANCE = 0.10
SLACK_SECONDS = 15


def length_warnings(plan: Plan) -> tuple[str, ...]:
    """One warning when the script runs long or short of `plan.target`, saying by how much."""
    if not plan.target:
        return ()
    off = plan.total_seconds - plan.target
    if abs(off) <= max(TOLERANCE * plan.target, SLACK_SECONDS):
        return ()
    words = round(abs(off) * plan.wpm / 60)
    if off > 0:
        what, fix = f"{clock(off)} longer than", f"cut about {words} words"
    else:
        what, fix = f"{clock(-off)} shorter than", f"add about {words} words"
    return (
        f"the script runs about {clock(plan.total_seconds)} at {plan.wpm} words per minute, "
        f"{what} the {clock(plan.target)} target; {fix}, or change the target",
    )


def pacing_warnings(plan: Plan) -> tuple[str, ...]:
    """Slides the script never reached (their words were written from their points), slides
    with nothing said over them, and slides up longer than the limit, one line each."""
    out = []
    if plan.written:
        out.append(
            f"the script ran out before the points did: deckmaker wrote what is said over "
            f"{_slides(plan.written)} from their points; add script there to say it yourself"
        )
    silent = tuple(s.number for s in plan.slides if not s.words)
    if silent:
        out.append(f"nothing is said over {_slides(silent)}; add script or points there")
    long = tuple(
        s.number
        for s, (_, length) in zip(plan.slides, plan.slide_timings, strict=True)
        if length > plan.max_slide_seconds
    )
    if long:
        out.append(
            f"{_slides(long)} stay{'s' * (len(long) == 1)} up longer than the "
            f"{clock(plan.max_slide_seconds)} a slide should (a sentence too long to split, a "
            "greeting or sign-off, or prose with nothing more to show); shorten it, add points "
            "there, or raise `pace:` or --max-slide-seconds"
        )
    return tuple(out)


def _slides(numbers: tuple[int, ...]) -> str:
    listed = ", ".join(str(n) for n in numbers)
    return f"slide {listed}" if len(numbers) == 1 else f"slides {listed}"
