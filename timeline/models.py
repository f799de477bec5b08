"""Typed values that flow through timeline: periods, expressions, events.

Every model is frozen and rejects unknown fields, so a misspelt setting or
field is an error instead of being silently ignored.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, model_validator


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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

Mod = Literal["START", "MID", "END", "APPROX", "BEFORE", "AFTER"]
ExprType = Literal["DATE", "TIME", "DURATION", "SET"]
Direction = Literal["past", "future"]


class Period(Model):
    """A stretch of time: start inclusive, end exclusive, with its grain."""

    start: dt.datetime
    end: dt.datetime
    grain: Grain

    @model_validator(mode="after")
    def _end_after_start(self) -> "Period":
        if self.end <= self.start:
            raise ValueError(f"period end {self.end} is not after start {self.start}")
        return self

    @field_serializer("start", "end")
    def _iso(self, value: dt.datetime) -> str:
        if self.grain.is_time_of_day:
            return value.isoformat(timespec="minutes")
        return value.date().isoformat()

    @property
    def start_date(self) -> dt.date:
        return self.start.date()

    @property
    def end_date(self) -> dt.date:
        """Exclusive end as a date (a period ending at 10:00 ends the next day)."""
        day = self.end.date()
        return day if self.end.time() == dt.time(0) else day + dt.timedelta(days=1)


class Expression(Model):
    """One temporal expression found in a text, resolved against a reference."""

    text: str
    offset: tuple[int, int]
    type: ExprType
    value: str
    mod: Mod | None = None
    period: Period | None = None


class Source(Model):
    path: str  # where the article was read; never shown to a reader
    title: str | None
    published: dt.date
    approximate: bool = False
    published_grain: Grain = Grain.DAY  # a month-only date ("date 2025-02") is month grain
    outlet: str | None = None  # the newspaper or site, from the manifest
    url: str | None = None  # the article's address, from the manifest
    author: str | None = None
    title_written: bool = False  # the title is the editor's summary, not the article's own headline
    excerpt: str | None = None  # the article's first words: what names it when it has no title


class EventDate(Model):
    value: str
    mod: Mod | None
    start: dt.date
    end: dt.date
    grain: Grain
    label: str


class Event(Model):
    id: str
    date: EventDate
    headline: str  # who did what, at most 90 characters, in the text's own words
    text: str  # the article's words; a resolved pronoun or reference in brackets
    sources: tuple[Source, ...]
    expected: bool = False
    relevance: int = 0  # higher is more relevant to the story's subject; see story.relevance
    edited: bool = False  # changed by the editor's edits.toml
    sequence: Annotated[int, Field(ge=0, le=2**31 - 1)] = 0  # raised each time the event changes, so calendars update it


class Timeline(Model):
    title: str
    events: tuple[Event, ...]
