"""The sandbox a user's templates (--templates DIR) run in: Jinja's SandboxedEnvironment (no
attribute of Python's internals, so no file read, no import, no code), bounded in what one render
may cost, so a template can neither hang the command nor take the machine's memory:

- steps: every turn of a `{% for %}` and every call (a function, a method, a macro) is a step, at
  most STEP_LIMIT a render. Two nested loops over `range(99999)` write nothing, so the output
  limit never saw them: they ran for hours; a macro that calls itself twice ran 2**40 times.
- sizes: no value longer than OUTPUT_LIMIT (what one file may hold): checked after `*`, `+`, `~`,
  each call and each filter, and before the calls that make a huge value from a small one in one
  go ('x'.ljust(10**10), |center, |indent, |wordwrap, |replace, |join, a format width, lipsum),
  which would take the memory before their result could be measured.
"""

from __future__ import annotations

import re
import string
import threading
from functools import wraps

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

OUTPUT_LIMIT = 64 * 1024 * 1024  # characters one template may write (the seed story's HTML is ~60 KB)
STEP_LIMIT = 5_000_000  # loop turns and calls of one render (the default HTML: ~6 an event; a macro call ~4 µs)
WIDEST = 1_000_000  # a width or a count of pieces one call may be asked to make
SIZED = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs", "indent", "wordwrap", "batch", "slice",
                   "tojson"})
PRINTF_WIDTH = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d{7,}|\d*\.(?:\*|\d{7,}))")  # %*s, %(a)10000000s


class Costly(SecurityError):
    """A render stopped at one of the sandbox's bounds; the message names the bound and the fix."""


LONGER = "print shorter values (a file holds at most 64 M characters)"


def refuse(what: str, problem: str, fix: str = LONGER) -> Costly:
    return Costly(f"{what}: {problem}; {fix}")


def checked(value: object, what: str) -> object:
    """`value`, unless it is longer than a file may be."""
    if isinstance(value, (str, list, tuple)) and len(value) > OUTPUT_LIMIT:
        raise refuse(what, f"the result would be longer than {OUTPUT_LIMIT:,}")
    return value


def size_of_call(name: str, values: list, kwargs: dict) -> int:
    """How long the result of `name(*values)` can be (the text it acts on first), found before it is made."""
    text = values[0] if values and isinstance(values[0], str) else ""
    numbers = [v for v in [*values[1:], *kwargs.values()] if isinstance(v, int) and not isinstance(v, bool)]
    if name in SIZED and any(abs(number) > WIDEST for number in numbers):
        raise refuse(name, f"a width or count over {WIDEST:,}")
    strings = [v for v in [*values[1:], *kwargs.values()] if isinstance(v, str)]
    if name == "replace" and len(strings) >= 2:
        old, new = strings[:2]
        return len(text) + (text.count(old) if old else len(text) + 1) * max(len(new) - len(old), 0)
    if name in ("indent", "wordwrap"):  # a string put at each line (or each break)
        return len(text) + (len(text) + 1) * max(map(len, strings), default=0)
    if name == "format" and PRINTF_WIDTH.search(text):
        raise refuse(name, f"a width from an argument or over {WIDEST:,}")
    return 0


def joined_size(separator: str, pieces: list) -> int:
    return sum(len(p) for p in pieces if isinstance(p, str)) + len(separator) * max(len(pieces) - 1, 0)


def check_format_string(text: str) -> None:
    """A str.format string: no width from an argument (`{:{}}`) and none of a million or more."""
    try:
        specs = [spec for _, field, spec, _ in string.Formatter().parse(text) if field is not None and spec]
    except ValueError:
        return  # str.format names the mistake itself
    if any("{" in spec or re.search(r"\d{7,}", spec) for spec in specs):
        raise refuse(f"format {text[:40]!r}", f"a width from an argument or over {WIDEST:,}")


def bounded_filter(name: str, function):
    """A filter checked like a call: its arguments before it runs, its result after."""
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0  # environment or context first

    @wraps(function)
    def filtered(*args, **kwargs):
        values = list(args[skip:])
        if name == "join" and values:
            values[0] = list(values[0])  # read once, as join reads it
            separator = values[1] if len(values) > 1 else kwargs.get("d", "")
            if isinstance(separator, str) and joined_size(separator, values[0]) > OUTPUT_LIMIT:
                raise refuse("|join", f"the result would be longer than {OUTPUT_LIMIT:,}")
        if size_of_call(name, values, kwargs) > OUTPUT_LIMIT:
            raise refuse(f"|{name}", f"the result would be longer than {OUTPUT_LIMIT:,}")
        return checked(function(*args[:skip], *values, **kwargs), f"|{name}")
    return filtered


def bounded_lipsum(lipsum):
    """Jinja's placeholder text, at most WIDEST words (`lipsum(10**9)` wrote for hours)."""
    @wraps(lipsum)
    def bounded(n: int = 5, html: bool = True, min: int = 20, max: int = 100):  # noqa: A002  (Jinja's names)
        if not all(isinstance(v, int) for v in (n, min, max)) or n * max > WIDEST:
            raise refuse("lipsum", f"more than {WIDEST:,} words")
        return lipsum(n, html, min, max)
    return bounded


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's compiler, with the result of each `~` checked (`ns.x ~ ns.x` doubled without end)."""

    def visit_Concat(self, node: nodes.Concat, frame) -> None:
        self.write("environment.checked(")
        super().visit_Concat(node, frame)
        self.write(", '~')")


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the steps and sizes of one render bounded (see the module)."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.filters = {name: bounded_filter(name, function) for name, function in self.filters.items()}
        self.globals["lipsum"] = bounded_lipsum(self.globals["lipsum"])
        self.local = threading.local()
        self.checked = checked

    def start(self) -> None:
        """A new render begins on this thread: its steps count from nothing."""
        self.local.steps = 0

    def step(self) -> None:
        steps = self.local.steps = getattr(self.local, "steps", 0) + 1
        if steps > STEP_LIMIT:
            raise refuse("the template", f"more than {STEP_LIMIT:,} steps (loop turns and calls)",
                         "look for nested loops or a macro that calls itself")

    def counted(self, iterable):
        """The items of a `{% for %}`, each a step."""
        for item in iterable:
            self.step()
            yield item

    def _parse(self, source, name, filename):
        """The template's tree, each `{% for %}` going over `counted(...)` of what it names."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("counted"), [loop.iter], [], None, None,
                                   lineno=loop.iter.lineno)
        tree.set_environment(self)
        return tree

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805  (Jinja's own names, never a keyword)
        __self.step()
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        values = [owner, *args] if isinstance(owner, str) else list(args)
        if name == "join" and isinstance(owner, str) and args:
            args = (list(args[0]), *args[1:])
            if joined_size(owner, args[0]) > OUTPUT_LIMIT:
                raise refuse("join", f"the result would be longer than {OUTPUT_LIMIT:,}")
        elif size_of_call(name, values, kwargs) > OUTPUT_LIMIT:
            raise refuse(name, f"the result would be longer than {OUTPUT_LIMIT:,}")
        return checked(super().call(__context, __obj, *args, **kwargs), name or "a call")

    def wrap_str_format(self, value):
        """str.format and format_map: their format string checked first."""
        wrapper = super().wrap_str_format(value)
        if wrapper is not None:
            check_format_string(value.__self__)
        return wrapper

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > OUTPUT_LIMIT:
                    raise refuse(operator, f"the result would be longer than {OUTPUT_LIMIT:,}")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
            if abs(left) > 1 and right * max(abs(left), 2).bit_length() > 100_000:
                raise refuse(f"{left} ** {right}", "the number would be too large", "print smaller numbers")
        if operator == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
            if len(left) + len(right) > OUTPUT_LIMIT:
                raise refuse(operator, f"the result would be longer than {OUTPUT_LIMIT:,}")
        if operator == "%" and isinstance(left, str) and PRINTF_WIDTH.search(left):
            raise refuse(operator, f"a width from an argument or over {WIDEST:,}")
        return checked(super().call_binop(context, operator, left, right), operator)
