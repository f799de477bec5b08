"""`timeline build`: the story built from the articles, written as files into a folder (all or
none) or as one format on stdout, and summed up on stderr."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from timeline.commands.telling import shown


def build_and_write(paths, out: str, formats: list[str], since: str | None, look: dict, listener, *,
                    title: str | None, **chosen):
    """Build the story of `paths` (None: the seeds) with the `chosen` options of build_story, write it
    to `out` (a folder, or - for stdout) with the `look` of the render options; the Story."""
    from timeline.api import build_story, producers, write_story
    from timeline.render.output import check_targets
    from timeline.story.diff import load_timeline
    from timeline.stream import previous_events

    stop_cleanly_on_sigterm()
    if out != "-":
        check_targets(Path(out), formats, bool(since), listener.say)  # a user's file at an output name: say so before any work
    old = load_timeline(Path(since)) if since else None
    with working_store() as store:  # the candidates and the story wait on disk (timeline.store)
        # Without --since only SEQUENCE needs the last build: read into the store an event at a time.
        previous = old if since else previous_events(Path(out), listener.say)
        story = build_story(paths or None, title=shown(title) if title else title, previous=previous,
                            listener=listener, store=store, **chosen)
        if out == "-":
            from timeline.console import write as to_stdout

            to_stdout(producers(story.timeline, formats, **look)[formats[0]]())
        else:
            for target in write_story(story, out, formats, since=old, say=listener.say, **look):
                listener.say(f"timeline: wrote {target}")
        summary(story, formats, look["calendar_grain"], listener.say)
    return story


@contextmanager
def working_store():
    """The build's store, removed after it; a temporary folder that is full or cannot be written
    is an OutputError naming it (the previous build stays: nothing is written yet)."""
    import sqlite3
    import tempfile

    from timeline.errors import OutputError
    from timeline.store import Store

    store = None
    try:
        store = Store()
        yield store
    except sqlite3.OperationalError as error:
        raise OutputError(f"{tempfile.gettempdir()}: cannot keep the build's working store there ({error}); "
                          "free space there or set TMPDIR to a folder with room") from error
    finally:
        if store is not None:
            store.close()


def summary(story, formats, calendar_grain, say) -> None:
    """How many events from how many articles; how many the calendar leaves out (counted as the
    events are read: a large story's are in the store)."""
    from timeline.render.ics import placed_count

    say(f"timeline: {len(story.timeline.events)} events from {story.read} articles"
        + (f", {len(story.skipped)} skipped" if story.skipped else ""))
    left_out = len(story.timeline.events) - placed_count(story.timeline, calendar_grain)
    if "ics" in formats and left_out:
        say(f"timeline: {left_out} events coarser than a {calendar_grain} are not in the calendar; "
            "--calendar-grain year puts them in")


def stop_cleanly_on_sigterm() -> None:
    """SIGTERM ends the build like an error: staging is removed and the lock let go."""
    import signal

    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
