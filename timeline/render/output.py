"""Write a build into its output folder: every file or, on any failure, none
(the previous build stays as it was), one build at a time. One format can go
to stdout instead."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from timeline.errors import OutputError
from timeline.models import FILE_NAMES, Timeline, heading_year
from timeline.render import owned
from timeline.render.split import split
from timeline.render.staging import OutputLock, advice, existing_folder, locked_folder, new_staging, settle, swap

FORMATS = ("md", "ics", "html", "json", "timelinejs", "fragment", "embed")
Producer = Callable[[], Iterable[bytes]]


@dataclass(frozen=True)
class Options:
    """How the formats come out: the calendar's coarsest grain, whether it shows long periods over
    all their days (`calendar_spans`), the address it is served from, and the HTML's look."""

    calendar_grain: str = "month"
    theme: str = "light"
    heading_level: int | None = None
    title: bool = True
    calendar_spans: bool = False
    calendar_url: str = ""


def producers(
    timeline: Timeline, formats: list[str], templates: Path | None, since: Timeline | None = None, changes=None,
    options: Options = Options(),
) -> dict[str, Producer]:
    """For each requested format (and the changelog of `changes` since the build `since`), what writes it, in chunks."""
    from timeline.render import document as render
    from timeline.render import ics, timelinejs
    from timeline.render.changelog import render_changelog
    from timeline.render.templating import make_environment

    env = make_environment(templates)  # a missing template folder fails here, before any file
    look = render.Look(options.theme, options.heading_level, options.title, options.calendar_url)
    makers: dict[str, Producer] = {
        "md": lambda: (chunk.encode("utf-8") for chunk in render.markdown_chunks(timeline, env, options.calendar_url)),
        "html": lambda: (chunk.encode("utf-8") for chunk in render.html_chunks(timeline, env, look=look)),
        "json": lambda: (chunk.encode("utf-8") for chunk in render.json_chunks(timeline)),
        "ics": lambda: ics.ics_chunks(timeline, options.calendar_grain, options.calendar_spans),
        "timelinejs": lambda: [timelinejs.render_timelinejs(timeline).encode("utf-8")],
        "fragment": lambda: (c.encode("utf-8") for c in render.html_chunks(timeline, env, look=look, kind="fragment")),
        "embed": lambda: (c.encode("utf-8") for c in render.html_chunks(timeline, env, look=look, kind="embed")),
        "snippet": lambda: [render.render_snippet(timeline, env, estimated_height(timeline)).encode("utf-8")],
        "changelog": lambda: [render_changelog(since, timeline, changes, env).encode("utf-8")],
    }
    makers["jsonl"] = lambda: (chunk.encode("utf-8") for chunk in render.jsonl_chunks(timeline))
    large = split(timeline)  # past render.split.SPLIT events, read from the store: timeline.jsonl and year pages
    wanted = (formats + (["jsonl"] if large and "json" in formats else []) + (["snippet"] if "embed" in formats else [])
              + (["changelog"] if since is not None else []))
    chosen = {fmt: makers[fmt] for fmt in wanted}
    if large:
        chosen.update(year_pages(timeline, [f for f in ("md", "html") if f in formats], env, look))
    return chosen


def year_pages(timeline, formats: list[str], env, look) -> dict[str, Producer]:
    """A large story's Markdown and HTML: the index in timeline.md / .html, a file a year beside it."""
    import hashlib

    from timeline.render import document as render
    from timeline.render.split import index_chunks, year_file, year_story

    root = "tl-" + hashlib.sha1(timeline.title.encode("utf-8", "replace")).hexdigest()[:8]
    html_look = dict(root=root, level=look.heading_level or 1, theme=look.theme)
    pages: dict[str, Producer] = {}
    for fmt in formats:
        extra = dict(html_look, fragment=False, embed=False) if fmt == "html" else {}
        pages[fmt] = lambda fmt=fmt, extra=extra: (c.encode("utf-8") for c in index_chunks(timeline, env, fmt, **extra))
        for year, _ in timeline.events.years():
            if fmt == "md":
                make = lambda y=year: (c.encode("utf-8") for c in render.markdown_chunks(year_story(timeline, y), env,
                                                                                            look.calendar))
            else:
                make = lambda y=year: (c.encode("utf-8") for c in render.html_chunks(year_story(timeline, y), env, look=look))
            pages[year_file(year, fmt)] = make
    return pages


def estimated_height(timeline: Timeline) -> int:
    """A first height for the embed's iframe, before the page tells its own: room for each
    event's headline, a few lines of text and its source, each year's heading, the title."""
    years = len({heading_year(e.date.start, e.date.end) for e in timeline.events})
    lines = sum(3 + len(e.text) // 70 for e in timeline.events)
    return 160 + 70 * years + 26 * lines


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stream(make: Producer, target: BinaryIO) -> None:
    target.writelines(make())


def write_all(out: Path, files: dict[str, Producer], say: Callable[[str], None] = lambda message: None) -> list[Path]:
    """Every file or none, one build at a time (see `OutputLock`).

    Each file is rendered into a fresh staging folder inside `out`; then each target is
    swapped in (the old one set aside), timeline.json last, so a reader who sees the new
    timeline.json sees a whole build. If a swap fails, or the build dies in it, the old files
    go back (see `timeline.render.staging`).
    """
    with locked_folder(out, say):
        return put_files(out, {file_name(fmt): make for fmt, make in files.items()}, say)


def put_files(out: Path, files: dict[str, Producer], say: Callable[[str], None] = lambda message: None,
              theirs: tuple[str, ...] = ()) -> list[Path]:
    """`write_all` for a caller that holds the folder's lock: the files by name, all or none, in
    the order given but timeline.json last. A timeline.json without timeline.jsonl (a story that is
    not large) takes away the timeline.jsonl of an earlier, larger build, which the next build
    would otherwise read as the last one. Only timeline's own files are replaced or taken away
    (see `owned`), and each one written is recorded; `theirs` are files of the user's that the
    caller checked itself (the desk's edits.toml), neither checked nor recorded."""
    names = sorted(files, key=lambda name: name == FILE_NAMES["json"])
    stale = (FILE_NAMES["jsonl"],) if FILE_NAMES["json"] in files and FILE_NAMES["jsonl"] not in files else ()
    for name in names:
        if (out / name).is_dir():
            raise OutputError(f"{out / name}: a folder stands where the file goes; move it away or choose another --out")
    record = owned.ours(out, [name for name in [*names, *stale] if name not in theirs])
    staging = new_staging(out)
    try:
        for name in names:
            digest = render_into(staging / name, files[name], out)
            if name not in theirs:
                record[name] = digest
            else:
                keep_mode(out / name, staging / name)
        for name in stale:
            record.pop(name, None)
        recording = [owned.RECORD] if set(names) - set(theirs) else []
        if recording:
            render_into(staging / owned.RECORD, lambda: [json.dumps({"files": record}, sort_keys=True).encode()], out)
        put = sorted([*names, *recording], key=lambda name: name == FILE_NAMES["json"])  # the record before it
        swap(staging, out, put, tuple(name for name in stale if os.path.lexists(out / name)))
    finally:
        if not settle(staging, out):
            say(f"timeline: {staging}: cannot put back the old files; they are kept there for the next build")
    return [out / name for name in names]


def keep_mode(old: Path, new: Path) -> None:
    """A user's file replaced whole (the desk's edits.toml) keeps the permissions the user gave it
    (0600 stays 0600); the staged file would otherwise have the umask's."""
    try:
        os.chmod(new, stat.S_IMODE(os.stat(old).st_mode))
    except FileNotFoundError:
        pass
    except OSError as error:
        raise OutputError(f"{old}: cannot keep its permissions ({error.strerror}); {advice(error)}") from error


def check_targets(out: Path, formats: list[str], changelog: bool, say: Callable[[str], None]) -> None:
    """Before any work: each file a build of `formats` would replace or take away in `out` is
    timeline's own (a large story's year pages are checked when they are written). Under the
    lock, so a build swapping its files in (its record new, a file still old) finishes first."""
    extra = [FILE_NAMES[k] for k, wanted in (("jsonl", "json" in formats), ("snippet", "embed" in formats),
                                              ("changelog", changelog)) if wanted]
    if existing_folder(out):
        with OutputLock(out, say):
            owned.ours(out, [file_name(fmt) for fmt in formats] + extra)


def file_name(fmt: str) -> str:
    """A format's file; a year page (see render.split) is named by its key."""
    return FILE_NAMES.get(fmt, fmt)


def render_into(path: Path, make: Producer, out: Path) -> str:
    """The file at `path`, written whole; the SHA-256 of its bytes."""
    digest = hashlib.sha256()

    def hashed() -> Iterable[bytes]:
        for chunk in make():
            digest.update(chunk)
            yield chunk
    try:
        with open(path, "wb") as target:
            stream(hashed, target)
        os.chmod(path, 0o666 & ~current_umask())
    except OSError as error:
        raise OutputError(f"{out}: cannot write the timeline ({error.strerror}); {advice(error)}") from error
    return digest.hexdigest()
