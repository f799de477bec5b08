"""The tense of the words around a position: does a sentence look back or ahead?"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.temporal.grammar import Grammar
from timeline.models import Direction

# What \s matches, spelled out: a class of plain characters is a quick table
# lookup for the regex engine, where \s asks the character's category.
SPACES = "\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"

# A full stop before a capital or a digit, or a run of spaces. Both open with
# one character class, which lets the regex engine skip ahead.
SENTENCE_END = re.compile("[.!?…" + SPACES + r"](?:(?<=[.!?…])(?=\s+[\"'‘“]?[A-Z0-9])|(?<=\s)\s+)")


def bounds(text: str, position: int, pattern: re.Pattern[str], reach: int = 400) -> tuple[int, int]:
    """The stretch around `position` between two matches of `pattern` (at most `reach` each way)."""
    return last_end_before(text, position, pattern, reach), first_start_after(text, position, pattern, reach)


LOOK_AHEAD = 4  # characters after `position` a sentence end may look at


def last_end_before(text: str, position: int, pattern: re.Pattern[str], reach: int) -> int:
    """Where the last match before `position` ends. Most sentences and clauses are short: looking back
    a short way first finds the same last end, since a match found from further back ends there too."""
    low = max(0, position - reach)
    for near in (max(low, position - 120), low):
        # a match may look a little past `position`: the full stop before "Zondag speelt" ends a
        # sentence because a capital follows it
        ends = [m.end() for m in pattern.finditer(text, near, position + LOOK_AHEAD) if m.end() <= position]
        if ends:
            return ends[-1]
    return low


def first_start_after(text: str, position: int, pattern: re.Pattern[str], reach: int) -> int:
    after = pattern.search(text, position, position + reach)
    return after.start() if after else min(len(text), position + reach)


def direction_in(grammar: Grammar, text: str) -> Direction | None:
    lowered = " " + text.lower()
    if grammar.tense["have"].search(lowered) and grammar.tense["have_infinitive"].search(lowered):
        return "past"  # "heeft maandag laten weten", "heeft willen benadrukken": its participle is an infinitive
    if any(not COMPARED.search(lowered, 0, m.start() + 1) for m in grammar.tense["future"].finditer(lowered)):
        return "future"  # never "slechter aan toe dan verwacht": a comparison with what was expected
    if grammar.tense["past"].search(lowered):
        return "past"
    if grammar.tense["aux"].search(lowered) and (grammar.tense["participle"].search(lowered) or (
            grammar.tense["agent"].search(lowered) and grammar.tense["have_participle"].search(lowered)) or (
            grammar.tense["have_participle"].search(lowered) and not grammar.tense["state_participle"].search(lowered))):
        return "past"  # "is in oktober gestopt": the perfect with "zijn"; "is zondag door brand verwoest": a passive;
    # "is zondagavond de laatste film gedraaid": any participle but one of a state or a plan ("zijn zaterdag gesloten")
    if grammar.tense["have"].search(lowered) and grammar.tense["have_participle"].search(lowered):
        return "past"  # "heeft in oktober een bod gedaan": the perfect with "hebben"
    return None


def clause_direction(grammar: Grammar, text: str, position: int, widen: bool = True) -> Direction | None:
    """The tense of the clause holding `position`, else (with `widen`) of its sentence."""
    s_start, s_end = bounds(text, position, SENTENCE_END)
    sentence = text[s_start:s_end]
    c_start, c_end = bounds(sentence, position - s_start, grammar.tense["clause"])
    found = direction_in(grammar, sentence[c_start:c_end])
    if found is None and REPORTED.search(sentence, 0, c_start) and PRESENT_END.search(sentence[c_start:c_end].rstrip(".!?…")):
        return None  # "had in februari bekendgemaakt dat de afdeling per 1 mei sluit": the news told, in its present
    found = found or tagged_past(sentence, c_start, c_end)
    if found is None and widen and quoted_present(sentence, position - s_start):
        return None  # "'De fabriek sluit op 1 september', zei de directeur": the quote's own present, not "zei"
    return found or (direction_in(grammar, RELATIVE.sub("", sentence)) if widen else None)


def quoted_present(sentence: str, at: int) -> bool:
    """Whether `at` lies inside the quote a sentence opens with, and the quote's finite verbs are all present."""
    if sentence[:1] not in OPENING_QUOTES:
        return False
    closing = QUOTE_CLOSE.search(sentence, 1)
    end = closing.start() if closing is not None else len(sentence)
    if at >= end:
        return False
    finite = [t for t in sentence_tags(sentence) if t.start < end and t.tag.startswith("WW|pv")]
    return bool(finite) and all(t.tag.startswith("WW|pv|tgw") for t in finite)


OPENING_QUOTES = "'\"‘“„"
QUOTE_CLOSE = re.compile(r"[’”\"'](?=[,.!?]?\s|[,.!?]?$)")


def tagged_past(sentence: str, start: int, end: int) -> Direction | None:
    """"past" when the tagger reads the clause's finite verb (the sentence tagged whole) as a past form the lists of
    past words lack ("Drie toeschouwers raakten zondag gewond", "botste", "vluchtte"); None otherwise."""
    if not WEAK_PAST.search(sentence, start, end):
        return None  # no word shaped as a weak past: the model is not asked ("begin december")
    finite = [t for t in sentence_tags(sentence) if start <= t.start < end and t.tag.startswith("WW|pv")]
    return "past" if finite and all(t.tag.startswith("WW|pv|verl") for t in finite) else None


WEAK_PAST = re.compile(r"\b[a-zë]{2,}(?:te|de)n?\b")  # "raakte", "botsten", "belde": the past the lists may lack


@lru_cache(maxsize=4096)
def sentence_tags(sentence: str) -> tuple:
    from timeline.temporal.pos import tagged  # the model loads only when a clause's tense is not in its words

    return tuple(tagged(sentence))


REPORTED = re.compile(r"\bdat\s*$")
PRESENT_END = re.compile(r"\s(?:\w+(?:t|en))\s*$")  # a clause that ends on a present form ("sluit", "sluiten"), so
# most likely its own finite verb in the present, never a weak past ("verhuisde")


COMPARED = re.compile(r"\b(?:dan|als|zoals)\s?$")
# ", die eerder bij Gazelle werkte": a relative clause after a comma tells its noun's past, not the sentence's tense
RELATIVE = re.compile(r",\s+(?:die|wie|waar\w*)\b[^,;:.]*")
