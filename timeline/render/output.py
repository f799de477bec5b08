"""Render the formats straight into temporary files beside their targets, then
move them all into place: every file or, on any failure, none (the previous
build stays as it was). One format can go to stdout instead."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from timeline.errors import OutputError
from timeline.models import Timeline

FORMATS = ("md", "ics", "html", "json", "timelinejs", "fragment")
FILE_NAMES = {
    "md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json",
    "timelinejs": "timelinejs.json", "fragment": "timeline.fragment.html", "changelog": "changelog.md",
}
Producer = Callable[[], Iterable[bytes]]


def producers(
    timeline: Timeline, formats: list[str], templates: Path | None, since: Timeline | None = None, changes=None
) -> dict[str, Producer]:
    """For each requested format (and the changelog of `changes` since the build `since`), what writes it, in chunks."""
    from timeline.render import ics, document as render, timelinejs
    from timeline.render.changelog import render_changelog
    from timeline.render.templating import make_environment

    env = make_environment(templates)  # a missing template folder fails here, before any file
    makers: dict[str, Producer] = {
        "md": lambda: [render.render_markdown(timeline, env).encode("utf-8")],
        "html": lambda: [render.render_html(timeline, env).encode("utf-8")],
        "json": lambda: (chunk.encode("utf-8") for chunk in render.json_chunks(timeline)),
        "ics": lambda: ics.ics_chunks(timeline),
        "timelinejs": lambda: [timelinejs.render_timelinejs(timeline).encode("utf-8")],
        "fragment": lambda: [render.render_html(timeline, env, fragment=True).encode("utf-8")],
        "changelog": lambda: [render_changelog(since, timeline, changes, env).encode("utf-8")],
    }
    return {fmt: makers[fmt] for fmt in formats + (["changelog"] if since is not None else [])}


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stream(make: Producer, target: BinaryIO) -> None:
    for chunk in make():
        target.write(chunk)


def stage(out: Path, files: dict[str, Producer]) -> list[tuple[str, Path]]:
    """Render each file under a temporary name in the output folder; on failure remove them all."""
    staged: list[tuple[str, Path]] = []
    mode = 0o666 & ~current_umask()
    try:
        for fmt, make in files.items():
            handle, temp = tempfile.mkstemp(dir=out, prefix=".timeline-", suffix=".tmp")
            staged.append((temp, out / FILE_NAMES[fmt]))
            with os.fdopen(handle, "wb") as target:
                stream(make, target)
            os.chmod(temp, mode)
    except BaseException as error:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"{out}: cannot write the timeline ({error.strerror}); free space or choose another --out") from error
        raise
    return staged


def write_all(out: Path, files: dict[str, Producer]) -> list[Path]:
    """All files or none: rendered beside their targets, then each moved into place."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: the output path is a file, not a folder; give --out a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot make the output folder ({error.strerror}); choose another --out") from error
    staged = stage(out, files)
    for temp, target in staged:
        os.replace(temp, target)
    return [target for _, target in staged]
