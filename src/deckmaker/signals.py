"""Ctrl-C and SIGTERM for the command line: raised as `Interrupted` wherever the program was,
then said in one line (what the signal left behind) with exit status 128 + its number, as shells
report it (130 for Ctrl-C, 143 for SIGTERM). Only `cli.main()` installs the handlers."""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import NoReturn

import click

EXIT_SIGNALLED = 128


class Interrupted(BaseException):
    """SIGINT (Ctrl-C) or SIGTERM, raised wherever the program was. Not a KeyboardInterrupt,
    which click would turn into "Aborted!" and exit status 1."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


received: list[int] = []  # the signals received, in order


def _interrupt(number: int, frame: FrameType | None) -> None:
    received.append(number)
    if len(received) == 1:
        raise Interrupted(number)
    # Another one while the first unwinds (deleting what was staged) must not cut that short.


def install() -> None:
    """Raise `Interrupted` on SIGINT and SIGTERM."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)


def ignore() -> None:
    """Done, or failing: a signal now changes nothing, and must not cut the exit short (with a
    traceback, or a death by signal after the last line was said)."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)


def terminated() -> bool:
    """Whether the first signal received was SIGTERM (which ends even a watch with 143)."""
    return signal.SIGTERM in received[:1]


def stopped(number: int, said: str | None = None) -> NoReturn:
    """Say in one line what a signal left behind, and exit 128 + its number."""
    from deckmaker import outputs

    if said is None:
        if outputs.sets_replaced:
            said = "the new outputs are complete"
        else:
            said = "nothing was written, the previous outputs are untouched"
    how = "terminated" if number == signal.SIGTERM else "interrupted"
    if number == signal.SIGINT and sys.stderr.isatty():
        click.echo(err=True)  # after the terminal's ^C
    click.echo(f"{how}; {said}", err=True)
    sys.exit(EXIT_SIGNALLED + number)
