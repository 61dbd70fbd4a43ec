"""Stage two: plan the talk once; the deck and the script both render this plan.

The API's verb is `deckmaker.plan("talk.yaml")` (`deckmaker.api.plan`); this package is the
stage it runs.
"""

from deckmaker.planning.model import Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.planning.planner import DEFAULT_WPM, plan_talk
from deckmaker.planning.voice import Voice
from deckmaker.theme.frames import Box, Frames

__all__ = [
    "DEFAULT_WPM", "Box", "Bullet", "Frames", "Kind", "Layout", "Part", "Plan", "SlidePlan",
    "Voice", "plan_talk",
]  # fmt: skip
