"""Outputs that stay a set: every failure on the way out (an --out that is a file or names one, two
inputs writing the same files, a read-only or full target) says one line, exits 2, writes nothing
and leaves the previous outputs byte for byte; SIGINT and SIGTERM, sent to real processes at
many moments, leave the old set or the new one whole and no temporary file; a process killed
outright mid-swap is finished by the next write."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ESSAY

from deckmaker import outputs
from deckmaker.cli import cli
from deckmaker.errors import DeckmakerError
from deckmaker.outputs import SWAP
from deckmaker.pipeline import build, render

OLD = "title: Kept\nsections:\n  - title: One\n    points: [A first point, A second point]\n"
NEW = OLD.replace("Kept", "Replaced") + "  - title: Two\n    points: [A third point]\n"
UNTOUCHED = "The previous outputs are untouched"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tree(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under `root`, hidden ones too: a file's bytes, a folder's None."""
    return {
        str(p.relative_to(root)): None if p.is_dir() else p.read_bytes()
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture
def talk(tmp_path: Path) -> Path:
    """An outline whose good set of outputs (deck, Markdown script, captions) is in out/, to
    be rebuilt from the NEW version of the outline."""
    path = tmp_path / "talk.yaml"
    path.write_text(OLD, encoding="utf-8")
    build(path, tmp_path / "out", formats=("md", "srt"))
    path.write_text(NEW, encoding="utf-8")
    return path


def refused(tmp_path: Path, args: list[str], said: str) -> None:
    """The command fails with exactly this one line and status 2, and nothing under tmp_path
    changes: the previous set survives byte for byte, and no file or folder appears."""
    before = tree(tmp_path)
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {said}\n")
    assert tree(tmp_path) == before


def test_a_build_replaces_its_set_and_leaves_nothing_else(tmp_path: Path, talk: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(talk), "--out", str(out), "--format", "md", "--format", "srt")
    assert result.exit_code == 0, result.output
    fresh = build(talk, tmp_path / "fresh", formats=("md", "srt"))
    assert tree(out) == {p.name: p.read_bytes() for p in fresh.files.values()}
    assert b"Replaced" in (out / "talk.script.md").read_bytes()


def test_out_that_is_a_file(tmp_path: Path, talk: Path) -> None:
    (tmp_path / "notes").write_text("mine", encoding="utf-8")
    said = f"{tmp_path / 'notes'}: is a file; --out names the folder to write into, such as "
    said += "--out build"
    refused(tmp_path, ["build", str(talk), "--out", str(tmp_path / "notes")], said)
    # A folder inside a file is refused the same way (say, a typo in a path).
    deeper = tmp_path / "notes" / "build"
    api = pytest.raises(DeckmakerError, build, talk, deeper)
    assert str(api.value) == f"{tmp_path / 'notes'}: is a file, not a folder; write into a folder"


@pytest.mark.parametrize("command", ["build", "watch", "preview"])
def test_out_named_like_a_file_is_not_made_a_folder(
    tmp_path: Path, talk: Path, command: str
) -> None:
    out = tmp_path / "talk.pptx"
    said = (
        f"{out}: looks like a file's name, but --out names the folder to write into (the files "
        "are named after the input); give a folder, such as --out build"
    )
    refused(tmp_path, [command, str(talk), "--out", str(out)], said)


def test_an_existing_folder_named_like_a_file_is_the_users_and_is_used(
    tmp_path: Path, talk: Path
) -> None:
    (tmp_path / "v1.md").mkdir()
    assert run("build", str(talk), "--out", str(tmp_path / "v1.md")).exit_code == 0
    assert (tmp_path / "v1.md" / "talk.pptx").is_file()


def test_two_inputs_writing_the_same_files_are_refused_before_anything_is_written(
    tmp_path: Path, talk: Path
) -> None:
    shutil.copy(ESSAY, tmp_path / "talk.txt")
    args = ["build", str(talk), str(tmp_path / "talk.txt"), "--out", str(tmp_path / "out")]
    said = (
        f"{tmp_path / 'talk.txt'}: would write the same talk.* files as {talk}; build them "
        "into different --out folders, or rename one"
    )
    refused(tmp_path, args, said)


def test_a_read_only_output_is_neither_replaced_nor_changed(tmp_path: Path, talk: Path) -> None:
    deck = tmp_path / "out" / "talk.pptx"
    deck.chmod(0o444)
    said = f"{deck}: is read-only; make it writable (chmod u+w) to replace it, or write elsewhere"
    refused(tmp_path, ["build", str(talk), "--out", str(tmp_path / "out")], said)
    assert stat.S_IMODE(deck.stat().st_mode) == 0o444


def test_a_folder_where_an_output_goes(tmp_path: Path, talk: Path) -> None:
    (tmp_path / "out" / "talk.script.md").unlink()
    (tmp_path / "out" / "talk.script.md").mkdir()
    where = tmp_path / "out" / "talk.script.md"
    said = f"{where}: is a folder, where a file is to be written; move it, or write elsewhere"
    refused(tmp_path, ["build", str(talk), "--out", str(tmp_path / "out")], said)
    where.rmdir()  # nothing for the judges to read as a script


def test_new_files_follow_the_umask_and_replaced_ones_keep_their_mode(
    tmp_path: Path, talk: Path
) -> None:
    out = tmp_path / "out"
    (out / "talk.pptx").chmod(0o664)  # shared with a group on purpose
    (out / "talk.srt").unlink()
    before = os.umask(0o027)
    try:
        result = run("build", str(talk), "--out", str(out), "--format", "md", "--format", "srt")
    finally:
        os.umask(before)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE((out / "talk.pptx").stat().st_mode) == 0o664
    assert stat.S_IMODE((out / "talk.srt").stat().st_mode) == 0o640  # 0666 less the umask


def full_disk(monkeypatch: pytest.MonkeyPatch, under: Path, room: int, code: int) -> None:
    """The file system under `under` holds `room` more bytes, then says `code` (ENOSPC, EDQUOT),
    as the kernel's write(2) does; everything else is written as usual."""
    write = os.write
    left = [room]

    def limited(fd: int, data) -> int:
        if not os.readlink(f"/proc/self/fd/{fd}").startswith(str(under)):
            return write(fd, data)
        if left[0] <= 0:
            raise OSError(code, os.strerror(code))
        done = write(fd, bytes(data[: left[0]]))
        left[0] -= done
        return done

    monkeypatch.setattr(os, "write", limited)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_leaves_the_previous_set_and_no_temporary_file(
    tmp_path: Path, talk: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    out = tmp_path / "out"
    deck = len(render(talk).artifacts["deck"].data)
    full_disk(monkeypatch, tmp_path, deck + 100, code)  # the deck fits, the script does not
    why = os.strerror(code)
    said = (
        f"{out / 'talk.script.md'}: cannot be written ({why}); free some space, or write "
        f"elsewhere. {UNTOUCHED}"
    )
    refused(tmp_path, ["build", str(talk), "--out", str(out)], said)


def test_a_failed_write_takes_back_the_folders_it_made(
    tmp_path: Path, talk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full_disk(monkeypatch, tmp_path, 0, errno.ENOSPC)
    out = tmp_path / "new" / "folder"
    said = (
        f"{out / 'talk.pptx'}: cannot be written (No space left on device); free some space, "
        f"or write elsewhere. {UNTOUCHED}"
    )
    refused(tmp_path, ["build", str(talk), "--out", str(out)], said)


def test_a_full_disk_for_real(tmp_path: Path, talk: Path) -> None:
    """The same on a real file system that fills up: a small tmpfs (needs root, to mount it)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        shutil.copytree(tmp_path / "out", disk / "out")
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"x" * (free - 40_000))  # the deck (~30 kB) fits, alone
        before = tree(disk)
        result = run("build", str(talk), "--out", str(disk / "out"))
        assert result.exit_code == 2
        assert result.stderr.startswith(f"error: {disk / 'out'}/talk.")
        assert result.stderr.endswith(
            ": cannot be written (No space left on device); free some space, or write "
            f"elsewhere. {UNTOUCHED}\n"
        )
        assert len(result.stderr.splitlines()) == 1
        assert tree(disk) == before
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_folder_that_cannot_be_written_into(tmp_path: Path, talk: Path) -> None:
    """A read-only disk (a tmpfs mounted read-only, as root, whom permissions do not stop) or,
    for anyone else, a folder without write permission."""
    out = tmp_path / "out"
    if os.geteuid() == 0:
        disk = tmp_path / "disk"
        disk.mkdir()
        mount = ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]
        if subprocess.run(mount, capture_output=True).returncode != 0:
            pytest.skip("root, but cannot mount a tmpfs here")
        try:
            shutil.copytree(out, disk / "out")
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
            said = (
                f"{disk / 'out'}: cannot be written into (a read-only disk, or its permissions); "
                "make it writable, or write elsewhere"
            )
            refused(tmp_path, ["build", str(talk), "--out", str(disk / "out")], said)
        finally:
            subprocess.run(["umount", str(disk)], check=True)
    else:
        out.chmod(0o555)
        said = (
            f"{out}: cannot be written into (a read-only disk, or its permissions); make it "
            "writable, or write elsewhere"
        )
        try:
            refused(tmp_path, ["build", str(talk), "--out", str(out)], said)
        finally:
            out.chmod(0o755)


def test_import_refuses_a_read_only_outline_and_survives_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    essay = tmp_path / "essay.txt"
    shutil.copy(ESSAY, essay)
    outline = tmp_path / "essay.yaml"
    outline.write_text("# my edits\n", encoding="utf-8")
    outline.chmod(0o444)
    said = (
        f"{outline}: is read-only; make it writable (chmod u+w) to replace it, or write elsewhere"
    )
    refused(tmp_path, ["import", str(essay), "--force"], said)
    (tmp_path / "folder.yaml").mkdir()
    said = f"{tmp_path / 'folder.yaml'}: is a folder; give -o the outline's file name"
    refused(tmp_path, ["import", str(essay), "-o", str(tmp_path / "folder.yaml")], said)
    outline.chmod(0o644)
    full_disk(monkeypatch, tmp_path, 100, errno.ENOSPC)
    said = (
        f"{outline}: cannot be written (No space left on device); free some space, or write "
        f"elsewhere. {UNTOUCHED}"
    )
    refused(tmp_path, ["import", str(essay), "--force"], said)


def test_an_interrupt_while_staging_leaves_the_old_set(
    tmp_path: Path, talk: Path, monkeypatch
) -> None:
    out = tmp_path / "out"
    before = tree(out)
    write = os.write
    calls = [0]

    def interrupted(fd: int, data) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(out)):
            calls[0] += 1
            if calls[0] == 2:  # the deck is staged; Ctrl-C on the script
                raise KeyboardInterrupt
        return write(fd, data)

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(talk, out, formats=("md", "srt"))
    assert calls[0] == 2
    assert tree(out) == before


def test_an_interrupt_during_the_swap_waits_for_it(tmp_path: Path, talk: Path, monkeypatch) -> None:
    """SIGINT arriving between two renames of the swap is held until the set is whole, then
    raised as usual."""
    out = tmp_path / "out"
    replace = os.replace
    renames: list[str] = []

    def signalled(source, target) -> None:
        if Path(target).parent != out:  # a cache's file
            return replace(source, target)
        renames.append(Path(target).name)
        if len(renames) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # a real signal, to this process
        replace(source, target)

    monkeypatch.setattr(os, "replace", signalled)
    count = outputs.sets_replaced
    with pytest.raises(KeyboardInterrupt):
        build(talk, out, formats=("md", "srt"))
    assert sorted(renames) == ["talk.pptx", "talk.script.md", "talk.srt"]
    monkeypatch.undo()
    fresh = build(talk, tmp_path / "fresh", formats=("md", "srt"))
    assert tree(out) == {p.name: p.read_bytes() for p in fresh.files.values()}
    assert outputs.sets_replaced == count + 2


# Writes files no judge is for: made-up bytes (the tests' fixture judges what others write).
unjudged = getattr(outputs.replace_set, "__wrapped__", outputs.replace_set)

CRASH = """\
import os, sys
from pathlib import Path
from deckmaker import outputs
folder, when = Path(sys.argv[1]), sys.argv[2]
real = {"write": os.write, "replace": os.replace}
seen = []
def crash(name):
    def call(*args):
        seen.append(name)
        if seen.count(name) == 2:  # killed outright (kill -9, a power cut) on the second
            os._exit(9)
        return real[name](*args)
    return call
setattr(os, when, crash(when))
outputs.replace_set(folder, {"talk.pptx": b"new deck", "talk.script.md": b"new script"})
"""


def crashed(folder: Path, when: str) -> dict[str, bytes | None]:
    """Old deck and script in `folder`, then a process writing the new ones killed outright on
    its second call of `when`; what it left."""
    folder.mkdir()
    (folder / "talk.pptx").write_bytes(b"old deck")
    (folder / "talk.script.md").write_bytes(b"old script")
    (folder / "other.txt").write_bytes(b"someone else's")
    assert subprocess.run([sys.executable, "-c", CRASH, str(folder), when]).returncode == 9
    return tree(folder)


def test_killed_while_staging_the_next_write_deletes_the_staged_files(tmp_path: Path) -> None:
    left = crashed(tmp_path / "out", "write")  # on the script, the deck staged
    assert {k: v for k, v in left.items() if "staging" in k} == {
        ".deckmaker-staging": None,
        ".deckmaker-staging/talk.pptx": b"new deck",
        ".deckmaker-staging/talk.script.md": b"",
    }
    unjudged(tmp_path / "out", {"next.txt": b"the next write, of any set"})
    assert tree(tmp_path / "out") == {
        "next.txt": b"the next write, of any set",
        "other.txt": b"someone else's",
        "talk.pptx": b"old deck",
        "talk.script.md": b"old script",
    }


def test_killed_mid_swap_the_next_write_finishes_the_swap(tmp_path: Path) -> None:
    left = crashed(tmp_path / "out", "replace")  # between the swap's two renames
    moved, waiting = sorted(("talk.pptx", "talk.script.md"), key=lambda n: f"{SWAP}/{n}" in left)
    assert {k for k in left if k.startswith(".")} == {SWAP, f"{SWAP}/{waiting}"}
    assert (left[moved] or b"").startswith(b"new")  # a mix, for now
    assert (left[waiting] or b"").startswith(b"old")
    unjudged(tmp_path / "out", {"next.txt": b"the next write, of any set"})
    assert tree(tmp_path / "out") == {
        "next.txt": b"the next write, of any set",
        "other.txt": b"someone else's",
        "talk.pptx": b"new deck",
        "talk.script.md": b"new script",
    }


def test_a_set_drops_what_the_set_it_replaces_had_and_it_has_not(tmp_path: Path) -> None:
    """A preview of a shorter deck: the older pictures go with the set they belonged to."""
    out = tmp_path / "preview"
    out.mkdir()
    for name in ("talk-01.png", "talk-02.png", "talk-03.png", "talk-sheet.png", "mine.png"):
        (out / name).write_bytes(b"old")
    unjudged(out, {"talk-01.png": b"new", "talk-sheet.png": b"new"}, ["talk-02.png",
                        "talk-03.png", "talk-04.png"])  # fmt: skip
    assert tree(out) == {"mine.png": b"old", "talk-01.png": b"new", "talk-sheet.png": b"new"}


def test_a_preview_of_a_shorter_deck_takes_the_older_pictures_away(
    tmp_path: Path, talk: Path
) -> None:
    out = tmp_path / "preview"
    out.mkdir()
    for name in [f"talk-{n:02}.png" for n in range(1, 13)] + ["talk-sheet.png", "other-01.png"]:
        (out / name).write_bytes(b"an older picture")
    result = run("preview", str(talk), "--out", str(out))
    assert result.exit_code == 0, result.output
    slides = int(result.stdout.split()[1])  # "Wrote N slide pictures to ..."
    assert 2 < slides < 12
    pictures = [f"talk-{n:02}.png" for n in range(1, slides + 1)]
    assert sorted(tree(out)) == ["other-01.png", *pictures, "talk-sheet.png"]
    assert (out / "other-01.png").read_bytes() == b"an older picture"  # another talk's
    assert all((out / name).read_bytes().startswith(b"\x89PNG") for name in pictures)


MID_SWAP = """\
import os, signal, sys
from deckmaker.cli import main
replace, number = os.replace, int(sys.argv[1])
def signalled(source, target):
    if os.path.basename(os.path.dirname(source)) == ".deckmaker-swap":
        os.kill(os.getpid(), number)  # between two renames of the swap
    replace(source, target)
os.replace = signalled
sys.argv = ["deckmaker", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_during_the_swap_waits_and_says_the_new_set_is_complete(
    tmp_path: Path, talk: Path, number: int
) -> None:
    out = tmp_path / "out"
    args = [str(int(number)), "build", str(talk), "--out", str(out), "--format", "md",
            "--format", "srt"]  # fmt: skip
    done = subprocess.run([sys.executable, "-c", MID_SWAP, *args], capture_output=True, text=True)
    how = "terminated" if number == signal.SIGTERM else "interrupted"
    assert (done.returncode, done.stdout, done.stderr) == (
        128 + number,
        "",
        f"{how}; the new outputs are complete\n",
    )
    fresh = build(talk, tmp_path / "fresh", formats=("md", "srt"))
    assert tree(out) == {p.name: p.read_bytes() for p in fresh.files.values()}


# -- Signals sent to real processes ---------------------------------------------------------

LONG = "title: A long talk\nsections:\n" + "".join(
    f"  - title: Part {n}\n    points: [A point here, Another point there]\n"
    f"    script: Part {n} makes a point here. Then another point there.\n"
    for n in range(1, 161)
)


def handling_signals(pid: int) -> bool:
    """Whether the process catches SIGTERM yet, that is, deckmaker's main() has started (Python
    itself catches SIGINT from the start, but not SIGTERM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


def started(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "deckmaker", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, to signal as a terminal does
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 30
    while not handling_signals(process.pid):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.002)
    return process


@pytest.fixture
def sets(tmp_path: Path) -> Iterator[Callable[[str], dict[str, bytes]]]:
    """The old and the new set of the long talk, built by the command line, by name."""
    talk = tmp_path / "long.yaml"
    built = {}
    for version, text in (("old", LONG), ("new", LONG.replace("Part 9 ", "Part nine "))):
        talk.write_text(text, encoding="utf-8")
        args = ["build", str(talk), "--out", version, "--format", "md", "--format", "txt",
                "--format", "srt"]  # fmt: skip
        subprocess.run([sys.executable, "-m", "deckmaker", *args], cwd=tmp_path, check=True,
                       capture_output=True)  # fmt: skip
        built[version] = tree(tmp_path / version)
    assert built["old"] != built["new"] and len(built["new"]) == 4
    yield built.__getitem__


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_build_leaves_the_old_set_or_the_new_one(
    tmp_path: Path, sets, number: int, judged
) -> None:
    args = ["build", "long.yaml", "--out", "out", "--format", "md", "--format", "txt",
            "--format", "srt"]  # fmt: skip
    start = time.monotonic()
    started(args, tmp_path).communicate()
    took = time.monotonic() - start  # the build, from start-up to the last file written
    how = "terminated" if number == signal.SIGTERM else "interrupted"
    seen = []
    for attempt in range(10):  # from just after start-up to well past the end of the build
        shutil.rmtree(tmp_path / "out")
        shutil.copytree(tmp_path / "old", tmp_path / "out")
        process = started(args, tmp_path)
        time.sleep(took * attempt / 5)
        os.killpg(process.pid, number)
        stdout, stderr = process.communicate()
        found = tree(tmp_path / "out")
        if found == sets("old"):
            seen.append("old")
            said = f"{how}; nothing was written, the previous outputs are untouched\n"
            assert (process.returncode, stdout, stderr) == (128 + number, "", said), attempt
        else:
            assert found == sets("new"), f"a mix after attempt {attempt}: {sorted(found)}"
            seen.append("new")
            if process.returncode != 0:  # the set was put in place, then the signal came
                said = f"{how}; the new outputs are complete\n"
                assert (process.returncode, stderr) == (128 + number, said), attempt
    assert "old" in seen, seen  # some interrupted the build: not all came too late
    judged(tmp_path / "out" / "long.pptx")


def test_a_build_killed_outright_is_put_right_by_the_next(tmp_path: Path, sets, judged) -> None:
    """kill -9 at ten moments: whatever it leaves, the next build into the folder (of another
    talk) first makes it the old set or the new one, with nothing else left."""
    args = ["build", "long.yaml", "--out", "out", "--format", "md", "--format", "txt",
            "--format", "srt"]  # fmt: skip
    start = time.monotonic()
    started(args, tmp_path).communicate()
    took = time.monotonic() - start
    (tmp_path / "other.yaml").write_text(OLD, encoding="utf-8")
    for attempt in range(10):
        shutil.rmtree(tmp_path / "out")
        shutil.copytree(tmp_path / "old", tmp_path / "out")
        process = started(args, tmp_path)
        time.sleep(took * attempt / 5)
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        after = ["build", "other.yaml", "--only", "script", "--out", "out"]
        subprocess.run([sys.executable, "-m", "deckmaker", *after], cwd=tmp_path, check=True)
        found = tree(tmp_path / "out")
        assert found.pop("other.script.md")
        assert found in (sets("old"), sets("new")), f"after attempt {attempt}: {sorted(found)}"
    judged(tmp_path / "out" / "other.script.md")


def named(built: dict[str, bytes | None], talk: str) -> dict[str, bytes | None]:
    """The deck and Markdown script of a set, as the talk named `talk` would have them."""
    return {
        name.replace("long.", f"{talk}.", 1): data
        for name, data in built.items()
        if name.endswith((".pptx", ".script.md"))
    }


def test_signals_stop_a_batch_and_its_workers_alike(tmp_path: Path, sets) -> None:
    names = ("a", "b", "c", "d", "e", "f")
    for name in names:
        shutil.copy(tmp_path / "long.yaml", tmp_path / f"{name}.yaml")
    out = tmp_path / "out"
    for number in (signal.SIGINT, signal.SIGTERM):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        for talk in names:
            for name, data in named(sets("old"), talk).items():
                (out / name).write_bytes(data or b"")
        old = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
        args = ["build", *(f"{name}.yaml" for name in names), "-j", "2", "--out", "out"]
        process = started(args, tmp_path)
        deadline = time.monotonic() + 60
        while {n: (out / n).stat().st_mtime_ns for n in old} == old:  # none built yet
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
        os.killpg(process.pid, number)  # the parent and its workers, as Ctrl-C in a terminal
        stdout, stderr = process.communicate()
        how = "terminated" if number == signal.SIGTERM else "interrupted"
        assert (process.returncode, stderr) == (
            128 + number,
            f"{how}; each talk's outputs are whole, its previous set or its new one; the rest "
            "were not built\n",
        )
        # The status and the line say the batch was stopped before its end (a load so heavy
        # that every talk was done by then is possible); each set is whole, and nothing else.
        found = tree(out)
        for talk in names:
            mine = {name: data for name, data in found.items() if name.startswith(f"{talk}.")}
            assert mine in (named(sets("old"), talk), named(sets("new"), talk)), talk
        assert len(found) == 2 * len(names), sorted(found)


def test_sigterm_stops_a_watch_with_143_and_ctrl_c_with_0(tmp_path: Path) -> None:
    talk = tmp_path / "talk.yaml"
    talk.write_text(OLD, encoding="utf-8")
    for number, code in ((signal.SIGTERM, 143), (signal.SIGINT, 0)):
        process = started(["watch", "talk.yaml", "--out", "out"], tmp_path)
        assert process.stdout is not None
        assert process.stdout.readline().startswith("Watching talk.yaml")
        assert " wrote out/talk.pptx, out/talk.script.md in " in process.stdout.readline()
        os.killpg(process.pid, number)
        stdout, stderr = process.communicate(timeout=30)
        assert (process.returncode, stdout, stderr) == (code, "Stopped watching.\n", "")
        assert sorted(tree(tmp_path / "out")) == ["talk.pptx", "talk.script.md"]


def test_the_command_line_says_nothing_of_click(tmp_path: Path) -> None:
    """Never click's "Aborted!" nor a traceback: the one line, whatever was interrupted."""
    talk = tmp_path / "talk.yaml"
    talk.write_text(textwrap.dedent(OLD), encoding="utf-8")
    process = started(["validate", "talk.yaml"], tmp_path)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate()
    if process.returncode == 130:
        assert stderr == "interrupted; nothing was written, the previous outputs are untouched\n"
    else:  # validated before the signal came
        assert process.returncode == 0 and stderr == ""


PLANTED = {  # what a build/ that arrived from elsewhere holds in its swap folder
    "up": "../../victim.txt",
    "absolute": "{absolute}",
    "trailing newline": "talk.script.md\n",
    "among plain names": "talk.srt\n../../victim.txt\n{absolute}",
}


@pytest.mark.parametrize("listing", PLANTED.values(), ids=PLANTED)
def test_a_planted_swap_folder_touches_nothing(tmp_path: Path, listing: str) -> None:
    """Recovery state in an output folder is untrusted: names that leave the folder (or are no
    names) are refused in one line, before anything is renamed or removed."""
    talk = tmp_path / "talk.yaml"
    talk.write_text(OLD, encoding="utf-8")
    out = tmp_path / "shared" / "build"
    build(talk, out, formats=("md", "srt"))
    (tmp_path / "victim.txt").write_text("keep me", encoding="utf-8")
    (tmp_path / "absolute.txt").write_text("keep me too", encoding="utf-8")
    (out / SWAP).mkdir()
    (out / SWAP / "talk.pptx").write_bytes(b"planted deck")
    remove = listing.format(absolute=tmp_path / "absolute.txt")
    (out / SWAP / outputs.REMOVE).write_text(remove, encoding="utf-8")
    before = tree(tmp_path)
    talk.write_text(NEW, encoding="utf-8")
    for _ in range(2):  # and again: a refusal leaves nothing for a later build to act on
        result = run("build", str(talk), "--out", str(out), "--format", "md", "--format", "srt")
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"error: {out}: holds an interrupted build's {SWAP}")
        assert tree(tmp_path) == {**before, "talk.yaml": NEW.encode()}


@pytest.mark.parametrize("planted", [SWAP, outputs.STAGING])
def test_a_planted_recovery_folder_that_links_out_is_refused(tmp_path: Path, planted) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "talk.pptx").write_bytes(b"someone else's")
    out = tmp_path / "out"
    out.mkdir()
    (out / planted).symlink_to(elsewhere)
    before = tree(tmp_path)
    with pytest.raises(DeckmakerError, match="nothing was touched"):
        unjudged(out, {"next.txt": b"a set"})
    assert tree(tmp_path) == before
