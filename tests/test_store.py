"""The build whose candidates wait on disk (timeline.store) writes what the in-memory build writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generated import bench_corpus
from timeline.api import build_story
from timeline.build import build_timeline
from timeline.cli import main
from timeline.read.inputs import inputs
from timeline.render import split
from timeline.render.output import producers
from timeline.story import blocks as keyed
from timeline.story.diff import load_timeline

ROOT = Path(__file__).parent.parent
NEWS = ROOT.parent / "shared" / "news"
FORMATS = ["md", "ics", "html", "json", "timelinejs"]

corpus = bench_corpus()


def build(*args) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, args), "--quiet", "--format", ",".join(FORMATS)])
    assert result.exit_code == 0, result.output


def in_memory(paths: tuple, subject=None, previous=None) -> dict[str, bytes]:
    """The files of the in-memory build (build_story without a store: Collector.timeline), rendered by the same producers."""
    story = build_story(list(paths) or None, subject=subject, previous=previous).timeline
    return {name: b"".join(make()) for name, make in producers(story, FORMATS, None).items()}


def written(out: Path) -> dict[str, bytes]:
    names = {"md": "timeline.md", "ics": "timeline.ics", "html": "timeline.html", "json": "timeline.json",
             "timelinejs": "timelinejs.json"}
    return {fmt: (out / name).read_bytes() for fmt, name in names.items()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "articles"
    corpus.write(folder, 160, wire=0.2)
    return folder


def test_the_seed_story_from_the_store_is_the_in_memory_story_byte_for_byte(tmp_path):
    build("--out", tmp_path)
    assert written(tmp_path) == in_memory(())


@pytest.mark.skipif(not NEWS.is_dir(), reason="../shared/news is not beside this clone")
@pytest.mark.parametrize("story", ["asml-export", "kabinet-schoof", "tata-steel"])
def test_a_news_story_from_the_store_is_the_in_memory_story_byte_for_byte(tmp_path, story):
    articles = NEWS / story / "articles"
    build(articles, "--out", tmp_path)
    assert written(tmp_path) == in_memory((str(articles),))


def test_generated_articles_with_wire_copies_merge_in_parts_as_they_merge_whole(tmp_path, generated, monkeypatch):
    monkeypatch.setattr(keyed, "MAX_BLOCK", 6)  # many keys too common: the parts must leave them out as the whole does
    build(generated, "--out", tmp_path / "a")
    assert written(tmp_path / "a") == in_memory((str(generated),))
    sources = [len(e["sources"]) for e in json.loads((tmp_path / "a" / "timeline.json").read_text())["events"]]
    assert max(sources) > 1  # the wire copies and retellings did merge


@pytest.mark.parametrize("story", ["generated", "asml-export", "kabinet-schoof", "tata-steel"])
def test_a_part_too_large_to_hold_is_grouped_on_disk_and_gives_the_whole_merge(
        tmp_path, generated, monkeypatch, story):
    import timeline.store
    from timeline.facts import large_facts

    articles = generated if story == "generated" else NEWS / story / "articles"
    if not articles.is_dir():
        pytest.skip("../shared/news is not beside this clone")
    grouped = []
    monkeypatch.setattr(timeline.store, "LARGE_PART", 1)  # every part of two candidates or more (with an
    # undated mention that joins a fact, in each news story)
    monkeypatch.setattr(timeline.store, "large_facts", lambda *a: grouped.append(1) or large_facts(*a))
    build(articles, "--out", tmp_path)
    assert grouped  # parts were grouped on disk, their reports never held
    assert written(tmp_path) == in_memory((str(articles),))


def test_a_large_part_grouped_on_disk_with_memories_of_a_few_reports_gives_the_whole_merge(
        tmp_path, generated, monkeypatch):
    import timeline.facts
    import timeline.store
    from timeline.story import merge

    monkeypatch.setattr(timeline.store, "LARGE_PART", 1)
    monkeypatch.setattr(timeline.facts, "PROBES", 2)  # most probes read again from the store as the pair test asks
    monkeypatch.setattr(timeline.facts, "FACTS", 1)  # each fact's tellings found again from its chain
    monkeypatch.setattr(timeline.facts, "TESTED", 3)  # most of a large part's pairs asked again
    monkeypatch.setattr(merge, "TESTED", 3)
    build(generated, "--out", tmp_path)
    assert written(tmp_path) == in_memory((str(generated),))


def test_the_pair_tests_remembered_within_a_bound_give_the_facts_of_a_memory_that_keeps_all(generated, monkeypatch):
    from timeline.story import merge

    whole = in_memory((str(generated),))
    monkeypatch.setattr(merge, "TESTED", 3)  # a generation of three answers: most pairs are asked again
    assert in_memory((str(generated),)) == whole


def test_a_rebuild_reads_the_last_build_line_by_line_and_raises_the_sequence_of_a_changed_event(
        tmp_path, generated, monkeypatch):
    monkeypatch.setattr(split, "SPLIT", 40)  # a large story: timeline.jsonl beside timeline.json
    out = tmp_path / "out"
    build(generated, "--out", out)
    first = load_timeline(out / "timeline.json")
    lines = (out / "timeline.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads((out / "timeline.json").read_text())["events"]
    changed = tmp_path / "changed"
    changed.mkdir()
    for path in generated.iterdir():
        changed.joinpath(path.name).write_text(path.read_text("utf-8").replace("Analisten", "Veel analisten"), "utf-8")
    build(changed, "--out", out)
    whole = in_memory((str(changed),), previous=first)
    assert {k: v for k, v in written(out).items() if k not in ("md", "html")} == {
        k: v for k, v in whole.items() if k not in ("md", "html")}
    assert any(e.sequence for e in load_timeline(out / "timeline.json").events)


def test_a_small_story_has_no_timeline_jsonl_and_takes_away_the_one_a_larger_build_left(tmp_path, generated, monkeypatch):
    out = tmp_path / "out"
    build("--out", out)
    assert not (out / "timeline.jsonl").exists()  # a story that small looks as it did
    monkeypatch.setattr(split, "SPLIT", 40)
    build(generated, "--out", out)
    first = load_timeline(out / "timeline.json")
    assert (out / "timeline.jsonl").is_file()
    monkeypatch.setattr(split, "SPLIT", 100_000)
    build(generated, "--out", out)  # the last build, read from timeline.jsonl: the same story, the same sequences
    assert not (out / "timeline.jsonl").exists()
    assert written(out) == in_memory((str(generated),), previous=first)


def test_a_large_story_is_an_index_and_a_page_a_year_each_as_the_years_story_renders(tmp_path, generated, monkeypatch):
    monkeypatch.setattr(split, "SPLIT", 40)
    build(generated, "--out", tmp_path)
    whole = build_timeline(inputs((str(generated),), lambda: b""), strict=False)
    years = sorted({e.date.start.year for e in whole.events})
    index = (tmp_path / "timeline.md").read_text("utf-8")
    for year in years:
        assert f"[{year}](<timeline-{year}.md>)" in index
        page = (tmp_path / f"timeline-{year}.md").read_text("utf-8")
        assert page.count("\n- **") == sum(1 for e in whole.events if e.date.start.year == year)
        assert f'<a href="timeline-{year}.html">{year}</a>' in (tmp_path / "timeline.html").read_text("utf-8")
    assert json.loads((tmp_path / "timeline.json").read_text())["events"] == json.loads(whole.model_dump_json())["events"]


def test_edits_that_add_split_merge_and_drop_give_the_in_memory_story(tmp_path):
    from timeline.build import Collector, outcomes, story_subject

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    collector = Collector(False, print, story_subject([str(seeds)], None, ()))
    for outcome in outcomes(inputs([str(seeds)], None, 2**24), None, "tense", "nl", 1):
        collector.add(outcome)
    story, told = collector.story(None, "nl", collector.focus)
    event, members = next((e, m) for e, m in told if len({t.source.path for t in m}) > 1)
    other = next(m for m in members if m.id != event.id)
    first, second, third = [e.id for e in story.events if e.id not in (event.id, other.id)][:3]
    (seeds / "edits.toml").write_text(f"""
["0123456789ab"]
add = true
source = "002_63a8b02069decfa4.txt"
text = "Altman werd geïnterviewd door Brad Gerstner."
date = "oktober 2025"

["{other.id}"]
split = true

["{first}"]
merge = ["{second}"]

["{third}"]
drop = true
""", "utf-8")
    build(seeds, "--out", tmp_path / "out")
    assert written(tmp_path / "out") == in_memory((str(seeds),))
    ids = {e["id"] for e in json.loads((tmp_path / "out" / "timeline.json").read_text())["events"]}
    assert {"0123456789ab", other.id, first} <= ids and not ids & {second, third}


def test_the_articles_read_wait_in_the_store_and_come_back_as_the_in_memory_collector_has_them(generated):
    from timeline.build import Collector, outcomes
    from timeline.store import Store

    kept, store = Collector(True, print), Store()
    stored = Collector(True, print, store=store)
    try:
        for outcome in outcomes(inputs([str(generated)], None, 2**24), None, "tense", "nl", 1):
            kept.add(outcome)
            stored.add(outcome)
        assert not isinstance(stored.sources, list)  # no list that grows an article at a time
        assert list(stored.sources) == kept.sources and len(kept.sources) == 160
        assert list(stored.sources) == kept.sources  # read again from the start
    finally:
        store.close()
