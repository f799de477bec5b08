"""The one way timeline reads a file it is pointed at (--since, --edits, diff's builds, the
manifest, the settings, templates): opened without blocking, a regular file only, at most a
stated size. A FIFO would block the open or the read for good and /dev/zero would be read
until memory runs out; each is an error naming the file and the fix instead.

Articles have their own limit (--max-size) and are checked the same way in read.inputs;
this module sits beside errors and models, so every part may use it.
The limits, stated in the README:
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from timeline.errors import ArticleError, TimelineError

MB = 1024 * 1024
TIMELINE_JSON = 256 * MB  # a timeline.json of an earlier build (--since, diff, the build already in --out)
EDITS = 16 * MB  # edits.toml
MANIFEST = 16 * MB  # published.toml
SETTINGS = 1 * MB  # timeline.toml, pyproject.toml
GOLD = 16 * MB  # gold.json of a story evaluate scores
TEMPLATE = 1 * MB  # each file of --templates DIR

FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular(path: Path | str):
    """The regular file at `path`, opened for reading without blocking; anything else is an OSError
    (ENODEV "not a regular file") raised before a byte is read."""
    fd = os.open(path, FLAGS)  # O_NONBLOCK: opening a FIFO with no writer returns at once
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # of what was opened, not of what the name pointed to before
        handle.close()
        raise OSError(errno.ENODEV, NOT_REGULAR)
    return handle


NOT_REGULAR = "not a regular file (a FIFO, device or socket)"


def read_bounded(path: Path | str, limit: int, fix: str, error: type[TimelineError] = TimelineError) -> bytes:
    """The bytes of the regular file at `path`, at most `limit`; anything else is `error`
    ("PATH: problem; fix"), raised before a byte is read."""
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > limit:
                raise made(error, path, f"larger than {limit / MB:g} MB", fix)
            data = handle.read(limit + 1)  # a file that grew since fstat is still cut at the limit
    except OSError as failure:
        raise made(error, path, failure.strerror if failure.strerror == NOT_REGULAR else
                   f"cannot read it ({failure.strerror})", fix) from None
    if len(data) > limit:
        raise made(error, path, f"larger than {limit / MB:g} MB", fix)
    return data


def read_text(path: Path | str, limit: int, fix: str, error: type[TimelineError] = TimelineError) -> str:
    """The file as UTF-8 text, bounded as read_bounded; bytes that are no UTF-8 are an error naming the file."""
    data = read_bounded(path, limit, fix, error)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as failure:
        raise made(error, path, f"not UTF-8 text (byte {failure.start})", fix) from None


def made(error: type[TimelineError], path: Path | str, problem: str, fix: str) -> TimelineError:
    if issubclass(error, ArticleError):
        return error(str(path), problem, fix)
    return error(f"{path}: {problem}; {fix}")


KEY = re.compile(r"""^[ \t]*\[{0,2}[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))""", re.M)


def key_lines(source: str) -> dict[str, int]:
    """The line of each top-level key or table of a TOML text (its first mention), in one pass:
    `["id"]`, `[name]`, `"id" = {...}`, `id.drop = true`."""
    lines: dict[str, int] = {}
    line, at = 1, 0
    for found in KEY.finditer(source):
        line += source.count("\n", at, found.start())
        at = found.start()
        key = next(group for group in found.groups() if group is not None)
        if found.group(1) is not None and "\\" in key:
            key = key.encode("utf-8").decode("unicode_escape", "replace") if key.isascii() else key
        lines.setdefault(key, line)
    return lines


def json_of(data: bytes | str):
    """json.loads, but nesting too deep for the parser (`[[[[...]]]]`) is a ValueError like any other
    malformed JSON, not a RecursionError (a traceback)."""
    import json

    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError("nested too deep") from None


def toml_of(source: str) -> dict:
    """tomllib.loads, but nesting too deep for the parser is a TOMLDecodeError like any other malformed TOML."""
    import tomllib

    try:
        return tomllib.loads(source)
    except RecursionError:
        raise tomllib.TOMLDecodeError("nested too deep") from None
