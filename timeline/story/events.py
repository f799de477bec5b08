"""Candidates from one article: its lead at the publication date, every
sentence that a date anchors (two dates give two), and the undated or
"recent" sentences that may report a fact dated elsewhere."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.temporal import periods
from timeline.read.article import Article
from timeline.story.dating import Placed, choose, conditional, has_action, has_figure
from timeline.story.headlines import headline, named
from timeline.story.syntax import actor_words, has_main_verb, in_past, outlook, report_frame, tells_action
from timeline.story.references import Cast, cast, demonstrative_named, name_epithet, resolve
from timeline.story.sentences import Sentence, sentences
from timeline.story.stance import aims, explains, missed, spans_years, states
from timeline.story.words import StoryWords, story_words
from timeline.temporal.tagger import Prefer, extract
from timeline.story.features import Features, capitalised, event_words, features
from timeline.temporal.grammar import compile_grammar
from timeline.temporal.labels import day_label, label
from timeline.temporal.language import load
from timeline.models import EventDate, Expression, Grain, Source
from timeline.temporal.tense import clause_direction, direction_in


NEAR = 16  # how many earlier tellings a near repeat is compared with


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


def known_names(text: str) -> Counter:
    """Capitalised words inside sentences: the people and companies an article is about."""
    return Counter(re.findall(r"(?<=[a-z,] )[A-Z][\w-]+", text))


@dataclass(frozen=True, slots=True)
class Told:
    """One sentence as the story tells it: where it stands, its own words, and its resolved text."""

    sentence: Sentence
    raw: str  # the article's text of the sentence, offsets intact
    text: str  # resolved: a leading pronoun or reference named in brackets
    placed: tuple[Placed, ...]
    features: Features
    recent_word: bool
    before: tuple[str, ...]  # up to three sentences before it, for references in its headline


def told(article: Article, story: list[Sentence], found: list[Expression], language: str) -> tuple[list[Told], Cast]:
    """Each sentence with its dates and its text made to stand alone."""
    words, recent = story_words(language), set(load(language).merge.recent_words)
    people = cast([s.text for s in story if not s.heading], words)
    starts = [e.offset[0] for e in found]  # in text order
    result = []
    for index, sentence in enumerate(story):
        inside = found[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        placed = tuple(
            Placed(e.offset[0] - sentence.start, e.offset[1] - sentence.start, e)
            for e in inside if e.type in ("DATE", "TIME") and e.period is not None
        )
        before = [s.text for s in story[max(0, index - 3) : index] if not s.heading]
        text, _ = resolve(sentence.text, before, people, words)
        text = name_epithet(text, before, people, words)
        recent_word = any(" ".join(e.text.lower().split()) in recent for e in inside)
        raw = article.text[sentence.start : sentence.end]
        result.append(Told(sentence, raw, text, placed, features(text, language), recent_word, tuple(before)))
    return result, people


def reports(item: Told, words: StoryWords) -> bool:
    """A happening: a verb of action or statement, an amount, or a word for what happened."""
    said = item.features
    return (has_action(item.raw, words) or bool(said.amounts or said.words) or has_figure(item.raw, words)
            or tells_action(item.raw, words))


def main_clause_of(raw: str, words: StoryWords) -> str:
    """Without a leading subordinate clause ("Terwijl Google ..., waait er ...")."""
    first = raw.split(maxsplit=1)[0].lower() if raw.split() else ""
    return raw.split(",", 1)[1] if first in words.subordinators and "," in raw else raw


def lead_index(items: list[Told], words: StoryWords, language: str = "nl") -> int | None:
    """The first sentence of the opening (three sentences) that reports a happening:
    a word for what happened, or a name with a verb of action or statement."""
    opening = [i for i, item in enumerate(items) if not item.sentence.heading][:3]
    for index in opening:
        item = items[index]
        if item.sentence.text.endswith("?") or conditional(item.raw, words) or outlook(item.raw, words):
            continue
        main = main_clause_of(item.raw, words)
        if event_words(main, language) or (capitalised(main) and (has_action(main, words) or (
                tells_action(main, words) and in_past(main)))):  # "Tata Steel heeft beroep aangetekend"
            return index
    return None


def explain(item: Told, dating) -> Why:
    expr = dating.expression
    at = next((p.start for p in item.placed if p.expression is expr), -1)
    return Why(item.raw, expr.text if expr is not None else "", at, dating.rule, len(item.placed))


def at_its_date(item: Told, dating, article: Article, words: StoryWords) -> bool:
    """Whether a dated sentence tells a happening at its date: not a trend up to now ("het afgelopen jaar is
    het verschil verkleind"), a state, an explanation, a stretch of years, what should have happened, or a
    target or deadline ("wil uiterlijk in 2029 ...")."""
    raw, period = item.raw, dating.expression.period
    if rolling(dating.expression) and words.trend.search(raw.lower()):
        return False
    if states(raw, words) or missed(raw, words) or explains(raw, words) or spans_years(period):
        return False
    return not (aims(raw, words) or outlook(raw, words)) or period.start_date <= article.published


def classify(item: Told, article: Article, language: str = "nl") -> tuple[str, EventDate, bool, Why] | None:
    """What a sentence (not the lead) gives: (kind, date, expected, why), or None.

    A dated happening at its date; a current figure at the publication; an undated
    or "recent" report with a name and an amount or event word, as a mention.
    """
    words = story_words(language)
    if item.sentence.heading or conditional(item.raw, words) or outlook(item.raw, words):
        return None
    present = lambda: direction_in(compile_grammar(language), item.raw) is None  # noqa: E731
    dating = choose(item.raw, list(item.placed), words, bool(item.features.amounts), item.recent_word, present)
    if dating.kind == "dated" and not at_its_date(item, dating, article, words):
        return None
    if dating.kind == "dated" and reports(item, words):
        expr = dating.expression
        clause = clause_direction(compile_grammar(language), article.text, expr.offset[0], widen=False)
        future = clause == "future" or expr.period.start_date > article.published
        return "dated", event_date(expr, language), future, explain(item, dating)
    if dating.kind == "published":
        return "current", lead_date(article, language), False, explain(item, dating)
    said = item.features
    if said.names and (said.amounts or said.words):
        kind = "recent" if dating.kind == "recent" else "undated"
        return kind, recent_date(article.published, language), False, explain(item, dating)
    return None


def rolling(expr: Expression) -> bool:
    """A span counted back from a day ("het afgelopen jaar" in December): a month or longer that does
    not start on the first of a month."""
    period = expr.period
    return expr.mod is None and period.grain in COARSE and period.start_date.day != 1


COARSE = frozenset({Grain.MONTH, Grain.SEASON, Grain.QUARTER, Grain.HALF, Grain.YEAR})


def left_reason(item: Told, language: str = "nl") -> str:
    """Why `classify` gave a sentence no event: heading, condition, outlook, no-happening (a date but
    no happening), recent (without a name and an amount), or the role that set its date aside
    (base, qualifier, bound, quoted, relative, recurring, topic), else "no date"."""
    words = story_words(language)
    if item.sentence.heading:
        return "heading"
    if conditional(item.raw, words) or outlook(item.raw, words):
        return "condition" if conditional(item.raw, words) else "outlook"
    dating = choose(item.raw, list(item.placed), words, bool(item.features.amounts), item.recent_word)
    return "no-happening" if dating.kind == "dated" else dating.rule


def left(item: Told, source: Source, identity: str, language: str) -> LeftOut:
    first = item.placed[0] if item.placed else None
    why = Why(item.raw, first.expression.text if first else "", first.start if first else -1,
              left_reason(item, language), len(item.placed))
    key = hashlib.sha1(f"{identity}|left|{item.raw}".encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return LeftOut(key, item.text, source, why, event_date(first.expression, language) if first else None)


def article_candidates(
    article: Article, names: Counter, prefer: Prefer = "tense", language: str = "nl", left_out: list | None = None
) -> list[Candidate]:
    """Every candidate of one article, pull quotes (repeated sentences) once.

    `names` are the article's `known_names`, counted once by the caller; `left_out`, if given,
    gets a `LeftOut` for each sentence that gave none.
    """
    story = sentences(article, language)
    if not story:
        return []
    found = extract(article.text, article.published, prefer, language, article.published_grain)
    words = story_words(language)
    source = source_of(article)
    items, people = told(article, story, found, language)
    lead = lead_index(items, words, language)

    def candidate(date: EventDate, item: Told, kind: str, expected: bool = False, title: str | None = None, **extra):
        own = demonstrative_named(own_words(item, words), list(item.before))
        line = named(resolve(headline(own, words, title), list(item.before), people, words, subject_only=True)[0])
        said = replace(item.features, actor=actor_words(item.text if title else line, words))  # who did what: the
        # headline's subject ("... bereikte een hoogtepunt toen Musk een bod deed": Musk), for the merge
        return Candidate("", date, item.text, line,  # the id is set by `numbered`, once repeats are gone
                         source, expected, said, kind, **extra)

    result, previous = [], None  # the kind and date of the sentence before, when it gave a dated event
    for index, item in enumerate(items):
        if index == lead:
            dating = choose(item.raw, list(item.placed), words, bool(item.features.amounts), item.recent_word)
            if dating.kind == "dated" and not at_its_date(item, dating, article, words):
                dating = replace(dating, kind="published")  # "wil uiterlijk in 2029 ...": the plan is news today
            date = event_date(dating.expression, language) if dating.kind == "dated" else lead_date(article, language)
            top = tuple(n for n, _ in names.most_common(3))
            own_title = None if article.entry and article.entry.title_written else article.title  # not an editor's summary
            why = explain(item, dating if dating.kind == "dated" else replace(dating, expression=None, rule="lead"))
            result.append(candidate(date, item, "lead", date.start > article.published, own_title, top_names=top, why=why))
            found = ("dated", date) if dating.kind == "dated" else None
        else:
            found = classify(item, article, language)
            if (found is None or found[0] == "undated") and previous and continues(item, words):
                found = (*previous, False, Why(item.raw, "", -1, "continues", 0))  # "Altman wees dit bod af": the bid's time
            if found is not None:
                result.append(candidate(found[1], item, found[0], found[2], why=found[3]))
            elif left_out is not None:
                left_out.append(left(item, source, article.identity or article.path, language))
        previous = (found[0], found[1]) if found and found[0] in ("dated", "recent") else None
    return numbered(drop_repeats(result), article.identity or article.path)


QUOTES = "‘“\"'„«"


def continues(item: Told, words: StoryWords) -> bool:
    """An undated happening that goes on from the sentence before ("Altman wees dit bod af, waarna ..."):
    a past verb of its own and a word that points back to what was just told."""
    lowered = item.raw.lower()
    return bool(words.continuation.search(lowered)) and tells_action(item.raw, words) and in_past(item.raw)


def own_words(item: Told, words: StoryWords) -> str:
    """What a headline is made from: the sentence's own words, or for a sentence that only says who
    told the news ("Dat meldt persbureau Reuters") the sentence before it."""
    if not item.text.endswith(item.sentence.text) or item.text == item.sentence.text:
        return item.text
    news = item.text[: -len(item.sentence.text)].strip()
    if report_frame(item.sentence.text, words) and news[:1] not in QUOTES and has_main_verb(news):
        return news
    return item.sentence.text


def words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def repeat_key(candidate: Candidate) -> tuple:
    """Repeats share their date and their first words: only those are compared."""
    date = candidate.date
    return (date.value, date.mod, candidate.kind == "lead", tuple(candidate.text.lower().split()[:4]))


def drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the fullest telling of each repeated sentence (a pull quote), where it first stood.

    A repeat has the same date and says (nearly) all the other says: 80% of the
    shorter one's words. An exact repeat is found at once; a near one is looked
    for among the last few tellings of its date and opening words, so 20,000
    lines that open alike stay linear.
    """
    kept: list[Candidate] = []
    exact: dict[tuple, int] = {}
    buckets: dict[tuple, list[tuple[int, frozenset[str]]]] = {}
    for item in candidates:
        same = (repeat_key(item), " ".join(item.text.lower().split()))
        if same in exact:
            continue
        said = words(item.text)
        bucket = buckets.setdefault(repeat_key(item), [])
        twin = next((i for i, w in bucket[-NEAR:] if len(w & said) >= 0.8 * min(len(w), len(said))), None)
        if twin is None:
            exact[same] = len(kept)
            bucket.append((len(kept), said))
            kept.append(item)
        elif len(item.text) > len(kept[twin].text):
            kept[twin] = item
    return kept
