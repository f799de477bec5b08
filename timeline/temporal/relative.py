"""Handlers for dates relative to the reference: weeks, shifts, rolling spans,
`geleden`/`over`, seasons and parts of the year, vague references, durations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from timeline.temporal import periods
from timeline.temporal.grammar import Grammar
from timeline.models import Grain
from timeline.temporal.dates import (
    Context,
    Groups,
    Resolved,
    date,
    handles,
    number,
    ordinal,
    pick_year,
    weekday_near,
)

UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120}


def unit_of(g: Grammar, groups: Groups) -> tuple[str, str]:
    """(grain, TIMEX duration letter) of the rule's unit word."""
    grain, letter, *_ = g.lookup("unit", groups["unit"])
    return grain, letter


def plural(g: Grammar, groups: Groups) -> bool:
    return "plural" in g.lookup("unit", groups["unit"])


def shift_period(unit: str, today: dt.date, count: int):
    """The week, month, quarter or year `count` steps from the one holding today."""
    if unit == "week":
        return periods.week(today + dt.timedelta(weeks=count))
    if unit == "day":
        return periods.day(today + dt.timedelta(days=count))
    if unit == "month":
        return periods.month(*periods.add_months(today.year, today.month, count))
    if unit == "quarter":
        y, m = periods.add_months(today.year, today.month, 3 * count)
        return periods.quarter(y, (m - 1) // 3 + 1)
    if unit == "year":
        return periods.year(today.year + count)
    return None


@handles("season")
def season(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    code = str(g.lookup("season", groups["season"]))
    if groups.get("year"):
        return date(periods.season(int(groups["year"]), code))
    if groups.get("shift_b"):  # "de zomer van vorig jaar"
        return date(periods.season(ctx.today.year + int(g.lookup("shift", groups["shift_b"])), code))
    if groups.get("shift"):
        shift = int(g.lookup("shift", groups["shift"]))
        ctx = Context(ctx.reference, {-1: "past", 1: "future"}.get(shift))
    first = pick_year(
        ctx,
        lambda y: periods.season(y, code)[0].start_date,
        lambda y: periods.season(y, code)[0].end_date - dt.timedelta(days=1),
    )
    return date(periods.season(first.year, code))


@handles("quarter", "quarter_code", "quarter_k")
def quarter(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    number_ = int(groups["qn"]) if groups.get("qn") else ordinal(g, groups)
    if not 1 <= number_ <= 4:
        return None
    if groups.get("year") or groups.get("thisyear") or groups.get("shift_b"):  # "het vierde kwartaal van vorig jaar"
        shift = int(g.lookup("shift", groups["shift_b"])) if groups.get("shift_b") else 0
        return date(periods.quarter(int(groups["year"]) if groups.get("year") else ctx.today.year + shift, number_))
    if ctx.direction != "past":
        return date(periods.quarter(ctx.today.year, number_))  # alone: this year's, or in a report of the past
    first = pick_year(ctx, lambda y: periods.quarter(y, number_)[0].start_date)  # the last one that has begun
    return date(periods.quarter(first.year, number_))


@handles("half", "half_code")
def half(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    number_ = int(groups["hn"]) if groups.get("hn") else ordinal(g, groups)
    if number_ not in (1, 2):
        return None
    year = int(groups["year"]) if groups.get("year") else ctx.today.year
    if groups.get("shift"):
        year += int(g.lookup("shift", groups["shift"]))
    return date(periods.half(year, number_))


@handles("the_unit")
def the_unit(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    found = shift_period(unit_of(g, groups)[0], ctx.today, 0)
    return date(found, needs_part=True) if found else None


@handles("week_weekday", "weekday_week")
def week_weekday(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    shift = 1 if groups.get("overweek") else int(g.lookup("shift", groups["shift"]))
    monday = ctx.today - dt.timedelta(days=ctx.today.isoweekday() - 1)
    weekday = int(g.lookup("weekday", groups["weekday"]))
    return date(periods.day(monday + dt.timedelta(weeks=shift, days=weekday - 1)))


@handles("weekday", "weekday_alone")
def weekday(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    if not groups.get("shift") and any_day(g.language.any_day_after.words).search(ctx.before):
        return None  # "meer file dan op een gewone donderdag": any Thursday, no date
    number_ = int(g.lookup("weekday", groups["weekday"]))
    if groups.get("shift"):
        shift = int(g.lookup("shift", groups["shift"]))
        ctx = Context(ctx.reference, {-1: "past", 1: "future"}.get(shift))
    # In a report of the past a bare weekday is the most recent one, the publication day included.
    strict = bool(groups.get("shift")) or ctx.direction != "past"
    return date(periods.day(weekday_near(ctx, number_, strict)))


@handles("day_word")
def day_word(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    offset = int(g.lookup("dayword", groups["dayword"]))
    return date(periods.day(ctx.today + dt.timedelta(days=offset)))


@handles("shift_unit")
def shift_unit(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    shift = int(g.lookup("shift", groups["shift"]))
    grain, _ = unit_of(g, groups)
    if plural(g, groups):
        return Resolved("DATE", "PAST_REF" if shift < 0 else "FUTURE_REF" if shift else "PRESENT_REF")
    found = shift_period(grain, ctx.today, shift)
    return date(found) if found else None


@handles("within_year")
def within_year(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    side = str(g.lookup("within", groups["within"]))
    found = shift_period(unit_of(g, groups)[0], ctx.today, 0)
    if found is None:
        return None
    whole, value = found
    start, end = whole.start_date, whole.end_date
    if side == "before":
        end = ctx.today
    else:
        start = ctx.today + dt.timedelta(days=1)
    if end <= start:
        return None
    return Resolved("DATE", value, periods.span(start, end, whole.grain))


def count_of(g: Grammar, groups: Groups) -> float:
    count = number(g, groups["number"]) if groups.get("number") else 1
    return count + (0.5 if groups.get("andhalf") else 0)


@handles("rolling", "rolling_bare")
def rolling(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    key = "rolling" if groups.get("rolling") else "shift"
    direction = int(g.lookup(key, groups[key]))
    grain, _ = unit_of(g, groups)
    if not groups.get("number") and plural(g, groups):
        return Resolved("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    if direction == 0:
        return None
    count = count_of(g, groups)
    if grain == "year" and not groups.get("number"):
        period, dominant = periods.rolling(ctx.today, 12, direction)
        return Resolved("DATE", f"{dominant:04d}", period)
    return whole_units(grain, int(count), direction, ctx)


def whole_units(grain: str, count: int, direction: int, ctx: Context) -> Resolved | None:
    """`count` whole units just before the current one, or just after it."""
    if grain in ("second", "minute", "hour"):
        step = dt.timedelta(**{grain + "s": 1})
        now = truncate(ctx.reference, grain)
        first = now - count * step if direction < 0 else now + step
        period = periods.Period(start=first, end=first + count * step, grain=Grain(grain))
        return Resolved("TIME", first.isoformat(timespec="minutes"), period)
    edges = [shift_period(grain, ctx.today, k) for k in (direction, direction * count)]
    if None in edges:
        return None
    first, last = sorted(edges, key=lambda pv: pv[0].start)
    period = periods.Period(start=first[0].start, end=last[0].end, grain=first[0].grain)
    return Resolved("DATE", first[1], period)


def truncate(moment: dt.datetime, grain: str) -> dt.datetime:
    keep = {"second": {}, "minute": {"second": 0}, "hour": {"second": 0, "minute": 0}}[grain]
    return moment.replace(microsecond=0, **keep)


@handles("ago")
def ago(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"drie weken geleden": that many units back from the reference."""
    return counted(g, groups, ctx, -count_of(g, groups))


@handles("ahead")
def ahead(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"over twee weken": that many units on from the reference.

    "in een week" in a clause about the past is how long something took; elsewhere it
    carries that length too, for a superlative before it ("het hoogste niveau in een week").
    """
    if groups.get("inside") and ctx.direction == "past":
        return duration(g, groups, ctx)
    if not groups.get("inside") and rated(g.language.lengths_after.words).search(ctx.before):
        return duration(g, groups, ctx)  # "een rendement van 7,5 procent over vijf jaar": a length
    if rate_after(g.language.lengths_after.words).match(ctx.after):
        return duration(g, groups, ctx)  # "krijgen er in twee jaar 9 procent bij": a length, the rate after it
    found = counted(g, groups, ctx, count_of(g, groups))
    return replace(found, measure=duration(g, groups, ctx).value) if found and groups.get("inside") else found


@lru_cache(maxsize=None)
def ends_on(words: tuple[str, ...], between: str) -> re.Pattern[str]:
    """One of `words` and then `between` right before a match (a rule's context, `Context.before`), compiled once."""
    return re.compile(rf"(?:^|\s|\d)(?:{'|'.join(map(re.escape, words))})\s+{between}$")


def rated(words: tuple[str, ...]) -> re.Pattern[str]:
    """A rate word up to two words before the match ("5 procent loonsverhoging ")."""
    return ends_on(words, r"(?:[\w-]+\s+){0,2}")


@lru_cache(maxsize=None)
def rate_after(words: tuple[str, ...]) -> re.Pattern[str]:
    """A figure and a rate word right after the match (" 9 procent", " nog eens 2,5 procent")."""
    return re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}\d[\d.,]*\s*(?:{'|'.join(map(re.escape, words))})(?!\w)")


def any_day(words: tuple[str, ...]) -> re.Pattern[str]:
    """An indefinite article, and maybe an adjective, right before the match ("een gewone ")."""
    return ends_on(words, r"(?:[a-zà-ÿ]+e\s+)?")


@handles("within_units")
def within(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"binnen twee weken": from the reference up to that many units on (the last day whole)."""
    point = counted(g, groups, ctx, count_of(g, groups))
    if point is None or point.period is None or point.period.start <= ctx.reference:
        return None
    end = point.period.end if point.period.grain.is_time_of_day else periods.midnight(point.period.start_date)
    period = periods.Period(start=ctx.reference, end=end, grain=min(point.period.grain, Grain.DAY, key=lambda g: g.rank))
    return Resolved(point.type, point.value, period, "BEFORE")


def counted(g: Grammar, groups: Groups, ctx: Context, count: float) -> Resolved | None:
    grain, _ = unit_of(g, groups)
    if grain in ("second", "minute", "hour", "quarterhour"):
        # "over een uur": a moment that far from the reference moment, one grain finer than the unit
        seconds = {"second": 1, "minute": 60, "hour": 3600, "quarterhour": 900}[grain] * count
        moment = ctx.reference + dt.timedelta(seconds=round(seconds))
        fine, step = (Grain.MINUTE, 60) if grain == "hour" else (Grain.SECOND, 1)
        period = periods.Period(start=moment, end=moment + dt.timedelta(seconds=step), grain=fine)
        return Resolved("TIME", moment.isoformat(timespec="minutes" if step == 60 else "seconds"), period)
    if grain in ("day", "week"):
        return date(periods.day(ctx.today + dt.timedelta(days=count * (7 if grain == "week" else 1))))
    if grain == "month":
        return date(periods.day(periods.moved(ctx.today, "month", int(count))))
    if grain in ("year", "decade"):
        years = int(count) * (10 if grain == "decade" else 1)
        return date(periods.month(ctx.today.year + years, ctx.today.month), "APPROX")
    return None


@handles("vague")
def vague(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    return Resolved("DATE", str(g.lookup("vague", groups["vague"])))


@handles("every_weekday")
def every_weekday(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    return Resolved("SET", f"XXXX-WXX-{int(g.lookup('weekday', groups['weekday']))}")


@handles("every_unit")
def every_unit(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    grain, letter = unit_of(g, groups)
    count = count_of(g, groups) * (15 if grain == "quarterhour" else 1)
    clock = grain in ("second", "minute", "hour", "quarterhour")
    return Resolved("SET", f"P{'T' if clock else ''}{count:g}{letter}")


@handles("frequency")
def frequency(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    return Resolved("SET", str(g.lookup("frequency", groups["frequency"])))


@handles("duration")
def duration(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    grain, letter = unit_of(g, groups)
    count = count_of(g, groups) + (0.5 if groups.get("andhalf") else 0)
    if grain == "quarterhour":
        count, letter = count * 15, "M"
    amount = f"{count:g}"
    clock = grain in ("second", "minute", "hour", "quarterhour")
    mod = str(g.lookup("qmod", groups["qmod"])) if groups.get("qmod") else ""
    value = f"PT{amount}{letter}" if clock else f"P{amount}{letter}"
    return Resolved("DURATION", value, None, mod or None)
