"""The folder of `extract --out`: its partition files written all or none, one run at a time,
and only the partitions timeline wrote ever replaced or removed.

A run takes the folder's lock (as `build` does), has its tasks write into a staging folder,
then swaps the new partitions in and the old ones out. `.timeline-parts` (swapped in last)
records the partitions a run wrote, each with its inode and size: a `part-NNNNN` file the
record does not name, or that changed since, is somebody else's (an input, say), and the
run stops before any work rather than replace it.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from timeline.bounded import MB, json_of, read_bounded
from timeline.errors import OutputError
from timeline.models import PARTITION
from timeline.render.staging import locked_folder, new_staging, settle, swap

RECORD = ".timeline-parts"
RECORD_LIMIT = 1 * MB


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def recorded(folder: Path) -> dict[str, list[int]]:
    """The partitions the last run wrote: name -> [inode, size]; none when there is no record. A record
    that is not timeline's (a FIFO, a link, a user's notes, JSON of another shape) is an error and left
    as it is: the run would otherwise read a FIFO for good, or replace that file with its own record."""
    path = folder / RECORD
    if not os.path.lexists(path):
        return {}
    fix = "remove it or give --out another folder"
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            parts = json_of(read_bounded(path, RECORD_LIMIT, fix, OutputError))["parts"]
            found = {k: [int(n) for n in v] for k, v in parts.items() if isinstance(k, str) and isinstance(v, list)}
            if len(found) == len(parts) and all(len(v) == 2 for v in found.values()):
                return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError, OutputError):
        pass
    raise OutputError(f"{path}: not timeline's record of its partitions; {fix}")


def ours_before(folder: Path) -> list[str]:
    """The partition files in `folder`, every one written by the last run; another is an error."""
    record, found = recorded(folder), []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if not PARTITION.match(entry.name):
            continue
        info = entry.stat(follow_symlinks=False)
        if record.get(entry.name) != [info.st_ino, info.st_size]:
            raise OutputError(f"{entry.path}: --out holds a partition file that timeline did not write (an input?); "
                              "move it away or give --out an empty folder")
        found.append(entry.name)
    return found


@contextmanager
def partition_folder(out: str, say: Callable[[str], None]) -> Iterator[tuple[Path, Callable[[list[str]], Path]]]:
    """Under the folder's lock: a staging folder for the tasks to write into, and what puts the
    partitions named by the caller in place (`publish(names)`), all or none."""
    with locked_folder(Path(out).absolute(), say) as folder:
        old = ours_before(folder)
        staging = new_staging(folder)

        def publish(names: list[str]) -> Path:
            record = {name: [os.stat(staging / name).st_ino, os.stat(staging / name).st_size] for name in names}
            (staging / RECORD).write_text(json.dumps({"parts": record}), "utf-8")
            swap(staging, folder, [*names, RECORD], remove=tuple(n for n in old if n not in record))
            return folder

        try:
            yield staging, publish
        finally:
            if not settle(staging, folder):
                say(f"timeline: {staging}: cannot put back the old partitions; they are kept there for the next run")
