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

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Artifact", "Built", "DeckmakerError", "Plan", "build", "plan"]

if TYPE_CHECKING:
    from deckmaker.api import Artifact, Built, DeckmakerError, Plan, build, plan


def __getattr__(name: str) -> Any:
    """The API, imported on first use. `deckmaker.plan` is the pipeline's planning stage, a
    subpackage that is also called as the API's `plan` (see deckmaker/plan/__init__.py)."""
    if name in ("Artifact", "Built", "DeckmakerError", "Plan", "build"):
        from deckmaker import api

        return getattr(api, name)
    if name == "plan":
        from importlib import import_module

        return import_module("deckmaker.plan")
    raise AttributeError(f"module 'deckmaker' has no attribute '{name}'")
