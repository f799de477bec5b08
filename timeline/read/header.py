"""The top of an article: a `date` header line, a title, a byline with a date."""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice

from timeline.models import Grain
from timeline.temporal.tagger import extract

HEADER = re.compile(
    r"\A\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:-])[ \t]*\n?"
)
HEADER_WORD = re.compile(r"\A\s*date\s+(?P<date>\S*)")
FIRST_YEAR, LAST_YEAR = 1000, 9000  # publication dates timeline can reason about (years and decades around them)


class HeaderError(ValueError):
    """A `date` header that names no real date."""


def usable(day: dt.date) -> bool:
    return FIRST_YEAR <= day.year <= LAST_YEAR


def header_date(text: str) -> tuple[dt.date, Grain, int] | None:
    """The `date` header's date, its grain and where the text after it starts.

    A header whose date is not a real one (2025-02-30, 2025-13, 0000-01-01) raises HeaderError.
    """
    match = HEADER.match(text)
    if not match:
        word = HEADER_WORD.match(text)
        if word and re.match(r"\d{4}-", word.group("date")):
            raise HeaderError(f"the date header {word.group('date')!r} is not a date")
        return None
    value = match.group("date")
    try:
        day = dt.date.fromisoformat(value + "-01" if len(value) == 7 else value)
    except ValueError:
        raise HeaderError(f"the date header {value!r} is not a date") from None
    if not usable(day):
        raise HeaderError(f"the date header {value!r} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return day, Grain.MONTH if len(value) == 7 else Grain.DAY, match.end()


def lines_from(text: str, start: int):
    for match in re.finditer(r"[^\n]*\n?", text[start:]):
        if match.group(0):
            yield start + match.start(), start + match.end(), match.group(0).strip()


def find_title(text: str, start: int) -> tuple[str | None, int]:
    """A first line that stands alone: short, no final full stop, a blank line or byline after."""
    lines = list(islice(lines_from(text, start), 4))
    if len(lines) >= 3 and not lines[0][2] and start > 0:  # "date 2025-08-22", a blank line, the title
        lines = lines[1:]
    if len(lines) >= 2 and lines[0][2] and not lines[0][2].endswith(".") and len(lines[0][2]) <= 120:
        if not lines[1][2] or find_byline(text, lines[1][0]):
            return lines[0][2], lines[0][1]
    return None, start


def find_byline(text: str, start: int) -> tuple[dt.date, int] | None:
    """A line near the top that holds only a date (and time): "woensdag, 16 april 2025 om 14:20"."""
    filled = ((line_start, line_end, line) for line_start, line_end, line in lines_from(text, start) if line)
    for line_start, line_end, line in islice(filled, 5):  # five lines of text: blank ones do not count
        if len(line) > 60 or not re.search(r"\d{4}", line):
            continue
        found = extract(line, dt.date(2000, 1, 1))
        if len(found) == 1 and found[0].period and len(found[0].text) >= len(line) - 2:
            period = found[0].period
            if period.grain.rank <= Grain.DAY.rank:
                return period.start_date, line_end
    return None


# "DEN HAAG (ANP) - ", "VELSEN – ": a place in capitals, an agency code, a dash; it opens a report and is no part of it
DATELINE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý’'.]+(?: [A-ZÀ-Ý][A-ZÀ-Ý’'.]+)*(?: ?\([A-Za-z]{2,12}\))?\s?[-–—]\s+")


def past_dateline(text: str, start: int) -> int:
    """Where the story starts after a dateline that opens it (`start` when there is none)."""
    at = len(text) - len(text[start:].lstrip())
    found = DATELINE.match(text, at)
    return found.end() if found else start


def skip_short_lines(text: str, start: int) -> int:
    """Skip labels such as "Nieuws" or "openai o1" between byline and story."""
    for line_start, line_end, line in lines_from(text, start):
        if line and (len(line.split()) > 4 or line.endswith((".", "?", "!"))):
            return line_start
    return start
