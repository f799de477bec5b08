"""How a sentence's tense reads a date the date tagger resolved: a past report of a date after the publication
looks back ("staakte op 30 december", published 10 January), a present one of a date before it looks ahead ("De
nieuwe presentator begint in januari", published in November; "Vos neemt dinsdag afscheid", published on a Friday)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from timeline.models import Expression
from timeline.temporal.tense import quoted_present
from timeline.story.dating import YEAR
from timeline.story.relatives import MODAL_PASTS
from timeline.story.timeless import WEEKDAY
from timeline.story.words import WORD

SINCE = re.compile(r"\b(?:sinds|sindsdien|vanaf)\b[^,.;:]*$", re.IGNORECASE)
AHEAD_AFTER = timedelta(days=31)  # a date said without its year this long before the publication, in the present,
UNDERSPECIFIED_GRAINS = frozenset({"day", "month", "season"})  # and of these grains, is read ahead (looked_ahead)


def told_in_present(raw: str) -> bool:
    """A finite verb in the present (by the tags), none in the past, and no participle but of a passive in the
    present: "Hij begint op 1 februari", "Het gebouw wordt in het voorjaar opgeleverd"."""
    from timeline.story.tagging import tagged_plain

    tokens = tagged_plain(raw)
    finite = [t.text.lower() for t in tokens if t.tag.startswith("WW|pv|tgw")]
    if {"heeft", "hebben"} & set(finite) and any(t.tag == "WW|inf" for t in tokens):
        return False  # "Dat heeft de Inspectie woensdag laten weten": a perfect with an infinitive for participle
    passive = bool(finite) and all(f in ("wordt", "worden") for f in finite)  # "wordt in het voorjaar opgeleverd"
    return bool(finite) and not any(t.tag.startswith("WW|pv|verl") or t.tag == "WW|vd" and not passive for t in tokens)


BARE_WEEKDAY = re.compile(r"(?:op\s+)?" + WEEKDAY.pattern + "$", re.IGNORECASE)  # "dinsdag", "op woensdagavond"


AT_THAT = re.compile(r"\b(?:daarbij|daarmee|daarop|hierbij|hiermee|tegelijk|tegelijkertijd)\b", re.IGNORECASE)  # the
# time of what was told before ("Het staalbedrijf schrapt daarbij woensdag 400 banen")


def telling(raw: str, language: str, at: int = 0) -> bool:
    """Whether the clause of the sentence that holds position `at` tells who said it ("Dat meldt het RIVM
    dinsdag"): a report's present tells the past; a frame after a comma tells of what comes before it ("Alle
    inwoners krijgen maandag een brief, zegt de wethouder": the coming Monday)."""
    from timeline.story.words import story_words

    words = story_words(language)
    start, end = raw.rfind(",", 0, max(at, 0)) + 1, raw.find(",", max(at, 0))
    clause = raw[start:end if end >= 0 else len(raw)]
    return bool({w.lower() for w in WORD.findall(clause)} & (words.reporting | words.report_frames))


def week_ahead(expr: Expression, published, language: str) -> Expression:
    """A bare weekday before the publication in a sentence wholly in the present: the coming one ("De bond legt
    dinsdag het werk neer", published on a Thursday), the present of Dutch news for what comes next."""
    from timeline.temporal.tagger import resolve

    again = resolve(expr.text, published, "future", language)
    if again is None or again.period is None or not published <= again.period.start_date < published + timedelta(days=7):
        return expr
    return replace(again, text=expr.text, offset=expr.offset)


def looked_ahead(expr: Expression, published, language: str) -> Expression:
    """A day, month or season without its year that the date tagger put more than a month before the publication,
    in a sentence in the present: Dutch news tells what comes next in the present ("De nieuwe presentator begint in
    januari", published in November): the phrase resolved again, looking ahead, when that is the nearer reading."""
    if YEAR.search(expr.text) or expr.period.grain.value not in UNDERSPECIFIED_GRAINS:
        return expr
    from timeline.temporal.tagger import resolve

    again = resolve(expr.text, published, "future", language)
    if again is None or again.period is None or again.period.start_date < published or \
            (again.period.start_date - published) >= (published - expr.period.start_date):
        return expr
    return replace(again, text=expr.text, offset=expr.offset)


def told_in_past(raw: str, at: int = 0) -> bool:
    """A finite past verb (by the tags) that is no "zou": "De rederij staakte op 30 december ...", a weak
    past the tense words of the date tagger do not list; not one of a relative or subordinate clause the date at
    `at` is not in ("wordt per 1 augustus opgevolgd door X, die eerder bij Y werkte")."""
    from timeline.story.tagging import tagged_plain

    relative = None  # where the relative or subordinate clause the words are in began
    tokens = tagged_plain(raw)
    for k, token in enumerate(tokens):
        if token.tag == "VNW|betr" or token.tag.startswith("VG|onder"):  # "..., terwijl de organisatie er zeventig
            relative = token.start  # had gevraagd": the past of another clause
        elif token.text in ",;:":
            relative = None
        elif token.tag.startswith("WW|pv|verl") and token.text.lower() not in MODAL_PASTS \
                and (relative is None or relative <= at < clause_end(tokens, k, len(raw))):
            return True  # "Het kantoor, dat in juni werd geopend, gaat eind december dicht": not the date's clause
    return False


def clause_end(tokens, k: int, end: int) -> int:
    """Where the clause of the token at k ends: at the next comma, semicolon or colon, else the text's end."""
    return next((t.start for t in tokens[k + 1:] if t.text in ",;:"), end)


def looked_back(expr: Expression, published, raw: str, language: str, at: int = 0) -> Expression:
    """The date as the past reads it, when the date tagger's reading lies after the publication while the
    sentence tells it in the past tense ("staakte op 30 december", published 10 January): the phrase resolved
    again, looking back; else the date as it was. And the date as the present reads it ahead (looked_ahead)."""
    if expr.period is not None and expr.period.end_date < published - AHEAD_AFTER and told_in_present(raw) \
            and not SINCE.search(raw, 0, max(at, 0)):  # "leidt de bank sinds het vertrek van X in mei": a state begun
        return looked_ahead(expr, published, language)
    if expr.period is not None and expr.period.end_date <= published and BARE_WEEKDAY.match(expr.text) \
            and told_in_present(raw) and not SINCE.search(raw, 0, max(at, 0)) and not AT_THAT.search(raw) \
            and not telling(raw, language, at):
        return week_ahead(expr, published, language)  # "Vos neemt dinsdag afscheid", published on a Friday
    if expr.period is None or expr.period.start_date <= published or not told_in_past(raw, at) \
            or quoted_present(raw, at):  # "'De fabriek sluit op 1 september', zei de directeur": the quote's present
        return expr
    from timeline.temporal.tagger import resolve

    again = resolve(expr.text, published, "past", language)
    if again is None or again.period is None or again.period.start_date > published:
        return expr
    return replace(again, text=expr.text, offset=expr.offset)


def verb_not_part(expr: Expression, raw: str, at: int) -> Expression:
    """A part of a period whose word is the sentence's finite verb ("De wethouder vroeg in maart om uitstel", "De
    gemeente laat in het najaar onderzoeken"): the whole period, said from the word after the verb."""
    head, _, rest = expr.text.partition(" ")
    if expr.mod not in ("START", "END") or not rest or expr.period is None:
        return expr
    from timeline.story.tagging import tagged_plain
    from timeline.temporal import periods

    first = next((t for t in tagged_plain(raw) if t.tag.startswith("WW|pv")), None)
    if first is None or first.start != at:  # the main clause's verb, not a second finite the tagger gave
        return expr
    start = expr.offset[0] + len(head) + 1
    return replace(expr, text=rest, offset=(start, expr.offset[1]), mod=None, period=periods.whole(expr.period))
