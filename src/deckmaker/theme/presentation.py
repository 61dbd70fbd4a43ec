"""Opening a theme file: a .pptx, or a .potx read as the presentation it is; a file that is no
presentation, or too large, says so and what to give instead."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pptx
from lxml import etree
from pptx.exc import PackageNotFoundError
from pptx.presentation import Presentation

from deckmaker.errors import DeckmakerError
from deckmaker.limits import MAX_THEME_BYTES
from deckmaker.limits import check_size as check_file_size
from deckmaker.textfile import refuse_special, unreadable
from deckmaker.theme.parts import BrokenTheme, check_directory, check_parts, check_size

TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_MAIN = (
    b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
)


def open_presentation(path: Path, checked: str = "") -> Presentation:
    """Open a .pptx, or a .potx read as the presentation it is (python-pptx refuses the
    template's content type, though the package is the same). A file that is no presentation,
    or is too large, says so and what to give instead. `checked`: the digest (sha256) of a
    content whose parts were checked already, when the theme was read: the same content is
    not checked again."""
    name = str(path)
    refuse_special(path, "give a .pptx or .potx file")
    try:
        with path.open("rb") as f:
            check_file_size(f.fileno(), MAX_THEME_BYTES, "a theme", name)
            data = f.read()
    except OSError as err:
        raise unreadable(err, name, "give a .pptx or .potx file") from None
    try:
        same = bool(checked) and hashlib.sha256(data).hexdigest() == checked
        return pptx.Presentation(io.BytesIO(_as_presentation(data, name, same)))
    except zipfile.BadZipFile:
        why = "it is no zip archive, as a .pptx is (cut short, or another kind of file renamed)"
    except KeyError as err:  # a part the package names is not in it
        why = f"a part is missing ({err.args[0] if err.args else err})"
    except (PackageNotFoundError, ValueError, etree.LxmlError) as err:
        why = " ".join(str(err).split())  # one line, whatever the library's message holds
    raise DeckmakerError.at(
        f"is not a usable .pptx or .potx theme: {why}; give a theme saved by PowerPoint, "
        "Keynote or LibreOffice",
        name,
    ) from None


# What a package says it is, in its [Content_Types].xml, for files that are not a presentation.
OTHER_DOCUMENTS = {
    b"wordprocessingml.document": "a Word document",
    b"spreadsheetml.sheet": "an Excel workbook",
}


def _as_presentation(data: bytes, name: str, checked: bool = False) -> bytes:
    try:
        check_directory(data)
    except BrokenTheme as err:
        raise ValueError(str(err)) from None
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        try:
            check_size(src)
            types = (
                src.read("[Content_Types].xml") if "[Content_Types].xml" in src.namelist() else b""
            )
            for mark, kind in OTHER_DOCUMENTS.items():
                if mark in types and PRESENTATION_MAIN not in types and TEMPLATE_MAIN not in types:
                    raise DeckmakerError.at(
                        f"is {kind}, not a presentation; give a .pptx or .potx theme", name
                    )
            if not checked:
                check_parts(src)
        except BrokenTheme as err:
            raise ValueError(str(err)) from None
        if TEMPLATE_MAIN not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                body = src.read(item)
                if item.filename == "[Content_Types].xml":
                    body = types.replace(TEMPLATE_MAIN, PRESENTATION_MAIN)
                dst.writestr(item, body)
        return out.getvalue()
