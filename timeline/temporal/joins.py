"""What joins a match to the words and matches beside it.

Words before a match refine it ("eind 2022", "sinds 2015"); words after it set
its mod, its part of the day or its hour ("11 uur op zijn laatst", "15 februari
's morgens", "23 okt. om zeven"); two days make a range ("aug 8 - aug 12") and a
day and a time one moment ("16 april 2025 om 14:20").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.temporal import clock, periods
from timeline.temporal.dates import Found, Resolved
from timeline.temporal.grammar import Grammar
from timeline.temporal.narrative import UNDERSPECIFIED, YEAR_IN_TEXT
from timeline.models import Grain, Period

AFTERNOON_CLOCK = {"AF", "EV"}  # TIMEX parts of the day whose hours are said on the afternoon clock
PARTABLE = {Grain.WEEK, Grain.MONTH, Grain.SEASON, Grain.QUARTER, Grain.HALF, Grain.YEAR, Grain.DECADE}


def attach_prefixes(grammar: Grammar, pad: str, item: Found) -> Found:
    """Take in a part ("eind") and a signal ("sinds") standing right before (`pad`: see `padded`)."""
    start, end, resolved, name = item
    period = resolved.period
    if period is not None and period.grain in PARTABLE and resolved.mod is None:
        part = word_before(grammar, pad, start, "part")
        if part:
            mod = grammar.lookup("part", part.group("w"))
            resolved = Resolved(resolved.type, resolved.value, periods.part(period, mod), mod)
            start = part.start()
    if resolved.type in ("DATE", "TIME") and resolved.period is not None:
        signal = word_before(grammar, pad, start, "signal")
        if signal:
            resolved = Resolved(resolved.type, resolved.value, resolved.period,
                                resolved.mod or grammar.lookup("signal", signal.group("w")))
            start = signal.start()
    return start, end, resolved, name


def word_before(grammar: Grammar, pad: str, start: int, cls: str) -> re.Match[str] | None:
    """The phrase of `cls` ending right before `start`; the regex runs only when the word there can end one."""
    tail = pad[max(0, start - 40) : start + 1].rstrip()
    if not tail.endswith(last_words(grammar, cls)):
        return None
    return grammar.prefixes[cls].search(pad, max(0, start - 40), start + 1)


@lru_cache(maxsize=None)
def last_words(grammar: Grammar, cls: str) -> tuple[str, ...]:
    """The last word of each phrase of `cls` ("van" of "begin van")."""
    return tuple({phrase.split()[-1] for phrase in grammar.words[cls]})


def attach_after(grammar: Grammar, pad: str, item: Found) -> Found:
    """Take in what may follow a match: a signal, a part of the day, an hour (one quick test first)."""
    if not grammar.prefixes["after"].match(pad, item[1] + 1):
        return item
    return attach_bare_hour(grammar, pad, attach_daypart(grammar, pad, attach_suffix(grammar, pad, item)))


def attach_suffix(grammar: Grammar, pad: str, item: Found) -> Found:
    """"11 uur op zijn laatst": a signal right after a time or date sets its mod."""
    start, end, resolved, name = item
    after = grammar.prefixes["signal_after"].match(pad, end + 1)
    if not after or resolved.period is None or resolved.type not in ("DATE", "TIME"):
        return item
    mod = grammar.lookup("signal_after", after.group("w"))
    return start, after.end() - 1, Resolved(resolved.type, resolved.value, resolved.period, mod), name


def without_overlaps(found: list[Found]) -> list[Found]:
    """Drop a match that an earlier one grew over ("3 maart, laat in de avond")."""
    kept: list[Found] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def attach_bare_hour(grammar: Grammar, pad: str, item: Found) -> Found:
    """"23 okt. om zeven", "vanavond rond 7": an hour said without "uur" right after a day or a part of one."""
    start, end, resolved, name = item
    if resolved.period is None or resolved.period.grain not in (Grain.DAY, Grain.HOUR):
        return item
    after = grammar.glue["bare_hour"].match(pad, end + 1)
    if not after or kind(resolved) not in ("day", "part"):
        return item
    hour = clock.hour_of(grammar, after.group("hh"))
    if hour is None or not 0 <= hour <= 23:
        return item
    moment = periods.midnight(resolved.period.start_date) + dt.timedelta(hours=hour)
    time = Resolved("TIME", "", Period(start=moment, end=moment + dt.timedelta(hours=1), grain=Grain.HOUR))
    if kind(resolved) == "part":
        joined = part_with_time(item, (after.start(), after.end() - 1, time, "hour"))[2]
    else:
        joined = on_day(resolved, time)
    mod = grammar.lookup("signal", after.group("lead")) if after.group("lead") in grammar.words["signal"] else None
    return start, after.end() - 1, Resolved(joined.type, joined.value, joined.period, mod or joined.mod), "day_time"


def attach_daypart(grammar: Grammar, pad: str, item: Found) -> Found:
    """"15 februari 's morgens", "dinsdag in de avond": that part of that day."""
    start, end, resolved, name = item
    if resolved.period is None or resolved.period.grain != Grain.DAY or resolved.mod is not None:
        return item
    after = grammar.prefixes["daypart_after"].match(pad, end + 1)
    if not after:
        return item
    code, mod, first, last = grammar.lookup("partphrase", after.group("w"))
    day = resolved.period.start
    period = Period(start=day + dt.timedelta(hours=first), end=day + dt.timedelta(hours=last), grain=Grain.HOUR)
    return start, after.end() - 1, Resolved("TIME", f"{day.date().isoformat()}T{code}", period, mod or None), "day_daypart"


def join_ranges(grammar: Grammar, flat: str, found: list[Found]) -> list[Found]:
    """"aug 8 - aug 12", "van 14/10/2013 tot 15/10/2013", "van juni tot november 2023", "tussen 2010 en
    2015": one period."""
    joined: list[Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        opener = previous and range_opener(grammar, flat, previous, item)
        if opener is not None:
            previous = joined[-1] = year_from_end(flat, previous, item)
            grain = range_grain(previous[2], item[2])
            if grain is not None:
                period = Period(start=previous[2].period.start, end=item[2].period.end, grain=grain)
                joined[-1] = (opener, item[1], Resolved("DATE", previous[2].value, period), "range")
                continue
        joined.append(item)
    return joined


def range_opener(grammar: Grammar, flat: str, first: Found, last: Found) -> int | None:
    """Where a range of `first` to `last` starts ("van juni", "tussen 2010"), or None if they make none."""
    between, before = flat[first[1] : last[0]], flat[max(0, first[0] - 8) : first[0]]
    if grammar.glue["range"].match(between):
        opener = grammar.glue["range_start"].search(before)
    elif grammar.glue["range_and"].match(between):
        opener = grammar.glue["between_start"].search(before)  # "en" joins a range only after "tussen"
        if opener is None:
            return None
    else:
        return None
    return first[0] - len(before) + opener.start() if opener else first[0]


def range_grain(one: Resolved, other: Resolved) -> Grain | None:
    """Two days or two months within a year, or two years, make a range of that grain."""
    if is_month(one) and is_month(other):
        return Grain.MONTH if within_a_year(one, other) else None
    if kind(one) == kind(other) == "day":
        return Grain.DAY if within_a_year(one, other) else None
    if is_year(one) and is_year(other) and one.period.end <= other.period.start:
        return Grain.YEAR
    return None


def year_from_end(flat: str, first: Found, last: Found) -> Found:
    """"van juni tot november 2023": a start said without its year takes the end's (the year before
    when it would come after the end). With no year on either end, a start read after its end moves
    back ("tussen augustus en oktober", said in September and looking ahead: August of this year)."""
    one, other = first[2], last[2]
    if not (kind(one) == kind(other) == "day" or (is_month(one) and is_month(other))):
        return first
    if first[3] not in UNDERSPECIFIED or YEAR_IN_TEXT.search(flat[first[0] : first[1]]):
        return first  # "van volgende vrijdag tot 1 okt. 2020": a day of its own
    if not YEAR_IN_TEXT.search(flat[last[0] : last[1]]) and one.period.start < other.period.start:
        return first
    day = one.period.start_date
    for year in (other.period.start.year, other.period.start.year - 1):
        moved = periods.safe_replace_year(day, year)
        if moved is not None and moved < other.period.start_date + dt.timedelta(days=1):
            grain = one.period.grain
            period, value = periods.day(moved) if grain is Grain.DAY else periods.month(moved.year, moved.month)
            return first[0], first[1], Resolved(one.type, value, period, one.mod), first[3]
    return first


def within_a_year(first: Resolved, last: Resolved) -> bool:
    return first.period.end <= last.period.start and (last.period.end - first.period.start).days <= 366


def join_day_and_time(grammar: Grammar, flat: str, found: list[Found]) -> list[Found]:
    """"16 april 2025 om 14:20" and "om 19:30 op vr. 20 sept." are one TIME."""
    joined: list[Found] = []
    for item in found:
        if joined and (pair := day_with_time(grammar, flat, joined[-1], item)):
            joined[-1] = pair
        else:
            joined.append(item)
    return joined


def day_with_time(grammar: Grammar, flat: str, first: Found, second: Found) -> Found | None:
    between = flat[first[1] : second[0]]
    kinds = (kind(first[2]), kind(second[2]))
    if kinds == ("part", "time") and grammar.glue["date_time"].match(between):
        return part_with_time(first, second)
    if kinds == ("time", "part") and grammar.glue["time_date"].match(between):
        joined = part_with_time(second, first)
        return first[0], second[1], joined[2], joined[3]
    if kinds == ("day", "time") and grammar.glue["date_time"].match(between):
        return first[0], second[1], on_day(first[2], second[2]), "day_time"
    if kinds == ("time", "day") and grammar.glue["time_date"].match(between):
        return first[0], second[1], on_day(second[2], first[2]), "day_time"
    return None


def on_day(day: Resolved, time: Resolved) -> Resolved:
    """The time of day on that day."""
    moment = dt.datetime.combine(day.period.start_date, time.period.start.time())
    period = Period(start=moment, end=moment + (time.period.end - time.period.start), grain=time.period.grain)
    return Resolved("TIME", moment.isoformat(timespec="minutes"), period, time.mod or day.mod)


def part_with_time(part: Found, time: Found) -> Found:
    """"vanavond om 8 uur": the time, read on the clock of that part of that day (20:00). An
    afternoon or an evening reads the afternoon clock ("half zes morgenavond" is 17:30)."""
    span, clock = part[2].period, time[2].period
    day = span.start.replace(hour=0, minute=0)
    hour = clock.start.hour % 12 if clock.start.hour != 12 else 12  # the part's clock decides, not the time's
    if hour < 12 and not span.start.hour <= hour < (span.end - day).total_seconds() / 3600:
        later = span.start.hour <= hour + 12 < (span.end - day).total_seconds() / 3600
        hour += 12 if later or part[2].value[-2:] in AFTERNOON_CLOCK else 0
    moment = day + dt.timedelta(hours=hour, minutes=clock.start.minute)
    period = Period(start=moment, end=moment + (clock.end - clock.start), grain=clock.grain)
    resolved = Resolved("TIME", moment.isoformat(timespec="minutes"), period, time[2].mod or part[2].mod)
    return part[0], time[1], resolved, "day_time"


def kind(resolved: Resolved) -> str | None:
    if resolved.period is None:
        return None
    if resolved.value[-3:-2] == "T" and resolved.value[-2:].isalpha():
        return "part"
    if resolved.type == "TIME" and resolved.period.grain.is_time_of_day:
        return "time"
    return "day" if resolved.period.grain == Grain.DAY else None


def is_year(resolved: Resolved) -> bool:
    return resolved.period is not None and resolved.period.grain == Grain.YEAR and periods.aligned(resolved.period)


def is_month(resolved: Resolved) -> bool:
    """A whole calendar month ("november 2023"), not a part of one."""
    return resolved.period is not None and resolved.period.grain == Grain.MONTH and periods.aligned(resolved.period)
