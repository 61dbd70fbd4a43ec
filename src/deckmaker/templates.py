"""Where templates come from: the bundled ones, each overridable by a file of the same name.

Undefined names are errors, so a typo fails loudly instead of printing nothing. The bundled
templates are deckmaker's own code and run as plain Jinja2; a folder of the user's brings
deckmaker's sandbox (`deckmaker.sandbox`) for every template of the build (a user's template may
extend or import a bundled one), so a template shared by a stranger cannot reach Python
internals, fill the memory or run forever. Template files are read through a loader that
refuses an oversized file or one that is not UTF-8, with a message naming it.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from deckmaker import filters
from deckmaker.bundle import bundled
from deckmaker.errors import DeckmakerError
from deckmaker.limits import MAX_TEMPLATE_BYTES, check_size

DECK_TEMPLATE = "deck.pptx"
# `{% extends "bundled/script.md.j2" %}` always names the bundled file, so a user's template of
# the same name can extend the one it replaces instead of itself.
BUNDLED_PREFIX = "bundled"


class Templates:
    def __init__(self, override: Path | None = None) -> None:
        if override is not None and not override.is_dir():
            hint = "check --templates"
            if override.suffix.lower() in (".pptx", ".potx"):
                hint = f"to use it as the deck's theme, pass --theme {override}"
            raise DeckmakerError.at(f"is not a folder of templates; {hint}", str(override))
        if override is not None:
            try:
                next(override.iterdir(), None)
            except OSError as err:  # else Jinja2 would quietly use the bundled templates
                raise DeckmakerError.at(
                    f"cannot be read ({err.strerror}); check the folder's permissions",
                    str(override),
                ) from None
        self.folders = [p for p in (override, bundled("templates")) if p is not None]
        self.sandboxed = override is not None  # a folder of the user's: see the module

    def overridden(self, name: str) -> Path | None:
        """The user's own file of that name, if the override folder has one."""
        if len(self.folders) > 1 and (self.folders[0] / name).is_file():
            return self.folders[0] / name
        return None

    def unused(self) -> list[str]:
        """One line for each file in the override folder that replaces nothing."""
        if len(self.folders) < 2:
            return []
        known = {p.name for p in self.folders[-1].iterdir()} | {DECK_TEMPLATE}
        lines = []
        for path in sorted(self.folders[0].iterdir()):
            if path.name in known or path.name.startswith(".") or not path.is_file():
                continue
            # a voice of the user's (voice-NAME.j2), or a language's (voice.es.j2)
            if path.name.startswith(("voice-", "voice.")) and path.suffix == ".j2":
                continue
            hint = "no bundled template has that name"
            if path.suffix.lower() in (".pptx", ".potx"):
                hint = f"a theme there must be named deck.pptx; or pass --theme {path}"
            lines.append(f"{path}: not used ({hint})")
        return lines

    def path(self, name: str) -> Path:
        """The file a template name resolves to, the override folder first."""
        prefix = f"{BUNDLED_PREFIX}/"
        if name.startswith(prefix):
            return self.folders[-1] / name[len(prefix) :]
        for folder in self.folders:
            if (folder / name).is_file():
                return folder / name
        raise DeckmakerError.at(f"template '{name}' not found", str(self.folders[0]))

    @cached_property
    def env(self) -> jinja2.Environment:
        kind: type[jinja2.Environment] = jinja2.Environment
        if self.sandboxed:
            from deckmaker.sandbox import Sandbox

            kind = Sandbox
        env = kind(
            loader=jinja2.ChoiceLoader(
                [
                    jinja2.PrefixLoader({BUNDLED_PREFIX: _Loader(str(self.folders[-1]))}),
                    _Loader([str(f) for f in self.folders]),
                ]
            ),
            undefined=jinja2.StrictUndefined,
            # Only HTML pages escape what they print; the other formats are plain text.
            autoescape=lambda name: bool(name and name.endswith(".html.j2")),
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_compiled_cache(self.sandboxed),
        )
        env.filters.update(filters.ALL)
        return env

    def render(self, name: str, **context: Any) -> str:
        with self.reporting(name):
            return self.env.get_template(name).render(**context)

    def source(self, name: str) -> str:
        """The text of template `name`, read as Jinja2 reads it (size and UTF-8 checked)."""
        with self.reporting(name):
            return self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]

    def exists(self, name: str) -> bool:
        try:
            return self.path(name).is_file()
        except DeckmakerError:
            return False

    def voices(self) -> list[str]:
        """Names of the voices on offer: each `voice-NAME.j2` in any template folder."""
        found = (p.name[6:-3] for f in self.folders for p in sorted(f.glob("voice-*.j2")))
        return [name for name in found if "." not in name]  # voice-video.es.j2 is a language's

    def macros(self, name: str) -> Any:
        """The template's macros as callables; calling one may raise, so call within `reporting`."""
        with self.reporting(name):
            return self.env.get_template(name).module

    def _bounded(self) -> AbstractContextManager[None]:
        """A sandboxed render's bounds in time (`deckmaker.sandbox.timed`); none for the
        bundled templates alone."""
        if not self.sandboxed:
            return nullcontext()
        from deckmaker.sandbox import timed

        return timed()

    @contextmanager
    def reporting(self, name: str, line: int | None = None) -> Iterator[None]:
        """Turn any error raised inside template `name` into a `DeckmakerError` naming its file
        and line; `line`, when given, is where to point instead of the line Jinja names."""
        try:
            with self._bounded():
                yield
        except jinja2.TemplateNotFound as err:
            folders = ", ".join(map(str, self.folders))
            raise DeckmakerError.at(f"template '{err.name}' not found in {folders}") from None
        except jinja2.TemplateSyntaxError as err:
            file = err.filename or str(self.path(name))
            raise DeckmakerError.at(f"template error: {err.message}", file, err.lineno) from None
        except (
            jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError,
            RecursionError,  # a macro that calls itself without end
        ) as err:  # fmt: skip
            # A runtime error: the innermost frame inside a template folder says where, once
            # Jinja2 has put the template's own lines in its frames (it does so itself when a
            # template renders, not when its macros are read as a module).
            from jinja2.debug import rewrite_traceback_stack  # only when a template failed

            tb = rewrite_traceback_stack().__traceback__
            inside = tuple(os.path.join(folder, "") for folder in self.folders)
            frames = [f for f in traceback.extract_tb(tb) if f.filename.startswith(inside)]
            file = frames[-1].filename if frames else str(self.path(name))
            line = line or (frames[-1].lineno if frames else None)
            message = getattr(err, "message", None) or str(err)
            if isinstance(err, RecursionError):
                message = "it calls itself without end (a macro or include that never stops)"
            elif isinstance(err, SecurityError):
                message = f"{message.rstrip('.')}; templates run in a sandbox, which refuses this"
            raise DeckmakerError.at(f"template error: {message}", file, line) from None


def _compiled_cache(sandboxed: bool) -> jinja2.BytecodeCache | None:
    """Templates compiled in an earlier run, kept in the user's cache (`deckmaker.cache`):
    compiling them is most of what a small build does. Jinja2 checks each entry against its
    template's text; the folder's name covers Jinja2's version and this environment's settings,
    which change what a template compiles to."""
    from deckmaker import cache

    kind = _SANDBOX if sandboxed else "plain Jinja2"
    where = cache.folder(f"templates-{cache.key(jinja2.__version__, kind, _SETTINGS)}")
    return None if where is None else _QuietCache(str(where))


# What the environment above compiles with (bump when changing its options).
_SANDBOX = "immutable sandbox, sizes and time capped (loops and ~ compiled through the sandbox)"
_SETTINGS = "strict undefined, html autoescaped, trim, lstrip, trailing newline"


class _Loader(jinja2.FileSystemLoader):
    """Jinja2's file loader, refusing a template file over `MAX_TEMPLATE_BYTES` before reading
    it, and one that is not UTF-8 with a message that says so."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        found = [p for f in self.searchpath if os.path.isfile(p := os.path.join(f, *pieces))]
        if found:  # the file Jinja2 will read: the first
            _inside(found[0])
            check_size(found[0], MAX_TEMPLATE_BYTES, "a template")
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as err:
            raise DeckmakerError.at(
                f"is not UTF-8 text (byte 0x{err.object[err.start]:02x}); save it as UTF-8",
                found[0] if found else template,
            ) from None


def _inside(path: str) -> None:
    """Refuse a template that is a symbolic link out of its folder, as an outline's `image:`
    leading out is refused: a folder of templates from elsewhere could pull any readable file
    into the script."""
    folder = os.path.dirname(path)
    real = os.path.realpath(path)
    if os.path.commonpath([os.path.realpath(folder), real]) != os.path.realpath(folder):
        raise DeckmakerError.at(
            f"leads outside its folder (a link to {real}); copy the template into the folder",
            path,
        )


class _QuietCache(jinja2.FileSystemBytecodeCache):
    """A cache entry that cannot be read or written costs a compile, never a build."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a corrupt entry: any error unmarshalling it
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)
