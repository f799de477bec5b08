"""The story in TimelineJS's JSON format (the Knight Lab embed newsrooms use).

A slide per event: the headline as its headline, the text and its sources as
its text, our Dutch label as `display_date`, and `start_date`/`end_date`
covering the whole period (a year runs to 31 December; "eind 2025" starts in
September), each only as precise as it is. The first source's outlet is the
`group` (none without one); no `media`. Every text is HTML-escaped: TimelineJS
sets headline, text, display date and group as HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from timeline.models import Event, Grain, Timeline
from timeline.render.view import source_name, source_when
from timeline.temporal import periods


def date_object(day: dt.date, precision: Grain) -> dict:
    """A TimelineJS date as precise as `precision`: a year is {year}, a month {year, month}."""
    found: dict = {"year": day.year}
    if precision.rank <= Grain.MONTH.rank:
        found["month"] = day.month
    if precision.rank <= Grain.WEEK.rank:
        found["day"] = day.day
    return found


def start_precision(event: Event) -> Grain:
    """A whole month or year starts at its month or year; a part or a stretch cut at a
    reference starts at its first month ("eind 2025": September) or day."""
    date = event.date
    period = periods.span(date.start, date.end, date.grain)
    if periods.aligned(period) and date.mod is None:
        return Grain.MONTH if date.grain in (Grain.SEASON, Grain.QUARTER, Grain.HALF) else date.grain
    return Grain.DAY if date.start.day != 1 else Grain.MONTH


def slide(event: Event) -> dict:
    date = event.date
    last = date.end - dt.timedelta(days=1)
    sources = "<br>".join(cited(s) for s in event.sources)
    found = {
        "unique_id": f"tl-{event.id}",
        "start_date": date_object(date.start, start_precision(event)),
        "text": {"headline": html.escape(event.headline),
                 "text": f"<p>{html.escape(event.text)}</p><p><small>{sources}</small></p>"},
        "display_date": html.escape(date.label),
    }
    if last != date.start:
        found["end_date"] = date_object(last, Grain.DAY)
    outlet = next((s.outlet for s in event.sources if s.outlet), None)
    if outlet:
        found["group"] = html.escape(outlet)
    return found


def cited(source) -> str:
    """A source as HTML: its name linked to its address where it has one, and its date."""
    name = html.escape(source_name(source))
    link = f'<a href="{html.escape(source.url)}">{name}</a>' if source.url else name
    return f"{link}, {html.escape(source_when(source))}"


def render_timelinejs(timeline: Timeline) -> str:
    payload = {
        "title": {"text": {"headline": html.escape(timeline.title), "text": ""}},
        "events": [slide(e) for e in timeline.events],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
