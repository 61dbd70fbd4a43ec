"""The one exception type for mistakes a user can make or meet; the CLI prints it and exits 2."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake, located as precisely as we can: file, line, field."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        file = _escaped(self.file) if self.file is not None else None
        where = ":".join(str(part) for part in (file, self.line) if part is not None)
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {text}" if where else text


class DeckmakerError(Exception):
    """A user-facing error: one or more problems, each printed on a line of its own."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    @classmethod
    def at(
        cls,
        message: str,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> DeckmakerError:
        return cls(Problem(message, file, line, field))


def _escaped(name: str) -> str:
    """A file's name as a message may show it: a control character (a newline, which would
    split the line; an escape, which a terminal would obey) written as Python writes it."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
