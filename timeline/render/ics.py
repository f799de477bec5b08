"""Render a Timeline as an iCalendar file for people's calendars.

Only events a calendar can place become VEVENTs: by default those of a day,
a week or a month (never more than 31 days). Coarser ones (a season, a half,
a year) are left out; `calendar_grain` lets them in. A day or a week (at most
7 days) is an all-day event over its span; anything longer (a month, "begin
december", a season) is one all-day entry on its first day, its period said
after the headline in the SUMMARY and in the DESCRIPTION, so a month's fact
shows once and not on thirty days (`spans` keeps every event over its whole
span). Each VEVENT is free time (TRANSP), has the headline as SUMMARY and the
text and sources as DESCRIPTION. Every value comes from the timeline itself
(DTSTAMP included), so the same timeline always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import icalendar

from timeline.models import Event, Grain, Timeline
from timeline.temporal.language import load
from timeline.render.view import LANGUAGE, source_text

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # line ends stay in a DESCRIPTION; icalendar escapes them
PRODID = "-//timeline//Dutch news timeline//NL"
EPOCH = dt.date(1970, 1, 1)  # DTSTAMP of an event without sources


def render_ics(timeline: Timeline, grain: str = "month", spans: bool = False) -> bytes:
    """The timeline as iCalendar bytes (RFC 5545), ready to import in a calendar app.

    Each VEVENT is serialised by icalendar on its own and set inside the
    calendar icalendar serialised, so a large archive never holds every
    event's component tree at once.
    """
    return b"".join(ics_chunks(timeline, grain, spans))


MAX_DAYS = 31  # the longest all-day block a calendar shows by default
SPAN_DAYS = 7  # the longest period shown over its days; a longer one is one entry on its first day
REFRESH = "P1D"  # a subscribed calendar looks for changes daily


def placed(timeline: Timeline, grain: str = "month") -> list[Event]:
    """The events a calendar can place at `grain` or finer: at "month", those of a day, week
    or month spanning at most 31 days; at "year", also seasons, quarters, halves and years."""
    return list(placed_events(timeline, grain))


def placed_count(timeline: Timeline, grain: str = "month") -> int:
    """How many events `placed` gives, counted as they are read."""
    return sum(1 for _ in placed_events(timeline, grain))


def placed_events(timeline: Timeline, grain: str = "month") -> Iterator[Event]:
    coarsest = Grain(grain)
    return (e for e in timeline.events
            if e.date.grain.rank <= coarsest.rank and (grain == "year" or (e.date.end - e.date.start).days <= MAX_DAYS))


def ics_chunks(timeline: Timeline, grain: str = "month", spans: bool = False) -> Iterator[bytes]:
    """The calendar icalendar serialises, with each VEVENT icalendar serialises set inside."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", Text(one_line(timeline.title)))
    calendar.add("refresh-interval", icalendar.vDuration(dt.timedelta(days=1)), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    yield head
    for event in placed_events(timeline, grain):
        yield _vevent(event, spans or shown_over_its_days(event)).to_ical()
    yield b"END:VCALENDAR" + end


class Text(icalendar.vText):
    """A TEXT value escaped as RFC 5545 says. icalendar's own escaping first reads a
    literal "\\N" as a line break, so "C:\\Nieuws" would show as "C:" and a new line."""

    def to_ical(self) -> bytes:
        escaped = str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n").encode(self.encoding)


def one_line(text: str) -> str:
    """A TEXT value on one line, without control characters (RFC 5545 allows none but HTAB)."""
    return " ".join(CONTROL.sub(" ", text).split())


def shown_over_its_days(event: Event) -> bool:
    """A day or a week (at most 7 days) is shown over its days; a longer period on its first day."""
    return (event.date.end - event.date.start).days <= SPAN_DAYS


def _vevent(event: Event, over_its_days: bool) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.id}@timeline")
    vevent.add("dtstamp", _dtstamp(event))
    vevent.add("sequence", event.sequence)
    vevent.add("dtstart", event.date.start)
    vevent.add("dtend", event.date.end if over_its_days else event.date.start + dt.timedelta(days=1))
    vevent.add("summary", Text(one_line(_summary(event, not over_its_days))))
    vevent.add("description", Text(CONTROL.sub(" ", _description(event, not over_its_days))))
    url = next((source.url for source in event.sources if source.url), None)
    if url:
        vevent.add("url", url, parameters={"VALUE": "URI"})
    vevent.add("transp", "TRANSPARENT")  # a story's date is no appointment: the day stays free
    if event.expected:
        vevent.add("categories", [load(LANGUAGE).labels.expected])
    return vevent


def _dtstamp(event: Event) -> dt.datetime:
    """When the event was last revised: its latest source's publication, 00:00 UTC."""
    day = max((source.published for source in event.sources), default=EPOCH)
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.timezone.utc)


def _summary(event: Event, period: bool) -> str:
    """The headline; after it the period of an entry that stands on its first day, and "verwacht"
    for a forecast: "... op OpenAI (februari 2025)", "... (voorjaar 2026, verwacht)"."""
    labels = load(LANGUAGE).labels
    after = ([event.date.label] if period else []) + ([labels.expected] if event.expected else [])
    return f"{event.headline} ({', '.join(after)})" if after else event.headline


def _description(event: Event, period: bool) -> str:
    labels = load(LANGUAGE).labels
    lines = [event.text] + (["", labels.period.format(label=event.date.label)] if period else [])
    if event.expected:
        lines += ["", labels.expected_note]
    if event.sources:
        lines += ["", f"{labels.sources if len(event.sources) > 1 else labels.source}:"]
        lines += [f"- {source_text(source)}" for source in event.sources]
    return "\n".join(lines)
