"""The JSON contract: the pydantic models of timeline.json, its schema and what is read back.

Only what is built or validated at the edges lives here (sources, event dates,
events, the timeline, and the base of settings, manifest and edits); importing
it imports pydantic. `timeline.models` hands these out on first use, so a
command that builds none of them never pays for pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from timeline.models import Grain, Mod, clean


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Shown(Model):
    """A model whose strings readers see, wherever it comes from (an article, the manifest, a JSON
    Lines line, edits.toml, an old timeline.json read back): control characters never get in."""

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: object) -> object:
        return clean(value) if isinstance(value, str) else value


class Source(Shown):
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


class EventDate(Shown):
    value: str
    mod: Mod | None
    start: dt.date
    end: dt.date
    grain: Grain
    label: str


class Event(Shown):
    id: str
    date: EventDate
    headline: str  # who did what, at most 90 characters, in the text's own words
    text: str  # the article's words; a resolved pronoun or reference in brackets
    sources: tuple[Source, ...]
    expected: bool = False
    relevance: int = 0  # higher is more relevant to the story's subject; see story.relevance
    edited: bool = False  # changed by the editor's edits.toml
    sequence: Annotated[int, Field(ge=0, le=2**31 - 1)] = 0  # raised each time the event changes, so calendars update it


class Timeline(Shown):
    title: str
    events: tuple[Event, ...]
