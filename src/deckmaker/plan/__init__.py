"""Stage two: plan the talk once; the deck and the script both render this plan."""

from deckmaker.plan.fit import Box
from deckmaker.plan.model import Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.plan.planner import DEFAULT_WPM, plan_talk
from deckmaker.plan.slides import Frames
from deckmaker.plan.voice import Voice

__all__ = [
    "DEFAULT_WPM", "Box", "Bullet", "Frames", "Kind", "Layout", "Part", "Plan", "SlidePlan",
    "Voice", "plan_talk",
]  # fmt: skip
