"""Every supported phrase is a line in tests/corpus/nl.txt; every text that must
give no date is a line in tests/corpus/nl_negative.txt."""

import datetime as dt

import pytest

from corpus import cases, negatives
from timeline import extract

# nl.txt: our own lines; nl_news.txt: news sentences for issue 14's classes. Negatives likewise.
# Sentences from other projects' suites are in ../shared/conformance, scored by `timeline evaluate`
# (tests/test_cli_extract.py keeps a floor on them).
PHRASE_FILES = ("nl.txt", "nl_news.txt")
NEGATIVE_FILES = ("nl_negative.txt", "nl_news_negative.txt")
CASES = [case for name in PHRASE_FILES for case in cases(name)]
NEGATIVES = [
    pytest.param(name, line, text, marks=pytest.mark.xfail(strict=True, reason=limit)) if limit else (name, line, text)
    for name in NEGATIVE_FILES
    for line, text, limit in negatives(name)
]


def marked(case):
    """A line marked "(limit: why)" is a strict expected failure: it must fail until it is fixed."""
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case.limit)) if case.limit else case


def test_the_corpus_holds_at_least_150_phrases():
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", [marked(case) for case in CASES], ids=str)
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


@pytest.mark.parametrize("name,line,text", NEGATIVES)
def test_text_gives_no_date(name, line, text):
    found = [e for e in extract(text, dt.date(2025, 12, 17)) if e.type in ("DATE", "TIME")]
    assert found == [], f"{name}:{line}: {[e.text for e in found]}"
