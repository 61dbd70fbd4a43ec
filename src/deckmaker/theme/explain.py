"""`deckmaker themes FILE`: what deckmaker will make of a template, before building with it.
One line each: the layout that serves each kind of slide, the fonts and whether they are
installed (or the metric-compatible stand-in measured instead), the colours, and each problem.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from deckmaker.theme.fonts import METRIC_TWINS, Typeface, installed_families
from deckmaker.theme.layouts import described
from deckmaker.theme.model import Layout
from deckmaker.theme.read import read_theme

# The kinds of slide a talk is made of, in the order a talk meets them, and the layout each
# is set on (a closing slide is set as the title slide is, an agenda as a slide of points).
KINDS: tuple[tuple[str, str], ...] = (
    ("title", "cover"), ("agenda", "content"), ("bullets", "content"), ("section", "header"),
    ("quote", "quote"), ("statement", "statement"), ("picture", "image"),
    ("columns", "columns"), ("code", "code"), ("table", "table"), ("closing", "cover"),
)  # fmt: skip


@dataclass(frozen=True)
class Served:
    """How one kind of layout is served: by which layout (its name, its master counted from
    1), and how, where it is not a layout of its own ("the quote in its body box")."""

    name: str
    master: int
    how: str = ""


def font_line(role: str, font: Typeface) -> str:
    """A font, and what text is measured with: the font itself, its metric twin, or guesses."""
    families = installed_families()
    if font.name.lower() in families:
        return f"{role} '{font.name}': installed"
    twin = METRIC_TWINS.get(font.name.lower())
    if twin and twin.lower() in families:
        return f"{role} '{font.name}': not installed; '{twin}', with the same widths, stands in"
    return (
        f"{role} '{font.name}': not installed, and no font with its widths is; another is drawn "
        "and text is fitted by estimated widths (install it for a closer fit)"
    )


def explain(
    name: str,
    served: Mapping[str, Served],
    fonts: tuple[Typeface, Typeface],
    colours: Mapping[str, str],
    accent: str | None,
    problems: Sequence[str],
) -> list[str]:
    """The lines `deckmaker themes FILE` prints for the theme file `name`."""
    lines = []
    for kind, layout in KINDS:
        if layout not in served:
            continue
        s = served[layout]
        where = f"'{s.name}' (master {s.master})"
        lines.append(f"{kind + ':':<11}{s.how.format(where) if s.how else where}")
    title, body = fonts
    lines.append(f"{'fonts:':<11}{font_line('titles', title)}")
    lines.append(f"{'':<11}{font_line('text', body)}")
    slots = ("dk1", "lt1", "accent1", "accent2")
    scheme = " ".join(f"{slot} #{colours[slot]}" for slot in slots if slot in colours)
    lines.append(f"{'colours:':<11}{scheme}")
    if accent:
        lines.append(
            f"{'':<11}accent1 is Office's default; its masters use #{accent}, which headings "
            "and numbers take instead"
        )
    prefix = f"{name}: "
    lines += [f"{'problem:':<11}{p.removeprefix(prefix)}" for p in problems]
    if not problems:
        lines.append(f"{'problems:':<11}none")
    return lines


def explain_theme(path: Path) -> list[str]:
    """What `deckmaker themes FILE` prints: the theme read as a build reads it."""
    theme = read_theme(path)
    holds = described(theme.open())
    frames = theme.frames
    ways = {
        Layout.QUOTE: "set in the body box of {}" if frames.quote is None else "",
        Layout.COLUMNS: "listed as points on {}" if frames.columns is None else "",
    }
    served = {
        kind.value: Served(holds[i].name, holds[i].master + 1, ways.get(kind, ""))
        for kind, i in theme.layouts.items()
    }
    return explain(
        path.name,
        served,
        (frames.title_font, frames.body_font),
        theme.colours,
        theme.accent,
        theme.warnings(set(Layout)),
    )
