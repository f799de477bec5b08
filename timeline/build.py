"""Build the story: read articles, gather their events, order them, write the formats."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

from timeline.articles import Article, read_article
from timeline.errors import ArticleError, OutputError
from timeline.events import article_events
from timeline.extract import Prefer
from timeline.models import Event, Timeline

FORMATS = ("md", "ics", "html", "json")
FILE_NAMES = {"md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json"}


def default_seeds() -> Path:
    """The bundled seed articles: the project's seeds/ beside the package, else the installed copy."""
    here = Path(__file__).resolve().parent.parent / "seeds"
    return here if here.is_dir() else Path(str(resources.files("timeline") / "seeds"))


def article_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder means its .txt articles, in name order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise ArticleError(str(path), "no such file or folder", "check the path")
    return found


def order_key(event: Event) -> tuple:
    """By period start; at the same start the coarser period first; then by text."""
    return (event.date.start, -(event.date.end - event.date.start).days, event.text, event.id)


def merge_identical(events: list[Event]) -> list[Event]:
    """The same event (same id) from several articles becomes one with every source."""
    merged: dict[str, Event] = {}
    for event in events:
        if event.id in merged:
            sources = merged[event.id].sources + tuple(s for s in event.sources if s not in merged[event.id].sources)
            merged[event.id] = merged[event.id].model_copy(update={"sources": sources})
        else:
            merged[event.id] = event
    return list(merged.values())


def story_title(articles: list[Article]) -> str:
    """"Tijdlijn: OpenAI": the name the articles mention most."""
    names = Counter()
    for article in articles:
        names.update(re.findall(r"(?<=[a-z,] )[A-Z][\w-]+", article.text))
    return f"Tijdlijn: {names.most_common(1)[0][0]}" if names else "Tijdlijn"


def build_timeline(
    articles: list[Article], prefer: Prefer = "tense", language: str = "nl", title: str | None = None
) -> Timeline:
    events = [event for article in articles for event in article_events(article, prefer, language)]
    ordered = sorted(merge_identical(events), key=order_key)
    return Timeline(title=title or story_title(articles), events=tuple(ordered))


def read_all(
    paths: list[Path], published: dt.date | None, strict: bool, on_skip: Callable[[ArticleError], None],
    shown_as: Callable[[Path], str] = str,
) -> list[Article]:
    """Read every article; a bad one is reported and skipped (fatal with `strict`).

    `shown_as` gives the name a path goes by in messages and sources.
    """
    articles = []
    for path in paths:
        try:
            articles.append(read_article(path, published, name=shown_as(path)))
        except ArticleError as error:
            if strict:
                raise
            on_skip(error)
    return articles


def render_all(timeline: Timeline, formats: list[str], templates: Path | None) -> dict[str, bytes]:
    """Every requested format, rendered in memory before anything is written."""
    from timeline import ics, render
    from timeline.templating import make_environment

    env = make_environment(templates)
    makers = {
        "md": lambda: render.render_markdown(timeline, env).encode("utf-8"),
        "html": lambda: render.render_html(timeline, env).encode("utf-8"),
        "json": lambda: render.render_json(timeline).encode("utf-8"),
        "ics": lambda: ics.render_ics(timeline),
    }
    return {fmt: makers[fmt]() for fmt in formats}


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(out: Path, files: dict[str, bytes]) -> list[Path]:
    """Write each file to a temporary name beside it, then move all into place."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: the output path is a file, not a folder; give --out a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        staged = []
        for fmt, data in files.items():
            handle, temp = tempfile.mkstemp(dir=out, prefix=".timeline-", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temp, 0o666 & ~current_umask())
            staged.append((temp, out / FILE_NAMES[fmt]))
    except OSError as error:
        for temp, _ in locals().get("staged", []):
            Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write the timeline ({error.strerror}); free space or choose another --out") from error
    for temp, target in staged:
        os.replace(temp, target)
    return [target for _, target in staged]
