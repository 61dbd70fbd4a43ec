"""Stage two: plan the talk once; the deck and the script both render this plan.

Called, this package is the Python API's `plan`: `deckmaker.plan("talk.yaml")` plans a talk
(`deckmaker.api.plan`). The package is the pipeline's stage and the API's verb at once so
that both `deckmaker.plan(...)` and `import deckmaker.plan.model` mean what they say; a
function of that name on `deckmaker` would be hidden by the subpackage, or hide it.
"""

import sys
import types
from typing import Any

from deckmaker.plan.fit import Box
from deckmaker.plan.model import Bullet, Kind, Layout, Part, Plan, SlidePlan
from deckmaker.plan.planner import DEFAULT_WPM, plan_talk
from deckmaker.plan.slides import Frames
from deckmaker.plan.voice import Voice

__all__ = [
    "DEFAULT_WPM", "Box", "Bullet", "Frames", "Kind", "Layout", "Part", "Plan", "SlidePlan",
    "Voice", "plan_talk",
]  # fmt: skip


class _Callable(types.ModuleType):
    def __call__(self, source: Any, **choices: Any) -> Any:
        """Plan the talk in `source`: `deckmaker.api.plan`, which says what it takes."""
        from deckmaker.api import plan

        return plan(source, **choices)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickled by name, as plain modules are (Dask sends what uses it to other processes)."""
        from importlib import import_module

        return import_module, (self.__name__,)


sys.modules[__name__].__class__ = _Callable
