"""Build the story: read articles one at a time, gather their events, order them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from timeline.articles import read_article
from timeline.errors import ArticleError
from timeline.events import Candidate, article_candidates, known_names
from timeline.language import load
from timeline.tagger import Prefer
from timeline.merge import merge
from timeline.models import Event, Timeline

STDIN = "-"


@dataclass(frozen=True)
class Input:
    """One article to read: where it is, the name it goes by, and its bytes if it came on stdin."""

    path: Path
    name: str
    data: bytes | None = None


@dataclass(frozen=True)
class Outcome:
    """What one article gave: its candidates and the names it mentions, or why it was skipped."""

    name: str
    candidates: tuple[Candidate, ...] = ()
    names: Counter | None = None
    error: ArticleError | None = None


def default_seeds() -> Path:
    """The bundled seed articles: the installed copy, else (an editable install) the project's seeds/."""
    installed = Path(str(resources.files("timeline") / "seeds"))
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def inputs(paths: Iterable[str], read_stdin: Callable[[], bytes]) -> list[Input]:
    """Files as given; a folder means its .txt articles, in name order; `-` is standard input."""
    found: list[Input] = []
    if not paths:
        seeds = default_seeds()
        return [Input(p, f"seeds/{p.name}") for p in sorted(seeds.glob("*.txt"))]
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            found.append(Input(path, "<stdin>", read_stdin()))
        elif path.is_dir():
            found.extend(Input(p, str(p)) for p in sorted(path.iterdir()) if p.suffix == ".txt" and p.is_file())
        elif path.is_file():
            found.append(Input(path, raw))
        else:
            raise ArticleError(raw, "no such file or folder", "check the path")
    return found


def process(item: Input, published: dt.date | None, prefer: Prefer, language: str) -> Outcome:
    """Read one article and return its events; the article's text is not kept."""
    try:
        article = read_article(item.path, published, data=item.data, name=item.name)
    except ArticleError as error:
        return Outcome(item.name, error=error)
    names = known_names(article.text)
    return Outcome(item.name, tuple(article_candidates(article, names, prefer, language)), names)


def outcomes(
    items: list[Input], published: dt.date | None, prefer: Prefer, language: str, jobs: int
) -> Iterator[Outcome]:
    """Each article's outcome, in input order, with `jobs` processes at work."""
    work = partial(process, published=published, prefer=prefer, language=language)
    if jobs <= 1:
        yield from map(work, items)
        return
    from multiprocessing import get_context

    with get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(work, items, chunksize=16)


def order_key(event: Event) -> tuple:
    """By period start; at the same start the coarser period first; then by text."""
    return (event.date.start, -(event.date.end - event.date.start).days, event.text, event.id)


class Collector:
    """Gathers outcomes into a timeline; reports skipped articles as they come."""

    def __init__(self, strict: bool, on_skip: Callable[[ArticleError], None]):
        self.strict, self.on_skip = strict, on_skip
        self.candidates: list[Candidate] = []
        self.names: Counter = Counter()
        self.read = 0
        self.skipped: list[ArticleError] = []

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            if self.strict:
                raise outcome.error
            self.skipped.append(outcome.error)
            self.on_skip(outcome.error)
            return
        self.read += 1
        self.candidates.extend(outcome.candidates)
        self.names.update(outcome.names)

    def timeline(self, title: str | None = None, language: str = "nl") -> Timeline:
        if not self.read:
            raise ArticleError("input", "no article could be read", "fix the files named above")
        subject = self.names.most_common(1)[0][0] if self.names else None
        labels = load(language).labels
        title = title or (labels.title.format(name=subject) if subject else labels.untitled)
        events = merge(self.candidates, subject, frozenset(self.names))
        self.candidates = []  # merged into events: let them go before rendering
        return Timeline(title=title, events=tuple(sorted(events, key=order_key)))


def build_timeline(items: list[Input], prefer: Prefer = "tense", language: str = "nl", title: str | None = None,
                   published: dt.date | None = None, strict: bool = True) -> Timeline:
    """The library's one call: a timeline from articles (bad ones raise unless strict=False)."""
    collector = Collector(strict, lambda error: None)
    for outcome in outcomes(items, published, prefer, language, jobs=1):
        collector.add(outcome)
    return collector.timeline(title, language)
