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
import re
from collections import defaultdict

from timeline.models import Event, EventDate
from timeline.story.events import Candidate
from timeline.story.blocks import (
    BEFORE_PUBLICATION, DATED, blocks, memberships, pairs, split_blocks, undated_lead, unique,
)
from timeline.story.features import STEM, Features, actor_names, known, state_words
from timeline.story.relevance import Subject, score
from timeline.temporal import periods
from timeline.temporal.labels import label



def evidence(candidate: Candidate, subject: str | None, names: frozenset[str]) -> Features:
    """What a report says, its words kept to the story's names. A lead speaks for
    its article: it also carries the article's most named name."""
    f = known(candidate.features, names)
    extra = next((n for n in candidate.top_names if n != subject), None) if candidate.kind == "lead" else None
    return Features(f.amounts, f.names | {extra}, f.words, f.actor, f.terms) if extra else f


def overlap(a: Candidate, b: Candidate) -> bool:
    da, db = a.date, b.date
    return da.start < db.end and db.start < da.end


def dates_fit(a: Candidate, b: Candidate) -> bool:
    if a.kind in BEFORE_PUBLICATION or b.kind in BEFORE_PUBLICATION:
        mention, other = (a, b) if a.kind in BEFORE_PUBLICATION else (b, a)
        return other.kind != "undated" and other.date.start < mention.published_end
    return overlap(a, b)


def same_fact(a: Candidate, b: Candidate, fa: Features, fb: Features, ignore: frozenset[str]) -> bool:
    if a.source.path == b.source.path:
        return told_again(a, b, fa, fb)
    both_dated = a.kind in DATED and b.kind in DATED
    if not dates_fit(a, b):  # a day apart, told in the same words: one article counted the day from another day
        return both_dated and days_apart(a, b) <= NEAR_DAYS and (retold(fa, fb) and fa.same_actor(fb)
                                                                  or the_evening_before(a, b, fa, fb))
    return (fa.same_fact(fb, ignore, both_dated) or (both_dated and days_apart(a, b) == 0 and named_actor(fa, fb))
            or (both_dated and retold(fa, fb) and fa.same_actor(fb)) or (both_dated and one_states_deed(a, b, fa, fb))
            or (both_dated and (looked_back(a, b, fa, fb) or fulfilled(a, b, fa, fb))))


def one_states_deed(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """Two reports of one country's government ("Het kabinet ...", "Minister X ...", "De VS ...", "De Amerikaanse
    regering ...") at one day, or at one and the same month: one happening of that government."""
    da, db = a.date, b.date
    one = days_apart(a, b) == 0 or ((da.start, da.end) == (db.start, db.end) and (da.end - da.start).days <= 31)
    return one and bool(state_words(fa) & state_words(fb))


def looked_back(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """A later article looking back over a month or a year ("Een eerder plan werd vorig jaar januari vernietigd
    door de Raad van State") at a day an earlier article told ("De Raad van State heeft woensdag het
    bestemmingsplan vernietigd"): one happening, when the day lies in the period, the actor is a name both
    write and they share a word of what it is about besides the actor's."""
    coarse, fine = (a, b) if length(a) > length(b) else (b, a)
    return (length(fine) <= 1 < length(coarse) <= LOOK_BACK and fine.published_end < coarse.published_end
            and coarse.date.start <= fine.date.start and fine.date.end <= coarse.date.end
            and (bool(actor_names(fa) & actor_names(fb)) or not (fa.actor and fb.actor) and same_deed(fa, fb))  # "Het
            # jong werd begin maart geboren": a reference, its actor unknown here, looks back at the birth told before
            and bool(set(fa.terms) & set(fb.terms) - {w[:STEM] for w in (*fa.actor, *fb.actor)}))  # besides the actor


DEED_STEM = re.compile(r"(?:ge|be|ver|ont|her|\w{2,4}ge)\w{3,}")  # the first letters of a participle: "geboren",
# "gearres" (gearresteerd), "aangeho" (aangehouden)


def same_deed(fa: Features, fb: Features) -> bool:
    """Whether two reports share a word shaped as a participle, besides their actors': the same deed."""
    shared = set(fa.terms) & set(fb.terms) - {w[:STEM] for w in (*fa.actor, *fb.actor)}
    return any(DEED_STEM.fullmatch(term) for term in shared)


def fulfilled(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """A forecast ("De laatste vlucht vertrekt op 25 oktober") and a report, no earlier, of it done at a day in its
    period ("Op 25 oktober vertrok de laatste vlucht van AirNord"): one happening, when their actors agree and they
    share a word besides the actor's."""
    forecast, done = (a, b) if a.date.start >= a.published_end else (b, a)
    return (forecast.date.start >= forecast.published_end and done.date.start < done.published_end
            and forecast.published_end <= done.published_end and length(forecast) <= FORECAST_SPAN
            and forecast.date.start <= done.date.start and done.date.end <= forecast.date.end and fa.same_actor(fb)
            and bool(set(fa.terms) & set(fb.terms) - {w[:STEM] for w in (*fa.actor, *fb.actor)}))


def length(c: Candidate) -> int:
    return (c.date.end - c.date.start).days


def the_evening_before(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """A lead that says no day of its own stands at its publication day; an article of the day before tells
    the same actor's deed on that day ("NSC verlaat het demissionaire kabinet", published the morning after
    "Het NSC-smaldeel heeft vrijdagavond bekendgemaakt zich terug te trekken"): one happening, the day before."""
    lead, other = (a, b) if undated_lead(a) else (b, a)
    return (undated_lead(lead) and (lead.date.start - other.date.start).days == 1
            and bool(set(fa.actor) & set(fb.actor)))


def named_actor(fa: Features, fb: Features) -> bool:
    """Two articles telling what one named actor did on one day ("Tata Steel kondigde een reorganisatie aan",
    "Tata Steel zegt 1.600 banen te schrappen"): the same news, when the actor is a name both write."""
    return bool(actor_names(fa) & actor_names(fb))


def told_again(a: Candidate, b: Candidate, fa: Features, fb: Features) -> bool:
    """One article telling one happening twice: the same day, the same named actor ("Het staalbedrijf
    kondigde een reorganisatie aan" ... "Tata Steel zei 1.600 banen te schrappen")."""
    return (told_at(a, b) and days_apart(a, b) == 0 and bool(fa.actor and fb.actor)
            and bool(set(fa.actor) & set(fb.actor)))


def told_at(a: Candidate, b: Candidate) -> bool:
    """Both dated, or one dated and the other its article's figure of the day ("ASML boekte ook een hogere
    omzet" beside "ASML heeft fors meer bestellingen binnengekregen", both of the day of the figures)."""
    dated = (a.kind in DATED) + (b.kind in DATED)
    return dated == 2 or (dated == 1 and "current" in (a.kind, b.kind))


NEAR_DAYS = 1
LOOK_BACK = 366  # the longest period a look back may have: a year ("in 2024 ...")
FORECAST_SPAN = 31  # the longest period a forecast may have to join the report of its happening: a month
TESTED = 200_000  # answers of the pair test kept in a generation (merge.report_groups), some 20 MB
RETOLD = 0.8  # the share of the shorter telling's stems the other holds


def days_apart(a: Candidate, b: Candidate) -> int:
    da, db = a.date, b.date
    if (da.end - da.start).days > 1 or (db.end - db.start).days > 1:
        return 99  # only day-grain reports
    return abs((da.start - db.start).days)


def retold(fa: Features, fb: Features) -> bool:
    shared, fewest = len(set(fa.terms) & set(fb.terms)), min(len(fa.terms), len(fb.terms))
    return fewest >= 3 and shared >= RETOLD * fewest


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
    same = [d for d in dated if (d.start, d.end) == (start, end)]
    if same:
        return same[0]
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
    clearest = min(heads, key=lambda c: fullness(c, names))
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
