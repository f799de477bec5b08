"""An editor's hand on the story: edits.toml drops, re-dates, rewrites and merges events,
and the next build gives exactly that story, with every untouched id and UID kept."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from timeline.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"


def build(folder: Path, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--calendar-grain", "year", *extra])
    story = json.loads((out / "timeline.json").read_text("utf-8")) if (out / "timeline.json").exists() else None
    return result, story


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def find(story, words):
    (found,) = [e for e in story["events"] if words in e["text"]]
    return found


def test_edits_drop_redate_rewrite_and_merge_and_keep_every_other_id(seeds, tmp_path):
    result, before = build(seeds, tmp_path / "before")
    assert result.exit_code == 0, result.output
    drop, redate = find(before, "Ed Zitron")["id"], find(before, "AgentKit")["id"]
    rewrite, keep = find(before, "riep Altman begin december")["id"], find(before, "38 miljard dollar")["id"]
    absorbed = find(before, "910 miljoen")["id"]
    (seeds / "edits.toml").write_text(f"""
["{drop}"]
drop = true

["{redate}"]
date = "november 2025"

["{rewrite}"]
headline = "Altman roept ‘code red’ uit"
text = "Sam Altman roept begin december een ‘code red’ uit."

["{keep}"]
merge = ["{absorbed}"]
""", "utf-8")
    result, after = build(seeds, tmp_path / "before")
    assert result.exit_code == 0, result.output
    ids = {e["id"]: e for e in after["events"]}
    assert drop not in ids and absorbed not in ids
    assert ids[redate]["date"]["value"] == "2025-11" and ids[redate]["edited"]
    assert ids[rewrite]["headline"] == "Altman roept ‘code red’ uit" and ids[rewrite]["text"].startswith("Sam Altman roept")
    assert ids[keep]["edited"] and len(ids[keep]["sources"]) >= 1
    untouched = set(e["id"] for e in before["events"]) - {drop, redate, rewrite, keep, absorbed}
    assert untouched <= set(ids) and not any(ids[i]["edited"] for i in untouched)
    calendar = icalendar.Calendar.from_ical((tmp_path / "before" / "timeline.ics").read_bytes())
    uids = {str(v["UID"]).split("@")[0]: int(v["SEQUENCE"]) for v in calendar.walk("VEVENT")}
    assert untouched <= set(uids) and all(uids[i] == 0 for i in untouched)
    assert uids[rewrite] == 1  # a changed event keeps its UID and raises its SEQUENCE


def test_a_stale_id_warns_with_the_nearest_id(seeds, tmp_path):
    _, before = build(seeds, tmp_path / "out")
    real = before["events"][0]["id"]
    (seeds / "edits.toml").write_text(f'["{real[:-1]}x"]\ndrop = true\n', "utf-8")
    result, after = build(seeds, tmp_path / "out")
    assert result.exit_code == 0
    assert f"no event '{real[:-1]}x' in this build; the nearest is '{real}'" in result.output
    assert len(after["events"]) == len(before["events"])


def test_an_edit_that_cannot_be_applied_names_the_file_and_line(seeds, tmp_path):
    _, before = build(seeds, tmp_path / "out")
    real = before["events"][0]["id"]
    (seeds / "edits.toml").write_text(f'# edits\n\n["{real}"]\ndate = "ergens binnenkort"\n', "utf-8")
    result, _ = build(seeds, tmp_path / "out2")
    assert result.exit_code == 1
    assert "edits.toml:3: the date 'ergens binnenkort' names no date" in result.output


def test_an_unknown_edit_field_is_an_error(seeds, tmp_path):
    (seeds / "edits.toml").write_text('["abc"]\ndrp = true\n', "utf-8")
    result, _ = build(seeds, tmp_path / "out")
    assert result.exit_code == 1 and "drp" in result.output


def test_a_chain_of_merges_keeps_every_event_and_source_in_the_first(seeds, tmp_path):
    result, before = build(seeds, tmp_path / "out")
    first, second, third = (find(before, words) for words in ("38 miljard dollar", "910 miljoen", "Ed Zitron"))
    (seeds / "edits.toml").write_text(f"""
["{first['id']}"]
merge = ["{second['id']}"]

["{second['id']}"]
merge = ["{third['id']}"]
""", "utf-8")
    result, after = build(seeds, tmp_path / "out")
    assert result.exit_code == 0, result.output
    ids = {e["id"]: e for e in after["events"]}
    assert second["id"] not in ids and third["id"] not in ids
    paths = {s["path"] for s in ids[first["id"]]["sources"]}
    assert {s["path"] for e in (first, second, third) for s in e["sources"]} <= paths


@pytest.mark.parametrize("shape", ["circle", "two takers"])
def test_merges_that_would_lose_an_event_are_an_error_naming_the_line(seeds, tmp_path, shape):
    result, before = build(seeds, tmp_path / "out")
    a, b = find(before, "38 miljard dollar")["id"], find(before, "910 miljoen")["id"]
    c = find(before, "Ed Zitron")["id"]
    second = f'["{b}"]\nmerge = ["{a}"]\n' if shape == "circle" else f'["{c}"]\nmerge = ["{b}"]\n'
    (seeds / "edits.toml").write_text(f'["{a}"]\nmerge = ["{b}"]\n\n{second}', "utf-8")
    result, after = build(seeds, tmp_path / "out")
    assert result.exit_code == 1
    assert re.search(r"edits\.toml:\d+: ", result.output)
    assert ("go round in a circle" if shape == "circle" else "is merged into both") in result.output
    assert after == before  # the last build stays as it was


def test_an_edit_adds_a_left_out_sentence_and_splits_a_telling_off_a_merged_event(seeds, tmp_path):
    from timeline.build import Collector, outcomes, story_subject
    from timeline.read.inputs import inputs

    collector = Collector(False, print, story_subject([str(seeds)], None, ()))
    for outcome in outcomes(inputs([str(seeds)], None, 2**24), None, "tense", "nl", 1):
        collector.add(outcome)
    _, told = collector.story(None, "nl", collector.focus)
    (event, members), = [(e, m) for e, m in told if "Amazon zou een investering" in e.text]
    (other,) = [m for m in members if m.id != event.id]  # the telling from another article
    (seeds / "edits.toml").write_text(f"""
["0123456789ab"]
add = true
source = "002_63a8b02069decfa4.txt"
text = "Altman werd geïnterviewd door Brad Gerstner."
date = "oktober 2025"

["{other.id}"]
split = true
""", "utf-8")
    result, after = build(seeds, tmp_path / "out")
    assert result.exit_code == 0, result.output
    ids = {e["id"]: e for e in after["events"]}
    added = ids["0123456789ab"]
    assert added["date"]["value"] == "2025-10" and added["edited"] and added["headline"].startswith("Altman werd")
    assert len(added["sources"]) == 1 and added["sources"][0]["path"].endswith("002_63a8b02069decfa4.txt")
    assert len(ids[event.id]["sources"]) == 1 and len(ids[other.id]["sources"]) == 1  # two events, one source each
    assert ids[other.id]["text"] == other.text


def test_an_added_event_from_an_article_not_read_is_a_warning_not_a_new_event(seeds, tmp_path):
    (seeds / "edits.toml").write_text('["0123456789ab"]\nadd = true\nsource = "nergens.txt"\ntext = "Iets."\n', "utf-8")
    result, after = build(seeds, tmp_path / "out")
    assert result.exit_code == 0 and "no event '0123456789ab' in this build" in result.output
    assert "0123456789ab" not in {e["id"] for e in after["events"]}


def test_diff_shows_a_changed_headline_as_old_and_new(seeds, tmp_path):
    _, before = build(seeds, tmp_path / "before")
    target = find(before, "riep Altman begin december")
    (seeds / "edits.toml").write_text(f'["{target["id"]}"]\nheadline = "Altman roept code rood uit"\n', "utf-8")
    build(seeds, tmp_path / "after")
    diff = CliRunner().invoke(main, ["diff", str(tmp_path / "before" / "timeline.json"),
                                     str(tmp_path / "after" / "timeline.json")])
    assert diff.exit_code == 0
    changed = diff.output.split("## Gewijzigd", 1)[1]
    assert f"_kop_: {target['headline']} → Altman roept code rood uit" in changed
