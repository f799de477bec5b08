"""Measure timeline on other projects' Dutch test suites (converted to JSON).

Duckling's corpus: each phrase must resolve, at Duckling's reference time,
to its expected start (and end, for intervals) at its expected grain.
dateparser's cases: the ones that state a date for a text are checked the
same way; the ones about its own internals (translation, tokens, language
detection) say nothing about resolving dates and are counted as not applicable.
Microsoft Recognizers-Text's Dutch spec sentences (recognizers_nl.txt, in the
corpus format of timeline.corpus, with timeline's expected values): each must
give one expression with its value, mod and period, read with the file's own
@reference and @prefer; each line of recognizers_nl_negative.txt no date.

The tagger (`--tagger FILE.conllu`): its tags against the file's CGN tags, both
reduced to the tagger's tag set, and the finite verbs with their tense.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from timeline.bounded import json_of
from timeline.corpus import Case, read_cases, read_negatives, suite_text
from timeline.errors import TimelineError, bounded
from timeline.temporal.tagger import Prefer, extract, resolve
from timeline.models import Expression, Grain

COARSE = {"day", "week", "month", "quarter", "year"}
NEGATIVE_REFERENCE = dt.date(2025, 12, 17)  # what negative lines are read against, as tests/corpus/nl_negative.txt
OUR_GRAIN = {g: g.value for g in Grain}


def moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text[:19])


def duckling_matches(expr: Expression | None, expected: dict) -> bool:
    if expr is None or expr.period is None:
        return False
    period = expr.period
    if expected["type"] == "value":
        same_grain = OUR_GRAIN[period.grain] == expected["grain"]
        return same_grain and period.start == moment(expected["value"])
    start, end = expected.get("from"), expected.get("to")
    if start and end:
        return period.start == moment(start["value"]) and period.end == moment(end["value"])
    if start:
        return period.start == moment(start["value"])
    return period.end == moment(end["value"]) or (expr.mod == "BEFORE" and period.start == moment(end["value"]))


def duckling_class(expected: dict) -> str:
    grain = expected.get("grain") or (expected.get("from") or expected.get("to"))["grain"]
    return "day or coarser" if grain in COARSE else "time of day"


def run_duckling(folder: Path, prefer: Prefer, failures: list[str]) -> list[str]:
    totals, passed = Counter(), Counter()
    for entry in suite_json(folder / "duckling_nl_time.json"):
        reference = moment(entry["reference"])
        kind = duckling_class(entry["expected"])
        for phrase in entry["phrases"]:
            ok = duckling_matches(resolve(phrase, reference, prefer), entry["expected"])
            totals[kind] += 1
            passed[kind] += ok
            if not ok:
                failures.append(f"duckling [{kind}] {phrase!r}: {describe(resolve(phrase, reference, prefer))}")
    negative = suite_json(folder / "duckling_nl_time_negative.json")
    reference = moment(negative["reference"])
    for phrase in negative["phrases_expected_no_time"]:
        found = [e for e in extract(phrase, reference, prefer) if e.type in ("DATE", "TIME")]
        totals["no date"] += 1
        passed["no date"] += not found
        if found:
            failures.append(f"duckling [no date] {phrase!r}: {describe(found[0])}")
    return [rate(f"Duckling NL, {kind}", passed[kind], totals[kind]) for kind in ("day or coarser", "time of day", "no date")]


def describe(expr: Expression | None) -> str:
    if expr is None:
        return "nothing found"
    period = expr.period.model_dump(mode="json") if expr.period else None
    return f"{expr.text!r} -> {expr.value} {expr.mod or ''} {period}"


def rate(label: str, passed: int, total: int) -> str:
    return f"{label}: {passed}/{total} ({100 * passed / total:.1f}%)" if total else f"{label}: no cases"


def dateparser_cases(case: dict) -> list[tuple[str, str, dt.datetime]] | None:
    """(text, substring, expected start) pairs a case states, or None if it states none."""
    kind, text = case["expected_kind"], case["input"]
    expected = case["expected"]
    if kind == "expected" and isinstance(expected, list):
        return [(text, sub, moment(value)) for sub, value in expected]
    if kind == "expected" or kind.startswith("now "):
        return [(text, text.strip(), moment(expected))]
    return None


def run_dateparser(folder: Path, prefer: Prefer, failures: list[str]) -> list[str]:
    passed = total = skipped = 0
    for case in suite_json(folder / "dateparser_nl_cases.json"):
        checks = dateparser_cases(case)
        if checks is None:
            skipped += 1
            continue
        reference = moment(case.get("relative_base") or "2000-01-01T00:00:00")
        for text, substring, expected in checks:
            found = [e for e in extract(text, reference, prefer) if e.period and substring in e.text or (e.period and e.text in substring)]
            ok = any(e.period.start == expected for e in found)
            total += 1
            passed += ok
            if not ok:
                failures.append(f"dateparser {text!r}: expected {expected}, got {[describe(e) for e in found]}")
    return [rate("dateparser NL cases that state a date", passed, total), f"dateparser cases not applicable (translation, tokens, language detection): {skipped}"]


def case_passes(case: Case) -> bool:
    """One expression, with the case's value, mod and period (exact moments for a time of day)."""
    found = extract(case.phrase, case.reference, prefer=case.prefer)
    if len(found) != 1 or (found[0].value, found[0].mod) != (case.value, case.mod):
        return False
    period = found[0].period
    if isinstance(case.start, dt.datetime):
        return period is not None and (period.start, period.end) == (case.start, case.end)
    return case.start is None or (period is not None and (period.start_date, period.end_date) == (case.start, case.end))


def run_recognizers(folder: Path, failures: list[str]) -> list[str]:
    """Recognizers-Text's Dutch sentences with timeline's expected values (their own @prefer), and its negatives."""
    cases = read_cases(folder / "recognizers_nl.txt")
    passed = 0
    for case in cases:
        ok = case_passes(case)
        passed += ok
        if not ok:
            found = extract(case.phrase, case.reference, prefer=case.prefer)
            failures.append(f"recognizers {case}: expected {case.value} {case.mod or ''}, got {[describe(e) for e in found]}"
                            + (f" (limit: {case.limit})" if case.limit else ""))
    negatives = read_negatives(folder / "recognizers_nl_negative.txt")
    clear = 0
    for line, text, _ in negatives:
        found = [e for e in extract(text, NEGATIVE_REFERENCE) if e.type in ("DATE", "TIME")]
        clear += not found
        if found:
            failures.append(f"recognizers [no date] recognizers_nl_negative.txt:{line} {text!r}: {describe(found[0])}")
    limits = sum(1 for case in cases if case.limit)
    return [rate("Recognizers-Text NL, phrases", passed, len(cases)), rate("Recognizers-Text NL, no date", clear, len(negatives)),
            f"Recognizers-Text NL phrases known not handled (marked as a limit): {limits}"]


def suite_json(path: Path):
    """A converted suite (JSON), read as corpus files are (timeline.corpus.suite_text)."""
    try:
        return json_of(suite_text(path))
    except ValueError as error:
        raise TimelineError(f"{path}: not JSON ({bounded(error, 200)}); {CONVERTED}") from None


CONVERTED = "give --conformance the folder of the converted Duckling, dateparser and Recognizers-Text suites"


def run_all(folder: str, prefer: Prefer, show_failures: bool) -> list[str]:
    """The pass rates of the three suites; a suite not in the converted form (a missing field, a value of
    another type, a line that does not parse) is a TimelineError naming the folder, not a traceback."""
    path, failures = Path(folder), []
    try:
        lines = run_duckling(path, prefer, failures) + run_dateparser(path, prefer, failures) + run_recognizers(path, failures)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as error:
        raise TimelineError(f"{path}: a suite is not in the converted form ({type(error).__name__}: "
                            f"{bounded(error, 200)}); {CONVERTED}") from error
    return lines + (["", "Failures:"] + failures if show_failures else [])


def run_tagger(path: str) -> list[str]:
    """The tagger's accuracy and finite-verb precision, recall and F1 on a CoNLL-U file."""
    from timeline.temporal.pos import tag
    from timeline.temporal.pos.conllu import sentences
    from timeline.temporal.pos.score import score

    try:
        return [f"Tagger on {Path(path).name}:"] + score(tag, sentences(path)).lines()
    except (OSError, UnicodeDecodeError) as error:
        said = error.strerror if isinstance(error, OSError) else f"not UTF-8 text (byte {error.start})"
        raise TimelineError(f"{path}: cannot read it ({said}); give --tagger a CoNLL-U file") from None
