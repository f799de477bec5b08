"""Find every temporal expression in a text and resolve it against a reference.

The tagger runs each rule of the grammar only near the words that anchor it and
keeps the leftmost longest matches that resolve to a real date; joins.py then
joins each match to the words and matches beside it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache, partial
from collections.abc import Sequence
from typing import Literal

from timeline.temporal import clock, days, holidays, narrative, periods, relative, weeks  # noqa: F401  (they register handlers)
from timeline.temporal.anchored import apply_offsets
from timeline.temporal.narrative import ANAPHORIC, CLOCK, UNDERSPECIFIED, WEEKDAYS, Narrative, agrees
from timeline.temporal.dates import HANDLERS, Context, Found, Resolved
from timeline.temporal.joins import attach_after, attach_prefixes, join_day_and_time, join_ranges, without_overlaps
from timeline.temporal.measures import as_lengths
from timeline.temporal.grammar import Grammar, compile_grammar
from timeline.models import Expression, Grain
from timeline.temporal.tense import SENTENCE_END, bounds, clause_direction

Prefer = Literal["tense", "past", "future"]

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
APOSTROPHES = "\u2018\u2019\u02bc"  # typographic: "’s avonds" is "'s avonds"


def flatten(text: str) -> str:
    """The text with line breaks and odd spaces as plain spaces and typographic apostrophes as
    plain ones, same length."""
    for chars, plain in ((ODD_SPACES, " "), (APOSTROPHES, "'")):
        for char in chars:
            if char in text:
                text = text.replace(char, plain)
    return text


WINDOW = 24  # characters a rule may reach before or after its anchor word
Window = tuple[int, int, set[str]]
NUMBER_CLASSES = {name: frozenset({name}) for name in ("numdate", "clock", "clockh", "numdm", "year", "ordinal")}


def anchors(grammar: Grammar, pad: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, classes) of each anchor word or number, in text order."""
    numbers, *words = grammar.anchor_patterns
    found = [(m.start() - 1, m.end() - 1, NUMBER_CLASSES[m.lastgroup]) for m in numbers.finditer(pad)]
    # A word's match starts one before it: in the padded text, that is the word's offset in the text.
    for pattern in words:
        found += [(m.start(), m.end() - 1, grammar.anchors[m.group("word")]) for m in pattern.finditer(pad)]
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
    story = Narrative(flat, grammar.weekday_names, grammar.until_words)
    for start, negative_length, _, name, match in candidates:
        if start < last_end:
            continue
        ctx = base = Context(ref, partial(offset_direction, grammar, flat, prefer, start, chosen), before=lowered[max(0, start - 40):start],
                             after=lowered[start - negative_length:start - negative_length + 30])
        narrated = name in ANAPHORIC or (name in UNDERSPECIFIED and story.placed is not None) or name in CLOCK \
            or (name in WEEKDAYS and story.named_day is not None)
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


def offset_direction(grammar: Grammar, flat: str, prefer: Prefer, start: int, chosen: Sequence[Found] = ()):
    """The direction a date at `start` looks in: the one asked for, else its clause's tense, else its sentence's; a
    date since which something holds lies behind ("is sinds vrijdagavond dicht": the Friday before, in the present
    tense too). A verbless clause after a comma, when the sentence dated its verb before it, has no tense of its own:
    "Dat heeft de organisatie dinsdag bekendgemaakt, ruim twee weken voor de eerste editie op 14 juni" is this June."""
    if prefer != "tense":
        return prefer
    if SINCE.match(flat, start) or SINCE_BEFORE.search(flat, max(0, start - 16), start):
        return "past"
    own = clause_direction(grammar, flat, start, widen=False)
    if own is not None or after_dated_clause(grammar, flat, start, chosen):
        return own
    return clause_direction(grammar, flat, start)


def after_dated_clause(grammar: Grammar, flat: str, start: int, chosen: Sequence[Found]) -> bool:
    """Whether the clause at `start` follows a comma and counts from another happening (", ruim twee weken voor ..."),
    and a date already chosen stands in the sentence before it."""
    s_start, _ = bounds(flat, start, SENTENCE_END)
    c_start, _ = bounds(flat[s_start:], start - s_start, grammar.tense["clause"])
    at = s_start + c_start
    opened = flat[at - 1:at] == "," and grammar.tense["relation"].match(flat[at:at + 60].lower())
    return bool(opened) and any(s_start <= found[0] < at - 1 for found in chosen[-3:])


SINCE = re.compile(r"sinds\s", re.IGNORECASE)
SINCE_BEFORE = re.compile(r"\bsinds\s+(?:[a-z]+\s+)?$", re.IGNORECASE)  # "sinds april", "sinds begin april"


def resolve_match(grammar: Grammar, name: str, match: re.Match[str], ctx: Context) -> Resolved | None:
    try:
        return HANDLERS[name](grammar, match.groupdict(), ctx)
    except (ValueError, OverflowError, KeyError):
        return None  # words that do not make a real date (31 februari, year 0)


def coarsen(item: Found, ref: dt.datetime) -> Found:
    start, end, resolved, name = item
    if name not in COUNTED_FROM_REFERENCE or resolved.period is None:
        return item
    period, value = periods.month(ref.year, ref.month)
    return start, end, Resolved("DATE", value, period, "APPROX"), name
