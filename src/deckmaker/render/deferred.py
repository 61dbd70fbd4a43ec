"""Modules python-pptx imports on load but a deck rarely uses, loaded on first use instead.

`import pptx` loads `xml.sax.saxutils` for its `escape`, and saxutils loads `urllib.request`
(with `http.client`, `email` and `ssl`) for reading XML from URLs, which python-pptx never
does: about a sixth of a build's start-up. PIL's `Image` is needed only for a slide with a
picture. Each gets a stand-in in `sys.modules` that imports the real module, and takes its place,
the first time anything is looked up on it; `importlib.util.LazyLoader` cannot do this for a
module that is imported as a side effect of a package's own imports. Import this module before
python-pptx (the render package does).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

DEFERRED = ("urllib.request", "PIL.Image")


class _StandIn(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        return getattr(_load(self.__name__), name)


def _load(name: str) -> types.ModuleType:
    if isinstance(sys.modules.get(name), _StandIn):
        del sys.modules[name]
    return importlib.import_module(name)  # also rebinds it on its parent package


def defer(name: str) -> None:
    """Put a stand-in for `name` in place, unless the real module is loaded (or not installed)."""
    if name in sys.modules:
        return
    parent_name, _, child = name.rpartition(".")
    try:
        parent = importlib.import_module(parent_name)
        spec = importlib.util.find_spec(name)
    except ImportError:
        return
    if spec is None:
        return
    stand_in = _StandIn(name)
    stand_in.__spec__ = spec  # so find_spec still answers as it would
    sys.modules[name] = stand_in
    setattr(parent, child, stand_in)


for _name in DEFERRED:
    defer(_name)
