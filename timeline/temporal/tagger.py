"""Find every temporal expression in a text and resolve it against a reference.

The tagger runs each rule of the grammar only near the words that anchor it,
keeps the leftmost longest matches that resolve to a real date, joins two
days into a range ("aug 8 - aug 12"), attaches the words before a match that
refine it ("eind 2022", "sinds 2015") and joins a day with the time said with
it ("16 april 2025 om 14:20").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache, partial
from typing import Literal

from timeline.temporal import clock, days, narrative, periods, relative, weeks  # noqa: F401  (they register handlers)
from timeline.temporal.anchored import apply_offsets
from timeline.temporal.narrative import ANAPHORIC, UNDERSPECIFIED, YEAR_IN_TEXT, Narrative, agrees
from timeline.temporal.dates import HANDLERS, Context, Resolved
from timeline.temporal.measures import as_lengths
from timeline.temporal.grammar import Grammar, compile_grammar
from timeline.models import Expression, Grain, Period
from timeline.temporal.tense import clause_direction

Prefer = Literal["tense", "past", "future"]

PARTABLE = {Grain.WEEK, Grain.MONTH, Grain.SEASON, Grain.QUARTER, Grain.HALF, Grain.YEAR, Grain.DECADE}
# Rules whose day is counted from the reference: with a month-only reference
# they can say no more than that month.
COUNTED_FROM_REFERENCE = {"day_word", "weekday", "week_weekday", "weekday_week", "ordinal_day", "ago", "ahead"}
COUNTED_FROM_REFERENCE |= {"day_ordinal", "weekend", "workweek", "weekday_part", "weekday_part_phrase"}


def as_datetime(reference: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(reference, dt.datetime):
        return reference.replace(tzinfo=None)
    return periods.midnight(reference)


def extract(
    text: str,
    reference: dt.date | dt.datetime,
    prefer: Prefer = "tense",
    language: str = "nl",
    reference_grain: Grain = Grain.DAY,
) -> list[Expression]:
    """Every temporal expression in `text`, resolved against `reference`.

    Offsets index `text` itself: `text[start:end] == expression.text`.
    """
    grammar = compile_grammar(language)
    flat = flatten(text)
    pad = padded(flat)
    ref = as_datetime(reference)
    found = join_ranges(grammar, flat, select(grammar, flat, pad, ref, prefer))
    direction_at = partial(offset_direction, grammar, flat, prefer)
    found = [attach_prefixes(grammar, pad, item) for item in apply_offsets(grammar, pad, found, ref, direction_at)]
    found = as_lengths(grammar, pad, found)
    found = [item for item in found if not item[2].needs_part]
    found = join_day_and_time(grammar, flat, found)
    found = without_overlaps([attach_after(grammar, pad, item) for item in found])
    if reference_grain != Grain.DAY:
        found = [coarsen(item, ref) for item in found]
    return [
        Expression(text=text[s:e], offset=(s, e), type=r.type, value=r.value, mod=r.mod, period=r.period)
        for s, e, r, _ in found
    ]


def resolve(
    phrase: str, reference: dt.date | dt.datetime, prefer: Prefer = "tense", language: str = "nl"
) -> Expression | None:
    """The longest temporal expression in a short phrase, or None."""
    found = extract(phrase, reference, prefer, language)
    return max(found, key=lambda e: e.offset[1] - e.offset[0], default=None)


ODD_SPACES = "\r\n\t\u00a0\u2009\u202f"


def flatten(text: str) -> str:
    """The text with line breaks and odd spaces as plain spaces, same length."""
    for char in ODD_SPACES:
        if char in text:
            text = text.replace(char, " ")
    return text


Found = tuple[int, int, Resolved, str]


WINDOW = 24  # characters a rule may reach before or after its anchor word
Window = tuple[int, int, set[str]]
NUMBER_CLASSES = {name: frozenset({name}) for name in ("numdate", "clock", "clockh", "numdm", "year", "ordinal")}


def anchors(grammar: Grammar, pad: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, classes) of each anchor word or number, in text order."""
    numbers, words = grammar.anchor_patterns
    found = [(m.start() - 1, m.end() - 1, NUMBER_CLASSES[m.lastgroup]) for m in numbers.finditer(pad)]
    # A word's match starts one before it: in the padded text, that is the word's offset in the text.
    found += [(m.start(), m.end() - 1, grammar.anchors[m.group("word")]) for m in words.finditer(pad)]
    return sorted(found, key=lambda anchor: anchor[0])


def padded(flat: str) -> str:
    """The text in lower case after one space: offset i of the text is i + 1 here.

    Patterns made by grammar.at_word_start run on this text.
    """
    return " " + lower_same_length(flat)


def windows(grammar: Grammar, pad: str) -> list[Window]:
    """Stretches around anchor words, merged, with the anchor classes inside each (offsets of the text)."""
    spans: list[Window] = []
    lowered = pad[1:]
    for start, end, classes in anchors(grammar, pad):
        low, high = max(0, start - WINDOW), min(len(lowered), end + WINDOW)
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], high, spans[-1][2] | classes)
        else:
            spans.append((low, high, set(classes)))
    return [(widen_left(lowered, low), widen_right(lowered, high), classes) for low, high, classes in spans]


def widen_left(text: str, low: int) -> int:
    space = text.rfind(" ", 0, low)
    return space + 1 if space >= 0 else 0


def widen_right(text: str, high: int) -> int:
    space = text.find(" ", high)
    return space if space >= 0 else len(text)


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=512)
def rules_for(grammar: Grammar, classes: frozenset[str]) -> list[tuple[int, str, re.Pattern[str]]]:
    """The rules that an anchor of one of `classes` can trigger, in priority order, compiled."""
    return [
        (priority, name, re.compile(source))
        for priority, (name, source) in enumerate(grammar.rules)
        if any(need <= classes for need in grammar.rule_classes[name])
    ]


def select(grammar: Grammar, flat: str, pad: str, ref: dt.datetime, prefer: Prefer) -> list[Found]:
    """The leftmost longest matches that resolve; at equal length the earlier rule."""
    candidates = []
    lowered = pad[1:]
    # A rule's match in the padded text starts one before its words: at their offset in the text.
    for low, high, classes in windows(grammar, pad):
        for priority, name, pattern in rules_for(grammar, frozenset(classes)):
            for match in pattern.finditer(pad, low, high + 1):
                candidates.append((match.start(), match.start() + 1 - match.end(), priority, name, match))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[Found] = []
    last_end = 0
    story = Narrative(flat)
    for start, negative_length, _, name, match in candidates:
        if start < last_end:
            continue
        ctx = base = Context(ref, partial(offset_direction, grammar, flat, prefer, start))
        narrated = name in ANAPHORIC or (name in UNDERSPECIFIED and story.placed is not None)
        if narrated:
            ctx, narrated = story.context(name, lowered[start : start - negative_length], start, base)
        resolved = resolve_match(grammar, name, match, ctx)
        if narrated and name in UNDERSPECIFIED and (resolved is None or not agrees(resolved, base)):
            resolved, narrated = resolve_match(grammar, name, match, base), False
        if resolved is not None:
            chosen.append((start, start - negative_length, resolved, name))
            last_end = start - negative_length
            if resolved.period is not None:
                story.update(lowered[start : start - negative_length], start, resolved, narrated)
    return chosen


def offset_direction(grammar: Grammar, flat: str, prefer: Prefer, start: int):
    """The direction a date at `start` looks in: the one asked for, else its clause's tense."""
    return prefer if prefer != "tense" else clause_direction(grammar, flat, start)


def resolve_match(grammar: Grammar, name: str, match: re.Match[str], ctx: Context) -> Resolved | None:
    try:
        return HANDLERS[name](grammar, match.groupdict(), ctx)
    except (ValueError, OverflowError, KeyError):
        return None  # words that do not make a real date (31 februari, year 0)


def attach_prefixes(grammar: Grammar, pad: str, item: Found) -> Found:
    """Take in a part ("eind") and a signal ("sinds") standing right before (`pad`: see `padded`)."""
    start, end, resolved, name = item
    period = resolved.period
    part = grammar.prefixes["part"].search(pad, max(0, start - 40), start + 1)
    if part and period is not None and period.grain in PARTABLE and resolved.mod is None:
        mod = grammar.lookup("part", part.group("w"))
        period = periods.part(period, mod)
        resolved = Resolved(resolved.type, resolved.value, period, mod)
        start = part.start()
    signal = grammar.prefixes["signal"].search(pad, max(0, start - 40), start + 1)
    if signal and resolved.type in ("DATE", "TIME") and resolved.period is not None:
        mod = resolved.mod or grammar.lookup("signal", signal.group("w"))
        resolved = Resolved(resolved.type, resolved.value, resolved.period, mod)
        start = signal.start()
    return start, end, resolved, name


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
    """"aug 8 - aug 12", "van 14/10/2013 tot 15/10/2013", "van juni tot november 2023": one period."""
    joined: list[Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        if previous and grammar.glue["range"].match(flat[previous[1] : item[0]]):
            previous = joined[-1] = year_from_end(flat, previous, item)
            one, other = previous[2], item[2]
            grain = Grain.MONTH if is_month(one) and is_month(other) else Grain.DAY
            if (grain is Grain.MONTH or kind(one) == kind(other) == "day") and within_a_year(one, other):
                period = Period(start=one.period.start, end=other.period.end, grain=grain)
                opener = grammar.glue["range_start"].search(flat, max(0, previous[0] - 8), previous[0])
                start = opener.start() if opener else previous[0]
                joined[-1] = (start, item[1], Resolved("DATE", one.value, period), "range")
                continue
        joined.append(item)
    return joined


def year_from_end(flat: str, first: Found, last: Found) -> Found:
    """"van juni tot november 2023": a start said without its year takes the end's (the year before
    when it would come after the end)."""
    one, other = first[2], last[2]
    if not (kind(one) == kind(other) == "day" or (is_month(one) and is_month(other))):
        return first
    if YEAR_IN_TEXT.search(flat[first[0] : first[1]]) or not YEAR_IN_TEXT.search(flat[last[0] : last[1]]):
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
    """"vanavond om 8 uur": the time, read on the clock of that part of that day (20:00)."""
    span, clock = part[2].period, time[2].period
    day = span.start.replace(hour=0, minute=0)
    hour = clock.start.hour
    if hour < 12 and not span.start.hour <= hour < (span.end - day).total_seconds() / 3600:
        hour += 12 if span.start.hour <= hour + 12 < (span.end - day).total_seconds() / 3600 else 0
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


def is_month(resolved: Resolved) -> bool:
    """A whole calendar month ("november 2023"), not a part of one."""
    return resolved.period is not None and resolved.period.grain == Grain.MONTH and periods.aligned(resolved.period)


def coarsen(item: Found, ref: dt.datetime) -> Found:
    start, end, resolved, name = item
    if name not in COUNTED_FROM_REFERENCE or resolved.period is None:
        return item
    period, value = periods.month(ref.year, ref.month)
    return start, end, Resolved("DATE", value, period, "APPROX"), name
