"""What a story is made of before it is merged: a candidate event with why it has its date, a sentence
left out, and the dates and sources they share (one object per article's source, per equal date)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from timeline.models import EventDate, Expression, Grain, Source
from timeline.read.article import Article
from timeline.story.features import Features
from timeline.story.words import story_words
from timeline.temporal import periods
from timeline.temporal.labels import day_label, label
from timeline.temporal.language import load


@dataclass(frozen=True, slots=True)
class Why:
    """Why a candidate has its date, for the review page: the sentence, the date phrase
    in it (with its place), the rule that chose it, and how many dates the sentence held."""

    sentence: str
    phrase: str
    at: int  # where the phrase starts in the sentence's raw text, -1 without one
    rule: str
    dates: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event, or a mention that becomes one only if it matches (or is "recent" and has an amount).

    Kept small, for an archive holds many: the Source is one object per article,
    and equal dates are one object (see `event_date`).
    """

    id: str
    date: EventDate
    text: str
    headline: str
    source: Source
    expected: bool
    features: Features
    kind: str  # "lead", "dated", "current" (a figure at publication), "recent" or "undated"
    top_names: tuple[str, ...] = ()  # the article's most named, for a lead
    why: Why | None = None

    @property
    def published(self) -> dt.date:
        return self.source.published

    @property
    def published_end(self) -> dt.date:
        """The day after the publication; after its month for a month-only date."""
        day = self.source.published
        if self.source.published_grain == Grain.MONTH:
            return dt.date(*periods.add_months(day.year, day.month, 1), 1)
        return day + dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A sentence that gave no event, and why (`why.rule`: a code of `left_reason`), for the review
    and the desk; `date` is its first date, if it has one. Made only when asked for."""

    id: str
    text: str  # resolved, as an event would tell it
    source: Source
    why: Why
    date: EventDate | None


def event_id(identity: str, date: EventDate, ordinal: str) -> str:
    """Stable: the article's identity (its file name, not its folder), the date, and which of the
    article's events at that date it is. A corrected typo keeps the id; a moved folder keeps it."""
    key = f"{identity}|{date.value}|{date.mod}|{ordinal}"
    return hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def numbered(candidates: list[Candidate], identity: str) -> list[Candidate]:
    """Each candidate with its id: the n-th of the article's candidates at its date."""
    seen: Counter = Counter()
    result = []
    for item in candidates:
        key = (item.date.value, item.date.mod, item.kind == "lead")
        ordinal = f"{'lead' if item.kind == 'lead' else ''}{seen[key]}"
        result.append(Candidate(event_id(identity, item.date, ordinal), item.date, item.text, item.headline, item.source,
                                item.expected, item.features, item.kind, item.top_names, item.why))
        seen[key] += 1
    return result


def event_date(expr: Expression, language: str) -> EventDate:
    period = expr.period
    grain = period.grain if not period.grain.is_time_of_day else Grain.DAY
    return shared_date(expr.value, expr.mod, period.start_date, period.end_date, grain, period_label(period, expr.mod, language))


@lru_cache(maxsize=4096)
def period_label(period, mod, language: str) -> str:
    """The label of a period (temporal.labels.label), made once for the many events at one date."""
    return label(period, mod, language)


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
    entry = article.entry
    return Source(
        path=article.path, title=article.title, published=article.published, approximate=article.approximate,
        published_grain=article.published_grain, outlet=entry and entry.outlet, url=entry and entry.url,
        author=entry and entry.author, title_written=bool(entry and entry.title_written),
        excerpt=None if article.title else (article.excerpt or None),
    )


def lead_date(article: Article, language: str) -> EventDate:
    day = article.published
    period, value = periods.month(day.year, day.month) if article.published_grain == Grain.MONTH else periods.day(day)
    mod = "APPROX" if article.approximate else None  # an estimated publication date says so: "rond 21 november 2025"
    return event_date(Expression(text="", offset=(0, 0), type="DATE", value=value, mod=mod, period=period), language)


def known_names(text: str, language: str = "nl") -> Counter:
    """Capitalised words inside sentences: the people and companies an article is about; not an adjective of a
    country ("de Britse branchegenoot")."""
    words = story_words(language)
    return Counter(m.group(0) for m in INSIDE_NAME.finditer(text) if m.group(0).lower() not in words.nationalities
                   and not after_place_word(text, m.start(), words.place_prepositions))


def after_place_word(text: str, start: int, prepositions: frozenset[str]) -> bool:
    """Whether a word of place stands right before `start` ("in Heerlen": a place, no actor of the story)."""
    before = text[max(0, start - 8):start].split()
    return bool(before) and before[-1] in prepositions


INSIDE_NAME = re.compile(r"(?<=[a-z,] )[A-Z][\w-]+")


