"""Pictures deckmaker draws (slide previews, contact sheets): Pillow, which did not write them,
must read every byte as a PNG with something drawn on it."""

from __future__ import annotations

from pathlib import Path

MIN_SIDE = 64  # pixels: smaller is no slide preview


def png_findings(path: Path) -> list[str]:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind, size = image.format, image.size
            image.verify()  # checks the chunks' checksums
        with Image.open(path) as image:
            image.load()  # and decodes every pixel: a truncated file fails here
            colours = image.convert("RGB").getcolors(maxcolors=2)
    except (OSError, UnidentifiedImageError, SyntaxError) as err:
        return [f"{path.name}: not a readable PNG ({err}) [Pillow]"]
    if kind != "PNG":
        return [f"{path.name}: a {kind} file, not a PNG [Pillow]"]
    findings = []
    if min(size) < MIN_SIDE:
        findings.append(f"{path.name}: only {size[0]}x{size[1]} pixels [Pillow]")
    if colours is not None and len(colours) < 2:
        findings.append(f"{path.name}: blank, one colour only [Pillow]")
    return findings
