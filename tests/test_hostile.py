"""Untrusted input: every file a user names, or a stranger's outline, theme or template names,
that is broken, unreadable, oversized or malicious is refused with one line naming the file (and
line) and what to do, exit status 2, nothing written, and the last good outputs left byte for byte.

Each case spoils a good talk folder one way; every command that reads it is run on it after a
good build into the same output folder. Files are made unreadable with chmod 000 and, since the
tests may run as root (who reads them anyway), also by refusing to open them in this process.
"""

from __future__ import annotations

import builtins
import io
import os
import struct
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from deckmaker.bundle import bundled
from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.limits import (
    MAX_IMAGE_BYTES,
    MAX_TEXT_BYTES,
    MAX_THEME_BYTES,
    MAX_THEME_PART,
    MAX_THEME_PARTS,
)
from deckmaker.options import Options
from deckmaker.watch import Failed, Rebuilt, watch

THEME = bundled("themes") / "light.pptx"
GOOD = """\
title: Hostile input
sections:
  - title: A picture
    points: [A point about the picture, Another point]
    image: picture.png
  - title: Second part
    points: [A third point]
"""
QUICK = 4.0  # seconds: an oversized input is refused in less, before it is read whole (about
# 0.5 s alone; the bound leaves room for a CI runner busy with the other tests)


def make_talk(folder: Path) -> Path:
    """The good talk: an outline and its picture, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 180), (40, 90, 160)).save(folder / "picture.png")
    outline = folder / "talk.yaml"
    outline.write_text(GOOD, encoding="utf-8")
    return outline


Deny = Callable[[Path], None]


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch) -> Iterator[Deny]:
    """Make a file or folder unreadable: chmod 000, and (for root) opening it, or anything in
    it, raises PermissionError as it would for anyone else."""
    denied: list[Path] = []

    def guard(real: Callable) -> Callable:
        def guarded(file=".", *args, **kwargs):  # type: ignore[no-untyped-def]
            if isinstance(file, (str, os.PathLike)):
                where = Path(os.fspath(file)).absolute()
                if any(where == d or d in where.parents for d in denied):
                    raise PermissionError(13, "Permission denied", str(file))
            return real(file, *args, **kwargs)

        return guarded

    monkeypatch.setattr(io, "open", guard(io.open))
    monkeypatch.setattr(builtins, "open", guard(builtins.open))
    monkeypatch.setattr(os, "listdir", guard(os.listdir))
    monkeypatch.setattr(os, "scandir", guard(os.scandir))

    def add(path: Path) -> None:
        denied.append(path.absolute())
        path.chmod(0)

    yield add
    for path in denied:
        path.chmod(0o755 if path.is_dir() else 0o644)


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on the disk (and no time to write)."""
    with path.open("wb") as f:
        f.truncate(size)
    return path


def rewrite(outline: Path, old: str, new: str) -> None:
    text = outline.read_text(encoding="utf-8")
    assert old in text
    outline.write_text(text.replace(old, new), encoding="utf-8")


def repacked(
    path: Path, change: Callable[[str, bytes], bytes | None], more: dict[str, bytes] | None = None
) -> None:
    """Copy the good theme to `path`, each part passed through `change` (None leaves it out),
    with `more` parts added."""
    with zipfile.ZipFile(THEME) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = change(item.filename, src.read(item))
            if body is not None:
                dst.writestr(item, body)
        for name, body in (more or {}).items():
            dst.writestr(name, body)


def without(name: str) -> Callable[[str, bytes], bytes | None]:
    """Leave out the part whose name ends in `name`."""
    return lambda n, b: None if n.endswith(f"/{name}") else b


def replaced(name: str, old: str, new: str) -> Callable[[str, bytes], bytes | None]:
    """Replace `old` by `new` once in the part whose name ends in `name`, which holds it."""

    def change(n: str, b: bytes) -> bytes:
        if not n.endswith(name):
            return b
        assert old.encode() in b, (n, old)
        return b.replace(old.encode(), new.encode(), 1)

    return change


def doctype(name: str, declared: str) -> Callable[[str, bytes], bytes | None]:
    """The part whose name ends in `name`, with a DTD declaring `declared` before its root."""

    def change(n: str, b: bytes) -> bytes:
        if not n.endswith(name):
            return b
        head, root = b.split(b"?>", 1)
        return head + f"?><!DOCTYPE a [{declared}]>".encode() + root

    return change


def word_document(path: Path) -> None:
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("word/document.xml", "<w:document/>")


def no_layouts(path: Path) -> None:
    from pptx import Presentation

    prs = Presentation(str(THEME))
    for layout in list(prs.slide_master.slide_layouts):
        prs.slide_master.slide_layouts.remove(layout)
    prs.save(str(path))


def zip_bomb(path: Path) -> None:
    """The good theme, its zip's directory claiming that one part unpacks to 4 GB."""
    data = bytearray(THEME.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first entry of the central directory
    data[entry + 24 : entry + 28] = struct.pack("<I", 0xFFFF0000)  # its uncompressed size
    path.write_bytes(bytes(data))


def directory_of(size: int) -> Callable[[Path], None]:
    """The good theme, its zip's end record saying its directory takes `size` bytes."""

    def make(path: Path) -> None:
        data = bytearray(THEME.read_bytes())
        end = data.rindex(b"PK\x05\x06")
        data[end + 12 : end + 16] = struct.pack("<I", size)
        path.write_bytes(bytes(data))

    return make


def theme_with_picture(path: Path, size: tuple[int, int]) -> Path:
    """The good theme with a picture of `size` (one bit a pixel: a small file) on its last
    layout, which the good talk does not use, as a logo on a layout is placed."""
    from pptx import Presentation
    from pptx.oxml.shapes.picture import CT_Picture

    png = io.BytesIO()
    Image.new("1", size).save(png, "PNG")
    prs = Presentation(str(THEME))
    layout = prs.slide_layouts[-1]
    with warnings.catch_warnings():  # python-pptx reads its size with Pillow, which warns
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        _, rid = layout.part.get_or_add_image_part(png)
    tree = layout.element.cSld.spTree
    pic = CT_Picture.new_pic(99, "Logo", "A logo", rid, 0, 0, 914400, 914400)
    tree.insert_element_before(pic, "p:extLst")
    prs.save(str(path))
    return path


def reboxed(how: str) -> Callable[[Path], None]:
    """The good theme with every placeholder of its masters and layouts 1 EMU square ("one"),
    of no size ("zero"), moved off the slide ("off") or past its right edge ("over N" EMU; a
    box partly off the slide is cut to it, not refused: test_templates)."""

    def make(path: Path) -> None:
        from pptx import Presentation
        from pptx.util import Emu

        prs = Presentation(str(THEME))
        width, height = prs.slide_width or 0, prs.slide_height or 0
        for master in prs.slide_masters:
            for shape in (s for part in (master, *master.slide_layouts) for s in part.placeholders):
                if how == "off":
                    shape.left, shape.top = Emu(width * 3), Emu(height * 3)
                elif how.startswith("over"):  # "over N": past the right edge by N EMU
                    shape.left = Emu(width - (shape.width or 0) + int(how.split()[1]))
                else:
                    shape.width = shape.height = Emu(how == "one")
        prs.save(str(path))

    return make


ALIAS_BOMB = (
    "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    + "title: Laughs\nsections: [*a9]\n"
)


@dataclass(frozen=True)
class Case:
    """One way a talk folder can be bad: `spoil` changes the folder and gives the arguments for
    the command after its name; every line said must hold each of `said`."""

    id: str
    spoil: Callable[[Path, Deny], list[str]]
    said: tuple[str, ...]
    quick: bool = False  # refused within QUICK seconds


def outline_text(text: str | bytes) -> Callable[[Path, Deny], list[str]]:
    def spoil(folder: Path, deny: Deny) -> list[str]:
        data = text.encode("utf-8") if isinstance(text, str) else text
        (folder / "talk.yaml").write_bytes(data)
        return [str(folder / "talk.yaml")]

    return spoil


def picture(make: Callable[[Path], object], name: str = "picture.png") -> Callable:
    def spoil(folder: Path, deny: Deny) -> list[str]:
        target = folder / name
        (folder / "picture.png").unlink()
        make(target)
        rewrite(folder / "talk.yaml", "image: picture.png", f"image: {name}")
        return [str(folder / "talk.yaml")]

    return spoil


def image_at(written: Callable[[Path], str]) -> Callable:
    """The outline's image: rewritten to `written(folder)`, with a picture made there."""

    def spoil(folder: Path, deny: Deny) -> list[str]:
        rewrite(folder / "talk.yaml", "image: picture.png", f"image: {written(folder)}")
        return [str(folder / "talk.yaml")]

    return spoil


def outside_picture(folder: Path) -> Path:
    elsewhere = folder.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    Image.new("RGB", (32, 18)).save(elsewhere / "secret.png")
    return elsewhere / "secret.png"


def linked_out(folder: Path) -> str:
    (folder / "link.png").symlink_to(outside_picture(folder))
    return "link.png"


def theme(make: Callable[[Path], object], name: str = "bad.pptx", flag: bool = False) -> Callable:
    """A bad theme, named by the outline's `theme:` or (flag) by --theme."""

    def spoil(folder: Path, deny: Deny) -> list[str]:
        make(folder / name)
        if flag:
            return [str(folder / "talk.yaml"), "--theme", str(folder / name)]
        rewrite(folder / "talk.yaml", "title: Hostile", f"theme: {name}\ntitle: Hostile")
        return [str(folder / "talk.yaml")]

    return spoil


def template(text: str | bytes, name: str = "voice.j2") -> Callable:
    """A template of the user's: voice.j2, which planning runs, so validate and preview meet it
    as build does."""

    def spoil(folder: Path, deny: Deny) -> list[str]:
        mine = folder / "mine"
        mine.mkdir()
        data = text.encode("utf-8") if isinstance(text, str) else text
        (mine / name).write_bytes(data)
        return [str(folder / "talk.yaml"), "--templates", str(mine)]

    return spoil


def denied(name: str) -> Callable:
    def spoil(folder: Path, deny: Deny) -> list[str]:
        deny(folder / name)
        return [str(folder / "talk.yaml")]

    return spoil


def essay(make: Callable[[Path], object]) -> Callable:
    def spoil(folder: Path, deny: Deny) -> list[str]:
        make(folder / "talk.txt")
        return [str(folder / "talk.txt")]

    return spoil


CASES = [
    # the outline itself
    Case("yaml-malformed", outline_text("title: [unclosed\n"), ("talk.yaml:2:", "not valid YAML")),
    Case(
        "unknown-key",
        outline_text("title: T\nsections:\n  - title: A\n    pionts: [x]\n"),
        ("talk.yaml:4: sections[1].pionts: unknown field; did you mean 'points'?",),
    ),
    Case("missing", lambda f, d: [str(f / "nope.yaml")], ("nope.yaml: no such file",)),
    Case("outline-unreadable", denied("talk.yaml"), ("talk.yaml: cannot be read (permission",)),
    Case(
        "folder-unreadable",
        lambda f, d: (d(f), [str(f / "talk.yaml")])[1],
        ("talk.yaml: cannot be read (permission",),
    ),
    Case(
        "outline-fifo",
        lambda f, d: (
            (f / "talk.yaml").unlink(),
            os.mkfifo(f / "talk.yaml"),
            [str(f / "talk.yaml")],
        )[2],
        ("talk.yaml: is a named pipe (FIFO), not a file; give the path of an",),
        quick=True,
    ),
    Case(
        "theme-fifo",
        theme(os.mkfifo, flag=True),
        ("bad.pptx: is a named pipe (FIFO), not a file; give a .pptx or .potx",),
        quick=True,
    ),
    Case(
        "outline-is-a-folder",
        lambda f, d: ((f / "x.yaml").mkdir(), [str(f / "x.yaml")])[1],
        ("x.yaml: ", "folder"),
    ),
    Case(
        "not-utf8",
        outline_text(b"title: caf\xe9\nsections: [{title: A}]\n"),
        ("talk.yaml:1: is not UTF-8 text",),
    ),
    Case(
        "python-tag",
        outline_text('title: !!python/object/apply:os.system ["echo hi"]\nsections: [{title: A}]'),
        ("talk.yaml:1: title: unsupported tag '!!python/object/apply:os.system'",),
    ),
    Case("alias-bomb", outline_text(ALIAS_BOMB), ("its aliases (*name) expand it",), quick=True),
    Case(
        "alias-loop",
        outline_text("title: T\nsections: &s [{title: A, points: [{text: B, points: *s}]}]\n"),
        ("inside the part it names would repeat it forever",),
    ),
    Case(
        "alias-expands-text",
        outline_text(
            f"title: T\ngreeting: &s '{'word ' * 40_000}'\nsections:\n"
            + "".join(f"  - {{title: S{i}, script: *s}}\n" for i in range(375))
        ),
        ("its aliases (*name) expand it to more than 10 MB of text",),
        quick=True,
    ),
    Case(
        "point-5mb",
        outline_text(f"title: T\nsections:\n  - title: A\n    points: ['{'word ' * 1_000_000}']\n"),
        ("talk.yaml:4: sections[1].points[1]: is 4,999,999 characters, over the 10,000",),
        quick=True,
    ),
    Case(
        "points-100k",
        outline_text(
            "title: T\nsections:\n  - title: A\n    points:\n"
            + "".join(f"      - point {i}\n" for i in range(100_000))
        ),
        ("talk.yaml:5: sections[1].points: holds 100,000 items, over the 300 it may hold",),
    ),
    Case(
        "sections-over-5000",
        outline_text("title: T\nsections:\n" + "".join(f"  - title: S{i}\n" for i in range(5001))),
        ("talk.yaml:3: sections: holds 5,001 items, over the 5,000 it may hold",),
        quick=True,
    ),
    Case(
        "outline-50mb",
        lambda f, d: [str(sparse(f / "talk.yaml", 50 * 2**20))],
        ("talk.yaml: is 50 MB, over the 10 MB limit for an outline",),
        quick=True,
    ),
    Case(
        "essay-50mb",
        essay(lambda p: sparse(p, 50 * 2**20)),
        ("talk.txt: is 50 MB, over the 10 MB limit for a .txt or .md essay",),
        quick=True,
    ),
    Case("essay-binary", essay(lambda p: p.write_bytes(b"\x89PNG\x00\x00")), ("a binary file",)),
    Case(
        "outline-utf16",
        outline_text(GOOD.encode("utf-16-le")),
        ("talk.yaml: is UTF-16 text; save it as UTF-8",),
    ),
    Case(
        "essay-utf32",
        essay(lambda p: p.write_bytes("A title\n\nSome words.\n".encode("utf-32"))),
        ("talk.txt: is UTF-32 text; save it as UTF-8",),
    ),
    # pictures
    Case(
        "text-named-png",
        picture(lambda p: p.write_text("not a picture")),
        ("talk.yaml:5: sections[1].image: 'picture.png' is no PNG, JPEG, GIF or BMP picture",),
    ),
    Case(
        "truncated-png",
        picture(lambda p: p.write_bytes(Path(make_png(p)).read_bytes()[:200])),
        ("talk.yaml:5: sections[1].image: 'picture.png' is damaged or cut short",),
    ),
    Case(
        "zero-byte-jpeg",
        picture(lambda p: p.write_bytes(b""), "picture.jpg"),
        ("talk.yaml:5: sections[1].image: 'picture.jpg' is an empty file",),
    ),
    Case(
        "svg",
        picture(lambda p: p.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>"), "pic.svg"),
        ("talk.yaml:5: sections[1].image: is not a PNG, JPEG, GIF or BMP file",),
    ),
    Case(
        "picture-unreadable",
        denied("picture.png"),
        ("talk.yaml:5: sections[1].image: 'picture.png' cannot be read (permission denied)",),
    ),
    Case(
        "picture-is-a-folder",
        picture(lambda p: p.mkdir(), "stills.png"),
        ("talk.yaml:5: sections[1].image: ", "stills.png' is a folder, not a picture"),
    ),
    Case(
        "picture-100mb",
        picture(lambda p: sparse(p, 100 * 2**20)),
        ("talk.yaml:5: sections[1].image: ", "is 100 MB, over the 50 MB limit for a picture"),
        quick=True,
    ),
    Case(
        "decompression-bomb",
        picture(lambda p: Image.new("1", (12_000, 12_000)).save(p)),
        ("'picture.png' has more than the 100 million pixels a picture may have",),
        quick=True,
    ),
    # paths that lead out of the outline's folder
    Case(
        "image-dotdot",
        image_at(lambda f: (outside_picture(f), "../elsewhere/secret.png")[1]),
        ("talk.yaml:5: sections[1].image: '../elsewhere/secret.png' leads outside", "--allow-"),
    ),
    Case(
        "image-absolute",
        image_at(lambda f: str(outside_picture(f))),
        ("talk.yaml:5: sections[1].image: '/", "secret.png' leads outside the outline's folder"),
    ),
    Case(
        "image-symlink-out",
        image_at(linked_out),
        ("talk.yaml:5: sections[1].image: 'link.png' leads outside the outline's folder",),
    ),
    Case(
        "theme-dotdot",
        lambda f, d: (
            (f.parent / "t.pptx").write_bytes(THEME.read_bytes()),
            rewrite(f / "talk.yaml", "title: Hostile", "theme: ../t.pptx\ntitle: Hostile"),
            [str(f / "talk.yaml")],
        )[2],
        ("talk.yaml:1: theme: '../t.pptx' leads outside the outline's folder",),
    ),
    Case(
        "theme-path-without-suffix",
        outline_text("theme: /etc/passwd\ntitle: T\nsections: [{title: A}]\n"),
        ("talk.yaml:1: theme: '/etc/passwd' leads outside the outline's folder",),
    ),
    # themes that are not presentations
    Case(
        "renamed-zip",
        theme(lambda p: zipfile.ZipFile(p, "w").writestr("notes.txt", "hello")),
        ("bad.pptx: is not a usable .pptx or .potx theme: it is a zip archive, but no",),
    ),
    Case(
        "docx",
        theme(word_document, "essay.pptx", flag=True),
        ("essay.pptx: is a Word document, not a presentation",),
    ),
    Case(
        "truncated-pptx",
        theme(lambda p: p.write_bytes(THEME.read_bytes()[:5000]), flag=True),
        ("bad.pptx: is not a usable .pptx or .potx theme: it is no zip archive",),
    ),
    Case(
        "broken-xml",
        theme(lambda p: repacked(p, lambda n, b: b[:200] if n.endswith("slideMaster1.xml") else b)),
        ("bad.pptx: is not a usable .pptx or .potx theme:",),
    ),
    Case(
        "no-layouts",
        theme(no_layouts),
        (
            "bad.pptx: has no layout for slides of points: none holds a title",
            "(it has no layouts at all)",
        ),
    ),
    Case(
        "theme-entity",
        theme(
            lambda p: repacked(p, doctype("theme1.xml", '<!ENTITY x SYSTEM "file:///etc/passwd">'))
        ),
        ("bad.pptx: is not a usable", "'ppt/theme/theme1.xml' declares a DTD (<!DOCTYPE>)"),
    ),
    Case(
        "theme-no-master",
        theme(lambda p: repacked(p, without("slideMaster1.xml"))),
        ("links to 'slideMasters/slideMaster1.xml', a part it does not hold",),
    ),
    Case(
        "theme-no-layout",
        theme(lambda p: repacked(p, without("slideLayout2.xml"))),
        ("links to '../slideLayouts/slideLayout2.xml', a part it does not hold",),
    ),
    Case(
        "theme-no-theme",
        theme(lambda p: repacked(p, without("theme1.xml"))),
        ("links to 'theme/theme1.xml', a part it does not hold",),
    ),
    Case(
        "theme-bogus-placeholder",
        theme(
            lambda p: repacked(
                p, replaced("slideLayout2.xml", '<p:ph type="', '<p:ph type="bogus" x="')
            )
        ),
        ("'ppt/slideLayouts/slideLayout2.xml' has a placeholder of type 'bogus'",),
    ),
    Case(
        "theme-dotdot-relationship",
        theme(
            lambda p: repacked(
                p, replaced("slideLayout1.xml.rels", "../slideMasters/", "../../../../")
            )
        ),
        ("links to '../../../../slideMaster1.xml', outside the package",),
    ),
    Case(
        "theme-external-master",
        theme(
            lambda p: repacked(
                p,
                replaced(
                    "slideLayout1.xml.rels",
                    'Target="../slideMasters/slideMaster1.xml"',
                    'Target="file:///etc/passwd" TargetMode="External"',
                ),
            )
        ),
        ("links to 'file:///etc/passwd' outside the package for one of its own parts",),
    ),
    Case(
        "theme-layout-of-no-kind",
        theme(
            lambda p: repacked(
                p,
                replaced(
                    "[Content_Types].xml",
                    '<Override PartName="/ppt/slideLayouts/slideLayout1.xml"',
                    '<Override PartName="/elsewhere.xml"',
                ),
            )
        ),
        ("as its slideLayout, a part of another kind (application/xml)",),
    ),
    Case(
        "theme-slide-size",
        theme(
            lambda p: repacked(
                p, replaced("presentation.xml", '<p:sldSz cx="', '<p:sldSz cx="99999999999999" x="')
            )
        ),
        ("gives the slide a width of '99999999999999' EMU",),
    ),
    Case(
        "theme-no-number",
        theme(lambda p: repacked(p, replaced("slideMaster1.xml", '<a:off x="0"', '<a:off x=""'))),
        ("'ppt/slideMasters/slideMaster1.xml' has '' for the x of a off, where a whole number",),
    ),
    Case(
        "theme-unfit-character",
        theme(lambda p: repacked(p, replaced("slideLayout2.xml", 'name="', 'name="\x7f'))),
        ("'ppt/slideLayouts/slideLayout2.xml' holds a character no deck may hold (U+007F)",),
    ),
    Case(
        "theme-layout-of-no-type",
        theme(
            lambda p: repacked(p, replaced("slideLayout2.xml", ' type="obj" ', ' type="False" '))
        ),
        ("'ppt/slideLayouts/slideLayout2.xml' has 'False' for the type of a sldLayout",),
    ),
    Case(
        "theme-part-named-on-two-lines",
        theme(lambda p: repacked(p, lambda n, b: b, {"ppt/\n0.xml": b"bogus"})),
        ("its part 'ppt/\\n0.xml' is not well-formed XML",),
    ),
    Case(
        "theme-many-parts",
        theme(
            lambda p: repacked(
                p, lambda n, b: b, {f"ppt/junk/{i}.bin": b"" for i in range(MAX_THEME_PARTS)}
            )
        ),
        ("bad.pptx: is not a usable", "parts, over the 10,000 limit"),
        quick=True,
    ),
    Case(  # counted from the zip's end record (ZIP64, past 65,535), not its 300,000 entries
        "theme-300k-parts",
        theme(lambda p: repacked(p, lambda n, b: b, dict.fromkeys(map(str, range(300_000)), b""))),
        ("bad.pptx: is not a usable", "it holds 300,034 parts, over the 10,000 limit"),
        quick=True,
    ),
    Case(
        "theme-directory-too-large",
        theme(directory_of(50 * 2**20)),
        ("bad.pptx: is not a usable", "its zip's directory takes 50 MB, more than 10,000 parts"),
        quick=True,
    ),
    Case(
        "theme-part-bomb",
        theme(
            lambda p: repacked(
                p, lambda n, b: b, {"ppt/media/big.bin": b"\0" * (MAX_THEME_PART + 1)}
            )
        ),
        ("its part 'ppt/media/big.bin' unpacks to 100 MB, over the 100 MB limit for one part",),
        quick=True,
    ),
    Case(
        "theme-is-a-folder",
        theme(lambda p: p.mkdir(), "dir.pptx", flag=True),
        ("dir.pptx: is a folder; give a .pptx or .potx theme file",),
    ),
    Case(
        "theme-unreadable",
        lambda f, d: (
            (f / "t.pptx").write_bytes(THEME.read_bytes()),
            d(f / "t.pptx"),
            [str(f / "talk.yaml"), "--theme", str(f / "t.pptx")],
        )[2],
        ("t.pptx: cannot be read (permission denied)",),
    ),
    Case(
        "theme-300mb",
        theme(lambda p: sparse(p, 300 * 2**20), flag=True),
        ("bad.pptx: is 300 MB, over the 200 MB limit for a theme",),
        quick=True,
    ),
    Case(
        "theme-zip-bomb",
        theme(zip_bomb, flag=True),
        ("bad.pptx: is not a usable", "unpacks to 4095 MB, over the 100 MB limit for one part"),
        quick=True,
    ),
    Case(
        "theme-picture-bomb",
        theme(lambda p: theme_with_picture(p, (12_000, 12_000)), "bomb.pptx", flag=True),
        (
            "bomb.pptx: its picture '/ppt/media/image1.png' has more than the 100 million pixels "
            "a picture may have (12000 x 12000); save it smaller, or give another theme",
        ),
        quick=True,
    ),
    # a theme's boxes: the theme's fault, named by layout and placeholder, never the outline's
    Case(
        "theme-1-emu-boxes",
        theme(reboxed("one")),
        (
            "bad.pptx: layout 'Section Header': its placeholder 'Text Placeholder 2' is 0.00 x ",
            "0.00 in, too small to hold a line of text inside its margins; make it larger in ",
        ),
    ),
    Case(
        "theme-boxes-of-no-size",
        theme(reboxed("zero"), flag=True),
        (
            "bad.pptx: has no layout for slides of points: layout 'Title Slide': its ",
            "placeholder 'Title 1' (and 9 more) has no size (0 x 0 in); make it larger in the ",
        ),
    ),
    Case(
        "theme-boxes-off-the-slide",
        theme(reboxed("off")),
        (
            "bad.pptx: layout 'Section Header': its placeholder 'Title 1' lies wholly off the ",
            "slide (40.00, 22.50 to 52.13, 24.90 in, on a slide of 13.33 x 7.50 in); move it ",
        ),
    ),
    # templates
    Case("template-syntax", template("{% for x in %}\n"), ("voice.j2:1: template error",)),
    Case(
        "template-undefined",
        template("line\n{{ nosuch }}\n"),
        ("voice.j2:2: template error: 'nosuch' is undefined",),
    ),
    Case(
        "template-raises",
        template("{{ 1 / 0 }}\n"),
        ("voice.j2:1: template error: division by zero",),
    ),
    Case(
        "template-escape",
        template("{{ ''.__class__.__mro__[1].__subclasses__() }}\n"),
        ("voice.j2:1: template error: access to attribute '__class__'", "a sandbox"),
    ),
    Case(
        "template-globals",
        template("{{ cycler.__init__.__globals__.os.popen('id').read() }}\n"),
        ("voice.j2:1: template error:", "a sandbox"),
    ),
    Case(
        "template-memory-bomb",
        template("{{ 'a' * 10**10 }}\n"),
        ("voice.j2:1: template error: str * 10000000000 would hold more than",),
        quick=True,
    ),
    Case(
        "template-power-bomb",
        template("{{ (10**100) ** (10**100) }}\n"),
        ("voice.j2:1: template error: ** would make a number of more than",),
        quick=True,
    ),
    *(
        Case(
            f"template-{name}",
            template(f"{{{{ {text} }}}}\n"),
            (f"voice.j2:1: template error: {made} would make a text of more than 10,000,000",),
            quick=True,
        )
        for name, text, made in (
            ("format-width", "'{:>2000000000}'.format(1)", "format"),
            ("format-precision", "'{:.2000000000f}'.format(1.0)", "format"),
            ("format-map", "'{a:>{w}}'.format_map({'a': 1, 'w': 2000000000})", "format"),
            ("percent", "'%2000000000d' % 1", "%"),
            ("percent-star", "'%*d' % (2000000000, 1)", "%"),
            ("format-filter", "'%2000000000d'|format(1)", "%"),
            ("center-filter", "'a'|center(2000000000)", "center"),
            ("indent-filter", "('a\\n' * 100000)|indent(1000)", "indent"),
            ("zfill", "'a'.zfill(2000000000)", "zfill"),
            ("ljust", "'a'.ljust(2000000000)", "ljust"),
            ("expandtabs", "('\\t' * 1000000).expandtabs(100)", "expandtabs"),
            ("join-separator", "('x' * 10000000).join(['a', 'b'])", "join"),
            ("join-filter", "(['a'*9999999]*9999999)|join", "join"),
            ("replace-empty", "('a' * 100000).replace('', 'x' * 1000)", "replace"),
            ("wordwrap", "('a ' * 100000)|wordwrap(1, wrapstring='x' * 1000)", "wordwrap"),
        )
    ),
    Case(
        "template-doubling",
        template(
            "{% set s = namespace(v='ab') %}{% for i in range(40) %}"
            "{% set s.v = s.v ~ s.v %}{% endfor %}\n"
        ),
        ("voice.j2:1: template error: ~ would make a text of more than 10,000,000",),
        quick=True,
    ),
    Case(
        "template-adding",
        template(
            "{% set s = namespace(v=['a']) %}{% for i in range(40) %}"
            "{% set s.v = s.v + s.v %}{% endfor %}\n"
        ),
        ("voice.j2:1: template error: + would make a text of more than 10,000,000",),
        quick=True,
    ),
    Case(
        "template-mutates-a-dict",
        template(
            "{% set d = {'a': 1} %}{% for k in d %}{{ d.update({k ~ 'x': 1}) }}{% endfor %}\n"
        ),
        ("voice.j2:1: template error: access to attribute 'update' of 'dict' object is unsafe",),
    ),
    Case(
        "template-recursion",
        template("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"),
        ("voice.j2:1: template error: it calls itself without end",),
    ),
    Case(
        "template-not-utf8",
        template(b"caf\xe9 {{ plan.title }}\n"),
        ("voice.j2: is not UTF-8 text (byte 0xe9)",),
    ),
    Case(
        "template-2mb",
        template("x" * (2 * 2**20)),
        ("voice.j2: is 2 MB, over the 1 MB limit for a template",),
        quick=True,
    ),
    Case(
        "template-linked-out",
        lambda f, d: (
            (f / "secret.txt").write_text("{{ plan.title }} and a secret"),
            (f / "mine").mkdir(),
            (f / "mine" / "voice.j2").symlink_to(f / "secret.txt"),
            [str(f / "talk.yaml"), "--templates", str(f / "mine")],
        )[3],
        ("mine/voice.j2: leads outside its folder (a link to", "secret.txt); copy the template"),
    ),
    Case(
        "templates-unreadable",
        lambda f, d: (template("{{ x }}")(f, d), d(f / "mine"))[0],
        ("mine: cannot be read (Permission denied); check the folder's permissions",),
    ),
    Case(
        "templates-is-a-file",
        lambda f, d: [str(f / "talk.yaml"), "--templates", str(f / "picture.png")],
        ("picture.png: is not a folder of templates",),
    ),
]


def make_png(path: Path) -> Path:
    Image.new("RGB", (320, 180), (200, 40, 40)).save(path, format="PNG")
    return path


def run(*args: str) -> tuple[Result, float]:
    start = time.perf_counter()
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result, time.perf_counter() - start


def refused(result: Result, said: tuple[str, ...]) -> None:
    """Exit status 2, and only `error:` lines, each holding what `said` lists... in any one."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines, result.output
    assert all(line.startswith("error: ") for line in lines), lines
    assert any(all(part in line for part in said) for line in lines), (said, lines)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones too, by path, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@pytest.mark.parametrize("command", ["build", "validate"])
def test_bad_input_is_one_line_exit_2_and_the_last_outputs_stay(
    tmp_path: Path, deny: Deny, case: Case, command: str
) -> None:
    folder = tmp_path / "talk"
    outline = make_talk(folder)
    out = tmp_path / "out"
    good, _ = run("build", str(outline), "--out", str(out))
    assert good.exit_code == 0, good.output
    before = snapshot(out)
    assert set(before) == {"talk.pptx", "talk.script.md"}
    sibling = make_talk(tmp_path / "sibling")  # a folder beside the output, never touched
    beside = snapshot(sibling.parent)
    args = case.spoil(folder, deny)
    result, took = run(command, *args, *(["--out", str(out)] if command == "build" else []))
    refused(result, case.said)
    assert snapshot(out) == before  # byte for byte, and no temporary file beside them
    assert snapshot(sibling.parent) == beside
    assert not (tmp_path / "build").exists()
    if case.quick:
        assert took < QUICK, f"refused after {took:.1f} s"


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("script.md.j2", "{{ plan.__class__.__init__.__globals__ }}\n", "access to attribute"),
        ("teleprompter.html.j2", "{{ 'x' * 10**9 }}\n", "str * 1000000000 would hold"),
        ("captions.srt.j2", "{% for x in %}\n", "template error: Expected an expression"),
    ],
)
def test_a_format_template_is_sandboxed_and_reported_too(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    outline = make_talk(tmp_path / "talk")
    out = tmp_path / "out"
    assert run("build", str(outline), "--out", str(out))[0].exit_code == 0
    before = snapshot(out)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / name).write_text(text, encoding="utf-8")
    args = ["--format", "md", "--format", "html", "--format", "srt", "--templates", str(mine)]
    result, _ = run("build", str(outline), "--out", str(out), *args)
    refused(result, (f"{name}:1: ", said))
    assert snapshot(out) == before


ALLOWED = ("image-dotdot", "image-absolute", "image-symlink-out", "theme-dotdot")


@pytest.mark.parametrize(
    "text",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxx{% endfor %}{% endfor %}",
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    ],
    ids=["nested-loops", "nested-output", "doubling-calls"],
)
def test_a_template_that_runs_too_long_is_stopped_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    from deckmaker import sandbox

    monkeypatch.setattr(sandbox, "MAX_TEMPLATE_SECONDS", 1)
    outline = make_talk(tmp_path / "talk")
    spoil = template(text + "\n")
    result, took = run(
        "build", *spoil(tmp_path / "talk", lambda p: None), "--out", str(tmp_path / "out")
    )
    refused(result, ("voice.j2:1: template error: it ran for more than 1 s",))
    assert took < 10
    assert not (tmp_path / "out").exists()
    assert outline.exists()


@pytest.mark.parametrize("case", [c for c in CASES if c.id in ALLOWED], ids=ALLOWED)
def test_allow_outside_lets_a_trusted_outline_out(tmp_path: Path, deny: Deny, case: Case) -> None:
    folder = tmp_path / "talk"
    make_talk(folder)
    args = case.spoil(folder, deny)
    result, _ = run("validate", *args, "--allow-outside")
    assert result.exit_code == 0, result.output


def test_the_api_refuses_paths_outside_by_default(tmp_path: Path) -> None:
    import deckmaker

    folder = tmp_path / "talk"
    outline = make_talk(folder)
    rewrite(outline, "image: picture.png", f"image: {outside_picture(folder)}")
    with pytest.raises(DeckmakerError, match="leads outside the outline's folder"):
        deckmaker.plan(outline)
    assert deckmaker.plan(outline, allow_outside=True).slides


def test_shipped_themes_by_name_and_a_theme_on_the_command_line_are_allowed(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "talk"
    outline = make_talk(folder)
    rewrite(outline, "title: Hostile", "theme: dark\ntitle: Hostile")
    assert run("validate", str(outline))[0].exit_code == 0
    (tmp_path / "elsewhere.pptx").write_bytes(THEME.read_bytes())
    result, _ = run("validate", str(outline), "--theme", str(tmp_path / "elsewhere.pptx"))
    assert result.exit_code == 0, result.output


def test_debug_shows_a_users_mistake_as_one_line_too(tmp_path: Path) -> None:
    outline = make_talk(tmp_path / "talk")
    rewrite(outline, "image: picture.png", "image: ../nowhere.png")
    result = CliRunner().invoke(cli, ["--debug", "validate", str(outline)])
    refused(result, ("leads outside the outline's folder",))


PREVIEWED = ("text-named-png", "image-symlink-out", "docx", "template-escape", "alias-bomb")


def test_preview_refuses_each_bad_input_and_keeps_its_pictures(tmp_path: Path, deny: Deny) -> None:
    """Preview draws through LibreOffice, so one good preview, then each bad input in turn."""
    folder = tmp_path / "talk"
    out = tmp_path / "preview"
    good, _ = run("preview", str(make_talk(folder)), "--out", str(out))
    assert good.exit_code == 0, good.output
    before = snapshot(out)
    assert "talk-sheet.png" in before
    for case in (c for c in CASES if c.id in PREVIEWED):
        make_talk(tmp_path / case.id)
        result, _ = run("preview", *case.spoil(tmp_path / case.id, deny), "--out", str(out))
        refused(result, case.said)
        assert snapshot(out) == before, case.id


WATCHED = ("picture-unreadable", "renamed-zip", "template-globals", "outline-50mb")


@pytest.mark.parametrize("case", [c for c in CASES if c.id in WATCHED], ids=WATCHED)
def test_watch_reports_a_bad_input_and_keeps_the_last_good_outputs(
    tmp_path: Path, deny: Deny, case: Case
) -> None:
    folder = tmp_path / "talk"
    outline = make_talk(folder)
    out = tmp_path / "out"
    events: list[object] = []
    once = _stopped()
    watch(outline, out, events.append, once, only=("deck", "script"), formats=("md",))
    assert isinstance(events[-1], Rebuilt)
    before = snapshot(out)
    args = case.spoil(folder, deny)
    source, options = Path(args[0]), dict(zip(args[1::2], args[2::2], strict=True))
    choices = {
        "templates_dir": Path(options["--templates"]) if "--templates" in options else None,
        "theme": options.get("--theme"),
    }
    chosen = Options(**choices)
    watch(
        source, out, events.append, once, only=("deck", "script"), formats=("md",), options=chosen
    )
    failed = events[-1]
    assert isinstance(failed, Failed)
    lines = [str(p) for p in failed.error.problems]
    assert any(all(part in line for part in case.said) for line in lines), lines
    assert snapshot(out) == before


@pytest.mark.parametrize("name", ["nope.yaml", "folder.yaml"])
def test_watch_refuses_an_input_that_is_no_file_at_once(tmp_path: Path, name: str) -> None:
    (tmp_path / "folder.yaml").mkdir()
    result, _ = run("watch", str(tmp_path / name), "--out", str(tmp_path / "out"))
    refused(result, (f"{name}: ", "no such file" if name == "nope.yaml" else "is a folder"))
    assert "Watching" not in result.stdout


def _stopped():  # type: ignore[no-untyped-def]
    """A stop already set: watch builds once and returns."""
    import threading

    stop = threading.Event()
    stop.set()
    return stop


def unreadable_essay(folder: Path, deny: Deny) -> list[str]:
    (folder / "talk.txt").write_text("Hi.\n")
    deny(folder / "talk.txt")
    return [str(folder / "talk.txt")]


IMPORTED = [c for c in CASES if c.id in ("essay-50mb", "essay-binary")] + [
    Case("essay-missing", lambda f, d: [str(f / "gone.md")], ("gone.md: no such file",)),
    Case(
        "essay-is-a-folder",
        lambda f, d: ((f / "notes.md").mkdir(), [str(f / "notes.md")])[1],
        ("notes.md: is a folder; give an essay",),
    ),
    Case(
        "essay-fifo",
        essay(os.mkfifo),
        ("talk.txt: is a named pipe (FIFO), not a file; give the path of a .txt or .md essay",),
        quick=True,
    ),
    Case(
        "essay-unreadable",
        unreadable_essay,
        ("talk.txt: cannot be read (permission denied)",),
    ),
    Case(
        "essay-not-utf8",
        essay(lambda p: p.write_bytes(b"Title\n\ncaf\xe9 au lait.\n")),
        ("talk.txt:3: is not UTF-8 text (byte 0xe9)",),
    ),
]


@pytest.mark.parametrize("case", IMPORTED, ids=[c.id for c in IMPORTED])
def test_import_refuses_a_bad_essay_and_keeps_the_outline_it_wrote(
    tmp_path: Path, deny: Deny, case: Case
) -> None:
    from conftest import ESSAY

    target = tmp_path / "out.yaml"
    good, _ = run("import", str(ESSAY), "-o", str(target))
    assert good.exit_code == 0, good.output
    before = target.read_bytes()
    folder = tmp_path / "talk"
    folder.mkdir()
    args = case.spoil(folder, deny)
    result, took = run("import", *args, "-o", str(target), "--force")
    refused(result, case.said)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml", "talk"]
    if case.quick:
        assert took < QUICK


def test_a_long_essay_of_one_section_imports_in_time_linear_in_its_length(
    tmp_path: Path,
) -> None:
    """Ranking a section's sentences compared every pair (25 / 50 / 100 KB took 1 / 3.4 /
    13 s); each is now compared with its nearest, so 4x the words take about 4x the time."""
    import random

    from deckmaker.essay import read_essay

    took = []
    for size in (25_000, 100_000):
        # no sentence twice: the importer says a repeated one once, and would read less
        words, text, n = random.Random(size), "", 0
        while len(text) < size:
            text += " ".join(words.choice(WORDS) for _ in range(6 + n % 9)).capitalize() + ". "
            n += 1
        (tmp_path / f"e{size}.txt").write_text(f"A title\n\n{text}\n", encoding="utf-8")
        read_essay(tmp_path / f"e{size}.txt")  # the modules it loads on first use, loaded
        start = time.process_time()  # the CPU it takes: the clock stretches with others' work
        read_essay(tmp_path / f"e{size}.txt")
        took.append(time.process_time() - start)
    assert took[1] < 8 * took[0] + 0.5, took  # quadratic would be 16x
    assert took[1] < 10, took


PROSE = "the sleep cycle is a rhythm that our bodies keep when we rest and dream at night"
WORDS = PROSE.split(" ")


def test_a_control_character_in_a_file_name_is_shown_escaped(tmp_path: Path) -> None:
    """A newline in a name would split the message; an escape would reach the terminal."""
    outline = tmp_path / "talk\x1b]0;owned\x07\nname.yaml"
    outline.write_text("title: [\n", encoding="utf-8")
    result, _ = run("validate", str(outline))
    refused(result, ("talk\\x1b]0;owned\\x07\\nname.yaml:2: is not valid YAML",))
    assert "\x1b" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_link_at_an_outputs_name_is_replaced_by_a_new_file_of_the_usual_mode(
    tmp_path: Path,
) -> None:
    outline = make_talk(tmp_path / "talk")
    target = tmp_path / "target.txt"
    target.write_text("theirs")
    target.chmod(0o4755)  # setuid: never to be given to a deck
    out = tmp_path / "out"
    out.mkdir()
    (out / "talk.pptx").symlink_to(target)
    result, _ = run("build", str(outline), "--out", str(out))
    assert result.exit_code == 0, result.output
    deck = out / "talk.pptx"
    assert not deck.is_symlink() and deck.stat().st_mode & 0o7777 == 0o666 & ~_umask()
    assert target.read_text() == "theirs" and target.stat().st_mode & 0o7777 == 0o4755


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_picture_just_under_the_pixel_limit_is_deckmakers_own_warning(
    tmp_path: Path,
) -> None:
    """95 megapixels: within deckmaker's limit, past Pillow's warning (89), which python-pptx
    meets: said once, in deckmaker's words, naming the picture and the outline's line."""
    outline = make_talk(tmp_path / "talk")
    Image.new("1", (10_000, 9_500)).save(tmp_path / "talk" / "picture.png")
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        result, _ = run("build", str(outline), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert not [w for w in warned if issubclass(w.category, Image.DecompressionBombWarning)]
    said = [line for line in result.stderr.splitlines() if "pixels" in line]
    assert said == [
        f"warning: {outline}:5: sections[1].image: 'picture.png' has 95 million pixels "
        "(10000 x 9500), more than ten times what a 4K screen shows; the deck carries it whole, "
        "so it is large and slow to open: save the picture smaller"
    ], result.stderr


def test_a_large_theme_picture_is_one_warning(tmp_path: Path) -> None:
    outline = make_talk(tmp_path / "talk")
    theme = theme_with_picture(tmp_path / "talk" / "heavy.pptx", (10_000, 9_500))
    result, _ = run("build", str(outline), "--theme", str(theme), "--out", str(tmp_path / "o"))
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "pixels" in line]
    assert said == [
        "warning: heavy.pptx: its picture '/ppt/media/image1.png' has 95 million pixels "
        "(10000 x 9500), more than ten times what a 4K screen shows; the deck carries it whole, "
        "so it is large and slow to open: save the picture smaller"
    ], result.stderr


def test_watch_is_not_woken_by_its_own_outputs(tmp_path: Path) -> None:
    """Outputs written into the templates folder it watches: one build, then only saves."""
    import subprocess
    import sys

    outline = make_talk(tmp_path / "talk")
    mine = tmp_path / "mine"
    mine.mkdir()
    watching = subprocess.Popen(
        [sys.executable, "-m", "deckmaker", "watch", str(outline), "--out", str(mine),
         "--templates", str(mine), "--only", "script"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    time.sleep(6)
    (mine / "script.md.j2").write_text("# {{ plan.title }}\n", encoding="utf-8")  # a save
    time.sleep(3)
    watching.terminate()
    said, _ = watching.communicate(timeout=20)
    assert said.count(" wrote ") == 2, said  # the first build, and the one the save asked for


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("build", "--wpm", "fast"), "invalid value for '--wpm': 'fast' is no whole number from"),
        (("build", "--wpn", "3"), "no such option '--wpn'. Did you mean '--wpm'?"),
        (("biuld",), "no such command 'biuld'. Did you mean 'build'?"),
        (("--nosuch",), "no such option '--nosuch'"),
        (("build", "--format", "nope"), "invalid value for '--format': 'nope' is not one of"),
    ],
)
def test_a_command_line_mistake_is_one_line(args: tuple[str, ...], said: str) -> None:
    """Not click's four lines (usage, hint, blank, error): one, saying where help is."""
    result, _ = run(*args)
    refused(result, (said, "--help`)"))
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_a_theme_box_a_program_rounded_past_the_edge_is_no_fault(tmp_path: Path) -> None:
    """A box set flush with the slide's edge may come back from another program a little past
    it: up to a tenth of an inch is the theme's own, not a fault."""
    outline = make_talk(tmp_path / "talk")
    reboxed("over 50000")(tmp_path / "talk" / "flush.pptx")
    result, _ = run("validate", str(outline), "--theme", str(tmp_path / "talk" / "flush.pptx"))
    assert result.exit_code == 0, result.output


def test_templates_export_never_writes_through_a_link(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    elsewhere = tmp_path / "elsewhere.txt"
    (folder / "script.md.j2").symlink_to(elsewhere)  # dangling: writing through would make it
    refused(run("templates", "export", str(folder))[0], ("already holds script.md.j2",))
    result, _ = run("templates", "export", str(folder), "--force")
    assert result.exit_code == 0, result.output
    assert not (folder / "script.md.j2").is_symlink() and not elsewhere.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_templates_export_into_a_file_is_one_line(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("mine")
    result, _ = run("templates", "export", str(file))
    refused(result, ("notes.txt: is a file, not a folder; give a folder",))
    assert file.read_text() == "mine"


def test_a_batch_builds_the_good_talks_and_keeps_the_bad_ones_last_outputs(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "talks"
    make_talk(folder)
    other = GOOD.replace("Hostile", "Other").replace("    image: picture.png\n", "")
    (folder / "other.yaml").write_text(other, encoding="utf-8")
    out = tmp_path / "out"
    good, _ = run("build", str(folder), "--out", str(out), "-j", "1")
    assert good.exit_code == 0, good.output
    before = snapshot(out)
    (folder / "picture.png").write_text("not a picture")
    result, _ = run("build", str(folder), "--out", str(out), "-j", "1")
    assert result.exit_code == 2
    assert "'picture.png' is no PNG, JPEG, GIF or BMP picture" in result.stderr
    assert snapshot(out) == before  # the failed talks' outputs unchanged, the others the same


def test_an_unreadable_folder_of_talks_is_one_line(tmp_path: Path, deny: Deny) -> None:
    folder = tmp_path / "talks"
    make_talk(folder)
    deny(folder)
    result, _ = run("build", str(folder), "--out", str(tmp_path / "out"))
    refused(result, ("talks: cannot be read (Permission denied); check the folder's",))
    assert not (tmp_path / "out").exists()


def test_a_cache_folder_others_can_write_into_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cache entries are compiled templates and pickles, run when read: one planted by another
    user must never be loaded."""
    from deckmaker import pipeline

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("DECKMAKER_CACHE", str(shared))
    pipeline._templates.cache_clear()  # noqa: SLF001 - deckmaker's own
    pipeline._theme.cache_clear()  # noqa: SLF001 - deckmaker's own
    built = pipeline.build(make_talk(tmp_path / "talk"), tmp_path / "out")
    assert built.files["deck"].stat().st_size > 0
    assert [p for p in shared.rglob("*") if p.is_file()] == []


def test_the_limits_are_far_above_the_bundled_example() -> None:
    outline = bundled("outlines") / "la-la-land.yaml"
    assert outline.stat().st_size * 100 < MAX_TEXT_BYTES
    assert THEME.stat().st_size * 100 < MAX_THEME_BYTES
    assert MAX_IMAGE_BYTES >= 20 * 2**20  # a camera's JPEG


VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
OUTSIDE_LINKS = ("file:///etc/passwd", "http://example.invalid/x.png", r"\\server\share\x.png")


def active_theme(path: Path) -> Path:
    """A theme whose first layout links out (file, web, UNC) and which carries a VBA project."""
    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    prs = Presentation()
    layout = prs.slide_layouts[0]
    for target in OUTSIDE_LINKS:
        layout.part.relate_to(target, RT.IMAGE, is_external=True)
    vba = Part(PackURI("/ppt/vbaProject.bin"), "application/vnd.ms-office.vbaProject",
               prs.part.package, b"macros")  # fmt: skip
    prs.part.relate_to(vba, VBA)
    prs.save(path)
    with zipfile.ZipFile(path) as made:  # the planted theme holds what it should
        assert "ppt/vbaProject.bin" in made.namelist()
        assert any(b'TargetMode="External"' in made.read(n) for n in made.namelist())
    return path


def test_a_theme_that_links_out_or_carries_macros_gives_an_inert_deck(tmp_path: Path) -> None:
    outline = make_talk(tmp_path / "talk")
    theme = active_theme(tmp_path / "active.pptx")
    result, _ = run("build", str(outline), "--theme", str(theme), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "out" / "talk.pptx") as deck:
        names = deck.namelist()
        assert not [n for n in names if "vbaproject" in n.lower()]
        for name in names:
            data = deck.read(name)
            assert b'TargetMode="External"' not in data, name
            assert not [link for link in OUTSIDE_LINKS if link.encode() in data], name
            assert VBA.encode() not in data, name
    dropped = [line for line in result.stderr.splitlines() if "dropped from the deck" in line]
    assert len(dropped) == 1, result.stderr
    for what in ("a VBA project", *(repr(link) for link in OUTSIDE_LINKS)):
        assert what in dropped[0], dropped
