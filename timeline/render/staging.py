"""Writing into a folder the user gave, all or nothing, without touching what is not ours.

Every name timeline writes beside the user's files is its own: the lock `.timeline.lock`
(opened without following a link, a regular file with one name, holding only a pid) and
staging folders `.timeline-staging-XXXXXXXX` made fresh by `mkdtemp`, each marked inside
by `OWNER` before anything else goes in. A folder without that mark is never removed.

A swap sets each old file aside as a second name (a hard link, else a copy) inside the
staging folder, so the target is never missing; writes `JOURNAL` (what it puts in place
and what it takes out); then replaces the targets one by one. A build that dies in the
middle leaves the staging folder with its journal: the next one, holding the lock, puts
back what the dead one had swapped (`recover`), so `--out` holds the old build whole.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timeline.bounded import MB, json_of, read_bounded
from timeline.errors import OutputError
from timeline.models import OUTPUT_MARK

LOCK = OUTPUT_MARK
STAGING = ".timeline-staging-"
OWNER = ".timeline-owner"
JOURNAL = ".timeline-journal"
MARK = "timeline staging folder\n"
OURS = re.compile(re.escape(STAGING) + r"[a-z0-9_]{8}\Z")  # mkdtemp's eight characters
JOURNAL_LIMIT = 1 * MB  # the names a swap puts and takes out: a few hundred bytes
LOCK_BYTES = 64  # a pid and a newline; anything longer is not our lock


def advice(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "choose another --out or make it writable"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free space or choose another --out"
    return "choose another --out"


def new_staging(out: Path) -> Path:
    """A fresh staging folder in `out`, marked as timeline's before anything else is put in."""
    try:
        staging = Path(tempfile.mkdtemp(dir=out, prefix=STAGING))
    except OSError as error:
        raise OutputError(f"{out}: cannot write there ({error.strerror}); {advice(error)}") from None
    try:
        (staging / OWNER).write_text(MARK, "utf-8")
    except OSError as error:  # a full disk: the mark made but not written; the folder is this run's, just made
        with contextlib.suppress(OSError):
            (staging / OWNER).unlink(missing_ok=True)
            staging.rmdir()
        raise OutputError(f"{out}: cannot write there ({error.strerror}); {advice(error)}") from None
    return staging


@contextlib.contextmanager
def locked_folder(out: Path, say: Callable[[str], None]):
    """The output folder, made if need be, under its lock, with what builds that died left undone put back."""
    try:
        existing_folder(out) or out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot make the output folder ({error.strerror}); {advice(error)}") from None
    with OutputLock(out, say):
        recover_leftovers(out, say)
        yield out


def existing_folder(out: Path) -> bool:
    """Whether `out` is a folder (False: nothing there yet); a file, a link to nothing or a path
    that cannot be a folder (a name too long, a file on the way) is an OutputError naming it."""
    try:
        mode = os.stat(out).st_mode
    except FileNotFoundError:
        if os.path.islink(out):
            raise OutputError(f"{out}: a symbolic link to nothing; remove it or choose another --out") from None
        return False
    except OSError as error:
        raise OutputError(f"{out}: cannot be the output folder ({error.strerror}); choose another --out") from None
    if not stat.S_ISDIR(mode):
        raise OutputError(f"{out}: the output path is a file, not a folder; give --out a folder")
    return True


def is_ours(path: Path) -> bool:
    """A staging folder timeline made: its name, a real folder (not a link), and the mark inside."""
    if not OURS.match(path.name):
        return False
    try:
        if not stat.S_ISDIR(os.lstat(path).st_mode):
            return False
        mark = path / OWNER
        return stat.S_ISREG(os.lstat(mark).st_mode) and mark.read_text("utf-8") == MARK
    except (OSError, UnicodeDecodeError):
        return False


def set_aside(target: Path, old: Path) -> bool:
    """A second name for the file at `target` inside the staging folder; False if there is none."""
    try:
        os.lstat(target)
    except FileNotFoundError:
        return False
    try:
        os.link(target, old, follow_symlinks=False)
    except OSError:  # a file system without hard links: a copy serves
        shutil.copy2(target, old, follow_symlinks=False)
    return True


def swap(staging: Path, out: Path, names: list[str], remove: tuple[str, ...] = ()) -> None:
    """Each staged file in `names` into `out` (in order), and the files `remove` out of it; all or none.

    On a failure what was done is put back and the error names the file that failed."""
    name = ""
    try:
        had = [name for name in [*names, *remove] if set_aside(out / name, staging / f"old-{name}")]
        journal = staging / JOURNAL
        journal.with_suffix(".new").write_text(json.dumps({"put": names, "remove": list(remove), "had": had}), "utf-8")
        os.replace(journal.with_suffix(".new"), journal)
        for name in names:
            os.replace(staging / name, out / name)
        for name in remove:
            (out / name).unlink(missing_ok=True)
    except OSError as error:
        recover(staging, out)
        raise OutputError(f"{out / name if name else out}: cannot put the new file in place ({error.strerror}); "
                          f"{advice(error)}") from error


def recover(staging: Path, out: Path) -> None:
    """Undo a swap that did not finish: each target that was replaced or removed gets its old file back,
    one that did not exist before goes. A swap that finished (nothing left staged) stays. Done once:
    the journal goes last."""
    journal = staging / JOURNAL
    if not os.path.lexists(journal):
        return  # the swap never began, or was settled: nothing in `out` is the dead build's
    record = json_of(read_bounded(journal, JOURNAL_LIMIT, "not timeline's journal", OutputError))  # never a FIFO
    put, remove, had = record["put"], record["remove"], set(record["had"])
    if not all(isinstance(name, str) and plain(name) for name in [*put, *remove, *had]):
        raise ValueError(f"{journal}: names a path, not a file of {out}; not timeline's journal")
    unfinished = any(os.path.lexists(staging / name) for name in put) or any(
        os.path.lexists(out / name) for name in remove if name in had)
    for name in [*put, *remove] if unfinished else []:
        done = not os.path.lexists(staging / name) if name in put else not os.path.lexists(out / name)
        old = staging / f"old-{name}"
        if done and name in had and os.path.lexists(old):
            os.replace(old, out / name)
        elif done and name not in had:
            (out / name).unlink(missing_ok=True)
    journal.unlink()


def plain(name: str) -> bool:
    """A name of a file in the folder itself (what a swap puts): no path, not the lock. A journal
    made by hand ("../.bashrc") would otherwise have the recovery remove or replace that file."""
    return name not in ("", ".", "..", LOCK) and os.path.basename(name) == name and "\0" not in name and (
        os.altsep is None or os.altsep not in name)


def settle(staging: Path, out: Path) -> bool:
    """After a swap, or instead of one: undo what did not finish and remove the staging folder.
    False (and the folder kept, for the next build) when the old files cannot be put back."""
    try:
        recover(staging, out)
    except (OSError, ValueError, KeyError, TypeError, OutputError):
        return False
    shutil.rmtree(staging, ignore_errors=True)
    return True


def recover_leftovers(out: Path, say: Callable[[str], None]) -> None:
    """Staging folders of builds that died (we hold the lock, so none is running): each one's swap
    is undone and the folder removed. Names that are not timeline's own are left alone."""
    for leftover in sorted(out.glob(STAGING + "*")):
        if not is_ours(leftover):
            with contextlib.suppress(OSError):
                if OURS.match(leftover.name):
                    os.rmdir(leftover)  # made by a build killed before it marked it, so empty (else it stays)
        elif not settle(leftover, out):
            say(f"timeline: {leftover}: cannot put back the old files of a build that died; they are kept there")


class OutputLock:
    """One build at a time in an output folder: an exclusive lock on `.timeline.lock`, which
    holds the builder's pid. The kernel lets the lock go when its holder dies; a pid left in
    the file by a dead builder is reported as taken over."""

    def __init__(self, out: Path, say: Callable[[str], None], wait: float = 300.0):
        self.path, self.say, self.wait = out / LOCK, say, wait
        self.fd = -1

    def __enter__(self) -> "OutputLock":
        import fcntl

        self.fd = open_lock(self.path)
        waited, told = 0.0, False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    self.say(f"timeline: waiting for the build {self.holder() or 'that'} holds in {self.path.parent}")
                    told = True
                if waited >= self.wait:
                    os.close(self.fd)
                    raise OutputError(f"{self.path}: another build holds the lock; wait for it or choose another --out")
                time.sleep(0.05)
                waited += 0.05
        previous = self.holder()
        if previous and previous != os.getpid() and not alive(previous):
            self.say(f"timeline: took over the lock of build {previous}, which is no longer running")
        try:
            self.write(f"{os.getpid()}\n")
        except OSError as error:  # a full disk: the pid needs a block
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            raise OutputError(f"{self.path}: cannot take the lock ({error.strerror}); {advice(error)}") from None
        return self

    def holder(self) -> int | None:
        text = os.pread(self.fd, LOCK_BYTES, 0).decode("ascii", "replace").strip()
        return int(text) if text.isdigit() else None

    def write(self, text: str) -> None:
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, text.encode("ascii"), 0)

    def __exit__(self, *exc) -> None:
        import fcntl

        self.write("")
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)


def open_lock(path: Path) -> int:
    """The lock file, made if need be: never through a link, only a regular file with one name
    that holds at most a pid (so it can be nobody's data)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputError(f"{path}: the lock is a symbolic link, not timeline's file; remove it") from None
        raise OutputError(f"{path}: cannot take the lock ({error.strerror}); {advice(error)}") from None
    info = os.fstat(fd)
    problem = ("not a regular file" if not stat.S_ISREG(info.st_mode) else
               "a file with another name too (a hard link)" if info.st_nlink != 1 else
               "not timeline's lock (it holds more than a pid)" if info.st_size > LOCK_BYTES else "")
    if not problem and info.st_size:
        text = os.pread(fd, LOCK_BYTES, 0).strip()
        problem = "" if not text or text.isdigit() else "not timeline's lock (it holds more than a pid)"
    if problem:
        os.close(fd)
        raise OutputError(f"{path}: the lock is {problem}; remove it or choose another --out")
    return fd


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
