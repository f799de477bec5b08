"""Measures of length that look like dates: "het hoogste niveau in een week", "voor het eerst in
een jaar", "de grootste daling in tien jaar" say how long, not when; so does a list of lengths
("in een dag, een week of een maand")."""

from __future__ import annotations

import re

from timeline.temporal.dates import Found, Resolved
from timeline.temporal.grammar import Grammar

CLAUSE_START = re.compile(r"[.!?;:,()]")
REACH = 80  # characters back from a match that its clause may reach


def as_lengths(grammar: Grammar, pad: str, found: list[Found]) -> list[Found]:
    """Each "in <count> <unit>" after a superlative or "voor het eerst" in its clause, or before
    another length, as its DURATION."""
    return [length(grammar, pad, item) for item in found]


def length(grammar: Grammar, pad: str, item: Found) -> Found:
    start, end, resolved, name = item
    if resolved.measure is None:
        return item
    if grammar.prefixes["enumeration"].match(pad, end + 1):
        return start, end, Resolved("DURATION", resolved.measure), name
    low = max(0, start - REACH)
    stops = [m.end() for m in CLAUSE_START.finditer(pad, low, start + 1)]
    if not grammar.prefixes["measure"].search(pad, stops[-1] - 1 if stops else low, start + 1):
        return item
    return start, end, Resolved("DURATION", resolved.measure), name
