"""`timeline build`'s story made in the store (timeline.store): merged in parts, kept to the
subject, ordered on disk, each event with its SEQUENCE from the previous build.

A story of at most render.split.SPLIT events comes back as a Timeline, as the in-memory build makes it;
a larger one as a `Story` whose events are read from the store in order, for renderers that
write from a stream (see timeline.render.output).
"""

from __future__ import annotations

import json
from contextlib import nullcontext
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from timeline.build import Collector, edit_date
from timeline.editing import added_event
from timeline.errors import TimelineError
from timeline.models import Event, Timeline
from timeline.parts import merge_part_batch
from timeline.render import split
from timeline.store import Store
from timeline.stored import StoredEvents
from timeline.story.diff import fingerprint
from timeline.story.edits import Edits, apply_edits
from timeline.story.relevance import Subject, keep

MAX_LINE = 16 * 1024 * 1024  # one line of a previous build's timeline.jsonl


@dataclass(frozen=True)
class Story:
    """A large story: its title and its events, read from the store in order."""

    title: str
    events: StoredEvents


Merger = Callable[[Iterator[list], str | None, frozenset, Subject | None, frozenset, Edits | None], Iterable[list]]
# The last build: its Timeline, its digests (id -> (fingerprint, sequence)), or its events as they are read.
Previous = Timeline | dict[str, tuple[bytes, int]] | Iterable[Event] | None


def here(batches, subject, names, focus, dropped, edits) -> Iterator[list]:
    """Each batch of parts merged in this process."""
    for batch in batches:
        yield merge_part_batch(batch, subject, names, focus, dropped, edits)


def mergers(engine: str, scheduler: str | None, jobs: int | None, shared=None) -> Merger:
    """Where the story's parts are merged: here, or on the Dask workers (of `shared`, the build's
    client from `cluster`, when given)."""
    if engine != "dask":
        return here
    from timeline.archive import merge_parts

    return lambda *args: merge_parts(*args, scheduler=scheduler, workers=jobs if jobs and jobs > 1 else None,
                                     shared=shared)


def cluster(engine: str, scheduler: str | None, jobs: int | None):
    """With `--engine dask`, one cluster (or one client of --scheduler) for the whole build, its
    reading and its merge: a context that gives the client to pass on (None without Dask)."""
    if engine != "dask":
        return nullcontext()
    from timeline.archive import session

    return session(scheduler, jobs if jobs and jobs > 1 else None)


def previous_rows(previous: Previous) -> Iterator[tuple[str, bytes, int]]:
    """The last build as (id, fingerprint, sequence) rows, read as they come."""
    if isinstance(previous, dict):
        return ((id_, fp, seq) for id_, (fp, seq) in previous.items())
    events = previous.events if isinstance(previous, Timeline) else previous
    return ((e.id, fingerprint(e), e.sequence) for e in events)


def stored_story(collector: Collector, title: str | None, language: str, focus: Subject | None, key: int | None,
                 edits: Edits | None, warn: Callable[[str], None], previous: Previous,
                 merger: Merger = here) -> Timeline | Story:
    """The story of the candidates in `collector.store`, the in-memory build's (Collector.timeline) event for event."""
    store: Store = collector.store
    title = collector.title(title, language, focus)
    subject = focus.name if focus else (collector.names.most_common(1)[0][0] if collector.names else None)
    names = frozenset(collector.names)
    forget_tags()
    store.index(subject, names)
    dropped = store.parts(subject)
    merged = merger(store.part_batches(subject, names, dropped), subject, names, focus, dropped, edits)
    if edits is not None:
        made = partial(added_event, sources=collector.sources, focus=focus, language=language)
        edited_into(store, merged, edits, language, focus, warn, made)
    else:
        kept = lambda event, belong: focus is None or belong or focus.named_in(event.text + " " + event.headline)
        for found in merged:
            store.add_events(found, kept)
    if key is not None:
        store.key_moments(key)
    carry = previous is not None
    if carry:
        try:
            store.previous(previous_rows(previous))
        except TimelineError as error:
            warn(f"timeline: not comparing with the last build: {error}")
            carry = False
    events = StoredEvents(store, store.order(carry))
    return Timeline(title=title, events=tuple(events)) if len(events) <= split.SPLIT else Story(title, events)


def forget_tags() -> None:
    """Once every article is read, the part-of-speech tagger's memo tables (up to its CACHE_MB, in this process
    with --jobs 1) go before the story's work: only an edit's added event is tagged after, and a value
    forgotten is made again the same."""
    from timeline.temporal.pos import loaded_model

    if loaded_model.cache_info().currsize:
        loaded_model().forget()


def edited_into(store: Store, merged: Iterable[list], edits: Edits, language: str, focus: Subject | None,
                warn: Callable[[str], None], made: Callable) -> None:
    """With edits the story is edited whole, as the in-memory build does (an edit may merge any two
    events; `made` makes an event an edit adds)."""
    found = sorted((row for rows in merged for row in rows), key=lambda row: row[0])
    belong = {event.id for _, is_theirs, event in found if is_theirs}
    events = apply_edits([event for _, _, event in found], edits, partial(edit_date, language=language), warn, made)
    events = keep(events, focus, None, belong)
    store.add_events(((n, True, e) for n, e in enumerate(events)), lambda event, belong: True)


def previous_events(out: Path, say: Callable[[str], None]) -> Iterator[Event] | None:
    """The build already in --out, an event at a time from its timeline.jsonl where it has one,
    else from its timeline.json (see build.last_build); none when there is none or it cannot be read."""
    from timeline.build import last_build

    lines = out / "timeline.jsonl"
    if lines.is_file() and (out / "timeline.json").is_file():
        try:
            return list_or_stream(lines)
        except TimelineError as error:
            say(f"timeline: not comparing with the last build: {error}")
            return None
    found = last_build(out / "timeline.json", say)
    return None if found is None else iter(found.events)


def list_or_stream(path: Path) -> Iterator[Event]:
    """The events of a timeline.jsonl, checked line by line as it is read (a bad line is an error)."""
    from pydantic import ValidationError

    from timeline.bounded import open_regular

    try:
        handle = open_regular(path)
    except OSError as error:
        raise TimelineError(f"{path}: cannot read it ({error.strerror})") from None

    def events() -> Iterator[Event]:
        with handle:
            for number, line in enumerate(iter(lambda: handle.readline(MAX_LINE + 1), b""), 1):
                try:
                    if len(line) > MAX_LINE:
                        raise ValueError("line too long")
                    yield Event.model_validate(json.loads(line))
                except (ValueError, ValidationError) as error:
                    raise TimelineError(f"{path}:{number}: not an event of a timeline.jsonl "
                                        f"({str(error).splitlines()[0]}); build again without it") from None
    return events()
