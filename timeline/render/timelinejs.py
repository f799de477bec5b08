"""The story in TimelineJS's JSON format (the Knight Lab embed newsrooms use).

A slide per event: `start_date`/`end_date` as {year, month, day} (the end is the
period's last day, as TimelineJS shows it), `text` {headline, text}, our
Dutch label as `display_date`, the first source as `group`, and the event id
as `unique_id`.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from timeline.models import Event, Grain, Timeline

FINER_THAN_MONTH = {Grain.DAY, Grain.WEEK}


def date_object(day: dt.date, grain: Grain) -> dict:
    """Only as precise as the period: a year is {year}, a month {year, month}."""
    found: dict = {"year": day.year}
    if grain.rank <= Grain.SEASON.rank:
        found["month"] = day.month
    if grain in FINER_THAN_MONTH:
        found["day"] = day.day
    return found


def slide(event: Event) -> dict:
    date = event.date
    last = date.end - dt.timedelta(days=1)
    sources = "<br>".join(html.escape(f"{s.title or s.path}, {s.published.isoformat()}") for s in event.sources)
    found = {
        "unique_id": f"tl-{event.id}",
        "start_date": date_object(date.start, date.grain),
        "text": {"headline": html.escape(event.headline), "text": f"<p>{html.escape(event.text)}</p><p><small>{sources}</small></p>"},
        "display_date": html.escape(date.label),
        "group": html.escape(event.sources[0].title or event.sources[0].path),  # TimelineJS sets it as HTML
    }
    if last != date.start and date.grain != Grain.YEAR:
        found["end_date"] = date_object(last, Grain.DAY)
    return found


def render_timelinejs(timeline: Timeline) -> str:
    payload = {
        "title": {"text": {"headline": html.escape(timeline.title), "text": ""}},
        "events": [slide(e) for e in timeline.events],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
