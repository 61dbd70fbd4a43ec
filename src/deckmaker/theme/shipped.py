"""The shipped themes, and which theme file a `--theme` or `theme:` names. No python-pptx here:
`deckmaker themes` lists them without loading it."""

from __future__ import annotations

from pathlib import Path

from deckmaker.bundle import bundled
from deckmaker.errors import DeckmakerError
from deckmaker.textfile import refuse_special

THEMES_FOLDER = "themes"
DEFAULT_THEME = "light"
SUFFIXES = (".pptx", ".potx")


def theme_path(spec: str | Path | None, fallback: Path | None = None) -> Path:
    """The theme file for `--theme`/`theme:` (a path or a shipped theme's name), else
    `fallback` (a --templates deck.pptx), else the default shipped theme."""
    if spec is None:
        return fallback or shipped()[DEFAULT_THEME]
    path = Path(spec)
    if path.suffix.lower() in SUFFIXES or path.exists():
        if path.is_dir():
            raise DeckmakerError.at("is a folder; give a .pptx or .potx theme file", str(path))
        refuse_special(path, "give a .pptx or .potx theme file")
        if not path.is_file():
            raise DeckmakerError.at("no such theme file; check the path", str(path))
        return path
    themes = shipped()
    if str(spec) not in themes:
        names = ", ".join(themes)
        raise DeckmakerError.at(
            f"no theme named '{spec}'; the shipped themes are {names} "
            "(`deckmaker themes`), or give a .pptx/.potx file",
            field="theme",
        )
    return themes[str(spec)]


def shipped() -> dict[str, Path]:
    """The shipped themes by name, the default first."""
    found = {p.stem: p for p in sorted(bundled(THEMES_FOLDER).glob("*.pptx"))}
    return dict(sorted(found.items(), key=lambda kv: kv[0] != DEFAULT_THEME))
