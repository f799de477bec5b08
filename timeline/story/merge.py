"""One story from many articles: reports of the same fact become one event.

Two reports from different articles are the same fact when their dates can
be the same (periods overlap; an undated mention may only report what came
before its article) and they share a name other than the story's subject
together with an amount or a word for what happened; two dated reports may
instead share an amount and such a word. Two rounds of 10 billion by
different companies share only the amount, and stay apart. Undated mentions
only join a fact; they never join two facts together.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from timeline.story.events import Candidate
from timeline.story.features import Features, known
from timeline.models import Event

MAX_BLOCK = 200  # a key shared by more candidates than this says too little to compare on
DATED = ("lead", "dated")


def evidence(candidate: Candidate, subject: str | None, names: frozenset[str]) -> Features:
    """What a report says, its words kept to the story's names. A lead speaks for
    its article: it also carries the article's most named name."""
    f = known(candidate.features, names)
    extra = next((n for n in candidate.top_names if n != subject), None) if candidate.kind == "lead" else None
    return Features(f.amounts, f.names | {extra}, f.words) if extra else f


def overlap(a: Candidate, b: Candidate) -> bool:
    da, db = a.date, b.date
    return da.start < db.end and db.start < da.end


def dates_fit(a: Candidate, b: Candidate) -> bool:
    if a.kind == "undated" or b.kind == "undated":
        mention, other = (a, b) if a.kind == "undated" else (b, a)
        return other.kind != "undated" and other.date.start <= mention.published
    return overlap(a, b)


def same_fact(a: Candidate, b: Candidate, fa: Features, fb: Features, ignore: frozenset[str]) -> bool:
    if a.source.path == b.source.path:
        return False
    both_dated = a.kind in DATED and b.kind in DATED
    return dates_fit(a, b) and fa.same_fact(fb, ignore, both_dated)


def groups(candidates: list[Candidate], subject: str | None, names: frozenset[str]) -> list[list[int]]:
    """Candidates joined into facts: dated and "recent" reports by union-find over
    pairs that share a key, then each undated mention onto the first fact it fits."""
    ignore = frozenset({subject}) if subject else frozenset()
    found = [evidence(c, subject, names) for c in candidates]
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def fits(i: int, j: int) -> bool:
        return same_fact(candidates[i], candidates[j], found[i], found[j], ignore)

    # Two candidates that share several keys are one pair: each pair is tested once.
    pairs = sorted({(i, j) for block in blocks(found, ignore) for x, i in enumerate(block) for j in block[x + 1 :]})
    undated = {i for i, c in enumerate(candidates) if c.kind == "undated"}
    for i, j in pairs:
        if i not in undated and j not in undated and root(i) != root(j) and fits(i, j):
            parent[root(j)] = root(i)
    for i, j in pairs:
        mention, other = (i, j) if i in undated else (j, i)
        if (mention in undated) != (other in undated) and parent[mention] == mention and fits(mention, other):
            parent[mention] = root(other)
    joined: dict[int, list[int]] = defaultdict(list)
    for i in range(len(candidates)):
        joined[root(i)].append(i)
    return list(joined.values())


def blocks(found: list[Features], ignore: frozenset[str]) -> Iterable[list[int]]:
    """Candidates that share an amount, a name or an event word: the only pairs worth testing."""
    index: dict[object, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        for key in [("amount", a) for a in f.amounts] + [("name", n) for n in f.names - ignore] + [("word", w) for w in f.words]:
            index[key].append(i)
    return (members for members in index.values() if 1 < len(members) <= MAX_BLOCK)


def precision(candidate: Candidate) -> tuple:
    """Sort key, best first: a dated report over a "recent" one, then the narrower period."""
    date = candidate.date
    return (candidate.kind not in DATED, (date.end - date.start).days, candidate.published)


def combine(members: list[Candidate]) -> Event | None:
    """The one event a fact's reports make, or None for mentions nothing dated."""
    dated = [c for c in members if c.kind in DATED]
    if not dated and not any(c.kind == "recent" and c.features.amounts for c in members):
        return None
    best_date = min(members, key=precision)
    clearest = min(dated or members, key=lambda c: (len(c.text), c.published))
    first = min(members, key=lambda c: (c.published, c.source.path, c.id))
    sources = sorted({c.source for c in members}, key=lambda s: (s.published, s.path))
    return Event(
        id=first.id, date=best_date.date, text=clearest.text, sources=tuple(sources), expected=best_date.expected,
    )


def merge(candidates: list[Candidate], subject: str | None, names: frozenset[str]) -> list[Event]:
    """Events of the whole story, each fact once with every source.

    `names` are the words known as names in the story's articles.
    """
    events = (combine([candidates[i] for i in group]) for group in groups(candidates, subject, names))
    return [e for e in events if e is not None]
