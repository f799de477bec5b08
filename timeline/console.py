"""Standard output: the one place timeline writes to it (extract, resolve, diff, schema,
evaluate, build --out -).

A closed standard output (`>&-`) or a full one (/dev/full) is an OutputError, exit 1, not
a traceback and not a silent exit 0. A reader that stops reading (`| head -c1`) ends the
command quietly, as Unix tools end; either way nothing is left for the interpreter to
flush (and complain about) at exit.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable

from timeline.errors import OutputError, ReaderGone

FIX = "give the command a file or a pipe to write to" + ", or write to a folder with --out DIR"


def write(chunks: Iterable[str | bytes], fix: str = FIX) -> None:
    """Every chunk (text as UTF-8) to standard output, flushed."""
    stream = sys.stdout
    if stream is None:  # Python's own stdout when descriptor 1 was closed at start
        raise OutputError(f"cannot write to standard output: it is closed; {fix}")
    target = getattr(stream, "buffer", None)
    try:
        for chunk in chunks:
            if target is None:
                stream.write(chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk)
            else:
                target.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        stream.flush()
    except BrokenPipeError:
        _silence()
        raise ReaderGone("standard output: the reader stopped reading") from None
    except (OSError, ValueError) as error:  # ValueError: a stream closed under us
        _silence()
        problem = getattr(error, "strerror", None) or str(error)
        raise OutputError(f"cannot write to standard output: {problem}; {fix}") from None


def _silence() -> None:
    """Point descriptor 1 at /dev/null, so the interpreter's last flush has nowhere to fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
