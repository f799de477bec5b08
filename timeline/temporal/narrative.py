"""The text's own timeline: a narrative reference beside the publication date.

News tells a story in order: "Op 3 maart 2024 ... Twee dagen later ...",
"in 2019 ... een jaar later", "van juni tot november 2023 ... tot maart". The
narrative reference is the last date the text placed (TimeML's anchoring
practice). Anaphoric phrases ("twee dagen later", "die maand", "het jaar
daarop") count from it and give nothing without one. An underspecified date
(a bare month or day) takes it as its reference only when it continues a fully
specified month or day: one with its year, or counted from one, in the same
sentence or the two before (a bare year gives its year to nothing). Deictic phrases
("gisteren", "vorige week", "dit jaar") keep the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from timeline.models import Grain, Period
from timeline.temporal import periods
from timeline.temporal.dates import Context, Groups, Resolved, date, handles, number
from timeline.temporal.grammar import Grammar
from timeline.temporal.relative import shift_period
from timeline.temporal.tense import SENTENCE_END

YEAR_IN_TEXT = re.compile(r"(?<![\d.,:])(?:1[0-9]|20)\d\d(?![\d.,:]\d)")
# Rules whose date depends on the reference for its year or month: they may count from the narrative.
UNDERSPECIFIED = {"day_month", "month_day", "month", "season", "numeric_day_month", "day_range", "holiday"}
ANAPHORIC = {"units_later", "unit_after", "next_unit", "same_unit", "then"}
# A clock time said without its day ("De storing begon rond 07.00 uur", after "maandag"): the day the text is at.
CLOCK = {"hour", "daypart_hour", "hour_minute", "clock_hour", "clock_dot", "clock_dot_uur", "clock_range",
         "clock_between", "hour_daypart", "clock", "minutes_hour", "half_hour", "quarter_hour"}
GRAINS = {grain.value for grain in Grain}
REACH = 2  # sentences a month or a day carries its year over
WEEKDAYS = {"weekday", "weekday_alone", "weekday_part", "weekday_part_phrase"}
WEEKDAY_REACH = 8  # sentences a day said with its weekday and number gives its week to a bare weekday
WEEK = dt.timedelta(days=7)
DAYS_KEPT = 4  # days said lately, for a clock time told in the past after one still to come
CLOCK_REACH = 8  # sentences a day carries itself over to a clock time said without one


class Narrative:
    """Follows the dates of one text in order; gives each match the context it counts from."""

    def __init__(self, flat: str, weekdays: frozenset[str] = frozenset(), until: re.Pattern[str] = re.compile("(?!)")):
        self.flat = flat
        self.until = until  # words before a date that make it where a stretch ends
        self.weekdays = weekdays  # the language's weekday names: a day said with one gives its week on
        self.ends: list[int] | None = None  # where sentences end: found when first needed
        self.anchor: Period | None = None  # the last date placed: anaphora count from it
        self.placed: Period | None = None  # the last fully specified date: bare dates may take its year
        self.placed_in = 0  # where in the text it was said
        self.anchor_in = 0  # where the anchor was said
        self.days: list[tuple[Period, int]] = []  # the last days said (or times of them), with where
        self.named_day: dt.date | None = None  # the last day said with its weekday and number ("zondag 12 april")
        self.named_in = 0

    def sentence(self, position: int) -> int:
        if self.ends is None:
            self.ends = [m.end() for m in SENTENCE_END.finditer(self.flat)]
        return bisect_right(self.ends, position)

    def context(self, name: str, text: str, start: int, ctx: Context) -> tuple[Context, bool]:
        """The context to resolve a match in, and whether it counts from the narrative."""
        if name in ANAPHORIC:
            return ctx.anchored(self.anchor), True
        day = self.clock_day(start, ctx) if name in CLOCK else None
        if day is not None:  # a day before the publication gives its day to a clock time told in the past only ("De
            # storing begon gisteren ... Om 07.00 uur ..."), never to one in the present ("Het park opent om 10.00
            # uur"); told in the past, never a day still to come ("debatteren woensdag 18 maart ... Rond 15.30 uur
            # was de stoet ontbonden": the Saturday of the march said before it)
            return Context(self.day_start(day), "future"), True
        if name in UNDERSPECIFIED and not YEAR_IN_TEXT.search(text) and self.continues(start):
            return Context(periods.midnight(self.placed.start_date), "future"), True
        if name in WEEKDAYS and self.named_day is not None and self.sentence(start) - self.sentence(self.named_in) <= \
                WEEKDAY_REACH and self.named_day + WEEK <= ctx.today and ctx.direction == "past":
            # "Roelofs vertrok op zondag 12 april ... Zijn vrouw belde zondagavond de politie": the week the text
            # tells, not the one before its publication
            return Context(periods.midnight(self.named_day + WEEK - dt.timedelta(days=1)), "past"), True
        return ctx, False

    def clock_day(self, start: int, ctx: Context) -> Period | None:
        """The day a bare clock time at `start` belongs to: the last day said in its sentence or the ones before
        (CLOCK_REACH); told in the past, the last such day that is not after the publication."""
        near = [p for p, at in reversed(self.days) if self.sentence(start) - self.sentence(at) <= CLOCK_REACH]
        if not near:
            return None
        if ctx.direction == "past":
            return next((p for p in near if p.start_date <= ctx.today), None)
        return near[0] if near[0].start_date >= ctx.today else None

    @staticmethod
    def day_start(day: Period) -> dt.datetime:
        """Where a bare clock time after a day counts from: its midnight, or the start of a part of the day ("in de
        nacht van maandag op dinsdag ... rond 02.30 uur" is Tuesday's 02.30, after Monday's evening)."""
        part = day.grain.is_time_of_day and day.end - day.start > dt.timedelta(hours=1)
        return day.start if part else periods.midnight(day.start_date)

    def continues(self, start: int) -> bool:
        """A month or a day gives its year on; a bare year does not ("sinds 2018 directeur, kondigde in
        april ..." is this April)."""
        if self.placed is None or self.placed.grain.rank > Grain.MONTH.rank:
            return False
        return self.sentence(start) - self.sentence(self.placed_in) <= REACH

    def update(self, text: str, start: int, resolved: Resolved, narrated: bool) -> None:
        period = resolved.period
        if period is None or resolved.type not in ("DATE", "TIME"):
            return
        self.anchor, self.anchor_in = period, start
        if period.grain.rank <= Grain.DAY.rank and period.end - period.start <= dt.timedelta(days=1) \
                and not self.until.search(self.flat, max(0, start - 20), start):  # never a weekend: it has no one
            self.days = (self.days + [(period, start)])[-DAYS_KEPT:]  # day; nor "tot zondagavond": a stretch's end
        if period.grain is Grain.DAY and self.weekdays & set(re.findall(r"\w+", text)) and re.search(r"\d", text):
            self.named_day, self.named_in = period.start_date, start  # "op zondag 12 april"
        elif self.named_day is not None and calendar_grain(period) is Grain.DAY \
                and not self.named_day <= period.start_date < self.named_day + WEEK:
            self.named_day = None  # the text has gone on to another week
        if narrated or YEAR_IN_TEXT.search(text):
            self.placed, self.placed_in = period, start  # its sentence is found when asked


def agrees(narrated: Resolved, ctx: Context) -> bool:
    """A date counted from the narrative must still fit the clause's tense at publication."""
    if narrated.period is None:
        return False
    if ctx.direction == "past":
        return narrated.period.start <= ctx.reference
    if ctx.direction == "future":
        return narrated.period.end > ctx.reference
    return True


def calendar_grain(period: Period) -> Grain:
    return Grain.DAY if period.grain.is_time_of_day else period.grain


@handles("units_later")
def units_later(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"twee dagen later", "drie jaar eerder": the anchor moved, as precise as the anchor."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    count = number(g, groups["number"])
    unit = str(g.lookup("unit", groups["unit"])[0])
    sign = int(g.lookup("anaphor", groups["anaphor"]))
    if count != int(count) or (moved := periods.moved(anchor.start_date, unit, sign * int(count))) is None:
        return None
    grain = calendar_grain(anchor)
    finer = unit in GRAINS and Grain(unit).rank < grain.rank
    period, value = periods.unit_value(grain, moved)
    return Resolved("DATE", value, period, "APPROX" if finer else None)


@handles("unit_after", "next_unit")
def unit_after(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"de dag erna", "het jaar daarop", "de volgende dag": the unit after the anchor's. "Het weekend
    daarop" is the first weekend after the anchor's day (that week's, from a weekday)."""
    if ctx.anchor is None:
        return None
    sign = int(g.lookup("anaphor", groups["anaphor"])) if groups.get("anaphor") else 1
    day = ctx.anchor.start_date
    if groups.get("weekend"):
        weeks = (1 if day.weekday() >= 5 else 0) if sign > 0 else -1
        period, value = periods.weekend(day - dt.timedelta(days=day.weekday() - 7 * weeks))
        return Resolved("DATE", value, period)
    return unit_from(str(g.lookup("unit", groups["unit"])[0]), day, sign)


@handles("same_unit")
def same_unit(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """"die maand", "diezelfde week", "dat jaar", "die herfst": the unit holding the anchor."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    if groups.get("season"):
        code = str(g.lookup("season", groups["season"]))
        year = anchor.start_date.year
        options = [periods.season(y, code) for y in (year - 1, year, year + 1)]
        return date(next(pv for pv in options if pv[0].end > anchor.start))
    if "plural" in g.lookup("unit", groups["unit"]):
        return None  # "die jaren" is a stretch without edges
    return unit_from(str(g.lookup("unit", groups["unit"])[0]), anchor.start_date, 0)


@handles("then")
def then(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    """A sentence that opens on "Toen" and a past verb happens at the anchor's time."""
    anchor = ctx.anchor
    if anchor is None:
        return None
    return date(periods.unit_value(calendar_grain(anchor), anchor.start_date))


def unit_from(unit: str, day: dt.date, count: int) -> Resolved | None:
    found = shift_period(unit, day, count)
    return date(found) if found else None
