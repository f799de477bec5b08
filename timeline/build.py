"""Build the story: read articles one at a time, gather their events, order them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from functools import lru_cache, partial
from typing import Callable, Iterable, Iterator

from timeline.read.article import read_article
from timeline.read.decode import clean
from timeline.read.inputs import Input, default_seeds, inputs, read_bytes  # noqa: F401  (inputs: part of the library's call)
from timeline.errors import ArticleError, TimelineError
from timeline.story.events import Candidate, LeftOut, Why, article_candidates, known_names, shared_date, source_of
from timeline.story.cast import name_runs, title_name
from timeline.story.tagging import forget_texts
from timeline.story.words import story_words
from timeline.story.features import Features
from timeline.temporal.language import load
from timeline.temporal.tagger import Prefer
from timeline.story.merge import tellings
from timeline.story.edits import Edits, apply_edits
from timeline.editing import added_event, edit_date, split_off
from timeline.story.relevance import Subject, keep
from timeline.models import Event, EventDate, Source, Timeline, event_order



@dataclass(frozen=True)
class Outcome:
    """What one article gave: its candidates and the names it mentions, or why it was skipped."""

    name: str
    candidates: tuple[Candidate, ...] = ()
    names: Counter | None = None
    error: ArticleError | None = None
    source: Source | None = None  # the article, which an editor's added event may come from
    left_out: tuple[LeftOut, ...] = ()  # its sentences that gave no event, when asked for (review, desk)


def process(item: Input, published: dt.date | None, prefer: Prefer, language: str, left: bool = False) -> Outcome:
    """Read one article and return its events (with `left`, also the sentences that gave none);
    the article's text is not kept. What it gives never depends on the articles read before it in this
    process (the tagger's memory of the texts it tagged is emptied first)."""
    forget_texts()
    try:
        article = read_article(item.path, published, data=read_bytes(item), name=item.name, kind=item.kind,
                               identity=item.identity, entry=item.entry)
    except ArticleError as error:
        return Outcome(item.name, error=error)
    names = known_names(article.text, language)
    left_out: list[LeftOut] | None = [] if left else None
    try:
        candidates = tuple(article_candidates(article, names, prefer, language, left_out))
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as error:  # a sentence the story code cannot tell skips its article, never the whole build
        return Outcome(item.name, error=ArticleError(
            item.name, f"its story could not be told ({type(error).__name__}: {error})",
            "the article is skipped; report it as a bug of timeline, with the article"))
    return Outcome(item.name, candidates, names, source=source_of(article), left_out=tuple(left_out or ()))


def outcomes(
    items: list[Input], published: dt.date | None, prefer: Prefer, language: str, jobs: int, left: bool = False
) -> Iterator[Outcome]:
    """Each article's outcome, in input order, with `jobs` processes at work.

    With several jobs the articles go to a process pool in chunks (see timeline.pool);
    each worker sends back a chunk's outcomes as compact records (plain tuples, each
    source and date once), which become the same outcomes here. Left-out sentences (`left`) are
    read in this process only.
    """
    work = partial(process, published=published, prefer=prefer, language=language, left=left)
    if jobs <= 1 or len(items) < 2 or left:
        yield from map(work, items)
        return
    from timeline.pool import START_METHOD, pooled
    from timeline.temporal.pos import loaded_model

    if START_METHOD == "fork":
        loaded_model()  # read once here: the forked workers share it instead of each reading it (~0.3 s)
    yield from pooled(items, jobs, published, prefer, language)


def process_chunk(items: list[Input], published: dt.date | None, prefer: Prefer, language: str) -> list[tuple]:
    """A worker's share: each article's outcome as a compact record."""
    return [to_record(process(item, published, prefer, language)) for item in items]


def to_record(outcome: Outcome) -> tuple:
    """An outcome as plain tuples: its sources and dates once each, then its candidates."""
    if outcome.error is not None:
        return (outcome.name, outcome.error)
    sources: dict[int, int] = {}
    dates: dict[int, int] = {}
    source_rows, date_rows, rows = [], [], []
    for c in outcome.candidates:
        if id(c.source) not in sources:
            sources[id(c.source)] = len(source_rows)
            source_rows.append(tuple(getattr(c.source, f) for f in SOURCE_FIELDS))
        if id(c.date) not in dates:
            dates[id(c.date)] = len(date_rows)
            date_rows.append(tuple(getattr(c.date, f) for f in DATE_FIELDS))
        why = c.why and (c.why.sentence, c.why.phrase, c.why.at, c.why.rule, c.why.dates)
        rows.append((c.id, dates[id(c.date)], c.text, c.headline, sources[id(c.source)], c.expected,
                     (c.features.amounts, c.features.names, c.features.words, c.features.actor, c.features.terms), c.kind, c.top_names, why))
    article = outcome.source and tuple(getattr(outcome.source, f) for f in SOURCE_FIELDS)
    return (outcome.name, None, tuple(outcome.names.items()), source_rows, date_rows, rows, article)


def candidate_row(c: Candidate) -> tuple:
    """One candidate as plain values (its source and date inline), as the store keeps it."""
    why = c.why and (c.why.sentence, c.why.phrase, c.why.at, c.why.rule, c.why.dates)
    f = c.features
    return (c.id, tuple(getattr(c.date, k) for k in DATE_FIELDS), c.text, c.headline,
            tuple(getattr(c.source, k) for k in SOURCE_FIELDS), c.expected,
            (f.amounts, f.names, f.words, f.actor, f.terms), c.kind, c.top_names, why)


def candidate_of(row: tuple) -> Candidate:
    """The candidate `candidate_row` stands for (equal to it)."""
    id_, date, text, headline, source, expected, features, kind, top, why = row
    return Candidate(id_, shared_date(*date), text, headline, shared_source(source), expected,
                     Features(*features), kind, top, why and Why(*why))


@lru_cache(maxsize=256)
def shared_source(values: tuple) -> Source:
    """One Source for equal rows: an article's candidates come back from the store together, and each
    row made its own (pydantic checks each, a tenth of the merge's time at 1,000 articles)."""
    return Source(**dict(zip(SOURCE_FIELDS, values)))


SOURCE_FIELDS = tuple(Source.model_fields)
DATE_FIELDS = tuple(EventDate.model_fields)


def from_record(record: tuple) -> Outcome:
    """The outcome a compact record stands for (equal to the one the worker made)."""
    if record[1] is not None:
        return Outcome(record[0], error=record[1])
    name, _, names, source_rows, date_rows, rows, article = record
    sources = [Source(**dict(zip(SOURCE_FIELDS, row))) for row in source_rows]
    dates = [shared_date(*row) for row in date_rows]
    candidates = tuple(
        Candidate(id_, dates[d], text, headline, sources[s], expected, Features(*features), kind, top, why and Why(*why))
        for id_, d, text, headline, s, expected, features, kind, top, why in rows
    )
    return Outcome(name, candidates, Counter(dict(names)), source=article and Source(**dict(zip(SOURCE_FIELDS, article))))


def owned(outcome: Outcome, focus: Subject | None, topic: Counter | None = None) -> list[str]:
    """In an article that names the subject, the candidates whose sentence names no other actor:
    "In 2023 overschreed de omzet de grens van 1 miljard dollar" is the subject's fact. So too in an article
    that never names it but is about what the story's articles so far are about (`topic`, see `on_topic`)."""
    if focus is None:
        return []
    title = outcome.candidates[0].source.title if outcome.candidates else None
    if not (any(focus.touched_in(name) for name in outcome.names)
            or any(focus.touched_in(c.text) for c in outcome.candidates) or (title and focus.touched_in(title))):
        # a title names it too ("Wierdum laat kosten onderzoeken")
        return [c.id for c in outcome.candidates] if topic and on_topic(outcome, topic) else []
    if about(outcome, focus):
        return [c.id for c in outcome.candidates]
    return unnamed(outcome, focus)


def unnamed(outcome: Outcome, focus: Subject) -> list[str]:
    return [c.id for c in outcome.candidates
            if not any(name in outcome.names and not focus.touched_in(name) for name in c.features.names)]


TOPIC_TERMS, TOPIC_SHARE, TOPIC_LEAST = 40, 0.3, 4


def on_topic(outcome: Outcome, topic: Counter) -> bool:
    """An article that never names the subject is about the story when 30% (and at least four) of its
    sentences' stems are among the 40 most used in the articles that do ("Per 7 september wordt de nationale
    exportcontrolemaatregel uitgebreid": a ministry's release in a story of a chip maker's export licences)."""
    terms = {t for c in outcome.candidates for t in c.features.terms}
    shared = terms & {t for t, n in topic.most_common(TOPIC_TERMS) if n > 1}
    return len(shared) >= max(TOPIC_LEAST, TOPIC_SHARE * len(terms))


def topic_terms(outcome: Outcome, focus: Subject | None) -> set[str]:
    """The stems an article that names the subject adds to the story's topic (each article counts once)."""
    if focus is None or not any(focus.touched_in(c.text) for c in outcome.candidates):
        return set()
    return {t for c in outcome.candidates for t in c.features.terms}


BACKGROUND_YEARS = 3


def foreground(outcome: Outcome, focus: Subject | None) -> Outcome:
    """The article's candidates without its background: with a subject given, a sentence dated years
    before its article that names another actor and not the subject by name ("Toenmalig president Trump
    tekende in 2018 ...", a newcomer's career in 2018 in an article of 2025) is no part of the story."""
    if focus is None or not outcome.candidates:
        return outcome
    kept = tuple(c for c in outcome.candidates if not background(c, outcome, focus))
    return outcome if len(kept) == len(outcome.candidates) else replace(outcome, candidates=kept)


def background(c: Candidate, outcome: Outcome, focus: Subject) -> bool:
    published = c.source.published
    long_before = c.date.end <= published.replace(year=published.year - BACKGROUND_YEARS, day=min(published.day, 28))
    if c.kind != "dated" or not long_before or any(_named(c.text, n) for n in focus.names if n[:1].isupper()):
        return False
    return any(name in (outcome.names or ()) and not focus.touched_in(name) for name in c.features.names)


def _named(text: str, name: str) -> bool:
    return Subject(name, ()).named_in(text)


def about(outcome: Outcome, focus: Subject) -> bool:
    """The article is about the subject: its title names it, or no name is mentioned more often.
    Then every fact it dates is part of the story (the premier's talks in an article on the chip maker's exports)."""
    source = outcome.candidates[0].source if outcome.candidates else None
    if source is not None and source.title and focus.touched_in(source.title):
        return True
    counts = {name: n for name, n in outcome.names.items() if n}
    mine = sum(n for name, n in counts.items() if focus.touched_in(name))
    return mine > 0 and mine >= max(counts.values())


class Collector:
    """Gathers outcomes into a timeline; reports skipped articles as they come."""

    def __init__(self, strict: bool, on_skip: Callable[[ArticleError], None], focus: Subject | None = None,
                 store=None):
        self.strict, self.on_skip, self.focus = strict, on_skip, focus
        self.store = store  # a timeline.store.Store: the candidates go there instead of into memory
        self.candidates: list[Candidate] = []
        self.owned: set[str] = set()  # candidates of an article about the subject that name no other actor
        self.names: Counter = Counter()
        self.runs: Counter = Counter()  # names of more than one word, for the title ("Zilveren Kruis")
        self.topic: Counter = Counter()  # the stems of the articles that name the subject, each article once
        self.read = 0
        self.skipped: list[ArticleError] = []
        # every article read, for the events an editor adds: in the store when there is one (one per article)
        self.sources: Iterable[Source] = store.sources() if store is not None else []
        self.left_out: list[LeftOut] = []  # sentences that gave no event, when they were asked for

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            if self.strict:
                raise outcome.error
            self.skipped.append(outcome.error)
            self.on_skip(outcome.error)
            return
        self.read += 1
        if outcome.source is not None:
            (self.store.add_source if self.store is not None else self.sources.append)(outcome.source)
        self.left_out.extend(outcome.left_out)
        self.names.update(outcome.names)
        self.runs.update(name_runs(c.text for c in outcome.candidates))
        outcome = foreground(outcome, self.focus)
        mine = owned(outcome, self.focus, self.topic)
        self.topic.update(topic_terms(outcome, self.focus))
        if self.store is not None:
            self.store.add(outcome, mine)
            return
        self.candidates.extend(outcome.candidates)
        self.owned.update(mine)

    def title(self, title: str | None = None, language: str = "nl", focus: Subject | None = None) -> str:
        """The story's title: the one given, else the subject's (or the name mentioned most); an
        error when no article could be read. The candidates stay as they are."""
        if not self.read:
            raise ArticleError("input", "no article could be read", "fix the files named above")
        subject = focus.name if focus else title_name(self.names, self.runs, story_words(language))
        labels = load(language).labels
        title = " ".join(clean(title).split()) if title else title
        named = subject
        return title or (labels.title.format(name=named) if subject else labels.untitled)

    def timeline(self, title: str | None = None, language: str = "nl", focus: Subject | None = None,
                 key: int | None = None, edits: Edits | None = None, warn: Callable[[str], None] = print) -> Timeline:
        """The story: merged, kept to the subject (if any) and the `key` most relevant (if set), in order."""
        story, _ = self.story(title, language, focus, key, edits, warn)
        self.candidates = []  # merged into events: let them go before rendering
        return story

    def story(self, title: str | None = None, language: str = "nl", focus: Subject | None = None,
              key: int | None = None, edits: Edits | None = None, warn: Callable[[str], None] = print
              ) -> tuple[Timeline, list[tuple[Event, list[Candidate]]]]:
        """The timeline, and each event the merge made with the tellings it was made of (before edits)."""
        title = self.title(title, language, focus)
        subject = focus.name if focus else (self.names.most_common(1)[0][0] if self.names else None)
        told = split_off(tellings(self.candidates, subject, frozenset(self.names), focus), edits,
                         frozenset(self.names), focus)
        events = [event for event, _ in told]
        belong = {event.id for event, members in told  # one of its tellings names the subject, or is the subject's
                  if any(m.kind != "undated" and (m.id in self.owned or (focus is not None and focus.named_in(m.text)))
                         for m in members)}  # an undated mention joins a fact; it does not make it the subject's
        if edits is not None:
            made = partial(added_event, sources=self.sources, focus=focus, language=language)
            events = apply_edits(events, edits, partial(edit_date, language=language), warn, made)
        events = keep(events, focus, key, belong)
        return Timeline(title=title, events=tuple(sorted(events, key=event_order))), told


def build_timeline(items: list[Input], prefer: Prefer = "tense", language: str = "nl", title: str | None = None,
                   published: dt.date | None = None, strict: bool = True, focus: Subject | None = None,
                   key: int | None = None) -> Timeline:
    """The library's one call: a timeline from articles (bad ones raise unless strict=False)."""
    collector = Collector(strict, lambda error: None, focus)
    for outcome in outcomes(items, published, prefer, language, jobs=1):
        collector.add(outcome)
    return collector.timeline(title, language, focus, key)


def story_subject(paths, subject, aliases):
    """The subject from the command line or settings, else from the timeline.toml of the one
    folder read (the bundled seeds' make it OpenAI); none means relevance only ranks."""
    from timeline import config

    if subject is None:
        folders = [Path(p) for p in paths if Path(p).is_dir()] if paths else [default_seeds()]
        if len(folders) == 1 and (folders[0] / "timeline.toml").is_file():
            found = config.load(folders[0])
            subject, aliases = found.subject, aliases or found.aliases or ()
    return Subject(subject, tuple(aliases or ())) if subject else None


def edits_file(paths, given: str | None) -> Edits | None:
    """--edits FILE, else the edits.toml of the one folder read."""
    from timeline.story.edits import load_edits

    if given:
        return load_edits(Path(given))
    folders = [Path(p) for p in paths if Path(p).is_dir()] if paths else [default_seeds()]
    if len(folders) == 1 and (folders[0] / "edits.toml").is_file():
        return load_edits(folders[0] / "edits.toml")
    return None


def last_build(path: Path, say: Callable[[str], None]) -> Timeline | None:
    """The build already in --out, to carry its ICS sequences; one that cannot be read is ignored."""
    from timeline.story.diff import load_timeline

    if not path.is_file():
        return None
    try:
        return load_timeline(path)
    except TimelineError as error:
        say(f"timeline: not comparing with the last build: {error}")
        return None
