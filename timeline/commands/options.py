"""The commands' options checked without click: a parser raises ValueError for a bad value, a
`*_misuse` check returns the problem of a combination (its message and the option it names) or
None, and timeline/cli.py turns either into click's usage error (exit 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

Problem = tuple[str, str]  # the message, and the option (or argument) it is about


def published(value: str | None) -> dt.date | None:
    """--published: YYYY-MM-DD (or YYYY-MM, its first day) in the years 1000–9000."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value + "-01" if len(value) == 7 else value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-12-17") from None
    if not 1000 <= day.year <= 9000:
        raise ValueError(f"{value!r} is outside the years 1000–9000; give a real publication date")
    return day


def formats(value: str) -> list[str]:
    """--format md,ics,...: the formats named, each one timeline writes."""
    from timeline.render.output import FORMATS

    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise ValueError(f"{value!r}: choose from {','.join(FORMATS)}")
    return chosen


def calendar_url(value: str | None) -> str | None:
    """An http(s) address with a host and no space; a folder's address (ending in /) means its timeline.ics."""
    from urllib.parse import urlsplit

    if value is None:
        return None
    url = value.strip()
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if urlsplit(url).scheme not in ("https", "http") or not host or any(c.isspace() for c in url):
        raise ValueError(f"{value!r}: give the https address timeline.ics will be served from, "
                         "e.g. https://example.org/verhaal/timeline.ics")
    return url + ("timeline.ics" if url.endswith("/") else "")


def build_defaults(folder: Path) -> dict:
    """Defaults for `build` from timeline.toml or [tool.timeline] in pyproject.toml in `folder`."""
    from timeline import config

    defaults = {k: v for k, v in config.load(folder).model_dump().items() if v is not None}
    if "format" in defaults:
        defaults["formats"] = defaults.pop("format")
    return defaults


def partitioned(fmt: str, out: str | None, engine: str, scheduler: str | None) -> bool:
    """Whether `extract` writes partition files (with the engine's tasks) rather than stdout."""
    return bool(out or engine == "dask" or fmt in ("jsonl", "parquet") or scheduler)


def extract_misuse(articles, fmt: str, fmt_given: bool, out: str | None, engine: str,
                   scheduler: str | None) -> Problem | None:
    """What is wrong with `extract`'s options: a folder read to stdout, partitions without --out, ..."""
    if not partitioned(fmt, out, engine, scheduler):
        folder = next((path for path in articles if Path(path).is_dir()), None)
        if folder:
            return (f"{folder!r} is a folder; give its articles, or write the rows of a folder with --out DIR",
                    "ARTICLES")
        return None
    if not out:
        return f"--engine {engine} --format {fmt} writes partition files; give them a folder with --out DIR", "--out"
    if problem := scheduler_misuse(engine, scheduler):
        return problem
    if fmt in ("text", "json") and fmt_given:
        return f"--out writes jsonl or parquet partitions, not {fmt}", "--format"
    return None


def scheduler_misuse(engine: str, scheduler: str | None) -> Problem | None:
    if scheduler and engine != "dask":
        return "a scheduler runs Dask tasks; add --engine dask", "--scheduler"
    return None


def build_misuse(out: str, formats: list[str], since: str | None, engine: str, scheduler: str | None) -> Problem | None:
    if out == "-" and len(formats) != 1:
        return "--out - writes one format; add e.g. --format md", "--out"
    if out == "-" and since:
        return "--since writes changelog.md beside the build; give --out a folder", "--since"
    return scheduler_misuse(engine, scheduler)


def evaluate_misuse(conformance: str, stories, tagger_file: str | None) -> Problem | None:
    """The suites' folder is checked here, not by click: --story and --tagger need none."""
    if not (tagger_file or stories) and not Path(conformance).is_dir():
        from timeline.errors import quoted

        return f"{quoted(conformance)} is not a folder", "--conformance"
    return None


def desk_edits(paths, given: str | None) -> Path | None:
    """--edits FILE, else edits.toml in the one folder read (None when there is not one)."""
    if given:
        return Path(given)
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    return folders[0] / "edits.toml" if len(folders) == 1 else None


def desk_misuse(paths, given: str | None) -> Problem | None:
    if desk_edits(paths, given) is None:
        return ("the desk writes edits.toml beside the articles: give one folder of articles, or --edits FILE",
                "PATHS")
    return None
