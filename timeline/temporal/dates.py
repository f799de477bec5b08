"""Turn one rule match into a resolved value, given the reference and a direction.

Each handler reads the named groups of its rule and returns a `Resolved`
(or None when the words do not make a real date, e.g. 31 februari).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from timeline.temporal import periods
from timeline.temporal.grammar import Grammar
from timeline.models import Direction, ExprType, Grain, Mod, Period


class Context:
    """The reference moment, and the direction an underspecified date looks in.

    The direction (None: no tense cue, so the reference's own year or week)
    is worked out only when a handler asks for it: most dates never need it.
    """

    def __init__(self, reference: dt.datetime, direction: Direction | None | Callable[[], Direction | None],
                 anchor: Period | None = None, before: str = "", after: str = ""):
        self.reference = reference
        self.today = reference.date()
        self._direction = direction
        self.anchor = anchor  # the narrative reference: the last date the text placed (see temporal.narrative)
        self.before = before  # the lower-case text right before the match ("7,5 procent " before "over vijf jaar")
        self.after = after  # the lower-case text right after it (" 9 procent" after "in twee jaar")

    def anchored(self, anchor: Period | None) -> "Context":
        """The same reference and direction, counting from the narrative's `anchor`."""
        return Context(self.reference, self._direction, anchor, self.before, self.after)

    @property
    def direction(self) -> Direction | None:
        if callable(self._direction):
            self._direction = self._direction()
        return self._direction


@dataclass(frozen=True)
class Resolved:
    type: ExprType
    value: str
    period: Period | None = None
    mod: Mod | None = None
    needs_part: bool = False  # "het jaar" is a date only as "eind van het jaar"
    measure: str | None = None  # "in een week" may be a length: its DURATION value


Found = tuple[int, int, Resolved, str]  # start, end, what it resolves to, the rule

Groups = dict[str, str | None]
Handler = Callable[[Grammar, Groups, Context], Resolved | None]
HANDLERS: dict[str, Handler] = {}


def handles(*names: str):
    def register(func: Handler) -> Handler:
        for name in names:
            HANDLERS[name] = func
        return func

    return register


def date(pv: tuple[Period, str], mod: Mod | None = None, **kw) -> Resolved:
    return Resolved("DATE", pv[1], pv[0], mod, **kw)


def number(g: Grammar, text: str) -> float:
    text = text.strip().lower()
    if text[0].isdigit():
        return float(text.replace(",", "."))
    return float(g.lookup("number", text))


def ordinal(g: Grammar, groups: Groups) -> int:
    if groups.get("ordday"):
        return int("".join(c for c in groups["ordday"] if c.isdigit()))
    return int(g.lookup("ordinal", groups["ordinal"]))


def day_number(g: Grammar, groups: Groups) -> int:
    """The day of the month in figures, ordinal figures ("3e") or words ("eenentwintig", "vijftiende")."""
    if groups.get("day"):
        return int(groups["day"])
    for cls in ("daynumber", "dayordinal"):
        if groups.get(cls):
            return int(g.lookup(cls, groups[cls]))
    return ordinal(g, groups)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick_year(ctx: Context, make: Callable[[int], dt.date | None], last_day=None) -> dt.date | None:
    """The occurrence of a yearly day or month that the direction asks for.

    `make(year)` gives the first day of the occurrence in that year and
    `last_day(year)` its last day (defaults to the same day).
    """
    last_day = last_day or make
    this = ctx.today.year
    if ctx.direction == "past":
        first = make(this)
        return first if first and first <= ctx.today else make(this - 1)
    if ctx.direction == "future":
        last = last_day(this)
        return make(this) if last and last >= ctx.today else make(this + 1)
    return make(this)


def two_digit_year(text: str) -> int:
    value = int(text)
    return value if len(text) == 4 else (1900 + value if value > 50 else 2000 + value)


def weekday_near(ctx: Context, weekday: int, strict: bool = True) -> dt.date:
    today = ctx.today
    if ctx.direction == "past":
        back = (today.isoweekday() - weekday) % 7 or (7 if strict else 0)
        return today - dt.timedelta(days=back)
    if ctx.direction == "future":
        ahead = (weekday - today.isoweekday()) % 7 or (7 if strict else 0)
        return today + dt.timedelta(days=ahead)
    return today + dt.timedelta(days=weekday - today.isoweekday())


def with_weekday(g: Grammar, groups: Groups, ctx: Context, make) -> dt.date | None:
    """A day given without a year: by direction, or by the weekday named with it."""
    if not groups.get("weekday"):
        return pick_year(ctx, make)
    weekday = int(g.lookup("weekday", groups["weekday"]))
    matching = [d for y in (-1, 0, 1) if (d := make(ctx.today.year + y)) and d.isoweekday() == weekday]
    return min(matching, key=lambda d: abs((d - ctx.today).days)) if matching else pick_year(ctx, make)


@handles("day_month", "month_day", "day_monthword", "day_of_month")
def day_month(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    day = day_number(g, groups)
    month = int(g.lookup("month", groups.get("month") or groups["monthname"]))
    if groups.get("year"):
        found = safe_date(two_digit_year(groups["year"]), month, day)
    else:
        found = with_weekday(g, groups, ctx, lambda y: safe_date(y, month, day))
    return date(periods.day(found)) if found else None


@handles("numeric_date")
def numeric_date(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    found = safe_date(two_digit_year(groups["year"]), int(groups["nmonth"]), int(groups["day"]))
    return date(periods.day(found)) if found else None


@handles("numeric_day_month")
def numeric_day_month(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    day, month = int(groups["day"]), int(groups["nmonth"])
    found = with_weekday(g, groups, ctx, lambda y: safe_date(y, month, day))
    return date(periods.day(found)) if found else None


@handles("day_range")
def day_range(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    month = int(g.lookup("month", groups["month"]))
    first, last = int(groups["day"]), int(groups["day_b"])
    year = int(groups["year"]) if groups.get("year") else pick_year(ctx, lambda y: safe_date(y, month, first)).year
    start, end = safe_date(year, month, first), safe_date(year, month, last)
    if not (start and end and start < end):
        return None
    period = periods.span(start, end + dt.timedelta(days=1), Grain.DAY)
    return Resolved("DATE", start.isoformat(), period)


@handles("ordinal_day")
def ordinal_day(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    day = ordinal(g, groups)
    if not 1 <= day <= 31:
        return None
    found = day_of_nearby_month(ctx, day)
    return date(periods.day(found)) if found else None


def day_of_nearby_month(ctx: Context, day: int) -> dt.date | None:
    """Day `day` of the month before, of or after the reference's, as the direction asks."""
    today = ctx.today
    candidates = [d for k in (-1, 0, 1) if (d := safe_date(*periods.add_months(today.year, today.month, k), day))]
    if ctx.direction == "past":
        return max(d for d in candidates if d <= today)
    if ctx.direction == "future":
        return min(d for d in candidates if d >= today)
    return safe_date(today.year, today.month, day)


def year_or(groups: Groups, ctx: Context, key: str = "year") -> int:
    return int(groups[key]) if groups.get(key) else ctx.today.year


def month_said(g: Grammar, groups: Groups, ctx: Context) -> tuple[int, int]:
    """(year, month) of "maart", "maart 2026" or "de volgende maand"."""
    if groups.get("shift"):
        return periods.add_months(ctx.today.year, ctx.today.month, int(g.lookup("shift", groups["shift"])))
    month = int(g.lookup("month", groups["monthname"]))
    return (int(groups["year"]) if groups.get("year") else year_of_month(ctx, month)), month


def year_of_month(ctx: Context, month: int) -> int:
    """The year of the month `month` that the direction asks for."""
    return pick_year(ctx, lambda y: dt.date(y, month, 1), lambda y: dt.date(y, month, periods.month_length(y, month))).year


@handles("nth_in_month")
def nth_in_month(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    nth, (year, month) = ordinal(g, groups), month_said(g, groups, ctx)
    unit = str(g.lookup("unit", groups["unit"])[0]) if groups.get("unit") else None
    if groups.get("weekday"):
        found = periods.nth_weekday(year, month, int(g.lookup("weekday", groups["weekday"])), nth)
    elif unit == "week":
        monday = periods.nth_weekday(year, month, 1, nth)
        if nth < 0 and monday.day + 6 > periods.month_length(year, month):
            monday -= dt.timedelta(days=7)  # the last week wholly inside the month
        return date(periods.week(monday))
    elif unit == "day":
        length = periods.month_length(year, month)
        found = safe_date(year, month, length if nth < 0 else nth)
    else:
        return None
    return date(periods.day(found)) if found and found.month == month else None


def directed_by_shift(g: Grammar, groups: Groups, ctx: Context) -> Context:
    """"afgelopen september", "komende Pasen": the shift word sets the direction (not the tense)."""
    if not groups.get("shift"):
        return ctx
    shift = int(g.lookup("shift", groups["shift"]))
    return Context(ctx.reference, "past" if shift < 0 else "future" if shift > 0 else None, ctx.anchor)


@handles("month_year", "month_dash_year")
def month_year(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    word = groups.get("monthname") or groups["month"]
    return date(periods.month(int(groups["year"]), int(g.lookup("month", word))))


@handles("month", "shift_monthname")
def month(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    number_ = int(g.lookup("month", groups["monthname"]))
    return date(periods.month(year_of_month(directed_by_shift(g, groups, ctx), number_), number_))


@handles("shift_month", "month_shift")
def shift_month(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    year = ctx.today.year + int(g.lookup("shift", groups["shift"]))
    return date(periods.month(year, int(g.lookup("month", groups["monthname"]))))


@handles("year")
def year(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    return date(periods.year(int(groups["lone_year"])))


@handles("decade")
def decade(g: Grammar, groups: Groups, ctx: Context) -> Resolved | None:
    if groups.get("dec4"):
        return date(periods.decade(int(groups["dec4"]) * 10))
    tens = int(groups["dec2"]) if groups.get("dec2") else int(g.lookup("decade", groups["decade"]))
    century = 2000 if tens * 10 + 2000 <= ctx.today.year - 10 else 1900
    return date(periods.decade(century + tens * 10))
