"""Stage three: write the plan out, as a .pptx deck (`deck`) and as a script (`script`)."""

# Before anything here imports python-pptx: defer what it loads but a build rarely uses.
from deckmaker.render import deferred  # noqa: F401, E402
