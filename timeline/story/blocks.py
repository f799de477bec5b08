"""Which reports are worth comparing: the keys a report is found by, and the pairs that share one.

Comparing every report with every other would cost the square of the story; a merge only tests the pairs
that share an amount, a name, an event word, a stem, or a named actor on one day.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from typing import Iterable, Iterator

from timeline.story.features import Features, actor_names, state_words

MAX_BLOCK = 200  # a key shared by more candidates than this says too little to compare on
DATED = ("lead", "dated")
BEFORE_PUBLICATION = ("undated", "current")  # reports that only say the fact came before their article
DAY = dt.timedelta(days=1)
ACTOR_END = 6  # the last letters of an actor's word: "afdeling" is the end of "kinderafdeling"


def undated_lead(c) -> bool:
    """A lead of one day, its publication day (most say no day of their own): it may tell the evening before
    (see merge.the_evening_before)."""
    return c.kind == "lead" and c.date.end == c.published_end and (c.date.end - c.date.start).days == 1


def split_blocks(found_blocks: list[list[int]], undated: set[int]) -> tuple[list[list[int]], dict[int, list]]:
    """Each block's dated and "recent" reports (where two or more share it), and for each
    undated mention the dated parts of its blocks: undated mentions join facts, never each other."""
    dated_parts, mention_parts = [], defaultdict(list)
    for block in found_blocks:
        part = [i for i in block if i not in undated]
        if len(part) > 1:
            dated_parts.append(part)
        if part and len(part) < len(block):
            for i in block:
                if i in undated:
                    mention_parts[i].append(part)
    return dated_parts, mention_parts


def unique(ascending: Iterable[int]) -> Iterator[int]:
    last = None
    for i in ascending:
        if i != last:
            yield i
        last = i


def memberships(found_blocks: Iterable[list[int]], count: int) -> list[list[list[int]]]:
    """For each candidate, the blocks (ascending lists of candidates) it is in."""
    member_of: list[list[list[int]]] = [[] for _ in range(count)]
    for block in found_blocks:
        for i in block:
            member_of[i].append(block)
    return member_of


def pairs(member_of: list[list[list[int]]]) -> Iterator[tuple[int, int]]:
    """Each pair of candidates that share a block, once, in ascending (i, j) order."""
    for i, own in enumerate(member_of):
        if len(own) == 1:
            block = own[0]
            later = block[bisect_right(block, i):]
        else:
            later = sorted({j for block in own for j in block[bisect_right(block, i):]})
        for j in later:
            yield i, j


def block_keys(f: Features, ignore: frozenset[str], c=None) -> list[tuple]:
    """The keys a report is found by: its amounts, names (but the subject), event words and stems; a dated
    report of one day also by each name of its actor with that day (see `named_actor`), and by its article
    and day (see `told_again`)."""
    keys = [("amount", a) for a in f.amounts] + [("name", n) for n in f.names - ignore] + [("word", w) for w in f.words]
    if c is not None and c.kind in (*DATED, "current") and (c.date.end - c.date.start).days == 1:
        keys += [("actor", n, c.date.start.isoformat()) for n in sorted(actor_names(f))]
        eve = c.date.start - DAY if undated_lead(c) else None
        keys += [("did", w, (eve or c.date.start).isoformat()) for w in f.actor if eve or c.kind == "dated"]  # a lead
        # without a day of its own and a dated report of the day before (see merge.the_evening_before)
        if c.date.start >= c.published_end:  # a day still to come, by its actor's word (see tellings.planned_again)
            keys += [("planned", w[-ACTOR_END:], c.date.start.isoformat()) for w in f.actor if len(w) >= ACTOR_END]
        keys.append(("told", c.source.path, c.date.start.isoformat()))  # one article's reports of one day: told
        # again by the same actor, in other words ("NSC stapt uit kabinet", "Het NSC-smaldeel heeft ...")
    if c is not None and c.kind in DATED and (c.date.end - c.date.start).days <= 31:  # one government's deed of a
        keys += [("state", w, c.date.start.isoformat(), c.date.end.isoformat()) for w in sorted(state_words(f))]  # day
    return keys + [("term", t) for t in f.terms]


def blocks(found: list[Features], ignore: frozenset[str], dropped: frozenset = frozenset(),
           candidates: list | None = None) -> Iterable[list[int]]:
    """Candidates that share an amount, a name or an event word: the only pairs worth testing.
    `dropped` are keys too common in the whole story (when the story is merged in parts)."""
    index: dict[object, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        for key in block_keys(f, ignore, candidates[i] if candidates else None):
            index[key].append(i)
    return (members for key, members in index.items() if 1 < len(members) <= MAX_BLOCK and key not in dropped)


def near_in_date(reports: list) -> Iterator[tuple[int, int]]:
    """The pairs (k, l), k < l, of a block's reports (each with a kind and a date) other than those that only say
    the fact came before their article (BEFORE_PUBLICATION), whose dates overlap or lie a day apart: the only such
    pairs merge.same_fact may call one fact. Found in order of date, so most pairs of a block (200 copies of one
    sentence, six years apart) are never looked at."""
    dated = sorted((k for k, r in enumerate(reports) if r.kind not in BEFORE_PUBLICATION), key=lambda k: reports[k].date.start)
    for n, k in enumerate(dated):
        reach = max(reports[k].date.start, reports[k].date.end) + DAY  # overlap, or one day apart
        for m in range(n + 1, len(dated)):
            if reports[dated[m]].date.start > reach:
                break
            yield min(k, dated[m]), max(k, dated[m])
