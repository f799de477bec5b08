"""Typed values that flow through timeline: periods, expressions, events.

Inside the pipeline values are plain slotted records (Period, Expression);
the JSON contract (Source, EventDate, Event, Timeline and the Model base of
settings, manifest and edits) is pydantic's and lives in timeline.contract,
handed out from here on first use so that only a command that builds or
validates one imports pydantic. Every record and model is frozen and rejects
unknown fields, so a misspelt setting or field is an error instead of being
silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from enum import Enum
import types
import typing
from dataclasses import dataclass
from typing import Literal, get_args, get_origin, get_type_hints

# The files timeline writes into an output folder, by format: never read back as articles.
FILE_NAMES = {
    "md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json",
    "timelinejs": "timelinejs.json", "fragment": "timeline.fragment.html", "changelog": "changelog.md",
    "embed": "timeline.embed.html", "snippet": "timeline.embed.snippet.html",
    "review": "review.html", "review-md": "review.md", "jsonl": "timeline.jsonl",
}
YEAR_FILE = re.compile(r"timeline-\d{4}\.(html|md)\Z")  # a large story's year pages (see render.split)
OUTPUT_MARK = ".timeline.lock"  # in every folder timeline writes into
PARTITION = re.compile(r"part-\d{5}\.(jsonl|parquet)\Z")  # what `extract --out` writes


class Grain(str, Enum):
    """How precise a period is, finest first."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"

    @property
    def rank(self) -> int:
        return _GRAIN_ORDER.index(self)

    @property
    def is_time_of_day(self) -> bool:
        return self.rank < Grain.DAY.rank


_GRAIN_ORDER = list(Grain)

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MONTH_DAYS = 31


def story_order(start: dt.date, end: dt.date, grain: Grain, text: str, ident: str) -> tuple:
    """The one order of a story's events, in every output (JSON, Markdown, HTML, ICS, TimelineJS): by the year
    a reader places it in (its heading: `heading_year`); within it by the last month of that year it covers, a
    month's own events before the calendar periods that end in it ("eind 2025", the whole year after December's
    events); then by start, the longer first, by text and id. A longer stretch counted back from a day ("kort voor
    17 december", "het voorbije jaar" up to 30 December) stands at its last day, before that day's own events."""
    year = heading_year(start, end)
    last = min(end - dt.timedelta(days=1), dt.date(year, 12, 31))
    fine = grain.rank <= Grain.MONTH.rank and (end - start).days <= MONTH_DAYS
    if not fine and counted_back(start, end):
        return (year, last.month, False, last.toordinal(), -(end - start).days, text, ident)
    return (year, last.month, not fine, start.toordinal(), -(end - start).days, text, ident)


def counted_back(start: dt.date, end: dt.date) -> bool:
    """A period cut at a day, not a calendar unit: its exclusive end is no first of a month."""
    return end.day != 1


def heading_year(start: dt.date, end: dt.date) -> int:
    """The year a reader places a period in: the year it starts in; for a stretch counted back from a day, the year
    that holds most of it ("het voorbije jaar" from 31 December 2024 to 30 December 2025: 2025)."""
    if not counted_back(start, end):
        return start.year
    return (start + (end - start) / 2).year


def event_order(event) -> tuple:
    """`story_order` of an Event."""
    return story_order(event.date.start, event.date.end, event.date.grain, event.text, event.id)


def clean(text: str) -> str:
    """Text without control characters (tabs and line ends stay), lone surrogates replaced:
    what every text a reader sees is made of (read from a file or a model's field)."""
    text = CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True

Mod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER"]
ExprType = Literal["DATE", "TIME", "DURATION", "SET"]
Direction = Literal["past", "future"]


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of time: start inclusive, end exclusive, with its grain."""

    start: dt.datetime
    end: dt.datetime
    grain: Grain

    def __post_init__(self) -> None:
        if not isinstance(self.grain, Grain):
            object.__setattr__(self, "grain", Grain(self.grain))
        if self.end <= self.start:
            raise ValueError(f"period end {self.end} is not after start {self.start}")

    def _iso(self, value: dt.datetime) -> str:
        if self.grain.is_time_of_day:
            return value.isoformat(timespec="minutes")
        return value.date().isoformat()

    def model_dump(self, mode: str = "python") -> dict:
        """As JSON shows it: start and end as ISO dates (minutes for a time of day), the grain's name."""
        grain = self.grain.value if mode == "json" else self.grain
        return {"start": self._iso(self.start), "end": self._iso(self.end), "grain": grain}

    @property
    def start_date(self) -> dt.date:
        return self.start.date()

    @property
    def end_date(self) -> dt.date:
        """Exclusive end as a date (a period ending at 10:00 ends the next day)."""
        day = self.end.date()
        return day if self.end.time() == dt.time(0) else day + dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Expression:
    """One temporal expression found in a text, resolved against a reference."""

    text: str
    offset: tuple[int, int]
    type: ExprType
    value: str
    mod: Mod | None = None
    period: Period | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.offset, tuple):
            object.__setattr__(self, "offset", tuple(self.offset))

    def model_dump(self, mode: str = "python") -> dict:
        return {"text": self.text, "offset": list(self.offset) if mode == "json" else self.offset,
                "type": self.type, "value": self.value, "mod": self.mod,
                "period": self.period.model_dump(mode) if self.period else None}


class RecordError(ValueError):
    """A data file that does not fit its record: the field and what is wrong."""


class Record:
    """A frozen record read from a data file (a language file): fields by annotation,
    each value checked against its type, an unknown or missing field an error.

    Plain Python, not a dataclass: building a dataclass's methods costs every start ~1 ms a record type.
    """

    _fields: tuple[str, ...] = ()
    _defaults: dict[str, object] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = tuple(cls.__dict__.get("__annotations__", {}))
        cls._defaults = {name: cls.__dict__[name] for name in cls._fields if name in cls.__dict__}

    def __init__(self, **values: object) -> None:
        unknown = set(values).difference(self._fields)
        missing = set(self._fields).difference(values, self._defaults)
        if unknown or missing:
            raise TypeError(f"{type(self).__name__}: {'unknown' if unknown else 'missing'} field {min(unknown or missing)!r}")
        for name in self._fields:
            object.__setattr__(self, name, values[name] if name in values else self._defaults[name])

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        return self._values() == other._values() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._fields)})"

    @classmethod
    def model_validate(cls, data: object) -> "Record":
        return _convert(cls, data, cls.__name__)

    def model_dump(self) -> dict:
        return {name: _dump(getattr(self, name)) for name in self._fields}

    @classmethod
    def from_dump(cls, data: dict) -> "Record":
        """The record whose model_dump() `data` is, unchecked: how the language cache reads one back."""
        nested = cls._nested()
        return cls(**{k: nested[k].from_dump(v) if k in nested else v for k, v in data.items()})

    @classmethod
    def _nested(cls) -> dict[str, type]:
        """The fields that hold a record (model_dump() makes them tables)."""
        names = vars(sys.modules[cls.__module__])
        kinds = {n: names.get(a) if isinstance(a, str) else a for n, a in cls.__dict__.get("__annotations__", {}).items()}
        return {n: k for n, k in kinds.items() if isinstance(k, type) and issubclass(k, Record)}


def _dump(value: object) -> object:
    return value.model_dump() if isinstance(value, Record) else value


def _convert(kind: object, value: object, where: str) -> object:
    """`value` as `kind` (a Record, tuple, dict, Literal, optional or plain type), else RecordError."""
    origin, args = get_origin(kind), get_args(kind)
    if isinstance(kind, type) and issubclass(kind, Record):
        return _record(kind, value, where)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return _convert(next(a for a in args if a is not type(None)), value, where)
    if origin is Literal:
        if value not in args:
            raise RecordError(f"{where}: {value!r} is not one of {', '.join(map(repr, args))}")
        return value
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise RecordError(f"{where}: expected a list, got {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, f"{where}.{i}") for i, v in enumerate(value))
        if len(value) != len(args):
            raise RecordError(f"{where}: expected {len(args)} items, got {len(value)}")
        return tuple(_convert(a, v, f"{where}.{i}") for i, (a, v) in enumerate(zip(args, value)))
    if origin is dict:
        if not isinstance(value, dict):
            raise RecordError(f"{where}: expected a table, got {value!r}")
        return {_convert(args[0], k, f"{where}.{k}"): _convert(args[1], v, f"{where}.{k}") for k, v in value.items()}
    return _plain(kind, value, where)


def _plain(kind: object, value: object, where: str) -> object:
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind in (str, int, bool) and isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
        return value
    raise RecordError(f"{where}: expected {getattr(kind, '__name__', kind)}, got {value!r}")


def _record(kind: type, value: object, where: str) -> Record:
    if not isinstance(value, dict):
        raise RecordError(f"{where}: expected a table, got {value!r}")
    hints = get_type_hints(kind)
    unknown = [k for k in value if k not in kind._fields]
    if unknown:
        raise RecordError(f"{where}: unknown field {unknown[0]!r}")
    missing = [name for name in kind._fields if name not in value and name not in kind._defaults]
    if missing:
        raise RecordError(f"{where}: missing field {missing[0]!r}")
    return kind(**{k: _convert(hints[k], v, f"{where}.{k}") for k, v in value.items()})


CONTRACT = ("Model", "Shown", "Source", "EventDate", "Event", "Timeline")  # pydantic's, from timeline.contract

if typing.TYPE_CHECKING:  # what __getattr__ hands out, as type checkers should see it
    from timeline.contract import Event, EventDate, Model, Shown, Source, Timeline  # noqa: F401


def __getattr__(name: str) -> object:
    """The JSON contract's models, imported (with pydantic) only when first asked for."""
    if name in CONTRACT:
        from timeline import contract

        return getattr(contract, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
