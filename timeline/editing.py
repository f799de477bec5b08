"""What the editor's edits ask of a build: a date phrase resolved (or an ISO day or period), an
event made from a sentence the story left out, a telling split off the event it was merged into,
and the phrase that gives an event's own period back (the review page and the desk offer it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from timeline.models import Event, EventDate, Expression, Grain, Source
from timeline.story.edits import Edit, Edits
from timeline.story.events import Candidate, event_date
from timeline.story.headlines import headline, named
from timeline.story.merge import combine
from timeline.story.relevance import Subject, score
from timeline.story.tagging import forget_texts
from timeline.story.words import story_words
from timeline.temporal import periods
from timeline.temporal.labels import label
from timeline.temporal.tagger import extract

ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:/(\d{4}-\d{2}-\d{2}))?\Z")  # a day, or a period of days (both ends in it)


def edit_date(phrase: str, event: Event, language: str = "nl") -> EventDate | None:
    """An edit's date: an ISO day or period (`2025-11-17/2025-12-17`), else a date phrase resolved
    against the event's first source."""
    reference = event.sources[0].published if event.sources else event.date.start
    return iso_date(phrase.strip(), language) or resolved(phrase, reference, language)


def resolved(phrase: str, reference: dt.date, language: str = "nl") -> EventDate | None:
    found = [e for e in extract(phrase, reference, "past", language) if e.type in ("DATE", "TIME") and e.period]
    return event_date(found[0], language) if found else None


def iso_date(text: str, language: str = "nl") -> EventDate | None:
    found = ISO.match(text)
    if found is None:
        return None
    try:
        start = dt.date.fromisoformat(found[1])
        last = dt.date.fromisoformat(found[2]) if found[2] else start
    except ValueError:
        return None
    if last < start:
        return None
    period = periods.span(start, last + dt.timedelta(days=1), Grain.DAY)
    return EventDate(value=start.isoformat(), mod=None, start=start, end=period.end_date, grain=Grain.DAY,
                     label=label(period, None, language))


def date_phrase(event: Event, language: str = "nl") -> str:
    """What `date = "..."` must say to give the event its own period again: its label when that
    resolves to the same days, else the days it covers as a range phrase ("kort voor 17 december
    2025" is one day when resolved; "17 november – 17 december 2025" is the period), else ISO."""
    date = event.date
    period = periods.span(date.start, date.end, Grain.DAY)
    for phrase in (date.label, label(period, None, language)):
        again = edit_date(phrase, event, language)
        if again is not None and (again.start, again.end) == (date.start, date.end):
            return phrase
    return f"{date.start.isoformat()}/{(date.end - dt.timedelta(days=1)).isoformat()}"


def find_source(name: str, sources: Iterable[Source]) -> Source | None:
    """The article an added event comes from: its path, or the end of it ("a.txt", "news/a.txt")."""
    found = [s for s in sources if s.path == name or s.path.endswith("/" + name)]
    return found[0] if len(found) == 1 else None


def published_date(source: Source, language: str = "nl") -> EventDate:
    """The article's publication: a day (a month for a month-only date), "rond" for an estimate."""
    day = source.published
    period, value = periods.month(day.year, day.month) if source.published_grain == Grain.MONTH else periods.day(day)
    mod = "APPROX" if source.approximate else None
    return event_date(Expression(text="", offset=(0, 0), type="DATE", value=value, mod=mod, period=period), language)


def added_event(key: str, edit: Edit, sources: Iterable[Source], focus: Subject | None,
                language: str = "nl") -> Event | None:
    """An event the editor adds: `text` from the article `source`, at the article's publication
    (the edit's `date` then applies as to any event); its headline made from the text."""
    source = find_source(edit.source, sources) if edit.source else None
    if source is None or not (edit.text or "").strip():
        return None
    forget_texts()  # the headline is the text's own, whatever this process tagged before
    line = named(headline(edit.text, story_words(language)))
    event = Event(id=key, date=published_date(source, language), headline=line, text=edit.text, sources=(source,),
                  edited=True)
    return event.model_copy(update={"relevance": score(event, focus, False, 0)})


def split_off(told: list[tuple[Event, list[Candidate]]], edits: Edits | None, names: frozenset[str],
              focus: Subject | None) -> list[tuple[Event, list[Candidate]]]:
    """Tellings the editor split off (`split = true` on a telling's id) stand alone; the rest of their
    event is made again from the tellings left (a lone undated mention then makes none)."""
    apart = {key for key, edit in edits.edits.items() if edit.split} if edits is not None else set()
    if not apart:
        return told
    result = []
    for event, members in told:
        if len(members) < 2 or not any(m.id in apart for m in members):
            result.append((event, members))
            continue
        rest = [m for m in members if m.id not in apart]
        for group in ([rest] if rest else []) + [[m] for m in members if m.id in apart]:
            made = combine(group, names, focus)
            if made is not None:
                result.append((made, group))
    return result
