"""The one family of errors timeline raises, and the exit codes, in one place."""

from __future__ import annotations

import re

EXIT_OK = 0
EXIT_INPUT = 1  # bad article, bad output path, broken template: the user can fix the input
EXIT_USAGE = 2  # click's own code for a bad option or argument
EXIT_SKIPPED = 3  # the run finished, but some articles were skipped


# What a terminal would act on: C0 and C1 controls (ESC starts a sequence), DEL, line and
# paragraph separators, bidirectional overrides and isolates, and lone surrogates (no text at all).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
LONGEST_VALUE = 120  # characters of a user's value a message names
LONGEST_MESSAGE = 1000


def _escaped(found: re.Match) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, limit: int = LONGEST_MESSAGE) -> str:
    """`text` as a terminal may show it: one line, every control character written as an escape
    (ESC as \\x1b), and at most `limit` characters, its middle cut (the start names the file, the end the fix)."""
    text = UNSAFE.sub(_escaped, text)
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    return f"{text[:head]}…{text[len(text) - (limit - head - 1):]}"


def bounded(value: object, limit: int = LONGEST_VALUE) -> str:
    """A user's value (a key, a field, a phrase) as a message names it: escaped, at most `limit` characters."""
    text = printable(str(value), 10 * limit)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def quoted(value: object, limit: int = LONGEST_VALUE) -> str:
    """`bounded`, in quotes."""
    return f"'{bounded(value, limit)}'"


def field_of(problem: dict, default: str) -> str:
    """The field a pydantic error is about (``events.0.headline``), as a message may name it."""
    return bounded(".".join(str(p) for p in problem["loc"]) or default)


class TimelineError(Exception):
    """An error the user can fix: the message names the problem and the fix. Shown (str) it is
    printable: whatever user text it quotes cannot move the cursor, clear the screen or run on."""

    exit_code = EXIT_INPUT

    def __str__(self) -> str:
        return printable(super().__str__())


class ArticleError(TimelineError):
    """An article that cannot be read or dated."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None):
        self.path, self.problem, self.fix, self.line = path, problem, fix, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}; {fix}")

    def __reduce__(self):
        """Picklable, so a worker of `--jobs N` can hand it back."""
        return (type(self), (self.path, self.problem, self.fix, self.line))


class OutputError(TimelineError):
    """An output that cannot be written."""


class ReaderGone(OutputError):
    """The reader of standard output stopped reading (`| head`): the command ends without a
    word, as Unix tools do, with the code of an output that cannot be written."""

    quiet = True


class TemplateError(TimelineError):
    """A user template that does not render."""


class ConfigError(TimelineError):
    """A setting that timeline does not know or cannot use."""


class DeskError(TimelineError):
    """A change the desk refuses, nothing written; `status` is the HTTP status it answers with
    (400 a malformed change, 403 a request without the token or from another page, 404 an
    unknown event, 409 edits.toml changed since the page read it, 422 an edit the build cannot apply)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status
