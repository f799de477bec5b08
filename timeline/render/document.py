"""Render a Timeline as Markdown, HTML or JSON.

Markdown and HTML go through the Jinja templates, which receive a small view
model with every value ready to print: events grouped by year, then by month
or period, each with its label, text, sources and machine-readable date.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

import jinja2

from timeline.temporal import periods
from timeline.temporal.labels import day_label
from timeline.temporal.language import load
from timeline.models import Event, EventDate, Grain, Source, Timeline
from timeline.render.templating import render_template

LANGUAGE = "nl"  # the language of headings and dates in the rendered timeline

# CommonMark backslash-escapes any ASCII punctuation; these are the inline ones
# that could start markup (emphasis, code, links, HTML, entities, tables, strikethrough).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")


@dataclass(frozen=True)
class Entry:
    label: str
    headline: str
    text: str
    source_text: str
    source_count: int
    datetime_attr: str
    expected: bool


@dataclass(frozen=True)
class PeriodGroup:
    heading: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class YearGroup:
    heading: str
    periods: tuple[PeriodGroup, ...]


def render_markdown(timeline: Timeline, env: jinja2.Environment) -> str:
    """The timeline as GitHub-flavoured Markdown, every text escaped for Markdown."""
    return render_template(env, "timeline.md.j2", **_view(timeline, _markdown_escape))


def render_html(timeline: Timeline, env: jinja2.Environment, fragment: bool = False) -> str:
    """A self-contained HTML page, or with ``fragment`` one scoped element to embed."""
    return render_template(env, "timeline.html.j2", fragment=fragment, **_view(timeline, str))


def render_json(timeline: Timeline) -> str:
    """The timeline in the models' own shape, as readable UTF-8 JSON."""
    return "".join(json_chunks(timeline))


def json_chunks(timeline: Timeline) -> Iterator[str]:
    """The JSON an event at a time (the same text as dumping the whole at once),
    so a large archive never holds every event as a dict or the file as one string."""
    yield f'{{\n  "title": {json.dumps(timeline.title, ensure_ascii=False)},\n  "events": '
    if not timeline.events:
        yield "[]\n}\n"
        return
    yield "[\n"
    for index, event in enumerate(timeline.events):
        dumped = json.dumps(event.model_dump(mode="json"), ensure_ascii=False, indent=2)
        yield ("" if index == 0 else ",\n") + textwrap.indent(dumped, "    ")
    yield "\n  ]\n}\n"


def _markdown_escape(text: str) -> str:
    """Text that Markdown prints literally, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _view(timeline: Timeline, escape: Callable[[str], str]) -> dict:
    events = sorted(timeline.events, key=lambda event: event.date.start)
    years = [
        YearGroup(str(year), _periods(group, escape))
        for year, group in groupby(events, key=lambda event: event.date.start.year)
    ]
    return {
        "title": escape(timeline.title),
        "count": len(events),
        "span": _span(events),
        "years": years,
    }


def _periods(events: Iterable[Event], escape: Callable[[str], str]) -> tuple[PeriodGroup, ...]:
    return tuple(
        PeriodGroup(escape(heading), tuple(_entry(event, escape) for event in group))
        for heading, group in groupby(events, key=lambda event: _period_heading(event.date))
    )


def _entry(event: Event, escape: Callable[[str], str]) -> Entry:
    return Entry(
        label=escape(event.date.label),
        headline=escape(event.headline),
        text=escape(event.text),
        source_text=escape("; ".join(source_text(source) for source in event.sources)),
        source_count=len(event.sources),
        datetime_attr=event.date.start.isoformat(),
        expected=event.expected,
    )


def _period_heading(date: EventDate) -> str:
    """The heading an event falls under within its year: a month, season or part."""
    labels = load(LANGUAGE).labels
    month = date.start.month
    if date.grain.rank <= Grain.MONTH.rank:
        heading = labels.months[month - 1]
    elif date.grain is Grain.SEASON:
        heading = labels.seasons[periods.season_of(date.start)[1]]
    elif date.grain is Grain.QUARTER:
        heading = labels.heading_quarter.format(ordinal=labels.ordinals[(month - 1) // 3])
    elif date.grain is Grain.HALF:
        heading = labels.heading_half.format(ordinal=labels.ordinals[(month - 1) // 6])
    else:
        heading = labels.heading_year_parts.get(date.mod or "", labels.heading_year)
    return heading[0].upper() + heading[1:]


def source_text(source: Source) -> str:
    """``Title (path), 3 december 2025``; an approximate date reads ``rond 3 december 2025``."""
    labels = load(LANGUAGE).labels
    name = f"{source.title} ({source.path})" if source.title else source.path
    day = source.published
    when = (labels.month.format(month=labels.months[day.month - 1], year=day.year)
            if source.published_grain is Grain.MONTH else day_label(labels, day))
    return f"{name}, {labels.approximate.format(day=when) if source.approximate else when}"


def _span(events: list[Event]) -> str:
    """The years the timeline covers: ``2015–2026``, ``2025``, or empty."""
    if not events:
        return ""
    first, last = events[0].date.start.year, events[-1].date.start.year
    return str(first) if first == last else f"{first}–{last}"
