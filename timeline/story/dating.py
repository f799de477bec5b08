"""Which date a sentence's happening takes, and whether it reports a happening at all.

Each date in a sentence gets a role. A date that qualifies a noun ("de omzet
van 2025"), bounds a state ("loopt tot 2032"), is the base of a comparison
("tegenover 9 miljard dollar in 2025", the 2023 of "van 200 megawatt in 2023
tot 1,9 gigawatt in 2025") or sits inside a quotation does not date the
sentence. Of the others, a date in the main clause goes before one in a
subordinate clause, and the first goes first. A sentence left without a date
is "recent" (with "onlangs", "eerder gesloten" ...), a current figure at the
publication date (with "inmiddels", "nu" ... and an amount), or undated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from timeline.models import Expression
from timeline.story.relatives import CLAUSE_BREAK, REACH, in_relative, trailing_relative
from timeline.story.sentences import quotations
from timeline.story.words import StoryWords, may_hold, tokens

COORDINATED = re.compile(r"\s*(?:,|en|of|tot en met|t/m)\s*")
QUALIFIER_REACH = 90  # a noun phrase with its "van", "voor" or "in" before a date fits in this many characters
EXCLUDED = {"quoted", "qualifier", "bound", "base", "relative", "recurring", "topic", "outlook"}


@dataclass(frozen=True, slots=True)
class Placed:
    """An expression with its offsets inside the sentence's raw text."""

    start: int
    end: int
    expression: Expression


@dataclass(frozen=True, slots=True)
class Dating:
    """What a sentence's happening is dated by, and the rule that chose it."""

    kind: str  # "dated", "published", "recent" or "undated"
    expression: Expression | None
    rule: str  # why: the role that won, or what the sentence lacked


def clause_before(raw: str, position: int) -> str:
    before = raw[max(0, position - REACH) : position]
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(before)]
    return before[breaks[-1] :] if breaks else before


def in_subordinate(raw: str, position: int, words: StoryWords) -> bool:
    """Whether a subordinator opens the clause that holds `position`."""
    lowered = raw[max(0, position - REACH) : position].lower()
    opened = [m for m in words.clause_start.finditer(lowered)]
    if not opened:
        return False
    return not CLAUSE_BREAK.search(lowered, opened[-1].end())


def counted_from(raw: str, position: int) -> bool:
    """A date of the happening a count of days or weeks is from, in the same clause ("twee weken voor de eerste
    editie op 14 juni")."""
    from timeline.story.timeless import COUNTED_FROM  # the headline's module, read only here

    found = list(COUNTED_FROM.finditer(raw, max(0, position - 60), position))
    return bool(found) and not CLAUSE_BREAK.search(raw, found[-1].end(), position)


def in_cause(raw: str, position: int, words: StoryWords) -> bool:
    """Inside a clause after the main one opened by "nadat", "omdat" or "doordat" (", nadat ..."), with no
    other clause begun between."""
    opened = list(words.cause_clause.finditer(raw, max(0, position - REACH), position))
    return bool(opened) and not CLAUSE_BREAK.search(raw, opened[-1].end(), position)


ARTICLE_BEFORE = re.compile(  # "het in februari gestolen schilderij": a preposition the date tagger left out between
    r"\b(?:de|het|een|deze|dit|zijn|haar|hun)\s+(?:(?:in|op|per|sinds|rond)\s+)?$", re.IGNORECASE)
PARTICIPLE_AFTER = re.compile(r"\s+(?:\w*ge\w+[dt]e?|\w+en|(?:be|ver|ont|her)\w+[dt]e?)\s+[\w\[]")


def expected_in(raw: str, position: int, words: StoryWords) -> bool:
    """Whether the date stands in the clause of what a verb of expecting expects ("en verwacht dat de sector
    volgend jaar herstelt"), within the sentence and with no other clause begun between."""
    lowered = raw[max(0, position - REACH):position].lower()
    found = list(expecting(words.outlook_verbs).finditer(lowered))
    return bool(found) and not OTHER_CLAUSE.search(lowered, found[-1].end())


@lru_cache(maxsize=None)
def expecting(verbs: frozenset[str]) -> re.Pattern[str]:
    """A verb of expecting and its "dat", up to three words between (compiled once)."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(verbs)))})\s+(?:[\w-]+\s+){{0,3}}?dat\s")


OTHER_CLAUSE = re.compile(r"[;:]|,\s+(?:maar|en|terwijl)\s")


def attributive(raw: str, start: int, end: int) -> bool:
    """A date inside a noun phrase, between its article and a participle ("de vorige week ontslagen Edward
    Sturing", "het in 2019 opgerichte bedrijf"): it dates what the participle says of the noun, not the sentence."""
    before = ARTICLE_BEFORE.search(raw, max(0, start - 12), start)
    return bool(before) and bool(PARTICIPLE_AFTER.match(raw, end)) and not verb_zijn(raw, before.start())


def verb_zijn(raw: str, at: int) -> bool:
    """Whether the "zijn" at `at` is the verb, by the tags ("In Schoonhoven zijn in de nacht van zaterdag op zondag
    zeven ... gestolen"), not the possessive of a noun phrase ("zijn vorige week verkochte huis")."""
    from timeline.story.tagging import tagged_plain

    if not raw[at:at + 4].lower() == "zijn":
        return False
    return any(t.start == at and t.tag.startswith("WW") for t in tagged_plain(raw))



def resumed_since(raw: str, item: Placed, words: StoryWords) -> bool:
    """A day (or a part of a month) since which a state holds again ("sinds woensdagmiddag weer", "sinds begin april
    opnieuw"): when it resumed."""
    own = raw[item.start:item.end].lower()
    since = own.startswith("sinds ") or re.search(r"\bsinds\s+$", raw[max(0, item.start - 8):item.start], re.IGNORECASE)
    if FIRST_TIME.search(raw, max(0, item.start - 20), item.start + 6):
        return False  # "Voor het eerst sinds januari krijgen alle kinderen weer les": new now, not since then
    return bool(since) and item.expression.period.end - item.expression.period.start <= RESUMED_REACH \
        and words.resumed.search(raw) is not None


def as_happened(dating: "Dating") -> Expression:
    """The expression a happening is dated by: a state resumed since a day ("is sinds 1 mei weer open") opened on
    that day, so its date carries no "sinds"."""
    return replace(dating.expression, mod=None) if dating.rule == "resumed" else dating.expression


FIRST_TIME = re.compile(r"\bvoor het eerst\s+sinds\b", re.IGNORECASE)
RESUMED_REACH = dt.timedelta(days=31)  # "sinds begin april weer": a day or a part of a month, never "sinds 2016"


def roles(raw: str, placed: list[Placed], words: StoryWords) -> list[str]:
    """One role a date: quoted, qualifier, bound, base, change-end, main or subordinate."""
    quoted = quotations(raw)
    found = []
    for item in placed:
        own = raw[item.start : item.end].lower()  # "sinds eind 2022": the tagger took the signal in
        lowered_clause = clause_before(raw, item.start).lower() + own[: len(own) - len(own.lstrip("abcdefghijklmnopqrstuvwxyz /"))]
        if quoted(item.start):
            role = "quoted"
        elif words.recurring.search(lowered_clause):
            role = "recurring"  # "elk voorjaar": a habit, not a happening
        elif words.topic.match(raw[item.end :]):
            role = "topic"  # "2026 wordt een beslissend jaar": talk about a year
        elif in_relative(raw, item.start, words, len(placed) == 1) or attributive(raw, item.start, item.end) \
                or trailing_relative(raw, item.start, words):
            role = "relative"  # "Lumenta, dat in 2019 werd opgericht, telt ...", "de vorige week ontslagen trainer"
        elif words.comparison.search(lowered_clause) or words.compared_with.search(raw, max(0, item.start - 30), item.start) \
                or words.figure_comparison.search(raw, max(0, item.start - 50), item.start):
            role = "base"  # "ten opzichte van 2024", "30 procent hoger dan vorig jaar", "Net als vorig jaar"
        elif in_cause(raw, item.start, words):
            role = "base"  # "..., nadat de onderhandelingen vorige week vastliepen": an earlier happening's date
        elif counted_from(raw, item.start):
            role = "base"  # "..., ruim twee weken voor de eerste editie op 14 juni": what the count is from
        elif expected_in(raw, item.start, words):
            role = "outlook"  # "... en verwacht dat de sector volgend jaar herstelt": an expectation's date
        elif words.qualifier.search(raw[max(0, item.start - QUALIFIER_REACH) : item.start].lower()):
            role = "qualifier"
        elif resumed_since(raw, item, words):
            role = "resumed"  # "De zaak is sinds 1 mei weer open": it opened again that day
        elif item.expression.mod in ("BEFORE", "AFTER") or words.bound.search(lowered_clause):
            role = "bound"
        else:
            role = "subordinate" if in_subordinate(raw, item.start, words) else "main"
        if found and found[-1] == "bound" and role in ("bound", "main") and item.expression.mod is None \
                and restates(raw, placed[len(found) - 1], item) and raw[item.end:item.end + 2].startswith(","):
            role = "main"  # "Vlak voor kerst, op 22 december, bereikten ...": the day said, the bound restated
        elif found and COORDINATED.fullmatch(raw[placed[len(found) - 1].end:item.start]):
            role = found[-1]  # "in 2021 en 2022": the second date has the first one's role
        found.append(role)
    return mark_changes(raw, placed, found, words)


def mark_changes(raw: str, placed: list[Placed], found: list[str], words: StoryWords) -> list[str]:
    """"van X in 2023 tot Y in 2025": the first date is the base, the second dates the change."""
    for i in range(len(placed) - 1):
        first, second = placed[i], placed[i + 1]
        between = raw[first.end : second.start].lower()
        if words.change_to.search(between) and words.change_from.search(clause_before(raw, first.start).lower()) \
                and not CLAUSE_BREAK.search(between):  # never across a clause: "gestapt, kort nadat ... in maart"
            found[i], found[i + 1] = "base", "change-end"
    return found


def restated(raw: str, chosen: list[tuple[Placed, str]]) -> tuple[Placed, str]:
    """The first date, or the one right after it between commas that says it in figures ("Een jaar later, op 31
    januari 2022, waaide ...", "doet over twee weken, op 20 oktober, uitspraak")."""
    first = chosen[0]
    return chosen[1] if len(chosen) > 1 and restates(raw, first[0], chosen[1][0]) else first


def restates(raw: str, before: Placed, item: Placed) -> bool:
    """Whether `item` says the date right before it again after a comma, in figures ("voor kerst, op 22 december")."""
    between = raw[before.end:item.start]
    return "," in between and len(between.strip(" ,")) <= 3 and bool(FIGURE.search(item.expression.text)) \
        and not FIGURE.search(before.expression.text)


FIGURE = re.compile(r"\d")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # a year in figures (tenses reads it)


def choose(
    raw: str, placed: list[Placed], words: StoryWords, has_amount: bool, recent_word: bool,
    present: Callable[[], bool] = lambda: False,
) -> Dating:
    """The date of the sentence's happening, or what stands in for it. `present()`: the
    sentence has no past or future tense, so a figure in it holds at publication (asked last:
    reading the tense is the dearest test). A day said as a noun ("De dinsdag en de woensdag van de kermis zijn
    vorige week afgelast") gives way to another date of the sentence."""
    from timeline.story.timeless import noun_day  # the headline's module, read only here

    placed = [p for p in placed if not noun_day(raw, p.start, p.end)] or placed
    found = roles(raw, placed, words)
    for wanted in (("change-end", "main", "resumed"), ("subordinate",)):
        chosen = [(item, role) for item, role in zip(placed, found) if role in wanted
                  and not (role in ("subordinate", "main", "resumed") and cause_of_present(raw, item.start, words))]
        if chosen:
            item, role = restated(raw, chosen)
            return Dating("dated", item.expression, role)
    lowered = raw.lower()
    if recent_word or (may_hold(lowered, words.recent_words) and words.recent.search(lowered)):
        return Dating("recent", None, "recent")
    figure = has_amount or bool(words.figure.search(raw))
    # hedged ("Het zou mikken op 100 miljard": a plan or a rumour, not a figure now) is asked only of a figure
    if figure and not words.hedge.search(lowered) and (words.present.search(lowered) or (
            any(r in EXCLUDED for r in found) and present())):
        return Dating("published", None, "present")
    return Dating("undated", None, found[0] if found else "no date")


CAUSE_OPENER = re.compile(r"(?:\b(?:waardoor|doordat|omdat|zodat|hoe|waarom)|(?<=[\w,] )(?:die|waar))\b[^,;:]*$",
                          re.IGNORECASE)  # a relative "die" or "waar" after its noun, never a "Die" that opens


def cause_of_present(raw: str, at: int, words: StoryWords) -> bool:
    """A date in a clause of cause or result ("..., waardoor hackers in januari gegevens konden stelen"), in a
    question asked ("gaat onderzoeken hoe het kon dat klanten woensdag ...") or in a relative clause ("krijgt 500.000
    euro van de vrouw die in mei de jackpot won") under a main clause in the present ("De toezichthouder verwijt het
    bedrijf ..."): it dates that cause or that noun, not what the sentence tells now."""
    opener = CAUSE_OPENER.search(raw, 0, at)
    if not opener:
        return False
    from timeline.story.tagging import tagged_plain

    tokens = tagged_plain(raw)
    if opener.group(0)[:3].lower() == "die" and (not any(t.start == opener.start() and t.tag == "VNW|betr" for t in tokens)
                                                 or any(t.text.lower() in words.reporting for t in tokens)):
        return False  # "In die filialen": a demonstrative; "schrijft X in een brief die ze vrijdag stuurde": when told
    finite = next((t for t in tokens if t.tag.startswith("WW|pv")), None)
    return finite is not None and finite.tag.startswith("WW|pv|tgw") and finite.text.lower() not in PERFECT_AUX


PERFECT_AUX = frozenset({"heeft", "hebben", "is", "zijn", "wordt", "worden"})  # the present of a perfect or a passive


def conditional(raw: str, words: StoryWords) -> bool:
    """"Als je me vijf jaar geleden had gezegd ...": a counterfactual or condition, no happening. Each reading
    needs one of the conditional verbs: a sentence without one is no condition, read without the pattern."""
    lowered = raw.lower()
    return any(map(lowered.__contains__, words.conditional_verbs)) and bool(words.conditional.search(lowered)) \
        or present_condition(raw, words)


def present_condition(raw: str, words: StoryWords) -> bool:
    """"Als er vrijdag geen beter bod ligt, leggen de medewerkers het werk neer": a sentence that opens on a
    condition in the present, its own clause with a finite verb, and goes on with the verb of what then follows."""
    head, comma, rest = raw.partition(",")
    opener = head.split(" ", 1)[0].lower()
    if not comma or opener not in words.conditional_openers:
        return False
    from timeline.story.tagging import tagged_plain  # only for a sentence that opens so

    said, then = tagged_plain(head), tagged_plain(rest.strip())
    present = any(t.tag.startswith("WW|pv|tgw") for t in said[1:])
    return present and bool(then) and then[0].tag.startswith("WW|pv|tgw")


def has_figure(raw: str, words: StoryWords) -> bool:
    return bool(words.figure.search(raw))


def has_action(raw: str, words: StoryWords) -> bool:
    return any(token.lower() in words.actions for token in tokens(raw))
