"""Calendar periods and their TIMEX3 values: pure arithmetic, no words."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from timeline.models import Grain, Mod, Period

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


@lru_cache(maxsize=4096)  # the same years and months recur across articles; a Period is immutable
def span(start: dt.date, end: dt.date, grain: Grain) -> Period:
    return Period(start=midnight(start), end=midnight(end), grain=grain)


def months(year: int, month: int, count: int, grain: Grain) -> Period:
    """`count` whole months from the first of `month`."""
    end = add_months(year, month, count)
    return span(dt.date(year, month, 1), dt.date(*end, 1), grain)


def day(value: dt.date) -> tuple[Period, str]:
    return span(value, value + dt.timedelta(days=1), Grain.DAY), value.isoformat()


def week(value: dt.date) -> tuple[Period, str]:
    """The ISO week (Monday to Sunday) holding `value`."""
    monday = value - dt.timedelta(days=value.isoweekday() - 1)
    iso = monday.isocalendar()
    period = span(monday, monday + dt.timedelta(days=7), Grain.WEEK)
    return period, f"{iso.year}-W{iso.week:02d}"


def month(year: int, number: int) -> tuple[Period, str]:
    return months(year, number, 1, Grain.MONTH), f"{year:04d}-{number:02d}"


def year(number: int) -> tuple[Period, str]:
    return months(number, 1, 12, Grain.YEAR), f"{number:04d}"


def decade(first_year: int) -> tuple[Period, str]:
    return months(first_year, 1, 120, Grain.DECADE), f"{first_year // 10:03d}"


def quarter(number_year: int, number: int) -> tuple[Period, str]:
    period = months(number_year, 3 * number - 2, 3, Grain.QUARTER)
    return period, f"{number_year:04d}-Q{number}"


def half(number_year: int, number: int) -> tuple[Period, str]:
    period = months(number_year, 6 * number - 5, 6, Grain.HALF)
    return period, f"{number_year:04d}-H{number}"


def season(number_year: int, code: str) -> tuple[Period, str]:
    """Meteorological seasons; winter 2025 runs from December 2025 into 2026."""
    period = months(number_year, SEASON_MONTHS[code], 3, Grain.SEASON)
    return period, f"{number_year:04d}-{code}"


def season_of(value: dt.date) -> tuple[int, str]:
    """The season holding `value`, as (year it is named after, code)."""
    for code, first in sorted(SEASON_MONTHS.items(), key=lambda kv: -kv[1]):
        if value.month >= first:
            return value.year, code
    return value.year - 1, "WI"


def part(period: Period, mod: Mod) -> Period:
    """START, MID or END third of a period.

    A month splits at the 11th and the 21st; a year at May and September;
    anything else into three stretches of (nearly) equal days.
    """
    start, end = period.start.date(), period.end.date()
    if period.grain == Grain.MONTH:
        cuts = [start, start.replace(day=11), start.replace(day=21), end]
    elif period.grain == Grain.YEAR:
        cuts = [start, start.replace(month=5), start.replace(month=9), end]
    else:
        third = (end - start).days / 3
        cuts = [start + dt.timedelta(days=round(third * i)) for i in range(3)] + [end]
    index = {"START": 0, "MID": 1, "END": 2}[mod]
    grain = Grain.DAY if period.grain == Grain.MONTH else period.grain
    return span(cuts[index], cuts[index + 1], grain)


def moved(day: dt.date, unit: str, count: int) -> dt.date | None:
    """`day` moved `count` calendar units (a month on from 31 januari is 28 or 29 februari); None for
    a unit without a calendar step."""
    if unit in ("day", "week"):
        return day + dt.timedelta(days=count * (7 if unit == "week" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit)
    if months is None:
        return None
    year, month = add_months(day.year, day.month, count * months)
    return dt.date(year, month, min(day.day, month_length(year, month)))


def safe_replace_year(day: dt.date, year: int) -> dt.date | None:
    """The same day in another year, or None (29 februari)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def month_length(number_year: int, number: int) -> int:
    return calendar.monthrange(number_year, number)[1]


def nth_weekday(number_year: int, number: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based; -1 = last) ISO weekday of a month."""
    if nth > 0:
        first = dt.date(number_year, number, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=shift + 7 * (nth - 1))
    last = dt.date(number_year, number, month_length(number_year, number))
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def rolling(reference: dt.date, unit_months: int, direction: int) -> tuple[Period, int]:
    """`unit_months` up to and including the reference day, or right after it.

    Returns the period and the calendar year holding most of it.
    """
    after = reference + dt.timedelta(days=1)
    if direction < 0:
        start_y, start_m = add_months(after.year, after.month, -unit_months)
        start = dt.date(start_y, start_m, min(after.day, month_length(start_y, start_m)))
        end = after
    else:
        end_y, end_m = add_months(after.year, after.month, unit_months)
        start, end = after, dt.date(end_y, end_m, min(after.day, month_length(end_y, end_m)))
    year_end = dt.date(start.year + 1, 1, 1)
    first_part, second_part = (min(end, year_end) - start).days, (end - min(end, year_end)).days
    dominant = start.year if first_part >= second_part else start.year + 1
    return span(start, end, Grain.YEAR if unit_months == 12 else Grain.MONTH), dominant


def unit(grain: Grain, day: dt.date) -> Period:
    """The calendar unit of `grain` (a day, ISO week, month, season, ..., decade) holding `day`."""
    return unit_value(grain, day)[0]


def unit_value(grain: Grain, day: dt.date) -> tuple[Period, str]:
    """That unit with its TIMEX3 value."""
    if grain is Grain.WEEK:
        return week(day)
    if grain is Grain.SEASON:
        return season(*season_of(day))
    made = {
        Grain.MONTH: lambda: month(day.year, day.month),
        Grain.QUARTER: lambda: quarter(day.year, (day.month - 1) // 3 + 1),
        Grain.HALF: lambda: half(day.year, (day.month - 1) // 6 + 1),
        Grain.YEAR: lambda: year(day.year),
        Grain.DECADE: lambda: decade(day.year // 10 * 10),
    }.get(grain, lambda: globals()["day"](day))
    return made()


def aligned(period: Period) -> bool:
    """Whether the period is exactly the calendar unit of its grain (not a stretch cut at a reference)."""
    if period.grain.is_time_of_day:
        return False
    found = unit(period.grain, period.start_date)
    return (found.start, found.end) == (period.start, period.end)


def whole(part_period: Period) -> Period:
    """The calendar unit a START, MID or END part was cut from: a month's part has day grain."""
    several_days = part_period.grain is Grain.DAY and part_period.end - part_period.start > dt.timedelta(days=1)
    return unit(Grain.MONTH if several_days else part_period.grain, part_period.start_date)


WEEKEND_START = (5, 18)  # Friday 18:00, as Duckling has it; the weekend ends when Monday begins


def weekend(monday: dt.date) -> tuple[Period, str]:
    """The weekend of the ISO week starting on `monday`: Friday 18:00 to Monday 00:00."""
    weekday, hour = WEEKEND_START
    start = midnight(monday) + dt.timedelta(days=weekday - 1, hours=hour)
    iso = monday.isocalendar()
    return Period(start=start, end=midnight(monday + dt.timedelta(days=7)), grain=Grain.HOUR), f"{iso.year}-W{iso.week:02d}-WE"
