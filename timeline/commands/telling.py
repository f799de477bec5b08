"""How a command speaks: standard output, names as they may be shown, and the build's listener
on stderr (given the CLI's `note` and progress bar, which are click's)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from timeline.api import Listener


def put(text: str, end: str = "\n") -> None:
    """`text` on standard output; one that cannot be written is an OutputError (see timeline.console)."""
    from timeline.console import write

    write([text + end], "give the command a file or a pipe to write to")


def shown(text: str) -> str:
    """A name or title as it may be shown: one line, no control characters, no undecodable bytes."""
    from timeline.read.decode import clean

    return " ".join(clean(text).split())


def progress(total: int, quiet: bool, progressbar: Callable):
    """A progress bar (click's `progressbar`) on stderr for long runs, only when stderr is a terminal."""
    import contextlib

    stderr = sys.stderr
    if quiet or total < 20 or not stderr.isatty():
        return contextlib.nullcontext(type("NoBar", (), {"update": lambda self, n: None})())
    return progressbar(length=total, label="articles", file=stderr)


class Telling(Listener):
    """The build's listener on stderr: skipped articles always, notes unless quiet, each article
    read with verbose, and a progress bar on a terminal (made by `progressbar`, click's)."""

    bar = None

    def __init__(self, quiet: bool, verbose: bool, note: Callable[[str], None], progressbar: Callable) -> None:
        self.quiet, self.verbose, self.note, self.progressbar = quiet, verbose, note, progressbar

    def started(self, total: int) -> None:
        self.bar = progress(total, self.quiet, self.progressbar)
        self.update = self.bar.__enter__().update

    def read(self, name: str, candidates: int) -> None:
        if self.verbose:
            self.note(f"timeline: read {name}: {candidates} candidate events")
        self.update(1)

    def skipped(self, error) -> None:
        self.note(f"timeline: skipped {error}")

    def say(self, message: str) -> None:
        if not self.quiet:
            self.note(message)

    def finished(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
