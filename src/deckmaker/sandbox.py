"""The sandbox templates run in: Jinja2's immutable sandbox (no reaching Python's internals, no
changing a list or dict a template is handed), with what a template makes bounded in size and
time, since a template from a stranger is code.

Every route by which a short template makes a long text is capped before the text is made:
`*` and `**`, `%` and `str.format` widths and precisions, the string methods and filters that
pad, indent, repeat, join or replace (`center`, `ljust`, `rjust`, `zfill`, `expandtabs`,
`join`, `replace`, `|center`, `|indent`, `|format`, `|join`, `|replace`, `|wordwrap`). What
grows step by step (`~` and `+` in a loop) is checked as it is made, and every buffer a render
joins (a macro's output, a `{% set %}` block, the whole render) before it is joined. A render
ends after `MAX_TEMPLATE_SECONDS`: each loop's step and each call looks at the clock.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import make_attrgetter
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from deckmaker.limits import (
    MAX_TEMPLATE_DIGITS,
    MAX_TEMPLATE_OUTPUT,
    MAX_TEMPLATE_PRODUCT,
    MAX_TEMPLATE_SECONDS,
)

# When the render under way must end (time.monotonic()), or None outside one.
_deadline: ContextVar[float | None] = ContextVar("deckmaker_template_deadline", default=None)
# A width or precision in a `%` or `format` spec: '%-20.3f', '{:>20.3}'.
_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?")


@contextmanager
def timed(seconds: float | None = None) -> Iterator[None]:
    """Bound the templates run inside to `seconds` (MAX_TEMPLATE_SECONDS), counted from the
    outermost `timed`."""
    if _deadline.get() is not None:
        yield
        return
    token = _deadline.set(time.monotonic() + (seconds or MAX_TEMPLATE_SECONDS))
    try:
        yield
    finally:
        _deadline.reset(token)


def _tick() -> None:
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise SecurityError(
            f"it ran for more than {MAX_TEMPLATE_SECONDS} s (a loop that does not end?)"
        )


def _refuse(what: str, size: int, limit: int = MAX_TEMPLATE_PRODUCT) -> None:
    if size > limit:
        raise SecurityError(f"{what} would make a text of more than {limit:,} characters")


def _width(value: object) -> int:
    return value if isinstance(value, int) else len(value) if isinstance(value, str) else 0


def _check_percent(text: str, values: object) -> None:
    """`text % values`: no width or precision past the cap, typed or given by `*`."""
    for width, precision in _PERCENT.findall(text):
        for n in (width, precision):
            if n.isdigit():
                _refuse("%", int(n))
    if "*" in text:
        given = values if isinstance(values, tuple) else (values,)
        for value in given:
            if isinstance(value, int):
                _refuse("%", value)


def _check_spec(spec: str) -> None:
    found = _SPEC.match(spec)
    for n in found.groups() if found else ():
        if n:
            _refuse("format", int(n))


def _joined(separator: str, items: Iterable[Any], what: str = "join") -> list[Any]:
    """The items `separator.join` would join, each as the text join makes of it, refused as
    soon as they and the separators run past the cap."""
    listed: list[Any] = []
    size = -len(separator)
    for item in items:
        text = item if isinstance(item, str) else str(item)
        size += len(separator) + len(text)
        _refuse(what, size)
        listed.append(text)
    return listed


def _replaced(text: str, old: str, new: str, count: int | None) -> int:
    times = len(text) + 1 if old == "" else text.count(old)
    if count is not None and count >= 0:
        times = min(times, count)
    return len(text) + times * max(len(new) - len(old), 0)


def _string_method(method: Callable[..., Any], text: str, name: str) -> Callable[..., Any]:
    """`text.name`, refusing a call that would make too long a text."""

    @wraps(method)
    def checked(*args: Any, **kwargs: Any) -> Any:
        if name in ("center", "ljust", "rjust", "zfill") and args:
            _refuse(name, _width(args[0]))
        elif name == "expandtabs":
            tab = args[0] if args else kwargs.get("tabsize", 8)
            _refuse(name, len(text) + text.count("\t") * _width(tab))
        elif name == "replace" and len(args) >= 2:
            count = args[2] if len(args) > 2 else kwargs.get("count")
            _refuse(name, _replaced(text, str(args[0]), str(args[1]), count))
        elif name == "join" and args:
            return method(_joined(text, args[0]))
        return method(*args, **kwargs)

    return checked


_STRING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "replace", "join"})


def _filter(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja2's filter `name`, refusing a call that would make too long a text. Jinja2 hands
    some filters the environment or context first (`jinja_pass_arg`, kept by `wraps`)."""
    passes = hasattr(original, "jinja_pass_arg")

    @wraps(original)
    def checked(*args: Any, **kwargs: Any) -> Any:
        head, (value, *rest) = (args[:1], args[1:]) if passes else ((), args)
        if name == "join":  # join(eval_ctx, value, d="", attribute=None)
            separator = rest[0] if rest else kwargs.pop("d", "")
            attribute = rest[1] if len(rest) > 1 else kwargs.pop("attribute", None)
            if attribute is not None:
                value = map(make_attrgetter(head[0].environment, attribute), value)
            return original(*head, _joined(str(separator), value), separator, **kwargs)
        text = value if isinstance(value, str) else str(value)  # as the filter reads it
        if name == "center":
            _refuse(name, _width(rest[0] if rest else kwargs.get("width", 80)))
        elif name == "indent":
            width = rest[0] if rest else kwargs.get("width", 4)
            _refuse(name, len(text) + (text.count("\n") + 1) * _width(width))
        elif name == "format":
            _check_percent(text, tuple(rest) or kwargs)
        elif name == "replace" and len(rest) >= 2:
            count = rest[2] if len(rest) > 2 else kwargs.get("count")
            _refuse(name, _replaced(text, str(rest[0]), str(rest[1]), count))
        elif name == "wordwrap":
            width = rest[0] if rest else kwargs.get("width", 79)
            wrap = rest[2] if len(rest) > 2 else kwargs.get("wrapstring") or "\n"
            lines = len(text) // max(_width(width), 1) + text.count("\n") + 1
            _refuse(name, len(text) + lines * _width(wrap))
        return original(*args, **kwargs)

    return checked


_FILTERS = ("center", "indent", "format", "replace", "wordwrap", "join")


class _Formatter(jinja2.sandbox.SandboxedFormatter):
    """`str.format` as Jinja2's sandbox runs it, with widths and precisions capped."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_spec(format_spec)
        return super().format_field(value, format_spec)


class _EscapeFormatter(_Formatter, jinja2.sandbox.SandboxedEscapeFormatter):
    pass


class _Generator(CodeGenerator):
    """Jinja2's compiler, with each `for` loop's steps and each `~` passed through the
    sandbox, which counts the one and measures the other."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not getattr(node, "counted", False):
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("steps"), [node.iter], [], None, None
            ).set_lineno(node.lineno)
            node.counted = True  # type: ignore[attr-defined]
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sized(")
        super().visit_Concat(node, frame)
        self.write(")")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with what a template makes bounded (see the module)."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        for name in _FILTERS:
            self.filters[name] = _filter(name, self.filters[name])

    def steps(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            _tick()
            yield item

    def sized(self, text: str) -> str:
        _refuse("~", len(text))
        return text

    def concat(self, pieces: Iterable[str]) -> str:
        """Every buffer a template joins (a macro's output, a block, the whole render)."""
        listed, size = [], 0
        for piece in pieces:
            size += len(piece)
            _refuse("the template's output", size, MAX_TEMPLATE_OUTPUT)
            listed.append(piece)
        return "".join(listed)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _tick()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        found = super().getattr(obj, attribute)
        if isinstance(obj, str) and attribute in _STRING_METHODS and callable(found):
            return _string_method(found, obj, attribute)
        return found

    def getitem(self, obj: Any, argument: Any) -> Any:
        found = super().getitem(obj, argument)
        if isinstance(obj, str) and argument in _STRING_METHODS and callable(found):
            return _string_method(found, obj, argument)
        return found

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`str.format` and `format_map` through a formatter that caps widths (Jinja2's own
        wrapper, with `_Formatter`)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        escaping = isinstance(text, Markup)
        formatter = _EscapeFormatter(self, escape=text.escape) if escaping else _Formatter(self)
        mapping = value.__name__ == "format_map"

        @wraps(value)
        def formatted(*args: Any, **kwargs: Any) -> str:
            if mapping:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return type(text)(formatter.vformat(text, (), args[0]))
            return type(text)(formatter.vformat(text, args, kwargs))

        return formatted

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                repeated = isinstance(seq, (str, list, tuple)) and isinstance(n, int)
                if repeated and len(seq) * n > MAX_TEMPLATE_PRODUCT:
                    raise SecurityError(
                        f"{type(seq).__name__} * {n} would hold more than "
                        f"{MAX_TEMPLATE_PRODUCT:,} items"
                    )
        elif operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                digits = right * math.log10(abs(left)) if abs(left) > 1 else 1
                if digits > MAX_TEMPLATE_DIGITS:
                    raise SecurityError(
                        f"** would make a number of more than {MAX_TEMPLATE_DIGITS:,} digits"
                    )
        elif operator == "%" and isinstance(left, str):
            _check_percent(left, right)
        made = super().call_binop(context, operator, left, right)
        if operator == "+" and isinstance(made, (str, list, tuple)):
            _refuse("+", len(made))
        return made
