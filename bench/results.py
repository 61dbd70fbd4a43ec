"""bench/RESULTS.md holds one section per benchmark; each script replaces its own."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def replace_section(heading: str, section: str, results: Path = RESULTS) -> None:
    """Put `section` (which opens with `heading`) in place of the section under `heading`, or
    at the end when there is none yet, keeping every other section as it is."""
    old = results.read_text(encoding="utf-8") if results.exists() else "# Benchmarks\n\n"
    body = section.rstrip("\n") + "\n"
    start = old.find(heading)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + body
    else:
        after = old.find("\n## ", start + len(heading))
        new = old[:start] + body + ("\n" + old[after + 1 :] if after >= 0 else "")
    results.write_text(new, encoding="utf-8")
