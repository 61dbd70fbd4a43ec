"""How the script's length compares with the length the talk should run."""

from __future__ import annotations

from deckmaker.filters import clock
from deckmaker.plan.model import Plan

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
