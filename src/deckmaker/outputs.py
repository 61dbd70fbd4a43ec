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
see the README for what a power cut can do."""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from deckmaker.errors import DeckmakerError

try:
    import fcntl
except ImportError:  # Windows: no locks, so two deckmakers must not write one folder at once
    fcntl = None  # type: ignore[assignment]

STAGING = ".deckmaker-staging"
SWAP = ".deckmaker-swap"
REMOVE = ".deckmaker-remove"  # in the staging folder: names of the old set the new one drops
SIGNALS = (signal.SIGINT, signal.SIGTERM)

# How many sets this process has put in place: the command line says from it what an interrupt
# left behind (the previous outputs, or the new ones).
sets_replaced = 0


def replace_set(folder: Path, files: Mapping[str, bytes], drop: Iterable[str] = ()) -> list[Path]:
    """Write `files` (name -> bytes) into `folder` (created if needed) as one set, replacing
    files of the same names, and delete the names in `drop` with them; where each went. New
    files get the usual mode (0666 less the umask), replaced ones keep theirs. Every check
    comes before anything is written: a folder that is a file, a target that is a folder or
    read-only. A failure (a full disk...) leaves the old set, and nothing of the new one."""
    global sets_replaced
    targets = [folder / name for name in files]
    _check(folder, targets)
    made = _make(folder)
    dropped = [n for n in drop if n not in files and os.path.lexists(folder / n)]
    try:
        with _locked(folder):
            recover(folder)
            _stage(folder / STAGING, files, dropped)
            with _held_signals():
                os.rename(folder / STAGING, folder / SWAP)  # the commit: now the new set wins
                sets_replaced += 1
                _finish(folder / SWAP, folder)
    except OSError as err:  # the folder cannot be locked, or the swap cannot be finished
        for created in made:
            with suppress(OSError):
                created.rmdir()
        raise DeckmakerError.at(
            f"cannot write here ({err.strerror}); what was written before is whole, and "
            "the next build into this folder finishes an interrupted swap",
            str(folder),
        ) from None
    except BaseException:
        for created in made:  # a folder this call made, and so empty again: nothing written
            with suppress(OSError):
                created.rmdir()
        raise
    return targets


def recover(folder: Path) -> None:
    """Finish what a process killed while writing into `folder` left: a set staged but not
    committed is deleted, a committed one is moved into place."""
    if os.path.isdir(folder / SWAP):
        _finish(folder / SWAP, folder)
    if os.path.isdir(folder / STAGING):
        _discard(folder / STAGING)


def _check(folder: Path, targets: list[Path]) -> None:
    """What would stop the set half-way, refused before anything is written."""
    above = folder
    while not os.path.lexists(above) and above.parent != above:
        above = above.parent
    if os.path.lexists(above) and not above.is_dir():
        raise DeckmakerError.at("is a file, not a folder; write into a folder", str(above))
    for target in targets:
        try:
            found = os.stat(target)
        except OSError:
            continue  # nothing there yet, or a broken link: replaced
        if stat.S_ISDIR(found.st_mode):
            raise DeckmakerError.at(
                "is a folder, where a file is to be written; move it, or write elsewhere",
                str(target),
            )
        # A file without write permission, for anyone or for us, was protected by its owner:
        # replacing it (and its mode) behind their back would undo that.
        if not found.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise DeckmakerError.at(
                "is read-only; make it writable (chmod u+w) to replace it, or write elsewhere",
                str(target),
            )


def _make(folder: Path) -> list[Path]:
    """Create `folder` and what it needs above; the folders created, deepest first."""
    missing = []
    above = folder
    while not os.path.isdir(above) and above.parent != above:
        missing.append(above)
        above = above.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DeckmakerError.at(
            f"cannot create this folder ({err.strerror}); check the path", str(folder)
        ) from None
    return missing


def _stage(staging: Path, files: Mapping[str, bytes], drop: list[str]) -> None:
    """Write the set into the staging folder; on any failure or interrupt, delete what was
    staged and say which file could not be written."""
    folder = staging.parent
    try:
        staging.mkdir()
    except OSError as err:
        raise DeckmakerError.at(f"cannot write here ({err.strerror})", str(folder)) from None
    name = ""
    try:
        for name, data in files.items():
            _write(staging / name, data, folder / name)
        if drop:
            name = REMOVE
            _write(staging / REMOVE, "\n".join(drop).encode("utf-8"), None)
    except OSError as err:
        _discard(staging)
        shown = folder / name if name != REMOVE else folder
        said = f"cannot be written ({err.strerror}){_hint(err)}"
        raise DeckmakerError.at(said, str(shown)) from None
    except BaseException:
        _discard(staging)
        raise


def _write(path: Path, data: bytes, replacing: Path | None) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        if replacing is not None:
            with suppress(OSError):
                os.fchmod(fd, stat.S_IMODE(os.stat(replacing).st_mode))  # it keeps its mode
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _hint(err: OSError) -> str:
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "; free some space, or write elsewhere. The previous outputs are untouched"
    return "; the previous outputs are untouched"


def _finish(swap: Path, folder: Path) -> None:
    """Move a committed set into place, delete what it drops, remove the emptied folder. Each
    step can be taken again, so a finish cut short is finished by the next one."""
    try:
        dropped = (swap / REMOVE).read_text("utf-8").split("\n")
    except FileNotFoundError:
        dropped = []
    for entry in os.scandir(swap):
        if entry.name != REMOVE:
            os.replace(entry.path, folder / entry.name)
    for name in dropped:
        (folder / name).unlink(missing_ok=True)
    (swap / REMOVE).unlink(missing_ok=True)
    swap.rmdir()


def _discard(staging: Path) -> None:
    with suppress(OSError):
        for entry in os.scandir(staging):
            os.unlink(entry.path)
        staging.rmdir()


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
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
