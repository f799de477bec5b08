"""The words a reader sees for a period: "begin december 2025", "zomer 2025"."""

from __future__ import annotations

import datetime as dt

from timeline import periods
from timeline.language import Labels, load
from timeline.models import Expression, Grain, Period


def day_label(labels: Labels, day: dt.date) -> str:
    return labels.day.format(day=day.day, month=labels.months[day.month - 1], year=day.year)


def aligned(period: Period, value: str) -> bool:
    """Whether the period is the whole calendar unit its value names."""
    return not value[:1].isalpha() and periods.value_period(value) == (period.start, period.end)


def range_label(labels: Labels, period: Period) -> str:
    first, last = period.start_date, period.end_date - dt.timedelta(days=1)
    if first == last:
        return day_label(labels, first)
    head = day_label(labels, first)
    if first.year == last.year:  # "1 januari tot en met 16 december 2025"
        head = head.rsplit(" ", 1)[0]
    return labels.range.format(first=head, last=day_label(labels, last))


def base_label(labels: Labels, value: str, period: Period) -> str:
    start = period.start_date
    if period.grain.is_time_of_day:
        return labels.time.format(day=day_label(labels, start), time=period.start.strftime("%H:%M"))
    if not aligned(period, value):
        return range_label(labels, period)
    kind = periods.value_kind(value)
    year = int(value[:4]) if kind != "decade" else None
    if kind == "day":
        return day_label(labels, start)
    if kind == "week":
        return labels.week.format(week=int(value[6:]), year=year)
    if kind == "month":
        return labels.month.format(month=labels.months[start.month - 1], year=year)
    if kind == "season":
        return labels.season.format(season=labels.seasons[value[5:]], year=year)
    if kind in ("quarter", "half"):
        template = labels.quarter if kind == "quarter" else labels.half
        return template.format(ordinal=labels.ordinals[int(value[6:]) - 1], year=year)
    if kind == "decade":
        return labels.decade.format(tens=f"'{value[2]}0")
    return labels.year.format(year=year)


def label(expr: Expression, language: str = "nl") -> str:
    """The Dutch reading of an expression's period, with its modifier."""
    labels = load(language).labels
    value, period, mod = expr.value, expr.period, expr.mod
    if mod in ("START", "MID", "END"):
        whole = periods.value_period(value)
        if whole is not None:  # "eind 2022": the part is read from the whole
            grain = Grain.MONTH if len(value) == 7 else period.grain
            period = Period(start=whole[0], end=whole[1], grain=grain)
    text = base_label(labels, value, period)
    return labels.mods[mod].format(label=text) if mod else text
