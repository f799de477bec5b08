"""The story in TimelineJS's JSON format (the Knight Lab embed newsrooms use).

A slide per event: the headline as its headline (a forecast's followed by
"(verwacht)"), the text (a forecast's with the note that it had not happened
when its source appeared; a word put into the text marked up as in the HTML,
not in brackets) and its sources after "Bron:" or "Bronnen:" as its text, our
Dutch label as `display_date`, and `start_date`/`end_date`
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
from timeline.render.view import LANGUAGE, parts, source_name, source_when
from timeline.temporal import periods
from timeline.temporal.language import load


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
    labels = load(LANGUAGE).labels
    headline = f"{event.headline} ({labels.expected})" if event.expected else event.headline
    note = f"<p><em>{html.escape(labels.expected_note)}</em></p>" if event.expected else ""
    found = {
        "unique_id": f"tl-{event.id}",
        "start_date": date_object(date.start, start_precision(event)),
        "text": {"headline": html.escape(headline), "text": f"<p>{text_html(event.text)}</p>{note}{sources_html(event)}"},
        "display_date": html.escape(date.label),
    }
    if last != date.start:
        found["end_date"] = date_object(last, Grain.DAY)
    outlet = next((s.outlet for s in event.sources if s.outlet), None)
    if outlet:
        found["group"] = html.escape(outlet)
    return found


def text_html(text: str) -> str:
    """The text as HTML, a word put in as a span whose title says so (as on the HTML page)."""
    title = html.escape(load(LANGUAGE).labels.added)
    return "".join(f'<span class="tl-added" title="{title}">{html.escape(part.text)}</span>' if part.added
                   else html.escape(part.text) for part in parts(text, str))


def sources_html(event: Event) -> str:
    """"Bron: ..." or "Bronnen: ...; ...", small, after the text; nothing without sources."""
    if not event.sources:
        return ""
    labels = load(LANGUAGE).labels
    label = labels.sources if len(event.sources) > 1 else labels.source
    return f"<p><small>{html.escape(label)}: {'; '.join(cited(s) for s in event.sources)}</small></p>"


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
