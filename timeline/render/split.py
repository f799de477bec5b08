"""A large story's Markdown and HTML: an index page and a page a year.

Past SPLIT events one page would be too long to open, so `timeline.md` and
`timeline.html` become an index of the years (each linked, with its number of
events) and each year is its own `timeline-YYYY.md` / `timeline-YYYY.html`, rendered by
the same templates as a whole story, from that year's events alone: the renderer
never holds more than a year. The story's events must offer `years()` (each start
year with its number of events) and `of_year(year)` (that year's events in order), as
timeline.stored.StoredEvents does; a story that small today looks as it does now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import jinja2

from timeline.models import Timeline
from timeline.render.templating import stream_template
from timeline.render.view import markdown_escape, markdown_url

SPLIT = 2000  # events: past this the Markdown and HTML are split by year


def split(timeline) -> bool:
    """The story is large and its events can be read a year at a time."""
    return len(timeline.events) > SPLIT and hasattr(timeline.events, "of_year")


def year_file(year: int, suffix: str) -> str:
    return f"timeline-{year:04d}.{suffix}"


def year_story(timeline, year: int) -> Timeline:
    return Timeline(title=timeline.title, events=tuple(timeline.events.of_year(year)))


def index_chunks(timeline, env: jinja2.Environment, suffix: str, **look) -> Iterable[str]:
    """The index page: the title, how many events over which years, and a link to each year's page."""
    years = timeline.events.years()
    escape: Callable[[str], str] = markdown_escape if suffix == "md" else str
    link = (lambda y: markdown_url(year_file(y, suffix))) if suffix == "md" else (lambda y: year_file(y, suffix))
    first, last = (years[0][0], years[-1][0]) if years else (None, None)
    span = "" if first is None else str(first) if first == last else f"{first}–{last}"
    return stream_template(env, f"timeline.index.{suffix}.j2", title=escape(timeline.title), count=len(timeline.events),
                           span=span, years=[{"heading": str(y), "count": n, "href": link(y)} for y, n in years],
                           **look)
