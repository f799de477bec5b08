"""The library: build a story from articles (files, or held in memory) and render it.

    from timeline import Article, build_story, render_story
    story = build_story([Article(text="...", published="2025-12-17", title="...")], subject="OpenAI")
    markdown = render_story(story, "md")

The command line is built on these calls. They read no clock (every date resolves against its
article's publication date) and no settings of the working folder: only what they are given,
and, as `timeline build` does, the timeline.toml and edits.toml of the one folder they read.
Every error is a TimelineError naming what to fix; a bad option is a ConfigError.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Literal, TypeVar, Union, overload

from pydantic import Field, StrictBool, StringConstraints, ValidationError

from timeline.errors import ArticleError, ConfigError, OutputError, quoted
from timeline.models import Model, Timeline
from timeline.read.given import Article

if TYPE_CHECKING:
    from timeline.build import Collector
    from timeline.render.output import Producer
    from timeline.store import Store

Format = Literal["md", "ics", "html", "json", "timelinejs", "fragment", "embed", "snippet", "changelog"]
FORMATS: tuple[str, ...] = ("md", "ics", "html", "json", "timelinejs", "fragment", "embed", "snippet", "changelog")
Source = Union[str, "os.PathLike[str]", Article, Mapping[str, object]]
Previous = Union[Timeline, dict[str, tuple[bytes, int]], None]  # a Timeline, or its digests (timeline.story.diff)
MB = 1024 * 1024


class BuildOptions(Model):
    """What `build_story` (and `timeline build`) may be told; see the README's *Building the story*."""

    subject: str | None = None
    aliases: tuple[str, ...] = ()
    title: str | None = None
    published: dt.date | None = None
    prefer: Literal["tense", "past", "future"] = "tense"
    language: str = "nl"
    key: Annotated[int, Field(ge=1)] | None = None
    edits: Path | None = None
    strict: StrictBool = True
    jobs: Annotated[int, Field(ge=1, le=64)] | None = 1
    max_size: Annotated[int, Field(ge=1, le=4096)] = 20
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None


class RenderOptions(Model):
    """How the formats come out (`--calendar-grain`, `--calendar-spans`, `--calendar-url`, `--theme`,
    `--heading-level`, `--no-title`, `--templates`)."""

    calendar_grain: Literal["day", "week", "month", "year"] = "month"
    calendar_spans: StrictBool = False  # a period longer than a week over all its days, not once on its first
    calendar_url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s/]+\S*$")] | None = None  # where timeline.ics is served
    theme: Literal["light", "dark", "auto"] = "light"
    heading_level: Annotated[int, Field(ge=1, le=4)] | None = None
    show_title: StrictBool = True
    templates: Path | None = None


M = TypeVar("M", bound=Model)


def options(model: type[M], values: dict[str, object]) -> M:
    """The options validated, or a ConfigError naming the first bad one."""
    try:
        return model.model_validate(values)
    except ValidationError as error:
        problem = error.errors()[0]
        name = ".".join(str(p) for p in problem["loc"])
        raise ConfigError(f"option {quoted(name)}: {problem['msg']}; fix its value") from None


@dataclass(frozen=True)
class Story:
    """A built story: the timeline (the pydantic model of timeline.json), how many articles were
    read, and the ones skipped (with strict=False), each an ArticleError naming it."""

    timeline: Timeline
    read: int
    skipped: tuple[ArticleError, ...] = ()


class Listener:
    """What a build tells as it goes; this one says nothing. Override what you want to hear."""

    def started(self, total: int) -> None:
        """Reading begins: `total` articles (0 when not known in advance, as with engine="dask")."""

    def read(self, name: str, candidates: int) -> None:
        """An article was read and gave this many candidate events."""

    def skipped(self, error: ArticleError) -> None:
        """An article was skipped (strict=False)."""

    def say(self, message: str) -> None:
        """A warning, such as an edit whose event no longer exists."""

    def finished(self) -> None:
        """Reading has ended, done or not."""


def build_story(
    sources: Iterable[Source] | None = None, *, subject: str | None = None, aliases: Sequence[str] = (),
    title: str | None = None, published: dt.date | str | None = None,
    prefer: Literal["tense", "past", "future"] = "tense", language: str = "nl", key: int | None = None,
    edits: str | os.PathLike[str] | None = None, strict: bool = True, jobs: int | None = 1, max_size: int = 20,
    engine: Literal["local", "dask"] = "local", scheduler: str | None = None, previous: Previous = None,
    listener: Listener | None = None, store: Store | None = None,
) -> Story:
    """The story of `sources`: paths (files, folders, `-` for standard input) and articles held in
    memory (`Article`s or dicts of their fields), read in the order given; None means the bundled seeds.

    The options are `timeline build`'s (`jobs=None` picks as the command does); `previous` is the
    last build (its Timeline): each event keeps its ICS sequence, raised where it changed. A bad
    article raises its ArticleError, or with strict=False is skipped and listed in `Story.skipped`.

    With a `store` (a timeline.store.Store, as `timeline build` gives) the candidates wait on disk
    and the story is merged in parts there: the same story, in memory that does not grow with the
    archive; `previous` may then also be its events as they are read (timeline.stream.previous_events).
    A story past 2,000 events then reads its events from the store: render it before closing the store.
    """
    chosen = options(BuildOptions, dict(
        subject=subject, aliases=tuple(aliases), title=title, published=published, prefer=prefer, language=language,
        key=key, edits=edits, strict=strict, jobs=jobs, max_size=max_size, engine=engine, scheduler=scheduler))
    from timeline.build import edits_file, story_subject
    from timeline.story.diff import carry_sequences
    from timeline.story.edits import load_edits
    from timeline.story.relevance import Subject
    from timeline.temporal.language import load

    load(chosen.language)  # an unknown language is an error before any article is read
    given = inputs_of(sources, chosen.max_size * MB)
    paths = [s for s in given if isinstance(s, str)]
    if paths or sources is None:  # a folder read brings its timeline.toml and edits.toml, as in `timeline build`
        focus = story_subject(paths, chosen.subject, chosen.aliases)
        found = edits_file(paths, str(chosen.edits) if chosen.edits else None)
    else:
        focus = Subject(chosen.subject, chosen.aliases) if chosen.subject else None
        found = load_edits(chosen.edits) if chosen.edits else None
    listener = listener or Listener()
    from timeline.stream import cluster, mergers, stored_story

    with cluster(chosen.engine, chosen.scheduler, chosen.jobs) as shared:  # with Dask: one cluster reads and merges
        collector = collect(given, chosen, focus, listener, store=store, shared=shared)
        if store is not None:
            made = stored_story(collector, chosen.title, chosen.language, focus, chosen.key, found, listener.say,
                                previous, mergers(chosen.engine, chosen.scheduler, chosen.jobs, shared))
            return Story(made, collector.read, tuple(collector.skipped))  # type: ignore[arg-type]
    timeline = collector.timeline(chosen.title, chosen.language, focus, chosen.key, found, listener.say)
    return Story(carry_sequences(previous, timeline), collector.read, tuple(collector.skipped))


def inputs_of(sources: Iterable[Source] | None, max_bytes: int) -> list:
    """Paths as strings, articles held in memory as the Inputs they are read from; [] for the seeds."""
    from timeline.read.given import held

    if sources is None:
        return []
    if isinstance(sources, (str, os.PathLike, Article, Mapping)):
        raise ConfigError("sources: give a list of paths or articles, not one; e.g. build_story([article])")
    given: list = []
    for source in sources:
        if isinstance(source, (str, os.PathLike)):
            given.append(os.fspath(source))
        else:
            given.append(held(Article.of(source), len(given) + 1, max_bytes))
    if not given:
        raise ArticleError("input", "no article given", "give build_story paths or articles (None: the bundled seeds)")
    return given


def collect(given: list, chosen: BuildOptions, focus, listener: Listener, left: bool = False,
            store: Store | None = None, shared=None) -> Collector:
    """Read every article (skipping bad ones unless strict) into a Collector, telling the listener;
    `left`: also the sentences that gave no event (read in this process; the review and the desk);
    `store`: the candidates go there (timeline.store), not into memory; `shared`: with Dask, the
    build's client (timeline.stream.cluster), else one of its own."""
    from timeline.build import Collector, outcomes
    from timeline.read.inputs import files, inputs

    collector = Collector(chosen.strict, listener.skipped, focus, store)
    max_bytes = chosen.max_size * MB
    stdin = lambda: sys.stdin.buffer.read(max_bytes + 1)  # noqa: E731
    if chosen.engine == "dask":  # Dask tasks open the files and JSON Lines or Parquet data sets
        from timeline.archive import outcomes as tasks

        jobs = chosen.jobs if chosen.jobs and chosen.jobs > 1 else None
        found, total = tasks(files(given, stdin, max_bytes), chosen.published, chosen.prefer, chosen.language,
                             chosen.scheduler, jobs, shared), 0
    else:
        items = inputs(given, stdin, max_bytes)
        jobs = chosen.jobs or (default_jobs() if len(items) >= 64 else 1)  # a pool pays its start-up only for work
        found, total = outcomes(items, chosen.published, chosen.prefer, chosen.language, jobs, left), len(items)
    listener.started(total)
    try:
        for outcome in found:
            listener.read(outcome.name, len(outcome.candidates))
            collector.add(outcome)
    finally:
        getattr(found, "close", lambda: None)()  # a pool or a cluster stops here, done or not
        listener.finished()
    return collector


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def producers(timeline: Timeline, formats: Sequence[str], since: Timeline | None = None, *,
              calendar_grain: str = "month", calendar_spans: bool = False, calendar_url: str | None = None,
              theme: str = "light", heading_level: int | None = None, show_title: bool = True,
              templates: str | os.PathLike[str] | None = None) -> dict[str, Producer]:
    """What writes each format (in chunks of UTF-8), and with `since` the changelog since that build."""
    from timeline.render.output import FORMATS as FILES, Options, producers as makers
    from timeline.story.diff import compare

    chosen = options(RenderOptions, dict(calendar_grain=calendar_grain, calendar_spans=calendar_spans,
                                         calendar_url=calendar_url, theme=theme, heading_level=heading_level,
                                         show_title=show_title, templates=templates))
    unknown = [f for f in formats if f not in FILES]
    if unknown:
        raise ConfigError(f"unknown format {quoted(unknown[0])}; choose from {', '.join(FORMATS)}")
    url = chosen.calendar_url or ""
    url += "timeline.ics" if url.endswith("/") else ""  # a folder's address means its timeline.ics, as --calendar-url
    look = Options(chosen.calendar_grain, chosen.theme, chosen.heading_level, chosen.show_title, chosen.calendar_spans, url)
    changes = compare(since, timeline) if since is not None else None
    return makers(timeline, list(formats), chosen.templates, since, changes, look)


@overload
def render_story(story: Story | Timeline, format: Format, stream: None = None, *, since: Timeline | None = None,
           **look: object) -> str: ...
@overload
def render_story(story: Story | Timeline, format: Format, stream: IO, *, since: Timeline | None = None,
           **look: object) -> None: ...
def render_story(story, format, stream=None, *, since=None, **look):
    """One format of the story as a string, or written to `stream` (a binary stream gets UTF-8, a
    text stream text). Formats: md, ics, html (a page), fragment, embed (a page for an iframe),
    snippet (the iframe to paste), timelinejs, json, and changelog (what changed `since` a build).
    `look` takes calendar_grain, calendar_spans, calendar_url, theme, heading_level, show_title and
    templates, as `producers`."""
    timeline = story.timeline if isinstance(story, Story) else story
    if format == "changelog" and since is None:
        raise ConfigError("the changelog tells what changed since a build; give since=<its Timeline>")
    wanted = {"snippet": ["embed"], "changelog": []}.get(format, [format])
    made = producers(timeline, wanted, since if format == "changelog" else None, **look)  # type: ignore[arg-type]
    chunks = made[format]()
    if stream is None:
        return b"".join(chunks).decode("utf-8")
    write_stream(chunks, stream)
    return None


def write_stream(chunks: Iterable[bytes], stream: IO) -> None:
    """The chunks into a binary stream, or decoded into a text one; a failing stream is an OutputError."""
    text = isinstance(stream, io.TextIOBase)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in chunks:
            stream.write(decoder.decode(chunk) if text else chunk)
        if text:
            stream.write(decoder.decode(b"", final=True))
    except (OSError, ValueError) as error:  # ValueError: a closed stream
        problem = getattr(error, "strerror", None) or str(error)
        raise OutputError(f"cannot write the timeline to the stream: {problem}; give an open, writable stream") from None


def write_story(story: Story | Timeline, folder: str | os.PathLike[str], formats: Sequence[str] = ("md", "ics", "html", "json"),
          *, since: Timeline | None = None, say=lambda message: None, **look: object) -> list[Path]:
    """Every format's file into `folder`, all or none, one build at a time (as `timeline build --out`);
    with `since` also changelog.md. Returns the files written."""
    from timeline.render.output import write_all

    made = producers(story.timeline if isinstance(story, Story) else story, formats, since, **look)  # type: ignore[arg-type]
    return write_all(Path(folder), made, say)
