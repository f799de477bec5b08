"""Candidates from one article: its lead at the publication date, every
sentence that a date anchors (two dates give two), and the undated or
"recent" sentences that may report a fact dated elsewhere."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from timeline.temporal import periods
from timeline.read.article import Article
from timeline.story.sentences import Sentence, sentences
from timeline.temporal.tagger import Prefer, extract
from timeline.story.features import Features, features
from timeline.temporal.grammar import compile_grammar
from timeline.temporal.labels import day_label, label
from timeline.temporal.language import load
from timeline.models import EventDate, Expression, Grain, Source
from timeline.temporal.tense import clause_direction


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event, or a mention that becomes one only if it matches (or is "recent" and has an amount).

    Kept small, for an archive holds many: the Source is one object per article,
    and equal dates are one object (see `event_date`).
    """

    id: str
    date: EventDate
    text: str
    source: Source
    expected: bool
    features: Features
    kind: str  # "lead", "dated", "recent" or "undated"
    top_names: tuple[str, ...] = ()  # the article's most named, for a lead

    @property
    def published(self) -> dt.date:
        return self.source.published


def event_id(path: str, date: EventDate, text: str) -> str:
    """Stable: the same sentence of the same article at the same date gives the same id."""
    key = f"{path}|{date.value}|{date.mod}|{' '.join(text.lower().split())}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def event_date(expr: Expression, language: str) -> EventDate:
    period = expr.period
    grain = period.grain if not period.grain.is_time_of_day else Grain.DAY
    return shared_date(expr.value, expr.mod, period.start_date, period.end_date, grain, label(period, expr.mod, language))


@lru_cache(maxsize=4096)
def shared_date(value, mod, start, end, grain, label_) -> EventDate:
    """One object for equal dates: thousands of events are "2025"."""
    return EventDate(value=value, mod=mod, start=start, end=end, grain=grain, label=label_)


def recent_date(published: dt.date, language: str) -> EventDate:
    lang = load(language)
    start = published - dt.timedelta(days=lang.merge.recent_days)
    label_ = lang.labels.recent.format(day=day_label(lang.labels, published))
    return shared_date("PAST_REF", "APPROX", start, published + dt.timedelta(days=1), Grain.MONTH, label_)


def source_of(article: Article) -> Source:
    return Source(path=article.path, title=article.title, published=article.published,
                  approximate=article.approximate, published_grain=article.published_grain)


def lead_date(article: Article, language: str) -> EventDate:
    day = article.published
    period, value = periods.month(day.year, day.month) if article.published_grain == Grain.MONTH else periods.day(day)
    return event_date(Expression(text="", offset=(0, 0), type="DATE", value=value, period=period), language)


def known_names(text: str) -> Counter:
    """Capitalised words inside sentences: the people and companies an article is about."""
    return Counter(re.findall(r"(?<=[a-z,] )[A-Z][\w-]+", text))


def article_candidates(
    article: Article, names: Counter, prefer: Prefer = "tense", language: str = "nl"
) -> list[Candidate]:
    """Every candidate of one article, pull quotes (repeated sentences) once.

    `names` are the article's `known_names`, counted once by the caller.
    """
    story = sentences(article, language)
    if not story:
        return []
    found = extract(article.text, article.published, prefer, language, article.published_grain)
    grammar, recent = compile_grammar(language), set(load(language).merge.recent_words)
    source = source_of(article)

    def candidate(date: EventDate, sentence: Sentence, kind: str, expected: bool = False, said=None, **extra):
        said = said or features(sentence.text, language)
        key = event_id(article.path, date, sentence.text)
        return Candidate(key, date, sentence.text, source, expected, said, kind, **extra)

    def mention(sentence: Sentence, kind: str) -> Candidate | None:
        """An undated sentence is worth keeping only with something to match on."""
        said = features(sentence.text, language)
        if not (said.names and (said.amounts or said.words)):
            return None
        return candidate(recent_date(article.published, language), sentence, kind, said=said)

    lead = candidate(lead_date(article, language), story[0], "lead", top_names=tuple(n for n, _ in names.most_common(3)))
    result = [lead]
    starts = [e.offset[0] for e in found]  # in text order
    for sentence in story[1:]:
        inside = found[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        dated = [e for e in inside if e.type in ("DATE", "TIME") and e.period is not None]
        for expr in dated:
            clause = clause_direction(grammar, article.text, expr.offset[0], widen=False)
            future = clause == "future" or expr.period.start_date > article.published
            result.append(candidate(event_date(expr, language), sentence, "dated", future))
        if not dated:
            kind = "recent" if any(" ".join(e.text.lower().split()) in recent for e in inside) else "undated"
            if (found_mention := mention(sentence, kind)) is not None:
                result.append(found_mention)
    return drop_repeats(result)


def words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def repeat_key(candidate: Candidate) -> tuple:
    """Repeats share their date and their first words: only those are compared."""
    date = candidate.date
    return (date.value, date.mod, candidate.kind == "lead", tuple(candidate.text.lower().split()[:4]))


def drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the fullest telling of each repeated sentence (a pull quote), where it first stood.

    A repeat has the same date and says (nearly) all the other says: 80% of the
    shorter one's words.
    """
    kept: list[Candidate] = []
    buckets: dict[tuple, list[tuple[int, frozenset[str]]]] = {}
    for item in candidates:
        said = words(item.text)
        bucket = buckets.setdefault(repeat_key(item), [])
        twin = next((i for i, w in bucket if len(w & said) >= 0.8 * min(len(w), len(said))), None)
        if twin is None:
            bucket.append((len(kept), said))
            kept.append(item)
        elif len(item.text) > len(kept[twin].text):
            kept[twin] = item
    return kept
