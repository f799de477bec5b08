"""Which files of an output folder are timeline's to replace or remove.

timeline replaces or removes only the files it wrote: `.timeline.files` in the folder records
each file it put there with the SHA-256 of its bytes, and is swapped in with them (see
`output.put_files`). A file at a name timeline writes that the record does not name, or whose
bytes changed since (the user's own timeline.md, another tool's timeline.json, an article saved
as timeline.html, an export named timeline.jsonl, a link) is the user's: the command stops
before it writes, naming the file. By bytes, not by inode, so a copy of a build folder (or one
checked out of git) is still timeline's. A folder without a record (a build of a timeline before
the record, or a copy without its hidden files) has each output it holds that carries timeline's
marks taken as timeline's, each on its own (a timeline
that is a JSON object with a title and events, its calendar's PRODID, its pages' class, the
Markdown's count of events, the changelog's "Van N naar M gebeurtenissen.", an event a line).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from timeline.bounded import MB, TIMELINE_JSON, json_of, open_regular, read_bounded
from timeline.errors import OutputError, TimelineError
from timeline.models import FILE_NAMES, YEAR_FILE
from timeline.render.staging import existing_folder

RECORD = ".timeline.files"
RECORD_LIMIT = 1 * MB


def digest_of(path: Path) -> str | None:
    """The SHA-256 of the regular file at `path` (not through a link); None for anything else."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with open_regular(path) as handle:
            for block in iter(lambda: handle.read(MB), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def recorded(out: Path) -> dict[str, str] | None:
    """The record of the files timeline wrote in `out`; None when there is none. A record that is
    not timeline's (a link, a FIFO, other content) is an error: it is left as it is."""
    path = out / RECORD
    if not os.path.lexists(path):
        return None
    fix = "remove it or choose another --out"
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            raise OutputError(f"{path}: not timeline's record of its files (not a regular file); {fix}")
        files = json_of(read_bounded(path, RECORD_LIMIT, fix, OutputError))["files"]
        if isinstance(files, dict) and all(isinstance(v, str) for v in files.values()):
            return files
    except (OSError, ValueError, KeyError, TypeError):
        pass
    raise OutputError(f"{path}: not timeline's record of its files; {fix}")


def a_timeline(path: Path) -> bool:
    """Whether `path` reads as what timeline writes at its name: timeline.json a JSON object with a title
    and a list of events, each with an event's fields; timelinejs.json TimelineJS's object whose events
    carry timeline's ids (tl-...). Another tool's file of either format is not."""
    try:
        data = json_of(read_bounded(path, TIMELINE_JSON, "", TimelineError))
    except (TimelineError, ValueError):
        return False
    if not (isinstance(data, dict) and isinstance(data.get("events"), list)):
        return False
    events = data["events"]
    if path.name == FILE_NAMES["timelinejs"]:
        return isinstance(data.get("title"), dict) and all(
            isinstance(e, dict) and TIMELINE_ID.match(str(e.get("unique_id", ""))) for e in events)
    return isinstance(data.get("title"), str) and all(
        isinstance(e, dict) and EVENT_KEYS <= set(e) and isinstance(e["date"], dict) for e in events)


def adopted(out: Path) -> dict[str, str]:
    """A folder without a record (a build of a version before the record, a copy without its hidden files):
    each output that reads as what timeline writes at its name. File by file: a timeline.json that is a
    timeline says nothing of the files beside it (the user's page saved as timeline.html, an export named
    timeline.jsonl), which were overwritten and taken away when it stood for them all."""
    names = [entry.name for entry in os.scandir(out)
             if entry.name in FILE_NAMES.values() or YEAR_FILE.match(entry.name)]
    return {name: digest for name in names
            if written_by_timeline(out / name) and (digest := digest_of(out / name)) is not None}


MARKS = {".ics": (b"PRODID:-//timeline//",), ".html": (b"tl-timeline", b"data-timeline-embed")}
CHANGES = re.compile(rb"^Van \d+ naar \d+ gebeurtenis(?:sen)?\.", re.MULTILINE)  # changelog.md's second paragraph
EVENT_KEYS = {"id", "date", "headline", "text", "sources"}  # what each event of timeline.json(l) holds
TIMELINE_ID = re.compile(r"tl-[0-9a-f]{12}\Z")  # an event's unique_id in timelinejs.json
REVIEW_MARK = "gebeurtenissen. Per gebeurtenis: de zin met de datum gemarkeerd".encode()  # the review page's intro
COUNTED = re.compile(rb"^\d+ gebeurtenis(?:sen)?\b", re.MULTILINE)  # the default Markdown's second paragraph
MARK_REACH = 4096


def written_by_timeline(path: Path) -> bool:
    """Whether the file at `path` carries the marks of what timeline writes at its name."""
    if path.name.endswith(".json"):
        return a_timeline(path)
    try:
        with open_regular(path) as handle:
            head = handle.readline(LINE_REACH) if path.suffix == ".jsonl" else handle.read(MARK_REACH)
    except OSError:
        return False
    if path.suffix == ".jsonl":
        return an_event(head)
    if path.name == FILE_NAMES["changelog"]:
        return head.startswith(b"# ") and CHANGES.search(head) is not None
    if path.suffix == ".md":
        return head.startswith(b"# ") and COUNTED.search(head) is not None
    if path.name == FILE_NAMES["review"]:  # written by the packaged template alone, since the first review
        return head[:15].lower() == b"<!doctype html>" and REVIEW_MARK in head
    return any(mark in head for mark in MARKS.get(path.suffix, ()))


LINE_REACH = 1 * MB  # the first line of a timeline.jsonl: one event


def an_event(line: bytes) -> bool:
    """Whether `line` reads as an event of timeline.jsonl: a JSON object with an event's fields."""
    try:
        data = json_of(line)
    except ValueError:
        return False
    return isinstance(data, dict) and EVENT_KEYS <= set(data) and isinstance(data["date"], dict)


def ours(out: Path, names: Iterable[str]) -> dict[str, str]:
    """The record of `out`, once each of `names` that is there is found to be timeline's own; a
    name that is the user's is an OutputError naming it (nothing is written)."""
    if not existing_folder(out):
        return {}
    record = recorded(out)
    record = adopted(out) if record is None else record
    for name in names:
        path = out / name
        if path.is_dir():
            raise OutputError(f"{path}: a folder stands where the file goes; move it away or choose another --out")
        if os.path.lexists(path) and record.get(name) != digest_of(path):
            raise OutputError(f"{path}: a file timeline did not write (or changed since it did) stands where its "
                              f"{name} goes; move it away or choose another --out")
    return record
