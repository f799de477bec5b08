"""The tense of the words around a position: does a sentence look back or ahead?"""

from __future__ import annotations

import re

from timeline.temporal.grammar import Grammar
from timeline.models import Direction

# A full stop before a capital or a digit, or a run of spaces. Both open with
# one character class, which lets the regex engine skip ahead.
SENTENCE_END = re.compile(r"[.!?…\s](?:(?<=[.!?…])(?=\s+[\"'‘“]?[A-Z0-9])|(?<=\s)\s+)")


def bounds(text: str, position: int, pattern: re.Pattern[str], reach: int = 400) -> tuple[int, int]:
    """The stretch around `position` between two matches of `pattern`."""
    low = max(0, position - reach)
    starts = [m.end() for m in pattern.finditer(text, low, position)]
    start = starts[-1] if starts else low
    after = pattern.search(text, position, position + reach)
    return start, after.start() if after else min(len(text), position + reach)


def direction_in(grammar: Grammar, text: str) -> Direction | None:
    lowered = " " + text.lower()
    if grammar.tense["future"].search(lowered):
        return "future"
    if grammar.tense["past"].search(lowered):
        return "past"
    if grammar.tense["aux"].search(lowered) and grammar.tense["participle"].search(lowered):
        return "past"  # "is in oktober gestopt": the perfect with "zijn"
    return None


def clause_direction(grammar: Grammar, text: str, position: int, widen: bool = True) -> Direction | None:
    """The tense of the clause holding `position`, else (with `widen`) of its sentence."""
    s_start, s_end = bounds(text, position, SENTENCE_END)
    sentence = text[s_start:s_end]
    c_start, c_end = bounds(sentence, position - s_start, grammar.tense["clause"])
    found = direction_in(grammar, sentence[c_start:c_end])
    return found or (direction_in(grammar, sentence) if widen else None)
