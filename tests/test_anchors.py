"""A rule may run only where two kinds of anchor are near ("month+shift"): that must lose no match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus import cases, negatives, read_cases, read_negatives
from test_corpus import NEGATIVE_FILES, PHRASE_FILES
from test_narrative import blocks
from timeline.temporal.grammar import compile_grammar
from timeline.temporal.tagger import flatten, padded, windows

SHARED = Path(__file__).parents[2] / "shared" / "conformance"


def texts() -> list[str]:
    found = [p.read_text("utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))]
    found += [case.phrase for name in PHRASE_FILES for case in cases(name)]
    found += [text for name in NEGATIVE_FILES for _, text, _ in negatives(name)]
    found += [block.text for block in blocks()]
    if (SHARED / "duckling_nl_time.json").exists():
        found += [p for entry in json.loads((SHARED / "duckling_nl_time.json").read_text()) for p in entry["phrases"]]
    if (SHARED / "recognizers_nl.txt").exists():  # other projects' sentences stay in ../shared
        found += [case.phrase for case in read_cases(SHARED / "recognizers_nl.txt")]
        found += [text for _, text, _ in read_negatives(SHARED / "recognizers_nl_negative.txt")]
    return found


@pytest.fixture(scope="module")
def padded_texts() -> list[str]:
    return [padded(flatten(text)) for text in texts()]


GRAMMAR = compile_grammar("nl")
PAIRED = [name for name, _ in GRAMMAR.rules if any(len(need) > 1 for need in GRAMMAR.rule_classes[name])]


# A rule whose anchor is a word beside its match, not in it: "de maand" runs after "begin van".
CONTEXT = {"the_unit": frozenset({"part"})}


@pytest.mark.parametrize("name", PAIRED)
def test_a_rule_that_needs_two_anchors_loses_no_match_to_running_only_where_both_are(name, padded_texts):
    """Where a window holds one of the anchors but not all, the rule would find nothing there anyway."""
    pattern = re.compile(dict(GRAMMAR.rules)[name])
    needs = GRAMMAR.rule_classes[name]
    either = CONTEXT.get(name) or frozenset().union(*needs)
    found = 0
    for pad in padded_texts:
        for low, high, classes in windows(GRAMMAR, pad):
            if any(need <= classes for need in needs):
                found += sum(1 for _ in pattern.finditer(pad, low, high + 1))
            elif either & classes:
                assert not pattern.search(pad, low, high + 1), pad[low : high + 1]
    assert found, f"no text in the corpora holds a match of {name}: the test would check nothing"
