"""What the merge of an archive in parts (timeline.store) needs besides the store: a
candidate as the merge's pair test reads it, the union-find over candidate numbers and the
pairs of a block it joins, and the merge of a batch of parts, which runs here or as a Dask task."""

from __future__ import annotations

import array
from bisect import bisect_right

from timeline.build import candidate_of
from timeline.editing import split_off
from timeline.models import Event
from timeline.story.events import Candidate
from timeline.story.blocks import BEFORE_PUBLICATION, near_in_date
from timeline.story.merge import tellings
from timeline.story.tellings import same_fact
from timeline.story.relevance import Subject


class Probe:
    """What the merge's pair test reads of a candidate, without its text."""

    __slots__ = ("date", "kind", "published_end", "source")

    def __init__(self, path: str, kind: str, start, end, published_end):
        self.source, self.kind, self.date, self.published_end = Named(path), kind, Span(start, end), published_end

    def __reduce__(self):
        return (Probe, (self.source.path, self.kind, self.date.start, self.date.end, self.published_end))


class Named:
    __slots__ = ("path",)

    def __init__(self, path: str):
        self.path = path


class Span:
    __slots__ = ("end", "start")

    def __init__(self, start, end):
        self.start, self.end = start, end


def probe(c: Candidate, found) -> tuple:
    return (Probe(c.source.path, c.kind, c.date.start, c.date.end, c.published_end), found)


def merge_part_batch(batch: list, subject: str | None, names: frozenset[str], focus: Subject | None,
                     dropped: frozenset, edits=None) -> list[tuple[int, bool, Event]]:
    """The events of some parts, each as (its first candidate's number, belongs to the subject, event);
    the tellings `edits` split off an event stand alone (editing.split_off), numbered as their event."""
    found = []
    for members in batch:
        candidates = [candidate_of(rec) for _, _, rec in members]
        numbers = {id(c): seq for c, (seq, _, _) in zip(candidates, members)}
        owned = {id(c) for c, (_, is_owned, _) in zip(candidates, members) if is_owned}
        for event, told in tellings(candidates, subject, names, focus, dropped):
            first = min(numbers[id(m)] for m in told)
            for made, group in split_off([(event, told)], edits, names, focus):
                belong = any(m.kind != "undated" and (id(m) in owned or (focus is not None and focus.named_in(m.text)))
                             for m in group)
                found.append((first, belong, made))
    return found


def root(parent: array.array, i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def unite(parent: array.array, i: int, j: int) -> None:
    a, b = root(parent, i), root(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)


def tupled(value):
    """A key read back from JSON: its lists tuples again."""
    return tuple(tupled(v) for v in value) if isinstance(value, list) else value


def join_block(parent: array.array, reports: list[int], found: list[tuple], ignore: frozenset[str]) -> None:
    """Unite the reports of one block (their numbers, and each one's probe and evidence) that merge.same_fact
    calls one fact. Two reports that both tell a date are tested only where their dates meet
    (blocks.near_in_date); no pair is tested that is in one part already (through a pair before it, here or
    in another block): the parts are the same in any order."""
    roots = [root(parent, i) for i in reports]
    mentions = [k for k, (p, _) in enumerate(found) if p.kind in BEFORE_PUBLICATION]
    joinable = [k for k, (p, _) in enumerate(found) if p.kind != "undated"]  # undated mentions never join each other

    def test(k: int, m: int) -> None:
        (a, fa), (b, fb) = found[k], found[m]
        if roots[k] != roots[m] and same_fact(a, b, fa, fb, ignore):
            unite(parent, reports[k], reports[m])
            old, new = max(roots[k], roots[m]), min(roots[k], roots[m])
            roots[:] = [new if r == old else r for r in roots]

    for n, (p, _) in enumerate(found):  # each pair with a mention, unless in one part already
        if p.kind == "undated":
            later = joinable[bisect_right(joinable, n):]
        elif p.kind in BEFORE_PUBLICATION:
            later = range(n + 1, len(reports))
        else:
            later = mentions[bisect_right(mentions, n):]
        for m in [m for m in later if roots[m] != roots[n]]:
            test(n, m)
    for k, m in near_in_date([p for p, _ in found]):
        test(k, m)
