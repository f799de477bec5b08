"""Which sentence leads an article: the first of its opening that tells a happening, and the one that tells
what its title says before any other; a view, a state, an explanation or a quote in the first person never."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.story.dating import conditional, has_action
from timeline.story.features import capitalised, event_words, joined_features
from timeline.story.stance import explains, not_yet, opinion, spans_years, states
from timeline.story.frames import report_frame
from timeline.story.syntax import in_past, named_subject, outlook, subject_text, tagged_plain, tells_action
from timeline.story.records import Why, event_date
from timeline.story.relatives import PERFECT_AUXILIARIES
from timeline.story.words import QUOTES, WORD, StoryWords

if TYPE_CHECKING:
    from timeline.story.dating import Placed
    from timeline.story.events import Told
    from timeline.story.records import Candidate

FIRST_PERSON = frozenset({"ik", "we", "wij"})
TITLE_STEM = 5  # a title and its sentence share words by their first letters ("staking", "stakingen")


def main_clause_of(raw: str, words: StoryWords) -> str:
    """Without a leading subordinate clause ("Terwijl Google ..., waait er ...")."""
    first = raw.split(maxsplit=1)[0].lower() if raw.split() else ""
    return raw.split(",", 1)[1] if first in words.subordinators and "," in raw else raw


def lead_index(items: list[Told], words: StoryWords, language: str = "nl", title: str | None = None,
               published: date | None = None) -> int | None:
    """The sentence of the opening (three sentences) that tells what the title says, else the first that
    reports a happening: a word for what happened, or a name with a verb of action or statement."""
    opening = [i for i in [i for i, item in enumerate(items) if not item.sentence.heading][:3] if may_lead(items[i], words, published)]
    told = next((i for i in opening if title and tells_title(items[i].raw, title)), None)
    if told is not None:
        return told  # "Geen treinen door landelijke staking" over "Door een landelijke staking rijden er geen treinen"
    found = next((i for i in opening if tells_happening(items[i].raw, words, language)), None)
    framed = next((i for i in opening if i and i - 1 in opening and report_frame(items[i].raw, words)), None)
    if framed is not None and (found is None or found > framed):
        return framed  # "De inwoners mogen weer naar huis. Het waterschap heeft dat maandag besloten.": the frame,
    return found  # told with the news before it, leads; never "De dijk bleek minder zwak" after them


def tells_happening(raw: str, words: StoryWords, language: str) -> bool:
    """A word for what happened, or a name with a verb of action or statement ("Tata Steel heeft beroep
    aangetekend", "D66 schuift Rianne Letschert naar voren")."""
    main = main_clause_of(raw, words)
    return bool(event_words(main, language)) or (capitalised(main) and (has_action(main, words) or (
        tells_action(main, words) and (in_past(main) or named_subject(main, words)))))


def may_lead(item: Told, words: StoryWords, published: date | None = None) -> bool:
    """Not a question, a condition, an outlook, a quote in the first person, a state, an explanation, a view."""
    if item.sentence.text.endswith("?") or conditional(item.raw, words) or outlook(item.raw, words) \
            or spoken_in_first_person(item.sentence.text):  # "“Hiermee gaan we op weg ...”": a view, quoted
        return False
    if published and item.placed and all(spans_years(p.expression.period) and p.expression.period.end_date <= published
                                         for p in item.placed):
        return False  # "Die overtredingen vonden plaats in de periode van 2018 tot en met 2021": background
    main = main_clause_of(item.raw, words)
    return not (states(main, words) or explains(main, words)  # "Dat is wat de overheid zegt ...": no happening
                or opinion(main, words) or not_yet(main, words))  # "VNO-NCW vindt het mooi dat ...": a view


def tells_title(sentence: str, title: str) -> bool:
    """Whether the sentence says what the title says: it holds two of the title's long words, or all when the
    title has fewer (by their first letters: "staking" and "stakingen" are one)."""
    head = title.split(": ")[0] if len(title.split(": ")[0].split()) >= 3 else title  # as the headline reads it
    wanted, said = stems(head), stems(sentence)
    return bool(wanted) and len(wanted & said) >= min(2, len(wanted))


def stems(text: str) -> set[str]:
    """The first letters of the long words and of the long parts of hyphenated ones ("AI-gedreven": "gedre")."""
    return {part[:TITLE_STEM] for w in WORD.findall(text.lower()) for part in w.split("-") if len(part) >= TITLE_STEM}


def spoken_in_first_person(sentence: str) -> bool:
    """Quoted speech in which the speaker says "ik", "we", "mijn" or "ons": a view, a plan or a memory, never an
    article's lead."""
    return sentence[:1] in QUOTES and bool(SPEAKERS_OWN & set(re.findall(r"\w+", sentence.lower())))


SPEAKERS_OWN = FIRST_PERSON | {"me", "mij", "mijn", "ons", "onze"}


def viewed_first(items: list[Told], lead: int, words: StoryWords) -> bool:
    """"VNO-NCW vindt het heel mooi dat ...", then the step itself: a title over such an article tells the view
    ("VNO-NCW: mooi dat ..."), so it heads no later sentence."""
    first = next((i for i, item in enumerate(items) if not item.sentence.heading), lead)
    return first < lead and opinion(main_clause_of(items[first].raw, words), words)


def feature_title(title: str | None, words: StoryWords) -> bool:
    """A title of a feature, not of news a lead tells: a question it answers ("Waarom de havenstaking over meer
    gaat ...", "Elk najaar hetzelfde liedje: waarom ...") or a phrase with no verb that opens on an article or a
    preposition, which Dutch news titles leave out ("De eenzame strijd van ...", "Van belofte naar overnameprooi";
    never "Akkoord in havenconflict")."""
    if not title:
        return False
    parts = [part.strip() for part in title.split(":")]
    if any(part.split(" ", 1)[0].lower() in words.feature_openers for part in parts if part):
        return True
    tokens = tagged_plain(parts[0])  # the head before a colon ("De eenzame strijd van X: 'Dit is ...'")
    return bool(tokens) and tokens[0].tag.startswith(("LID", "VZ")) and not any(t.tag.startswith("WW") for t in tokens)


DATED_AFTER = timedelta(days=7)  # how long before its publication the sentence after a lead may date it


def dated_by_next(result: list[Candidate], items: list[Told], lead: int | None, title: str | None,
                  words: StoryWords, language: str) -> list[Candidate]:
    """"De politie heeft drie mannen aangehouden ... De verdachten werden dinsdag in hun woningen opgepakt": a
    lead with no date of its own (at its publication day) and the sentence right after it, which tells the same
    happening (a word of the lead or the title, by its first letters) at a day of the week before, are one event
    at that day, headed as the lead and told with both. A day said in a frame of the sentence after it ("...,
    zo maakte de bank zondag bekend") dates the lead: the news was told that day; when that frame is all that
    dates the sentence after ("X neemt 50 winkels over, heeft de curator vrijdag bekendgemaakt"), the two are
    one news, one event."""
    first = next((c for c in result if c.kind == "lead" and c.why is not None and c.why.rule == "lead"), None)
    if first is None or lead is None or first.date.start != first.published:
        return result
    opening = next((i for i in items[:lead + 2] if since_day(i) is not None), None)  # the lead, the state that
    begun = since_day(opening) if opening is not None else None  # opens its article, or the one right after the
    # lead ("De gemeente is getroffen door een ransomware-aanval. Alle systemen liggen sinds maandagochtend plat")
    if begun is not None and first.published - DATED_AFTER <= begun.expression.period.start_date < first.published:
        why = Why(opening.raw, begun.expression.text, begun.start, "since", len(opening.placed))
        began = event_date(replace(begun.expression, mod=None), language)  # the day it began, no "sinds"
        return joined(result, first, replace(first, date=began, why=why), None)
    if lead + 1 >= len(items):
        return result
    after = items[lead + 1].raw
    pointed = pointer_day(items[lead + 1], words)
    if pointed is not None and first.published - DATED_AFTER <= pointed.expression.period.start_date < first.published:
        why = Why(after, pointed.expression.text, pointed.start, "pointer", len(items[lead + 1].placed))
        told = next((c for c in result if c.kind == "dated" and c.why is not None and c.why.sentence == after), None)
        told_text = items[lead + 1].text  # "Dat werd dinsdag duidelijk ...": told with the lead already, as a frame is
        moved = replace(first, date=event_date(pointed.expression, language), why=why,
                        text=told_text if told_text.startswith(first.text) else f"{first.text} {told_text}")
        return joined(result, first, moved, told)
    restated = restating(result, items, lead, first)
    if restated is not None:  # "Het UMC heeft hoogleraar X op non-actief gezet" ... "De hoogleraar werd maandag op
        moved = replace(first, date=restated.date, why=restated.why)  # non-actief gezet": one deed, that Monday
        return joined(result, first, moved, restated)
    framed = frame_day(items[lead + 1], words)
    if framed is not None and first.published - DATED_AFTER <= framed.expression.period.start_date < first.published:
        why = Why(after, framed.expression.text, framed.start, "frame", len(items[lead + 1].placed))
        told = next((c for c in result if c.kind == "dated" and c.why is not None and c.why.sentence == after
                     and c.why.at == framed.start), None)  # the sentence after dated by its frame alone: one news
        moved = replace(first, date=event_date(framed.expression, language), why=why,
                        text=f"{first.text} {told.text}" if told is not None else first.text)
        return joined(result, first, moved, told)
    told = content_stems(f"{first.text} {title or ''}")
    again = next((c for c in result if c.kind == "dated" and c.why is not None and c.date.grain.value == "day"
                  and not c.expected and (  # a forecast of the sentence after is not its news told that day
        c.why.sentence == after or (
            lead + 2 < len(items) and c.why.sentence == items[lead + 2].raw and (
                c.text.startswith(items[lead + 1].text) or report_frame(items[lead + 2].raw, words)
                or deed_stems(c.why.sentence, words) & told and in_past(c.why.sentence) and tells_deed(first.text, words))))),
        None)  # "... gaan daardoor niet door. Dat meldden ze donderdagavond": the frame's day, told with both; "...
    # stappen naar de rechter. Zij willen ... De buurtbewoners dienden maandag een verzoek in bij de rechtbank"
    if again is None or again.expected or again.text.startswith(first.text) \
            or not first.published - DATED_AFTER <= again.date.start <= first.published:
        return result
    framed_on = again.why.sentence != after  # a frame two sentences on tells the lead's news too
    if not framed_on and not content_stems(after) & told and not report_frame(after, words) \
            and not words.plan_reference.search(after) and not state_then_deed(items[lead].raw, after, words) \
            and not elaborated(items[lead].raw, after, words):
        return result
    moved = replace(first, date=again.date, why=again.why, text=f"{first.text} {again.text}")
    return joined(result, first, moved, again)


def joined(result: list[Candidate], lead: Candidate, moved: Candidate, told: Candidate | None) -> list[Candidate]:
    """The candidates with the lead as `moved` in its place and the one it took in (`told`) gone; the lead then
    also holds what `told` is about ("stemde in met het bestemmingsplan"), so a later look back at it finds it."""
    if told is not None:
        moved = replace(moved, features=joined_features(moved.features, told.features))
    return [moved if c is lead else c for c in result if c is not told]


CONTENT = ("N|", "ADJ", "WW|vd")  # the words that say what happened, not how it is told ("werden", "heeft")


RESTATED_REACH = 12  # sentences after the lead that may tell its deed again with its day


def restating(result: list[Candidate], items: list[Told], lead: int, first: Candidate) -> Candidate | None:
    """A later sentence of the article that tells the lead's deed again, with the same participle and another word
    of it, at a day before the publication ("... heeft hoogleraar Wolters op non-actief gezet" ... "De hoogleraar
    werd maandag op non-actief gezet, nadat ..."): the day the lead's deed happened."""
    lead_tokens = tagged_plain(items[lead].raw)
    done = {t.text.lower() for t in lead_tokens if t.tag == "WW|vd"}
    if not done:
        return None
    stems = content_stems(items[lead].raw) - {d[:TITLE_STEM] for d in done}
    later = {i.raw for i in items[lead + 1:lead + 1 + RESTATED_REACH]}
    for c in result:
        if c.kind != "dated" or c.why is None or c.why.sentence not in later or c.expected \
                or c.date.grain.value != "day" or not first.published - DATED_AFTER <= c.date.start < first.published:
            continue
        tokens = tagged_plain(c.why.sentence)
        if done & {t.text.lower() for t in tokens if t.tag == "WW|vd"} and stems & content_stems(c.why.sentence):
            return c
    return None


def content_stems(text: str) -> set[str]:
    """The first letters of a text's long nouns, adjectives and participles ("verdachten", "verdacht": "verda")."""
    return {t.text.lower()[:TITLE_STEM] for t in tagged_plain(text) if t.tag.startswith(CONTENT) and len(t.text) >= TITLE_STEM}


MODALS = frozenset({"moet", "moeten", "wil", "willen", "kan", "kunnen", "mag", "mogen", "zal", "zullen", "gaat", "gaan"})


def tells_deed(lead: str, words: StoryWords) -> bool:
    """A lead that tells a deed, not what must or may be done nor what someone said ("X moeten niet meer in China
    investeren, zei een congreslid")."""
    said = {w.lower() for w in WORD.findall(lead)}
    return not said & MODALS and not said & words.reporting


def state_then_deed(lead: str, after: str, words: StoryWords) -> bool:
    """A lead that tells a state ("Alle huishoudens in Arnhem-Zuid hebben weer water") and the sentence right after
    it that tells, in the past, the deed that made it ("Vitens herstelde woensdagochtend de gebroken hoofdleiding")."""
    return not tells_action(lead, words) and tells_action(after, words) and in_past(after)


def elaborated(lead: str, after: str, words: StoryWords) -> bool:
    """A lead in the perfect ("FC Lindeveld heeft ... gewonnen", "X is opgestapt") and the sentence right after it in
    the past whose subject points back to it, a pronoun or a noun without a name ("De Friezen versloegen zaterdagavond
    Sparta", "Dinsdagavond liet ze weten ... te vertrekken"): the news said again with its day, as Dutch news
    writes it; never an earlier or another deed of that subject ("al", "ook", "eerder")."""
    lead_tokens, tokens = tagged_plain(lead), tagged_plain(after)
    perfect = any(t.tag.startswith("WW|pv|tgw") and t.text.lower() in PERFECT_AUXILIARIES for t in lead_tokens) \
        and any(t.tag == "WW|vd" for t in lead_tokens)
    finite = next((k for k, t in enumerate(tokens) if t.tag.startswith("WW|pv")), None)
    if not perfect or finite is None or not tokens[finite].tag.startswith("WW|pv|verl") \
            or any(t.text.lower() in words.other_deed or t.tag.startswith("WW|pv|tgw") for t in tokens):
        return False
    beside = [t for t in tokens[max(0, finite - 1):finite + 2] if t.tag.startswith("VNW|pers")]
    noun = tokens[:finite]  # "De Friezen versloegen": a noun phrase with no name before the verb
    described = bool(noun) and noun[0].tag == "LID|bep" and all(t.tag.startswith(("LID", "ADJ", "N|soort"))
                                                                 or t.tag == "N|eigen|mv" for t in noun)  # "De Friezen"
    return bool(beside) or described


def deed_stems(text: str, words: StoryWords) -> set[str]:
    """The first letters of the nouns and adjectives that say what was done, not by whom: no name, nothing of the
    subject, no participle (the same verb may tell another deed: "Vrijdag werd ook de toeristenbelasting verhoogd";
    "De buurtbewoners dienden een verzoek in bij de rechtbank": "verzo", "recht")."""
    subject = subject_text(text, words).lower()
    return {t.text.lower()[:TITLE_STEM] for t in tagged_plain(text) if t.tag.startswith(("N|soort", "ADJ"))
            and len(t.text) >= TITLE_STEM and t.text[:1].islower() and t.text.lower() not in subject.split()}


def frame_day(item: Told, words: StoryWords) -> Placed | None:
    """The day in a report frame set off by a comma ("..., meldt de verzekeraar woensdag", "..., zo maakte de bank
    zondag bekend"): when the news was told."""
    raw = item.raw
    for placed in item.placed:
        comma = raw.rfind(",", 0, placed.start)
        if placed.expression.period.grain.value != "day" or comma < 0:
            continue
        end = raw.find(",", placed.end)
        clause = raw[comma + 1:end if end >= 0 else len(raw)].lower()
        if any(word in words.report_frames for word in WORD.findall(clause)):
            return placed
    return None


def since_day(item: Told) -> Placed | None:
    """The day a lead's state began ("De Demkabrug is sinds donderdagavond dicht voor al het verkeer"): its
    happening, the closing, was that day."""
    return next((p for p in item.placed if p.expression.period.end - p.expression.period.start <= timedelta(days=1)
                 and (p.expression.text.lower().startswith("sinds ")  # the tagger takes the signal in, or not
                      or re.search(r"\bsinds\s+$", item.raw[max(0, p.start - 8):p.start], re.IGNORECASE))), None)


def pointer_day(item: Told, words: StoryWords) -> Placed | None:
    """The one day of a sentence that points back to the news before it and tells nothing of its own: "Dat heeft de
    raad woensdag laten weten", "Dat gebeurde in de nacht van maandag op dinsdag", "De licentiecommissie nam dat
    besluit dinsdag", "Het CBG heeft daarvoor dinsdag toestemming gegeven": when that news happened."""
    framed = frame_day(item, words)  # "..., maakte de bond gisteren bekend": when it was told, not when it happened
    days = [p for p in item.placed if p.expression.period.end - p.expression.period.start <= timedelta(days=1)]
    own = [p for p in days if p is not framed]
    if len(own) != 1 or len(days) != len(item.placed):
        return None
    tokens = tagged_plain(item.raw)
    starts = {p.start for p in days}
    opening = len(tokens) > 2 and tokens[0].text.lower() in ("dat", "dit") and tokens[1].tag.startswith("WW|pv")
    demonstrative = any(t.text.lower() in ("dat", "dit", "die", "deze") and t.tag.startswith("VNW|aanw")
                        and n.tag.startswith("N|soort") for t, n in zip(tokens, tokens[1:]))
    adverb = any(t.text.lower() in words.pointing_adverbs for t in tokens)
    told_it = any(t.text.lower() == "het" and v.tag.startswith("WW|pv") and (t.tag.startswith("VNW|pers") or n.start in starts)
                  for v, t, n in zip(tokens, tokens[1:], tokens[2:])) \
        and any(t.text.lower() in words.report_frames for t in tokens)  # "De club maakte het zondagavond bekend": the news
    # before it, told that day (the tagger may read "het zondagavond" as an article and its noun)
    return own[0] if opening or demonstrative or adverb or told_it or words.plan_reference.search(item.raw) else None
