"""`timeline extract`, `resolve` and `evaluate` through the real command line."""

import json
from pathlib import Path

import pytest

from click.testing import CliRunner

from timeline.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
CONFORMANCE = Path(__file__).parent.parent.parent / "shared" / "conformance"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_resolve_begin_december_gives_the_first_ten_days():
    result = run("resolve", "begin december", "--published", "2025-12-17", "--format", "json")
    assert result.exit_code == 0, result.output
    expr = json.loads(result.output)
    assert (expr["value"], expr["mod"]) == ("2025-12", "START")
    assert expr["period"] == {"start": "2025-12-01", "end": "2025-12-11", "grain": "day"}


def test_prefer_future_moves_a_bare_month_ahead():
    result = run("resolve", "in oktober", "--published", "2025-12-17", "--prefer", "future")
    assert "2026-10" in result.output


def test_extract_json_lists_expressions_per_article():
    result = run("extract", str(SEEDS / "002_63a8b02069decfa4.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.output)
    assert article["published"] == "2025-12-17"
    until = next(e for e in article["expressions"] if e["text"] == "tot 2032")
    assert (until["value"], until["mod"], until["type"]) == ("2032", "BEFORE", "DATE")


def test_an_article_without_date_is_named_and_skipped_or_with_strict_fatal(tmp_path):
    article = tmp_path / "x.txt"
    article.write_text("OpenAI lanceerde in oktober een browser.\n", "utf-8")
    skipped = run("extract", str(article), str(SEEDS / "002_63a8b02069decfa4.txt"))
    assert skipped.exit_code == 3
    assert f"skipped {article}: no publication date" in skipped.output and "--published" in skipped.output
    assert "tot 2032" in skipped.output
    strict = run("extract", str(article), "--strict")
    assert strict.exit_code == 1
    assert f"timeline: error: {article}: no publication date" in strict.output


def test_an_impossible_published_date_is_a_usage_error_quoting_it():
    result = run("resolve", "oktober", "--published", "2025-13-45")
    assert result.exit_code == 2
    assert "'2025-13-45'" in result.output


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason="the other projects' suites are in ../shared, beside the clone")
def test_evaluate_reaches_the_duckling_targets():
    result = run("evaluate", "--conformance", str(CONFORMANCE), "--prefer", "future")
    assert result.exit_code == 0, result.output
    rates = dict(line.split(": ", 1) for line in result.output.splitlines() if ": " in line)
    day = rates["Duckling NL, day or coarser"]
    passed, total = (int(x) for x in day.split()[0].split("/"))
    assert passed / total >= 0.90
    negatives = rates["Duckling NL, no date"].split()[0].split("/")
    assert int(negatives[0]) / int(negatives[1]) >= 0.95


DISAGREED = {  # suite lines whose expected date ignores the sentence's tense, which timeline reads (asked of ../shared
    # to be marked; an issue note says so)
    "recognizers_nl.txt:442": "'het gebeurde 2 weken voor Kerst' on 2016-11-07: 'gebeurde' is past, so the Christmas "
                              "before (2015-12-11); the suite expects the next one",
}


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason="the other projects' suites are in ../shared, beside the clone")
def test_evaluate_keeps_the_recognizers_text_sentences_beside_duckling():
    result = run("evaluate", "--conformance", str(CONFORMANCE), "--failures")
    assert result.exit_code == 0, result.output
    rates = dict(line.split(": ", 1) for line in result.output.splitlines() if line.startswith("Recognizers-Text NL,"))
    passed, total = (int(x) for x in rates["Recognizers-Text NL, phrases"].split()[0].split("/"))
    assert total >= 450 and passed / total >= 0.82
    clear, negatives = (int(x) for x in rates["Recognizers-Text NL, no date"].split()[0].split("/"))
    assert negatives >= 60 and clear / negatives >= 0.95
    failed = [line for line in result.output.splitlines() if line.startswith("recognizers ")]
    assert [line for line in failed if "(limit: " not in line and not any(f" {at} " in line for at in DISAGREED)] == []
    # only lines marked as limits fail, and those where the suite reads no tense (DISAGREED); no negative
