"""A build's outputs, replaced as one set: the deck and every script format of a build (a preview's
pictures, an imported outline) are all written into a staging folder beside them first, then
moved into place together, so that a reader, an interrupt or a crash finds either the old set or
the new one, never a mix of the two, and never a stray temporary file.

How, in the output folder DIR, holding an exclusive lock on DIR (one writer at a time):

1. the files are written into `DIR/.deckmaker-staging/` (with, when a set drops files of an
   older one, the list of those names in `.deckmaker-remove`);
2. the commit: that folder is renamed `DIR/.deckmaker-swap/`, in one step;
3. each file in it is renamed over its namesake in DIR, the dropped names are deleted, and the
   emptied folder is removed.

SIGINT and SIGTERM wait during steps 2 and 3 (a fraction of a millisecond) and are delivered
right after. A process killed outright (or a power cut) leaves one of those two folders behind,
and the next write into DIR finishes the job first: a staging folder is deleted (the old set
stays), a swap folder is moved into place (the new set completes). Nothing is synced to disk:
see docs/outputs.md for what a power cut can do."""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NoReturn

from deckmaker.errors import DeckmakerError

try:
    import fcntl
except ImportError:  # Windows: no locks, so two deckmakers must not write one folder at once
    fcntl = None  # type: ignore[assignment]

STAGING = ".deckmaker-staging"
SWAP = ".deckmaker-swap"
REMOVE = ".deckmaker-remove"  # in the staging folder: names of the old set the new one drops
MAX_REMOVE_BYTES = 1 << 20  # a planted list of names to delete is not read whole
SIGNALS = (signal.SIGINT, signal.SIGTERM)

# How many sets this process has put in place: the command line says from it what an interrupt
# left behind (the previous outputs, or the new ones).
sets_replaced = 0


def replace_set(folder: Path, files: Mapping[str, bytes], drop: Iterable[str] = ()) -> list[Path]:
    """Write `files` (name -> bytes) into `folder` (created if needed) as one set, replacing
    files of the same names, and delete the names in `drop` with them; where each went. New
    files get the usual mode (0666 less the umask), replaced ones keep theirs (a symbolic
    link at an output's name is replaced by a new file of the usual mode, its target left
    alone). Every check comes before anything is written: a folder that is a file, a target
    that is a folder or read-only. A failure (a full disk...) leaves the old set, and nothing
    of the new one."""
    global sets_replaced
    where = os.fspath(folder)  # plain strings: this is on every build's path
    modes = _check(where, files)
    made = _make(folder)
    dropped = [n for n in drop if n not in files and os.path.lexists(os.path.join(where, n))]
    staging, swap = os.path.join(where, STAGING), os.path.join(where, SWAP)
    try:
        with _locked(where):
            recover(folder)
            _stage(staging, files, modes, dropped)
            with _held_signals():
                os.rename(staging, swap)  # the commit: from here on, the new set wins
                sets_replaced += 1
                _finish(swap, where)
    except BaseException as err:
        for created in made:  # a folder this call made, and so empty again: nothing written
            with suppress(OSError):
                os.rmdir(created)
        if isinstance(err, OSError):  # the folder cannot be locked, or the swap not finished
            raise DeckmakerError.at(
                f"cannot write here ({err.strerror}); what was written before is whole, and "
                "the next build into this folder finishes an interrupted swap",
                where,
            ) from None
        raise
    return [folder / name for name in files]


def recover(folder: Path | str) -> None:
    """Finish what a process killed while writing into `folder` left: a set staged but not
    committed is deleted, a committed one is moved into place."""
    where = os.fspath(folder)
    if os.path.lexists(swap := os.path.join(where, SWAP)):
        _finish(swap, where)
    if os.path.islink(staging := os.path.join(where, STAGING)):
        _untrusted(where, f"{STAGING} is a link")  # deleting through it would reach outside
    if os.path.isdir(staging):
        _discard(staging)


def _check(folder: str, files: Iterable[str]) -> dict[str, int]:
    """What would stop the set half-way, refused before anything is written; the mode of each
    file to be replaced."""
    above = folder
    while not os.path.lexists(above) and os.path.dirname(above) not in (above, ""):
        above = os.path.dirname(above)  # the nearest that exists
    if os.path.lexists(above) and not os.path.isdir(above):
        raise DeckmakerError.at("is a file, not a folder; write into a folder", above)
    if os.path.lexists(above) and not os.access(above, os.W_OK):
        raise DeckmakerError.at(
            "cannot be written into (a read-only disk, or its permissions); make it writable, "
            "or write elsewhere",
            above,
        )
    modes = {}
    for name in files:
        target = os.path.join(folder, name)
        try:
            found = os.stat(target)
        except OSError:
            continue  # nothing there yet, or a broken link: replaced
        if os.path.islink(target) and not stat.S_ISDIR(found.st_mode):
            continue  # a link is replaced by a new file of the usual mode, never its target's
        if stat.S_ISDIR(found.st_mode):
            raise DeckmakerError.at(
                "is a folder, where a file is to be written; move it, or write elsewhere", target
            )
        # A file without write permission, for anyone or for us, was protected by its owner:
        # replacing it (and its mode) behind their back would undo that.
        if not found.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise DeckmakerError.at(
                "is read-only; make it writable (chmod u+w) to replace it, or write elsewhere",
                target,
            )
        modes[name] = stat.S_IMODE(found.st_mode)
    return modes


def _make(folder: Path) -> list[str]:
    """Create `folder` and what it needs above; the folders created, deepest first."""
    missing = []
    above = os.fspath(folder)
    while above and not os.path.isdir(above):
        missing.append(above)
        above = "" if os.path.dirname(above) == above else os.path.dirname(above)
    if missing:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as err:
            raise DeckmakerError.at(
                f"cannot create this folder ({err.strerror}); check the path", os.fspath(folder)
            ) from None
    return missing


def _stage(
    staging: str, files: Mapping[str, bytes], modes: dict[str, int], drop: list[str]
) -> None:
    """Write the set into the staging folder; on any failure or interrupt, delete what was
    staged and say which file could not be written."""
    folder = os.path.dirname(staging)
    try:
        os.mkdir(staging)
    except OSError as err:
        raise DeckmakerError.at(f"cannot write here ({err.strerror})", folder) from None
    name = ""
    try:
        for name, data in files.items():
            _write(os.path.join(staging, name), data, modes.get(name))
        if drop:
            name = REMOVE
            _write(os.path.join(staging, REMOVE), "\n".join(drop).encode("utf-8"), None)
    except OSError as err:
        _discard(staging)
        shown = os.path.join(folder, name) if name != REMOVE else folder
        said = f"cannot be written ({err.strerror}){_hint(err)}"
        raise DeckmakerError.at(said, shown) from None
    except BaseException:
        _discard(staging)
        raise


def _write(path: str, data: bytes, mode: int | None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        if mode is not None:
            os.fchmod(fd, mode)  # a file replaced keeps its mode
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _hint(err: OSError) -> str:
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "; free some space, or write elsewhere. The previous outputs are untouched"
    return "; the previous outputs are untouched"


def _finish(swap: str, folder: str) -> None:
    """Move a committed set into place, delete what it drops, remove the emptied folder. Each
    step can be taken again, so a finish cut short is finished by the next one. The swap folder
    may have come with the output folder (an archive, a clone, a shared drive), so it is checked
    whole before anything is touched."""
    moved, dropped = _swap_plan(swap, folder)
    for name in moved:
        os.replace(os.path.join(swap, name), os.path.join(folder, name))
    for name in dropped:
        with suppress(FileNotFoundError):
            os.unlink(os.path.join(folder, name))
    if dropped:
        os.unlink(os.path.join(swap, REMOVE))
    os.rmdir(swap)


def _swap_plan(swap: str, folder: str) -> tuple[list[str], list[str]]:
    """The files a swap folder moves into `folder` and the names it deletes there, refused
    unless each is a plain file name in `folder` and each file moved a plain file: only what
    deckmaker itself names, where it writes, is ever renamed or removed."""
    if os.path.islink(swap) or not os.path.isdir(swap):
        _untrusted(folder, f"{SWAP} is not a folder")
    moved: list[str] = []
    dropped: list[str] = []
    for entry in os.scandir(swap):
        if not entry.is_file(follow_symlinks=False):
            _untrusted(folder, f"{entry.name!r} is not a plain file")
        if entry.name != REMOVE:
            target = os.path.join(folder, _plain(entry.name, folder))
            if os.path.isdir(target) and not os.path.islink(target):
                _untrusted(folder, f"{entry.name!r} would replace a folder")
            moved.append(entry.name)
        elif entry.stat(follow_symlinks=False).st_size > MAX_REMOVE_BYTES:
            _untrusted(folder, f"its {REMOVE} is too long")
        else:
            with open(entry.path, "rb") as listing:
                try:
                    text = listing.read().decode("utf-8")
                except UnicodeDecodeError:
                    _untrusted(folder, f"its {REMOVE} is not UTF-8")
            dropped = [_plain(name, folder) for name in text.split("\n")]
    return moved, dropped


def _plain(name: str, folder: str) -> str:
    """`name`, if it names a file right in `folder` that deckmaker could have written."""
    separators = {"/", os.sep, os.altsep or "/"}
    if (
        name in ("", ".", "..", STAGING, SWAP, REMOVE)
        or any(c in separators or ord(c) < 32 or ord(c) == 127 for c in name)
        or os.path.isabs(name)
        or os.path.splitdrive(name)[0]
    ):
        _untrusted(folder, f"names {name!r}, not a file of this folder")
    return name


def _untrusted(folder: str, what: str) -> NoReturn:
    raise DeckmakerError.at(
        f"holds an interrupted build's {SWAP} or {STAGING} that deckmaker did not leave: "
        f"{what}; nothing was touched. Delete that folder if it is not yours, then build again",
        folder,
    )


def _discard(staging: str) -> None:
    with suppress(OSError):
        for entry in os.scandir(staging):
            os.unlink(entry.path)
        os.rmdir(staging)


@contextmanager
def _locked(folder: str) -> Iterator[None]:
    """One writer at a time in a folder, across processes and threads (a watch and a build of
    the same talk, a batch's workers): flock on the folder itself, so no lock file is left."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def _held_signals() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done, then reach whatever handled them before
    (Python's KeyboardInterrupt, the command line's own): the swap is never cut in two. Only the
    main thread can change handlers; the others get no signals anyway."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    before = {s: signal.getsignal(s) for s in SIGNALS}
    for number, handler in before.items():
        if handler is not None:  # None: set outside Python, which we could not put back
            signal.signal(number, lambda received, frame: held.append(received))
    try:
        yield
    finally:
        for number, handler in before.items():
            if handler is not None:
                signal.signal(number, handler)
        if held:
            signal.raise_signal(held[0])
