"""Handlers for days said in more words: a day-month range in figures ("14/10 - 15/10"), a day of
a relative year ("3 augustus vorig jaar"), "de vijftiende", and a weekday's part of the day
("donderdagochtend", "donderdag aan het eind van de middag")."""

from __future__ import annotations

import datetime as dt

from timeline.temporal import periods, relative
from timeline.temporal.grammar import Grammar
from timeline.models import Grain, Period
from timeline.temporal.dates import (
    Context, Groups, Resolved, date, day_number, day_of_nearby_month, handles, pick_year, safe_date,
)


@handles("numeric_day_month_range")
def numeric_day_month_range(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"14/10 - 15/10": the first day by direction, the last the next time after it."""
    first = pick_year(ctx, lambda y: safe_date(y, int(groups["nmonth"]), int(groups["day"])))
    last_day, last_month = int(groups["day_b"]), int(groups["nmonth_b"])
    last = safe_date(first.year, last_month, last_day) if first else None
    if last and last < first:
        last = safe_date(first.year + 1, last_month, last_day)
    if not (first and last and first < last and (last - first).days < 366):
        return None
    return Resolved("DATE", first.isoformat(), periods.span(first, last + dt.timedelta(days=1), Grain.DAY))


@handles("day_month_shift")
def day_month_shift(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"3 augustus vorig jaar": the day in the year the shift names."""
    year = ctx.today.year + int(g.lookup("shift", groups["shift"]))
    found = safe_date(year, int(g.lookup("month", groups["month"])), day_number(g, groups))
    return date(periods.day(found)) if found else None


@handles("day_ordinal")
def day_ordinal(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"de vijftiende": that day of the month the shift names, else of the nearest month the direction asks for."""
    if groups.get("dayordinal_b") or groups.get("ordday_b"):
        groups = {**groups, "dayordinal": groups.get("dayordinal_b"), "ordday": groups.get("ordday_b")}
    day = day_number(g, groups)
    today = ctx.today
    if groups.get("shift"):
        year, month = periods.add_months(today.year, today.month, int(g.lookup("shift", groups["shift"])))
        found = safe_date(year, month, day)
    else:
        found = day_of_nearby_month(ctx, day)
    return date(periods.day(found)) if found else None


@handles("weekday_dayordinal")
def weekday_dayordinal(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"woensdag de achttiende": that day of the month nearest the reference on which it is that weekday."""
    day, weekday, today = day_number(g, groups), int(g.lookup("weekday", groups["weekday"])), ctx.today
    months = (periods.add_months(today.year, today.month, k) for k in range(-6, 7))
    matching = [d for year, month in months if (d := safe_date(year, month, day)) and d.isoweekday() == weekday]
    return date(periods.day(min(matching, key=lambda d: abs((d - today).days)))) if matching else None


def weekday_of(g: Grammar, groups: Groups, ctx: Context, word: str) -> dt.date | None:
    """The day a weekday names, as the weekday rule reads it (by its shift, else by direction); None when it names
    no day ("op een zondagochtend": any Sunday)."""
    found = relative.weekday(g, {"weekday": word, "shift": groups.get("shift")}, ctx)
    return found.period.start_date if found is not None and found.period is not None else None


def part_of(day: dt.date, part: str, first: int, last: int, mod: str | None) -> Resolved:
    start = periods.midnight(day)
    period = Period(start=start + dt.timedelta(hours=first), end=start + dt.timedelta(hours=last), grain=Grain.HOUR)
    return Resolved("TIME", f"{day.isoformat()}T{part}", period, mod)


@handles("weekday_part")
def weekday_part(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"donderdagochtend", "vrijdag avond": that part of the day the weekday names."""
    word, part = g.lookup("weekdaypart", groups["weekdaypart"])
    first, last = g.language.part_hours[part]
    day = weekday_of(g, groups, ctx, word)
    return part_of(day, part, first, last, None) if day is not None else None


@handles("weekday_part_phrase")
def weekday_part_phrase(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"donderdag aan het eind van de middag": the hours the phrase gives, on the weekday."""
    part, mod, first, last = g.lookup("partphrase", groups["partphrase"])
    day = weekday_of(g, groups, ctx, groups["weekday"])
    return part_of(day, part, first, last, mod or None) if day is not None else None


NIGHT = (18, 30)  # a night said with both its days runs from the first one's evening to the next morning


@handles("night_of_weekdays")
def night_of_weekdays(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"in de nacht van zaterdag op zondag": the night that begins on the first weekday ("zaterdagnacht")."""
    day = weekday_of(g, groups, ctx, groups["weekday"])
    return part_of(day, "NI", *NIGHT, None) if day is not None else None


@handles("night_of_days")
def night_of_days(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"de nacht van 12 op 13 juli", "van 31 januari op 1 februari" said as "van 31 op 1 februari": the night
    that begins on the day before the second day, which must be the first day said."""
    month, said, following = int(g.lookup("month", groups["month"])), int(groups["day"]), int(groups["day_b"])
    make = lambda y: safe_date(y, month, following)  # noqa: E731
    second = safe_date(int(groups["year"]), month, following) if groups.get("year") else pick_year(ctx, make)
    night = second - dt.timedelta(days=1) if second else None
    if night is None or night.day != said:
        return None
    return part_of(night, "NI", *NIGHT, None)
