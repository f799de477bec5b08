"""What changed between two builds of a story, matched by event id."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from timeline.errors import TimelineError, field_of
from timeline.models import Event, Timeline


@dataclass(frozen=True)
class Change:
    old: Event
    new: Event

    @property
    def more_precise(self) -> bool:
        """A dated report where there was only "recent", or a narrower period."""
        old, new = self.old.date, self.new.date
        if old.value == "PAST_REF" and new.value != "PAST_REF":
            return True
        return new.value != "PAST_REF" and (new.end - new.start) < (old.end - old.start)

    @property
    def new_sources(self) -> list:
        known = {s.path for s in self.old.sources}
        return [s for s in self.new.sources if s.path not in known]


@dataclass(frozen=True)
class Changes:
    added: list[Event]
    changed: list[Change]
    removed: list[Event]


def content(event: Event) -> tuple:
    """What a reader sees of an event; a change here is a change of the event."""
    return (event.date, event.headline, event.text, tuple(s.path for s in event.sources), event.expected)


def compare(old: Timeline, new: Timeline) -> Changes:
    before = {e.id: e for e in old.events}
    after = {e.id: e for e in new.events}
    return Changes(
        added=[e for e in new.events if e.id not in before],
        changed=[Change(before[e.id], e) for e in new.events if e.id in before and content(before[e.id]) != content(e)],
        removed=[e for e in old.events if e.id not in after],
    )


def fingerprint(event: Event) -> bytes:
    """A short digest of what a reader sees of an event (its `content`)."""
    return hashlib.blake2b(repr(content(event)).encode("utf-8"), digest_size=16).digest()


def digests(timeline: Timeline | None) -> dict[str, tuple[bytes, int]] | None:
    """A build as id -> (fingerprint, sequence): all that SEQUENCE needs of it, without its models."""
    return None if timeline is None else {e.id: (fingerprint(e), e.sequence) for e in timeline.events}


def carry_sequences(previous: Timeline | dict[str, tuple[bytes, int]] | None, new: Timeline) -> Timeline:
    """Each event keeps the previous build's SEQUENCE, one higher where it changed.

    `previous` is the previous build or its `digests`."""
    if previous is None:
        return new
    before = previous if isinstance(previous, dict) else digests(previous)

    def sequence(event: Event) -> int:
        old = before.get(event.id)
        if old is None:
            return 0
        return min(old[1] + (old[0] != fingerprint(event)), 2**31 - 1)

    events = tuple(e.model_copy(update={"sequence": sequence(e)}) for e in new.events)
    return new.model_copy(update={"events": events})


FIX = "give the timeline.json of a build"


def load_timeline(path: Path) -> Timeline:
    """A timeline.json written by an earlier build; anything else is a TimelineError naming the problem."""
    from timeline.bounded import TIMELINE_JSON, read_text

    text = read_text(path, TIMELINE_JSON, f"{FIX} (a regular file of at most 256 MB)")
    try:
        data = json.loads(text)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate ("\ud800") is no text
    except RecursionError:
        raise TimelineError(f"{path}: nested too deep to be a timeline.json; {FIX}") from None
    except (ValueError, UnicodeEncodeError) as error:
        raise TimelineError(f"{path}: not a timeline.json ({str(error).splitlines()[0]}); {FIX}") from None
    try:
        return Timeline.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        raise TimelineError(f"{path}: not a timeline.json (field {field_of(problem, 'the top')}: {problem['msg']}); "
                            f"{FIX}") from None
    except RecursionError:
        raise TimelineError(f"{path}: nested too deep to be a timeline.json; {FIX}") from None
