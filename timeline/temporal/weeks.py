"""Handlers for weeks by number or place and their parts: "week 23", "de laatste week van 2019",
"dit weekend", "deze werkweek"."""

from __future__ import annotations

import datetime as dt

from timeline.temporal import periods
from timeline.temporal.grammar import Grammar
from timeline.models import Grain
from timeline.temporal.dates import Context, Groups, Resolved, date, day_month, handles, number, ordinal, pick_year
from timeline.temporal.holidays import holiday


def monday_of(day: dt.date, weeks: int = 0) -> dt.date:
    return day - dt.timedelta(days=day.isoweekday() - 1) + dt.timedelta(weeks=weeks)


@handles("week_number")
def week_number(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"week 23": ISO week 23 of the year given, else of the year the direction asks for."""
    number = int(groups["wn"])
    if groups.get("year"):
        return date(periods.week(dt.date.fromisocalendar(int(groups["year"]), number, 1)))
    monday = pick_year(
        ctx,
        lambda y: dt.date.fromisocalendar(y, number, 1),
        lambda y: dt.date.fromisocalendar(y, number, 7),
    )
    return date(periods.week(monday))


def year_of(g: Grammar, groups: Groups, ctx: Context) -> int:
    if groups.get("year"):
        return int(groups["year"])
    shift = int(g.lookup("shift", groups["shift"])) if groups.get("shift") else 0
    return ctx.today.year + shift


@handles("nth_in_year")
def nth_in_year(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"de laatste week van 2019": the year's first or last ISO week (or its first or last day, month)."""
    nth, year = ordinal(g, groups), year_of(g, groups, ctx)
    unit = str(g.lookup("unit", groups["unit"])[0])
    if nth not in (1, -1) and unit != "week":
        return None
    if unit == "day":
        return date(periods.day(dt.date(year, 1, 1) if nth > 0 else dt.date(year, 12, 31)))
    if unit == "month":
        return date(periods.month(year, 1 if nth > 0 else 12))
    if unit != "week":
        return None
    # a year's weeks are its ISO weeks, as Dutch calendars number them: the first holds 4 January,
    # the last 28 December ("de eerste week van 2020" begins on 30 December 2019)
    monday = dt.date.fromisocalendar(year, nth, 1) if nth > 0 else monday_of(dt.date(year, 12, 28))
    return date(periods.week(monday)) if monday.isocalendar()[0] == year else None


@handles("weekend")
def weekend(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """The weekend of last, this or next week; "komend weekend" is the first one still to start;
    "het weekend" by direction (the last one begun, or the one not yet over)."""
    this = monday_of(ctx.today)
    started = ctx.reference >= periods.weekend(this)[0].start
    word = groups.get("shift") or groups.get("shift_b")
    shift = int(g.lookup("shift", word)) if word else None
    if shift is None:
        shift = -1 if ctx.direction == "past" and not started else 0
    elif shift > 0:
        shift = 1 if started else 0
    period, value = periods.weekend(monday_of(ctx.today, shift))
    return Resolved("DATE", value, period)


@handles("weekend_of")
def weekend_of(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"het weekend van 14 juni", "het weekend van Pasen": the weekend of that day's week."""
    day = (day_month if groups.get("month") else holiday)(g, groups, ctx)
    if day is None or day.period is None:
        return None
    period, value = periods.weekend(monday_of(day.period.start_date))
    return Resolved("DATE", value, period)


@handles("workweek")
def workweek(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"deze werkweek": Monday to Friday of the week the shift names."""
    monday = monday_of(ctx.today, int(g.lookup("shift", groups["shift"])))
    _, value = periods.week(monday)
    return Resolved("DATE", value, periods.span(monday, monday + dt.timedelta(days=5), Grain.DAY))


@handles("units_of_year")
def units_of_year(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"de eerste negen maanden van 2024": that many months (quarters, weeks) from the year's start, or up to
    its end for "de laatste"; a quarter or a half where the run is one ("de eerste drie maanden": 2024-Q1),
    else the run of its units, valued as its first ("2024-01", as "de afgelopen negen maanden")."""
    nth, year, count = ordinal(g, groups), year_of(g, groups, ctx), number(g, groups["number"])
    unit = str(g.lookup("unit", groups["unit"])[0])
    if nth not in (1, -1) or count != int(count) or count < 1:
        return None
    if unit == "week":
        return week_run(year, int(count), nth)
    months = int(count) * {"month": 1, "quarter": 3}.get(unit, 0)
    if not 1 <= months < 12:
        return None
    first = 1 if nth > 0 else 13 - months
    if months in (3, 6) and (first - 1) % months == 0:
        return date((periods.quarter if months == 3 else periods.half)(year, (first - 1) // months + 1))
    return date((periods.months(year, first, months, Grain.MONTH), f"{year:04d}-{first:02d}"))


def week_run(year: int, count: int, nth: int) -> Resolved | None:
    """The year's first or last `count` ISO weeks, valued as the first of them."""
    last_week = dt.date(year, 12, 28).isocalendar()[1]
    if not 1 <= count < last_week:
        return None
    first = dt.date.fromisocalendar(year, 1 if nth > 0 else last_week - count + 1, 1)
    iso = first.isocalendar()
    run = periods.span(first, first + dt.timedelta(weeks=count), Grain.WEEK)
    return date((run, f"{iso[0]}-W{iso[1]:02d}"))
