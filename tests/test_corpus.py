"""Every supported phrase is a line in tests/corpus/nl.txt; every text that must
give no date is a line in tests/corpus/nl_negative.txt."""

import datetime as dt

import pytest

from corpus import cases, negatives
from timeline import extract

CASES = cases()
NEGATIVES = negatives()


def test_the_corpus_holds_at_least_150_phrases():
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=str)
def test_phrase_resolves_to_its_value(case):
    found = extract(case.phrase, case.reference, prefer=case.prefer)
    assert len(found) == 1, f"expected one expression, got {[e.text for e in found]}"
    expr = found[0]
    got = (expr.value, expr.mod)
    assert got == (case.value, case.mod), f"{expr.text!r}"
    if isinstance(case.start, dt.datetime):  # a time of day: the exact moments
        assert (expr.period.start, expr.period.end) == (case.start, case.end)
    elif case.start is not None:
        assert expr.period is not None
        assert (expr.period.start_date, expr.period.end_date) == (case.start, case.end)


@pytest.mark.parametrize("line,text", NEGATIVES, ids=[f"neg{n}" for n, _ in NEGATIVES])
def test_text_gives_no_date(line, text):
    found = [e for e in extract(text, dt.date(2025, 12, 17)) if e.type in ("DATE", "TIME")]
    assert found == [], f"nl_negative.txt:{line}: {[e.text for e in found]}"
