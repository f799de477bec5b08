"""The event corpus (tests/corpus/events.txt): which sentences make an event, at which
date, whom a leading pronoun or reference names, and the headline the event gets.
Each line states the publication date it is read against; `none` lines must give
no event."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from timeline.models import Grain
from timeline.read.article import Article
from timeline.story.events import article_candidates, classify, known_names, told
from timeline.story.sentences import sentences
from timeline.temporal.tagger import extract

CORPUS = Path(__file__).parent / "corpus" / "events.txt"
LINE = re.compile(
    r"^(?:(?P<context>.*?)\s*\|\|\s*)?(?P<text>.+?)\s*=>\s*(?P<value>\S+)(?:\s+\[(?P<name>[^\]]+)\])?"
    r"(?:\s+\{(?P<headline>[^{}]+)\})?(?:\s+\(limit:\s*(?P<limit>[^)]*)\))?\s*$"
)


@dataclass(frozen=True)
class Case:
    line: int
    published: dt.date
    context: str
    text: str
    value: str
    name: str | None
    headline: str | None = None  # the event's headline, checked exactly
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
        found.append(Case(number, published, match["context"] or "", match["text"], match["value"], match["name"],
                          match["headline"], match["limit"]))
    return found


def outcome(case: Case) -> tuple[str, str, str | None]:
    """(value, text, headline) of the event the tested sentence gives: ("none", its text,
    None) without one. The headline is the one `article_candidates` gives the sentence's
    candidate (the lead when the sentence opens the article), as a built story shows it."""
    text = f"{case.context} {case.text}".strip()
    article = Article("corpus", text, case.published, Grain.DAY, False, None, 0)
    story = sentences(article)
    found = extract(text, case.published)
    items, _ = told(article, story, found, "nl")
    item = items[-1]
    result = classify(item, article)
    given = candidate_of(article, item.raw)
    line = given.headline if given is not None else None
    joined = given is not None and given.kind == "lead" and given.why.rule == "pointer"  # a lead dated by this sentence
    if given is not None and (given.kind == "dated" or joined) and (result is None or result[0] == "undated"):
        return given.date.value, item.text, line  # dated by the sentence before it ("Altman wees dit bod af"), or a lead by it
    if result is None:
        return "none", item.text, line
    kind, date, *_ = result
    if kind == "current":
        return "PUBLISHED", item.text, line
    if kind == "recent":
        return ("RECENT" if item.features.amounts else "none"), item.text, line
    if kind == "undated":
        return "none", item.text, line
    return date.value, item.text, line


def candidate_of(article: Article, raw: str):
    """The candidate the sentence `raw` gives (its headline, kind and date), None without one."""
    for candidate in article_candidates(article, known_names(article.text)):
        if candidate.why is not None and candidate.why.sentence == raw:
            return candidate
    return None


CASES = cases()


def test_the_corpus_is_large_and_has_negatives():
    assert len(CASES) >= 100
    assert sum(c.value == "none" for c in CASES) >= 30
    assert sum(c.name not in (None, "-") for c in CASES) >= 12
    assert sum(c.headline is not None for c in CASES) >= 65


def marked(case: Case):
    return pytest.param(case, marks=pytest.mark.xfail(reason=case.limit, strict=True)) if case.limit else case


def test_few_lines_are_known_limits():
    """Dating is mature: few of its lines are limits. Headlines and references were
    written down in session 7 at what an editor expects, most of them before the
    tool did it: their limits may only shrink (lower the bound as they flip)."""
    dating = [c for c in CASES if c.headline is None and c.name is None]
    assert sum(c.limit is not None for c in dating) <= 3
    assert sum(c.limit is not None for c in CASES if c not in dating) <= 12


@pytest.mark.parametrize("case", [marked(c) for c in CASES], ids=str)
def test_each_sentence_gives_the_event_an_editor_expects(case):
    value, text, line = outcome(case)
    assert value == case.value, f"{case}: {case.text!r} gave {value}"
    if case.name == "-":
        assert not text.startswith("["), f"{case}: {text!r} names what should stay unnamed"
    elif case.name:
        assert f"[{case.name}]" in text, f"{case}: {text!r} does not name {case.name}"
    if case.headline:
        assert line == case.headline, f"{case}: headline {line!r}, expected {case.headline!r}"
