"""An editor's hand on the story: `edits.toml`, keyed by event id, applied on every build.

    ["3f2a9c1d0e4b"]
    drop = true                          # leave the event out
    ["8c1d2e3f4a5b"]
    date = "november 2025"               # a phrase, resolved against the event's first source
    headline = "OpenAI sluit chipdeal"   # the editor's words replace the article's
    text = "…"
    key = true                           # always among the key moments (--key N)
    merge = ["0a1b2c3d4e5f"]             # these events become this one, with all their sources
    ["5d4c3b2a1f0e"]
    split = true                         # this telling leaves the event it was merged into
    ["9e8d7c6b5a4f"]
    add = true                           # an event the story left out (its id), or a new one:
    source = "001_openai.txt"            #   from this article, told in these words
    text = "…"

An id that no longer exists is a warning that names the nearest id; an edit that
cannot be applied (a date phrase that names no date) is an error naming the file
and line. Edited events are marked `edited: true`.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pydantic import ConfigDict, StrictBool, ValidationError

from timeline.bounded import EDITS, key_lines, read_text, toml_of
from timeline.errors import ConfigError, field_of, quoted
from timeline.models import Event, EventDate, Shown

KEY_RELEVANCE = 1000  # an event the editor marks as key outranks every other


class Edit(Shown):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    drop: StrictBool = False
    text: str | None = None
    headline: str | None = None
    date: str | None = None
    key: StrictBool = False
    merge: list[str] = []
    split: StrictBool = False
    add: StrictBool = False
    source: str | None = None


@dataclass(frozen=True)
class Edits:
    path: Path
    edits: dict[str, Edit]
    lines: dict[str, int]


def load_edits(path: Path) -> Edits:
    """The edits file, each entry validated; a bad one is an error naming its line and field."""
    return parse_edits(read_text(path, EDITS, "give a regular edits.toml of at most 16 MB", ConfigError), path)


def parse_edits(source: str, path: Path) -> Edits:
    """The edits in `source`, the text of the file at `path` (which messages name)."""
    try:
        table = toml_of(source)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: cannot read the edits ({error}); fix the file") from error
    found = key_lines(source)  # one pass: finding each key from the top was quadratic (20,000 edits: 38 s)
    lines = {key: found.get(key, 1) for key in table}
    edits = {}
    for key, raw in table.items():
        try:
            edits[key] = Edit.model_validate(raw)
        except ValidationError as error:
            problem = error.errors()[0]
            raise ConfigError(f"{path}:{lines[key]}: edit {quoted(key)}: {field_of(problem, key)}: {problem['msg']}; "
                              "see the README for the fields an edit may have") from None
    return Edits(path, edits, lines)


def apply_edits(events: list[Event], edits: Edits, date_of: Callable[[str, Event], EventDate | None],
                warn: Callable[[str], None], made: Callable[[str, Edit], Event | None] = lambda key, edit: None
                ) -> list[Event]:
    """The story with the editor's edits: added events first (`made` makes one from its edit), then
    merges, then drops, dates, words and key moments."""
    ids = {e.id for e in events}
    events = events + [new for key, edit in edits.edits.items() if edit.add and key not in ids
                       for new in [made(key, edit)] if new is not None]
    by_id = {e.id: e for e in events}
    nearest = Nearest(by_id)
    for key in edits.edits:
        if key not in by_id:
            near = nearest(key)
            warn(f"timeline: {edits.path}:{edits.lines[key]}: no event {quoted(key)} in this build"
                 + (f"; the nearest is {quoted(near)}" if near else ""))
    gone: set[str] = set()
    members: dict[str, list[Event]] = {}
    for merged, root in merge_roots(edits).items():
        if merged in by_id and root in by_id:
            members.setdefault(root, []).append(by_id[merged])
    for root, others in members.items():
        by_id[root], merged = merged_into(by_id[root], others)
        gone |= merged
    result = []
    for event in events:
        if event.id in gone or (event.id in edits.edits and edits.edits[event.id].drop):
            continue
        edit = edits.edits.get(event.id)
        result.append(edited(by_id[event.id], edit, edits, date_of) if edit else event)
    return result


def merge_roots(edits: Edits) -> dict[str, str]:
    """Each event merged away -> the event it ends up in, following chains (A takes B, B takes C:
    both go into A). An event merged into two others, or merges that go round in a circle, are
    errors naming the line: either would lose an event."""
    taker: dict[str, str] = {}
    for key, edit in edits.edits.items():
        for member in edit.merge:
            if member != key and taker.setdefault(member, key) != key:
                raise ConfigError(f"{edits.path}:{edits.lines[key]}: {member!r} is merged into both {taker[member]!r} "
                                  f"and {key!r}; keep one of the two merges")
    roots: dict[str, str] = {}
    for start in taker:
        path = [start]
        while path[-1] in taker and path[-1] not in roots:
            path.append(taker[path[-1]])
            if path[-1] in path[:-1]:
                raise ConfigError(f"{edits.path}:{edits.lines[path[-1]]}: the merges of {path[-1]!r} go round in a "
                                  f"circle ({' -> '.join(path)}); take the merge out of one of them")
        root = roots.get(path[-1], path[-1])
        roots.update((node, root) for node in path[:-1])
    return roots


class Nearest:
    """The id nearest a stale one, among a few candidates: the ids next to it in sorted order and
    in the order of their reversed spelling (a typo keeps the start or the end), compared by
    difflib. O(log n) an id where comparing with every id was O(n): 20,000 stale ids in a story
    of 20,000 events took minutes."""

    AROUND = 3  # neighbours taken on each side in each order

    def __init__(self, ids):
        import bisect

        self.bisect = bisect.bisect_left
        self.forward = sorted(ids)
        self.backward = sorted(i[::-1] for i in ids)

    def candidates(self, key: str) -> set[str]:
        found = set()
        for order, probe, turn in ((self.forward, key, str), (self.backward, key[::-1], lambda i: i[::-1])):
            at = self.bisect(order, probe)
            found.update(turn(i) for i in order[max(0, at - self.AROUND): at + self.AROUND])
        return found

    def __call__(self, key: str) -> str | None:
        near = difflib.get_close_matches(key, sorted(self.candidates(key)), n=1, cutoff=0.3)
        return near[0] if near else None


def merged_into(event: Event, others: list[Event]) -> tuple[Event, set[str]]:
    sources = {s.path: s for e in [event, *others] for s in e.sources}
    ordered = tuple(sorted(sources.values(), key=lambda s: (s.published, s.path)))
    return event.model_copy(update={"sources": ordered, "edited": True}), {o.id for o in others}


def edited(event: Event, edit: Edit, edits: Edits, date_of: Callable[[str, Event], EventDate | None]) -> Event:
    update: dict = {"edited": True}
    if edit.date is not None:
        date = date_of(edit.date, event)
        if date is None:
            raise ConfigError(f"{edits.path}:{edits.lines[event.id]}: the date {quoted(edit.date)} names no date; "
                              "write it as a date phrase, e.g. \"november 2025\" or \"16 april 2025\"")
        update["date"] = date
    if edit.text is not None:
        update["text"] = edit.text
    if edit.headline is not None:
        update["headline"] = edit.headline
    if edit.key:
        update["relevance"] = KEY_RELEVANCE
    return event.model_copy(update=update)
