"""The build whose candidates wait on disk (timeline.store) writes what the in-memory build writes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.build import build_timeline, story_subject
from timeline.cli import collect, main
from timeline.read.inputs import inputs
from timeline.render import split
from timeline.render.output import producers
from timeline.story import merge
from timeline.story.diff import carry_sequences, load_timeline

ROOT = Path(__file__).parent.parent
NEWS = ROOT.parent / "shared" / "news"
FORMATS = ["md", "ics", "html", "json", "timelinejs"]
sys.path.insert(0, str(ROOT / "bench"))
import corpus


def build(*args) -> None:
    result = CliRunner().invoke(main, ["build", *map(str, args), "--quiet", "--format", ",".join(FORMATS)])
    assert result.exit_code == 0, result.output


def in_memory(paths: tuple, subject=None, previous=None) -> dict[str, bytes]:
    """The files of the in-memory build (Collector.timeline), rendered by the same producers."""
    focus = story_subject(paths, subject, ())
    collector = collect(paths, True, None, "tense", "nl", 1, None, True, focus=focus)
    story = carry_sequences(previous, collector.timeline(None, "nl", focus, None, None, lambda message: None))
    return {name: b"".join(make()) for name, make in producers(story, FORMATS, None).items() if name != "jsonl"}


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
    monkeypatch.setattr(merge, "MAX_BLOCK", 6)  # many keys too common: the parts must leave them out as the whole does
    build(generated, "--out", tmp_path / "a")
    assert written(tmp_path / "a") == in_memory((str(generated),))
    sources = [len(e["sources"]) for e in json.loads((tmp_path / "a" / "timeline.json").read_text())["events"]]
    assert max(sources) > 1  # the wire copies and retellings did merge


def test_a_rebuild_reads_the_last_build_line_by_line_and_raises_the_sequence_of_a_changed_event(tmp_path, generated):
    out = tmp_path / "out"
    build(generated, "--out", out)
    first = load_timeline(out / "timeline.json")
    lines = (out / "timeline.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == json.loads((out / "timeline.json").read_text())["events"]
    changed = tmp_path / "changed"
    changed.mkdir()
    for path in generated.iterdir():
        changed.joinpath(path.name).write_text(path.read_text("utf-8").replace("Analisten", "Veel analisten"), "utf-8")
    (out / "timeline.json").replace(out / "kept.json")  # the jsonl alone is no previous build: timeline.json must be there
    (out / "kept.json").replace(out / "timeline.json")
    build(changed, "--out", out)
    assert written(out) == in_memory((str(changed),), previous=first)
    assert any(e.sequence for e in load_timeline(out / "timeline.json").events)


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
