"""Arithmetic on an anchor: "drie dagen na vandaag", "twee weken voor Pasen", "een maand na 1 maart".

A count of units with "na" or "voor" right before a date moves that date. The date must be one the
tagger found: "een week na de verkiezingen" names an event without a date and gives nothing. A
count finer than its anchor ("twee dagen na maart") cannot say which day: the anchor then keeps
its plain reading ("na maart"). The clause's direction holds for the moved date: "een jaar na
kerst" looking ahead is the first such day still to come, counted from last Christmas if need be.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Callable

from timeline.temporal import periods
from timeline.temporal.dates import HANDLERS, Context, Found, Resolved, number
from timeline.temporal.grammar import Grammar
from timeline.temporal.joins import word_before
from timeline.models import Direction, Grain

DirectionAt = Callable[[int], Direction | None]


def apply_offsets(grammar: Grammar, pad: str, found: list[Found], ref: dt.datetime, direction_at: DirectionAt) -> list[Found]:
    """Each date with a count of units before it ("drie dagen na ...") moved by that count.

    The count is part of the date now: what was found inside it ("twee dagen" before "later dan") goes.
    """
    kept: list[Found] = []
    for item in found:
        moved = offset(grammar, pad, item, ref, direction_at)
        while kept and kept[-1][1] > moved[0]:
            kept.pop()
        kept.append(moved)
    return kept


def offset(grammar: Grammar, pad: str, item: Found, ref: dt.datetime, direction_at: DirectionAt) -> Found:
    start, end, resolved, name = item
    if resolved.type != "DATE" or resolved.period is None or resolved.mod is not None:
        return item
    match = word_before(grammar, pad, start, "offset")
    if not match:
        return item
    count = number(grammar, match.group("n"))
    if count != int(count):
        return item
    steps = int(count) * int(grammar.lookup("offset", match.group("w")))
    unit = str(grammar.lookup("unit", match.group("u"))[0])
    direction = direction_at(start)
    options = [resolved] if direction is None else readings(grammar, pad, item, ref)
    moved = [m for r in options if (m := shifted(r.period.grain, r.period.start_date, unit, steps))]
    today = ref.date()
    if direction == "future":
        moved = sorted((m for m in moved if m[0].end_date > today), key=lambda m: m[0].start) or moved
    elif direction == "past":
        moved = sorted((m for m in moved if m[0].start_date <= today), key=lambda m: m[0].start, reverse=True) or moved
    if not moved:
        return item
    return match.start(), end, Resolved("DATE", moved[0][1], moved[0][0]), name


@lru_cache(maxsize=None)
def rule_pattern(grammar: Grammar, name: str) -> re.Pattern[str] | None:
    source = dict(grammar.rules).get(name)
    return re.compile(source) if source else None


def readings(grammar: Grammar, pad: str, item: Found, ref: dt.datetime) -> list[Resolved]:
    """The anchor read looking back and looking ahead ("kerst": last Christmas and the next one)."""
    start, end, resolved, name = item
    pattern = rule_pattern(grammar, name)
    match = pattern.fullmatch(pad, start, end + 1) if pattern else None
    if match is None:
        return [resolved]
    found = [resolved]
    for direction in ("past", "future"):
        try:
            reading = HANDLERS[name](grammar, match.groupdict(), Context(ref, direction))
        except (ValueError, OverflowError, KeyError):
            reading = None
        if reading is not None and reading.period is not None:
            found.append(reading)
    return found


def shifted(grain: Grain, first: dt.date, unit: str, steps: int):
    """The calendar unit of `grain` `steps` units from the one starting on `first`, or None."""
    moved = periods.moved(first, unit, steps)
    if moved is None:
        return None
    if grain is Grain.DAY:
        return periods.day(moved)
    if grain is Grain.WEEK and unit == "week":
        return periods.week(moved)
    if grain is Grain.MONTH and unit not in ("day", "week"):
        return periods.month(moved.year, moved.month)
    if grain is Grain.YEAR and unit in ("year", "decade"):
        return periods.year(moved.year)
    return None
