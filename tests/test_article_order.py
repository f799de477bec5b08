"""What an article gives does not depend on the articles the same process read before it: `--jobs 1`
reads every article in one process, `--jobs 2` and Dask workers each read another share, so any
state carried from one article to the next makes their stories differ."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from generated import bench_corpus
from timeline.build import process, to_record
from timeline.read.inputs import inputs



ORIGINAL, COPY = "a0001155", "a0001163"  # in bench/corpus.py's 10,000 (seed 7, 10% wire) article 1,163 copies 1,155


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    """Articles 1,150 to 1,169 of bench/corpus.py's 10,000, by name: the stretch with the wire copy."""
    folder = tmp_path_factory.mktemp("order")
    found = {}
    for article in itertools.islice(bench_corpus().articles(10_000), 1150, 1170):
        path = folder / f"{article['name']}.txt"
        path.write_text(f"date {article['published']}\n{article['title']}\n\n{article['text']}\n", "utf-8")
        found[article["name"]] = path
    return found


def read(path: Path) -> tuple:
    """The article's outcome as plain values (what a --jobs worker sends back)."""
    return to_record(process(inputs([str(path)], lambda: b"", 2**24)[0], None, "tense", "nl"))


def test_the_generated_stretch_holds_a_wire_copy_of_an_earlier_article(generated):
    original, copy = (generated[name].read_text("utf-8") for name in (ORIGINAL, COPY))
    assert original == copy


def test_a_wire_copy_read_after_its_original_gives_what_it_gives_alone(generated):
    alone = read(generated[COPY])
    read(generated[ORIGINAL])
    after = read(generated[COPY])
    assert after == alone  # it gave the subject's name as the actor of a sentence only the second time
    assert any(row[6][3] for row in alone[5])  # and the candidates hold that actor either way


def test_articles_read_in_reverse_order_give_each_what_they_give_in_input_order(generated):
    names = sorted(generated)
    forward = {name: read(generated[name]) for name in names}
    backward = {name: read(generated[name]) for name in reversed(names)}
    assert [name for name in names if forward[name] != backward[name]] == []
