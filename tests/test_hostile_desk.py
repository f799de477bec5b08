"""The desk and the editor's own edits.toml: a link stays a link (the change goes to the file it
points to), a file made read-only or with a second name is refused with one line before anything
is written, and the file's permissions stay as the editor set them."""

from __future__ import annotations

import os
import stat

import pytest

from desk_helpers import COMMENT, event_with, news, post, start, state
from test_hostile import no_traceback, timeline

pytest.importorskip("uvicorn")


def drop_one(folder, out) -> str:
    running = start(folder, out)
    try:
        event_id = event_with(state(running), "Ed Zitron")["id"]
        status, answer = post(running, {"action": "drop", "id": event_id})
        assert status == 200, answer
    finally:
        running.stop()
    return event_id


def test_an_edits_file_that_is_a_link_gets_the_change_and_stays_a_link(tmp_path):
    folder = news(tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "edits.toml").write_text(COMMENT, "utf-8")
    (folder / "edits.toml").unlink()
    (folder / "edits.toml").symlink_to("../shared/edits.toml")
    event_id = drop_one(folder, tmp_path / "build")
    assert os.readlink(folder / "edits.toml") == "../shared/edits.toml"  # the editor's link was replaced by a file
    assert (shared / "edits.toml").read_text("utf-8") == f'{COMMENT}\n["{event_id}"]\ndrop = true\n'


def test_the_desk_keeps_the_permissions_of_the_edits_file_it_replaces(tmp_path):
    folder = news(tmp_path)
    os.chmod(folder / "edits.toml", 0o600)
    drop_one(folder, tmp_path / "build")
    assert stat.S_IMODE(os.stat(folder / "edits.toml").st_mode) == 0o600  # it became 0644: readable by all


@pytest.mark.parametrize("kind", ["read-only", "hard link", "link to nothing"])
def test_an_edits_file_the_desk_cannot_replace_whole_stops_it_with_one_line_before_it_writes(tmp_path, kind):
    folder = news(tmp_path)
    edits = folder / "edits.toml"
    if kind == "read-only":
        os.chmod(edits, 0o444)
    elif kind == "hard link":
        os.link(edits, tmp_path / "my-copy.toml")
    else:
        edits.unlink()
        edits.symlink_to(tmp_path / "gone" / "edits.toml")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    result = timeline("desk", folder, "--out", tmp_path / "build", "--port", "0", timeout=120)
    err = no_traceback(result)
    assert result.returncode == 1, err
    assert "edits.toml" in err and len(err.strip().splitlines()) == 1, err
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert not (tmp_path / "gone").exists() and not (tmp_path / "build" / "timeline.json").exists()


def test_a_change_nested_too_deep_is_refused_as_malformed_not_an_internal_error(tmp_path):
    from desk_helpers import ask, files_of

    folder, out = news(tmp_path), tmp_path / "build"
    running = start(folder, out)
    try:
        before, built = files_of(folder), files_of(out)
        version = state(running)["version"].encode()
        headers = {"X-Desk-Token": running.token, "Origin": running.origin, "Content-Type": "application/json"}
        for body in (b"[" * 5000 + b"]" * 5000, b'{"version": "%s", "change": %s}' % (version, b"[" * 5000 + b"]" * 5000)):
            status, answer = ask(running, "POST", "/api/change", body, headers)
            assert status == 400 and "a malformed change" in answer.get("error", ""), (status, answer)  # was 500
        assert files_of(folder) == before and files_of(out) == built
    finally:
        running.stop()
    assert "Traceback" not in (tmp_path / "desk-build.err").read_text("utf-8", "replace")
