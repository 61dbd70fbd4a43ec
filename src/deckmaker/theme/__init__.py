"""Stage one and a half: read the deck's theme, once, before planning. The planner fits text to
its boxes and fonts (`Theme.frames`); the renderer builds its slides on the layouts it chose
(`Theme.layouts`). Neither owns it.

- `shipped`: the themes deckmaker ships, and which file a `--theme` names (no python-pptx).
- `presentation`: opening a .pptx or .potx safely.
- `layouts`: which layout serves each kind of slide, found by what it holds.
- `frames`, `fonts`: the boxes text is fitted to, and the widths of the fonts it is set in.
- `colours`: the theme's colour scheme.
- `read`: all of that, into one `Theme` (`model`); `cache`: a theme read before, kept.
"""
