"""Render the formats in memory, then write them all at once, or one to stdout."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timeline.errors import OutputError
from timeline.models import Timeline

FORMATS = ("md", "ics", "html", "json", "timelinejs", "fragment")
FILE_NAMES = {
    "md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json",
    "timelinejs": "timelinejs.json", "fragment": "timeline.fragment.html", "changelog": "changelog.md",
}


def render_all(
    timeline: Timeline, formats: list[str], templates: Path | None, since: Timeline | None = None
) -> dict[str, bytes]:
    """Every requested format (and the changelog against `since`), rendered before anything is written."""
    from timeline import ics, render, timelinejs
    from timeline.templating import make_environment

    env = make_environment(templates)
    makers = {
        "md": lambda: render.render_markdown(timeline, env).encode("utf-8"),
        "html": lambda: render.render_html(timeline, env).encode("utf-8"),
        "json": lambda: render.render_json(timeline).encode("utf-8"),
        "ics": lambda: ics.render_ics(timeline),
        "timelinejs": lambda: timelinejs.render_timelinejs(timeline).encode("utf-8"),
        "fragment": lambda: render.render_html(timeline, env, fragment=True).encode("utf-8"),
    }
    files = {fmt: makers[fmt]() for fmt in formats}
    if since is not None:
        files["changelog"] = changelog_text(since, timeline, env).encode("utf-8")
    return files


def changelog_text(old: Timeline, new: Timeline, env) -> str:
    from timeline.changelog import render_changelog
    from timeline.diff import compare

    return render_changelog(old, new, compare(old, new), env)


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stage(out: Path, files: dict[str, bytes]) -> list[tuple[str, Path]]:
    """Write each file under a temporary name in the output folder."""
    staged: list[tuple[str, Path]] = []
    try:
        for fmt, data in files.items():
            handle, temp = tempfile.mkstemp(dir=out, prefix=".timeline-", suffix=".tmp")
            staged.append((temp, out / FILE_NAMES[fmt]))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temp, 0o666 & ~current_umask())
    except OSError as error:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write the timeline ({error.strerror}); free space or choose another --out") from error
    return staged


def write_all(out: Path, files: dict[str, bytes]) -> list[Path]:
    """All files or none: staged beside their targets, then each moved into place."""
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
