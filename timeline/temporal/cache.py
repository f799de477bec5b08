"""A cache, between runs, of what a language file gives once read: its validated data and the
grammar's expanded pattern sources (plain strings and tables; never compiled regexes).

Reading and validating nl.toml and expanding its rules costs every start ~30 ms; reading the
result back ~2 ms. Entries are plain values written with marshal, the format of Python's own
bytecode cache (built in: pickle would add its import, ~3 ms, to every start).

An entry is keyed by content: it holds the exact bytes of every file it was made from (the
language file and the modules that read and expand it) and of the Python version, and is used
only when all of them are byte for byte what this run would read, so an edited language file or
an upgraded timeline is never served stale. Anything amiss (no cache folder, a read-only home, a
truncated or foreign file) falls back to building the value, as without a cache.

Where: $TIMELINE_CACHE_DIR, else $XDG_CACHE_HOME/timeline, else ~/.cache/timeline. An entry is read only
if it is a regular file of at most 256 MB (a FIFO or a link to /dev/zero there is a miss, not a command
that waits for good), and written as a new file of its own (O_EXCL, never through a link).
TIMELINE_CACHE_DIR set to "" turns the cache off. Deleting the folder clears it.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Callable, TypeVar

T = TypeVar("T")
FORMAT = b"timeline-cache 1"


def folder() -> str | None:
    """The cache folder, or None when the cache is off. (Plain paths: pathlib costs a start ~5 ms.)"""
    chosen = os.environ.get("TIMELINE_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "timeline")


def key_of(inputs: list[str]) -> bytes | None:
    """The bytes an entry must match: this module, the Python, and every input file; None if one cannot be read."""
    try:
        parts = [FORMAT, sys.version.encode(), *(contents(path) for path in (__file__, *inputs))]
    except OSError:
        return None
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def contents(path: str) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def cached(name: str, inputs: list[str], build: Callable[[], T]) -> T:
    """The value `build()` makes from `inputs` (plain data: tables, tuples, strings, numbers): from the cache
    when made from the same bytes, else built and stored."""
    where, key = folder(), key_of(inputs)
    if where is None or key is None:
        return build()
    path = os.path.join(where, f"{name}.{sys.implementation.cache_tag}.marshal")
    found = read(path, key)
    if found is not None:
        return found[0]
    value = build()
    write(path, key, value)
    return value


ENTRY_LIMIT = 256 * 1024 * 1024  # the largest entry (the tagger's model) is a few MB
ENTRY_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def entry_bytes(path: str) -> bytes:
    """The entry at `path`: a regular file (not a link, a FIFO or /dev/zero, which would block every
    command or fill its memory), at most ENTRY_LIMIT; anything else is an OSError, a miss."""
    import stat

    fd = os.open(path, ENTRY_FLAGS)
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > ENTRY_LIMIT:
            raise OSError(f"{path}: not a cache entry")
        return file.read(ENTRY_LIMIT + 1)


def read(path: str, key: bytes) -> tuple[object] | None:
    """(value,) from the entry at `path` if it was made from `key`, else None."""
    try:
        found, value = marshal.loads(entry_bytes(path))  # whole: marshal.load() of a file reads it piece by piece
    except Exception:  # a missing, truncated or foreign file is a miss, never an error
        return None
    return (value,) if found == key else None


def write(path: str, key: bytes, value: object) -> None:
    """Store the entry whole or not at all (another process may read it meanwhile); a failure is no error."""
    staging = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}")
    made = False
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = marshal.dumps((key, value))  # ValueError for a value that is not plain data: then no entry
        fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        made = True  # a new file of its own: never written through a link or over a file left at that name
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(staging, path)
    except (OSError, ValueError):
        try:
            if made:
                os.unlink(staging)
        except OSError:
            pass
