"""Holidays and named days: fixed ones from the language file, movable feasts computed ("Pasen",
"Koningsdag", "de eerste zondag na Pasen"), with a shift or a year said with them."""

from __future__ import annotations

import datetime as dt

from timeline.temporal import periods
from timeline.temporal.dates import Context, Groups, Resolved, date, handles, ordinal, pick_year, directed_by_shift, year_or
from timeline.temporal.grammar import Grammar


def holiday_date(g: Grammar, word: str, year: int) -> dt.date | None:
    rule = str(g.lookup("holiday", word))
    if rule == "king":  # Koningsdag: 27 April, the 26th when the 27th is a Sunday
        day = dt.date(year, 4, 27)
        return day - dt.timedelta(days=1) if day.isoweekday() == 7 else day
    if rule == "queen":  # Koninginnedag (1949-2013): 30 April, the 29th when the 30th is a Sunday
        day = dt.date(year, 4, 30)
        return day - dt.timedelta(days=1) if day.isoweekday() == 7 else day
    if rule.startswith("easter"):  # Pasen and the feasts counted from it (Hemelvaart +39, Pinksteren +49)
        from dateutil.easter import easter

        return easter(year) + dt.timedelta(days=int(rule[6:]))
    if " " in rule:
        nth, weekday, month = (int(x) for x in rule.split())
        return periods.nth_weekday(year, month, weekday, nth)
    month, day = (int(x) for x in rule.split("-"))
    return dt.date(year, month, day)


@handles("holiday")
def holiday(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    word = groups["holiday"]
    if groups.get("year"):
        found = holiday_date(g, word, int(groups["year"]))
    elif groups.get("shift_b"):
        found = holiday_date(g, word, ctx.today.year + int(g.lookup("shift", groups["shift_b"])))
    else:
        found = pick_year(directed_by_shift(g, groups, ctx), lambda y: holiday_date(g, word, y))
    return date(periods.day(found))


@handles("nth_after_holiday")
def nth_after_holiday(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    feast = holiday_date(g, groups["holiday"], year_or(groups, ctx))
    weekday, nth = int(g.lookup("weekday", groups["weekday"])), ordinal(g, groups)
    if nth < 1:
        return None
    first = feast + dt.timedelta(days=(weekday - feast.isoweekday()) % 7 or 7)
    return date(periods.day(first + dt.timedelta(weeks=nth - 1)))
