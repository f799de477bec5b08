"""Wire copies: the same article republished by many outlets is one story, each fact once with every copy as a source."""

from pathlib import Path

import pytest

from generated import seed_texts
from timeline.build import build_timeline, inputs

COPIES = 1000


def copies(folder: Path, count: int) -> Path:
    """`count` copies of the seed on Amazon's talks with OpenAI (six events), each its own file, published the same day."""
    text = seed_texts()[2]
    folder.mkdir()
    for number in range(count):
        (folder / f"copy_{number:04d}.txt").write_text(f"date 2025-12-10\n{text}", "utf-8")
    return folder


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    one = build_timeline(inputs([str(copies(tmp_path_factory.mktemp("one") / "in", 1))], None))
    many = build_timeline(inputs([str(copies(tmp_path_factory.mktemp("many") / "in", COPIES))], None))
    return one, many


def test_a_thousand_copies_give_the_events_of_one_copy(stories):
    one, many = stories
    assert len(one.events) >= 5
    told = [(e.id, e.date, e.headline, e.text) for e in many.events]
    assert told == [(e.id, e.date, e.headline, e.text) for e in one.events]


def test_each_event_of_a_thousand_copies_has_every_copy_as_a_source(stories):
    one, many = stories
    for single, merged in zip(one.events, many.events):
        assert len(single.sources) == 1
        assert len({s.path for s in merged.sources}) == COPIES
        assert merged.relevance == single.relevance + 2 * (COPIES - 1)
