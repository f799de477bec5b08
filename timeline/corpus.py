"""The readable phrase corpus: `phrase => VALUE [MOD] [START..END]` lines (END exclusive).

`@reference DATE` and `@prefer tense|past|future` set what the lines after them are read
against; `#` starts a comment; a line ending in `(limit: why)` is one timeline does not get
right yet. A negative file holds one text a line that must give no date. The project's own
corpus (tests/corpus/) and the suites in ../shared/conformance (recognizers_nl*.txt) are
written this way; `timeline evaluate` scores the latter.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

LIMIT = re.compile(r"\s*\(limit:\s*(.*)\)\s*$")
MODS = {"START", "MID", "END", "APPROX", "BEFORE", "AFTER"}


@dataclass(frozen=True)
class Case:
    line: int
    phrase: str
    reference: dt.date | dt.datetime
    prefer: str
    value: str
    mod: str | None
    start: dt.date | dt.datetime | None
    end: dt.date | dt.datetime | None
    file: str = "nl.txt"
    limit: str | None = None  # "(limit: why)" at the end of a line: what timeline does not do yet

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.phrase!r} @{self.reference} {self.prefer}"


def moment(text: str) -> dt.date | dt.datetime:
    """A date, or a date and time ("2013-02-12T04:30") where a phrase counts from the hour."""
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


SUITE_LIMIT = 64 * 1024 * 1024  # a corpus file or a converted suite (the largest, dateparser's, is ~1 MB)


def suite_text(path: Path) -> str:
    """The text of a corpus or suite file: a regular file (a FIFO would block evaluate for good) of at most
    64 MB, UTF-8; anything else a TimelineError naming it."""
    from timeline.bounded import read_text
    from timeline.errors import TimelineError

    return read_text(path, SUITE_LIMIT, "give --conformance the folder of the converted suites", TimelineError)


def read_cases(path: Path) -> list[Case]:
    """Every phrase line of a corpus file, with the reference and preference it is read against."""
    reference, prefer, found = None, "tense", []
    for number, raw in enumerate(suite_text(path).splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("@reference"):
            reference = moment(line.split()[1])
        elif line.startswith("@prefer"):
            prefer = line.split()[1]
        else:
            phrase, expected = (part.strip() for part in line.split(" => "))
            expected, limit = LIMIT.sub("", expected).strip(), (LIMIT.search(expected) or [None, None])[1]
            case = parse_case(number, phrase, expected.split(), reference, prefer, path.name)
            found.append(replace(case, limit=limit))
    return found


def parse_case(number, phrase, fields, reference, prefer, name="nl.txt") -> Case:
    value, mod, start, end = fields[0], None, None, None
    for field in fields[1:]:
        if field in MODS:
            mod = field
        elif ".." in field:
            start, end = (moment(x) for x in field.split(".."))
        else:
            raise ValueError(f"{name}:{number}: cannot read {field!r}")
    return Case(number, phrase, reference, prefer, value, mod, start, end, name)


def read_negatives(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, text, limit): a text that must give no date; "(limit: why)" marks one that still does."""
    lines = suite_text(path).splitlines()
    found = [(n, t.strip()) for n, t in enumerate(lines, 1) if t.strip() and not t.startswith("#")]
    return [(n, LIMIT.sub("", t).strip(), (LIMIT.search(t) or [None, None])[1]) for n, t in found]
