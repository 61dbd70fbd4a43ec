"""deckmaker: one talk outline -> a PowerPoint deck and a recording script that stay in step.

From Python::

    import deckmaker

    built = deckmaker.build("talk.yaml")             # rendered in memory; nothing written
    built.artifacts["deck"].data                     # the .pptx, as bytes
    deckmaker.build("talk.yaml", out_dir="build")    # the same, and written into build/
    plan = deckmaker.plan("talk.yaml", theme="dark")  # the slides and what is said over each

See `deckmaker.api` for every option. Importing the package is cheap: the pipeline is imported
on the first call.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Artifact", "Built", "DeckmakerError", "Plan", "build", "plan"]

if TYPE_CHECKING:
    from deckmaker.api import Artifact, Built, DeckmakerError, Plan, build, plan


class _Package(types.ModuleType):
    """`deckmaker.build` and `deckmaker.plan` are the API's functions, though the package also
    has a module `build` and a subpackage `plan`: importing a submodule sets it as an attribute
    of its package, which would hide the function. As properties with a setter that declines,
    the names always give the functions; the submodules stay in `sys.modules` for
    `from deckmaker.pipeline import ...` as before."""

    @property
    def build(self) -> Any:
        from deckmaker.api import build

        return build

    @build.setter
    def build(self, submodule: Any) -> None:
        pass

    @property
    def plan(self) -> Any:
        from deckmaker.api import plan

        return plan

    @plan.setter
    def plan(self, submodule: Any) -> None:
        pass

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickled by name, as plain modules are (Dask and cloudpickle send functions that use
        the package to other processes)."""
        from importlib import import_module

        return import_module, (self.__name__,)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in ("Artifact", "Built", "DeckmakerError", "Plan", "build"):
        from deckmaker import api

        return getattr(api, name)
    raise AttributeError(f"module 'deckmaker' has no attribute '{name}'")
