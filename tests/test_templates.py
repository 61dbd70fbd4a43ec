"""Real templates (tests/templates/, each one's source and licence in SOURCES.md): every one is
a presentation deckmaker can open, and every one is accounted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckmaker.theme.presentation import open_presentation

CORPUS = Path(__file__).parent / "templates"
TEMPLATES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".pptx", ".potx"))


def test_the_corpus_is_real_and_accounted_for() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    assert len(TEMPLATES) >= 8
    for path in TEMPLATES:
        assert f"`{path.name}`" in sources, path.name
        assert path.stat().st_size < 200_000, path.name  # small: the repository carries them


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.name for p in TEMPLATES])
def test_every_template_opens_with_its_layouts(path: Path) -> None:
    prs = open_presentation(path)
    assert len(prs.slide_layouts) >= 4
