"""No data loss: a build or an extract never removes, truncates or mixes a file it did not write,
a build killed at any moment leaves the previous build whole (the next one puts it back), and
two articles or two edits never make one event vanish."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_hostile import GOOD, folder, no_traceback, timeline  # noqa: F401  (folder: the fixture)
from timeline.render.staging import recover_leftovers

OTHER = "date 2025-12-18 Nvidia sloot in november een deal van 5 miljard dollar met Oracle.\n"


def files_of(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != ".timeline.lock"}


@pytest.mark.parametrize("name", [".timeline-mine", ".timeline-staging-notes", ".timeline-staging-abcdefgh",
                                  ".timeline-abc.tmp", ".timeline-parts.bak"])
@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_users_own_names_starting_with_timeline_survive_builds(folder, tmp_path, name, kind):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / name
    if kind == "folder":
        mine.mkdir()
        (mine / "notes.txt").write_text("mine", "utf-8")
    else:
        mine.write_text("mine", "utf-8")
    for _ in range(2):
        assert timeline("build", folder, "--out", out).returncode == 0
        assert timeline("extract", folder, "--out", out).returncode == 0
    assert (mine / "notes.txt" if kind == "folder" else mine).read_text("utf-8") == "mine"


KILLED_AT = textwrap.dedent("""
    import os, signal, sys
    real, count = os.replace, [0]
    def replace(a, b):
        count[0] += 1
        if count[0] == int(os.environ["KILL_AT"]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(a, b)
    os.replace = replace
    from timeline.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def killed(args: list, at: int) -> int:
    run = subprocess.run([sys.executable, "-c", KILLED_AT, *map(str, args)], capture_output=True, timeout=120,
                         env={**os.environ, "KILL_AT": str(at)})
    return run.returncode


@pytest.mark.parametrize("at", range(1, 7))  # the journal, then md, ics, html, the record of its files, json
def test_a_build_killed_in_its_swap_leaves_every_file_and_the_next_puts_the_old_build_back(folder, tmp_path, at):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    before = files_of(out)
    (folder / "a.txt").write_text(OTHER, "utf-8")
    assert killed(["build", folder, "--out", out], at) == -signal.SIGKILL
    assert set(before) <= set(files_of(out))  # never a file missing, even before anyone cleans up
    recover_leftovers(out, print)
    assert files_of(out) == before and not list(out.glob(".timeline-staging-*"))
    assert timeline("build", folder, "--out", out).returncode == 0
    assert b"Nvidia" in files_of(out)["timeline.json"]


def test_a_swap_that_fails_puts_every_old_file_back_and_names_the_file_that_failed(folder, tmp_path):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out, "--format", "md,json").returncode == 0
    before = files_of(out)
    script = KILLED_AT.replace("os.kill(os.getpid(), signal.SIGKILL)", "raise PermissionError(13, 'Permission denied')")
    (folder / "a.txt").write_text(OTHER, "utf-8")
    run = subprocess.run([sys.executable, "-c", script, "build", folder, "--out", out, "--format", "md,ics,json"],
                         capture_output=True, env={**os.environ, "KILL_AT": "5"}, timeout=120)  # after md, ics, the record
    err = no_traceback(run)
    assert run.returncode == 1 and f"{out / 'timeline.json'}: cannot put the new file in place" in err, err
    assert files_of(out) == before  # the new format's timeline.ics went too
    assert not list(out.glob(".timeline-staging-*"))


@pytest.mark.parametrize("target", ["victim", "/dev/null", "/dev/zero"])
def test_a_lock_that_is_a_symbolic_link_is_refused_and_its_target_untouched(folder, tmp_path, target):
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim"
    victim.write_text("precious", "utf-8")
    (out / ".timeline.lock").symlink_to(victim if target == "victim" else target)
    result = timeline("build", folder, "--out", out, timeout=30)
    assert result.returncode == 1
    assert "the lock is a symbolic link" in no_traceback(result)
    assert victim.read_text("utf-8") == "precious"


@pytest.mark.parametrize("shape", ["fifo", "hard link", "a user's text"])
def test_a_lock_that_is_not_timelines_file_is_refused_and_left_as_it_was(folder, tmp_path, shape):
    out = tmp_path / "out"
    out.mkdir()
    lock, victim = out / ".timeline.lock", tmp_path / "victim"
    victim.write_text("precious", "utf-8")
    if shape == "fifo":
        os.mkfifo(lock)
    elif shape == "hard link":
        os.link(victim, lock)
    else:
        lock.write_text("my own notes, not a pid", "utf-8")
    result = timeline("build", folder, "--out", out, timeout=30)
    assert result.returncode == 1 and ".timeline.lock: the lock is" in no_traceback(result)
    assert victim.read_text("utf-8") == "precious"
    assert shape == "fifo" or lock.read_text("utf-8") in ("precious", "my own notes, not a pid")


def test_extract_into_its_own_input_folder_is_refused_before_anything_is_removed(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    line = json.dumps({"text": "OpenAI sloot in oktober een deal met Broadcom.", "published": "2025-12-17"})
    for n in range(3):
        (data / f"part-{n:05d}.jsonl").write_text(line + "\n", "utf-8")
    before = files_of(data)
    result = timeline("extract", data, "--out", data)
    assert result.returncode == 1
    assert "part-00000.jsonl: --out holds a partition file that timeline did not write" in no_traceback(result)
    assert files_of(data) == before


def test_extract_replaces_only_its_own_partitions_and_a_killed_one_leaves_the_last_run_whole(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    for n in range(70):  # two partitions of 64 and 6 files
        (news / f"{n:03d}.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "rows"
    assert timeline("extract", news, "--out", out).returncode == 0
    first = files_of(out)
    assert sorted(first) == [".timeline-parts", "part-00000.jsonl", "part-00001.jsonl"]
    for n in range(64, 70):
        (news / f"{n:03d}.txt").unlink()
    assert killed(["extract", news, "--out", out], 3) == -signal.SIGKILL
    recover_leftovers(out, print)
    assert files_of(out) == first
    assert timeline("extract", news, "--out", out).returncode == 0
    assert sorted(files_of(out)) == [".timeline-parts", "part-00000.jsonl"]  # its own old partition went


def test_two_extracts_into_one_folder_at_once_leave_one_whole_run(tmp_path):
    sets = []
    for side, count in (("a", 70), ("b", 3)):
        news = tmp_path / side
        news.mkdir()
        for n in range(count):
            (news / f"{n:03d}.txt").write_text(GOOD if side == "a" else OTHER, "utf-8")
        sets.append(news)
    out = tmp_path / "rows"
    runs = [subprocess.Popen([sys.executable, "-m", "timeline.cli", "extract", news, "--out", out],
                             stderr=subprocess.DEVNULL) for news in sets]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    written = files_of(out)
    parts = sorted(name for name in written if name.startswith("part-"))
    texts = b"".join(written[name] for name in parts)
    side_a, side_b = str(sets[0]).encode() + b"/", str(sets[1]).encode() + b"/"
    assert (parts, side_a in texts, side_b in texts) in ((["part-00000.jsonl", "part-00001.jsonl"], True, False),
                                                         (["part-00000.jsonl"], False, True))


def test_a_build_whose_output_folder_is_its_input_reads_no_output_back(folder, tmp_path):
    stories = []
    for _ in range(3):
        result = timeline("build", folder, "--out", folder, "--format", "md,ics,html,json,timelinejs,fragment,embed")
        assert result.returncode == 0, result.stderr
        stories.append(json.loads((folder / "timeline.json").read_text("utf-8"))["events"])
    assert stories[0] == stories[1] == stories[2]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["index.html", "artikel.txt", "export.jsonl"]), depth=st.integers(1, 3))
def test_articles_of_one_file_name_in_different_folders_get_different_ids_and_uids(tmp_path_factory, name, depth):
    root = tmp_path_factory.mktemp("same")
    texts = [GOOD, OTHER.replace("2025-12-18", "2025-12-17")]
    paths = []
    for side, text in zip("ab", texts):
        folder = root.joinpath(*(["x"] * (depth - 1)), side)  # they differ only in their last folder
        folder.mkdir(parents=True)
        body = text.removeprefix("date 2025-12-17 ")
        if name.endswith(".html"):
            data = f"<html><head><title>t</title></head><body><article><p>{body}</p></article></body></html>"
        elif name.endswith(".jsonl"):
            data = json.dumps({"text": body, "published": "2025-12-17"}) + "\n"
        else:
            data = text
        (folder / name).write_text(data, "utf-8")
        paths.append(folder)
    result = timeline("build", *paths, "--out", root / "out", "--published", "2025-12-17", "--format", "json,ics")
    assert result.returncode == 0, result.stderr
    events = json.loads((root / "out" / "timeline.json").read_text("utf-8"))["events"]
    assert len(events) == 2 and len({e["id"] for e in events}) == 2
    assert (root / "out" / "timeline.ics").read_text("utf-8").count("UID:") == 2


def test_moving_a_folder_keeps_the_ids_when_no_two_files_share_a_name(folder, tmp_path):
    first = timeline("build", folder, "--out", "-", "--format", "json")
    moved = folder.rename(tmp_path / "elsewhere")
    second = timeline("build", moved, "--out", "-", "--format", "json")
    assert [e["id"] for e in json.loads(first.stdout)["events"]] == [e["id"] for e in json.loads(second.stdout)["events"]]


@pytest.mark.parametrize("names", [
    {"put": ["x", "../victim.txt"], "remove": [], "had": []},  # "a new file of the dead build": deleted
    {"put": ["x", "../victim.txt"], "remove": [], "had": ["../victim.txt"]},  # "its old file": overwritten
])
def test_a_journal_that_names_a_file_outside_out_touches_nothing(folder, tmp_path, names):
    """A staging folder made by hand (in a folder copied, unpacked or checked out from elsewhere) whose
    journal names a path: the next build's recovery took "../victim.txt" as a file the dead build had
    put in and deleted it, outside --out."""
    out = tmp_path / "out"
    staging = out / ".timeline-staging-abcdefgh"
    (staging / "old-..").mkdir(parents=True)
    (staging / ".timeline-owner").write_text("timeline staging folder\n", "utf-8")
    (staging / "x").write_text("x", "utf-8")
    (staging / "old-..").joinpath("victim.txt").write_text("the attacker's", "utf-8")
    (staging / ".timeline-journal").write_text(json.dumps(names), "utf-8")
    (tmp_path / "victim.txt").write_text("precious", "utf-8")
    result = timeline("build", folder, "--out", out)
    assert result.returncode == 0 and "cannot put back" in no_traceback(result)
    assert (tmp_path / "victim.txt").read_text("utf-8") == "precious"


@pytest.mark.parametrize("kind", ["notes", "fifo", "deep"])
def test_a_partition_record_that_is_not_timelines_is_left_as_it_was_and_named(folder, tmp_path, kind):
    out = tmp_path / "rows"
    out.mkdir()
    record = out / ".timeline-parts"
    if kind == "fifo":
        os.mkfifo(record)
    else:
        record.write_text("my notes\n" if kind == "notes" else "[" * 100_000 + "]" * 100_000, "utf-8")
    before = None if kind == "fifo" else record.read_bytes()
    result = timeline("extract", folder, "--out", out, timeout=60)  # a FIFO was opened and read for good
    err = no_traceback(result)
    assert result.returncode == 1
    assert ".timeline-parts: not timeline's record of its partitions" in err and len(err.splitlines()) == 1
    assert (record.read_bytes() == before) if before is not None else record.is_fifo()
    assert not list(out.glob("part-*"))
