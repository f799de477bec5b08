"""A JSON Lines export read a line at a time, and cut into runs of lines for tasks.

`--max-size` bounds one article, which in an export is one line: a file of a
million small articles is read whole, a line at a time, and a line over the
limit is skipped and named (`export.jsonl:LINE`) without being held. For the
Dask engine the file is cut into runs of whole lines (`ranges`: at most
PART_LINES lines or about PART_BYTES bytes each), so one large export keeps
every worker busy; a line keeps its number in the whole file, so it is named
and its events have the ids they have when the file is read in one piece.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from timeline.bounded import open_regular
from timeline.errors import ArticleError

PART_LINES = 2000  # lines of one run (a Dask task's share of an export)
PART_BYTES = 4 * 1024 * 1024  # and about this many bytes: a run ends at the first line end past it
BLOCK = 1024 * 1024  # bytes read at a time


def ranges(path: Path, lines: int | None = None, size: int | None = None) -> list[tuple[int, int, int]]:
    """The file as runs of whole lines (at most `lines`, default PART_LINES; ending at the first line end
    at or past `size` bytes, default PART_BYTES): (first byte, byte after the last, number of the first
    line), in order; [] for an empty file. Only line ends are looked at, a block at a time."""
    lines, size = lines or PART_LINES, size or PART_BYTES
    found: list[tuple[int, int, int]] = []
    start = line = offset = 0  # where the run starts, its first line (0-based), the bytes read so far
    ends = 0  # line ends since the run started
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(BLOCK), b""):
            here = 0
            while (ends + block.count(b"\n", here) >= lines or offset + len(block) > start + size) \
                    and (cut := cut_in(block, here, lines - ends, max(start + size - offset, 0))) is not None:
                ends += block.count(b"\n", here, cut)
                found.append((start, offset + cut, line + 1))
                start, line, ends, here = offset + cut, line + ends, 0, cut
            ends += block.count(b"\n", here)
            offset += len(block)
    return found + ([(start, offset, line + 1)] if offset > start else [])


def cut_in(block: bytes, here: int, left: int, past: int) -> int | None:
    """Where in `block` (from `here`) the run ends: after its `left`-th line end, or after the first
    line end at or past byte `past` of the block, whichever comes first; None when neither is in it."""
    at = here
    for _ in range(left):
        end = block.find(b"\n", at)
        if end < 0:
            return None
        at = end + 1
        if end >= past:
            return at
    return at


def numbered(name: str, path: Path, max_bytes: int, span: tuple[int, int, int] | None = None
             ) -> Iterator[tuple[str, int, bytes | ArticleError]]:
    """(`name:LINE`, its first byte, its bytes) for each non-blank line of the file, or of the run
    `span` (see `ranges`); a line over `max_bytes` comes with the ArticleError that names it, unread."""
    start, end, number = span or (0, None, 1)
    with open_regular(path) as handle:
        handle.seek(start)
        position = start
        while end is None or position < end:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            at, position = position, position + len(line)
            if len(line) > max_bytes and not line.endswith(b"\n"):  # over the limit: skip to its end
                position += skip_line(handle)
                limit = max_bytes / 1024 / 1024
                yield f"{name}:{number}", at, ArticleError(f"{name}:{number}", f"the article is larger than {limit:g} MB",
                                                           "raise the limit with --max-size MB")
            elif line.strip():
                yield f"{name}:{number}", at, line[:-1] if line.endswith(b"\n") else line
            number += 1


def skip_line(handle) -> int:
    """Read past the rest of a line without holding it; how many bytes that was."""
    skipped = 0
    while chunk := handle.readline(BLOCK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped
