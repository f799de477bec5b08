"""A file at a name timeline writes (timeline.md, timeline.json, timeline.jsonl, review.html ...)
that timeline did not write there is the user's: a build, a review or the desk stops before it
replaces or removes it, and says which file and what to do. Its own files it replaces as before,
in a folder it wrote before this record existed too, and in a copy of one."""

from __future__ import annotations

import hashlib
import os
import json
import shutil
from pathlib import Path

import pytest

from test_hostile import GOOD, folder, no_traceback, timeline  # noqa: F401  (folder: the fixture)

PAGE = ("<html><head><title>OpenAI en Broadcom</title></head><body><article><p>OpenAI sloot in oktober een deal "
        "van 10 miljard dollar met Broadcom, meldde het bedrijf.</p></article></body></html>")
EXPORT = json.dumps({"text": "OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.",
                     "published": "2025-12-17"}) + "\n"


def sums(*folders: Path) -> dict[str, str]:
    """Every file and link under the folders, by path: its bytes' digest (a link: where it points)."""
    found = {}
    for top in folders:
        for path in sorted(top.rglob("*")):
            if path.is_symlink():
                found[str(path)] = "-> " + str(path.readlink())
            elif path.is_file() and path.name != ".timeline.lock":
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def refused(result, path: Path) -> None:
    err = no_traceback(result)
    assert result.returncode == 1, err
    (line,) = err.strip().splitlines()
    assert line.startswith(f"timeline: error: {path}: ") and "timeline did not write" in line, line
    assert "move it away" in line, line


@pytest.mark.parametrize("name, data", [
    ("timeline.md", "# Mijn eigen aantekeningen\n"),
    ("timeline.json", '{"mine": 1}\n'),  # another tool's: the build itself calls it "not a timeline.json"
    ("timeline.html", "<p>mijn eigen pagina</p>\n"),
    ("timeline.jsonl", EXPORT),  # a build whose story is small took it away as a stale timeline.jsonl
])
def test_a_users_own_file_at_an_output_name_in_out_is_never_replaced_or_removed(folder, tmp_path, name, data):
    home = tmp_path / "home"
    home.mkdir()
    (home / name).write_text(data, "utf-8")
    (home / "other.txt").write_text("mine", "utf-8")
    before = sums(home, folder)
    refused(timeline("build", folder, "--out", home), home / name)
    assert sums(home, folder) == before
    assert not list(home.glob(".timeline-*"))


def test_the_changelog_of_since_never_replaces_a_users_changelog(folder, tmp_path):
    assert timeline("build", folder, "--out", tmp_path / "old").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    (out / "changelog.md").write_text("mijn eigen changelog\n", "utf-8")
    before = sums(out)
    result = timeline("build", folder, "--out", out, "--since", tmp_path / "old" / "timeline.json")
    refused(result, out / "changelog.md")
    assert sums(out) == before


def test_an_export_named_timeline_jsonl_that_is_the_input_stays(tmp_path):
    (tmp_path / "timeline.jsonl").write_text(EXPORT * 3, "utf-8")
    before = sums(tmp_path)
    result = timeline("build", "timeline.jsonl", "--out", ".", cwd=tmp_path)
    refused(result, Path("timeline.jsonl"))
    assert sums(tmp_path) == before


def test_a_saved_page_named_timeline_html_beside_its_articles_is_neither_read_nor_replaced(folder):
    (folder / "timeline.html").write_text(PAGE, "utf-8")
    before = sums(folder)
    result = timeline("build", folder, "--out", folder, "--published", "2025-12-17")
    refused(result, folder / "timeline.html")
    assert sums(folder) == before


def test_a_review_never_replaces_a_users_review_html(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "review.html").write_text("<p>mijn review</p>", "utf-8")
    before = sums(out)
    refused(timeline("review", folder, "--out", out), out / "review.html")
    assert sums(out) == before


@pytest.mark.parametrize("how", ["own notes", "a link"])
def test_a_file_put_over_an_output_after_a_build_stays_and_the_next_build_says_so(folder, tmp_path, how):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    (out / "timeline.md").unlink()
    if how == "a link":
        (tmp_path / "notes.md").write_text("mijn notities", "utf-8")
        (out / "timeline.md").symlink_to(tmp_path / "notes.md")
    else:
        (out / "timeline.md").write_text("mijn notities", "utf-8")
    before = sums(out, tmp_path / "notes.md" if how == "a link" else out)
    refused(timeline("build", folder, "--out", out), out / "timeline.md")
    assert sums(out, tmp_path / "notes.md" if how == "a link" else out) == before


def test_timelines_own_files_are_replaced_in_its_folder_in_a_copy_of_it_and_in_one_written_before_the_record(
        folder, tmp_path):
    out = tmp_path / "out"
    formats = "md,ics,html,json,timelinejs,fragment,embed"
    assert timeline("build", folder, "--out", out, "--format", formats).returncode == 0
    assert timeline("review", folder, "--out", out).returncode == 0
    assert timeline("build", folder, "--out", out, "--format", formats).returncode == 0
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)  # new inodes, the same bytes
    (folder / "b.txt").write_text(GOOD.replace("oktober", "november"), "utf-8")
    assert timeline("build", folder, "--out", copy, "--format", formats).returncode == 0
    assert timeline("review", folder, "--out", copy).returncode == 0
    (out / ".timeline.files").unlink()  # a build folder of a timeline before the record, or copied without it
    result = timeline("build", folder, "--out", out, "--format", formats)
    assert result.returncode == 0, result.stderr
    assert b"november" in (out / "timeline.json").read_bytes()


@pytest.mark.parametrize("formats", ["md", "md,ics,html,timelinejs,fragment,embed"])
def test_a_folder_a_version_before_the_record_built_without_json_is_rebuilt(folder, tmp_path, formats):
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out, "--format", formats).returncode == 0
    (out / ".timeline.files").unlink()  # as a version before the record left it: its outputs, no timeline.json
    (folder / "b.txt").write_text(GOOD.replace("oktober", "november"), "utf-8")
    result = timeline("build", folder, "--out", out, "--format", formats)
    assert result.returncode == 0, result.stderr
    assert "november" in (out / "timeline.md").read_text("utf-8")


@pytest.mark.parametrize("name, mine", [("timeline.html", "<p>mijn pagina</p>"), ("timeline.md", "# Mijn notities\n"),
                                        ("timeline.jsonl", '{"text": "mijn export", "published": "2025-01-01"}\n'),
                                        ("changelog.md", "# Mijn wijzigingen\n"), ("timelinejs.json", "[1, 2]"),
                                        ("timelinejs.json", '{"title": {"text": {"headline": "Mijn tijdlijn"}}, '
                                                            '"events": [{"unique_id": "mijn-1"}]}'),
                                        ("timeline.json", '{"title": "Mijn tijdlijn", "events": [{"date": "2020"}]}')])
def test_a_users_file_beside_a_timeline_json_without_a_record_is_neither_replaced_nor_removed(folder, tmp_path, name, mine):
    """A copy of a build without its hidden files (or one before the record) beside the user's own
    files at output names: all were taken as timeline's because timeline.json was a timeline, so the
    user's page was overwritten and the export named timeline.jsonl deleted as a stale one."""
    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    (out / ".timeline.files").unlink()
    (out / name).write_text(mine, "utf-8")
    before = sums(out)
    formats = "md,ics,html,json,timelinejs"
    refused(timeline("build", folder, "--out", out, "--format", formats, "--since", out / "timeline.json"), out / name)
    assert sums(out) == before


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_folder_where_a_version_before_the_record_wrote_only_a_review_gets_the_new_review(folder, tmp_path, fmt):
    out = tmp_path / "out"
    assert timeline("review", folder, "--out", out, "--format", fmt).returncode == 0
    (out / ".timeline.files").unlink()  # a review written before the record (its page carries no tl- class)
    (folder / "b.txt").write_text(GOOD.replace("oktober", "november"), "utf-8")
    result = timeline("review", folder, "--out", out, "--format", fmt)
    assert result.returncode == 0, result.stderr  # was refused once as a file timeline did not write
    assert "november" in (out / f"review.{fmt}").read_text("utf-8")


@pytest.mark.parametrize("name", ["timeline.json", "timeline.md", ".timeline.lock"])
def test_a_desk_whose_edits_would_be_one_of_its_outputs_is_refused_before_it_writes(folder, name):
    before = sums(folder)
    result = timeline("desk", folder, "--out", folder, "--edits", folder / name, "--port", "0", timeout=60)
    err = no_traceback(result)
    assert result.returncode == 1 and f"{folder / name}: the desk writes its own {name} into --out" in err, err
    assert sums(folder) == before and not (folder / "timeline.md").exists()


def test_a_build_started_while_another_swaps_its_files_waits_for_it_not_calls_them_the_users(folder, tmp_path):
    """The check of the targets before any work read the record and the files while another build
    was between swapping them (its record new, its timeline.json still old) and called timeline's
    own file the user's; it waits for the lock as the writing does."""
    import fcntl
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    assert timeline("build", folder, "--out", out).returncode == 0
    whole = (out / "timeline.json").read_bytes()
    lock = os.open(out / ".timeline.lock", os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)  # another build, mid-swap: its timeline.json not yet in place
    (out / "timeline.json").write_bytes(whole + b" ")
    second = subprocess.Popen([sys.executable, "-m", "timeline.cli", "build", folder, "--out", out],
                              stderr=subprocess.PIPE)
    time.sleep(3)
    (out / "timeline.json").write_bytes(whole)  # its swap done
    fcntl.flock(lock, fcntl.LOCK_UN)
    os.close(lock)
    assert second.wait(timeout=120) == 0, second.stderr.read()
