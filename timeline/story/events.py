"""Candidates from one article: its lead at the publication date, every
sentence that a date anchors (two dates give two), and the undated or
"recent" sentences that may report a fact dated elsewhere."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace

from timeline.read.article import Article
from timeline.read.header import past_dateline
from timeline.story.dating import Placed, as_happened, choose, conditional, has_action, has_figure
from timeline.story.tenses import verb_not_part, looked_back
from timeline.story.headlines import headline, named, strip_asides
from timeline.story.timeless import said_when
from timeline.story.described import described
from timeline.story.clauses import told_news
from timeline.story.leads import QUOTES, dated_by_next, feature_title, joined, lead_index, viewed_first
from timeline.story.speech import first_person, remembered, spoken
from timeline.story.actors import actor_words
from timeline.story.frames import report_frame
from timeline.story.syntax import has_main_verb, in_past, main_verb_of, outlook, tagged_plain, tells_action
from timeline.story.pronouns import about_that, demonstrative_named, him_named, of_those, that_thing
from timeline.story.repeats import drop_repeats
from timeline.story.carried import REACH
from timeline.story.cast import Cast, cast
from timeline.story.epithets import name_epithet
from timeline.story.antecedents import antecedent
from timeline.story.references import resolve
from timeline.story.sentences import Sentence, sentences
from timeline.story.stance import at_its_date, explains, not_yet, regards, results_out
from timeline.story.records import (  # noqa: F401  (the records are the story's words for what it makes)
    Candidate, LeftOut, Why, event_date, event_id, known_names, lead_date, numbered, recent_date, shared_date,
    source_of,
)
from timeline.story.words import ADVERB_THEN, StoryWords, story_words
from timeline.temporal.tagger import Prefer, extract
from timeline.story.features import Features, features
from timeline.temporal.grammar import compile_grammar
from timeline.temporal.language import load
from timeline.models import EventDate, Expression
from timeline.temporal.tense import clause_direction, direction_in




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


def told(article: Article, story: list[Sentence], found: list[Expression], language: str,
         prefer: Prefer = "tense") -> tuple[list[Told], Cast]:
    """Each sentence with its dates and its text made to stand alone; with the tense read (`prefer` "tense"), a
    date after the publication in a sentence told in the past is read looking back (tenses.looked_back)."""
    words, recent = story_words(language), set(load(language).merge.recent_words)
    people = cast([s.text for s in story if not s.heading], words)
    starts = [e.offset[0] for e in found]  # in text order
    result = []
    for index, sentence in enumerate(story):
        inside = found[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        raw = article.text[sentence.start : sentence.end]
        placed = tuple(
            Placed(e.offset[0] - sentence.start, e.offset[1] - sentence.start,
                   looked_back(verb_not_part(e, raw, e.offset[0] - sentence.start), article.published, raw, language,
                               e.offset[0] - sentence.start) if prefer == "tense" else e)
            for e in inside if e.type in ("DATE", "TIME") and e.period is not None
        )
        before = [s.text for s in story[max(0, index - 3) : index] if not s.heading]
        own = sentence.text[past_dateline(sentence.text, 0):]  # "DEN HAAG – In Den Haag zijn ...": no part of it
        earlier = [s.text for s in story[max(0, index - REACH) : index] if not s.heading]
        text, _ = resolve(own, before, people, words, earlier=earlier)
        if before and result and text.startswith(before[-1] + " ") and result[-1].sentence.text == before[-1]:
            text = f"{result[-1].text} {text[len(before[-1]) + 1:]}"  # the sentence it leans on, as told (named)
        text = name_epithet(text, before, people, words)
        recent_word = any(" ".join(e.text.lower().split()) in recent for e in inside)
        result.append(Told(sentence, raw, text, placed, features(text, language), recent_word, tuple(before)))
    return result, people


def reports(item: Told, words: StoryWords) -> bool:
    """A happening: a verb of action or statement, an amount, or a word for what happened."""
    said = item.features
    return (has_action(item.raw, words) or bool(said.amounts or said.words) or has_figure(item.raw, words)
            or tells_action(item.raw, words))


def explain(item: Told, dating) -> Why:
    expr = dating.expression
    at = next((p.start for p in item.placed if p.expression is expr), -1)
    return Why(item.raw, expr.text if expr is not None else "", at, dating.rule, len(item.placed))


def classify(item: Told, article: Article, language: str = "nl") -> tuple[str, EventDate, bool, Why] | None:
    """What a sentence (not the lead) gives: (kind, date, expected, why), or None.

    A dated happening at its date; a current figure at the publication; an undated
    or "recent" report with a name and an amount or event word, as a mention.
    """
    words = story_words(language)
    if item.sentence.heading or conditional(item.raw, words):
        return None
    present = lambda: direction_in(compile_grammar(language), item.raw) is None  # noqa: E731
    dating = choose(item.raw, list(item.placed), words, bool(item.features.amounts), item.recent_word, present)
    said = item.features
    if dating.kind not in ("dated", "published") and not (said.names and (said.amounts or said.words)):
        return None  # most sentences: no date and nothing to match; read without the tagger
    if outlook(item.raw, words) or not_yet(item.raw, words) or first_person(item.sentence.text) or \
            explains(item.sentence.text, words) or regards(item.raw, words):
        return None  # an expectation; "heeft nog geen verklaring gegeven": nothing happened; a speaker's "we"
    if dating.kind == "dated" and (not at_its_date(item, dating, article, words) or remembered(item, dating)):
        return None
    happened = dating.kind == "dated" and (dating.rule == "resumed" or reports(item, words))  # "De zaak is sinds 1 mei
    # weer open": a state resumed that day happened then
    if happened and results_out(dating.expression.period, article, item.raw, words):
        return "dated", lead_date(article, language), False, explain(item, replace(dating, rule="results"))
    if happened:
        expr = dating.expression
        clause = clause_direction(compile_grammar(language), article.text, expr.offset[0], widen=False)
        future = (clause == "future" and expr.period.end_date > article.published) or expr.period.start_date > article.published
        # a day wholly before the publication was never to come ("verloor zaterdag ... en kan ... niet meer halen")
        return "dated", event_date(as_happened(dating), language), future, explain(item, dating)
    if dating.kind == "published":
        return "current", lead_date(article, language), False, explain(item, dating)
    if said.names and (said.amounts or said.words):
        kind = "recent" if dating.kind == "recent" else "undated"
        return kind, recent_date(article.published, language), False, explain(item, dating)
    return None



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
    items, people = told(article, story, found, language, prefer)
    own_title = None if article.entry and article.entry.title_written else article.title  # not an editor's summary
    feature = feature_title(own_title, words)  # a feature's first sentence is no news lead: read as any other
    lead = None if feature else lead_index(items, words, language, own_title, article.published)

    def candidate(date: EventDate, item: Told, kind: str, expected: bool = False, title: str | None = None, **extra):
        own = demonstrative_named(own_words(item, words), list(item.before), words)
        context = list(item.before)[:-1] if item.before and own.startswith(item.before[-1]) else list(item.before)
        own = that_thing(about_that(of_those(own, context), context), context, words)  # what "Een daarvan", "Een
        own = described(own, context, people, words)  # motie daarover", "Dat plan", "Beide dieren", "De man" (not
        # named), "Zijn partner" stand for, from the sentences before the one told
        line = named(resolve(headline(own, words, title, said_when(date, words)), context, people, words, subject_only=True)[0])
        line = him_named(line, context, people, words)  # the sentences before the one the headline tells
        speaker = lambda pronoun="": antecedent(list(item.before), "person", people, words, pronoun=pronoun)  # noqa: E731
        line = spoken(own, line, words, speaker) if not title else line
        told_by = title or (len(line) < len(own) and told_news(strip_asides(own), words) is not None)  # a teller too
        actor = actor_words(line, words) + (actor_words(item.text, words) if told_by else ())  # who did what: the
        said = replace(item.features, actor=tuple(sorted(set(actor))))  # headline's subject ("... toen Musk een
        # bod deed": Musk), a title's and its lead sentence's ("NSC stapt uit kabinet" over "Het kabinet verliest ..."),
        # a telling frame's and its news' ("Minister X maakte bekend dat ASML ... mag exporteren")
        return Candidate("", date, item.text, line,  # the id is set by `numbered`, once repeats are gone
                         source, expected, said, kind, **extra)

    result, previous = [], None  # the kind and date of the sentence before, when it gave a dated event
    for index, item in enumerate(items):
        if index == lead:
            dating = choose(item.raw, list(item.placed), words, bool(item.features.amounts), item.recent_word)
            if dating.kind == "dated" and (not at_its_date(item, dating, article, words) or results_out(
                    dating.expression.period, article, item.raw, words)):  # "wil uiterlijk in 2029 ...": the plan
                dating = replace(dating, kind="published")  # is news today; so are the figures of the last quarter
            date = event_date(as_happened(dating), language) \
                if dating.kind == "dated" else lead_date(article, language)
            top = tuple(n for n, _ in names.most_common(3))
            heading = None if viewed_first(items, index, words) else own_title  # the title told the view
            why = explain(item, dating if dating.kind == "dated" else replace(dating, expression=None, rule="lead"))
            result.append(candidate(date, item, "lead", date.start > article.published, heading, top_names=top, why=why))
            found = ("dated", date) if dating.kind == "dated" else None
        else:
            found = classify(item, article, language)
            if (found is None or found[0] == "undated") and previous and continues(item, words):
                found = (*previous, False, Why(item.raw, "", -1, "continues", 0))  # "Altman wees dit bod af": the bid's time
            if found is not None:
                result.append(candidate(found[1], item, found[0], found[2], why=found[3]))
            elif left_out is not None:
                from timeline.story.leftout import left  # only when asked (review, desk); it reads Told

                left_out.append(left(item, source, article.identity or article.path, language))
        previous = (found[0], found[1]) if found and found[0] in ("dated", "recent") \
            and past_happenings(item, article.published) <= 1 else None
    result = dated_by_next(dated_lead(result, words), items, lead, own_title, words, language)
    return numbered(drop_repeats(result), article.identity or article.path)


def dated_lead(result: list[Candidate], words: StoryWords) -> list[Candidate]:
    """"X en Y zijn het eens geworden. Dat meldden ze dinsdagavond": a lead at its publication day (or in a month
    or year that holds the frame's day), told again with the sentence after it that dates it, is one event at
    that date, headed as the lead."""
    lead = next((c for c in result if c.kind == "lead" and c.why is not None), None)
    again = next((c for c in result if lead is not None and c.kind == "dated" and c.text.startswith(lead.text + " ")
                  and within(c, lead) and report_frame(c.text[len(lead.text):].strip(), words)), None)
    if again is None:
        return result
    moved = replace(lead, date=again.date, why=again.why, expected=again.expected, text=again.text)
    return joined(result, lead, moved, again)


COARSE = frozenset({"month", "quarter", "half", "year"})


def within(again: Candidate, lead: Candidate) -> bool:
    """Whether the frame's day may date the lead: a lead at its publication day told that day or before; a lead
    dated by a month or a year that holds the frame's day ("gaat de dijk al dit jaar versterken. Dat heeft het
    bestuur dinsdag besloten")."""
    if lead.why is not None and lead.why.rule == "lead":
        return again.date.start <= lead.date.start
    return lead.date.grain.value in COARSE and lead.date.start <= again.date.start < lead.date.end


def past_happenings(item: Told, published: dt.date) -> int:
    """How many past dates the sentence tells: a deed that goes on from it ("De raad stapte daarop ...") follows one,
    never "bracht op 8 mei advies uit, maar vier dagen later nam X het besluit" (after which of the two?)."""
    return len({p.expression.value for p in item.placed if p.expression.period.start.date() < published})


def continues(item: Told, words: StoryWords) -> bool:
    """An undated happening that goes on from the sentence before ("Altman wees dit bod af, waarna ..."):
    a past verb of its own and a word that points back to what was just told."""
    lowered = item.raw.lower()
    return bool(words.continuation.search(lowered) or ADVERB_THEN.search(item.raw)) and tells_action(item.raw, words) \
        and in_past(item.raw)


def own_words(item: Told, words: StoryWords) -> str:
    """What a headline is made from: the sentence's own words, or for a sentence that only says who
    told the news ("Dat meldt persbureau Reuters") the sentence before it."""
    leaning = item.text != item.sentence.text and item.text.endswith(item.sentence.text)  # the sentence before came along
    if not leaning and item.before and report_frame(item.sentence.text, words):
        news = item.before[-1]  # "Op dinsdag meldt hij dit nieuws via X": the news is the sentence before
        return news if news[:1] not in QUOTES and has_main_verb(news) else item.text
    if item.text == item.sentence.text and item.before and points_back(item.text, item.before[-1], words) \
            and item.before[-1][:1] not in QUOTES and has_main_verb(item.before[-1]):
        return item.before[-1]  # "Deze datum is dan ook geadviseerd": the date the sentence before named
    if not item.text.endswith(item.sentence.text) or item.text == item.sentence.text:
        return item.text
    news = item.text[: -len(item.sentence.text)].strip()
    framed = report_frame(item.sentence.text, words)
    if (framed or points_back(item.sentence.text, news, words)) and news[:1] not in QUOTES \
            and has_main_verb(news) and not explains(news, words):  # "Het gaat bijvoorbeeld om ...": no news to head
        return news
    earlier = item.before[-2] if framed and len(item.before) > 1 and explains(news, words) else ""
    if earlier and earlier[:1] not in QUOTES and has_main_verb(earlier) and not explains(earlier, words):
        return earlier  # "X geldt ... Het gaat bijvoorbeeld om ... Dat heeft de minister bekendgemaakt": X is the news
    return item.sentence.text


POINTING = ("deze", "dit", "dat", "daarover", "hierover", "daarvan", "hiervan")


def points_back(sentence: str, news: str, words: StoryWords) -> bool:
    """"Woensdag 29 oktober is de eerste optie. Deze datum is dan ook geadviseerd": a sentence whose copula only
    says more of what the one before told, which heads the event (that one must not point back itself)."""
    first, opening = sentence.split(" ", 1)[0].lower(), news.split(" ", 1)[0].lower()
    if first not in POINTING or opening in POINTING or opening in words.leaning:
        return False
    tokens = tagged_plain(sentence)
    verb = main_verb_of(tokens, words)
    return verb is not None and tokens[verb].text.lower() in words.copulas and not (tokens[verb].text.lower() in (
        "wordt", "worden", "werd", "werden") and any(t.tag == "WW|vd" for t in tokens[verb + 1:]))  # "Dat besluit
    # wordt volgende week bekeken", "Dat advies werd om 2.00 uur ingetrokken": a passive, its own news
