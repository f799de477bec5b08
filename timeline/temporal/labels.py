"""The words a reader sees for a period: "begin december 2025", "zomer 2025".

Labels are made from the period and its modifier; the TIMEX3 value string is
for output only.
"""

from __future__ import annotations

import datetime as dt

from timeline.models import Grain, Mod, Period
from timeline.temporal import periods
from timeline.temporal.language import Labels, load

PARTS = ("START", "MID", "END")


def day_label(labels: Labels, day: dt.date) -> str:
    return labels.day.format(day=day.day, month=labels.months[day.month - 1], year=day.year)


def range_label(labels: Labels, period: Period, template: str | None = None) -> str:
    first, last = period.start_date, period.end_date - dt.timedelta(days=1)
    if template:  # a night: its evening's day and the next
        last = first + dt.timedelta(days=1)
    if first == last:
        return day_label(labels, first)
    head = day_label(labels, first)
    if first.year == last.year:  # "1 januari tot en met 16 december 2025"
        head = head.rsplit(" ", 1)[0]
    if (first.year, first.month) == (last.year, last.month):  # "24 – 30 november 2025"
        head = str(first.day)
    return (template or labels.range).format(first=head, last=day_label(labels, last))


def unit_label(labels: Labels, period: Period) -> str:
    """A whole calendar unit: "16 april 2025", "13 – 19 januari 2025" (a week), "zomer 2025", "jaren '90"."""
    start, grain = period.start_date, period.grain
    if grain is Grain.DAY:
        return day_label(labels, start)
    if grain is Grain.WEEK:  # a reader knows a week by its days: "24 – 30 november 2025", not "week 48 van 2025"
        return range_label(labels, period)
    if grain is Grain.MONTH:
        return labels.month.format(month=labels.months[start.month - 1], year=start.year)
    if grain is Grain.SEASON:
        named_year, code = periods.season_of(start)
        return labels.season.format(season=labels.seasons[code], year=named_year)
    if grain in (Grain.QUARTER, Grain.HALF):
        size = 3 if grain is Grain.QUARTER else 6
        template = labels.quarter if grain is Grain.QUARTER else labels.half
        return template.format(ordinal=labels.ordinals[(start.month - 1) // size], year=start.year)
    if grain is Grain.DECADE:
        return labels.decade.format(tens=f"'{str(start.year)[2]}0")
    return labels.year.format(year=start.year)


NIGHT = dt.timedelta(hours=12)  # a night said with both its days: from six in the evening to six in the morning


def base_label(labels: Labels, period: Period) -> str:
    if period.grain.is_time_of_day and period.end - period.start == NIGHT and period.start.hour == 18:
        return range_label(labels, period, labels.night)  # "nacht van 12 op 13 juli 2025"
    if period.grain.is_time_of_day and period.end - period.start > dt.timedelta(days=1):
        return range_label(labels, period)  # a weekend: "19 – 21 december 2025", not its first hour
    part = day_part(labels, period.start.hour) if period.end - period.start > dt.timedelta(hours=1) else None
    if period.grain.is_time_of_day and part:  # "dinsdagochtend": the day and its part, no clock time
        return labels.day_part.format(day=day_label(labels, period.start_date), part=part)
    if period.grain.is_time_of_day:
        return base_clock(labels, period)
    if periods.aligned(period):
        return unit_label(labels, period)
    if period.grain is Grain.YEAR and YEAR_DAYS[0] <= (period.end - period.start).days <= YEAR_DAYS[1]:
        return labels.year_until.format(day=day_label(labels, period.end_date - dt.timedelta(days=1)))
    return range_label(labels, period)


YEAR_DAYS = (364, 367)  # a year counted back from a day, however its ends fall


def label(period: Period, mod: Mod | None = None, language: str = "nl") -> str:
    """The Dutch reading of a period with its modifier; a part ("eind 2022") is read from its whole."""
    labels = load(language).labels
    if mod in PARTS and period.grain.is_time_of_day:  # "woensdag aan het eind van de middag": that day, 's middags
        return base_label(labels, period)
    text = base_label(labels, periods.whole(period) if mod in PARTS else period)
    if mod == "APPROX" and period.grain.is_time_of_day and text == base_clock(labels, period):
        return labels.approximate_time.format(day=day_label(labels, period.start_date), time=period.start.strftime("%H:%M"))
    return labels.mods[mod].format(label=text) if mod else text


def base_clock(labels: Labels, period: Period) -> str:
    return labels.time.format(day=day_label(labels, period.start_date), time=period.start.strftime("%H:%M"))


def day_part(labels: Labels, hour: int) -> str | None:
    """The part of the day an hour falls in ("'s middags" from 12:00), by the language's day_parts."""
    starts = [int(start) for start in labels.day_parts if int(start) <= hour]
    return labels.day_parts[str(max(starts))] if starts else None
