"""The event corpus (tests/corpus/events.txt): which sentences make an event, at which
date, and whom a leading pronoun or reference names. Each line states the
publication date it is read against; `none` lines must give no event."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from timeline.models import Grain
from timeline.read.article import Article
from timeline.story.events import classify, told
from timeline.story.sentences import sentences
from timeline.temporal.tagger import extract

CORPUS = Path(__file__).parent / "corpus" / "events.txt"
LINE = re.compile(
    r"^(?:(?P<context>.*?)\s*\|\|\s*)?(?P<text>.+?)\s*=>\s*(?P<value>\S+)(?:\s+\[(?P<name>[^\]]+)\])?"
    r"(?:\s+\(limit:\s*(?P<limit>[^)]*)\))?\s*$"
)


@dataclass(frozen=True)
class Case:
    line: int
    published: dt.date
    context: str
    text: str
    value: str
    name: str | None
    limit: str | None = None  # what timeline does not do yet: an expected failure

    def __str__(self) -> str:
        return f"events.txt:{self.line}"


def cases() -> list[Case]:
    published, found = None, []
    for number, raw in enumerate(CORPUS.read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@published"):
            published = dt.date.fromisoformat(line.split()[1])
            continue
        match = LINE.match(line)
        assert match, f"events.txt:{number}: cannot read {line!r}"
        found.append(Case(number, published, match["context"] or "", match["text"], match["value"], match["name"], match["limit"]))
    return found


def outcome(case: Case) -> tuple[str, str]:
    """(value, text) of the event the tested sentence gives, or ("none", "")."""
    text = f"{case.context} {case.text}".strip()
    article = Article("corpus", text, case.published, Grain.DAY, False, None, 0)
    story = sentences(article)
    found = extract(text, case.published)
    items, _ = told(article, story, found, "nl")
    item = items[-1]
    result = classify(item, article)
    if result is None:
        return "none", item.text
    kind, date, *_ = result
    if kind == "current":
        return "PUBLISHED", item.text
    if kind == "recent":
        return ("RECENT" if item.features.amounts else "none"), item.text
    if kind == "undated":
        return "none", item.text
    return date.value, item.text


CASES = cases()


def test_the_corpus_is_large_and_has_negatives():
    assert len(CASES) >= 100
    assert sum(c.value == "none" for c in CASES) >= 30
    assert sum(c.name is not None for c in CASES) >= 12


def marked(case: Case):
    return pytest.param(case, marks=pytest.mark.xfail(reason=case.limit, strict=True)) if case.limit else case


def test_few_lines_are_known_limits():
    assert sum(c.limit is not None for c in CASES) <= 6


@pytest.mark.parametrize("case", [marked(c) for c in CASES], ids=str)
def test_each_sentence_gives_the_event_an_editor_expects(case):
    value, text = outcome(case)
    assert value == case.value, f"{case}: {case.text!r} gave {value}"
    if case.name:
        assert f"[{case.name}]" in text, f"{case}: {text!r} does not name {case.name}"
