"""Handlers for times of day: 14:15, 3 uur 's middags, half vier, kwart voor 12."""

from __future__ import annotations

import datetime as dt

from timeline.temporal.grammar import Grammar
from timeline.models import Grain, Period
from timeline.temporal.dates import Context, Groups, Resolved, handles, number


def at(day: dt.date, hour: int, minute: int, grain: Grain) -> Resolved:
    moment = dt.datetime(day.year, day.month, day.day) + dt.timedelta(hours=hour, minutes=minute)
    step = dt.timedelta(hours=1) if grain == Grain.HOUR else dt.timedelta(minutes=1)
    period = Period(start=moment, end=moment + step, grain=grain)
    return Resolved("TIME", moment.isoformat(timespec="minutes"), period)


AFTERNOON_HOURS = (1, 6)  # a twelve-hour time said without a part of the day and without tense


def place(ctx: Context, hour: int, minute: int, twelve_hour: bool, grain: Grain, fixed_day: bool = False) -> Resolved:
    """A time of day on the reference day, or the next one when looking ahead.

    A time said on a twelve-hour clock ("3 uur", "half vier") is the first of
    its two readings that is still to come; with no tense, one to six o'clock
    is in the afternoon.
    """
    today = ctx.today
    options = [hour, hour + 12] if twelve_hour and hour < 12 else [hour]
    if ctx.direction is None and len(options) == 2 and AFTERNOON_HOURS[0] <= hour <= AFTERNOON_HOURS[1]:
        options.reverse()  # with no tense, "om drie uur" and "half vier" are in the afternoon, as people mean them
    if ctx.direction != "future" or fixed_day:
        return at(today, options[0], minute, grain)
    for day in (today, today + dt.timedelta(days=1)):
        for option in options:
            candidate = at(day, option, minute, grain)
            if candidate.period.start >= ctx.reference:
                return candidate
    return at(today, options[0], minute, grain)


def hour_of(g: Grammar, text: str) -> int | None:
    value = number(g, text)
    return int(value) if value == int(value) and 0 <= value <= 24 else None


def daypart_hour(g: Grammar, groups: Groups, hour: int) -> tuple[int, bool]:
    """The hour on a 24-hour clock, and whether it is still ambiguous."""
    if not groups.get("daypart"):
        return hour, hour <= 12
    shift = int(g.lookup("daypart", groups["daypart"]))
    return (hour + shift if hour < 12 else hour), False


@handles("day_part")
def day_part(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"vanavond": this evening, 18:00 to midnight; "morgenochtend": tomorrow before noon. A phrase
    that is also said after a day ("vroeg in de avond") covers the same hours as there (18:00 to 20:00)."""
    offset, part = g.lookup("daypartword", groups["daypartword"])
    first, last = g.language.part_hours[part]
    mod = None
    if groups["daypartword"] in g.words["partphrase"]:
        _, mod, first, last = g.lookup("partphrase", groups["daypartword"])
    if part == "NI" and offset == 0 and ctx.direction == "past":
        offset = -1  # "ProRail heeft vannacht de bomen weggehaald": the night that ended this morning
    day = ctx.reference.replace(hour=0, minute=0, second=0, microsecond=0) + dt.timedelta(days=offset)
    period = Period(start=day + dt.timedelta(hours=first), end=day + dt.timedelta(hours=last), grain=Grain.HOUR)
    return Resolved("TIME", f"{day.date().isoformat()}T{part}", period, mod or None)


@handles("clock")
def clock(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    hour, minute = int(groups["hh"]), int(groups["mm"])
    if hour > 23:
        return None
    hour, _ = daypart_hour(g, groups, hour)
    return place(ctx, hour, minute, False, Grain.MINUTE, bool(groups.get("daypart")))


def led(g: Grammar, groups: Groups, resolved: Resolved | None) -> Resolved | None:
    """"tot 11 uur", "vanaf 14u": the word the rule took in before the time sets its mod."""
    lead = groups.get("lead")
    if resolved is None or not lead or lead not in g.words["signal"]:
        return resolved
    return Resolved(resolved.type, resolved.value, resolved.period, g.lookup("signal", lead))


@handles("hour", "hour_daypart", "daypart_hour", "hour_minute", "hour_bound", "clock_hour")
def hour(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    value = hour_of(g, groups["hh"])
    if value is None or value > 23:
        return None
    value, ambiguous = daypart_hour(g, groups, value)
    minute = int(groups["mm"]) if groups.get("mm") else 0
    grain = Grain.MINUTE if minute else Grain.HOUR
    return led(g, groups, place(ctx, value, minute, ambiguous, grain, bool(groups.get("daypart"))))


@handles("clock_dot", "clock_dot_uur")
def clock_dot(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"om 7.15", "17.30 uur": a clock time written with a full stop."""
    hour, minute = int(groups["hh"]), int(groups["mm"])
    if hour > 23:
        return None
    hour, _ = daypart_hour(g, groups, hour)
    return led(g, groups, place(ctx, hour, minute, False, Grain.MINUTE, bool(groups.get("daypart"))))


@handles("clock_range", "clock_between")
def clock_range(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"9:30 - 11:00", "tussen 9:30 en 11:00": from the first time to the end of the last minute."""
    first = (int(groups["hh"]), int(groups["mm"]))
    last = (int(groups["hh2"]), int(groups["mm2"]))
    if max(first[0], last[0]) > 23 or last <= first:
        return None
    start = place(ctx, *first, False, Grain.MINUTE)
    day = start.period.start.replace(hour=0, minute=0)
    end = day + dt.timedelta(hours=last[0], minutes=last[1] + 1)
    return Resolved("TIME", start.value, Period(start=start.period.start, end=end, grain=Grain.MINUTE))


@handles("minutes_hour")
def minutes_hour(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"twintig over drie", "tien voor half vier", "vijf over half tien 's ochtends"."""
    value, mins = hour_of(g, groups["hh"]), number(g, groups["mins"])
    if value is None or not 1 <= value <= 24 or mins != int(mins) or not 1 <= mins <= (29 if groups.get("half") else 30):
        return None
    sign = 1 if groups["cdir"] == "over" else -1
    minutes = value * 60 - (30 if groups.get("half") else 0) + sign * int(mins)
    hour, ambiguous = daypart_hour(g, groups, minutes // 60)
    return place(ctx, hour % 24, minutes % 60, ambiguous, Grain.MINUTE, bool(groups.get("daypart")))


@handles("half_hour", "quarter_hour")
def half_hour(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    value = hour_of(g, groups["hh"])
    if value is None or not 1 <= value <= 24:
        return None
    if groups.get("qdir"):
        minutes = value * 60 + int(g.lookup("qdir", groups["qdir"]))
    else:
        minutes = value * 60 - 30
    value, ambiguous = daypart_hour(g, groups, minutes // 60)
    return place(ctx, value % 24, minutes % 60, ambiguous, Grain.MINUTE, bool(groups.get("daypart")))
