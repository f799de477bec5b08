"""What the Markdown and HTML templates print: every value ready, no date arithmetic left.

Events are grouped by the year they start in, in the story's one order (models.story_order,
the order of timeline.json too): within a year a reader sees the months in order, each event
at the last month of that year it covers, and a period longer than a month (a season, "eind
2025", the whole year) after the events of the months it covers. A whole-year event shows no
label of its own: the year heading is its date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby

from timeline.models import Event, EventDate, Grain, Source, Timeline, event_order, heading_year
from timeline.temporal import periods
from timeline.temporal.labels import day_label
from timeline.temporal.language import load

LANGUAGE = "nl"  # the language of headings and dates in the rendered timeline

# CommonMark backslash-escapes any ASCII punctuation; these are the inline ones
# that could start markup (emphasis, code, links, HTML, entities, tables, strikethrough).
# The colon of "://", the dot of "www." and "@" are escaped too: GitHub would make a link of an
# address in running text and show the escapes after it.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~@]|(?<=www)\.|:(?=//))", re.IGNORECASE)
# What opens a block at the start of a line: a heading (#), a list item (- + * or 1. 1)), a
# quote (>), a setext underline or thematic break (= -). A value may stand at a line's start.
_BLOCK_START = re.compile(r"^(?:[#+\-=>]|(\d{1,9})(?=[.)]))")
# What a link destination keeps as it is; anything else is percent-encoded (& is escaped, since
# CommonMark reads entities there).
_URL_KEEP = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$'()*+,;=%&]")
# A word put into a quoted text ("[OpenAI] sloot ..."); "[...]" marks words left out, no insertion.
_INSERTION = re.compile(r"\[(?![.…\s]*\])([^\[\]]+)\]")


@dataclass(frozen=True)
class Part:
    """A stretch of an event's text: the article's own words, or words put in (``added``)."""

    text: str
    added: bool


@dataclass(frozen=True)
class Subscribe:
    """Where a calendar app subscribes to the story's calendar: the https address (Google) and
    the same as webcal:// (Apple, Outlook), escaped for the format."""

    https: str
    webcal: str


@dataclass(frozen=True)
class Cited:
    """A source as a reader knows it, escaped for its format: "Outlet: Title", its link, its date."""

    name: str
    url: str  # empty without one
    when: str


@dataclass(frozen=True)
class Entry:
    label: str  # empty for a whole-year event: the year heading says it
    headline: str
    text: str  # insertions in [brackets]
    text_parts: tuple[Part, ...]  # the same text, insertions apart (HTML marks them up)
    source_text: str
    source_count: int
    sources: tuple[Cited, ...]
    datetime_attr: str  # as precise as the date: 2015, 2025-10, 2025-12-17, 2025-W03
    expected: bool


@dataclass(frozen=True)
class YearGroup:
    heading: str
    entries: tuple[Entry, ...]


def markdown_escape(text: str) -> str:
    """Text that Markdown prints literally, on one line, wherever a template puts it: no inline
    markup, and nothing at its start that opens a block (a heading, a list, a quote, an underline)."""
    line = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _BLOCK_START.sub(lambda found: f"{found.group(1)}\\" if found.group(1) else f"\\{found.group()}", line)


def markdown_url(url: str) -> str:
    """A link destination that holds whatever the address holds: in <...>, every character
    that could end it or escape (spaces, quotes, <, >, a backslash, non-ASCII) percent-encoded."""
    encoded = _URL_KEEP.sub(lambda found: "".join(f"%{byte:02X}" for byte in found.group().encode("utf-8")), url)
    return f"<{encoded.replace('&', chr(92) + '&')}>"


def view(timeline: Timeline, escape: Callable[[str], str], calendar: str = "") -> dict:
    """What the templates print; `calendar` is the https address the calendar is served from, if any."""
    events = sorted(timeline.events, key=event_order)  # the story's own order (models.story_order)
    years = [
        YearGroup(str(year), tuple(entry(e, escape, year) for e in group))
        for year, group in groupby(events, key=lambda event: heading_year(event.date.start, event.date.end))
    ]
    return {"title": escape(timeline.title), "count": len(events), "span": span(events), "years": years,
            "subscribe": subscribe(calendar, escape), "added_title": escape(load(LANGUAGE).labels.added)}


def subscribe(calendar: str, escape: Callable[[str], str]) -> Subscribe | None:
    if not calendar:
        return None
    webcal = "webcal://" + calendar.split("://", 1)[1]
    return Subscribe(url_escape(calendar, escape), url_escape(webcal, escape))


def parts(text: str, escape: Callable[[str], str]) -> tuple[Part, ...]:
    """For HTML (escaped by the template), the text cut at its insertions: "[OpenAI] sloot" is
    OpenAI (added) and " sloot". Markdown keeps the brackets: its text is one part."""
    if escape is not str:
        return (Part(escape(text), False),)
    found, at = [], 0
    for insertion in _INSERTION.finditer(text):
        found += [Part(text[at:insertion.start()], False)] if insertion.start() > at else []
        found.append(Part(insertion.group(1), True))
        at = insertion.end()
    return tuple(found + ([Part(text[at:], False)] if at < len(text) or not found else []))


def entry(event: Event, escape: Callable[[str], str], year: int) -> Entry:
    whole_year = event.date.grain is Grain.YEAR and event.date.label == str(year)
    return Entry(
        label="" if whole_year else escape(event.date.label),
        headline=escape(event.headline),
        text=escape(event.text),
        text_parts=parts(event.text, escape),
        source_text=escape("; ".join(source_text(source) for source in event.sources)),
        source_count=len(event.sources),
        sources=tuple(Cited(escape(source_name(s)), url_escape(s.url or "", escape), escape(source_when(s)))
                      for s in event.sources),
        datetime_attr=datetime_attr(event.date),
        expected=event.expected,
    )


def datetime_attr(date: EventDate) -> str:
    """An HTML date string as precise as the date: a year, a month, a week or a day; a
    stretch that is no calendar unit (a range, a part) gives its first day."""
    period = periods.span(date.start, date.end, date.grain)
    if date.mod in ("START", "MID", "END"):  # "eind 2022" is 2022, "begin december 2025" is 2025-12
        period = periods.whole(period)
    if not periods.aligned(period):
        return date.start.isoformat()
    date = EventDate(value=date.value, mod=None, start=period.start_date, end=period.end_date, grain=period.grain,
                     label=date.label)
    if date.grain is Grain.DAY:
        return date.start.isoformat()
    if date.grain is Grain.WEEK:
        iso = date.start.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if date.grain is Grain.MONTH:
        return f"{date.start.year:04d}-{date.start.month:02d}"
    return f"{date.start.year:04d}"


def source_name(source: Source) -> str:
    """What a reader knows an article by: "Outlet: Title", the title, or its first words. Never its file."""
    name = source.title or (f"‘{source.excerpt}’" if source.excerpt else load(LANGUAGE).labels.untitled_source)
    return f"{source.outlet}: {name}" if source.outlet else name


def source_when(source: Source) -> str:
    """Its publication date; an estimated one reads "rond 30 december 2025"."""
    labels = load(LANGUAGE).labels
    day = source.published
    when = (labels.month.format(month=labels.months[day.month - 1], year=day.year)
            if source.published_grain is Grain.MONTH else day_label(labels, day))
    return labels.approximate.format(day=when) if source.approximate else when


def source_text(source: Source) -> str:
    """``Outlet: Title, 3 december 2025`` (and its address, where it has one)."""
    text = f"{source_name(source)}, {source_when(source)}"
    return f"{text} ({source.url})" if source.url else text


def url_escape(url: str, escape: Callable[[str], str]) -> str:
    """An address for a link: Markdown's own form of it (markdown_url); HTML escaping is the template's."""
    return markdown_url(url) if url and escape is not str else url


def span(events: Iterable[Event]) -> str:
    """The years the timeline covers: ``2015–2026``, ``2025``, or empty."""
    events = list(events)
    if not events:
        return ""
    first, last = (heading_year(e.date.start, e.date.end) for e in (events[0], events[-1]))
    return str(first) if first == last else f"{first}–{last}"
