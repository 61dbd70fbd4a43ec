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

__all__ = ["Artifact", "Built", "DeckmakerError", "Plan", "build", "plan"]

if TYPE_CHECKING:
    from deckmaker.api import Artifact, Built, DeckmakerError, Plan, build, plan

    __version__: str


def __getattr__(name: str) -> Any:
    """The API, imported on first use (the planning stage itself is `deckmaker.planning`), and
    `__version__`, read from the installed package's metadata when asked for (importing
    `importlib.metadata` would cost a small build's start-up a tenth)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("deckmaker")
        except PackageNotFoundError:  # a source tree on sys.path, not installed
            return "0+unknown"
    if name in __all__:
        from deckmaker import api

        return getattr(api, name)
    raise AttributeError(f"module 'deckmaker' has no attribute '{name}'")
