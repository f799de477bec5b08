"""Score a story's timeline against its gold: the rules of the news folders' README.

A gold (`gold.json`) lists the dated facts an editor would put on the timeline and the
forbidden items a naive tool turns into events. `score(timeline, gold)` says which facts
the events tell and date right, which events are forbidden, extra or duplicates, and the
date precision, recall and F1 of timeline summarisation. Plain functions over the JSON
contract's models; only `load_gold` reads a file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationError

from timeline.contract import Event, Model, Timeline
from timeline.errors import TimelineError, bounded, field_of
from timeline.models import Grain

Span = tuple[dt.date, dt.date]  # start inclusive, end exclusive
GOLD_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")
GOLD_GRAIN = {4: Grain.YEAR, 7: Grain.MONTH, 10: Grain.DAY}  # a gold date's grain by its length
TIMEX = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|W(\d{2})|Q([1-4])|H([12])|(SP|SU|FA|WI)))?(?![\d-])")
DECADE = re.compile(r"(\d{3})X?\Z")
SEASON = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
LENGTH_GRAIN = ((1, Grain.DAY), (7, Grain.WEEK), (31, Grain.MONTH), (92, Grain.QUARTER), (183, Grain.HALF),
                (366, Grain.YEAR))


def gold_date(text: str) -> str:
    if not GOLD_DATE.match(text):
        raise ValueError("write the date as YYYY-MM-DD, YYYY-MM or YYYY")
    gold_span(text)  # a month 13 or a 30 February is an error here
    return text


GoldDate = Annotated[str, AfterValidator(gold_date)]


class Fact(Model):
    id: str
    date: GoldDate
    what: str
    keywords: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = ()


class Forbidden(Model):
    why: str
    keywords: tuple[str, ...] = Field(min_length=1)
    date: GoldDate | None = None
    sources: tuple[str, ...] = ()


class Gold(Model):
    subject: str
    aliases: tuple[str, ...] = ()
    facts: tuple[Fact, ...]
    forbidden: tuple[Forbidden, ...] = ()


def load_gold(path: Path) -> Gold:
    """The gold in `path`; anything else (bad JSON, an unknown or missing field) is a one-line error."""
    from timeline.bounded import GOLD, json_of, read_bounded

    data = read_bounded(path, GOLD, "give the story's gold.json, a regular file of at most 16 MB")
    try:
        return Gold.model_validate(json_of(data))
    except ValidationError as error:
        problem = error.errors()[0]
        raise TimelineError(f"{path}: {field_of(problem, 'gold')}: {bounded(problem['msg'])}") from None
    except ValueError as error:  # malformed or nested too deep (after ValidationError, a ValueError too)
        raise TimelineError(f"{path}: not JSON: {bounded(error, 300)}") from None


# Periods and grains -------------------------------------------------------------------------

def month_span(year: int, month: int, months: int = 1) -> Span:
    end = year * 12 + month - 1 + months
    return dt.date(year, month, 1), dt.date(end // 12, end % 12 + 1, 1)


def gold_span(text: str) -> Span:
    """The period a gold date names: its day, month or year."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day + dt.timedelta(days=1)
    return month_span(parts[0], parts[1]) if len(parts) == 2 else month_span(parts[0], 1, 12)


def value_span(value: str) -> Span | None:
    """The period a TIMEX3 value names (2023, 2023-10, 2023-10-17T..., 2023-W41, 2023-Q4, 2023-H1,
    2023-SU, 202X), or None (PRESENT_REF, an unknown form)."""
    found = TIMEX.match(value)
    if found is None:
        decade = DECADE.match(value)
        return (dt.date(int(decade[1]) * 10, 1, 1), dt.date(int(decade[1]) * 10 + 10, 1, 1)) if decade else None
    year, month, day, week, quarter, half, season = found.groups()
    year = int(year)
    try:
        if day:
            start = dt.date(year, int(month), int(day))
            return start, start + dt.timedelta(days=1)
        if week:
            start = dt.date.fromisocalendar(year, int(week), 1)
            return start, start + dt.timedelta(days=7)
        if season:
            return month_span(year, SEASON[season], 3)
        months = (int(month), 1) if month else (3 * int(quarter) - 2, 3) if quarter else (6 * int(half) - 5, 6) if half else (1, 12)
        return month_span(year, *months)
    except ValueError:
        return None


def length_grain(days: int) -> Grain:
    return next((grain for longest, grain in LENGTH_GRAIN if days <= longest), Grain.DECADE)


def event_grain(event: Event) -> Grain:
    """The coarser of the event's stated grain and the grain its length implies."""
    implied = length_grain((event.date.end - event.date.start).days)
    return max(event.date.grain, implied, key=lambda grain: grain.rank)


def event_spans(event: Event) -> list[Span]:
    """The event's date start..end and the period its TIMEX3 value names."""
    named = value_span(event.date.value)
    return [(event.date.start, event.date.end)] + ([named] if named else [])


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# The rules ------------------------------------------------------------------------------------

def holds(event: Event, keywords: tuple[str, ...]) -> bool:
    """The event's headline plus text holds one of the keywords (case-insensitive substring)."""
    text = f"{event.headline}\n{event.text}".casefold()
    return any(keyword.casefold() in text for keyword in keywords)


def fits(event: Event, date: str) -> bool:
    """A day wants a day-grain event within one day of it; a month or year an event that overlaps
    it and is not coarser than it."""
    grain, (start, end) = event_grain(event), gold_span(date)
    if GOLD_GRAIN[len(date)] is Grain.DAY:
        near = (start - dt.timedelta(days=1), end + dt.timedelta(days=1))
        return grain is Grain.DAY and any(s[0] >= near[0] and s[1] <= near[1] for s in event_spans(event))
    return grain.rank <= GOLD_GRAIN[len(date)].rank and any(overlaps(s, (start, end)) for s in event_spans(event))


def dated_right(event: Event, fact: Fact) -> bool:
    return holds(event, fact.keywords) and fits(event, fact.date)


def hits(event: Event, item: Forbidden) -> bool:
    """The event holds one of the item's keywords, and overlaps its date if it has one."""
    at_date = item.date is None or any(overlaps(s, gold_span(item.date)) for s in event_spans(event))
    return at_date and holds(event, item.keywords)


# The score ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FactScore:
    fact: Fact
    told_by: tuple[Event, ...]  # the events that tell it, in timeline order
    right: bool  # one of them dates it right


@dataclass(frozen=True)
class Score:
    events: int
    facts: tuple[FactScore, ...]
    forbidden: tuple[tuple[Event, Forbidden], ...]  # each forbidden event with the first item it hits
    extra: tuple[Event, ...]  # the events that date no fact right and are not forbidden
    event_dates: frozenset[str]  # the events' dates at their grains (see date_key)
    gold_dates: frozenset[str]
    matched_event_dates: int  # event dates that match a gold date
    matched_gold_dates: int  # gold dates some event date matches

    @property
    def told(self) -> int:
        return sum(bool(f.told_by) for f in self.facts)

    @property
    def dated_right(self) -> int:
        return sum(f.right for f in self.facts)

    @property
    def duplicates(self) -> tuple[FactScore, ...]:
        return tuple(f for f in self.facts if len(f.told_by) > 1)

    @property
    def date_prf(self) -> tuple[float, float, float]:
        return prf(self.matched_event_dates, len(self.event_dates), self.matched_gold_dates, len(self.gold_dates))


def prf(matched_found: int, found: int, matched_gold: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and their harmonic mean (0 where a count is 0)."""
    precision = matched_found / found if found else 0.0
    recall = matched_gold / gold if gold else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def date_key(event: Event) -> str:
    """The event's date at its grain (event_grain): the day of a day, the month of a week or a month,
    the year of a season up to a year, `start/end` of anything longer (which no gold date matches)."""
    grain, start = event_grain(event), event.date.start
    if grain is Grain.DAY:
        return start.isoformat()
    if grain.rank <= Grain.MONTH.rank:
        return start.isoformat()[:7]
    return str(start.year) if grain.rank <= Grain.YEAR.rank else f"{start.isoformat()}/{event.date.end.isoformat()}"


def date_matches(key: str, gold: str) -> bool:
    """An event date matches a gold date when it is as fine or finer and lies in it: 2023-03-08,
    2023-03 and 2023 all match a gold 2023; only 2023-03-08 matches a gold 2023-03-08."""
    return GOLD_DATE.match(key) is not None and len(key) >= len(gold) and key[:len(gold)] == gold


def score(timeline: Timeline, gold: Gold) -> Score:
    """How `timeline` tells the story `gold` holds, by the rules of the news folders' README.

    Every event is one of three: it dates a fact right, or it is forbidden, or it is extra. An
    event that tells a fact only at a wrong date is extra unless it hits a forbidden item (the
    README's "tell no fact" read as "tell no fact at its right date", as its forbidden rule
    says; this gives the figures the folders' READMEs report)."""
    events = timeline.events
    facts = tuple(FactScore(fact, told := tuple(e for e in events if holds(e, fact.keywords)),
                            any(fits(e, fact.date) for e in told)) for fact in gold.facts)
    right = {id(e) for e in events if any(dated_right(e, fact) for fact in gold.facts)}
    forbidden = tuple((e, item) for e in events if id(e) not in right
                      for item in [next((i for i in gold.forbidden if hits(e, i)), None)] if item is not None)
    hit = {id(e) for e, _ in forbidden}
    extra = tuple(e for e in events if id(e) not in hit and id(e) not in right)
    found, wanted = frozenset(map(date_key, events)), frozenset(f.date for f in gold.facts)
    return Score(len(events), facts, forbidden, extra, found, wanted,
                 sum(any(date_matches(k, g) for g in wanted) for k in found),
                 sum(any(date_matches(k, g) for k in found) for g in wanted))


# The report -----------------------------------------------------------------------------------

HEADER = ("| story | events | facts told | dated right | forbidden | extra | duplicates | date P | date R | date F1 |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")


def row(name: str, events: int, told: int, right: int, facts: int, counts: tuple[int, int, int],
        prf_: tuple[float, float, float]) -> str:
    cells = [name, str(events), f"{told}/{facts}", f"{right}/{facts} ({right / facts if facts else 0:.2f})",
             *map(str, counts), *(f"{x:.2f}" for x in prf_)]
    return "| " + " | ".join(cells) + " |"


def table(scores: list[tuple[str, Score]]) -> list[str]:
    """A Markdown table: a row per story and, for more than one, the total (date P/R/F1 over the
    pooled counts of every story)."""
    lines = list(HEADER)
    for name, s in scores:
        lines.append(row(name, s.events, s.told, s.dated_right, len(s.facts),
                         (len(s.forbidden), len(s.extra), len(s.duplicates)), s.date_prf))
    if len(scores) > 1:
        total = lambda attr: sum(attr(s) for _, s in scores)  # noqa: E731
        pooled = prf(total(lambda s: s.matched_event_dates), total(lambda s: len(s.event_dates)),
                     total(lambda s: s.matched_gold_dates), total(lambda s: len(s.gold_dates)))
        counts = (total(lambda s: len(s.forbidden)), total(lambda s: len(s.extra)), total(lambda s: len(s.duplicates)))
        lines.append(row("total", total(lambda s: s.events), total(lambda s: s.told), total(lambda s: s.dated_right),
                         total(lambda s: len(s.facts)), counts, pooled))
    return lines


def said(event: Event) -> str:
    return f"{event.date.value} ({event.date.start}..{event.date.end}, {event_grain(event).value}) {event.headline!r}"


def failures(name: str, s: Score) -> list[str]:
    """The facts not dated right (with what the events that tell them said), the forbidden events, the duplicates."""
    lines = [f"{name}: facts not dated right"]
    for f in s.facts:
        if not f.right:
            told = "; ".join(map(said, f.told_by)) or "told by no event"
            lines.append(f"  {f.fact.id} {f.fact.date} {f.fact.what}: {told}")
    lines.append(f"{name}: forbidden events")
    lines += [f"  {said(event)}: {item.why}" for event, item in s.forbidden]
    lines.append(f"{name}: duplicates")
    lines += [f"  {f.fact.id} {f.fact.date} told by {len(f.told_by)}: " + "; ".join(map(said, f.told_by))
              for f in s.duplicates]
    return lines
