"""Look at a deck without PowerPoint: every slide as a PNG, and one contact sheet of them all,
drawn by LibreOffice Impress (to PDF) and poppler's pdftoppm (to PNG)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from deckmaker.errors import DeckmakerError

DPI = 96  # a 13.33 x 7.5 in slide becomes 1280 x 720 pixels
SHEET_COLUMNS = 4
THUMB_WIDTH = 400  # pixels, on the contact sheet
GAP = 24
SHEET_BACKGROUND = (228, 231, 235)
INSTALL = {
    "soffice": "LibreOffice Impress (Debian/Ubuntu: apt-get install libreoffice-impress; "
    "macOS: brew install --cask libreoffice; Windows: libreoffice.org)",
    "pdftoppm": "poppler (Debian/Ubuntu: apt-get install poppler-utils; "
    "macOS: brew install poppler; Windows: conda install poppler)",
}


def render_pages(deck: bytes, name: str) -> list[bytes]:
    """Each slide of the deck (a .pptx's bytes) as PNG bytes, in order."""
    soffice, pdftoppm = _tool("soffice", "libreoffice"), _tool("pdftoppm")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, f"{name}.pptx")
        source.write_bytes(deck)
        profile = Path(tmp, "profile").as_uri()  # a private profile: another LibreOffice may run
        _run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
              "--outdir", tmp, str(source)], "LibreOffice")  # fmt: skip
        pdf = source.with_suffix(".pdf")
        if not pdf.exists():  # LibreOffice exits 0 when it cannot load a file
            raise DeckmakerError.at("LibreOffice could not open the deck to draw it", name)
        _run([pdftoppm, "-png", "-r", str(DPI), str(pdf), str(Path(tmp, "slide"))], "pdftoppm")
        pages = sorted(Path(tmp).glob("slide-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        return [p.read_bytes() for p in pages]


def contact_sheet(pages: list[bytes]) -> bytes:
    """The slides side by side, SHEET_COLUMNS to a row, as one PNG."""
    from PIL import Image  # Pillow comes with python-pptx; only here

    thumbs = []
    for data in pages:
        with Image.open(io.BytesIO(data)) as page:
            height = round(page.height * THUMB_WIDTH / page.width)
            thumbs.append(
                page.convert("RGB").resize((THUMB_WIDTH, height), Image.Resampling.LANCZOS)
            )
    columns = min(SHEET_COLUMNS, len(thumbs)) or 1
    rows = -(-len(thumbs) // columns)
    cell_h = max((t.height for t in thumbs), default=1)
    sheet = Image.new(
        "RGB",
        (columns * (THUMB_WIDTH + GAP) + GAP, rows * (cell_h + GAP) + GAP),
        SHEET_BACKGROUND,
    )
    for n, thumb in enumerate(thumbs):
        row, column = divmod(n, columns)
        sheet.paste(thumb, (GAP + column * (THUMB_WIDTH + GAP), GAP + row * (cell_h + GAP)))
    out = io.BytesIO()
    sheet.save(out, "PNG", optimize=True)
    return out.getvalue()


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise DeckmakerError.at(f"previews need {INSTALL[names[0]]}; install it and run again")


def _run(command: list[str], what: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise DeckmakerError.at(f"{what} failed to run ({err})") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DeckmakerError.at(f"{what} failed: {detail[-1] if detail else done.returncode}")
