"""`timeline review` and `timeline desk`: the story laid out for an editor, as a page to read or a
local web page whose changes write edits.toml and rebuild the timeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from timeline.api import Listener
from timeline.commands.telling import put, shown
from timeline.errors import TimelineError


def review_story(paths, out: str, fmt: str, subject, aliases, language: str, published, prefer,
                 listener: Listener, note: Callable[[str], None]) -> int:
    """Write the review page of the story built from `paths` into `out`; the number of articles skipped."""
    from timeline.build import story_subject
    from timeline.review import write_review

    focus = story_subject(paths, subject, aliases)

    def gather():
        from timeline.api import MB, BuildOptions, collect, inputs_of

        chosen = BuildOptions(published=published, prefer=prefer, language=language, strict=False)
        return collect(inputs_of(paths or None, chosen.max_size * MB), chosen, focus, listener, left=True)

    targets, skipped = write_review(gather, paths, Path(out), fmt, subject, aliases, language)
    for target in targets:
        note(f"timeline: wrote {target}")
    return skipped


def desk_ready(language: str) -> None:
    """The desk's libraries are there (pip install 'timeline[desk]') and `language` loads: checked before any work."""
    try:
        import starlette  # noqa: F401  (the extra's libraries, in this order)
        import tomlkit  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as error:
        raise TimelineError(f"the desk needs {error.name}: pip install 'timeline[desk]'") from None
    from timeline.temporal.language import load

    load(language)


def run_desk(paths, edits: Path, out: str, formats, subject, aliases, title, calendar_grain, language: str, *,
             port: int, open_browser: bool, max_size: int, published, prefer, listener: Listener,
             note: Callable[[str], None]) -> None:
    """Read the articles of `paths`, then serve the desk on 127.0.0.1 until Ctrl-C, its address on stdout."""
    from timeline.api import MB, BuildOptions, collect, inputs_of
    from timeline.build import story_subject
    from timeline.desk.serve import serve
    from timeline.desk.session import Desk, Settings
    from timeline.render.output import Options

    focus = story_subject(paths, subject, aliases)
    chosen = BuildOptions(published=published, prefer=prefer, language=language, strict=False, max_size=max_size)
    collector = collect(inputs_of(paths or None, max_size * MB), chosen, focus, listener, left=True)
    settings = Settings(edits, Path(out), tuple(formats), focus, shown(title) if title else None, language,
                        Options(calendar_grain))
    desk = Desk(collector, settings, note)
    note(f"timeline: {len(desk.current.story.events)} events from {collector.read} articles; edits in {edits}, "
         f"the build in {out}; Ctrl-C stops the desk")
    serve(desk, port, open_browser, lambda address: put(f"timeline desk: {address}"))
