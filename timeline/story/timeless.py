"""A headline without the time words that do not stand alone ("dinsdag", "vorige week", "eerder dit jaar",
"vorig jaar" after a day): the timeline shows the date beside it."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.story.words import ADVERB_THEN, StoryWords, may_hold, story_words


SPANS_REFERENCE = dt.date(2000, 1, 1)


@lru_cache(maxsize=1024)
def date_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text says a date (its offsets only: any reference day serves); a headline asks this of the
    same text a few times over."""
    from timeline.temporal.tagger import extract

    return tuple(without_verb(text, *e.offset) for e in extract(text, SPANS_REFERENCE) if e.type in ("DATE", "TIME")
                 and not noun_day(text, *e.offset))  # not a length; "de zaterdag van het festival": a noun, no time


def without_verb(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a first word that is the sentence's finite verb ("De gemeente [laat] in het najaar
    onderzoeken", "De wethouder [vroeg] in maart om uitstel"): the verb stays when the date goes."""
    head = text[start:end].split(" ", 1)[0]
    if head.lower() not in story_words().part_verbs or " " not in text[start:end]:
        return start, end
    from timeline.story.tagging import tagged_plain

    first = next((t for t in tagged_plain(text) if t.tag.startswith("WW|pv")), None)  # the main clause's verb, never
    verb = first is not None and first.start == start  # a second one the tagger gave ("presenteert laat in ...")
    return (start + len(head) + 1, end) if verb else (start, end)



DETERMINERS = frozenset({"de", "een", "die", "deze", "elke", "iedere"})  # a weekday is a "de" word: never "het"
WEEKDAY = re.compile(r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:ochtend|middag|avond|nacht)?",
                     re.IGNORECASE)


def pointing_at_time(tokens, k: int, words: StoryWords) -> bool:
    """"nam de verdachte die zaterdagavond een mes mee": "die" before a time noun, with no finite verb of its own
    before the clause ends, points at that time; it opens no relative clause ("de verdachte die zaterdagavond een
    mes meenam" does)."""
    if k + 1 >= len(tokens) or not is_time_noun(tokens[k + 1].text.lower(), words):
        return False
    for token in tokens[k + 2:]:
        if token.text in ",;:" or token.tag.startswith("VG") or token.text.lower() in words.subordinators \
                or token.text.lower() == "van":
            return token.text.lower() != "van"  # "die zaterdag van het festival": a noun with its phrase
        if token.tag.startswith("WW|pv"):
            return False
    return True


def is_time_noun(word: str, words: StoryWords) -> bool:
    return word in words.time_units or any(word.startswith(day) for day in words.time_words)


def pointed_at(text: str, start: int) -> int | None:
    """Where "die" or "deze" before the date at `start` begins, when it points at that time ("die zaterdagavond")."""
    found = POINTING.search(text, 0, start)
    if found is None:
        return None
    from timeline.story.tagging import tagged_plain

    tokens = tagged_plain(text[found.start():])
    return found.start() if pointing_at_time(tokens, 0, story_words()) else None


POINTING = re.compile(r"\b(?:die|deze)\s+$", re.IGNORECASE)


def noun_day(text: str, start: int, end: int) -> bool:
    """"De zondag ging wel door", "bezoekers van de afgelaste zaterdag": a weekday said as a noun after a determiner
    (and an adjective), no time of the sentence: it stays in the headline. Never "die vorige week" or "maakte het
    woensdagavond bekend" ("het" is the pronoun)."""
    if not WEEKDAY.fullmatch(text[start:end]):
        return False
    before = text[:start].split()
    if before and before[-1].lower() in DETERMINERS:
        return pointed_at(text, start) is None  # "die zaterdagavond nam hij": that time
    if len(before) < 2 or before[-2].lower() not in DETERMINERS:
        return False
    from timeline.story.tagging import tagged_plain

    return any(t.text == before[-1] and t.tag.startswith(("ADJ", "WW|vd")) for t in tagged_plain(text))


def timeless(text: str, words: StoryWords, every: bool = False, when: str | None = None) -> str:
    """Without the time words that do not stand alone: a date phrase with neither a figure nor a
    month ("dinsdag", "vorige week", "eerder dit jaar") and the words of `headline_relative`, each
    with a preposition before it ("op dinsdag"). A date that is its verb's complement ("De zaak dient
    volgende week donderdag") is said as `when` ("op 12 februari"); a date said whole stays there."""
    spans = [(s, e) for s, e in date_spans(text) if every or not re.search(r"\d", text[s:e]) and (
             not words.month_words & set(text[s:e].lower().split()) or words.headline_deictic & set(text[s:e].lower().split())
             or RELATIVE_YEAR.search(text, s, e))]
    spans += [m.span() for m in ADVERB_THEN.finditer(text) if not opens_clause(text, m.end())]  # "legde Apple toen
    # een boete op": the time of the sentence before; never "ontstak het gas toen de bewoner ... aanzette"
    spans += [m.span() for m in COUNTED_FROM.finditer(text)]  # "Een dag na de verkiezingen": counted from a happening
    spans += [m.span() for m in SO_FAR.finditer(text)]  # "tot nu toe" goes whole, never "tot toe"
    if may_hold(text, words.relative_words, ignore_case=True):  # none of its words: no match
        for found in words.headline_relative.finditer(text):  # "Drie maanden eerder": the count goes with its word
            if ALL_OF.match(text, found.end()) and found.group(0).lower() == "al":
                continue  # "met al zijn gevolgen": all of them, no "already"
            counted = COUNTED.search(text, 0, found.start()) or MEASURED.search(text, 0, found.start())
            spans.append((counted.start() if counted else found.start(), found.end()))
    spans = [relative_year(text, s, e, words) for s, e in spans]
    spans += [day for s, e in date_spans(text) if not every and (day := day_of_clock(text, s, e, words))]
    spans += [(year.start(), e) for s, e in date_spans(text) if not every and re.search(r"\d", text[s:e])
              and (year := RELATIVE_YEAR.search(text, s, e))]  # "op 22 mei vorig jaar": the day stays, not the year
    spans = [(s, compared_to(text, s, e)) for s, e in spans]
    spans += [(m.start(1), m.end(1)) for s, e in spans if LATER.search(text[s:e])  # "een dag later plaats dan gepland":
              for m in [PARTICLE_THAN.match(text, e)] if m]  # the comparison goes, the particle stays
    for start, end in reversed(merged(spans, text)):
        start = pointed_at(text, start) or start
        compared = words.figure_comparison.search(text, max(0, start - 50), start)
        if compared and CLAUSE_END.match(text, end):  # "23 klachten[, tegen ruim 140 vorig jaar]": the base goes whole
            text = text[: compared.start()] + text[end:]
            continue
        before = re.search(r"(?:\b(?:dan|net als|evenals|zoals|uiterlijk|ongeveer|omstreeks|circa|ruim|bijna|krap)\s+)?"
                           r"(?:\b(?:ten opzichte van|vergeleken met|in "
                           r"vergelijking met)\s+|\b(?:op|in|sinds|vanaf|per|van|om)\s+)?(?:\b(?:de|het)\s+hele\s+)?$",
                           text[:start], re.IGNORECASE)  # "de hele zaterdag", "ten opzichte van een jaar eerder" go whole
        if OWN_PREPOSITION.match(text, start):  # "gaat in [op 13 december]": the word before is the verb's particle
            before = re.search(r"$", text[:start])
        kept = complement(text[: before.start()], text[end:], words)
        if kept and every:
            continue  # "stamde al uit 2021": the year stays
        if kept == "verb" and when and when not in text and not re.match(r"(?:tot|van|vanaf|sinds|na|voor)\b", before.group(0) + text[start:end],
                                                    re.IGNORECASE):  # "dient op 12 februari"; "geldt tot vrijdag" never
            text = text[: before.start()].rstrip() + " " + when + " " + text[end:].lstrip()  # "geldt op 12 februari"
            continue
        rest = text[end:]
        restated = RESTATED_AFTER.match(rest)  # "werd twee weken later, op 18 juni, failliet verklaard": the date
        rest = f" {restated.group(1)} {rest[restated.end():]}" if restated else rest  # it restated loses its commas
        text = text[: before.start()].rstrip() + " " + rest.lstrip()
    return re.sub(r",(?:\s*,)+\s*", " ", " ".join(text.replace(" ,", ",").split())).strip(" ,")  # ", [ruim vijf weken
    # na de diefstal], weer open": what they set off went, and both commas with it


ALL_OF = re.compile(r"\s+(?:zijn|haar|hun|het|de|die|deze|dat|dit|onze|mijn|jullie)\b", re.IGNORECASE)


def compared_to(text: str, start: int, end: int) -> int:
    """Where a time span ends with the base of its comparison ("eerder dan gepland", "eerder dan in voorgaande jaren")."""
    than = (THAN.match(text, end) or THAN_BASE.match(text, end)) if LATER.search(text[start:end]) else None
    return than.end() if than else end


RESTATED_AFTER = re.compile(r"\s*,\s+((?:op|in|om|rond)\s+[^,;:]{0,30}?\d[^,;:]{0,30}),\s+")


OWN_PREPOSITION = re.compile(r"(?:op|in|sinds|vanaf|per|van|tot|rond|voor|na|om|tegen|tussen)\s", re.IGNORECASE)
CLAUSE_END = re.compile(r"\s*(?:$|[.!?;,]|(?:en|maar|of)\s)")
BARE_REACH = 10  # "De zaak dient", "De behandeling van het beroep dient": a subject and its verb, nothing more


def complement(head: str, rest: str, words: StoryWords) -> str | None:
    """"De zaak dient [volgende week donderdag]", "Het onderzoek stamde al uit [2021] en ...": a date that ends its
    clause after a preposition of its own or after a bare subject and verb completes the verb; without it the
    headline breaks."""
    if not CLAUSE_END.match(rest) or not head.strip():
        return None
    from timeline.story.tagging import tagged_plain

    tokens = tagged_plain(head)
    if tokens and tokens[-1].tag.split("|")[0] == "VZ":
        return "preposition"
    bare = 1 < len(tokens) <= BARE_REACH and tokens[-1].text.lower() in words.time_complement_verbs \
        and not any(t.tag.startswith(("WW", "VG", "LET")) for t in tokens[:-1])
    return "verb" if bare else None


def opens_clause(text: str, end: int) -> bool:
    """Whether the words after a "toen" up to the next mark hold a finite verb: "toen" is then a conjunction; never
    when that verb comes right after it ("Toen wees de rechter ... af": the adverb, its verb second)."""
    from timeline.story.tagging import tagged_plain

    rest = re.split(r"[,;:.]", text[end:], maxsplit=1)[0]
    tokens = tagged_plain(rest)
    return any(t.tag.startswith("WW|pv") for t in tokens) and not (tokens and tokens[0].tag.startswith("WW|pv"))


def before_dated_clause(text: str) -> str:
    """"In 2018 ging de intensive care 's nachts dicht[, twee jaar later verhuisde de dialyse]": a main clause after
    a comma that opens with a date of its own and then its finite verb is another happening at another date; a
    sentence dated before that comma ends there."""
    from timeline.story.tagging import tagged_plain

    spans = date_spans(text)
    for k, (start, end) in enumerate(spans):
        comma = PREPOSITION_AFTER_COMMA.search(text, 0, start)
        if comma is None or not any(e <= comma.start() for _, e in spans):
            continue
        for after, last in spans[k + 1:]:  # "in november [van] dat jaar": one date said in two
            end = last if text[end:after].strip() in ("", "van") else end
        tokens = tagged_plain(text[end:].strip()[:80])
        if tokens and tokens[0].tag.startswith("WW|pv"):
            return text[:comma.start()]
    return text


PREPOSITION_AFTER_COMMA = re.compile(r",\s+(?:(?:en|maar)\s+)?(?:(?:op|in|om|rond|sinds|vanaf)\s+)?$")  # ", en in november
# volgde de steun van de provincie"


THAN = re.compile(r",?\s+dan\s+(?:(?:aanvankelijk|eerst|oorspronkelijk|gedacht|gewoonlijk)\s+)?(?:(?:werd|was|is)\s+)?"
                  r"(?:gepland|verwacht|voorzien|gedacht|bedoeld|afgesproken|beloofd|aangekondigd|begroot|gemeld)\b")
# "ruim twee uur eerder dan aanvankelijk werd gemeld": the comparison goes whole
LATER = re.compile(r"\b(?:eerder|later)$")
THAN_BASE = re.compile(r"\s+dan\s+[^,;:.!?]{1,60}(?=[,;:.!?]|$)")  # "eerder dan in voorgaande jaren": the base goes too
PARTICLE_THAN = re.compile(r"\s+[a-z]+(" + THAN.pattern + ")")  # "drie jaar eerder dan gepland": the comparison goes with the count
RELATIVE_YEAR = re.compile(r"\s+(?:van\s+)?(?:vorig|volgend|komend|afgelopen|dit)\s+jaar$", re.IGNORECASE)


CLOCK_AFTER = re.compile(r"\s+(?:om|rond|tegen|omstreeks|vanaf|tussen)\s+\d")


def day_of_clock(text: str, start: int, end: int, words: StoryWords) -> tuple[int, int] | None:
    """"zondag rond 03.30 uur": the day said from the publication goes, the clock time stays."""
    found = CLOCK_AFTER.search(text, start, end)
    if found is None or found.start() == start or re.search(r"\d", text[start:found.start()]) \
            or words.month_words & set(text[start:found.start()].lower().split()):
        return None
    return start, found.start()


def relative_year(text: str, start: int, end: int, words: StoryWords) -> tuple[int, int]:
    """"in oktober vorig jaar": the month stays, the year said from the publication goes."""
    found = RELATIVE_YEAR.search(text, start, end)
    if found and words.month_words & set(text[start:found.start()].lower().split()):
        return found.start(), end
    return start, end


COUNT = (r"\b(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|enkele|\d+)\s+"
         r"(?:dagen|dag|weken|week|maanden|maand|jaar|jaren|uur|uren|kwartier|minuten|minuut)")
MEASURE = r"\b(?:ruim|bijna|zo'n|ongeveer|pas|zeker)\s+"  # "ruim een week later dan afgesproken": it goes with the count
COUNTED = re.compile(f"(?:{MEASURE})?{COUNT}\\s+$", re.IGNORECASE)
MEASURED = re.compile(f"{MEASURE}$", re.IGNORECASE)
COUNTED_FROM = re.compile(COUNT + r"\s+(?:na|voor)\s+(?:de|het)\s+[a-z][\w-]*", re.IGNORECASE)
SO_FAR = re.compile(r"\btot\s+(?:nu|dusver|dusverre|op\s+heden)\s+toe\b", re.IGNORECASE)
COORDINATED = re.compile(r"-?\s*(?:,|\ben\b|\bof\b|\btot\b)?\s*", re.IGNORECASE)  # "maandag- en donderdagmiddag"


def merged(spans: list[tuple[int, int]], text: str = "") -> list[tuple[int, int]]:
    """Overlapping spans as one, in order; with the text, also spans joined by "en", "of" or a comma
    ("donderdag en vrijdag" goes whole)."""
    result: list[list[int]] = []
    for start, end in sorted(spans):
        if result and (start <= result[-1][1] or (text and COORDINATED.fullmatch(text[result[-1][1]:start]))):
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(start, end) for start, end in result]


DAY_LABEL = re.compile(r"(\d{1,2} [^\W\d]+)(?: \d{4})?")
PERIOD_LABEL = re.compile(r"(?:[^\W\d]+ )?\d{4}")


def said_when(date, words: StoryWords) -> str | None:
    """The event's date as a headline says it where a time word completes the verb: "op 12 februari", "in maart
    2026", "in 2027"; none for a week, a season or a part ("eind maart")."""
    day = DAY_LABEL.fullmatch(date.label)
    if day and date.grain.value == "day":
        return words.headline_on_day.format(day=day.group(1))
    if PERIOD_LABEL.fullmatch(date.label) and date.mod is None and date.grain.value in ("month", "year"):
        return words.headline_in_period.format(period=date.label)
    return None
