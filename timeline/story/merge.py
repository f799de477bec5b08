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

import datetime as dt
import heapq
from collections import defaultdict

from timeline.models import Event, EventDate
from timeline.story.events import Candidate
from timeline.story.blocks import DATED, blocks, memberships, pairs, split_blocks, unique
from timeline.story.features import Features, known
from timeline.story.tellings import same_fact
from timeline.story.relevance import Subject, score
from timeline.temporal import periods
from timeline.temporal.labels import label



def evidence(candidate: Candidate, subject: str | None, names: frozenset[str]) -> Features:
    """What a report says, its words kept to the story's names. A lead speaks for
    its article: it also carries the article's most named name."""
    f = known(candidate.features, names)
    extra = next((n for n in candidate.top_names if n != subject), None) if candidate.kind == "lead" else None
    return Features(f.amounts, f.names | {extra}, f.words, f.actor, f.terms) if extra else f


TESTED = 200_000  # answers of the pair test kept in a generation (merge.report_groups), some 20 MB


def copy_key(candidate: Candidate) -> tuple:
    """What identical copies of a report share: the same words at the same date, told the same way."""
    d = candidate.date
    return (candidate.kind, candidate.text, d.value, d.mod, d.start, d.end, d.grain, candidate.top_names)


def copies(candidates: list[Candidate]) -> list[list[int]]:
    """Identical reports (a wire copy republished by many outlets) as one class each, in order
    of their first member; a class holds each article once."""
    classes: list[list[int]] = []
    open_: dict[tuple, list[tuple[list[int], set]]] = {}
    for i, c in enumerate(candidates):
        shelf = open_.setdefault(copy_key(c), [])
        home = next((pair for pair in shelf if c.source.path not in pair[1]), None)
        if home is None:
            home = ([], set())
            shelf.append(home)
            classes.append(home[0])
        home[0].append(i)
        home[1].add(c.source.path)
    return classes


def groups(candidates: list[Candidate], subject: str | None, names: frozenset[str],
           dropped: frozenset = frozenset()) -> list[list[int]]:
    """Candidates joined into facts. Identical copies are one report first (so a wire copy
    in a thousand articles stays one small block); then dated and "recent" reports join by
    union-find over pairs that share a key, and each undated mention goes onto the first fact it fits."""
    classes = copies(candidates)
    reports = [candidates[members[0]] for members in classes]
    sources = [{candidates[i].source.path for i in members} for members in classes]
    joined = report_groups(reports, sources, subject, names, dropped)
    return [sorted(i for k in group for i in classes[k]) for group in joined]


def report_groups(
    candidates: list[Candidate], sources: list[set], subject: str | None, names: frozenset[str],
    dropped: frozenset = frozenset(), found: list[Features] | None = None, keyed: list[list[int]] | None = None,
) -> list[list[int]]:
    """Reports joined into facts; `sources` are the articles each report stands for; `dropped`
    the keys shared by more than blocks.MAX_BLOCK reports of the whole story (see timeline.store);
    `found` each report's evidence when it is known (the store's probes: then a report need only
    be what the pair test reads of it, timeline.parts.Probe); `keyed` the blocks when they are known (the
    store reads a large part's from its table of keys: no index of every key in memory)."""
    ignore = frozenset({subject}) if subject else frozenset()
    found = found if found is not None else [evidence(c, subject, names) for c in candidates]
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tested: list[dict[tuple[int, int], bool]] = [{}, {}]  # a pair is asked again each time a fact of it meets
    # another: the answers of late, and the generation before, up to TESTED each (a large part asks millions)

    def fits(i: int, j: int) -> bool:
        new, old = tested
        known_ = new.get((i, j))
        if known_ is None:
            known_ = old.get((i, j))
            if known_ is None:
                known_ = same_fact(candidates[i], candidates[j], found[i], found[j], ignore)
            if len(new) >= TESTED:
                tested[:] = new, old = {}, new
            new[i, j] = known_
        return known_

    undated = {i for i, c in enumerate(candidates) if c.kind == "undated"}
    keyed = keyed if keyed is not None else list(blocks(found, ignore, dropped, candidates))
    dated_parts, mention_parts = split_blocks(keyed, undated)
    members = {i: [i] for i in range(len(candidates))}  # each fact's reports, under its root
    articles = dict(enumerate(sources))  # an article reports a fact once

    def all_fit(a: int, b: int) -> bool:
        """Complete linkage over articles: two facts join only when each article's telling of one is
        the same fact as each article's telling of the other (an article's telling: any of its reports
        there), so a merge never chains A to C through B."""
        return all(any(fits(x, y) for x in xs for y in ys) for xs in tellings_of(a) for ys in tellings_of(b))

    told: dict[int, list[list[int]]] = {}  # each fact's reports by article, under its root, until it grows

    def tellings_of(a: int) -> list[list[int]]:
        if a not in told:
            told[a] = by_article(members[a])
        return told[a]

    def by_article(fact: list[int]) -> list[list[int]]:
        found: dict[str, list[int]] = {}
        for x in fact:
            found.setdefault(candidates[x].source.path, []).append(x)
        return list(found.values())

    def unite(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b and fits(i, j) and (not (articles[a] & articles[b]) or
                                      candidates[i].source.path == candidates[j].source.path) and all_fit(a, b):
            parent[b] = a
            members[a] += members.pop(b)
            told.pop(a, None), told.pop(b, None)
            articles[a] |= articles.pop(b)

    # Dated pairs in ascending (i, j) order, made one i at a time from the blocks: no list of every pair.
    for i, j in pairs(memberships(dated_parts, len(candidates))):
        unite(i, j)

    def takes(a: int, mention: int) -> bool:  # a fact told with a date, and every report of it fits
        return (any(candidates[x].kind in DATED for x in members[a])
                and all(any(fits(mention, x) for x in xs) for xs in tellings_of(a)))

    for mention in sorted(mention_parts):  # onto the first such fact, in ascending order (its members stay)
        other = next((o for o in unique(heapq.merge(*mention_parts[mention])) if takes(root(o), mention)), None)
        if other is not None:
            parent[mention] = root(other)
    joined: dict[int, list[int]] = defaultdict(list)
    for i in range(len(candidates)):
        joined[root(i)].append(i)
    return list(joined.values())


def precision(candidate: Candidate) -> tuple:
    """Sort key, best first: a dated report over a "recent" one, then the narrower period."""
    date = candidate.date
    return (candidate.kind not in DATED, (date.end - date.start).days, candidate.published)


def fullness(candidate: Candidate, names: frozenset[str]) -> tuple:
    """Sort key, best first: the telling that names the most of the fact (names, amount,
    word for what happened), a dated one before a mention, then the shorter."""
    said = known(candidate.features, names)
    first = candidate.headline.split(" ", 2)
    actor = candidate.headline.startswith("[") or first[0] in said.names or (  # "Zorgverzekeraar Zilveren Kruis
        len(first) > 1 and first[0] not in ("De", "Het", "Een") and first[1] in said.names)  # schrapt": a type first
    told = 2 * actor + 2 * bool(said.amounts) + min(len(said.names), 2) + bool(said.words)
    rank = 0 if candidate.kind in DATED else 2 if candidate.kind == "undated" else 1
    return (-told, rank, len(candidate.text), candidate.published)


def own_title(clearest: Candidate, heads: list[Candidate], names: frozenset[str]) -> Candidate:
    """The lead its article's title heads, instead of another telling of that same article that names as much ("FC
    Lindeveld zet trainer Erik Veldman op straat" over "Lindeveld won niet meer" of that day): the editor's own words
    for the news; another article's telling keeps its place."""
    told = fullness(clearest, names)[:2]
    return next((c for c in heads if c.kind == "lead" and c.source.path == clearest.source.path and c.source.title
                 and c.headline == c.source.title and fullness(c, names)[:2] == told), clearest)


def looks_back_at(later: Candidate, earlier: Candidate) -> bool:
    """Whether a telling looks back, in a later article and over a coarser period, at a day another told ("In
    november schrapte Plantwise al 30 banen" after "Plantwise schrapt 30 van de 85 banen" of 18 November)."""
    return earlier.kind in DATED and earlier.published < later.published \
        and (earlier.date.end - earlier.date.start).days <= 1 < (later.date.end - later.date.start).days


def fitting_date(members: list[Candidate]) -> EventDate:
    """The date every report allows: the overlap of the dated periods, ended by the
    publication of a report that only says it happened before ("recent", undated)."""
    best = min(members, key=precision)
    dated = [c.date for c in members if c.kind in DATED]
    if not dated:
        return best.date
    start, end = max(d.start for d in dated), min(d.end for d in dated)
    for c in members:
        if c.kind not in DATED:
            end = min(end, c.published_end)
    if start >= end:
        return best.date
    same = [c for c in members if c.kind in DATED and (c.date.start, c.date.end) == (start, end)]
    if same:  # the report of it done says its hour, not the forecast of its day
        return min(same, key=lambda c: c.expected).date
    return span_date(best.date, start, end)


def span_date(like: EventDate, start: dt.date, end: dt.date) -> EventDate:
    period = periods.span(start, end, like.grain)
    return EventDate(value=like.value, mod=None, start=start, end=end, grain=like.grain, label=label(period, None))


def combine(members: list[Candidate], names: frozenset[str], focus: Subject | None) -> Event | None:
    """The one event a fact's reports make, or None for mentions nothing dated."""
    dated = [c for c in members if c.kind in DATED]
    if not dated and not any(c.kind in ("recent", "current") and c.features.amounts for c in members):
        return None
    best_date = min(members, key=precision)
    heads = [c for c in members if c.kind != "undated"] or members  # a mention that joins a fact never heads it,
    heads = [c for c in heads if not c.expected] or heads  # nor a forecast the report of its happening,
    heads = [c for c in heads if not any(looks_back_at(c, o) for o in heads)] or heads  # nor a later look back
    clearest = own_title(min(heads, key=lambda c: fullness(c, names)), heads, names)
    first = min(members, key=lambda c: (c.published, c.source.path, c.id))
    sources = sorted({c.source for c in members}, key=lambda s: (s.published, s.path))
    event = Event(
        id=first.id, date=fitting_date(members), headline=clearest.headline, text=clearest.text,
        sources=tuple(sources), expected=best_date.expected and all(c.expected for c in dated),  # a forecast that a
    )  # later report tells as done is done
    said = known(clearest.features, names)
    others = [n for n in said.names if focus is None or not focus.named_in(n)]
    return event.model_copy(update={"relevance": score(event, focus, bool(said.amounts), len(others))})


def merge(candidates: list[Candidate], subject: str | None, names: frozenset[str], focus: Subject | None = None) -> list[Event]:
    """Events of the whole story, each fact once with every source.

    `names` are the words known as names in the story's articles; `focus` the
    story's subject, for relevance.
    """
    return [event for event, _ in tellings(candidates, subject, names, focus)]


def tellings(
    candidates: list[Candidate], subject: str | None, names: frozenset[str], focus: Subject | None = None,
    dropped: frozenset = frozenset(),
) -> list[tuple[Event, list[Candidate]]]:
    """Each event with the reports it was made of (for the review page)."""
    found = []
    for group in groups(candidates, subject, names, dropped):
        members = [candidates[i] for i in group]
        event = combine(members, names, focus)
        if event is not None:
            found.append((event, members))
    return found
