"""Write a build into its output folder: every file or, on any failure, none
(the previous build stays as it was), one build at a time. One format can go
to stdout instead."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from timeline.errors import OutputError
from timeline.models import Timeline

FORMATS = ("md", "ics", "html", "json", "timelinejs", "fragment", "embed")
FILE_NAMES = {
    "md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json",
    "timelinejs": "timelinejs.json", "fragment": "timeline.fragment.html", "changelog": "changelog.md",
    "embed": "timeline.embed.html", "snippet": "timeline.embed.snippet.html",
    "review": "review.html", "review-md": "review.md",
}
Producer = Callable[[], Iterable[bytes]]
LOCK = ".timeline.lock"
STAGING = ".timeline-staging-"


@dataclass(frozen=True)
class Options:
    """How the formats come out: the calendar's coarsest grain and the HTML's look."""

    calendar_grain: str = "month"
    theme: str = "light"
    heading_level: int | None = None
    title: bool = True


def producers(
    timeline: Timeline, formats: list[str], templates: Path | None, since: Timeline | None = None, changes=None,
    options: Options = Options(),
) -> dict[str, Producer]:
    """For each requested format (and the changelog of `changes` since the build `since`), what writes it, in chunks."""
    from timeline.render import ics, document as render, timelinejs
    from timeline.render.changelog import render_changelog
    from timeline.render.templating import make_environment

    env = make_environment(templates)  # a missing template folder fails here, before any file
    look = render.Look(options.theme, options.heading_level, options.title)
    makers: dict[str, Producer] = {
        "md": lambda: (chunk.encode("utf-8") for chunk in render.markdown_chunks(timeline, env)),
        "html": lambda: (chunk.encode("utf-8") for chunk in render.html_chunks(timeline, env, look=look)),
        "json": lambda: (chunk.encode("utf-8") for chunk in render.json_chunks(timeline)),
        "ics": lambda: ics.ics_chunks(timeline, options.calendar_grain),
        "timelinejs": lambda: [timelinejs.render_timelinejs(timeline).encode("utf-8")],
        "fragment": lambda: (c.encode("utf-8") for c in render.html_chunks(timeline, env, look=look, kind="fragment")),
        "embed": lambda: (c.encode("utf-8") for c in render.html_chunks(timeline, env, look=look, kind="embed")),
        "snippet": lambda: [render.render_snippet(timeline, env, estimated_height(timeline)).encode("utf-8")],
        "changelog": lambda: [render_changelog(since, timeline, changes, env).encode("utf-8")],
    }
    wanted = formats + (["snippet"] if "embed" in formats else []) + (["changelog"] if since is not None else [])
    return {fmt: makers[fmt] for fmt in wanted}


def estimated_height(timeline: Timeline) -> int:
    """A first height for the embed's iframe, before the page tells its own: room for each
    event's headline, a few lines of text and its source, each year's heading, the title."""
    years = len({e.date.start.year for e in timeline.events})
    lines = sum(3 + len(e.text) // 70 for e in timeline.events)
    return 160 + 70 * years + 26 * lines


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stream(make: Producer, target: BinaryIO) -> None:
    for chunk in make():
        target.write(chunk)


def write_all(out: Path, files: dict[str, Producer], say: Callable[[str], None] = lambda message: None) -> list[Path]:
    """Every file or none, one build at a time (see `OutputLock`).

    Each file is rendered into a fresh staging folder inside `out`; then each target is
    swapped in (the old one set aside), timeline.json last, so a reader who sees the new
    timeline.json sees a whole build. If a swap fails, the swapped files go back.
    Staging left by a build that died is removed first.
    """
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: the output path is a file, not a folder; give --out a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot make the output folder ({error.strerror}); {advice(error)}") from error
    with OutputLock(out, say):
        remove_leftovers(out)
        targets = [out / FILE_NAMES[fmt] for fmt in sorted(files, key=lambda f: f == "json")]
        for target in targets:
            if target.is_dir():
                raise OutputError(f"{target}: a folder stands where the file goes; move it away or choose another --out")
        staging = Path(tempfile.mkdtemp(dir=out, prefix=STAGING))
        try:
            for fmt, make in files.items():
                render_into(staging / FILE_NAMES[fmt], make, out)
            swap(staging, targets)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return targets


def render_into(path: Path, make: Producer, out: Path) -> None:
    try:
        with open(path, "wb") as target:
            stream(make, target)
        os.chmod(path, 0o666 & ~current_umask())
    except OSError as error:
        raise OutputError(f"{out}: cannot write the timeline ({error.strerror}); {advice(error)}") from error


def swap(staging: Path, targets: list[Path]) -> None:
    """Each staged file into place, the old one set aside; on a failure, undo what was done."""
    done: list[Path] = []
    try:
        for target in targets:
            if target.exists():
                os.replace(target, staging / f"old-{target.name}")
            os.replace(staging / target.name, target)
            done.append(target)
    except OSError as error:
        for target in reversed(done + [targets[len(done)]]):
            old = staging / f"old-{target.name}"
            if old.exists():
                os.replace(old, target)
        raise OutputError(f"{target}: cannot put the new file in place ({error.strerror}); {advice(error)}") from error


def remove_leftovers(out: Path) -> None:
    """Staging folders and temporary files of builds that died (we hold the lock, so no build is running)."""
    for leftover in out.glob(".timeline-*"):
        if leftover.name == LOCK:
            continue
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def advice(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "choose another --out or make it writable"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free space or choose another --out"
    return "choose another --out"


class OutputLock:
    """One build at a time in an output folder: an exclusive lock on `.timeline.lock`, which
    holds the builder's pid. The kernel lets the lock go when its holder dies; a pid left in
    the file by a dead builder is reported as taken over."""

    def __init__(self, out: Path, say: Callable[[str], None], wait: float = 300.0):
        self.path, self.say, self.wait = out / LOCK, say, wait
        self.handle = None

    def __enter__(self) -> "OutputLock":
        import fcntl

        try:
            self.handle = open(self.path, "a+")
        except OSError as error:
            raise OutputError(f"{self.path}: cannot take the lock ({error.strerror}); {advice(error)}") from error
        waited, told = 0.0, False
        while True:
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    self.say(f"timeline: waiting for the build {self.holder() or 'that'} holds in {self.path.parent}")
                    told = True
                if waited >= self.wait:
                    raise OutputError(f"{self.path}: another build holds the lock; wait for it or choose another --out")
                time.sleep(0.05)
                waited += 0.05
        previous = self.holder()
        if previous and previous != os.getpid() and not alive(previous):
            self.say(f"timeline: took over the lock of build {previous}, which is no longer running")
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"{os.getpid()}\n")
        self.handle.flush()
        return self

    def holder(self) -> int | None:
        self.handle.seek(0)
        text = self.handle.read().strip()
        return int(text) if text.isdigit() else None

    def __exit__(self, *exc) -> None:
        import fcntl

        self.handle.seek(0)
        self.handle.truncate()
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
