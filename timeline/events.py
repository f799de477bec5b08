"""Events from one article: its lead at the publication date, and every
sentence that a date anchors (a sentence with two dates gives two events)."""

from __future__ import annotations

import hashlib
import re

from timeline import periods
from timeline.articles import Article, Sentence, sentences
from timeline.extract import Prefer, extract
from timeline.grammar import compile_grammar
from timeline.labels import label
from timeline.models import Event, EventDate, Expression, Grain, Source
from timeline.tense import direction_in



def event_id(date: EventDate, text: str) -> str:
    """Stable: the same date and text give the same id in every build."""
    key = f"{date.value}|{date.mod}|{' '.join(text.lower().split())}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def event_date(expr: Expression, language: str) -> EventDate:
    period = expr.period
    grain = period.grain if not period.grain.is_time_of_day else Grain.DAY
    return EventDate(
        value=expr.value, mod=expr.mod, start=period.start_date, end=period.end_date,
        grain=grain, label=label(expr, language),
    )


def anchors(expr: Expression) -> bool:
    """Dates with a period of their own anchor an event; durations and vague ones do not."""
    return expr.type in ("DATE", "TIME") and expr.period is not None


def source_of(article: Article) -> Source:
    return Source(path=article.path, title=article.title, published=article.published, approximate=article.approximate)


def lead_event(article: Article, lead: Sentence, language: str) -> Event:
    day = article.published
    period, value = periods.month(day.year, day.month) if article.published_grain == Grain.MONTH else periods.day(day)
    expr = Expression(text=lead.text, offset=(lead.start, lead.end), type="DATE", value=value, period=period)
    return make_event(expr, lead.text, article, language, expected=False)


def make_event(expr: Expression, text: str, article: Article, language: str, expected: bool) -> Event:
    date = event_date(expr, language)
    return Event(id=event_id(date, text), date=date, text=text, sources=(source_of(article),), expected=expected)


def article_events(article: Article, prefer: Prefer = "tense", language: str = "nl") -> list[Event]:
    """Every event of one article, pull quotes (repeated sentences) once."""
    story = sentences(article)
    if not story:
        return []
    found = extract(article.text, article.published, prefer, language, article.published_grain)
    grammar = compile_grammar(language)
    events = [lead_event(article, story[0], language)]
    for sentence in story:
        inside = [e for e in found if sentence.start <= e.offset[0] < sentence.end and anchors(e)]
        for expr in inside:
            text = sentence.text
            future = direction_in(grammar, text) == "future" or expr.period.start_date > article.published
            events.append(make_event(expr, text, article, language, expected=future))
    return drop_repeats(events)


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def repeats(a: Event, b: Event) -> bool:
    """Same date, and one text says (nearly) all the other says: a pull quote."""
    if (a.date.value, a.date.mod) != (b.date.value, b.date.mod):
        return False
    wa, wb = words(a.text), words(b.text)
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))


def drop_repeats(events: list[Event]) -> list[Event]:
    """Keep the fullest telling of each repeated sentence, where it first stood."""
    kept: list[Event] = []
    for event in events:
        twin = next((i for i, k in enumerate(kept) if repeats(k, event)), None)
        if twin is None:
            kept.append(event)
        elif len(event.text) > len(kept[twin].text):
            kept[twin] = event
    return kept
