"""The desk's safety: a request without the token, from another page or with a malformed change
is refused and changes nothing; two tabs or two desks on one folder see a conflict, never a
silent overwrite; a desk killed while it saves loses no saved edit and leaves whole files."""

from __future__ import annotations

import signal
import textwrap
import threading
import tomllib

import pytest

from desk_helpers import COMMENT, ask, edits_of, event_with, files_of, news, post, start, state, whole_build
from timeline.desk import document
from timeline.render.staging import recover_leftovers

pytest.importorskip("uvicorn")


@pytest.fixture
def desk(tmp_path):
    folder, out = news(tmp_path), tmp_path / "build"
    running = start(folder, out)
    yield running, folder, out
    running.stop()


def test_a_desk_listens_on_127_0_0_1_only_and_prints_a_tokened_address(desk):
    running, _, _ = desk
    assert running.url.startswith("http://127.0.0.1:") and len(running.token) >= 32
    import socket

    for host in [h for h in socket.gethostbyname_ex(socket.gethostname())[2] if not h.startswith("127.")][:1]:
        with pytest.raises(OSError):  # another address of this machine does not answer
            socket.create_connection((host, running.port), timeout=5).close()


def refusals(running, event_id: str, version: str) -> list[tuple[str, int, dict, str]]:
    """(what, the status it must get, the answer, words the error must hold) for requests that must change nothing."""
    drop = {"action": "drop", "id": event_id}
    body = {"version": version, "change": drop}
    origin = {"X-Desk-Token": running.token, "Origin": running.origin, "Content-Type": "application/json"}
    cases = [
        ("no token", 403, post(running, drop, version, {"X-Desk-Token": None}), "no valid token"),
        ("a wrong token", 403, post(running, drop, version, {"X-Desk-Token": "x" * 32}), "no valid token"),
        ("the token in the address only", 403,
         ask(running, "POST", f"/api/change?token={running.token}", body,
             {"Origin": running.origin, "Content-Type": "application/json"}), "no valid token"),
        ("another origin", 403, post(running, drop, version, {"Origin": "http://evil.example"}), "evil.example"),
        ("no origin", 403, post(running, drop, version, {"Origin": None}), "own page"),
        ("another host (DNS rebinding)", 403,
         ask(running, "POST", "/api/change", body, {**origin, "Host": "evil.example"}), "own address"),
        ("a form post", 415, post(running, drop, version, {"Content-Type": "application/x-www-form-urlencoded"}),
         "application/json"),
        ("a GET of the story without the token", 403, ask(running, "GET", "/api/state"), "no valid token"),
        ("a GET of the preview without the token", 403, ask(running, "GET", "/preview/page"), "no valid token"),
        ("not JSON", 400, ask(running, "POST", "/api/change", b"drop it", origin), "malformed"),
        ("an unknown action", 400, post(running, {"action": "burn", "id": event_id}, version), "malformed"),
        ("an unknown field", 400, post(running, {**drop, "also": 1}, version), "malformed"),
        ("an id that is no id", 400, post(running, {"action": "drop", "id": "../../etc"}, version), "malformed"),
        ("a number for a phrase", 400, post(running, {"action": "date", "id": event_id, "phrase": 2025}, version),
         "malformed"),
        ("a phrase that names no date", 422,
         post(running, {"action": "date", "id": event_id, "phrase": "zomaar iets"}, version), "names no date"),
        ("an event that is not there", 404, post(running, {"action": "drop", "id": "0" * 12}, version), "no event"),
        ("a merge into itself", 400, post(running, {"action": "merge", "id": event_id, "other": event_id}, version),
         "itself"),
        ("too large a change", 413,
         post(running, {"action": "rewrite", "id": event_id, "text": "x" * 70_000}, version), "at most"),
        ("an undo with nothing done", 400, post(running, {"action": "undo"}, version), "nothing to undo"),
    ]
    return cases


def test_requests_without_the_token_from_elsewhere_or_malformed_change_nothing(desk):
    running, folder, out = desk
    before, built = files_of(folder), files_of(out)
    story = state(running)
    event_id = event_with(story, "Ed Zitron")["id"]
    for what, status, (got, answer), words in refusals(running, event_id, story["version"]):
        assert got == status and words in answer.get("error", ""), (what, got, answer)
    assert files_of(folder) == before and files_of(out) == built
    assert state(running)["version"] == story["version"]
    assert post(running, {"action": "drop", "id": event_id})[0] == 200  # the page's own request goes through
    assert edits_of(folder) == {event_id: {"drop": True}}


def test_a_second_tab_or_a_second_desk_sees_a_conflict_not_a_silent_overwrite(desk, tmp_path):
    running, folder, out = desk
    other = start(folder, tmp_path / "build")
    try:
        story = state(running)
        first, second = event_with(story, "Ed Zitron")["id"], event_with(story, "AgentKit")["id"]
        assert state(other)["version"] == story["version"]
        assert post(running, {"action": "drop", "id": first}, story["version"])[0] == 200
        stale = {"action": "date", "id": second, "phrase": "november 2025"}
        for where in (running, other):  # another tab of this desk, and another desk, still on the old version
            status, answer = post(where, stale, story["version"])
            assert status == 409 and "changed since this page read it" in answer["error"], answer
        assert edits_of(folder) == {first: {"drop": True}}
        fresh = state(other)  # the page reloads: it sees the first desk's edit, and its change goes through
        assert first in {d["id"] for d in fresh["dropped"]}
        assert post(other, stale, fresh["version"])[0] == 200
        assert edits_of(folder) == {first: {"drop": True}, second: {"date": "november 2025"}}
        status, answer = post(running, {"action": "undo"})  # undoing the first desk's drop would undo the other's date
        assert status == 409 and "changed elsewhere since this desk's last change" in answer["error"], answer
        assert edits_of(folder) == {first: {"drop": True}, second: {"date": "november 2025"}}
        assert (folder / "edits.toml").read_text("utf-8").startswith(COMMENT)
        story = whole_build(out)
        assert first not in {e.id for e in story.events}
        assert {e.id: e.date.value for e in story.events}[second] == "2025-11"
    finally:
        other.stop()


def test_two_desks_saving_at_once_leave_one_whole_edits_file_and_one_whole_build(desk, tmp_path):
    running, folder, out = desk
    other = start(folder, out)
    try:
        story = state(running)
        first, second = event_with(story, "Ed Zitron")["id"], event_with(story, "AgentKit")["id"]
        answers = {}
        threads = [threading.Thread(target=lambda where, key: answers.__setitem__(
            key, post(where, {"action": "drop", "id": key}, story["version"])[0]), args=pair)
            for pair in ((running, first), (other, second))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert sorted(answers.values()) == [200, 409], answers
        winner = next(key for key, status in answers.items() if status == 200)
        assert edits_of(folder) == {winner: {"drop": True}}
        assert {first, second} - {e.id for e in whole_build(out).events} == {winner}
    finally:
        other.stop()


KILLED_IN_SAVE = textwrap.dedent("""
    import os, signal, sys, threading
    real, count = os.replace, [0]
    def replace(a, b):
        if threading.current_thread() is not threading.main_thread():  # a change's save, not the start-up build
            count[0] += 1
            if count[0] == int(os.environ["KILL_AT"]):
                os.kill(os.getpid(), signal.SIGKILL)
        return real(a, b)
    os.replace = replace
    from timeline.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("at", range(1, 8))  # edits.toml's journal and file, then the build's journal and four files
def test_a_desk_killed_while_it_saves_loses_no_saved_edit_and_leaves_whole_files(tmp_path, at):
    folder, out = news(tmp_path), tmp_path / "build"
    saved = start(folder, out)
    story = state(saved)
    kept, doomed = event_with(story, "Ed Zitron")["id"], event_with(story, "AgentKit")["id"]
    assert post(saved, {"action": "drop", "id": kept})[0] == 200
    saved.stop()
    before = (folder / "edits.toml").read_text("utf-8")
    killed = start(folder, out, KILLED_IN_SAVE, {"KILL_AT": str(at)})
    try:
        post(killed, {"action": "date", "id": doomed, "phrase": "november 2025"})
    except (ConnectionError, OSError):
        pass  # the desk died under the request
    assert killed.process.wait(timeout=60) == -signal.SIGKILL
    text = (folder / "edits.toml").read_text("utf-8")
    assert text in (before, before + f'\n["{doomed}"]\ndate = "november 2025"\n'), text  # whole: old or new
    assert tomllib.loads(text)[kept] == {"drop": True}  # the saved edit is there
    assert {"timeline.md", "timeline.ics", "timeline.html", "timeline.json"} <= set(files_of(out))
    for where in (folder, out):  # what the next lock does
        recover_leftovers(where, print)
    story = whole_build(out)
    assert kept not in {e.id for e in story.events}
    again = start(folder, out)  # and the next desk builds from the edits.toml it finds
    try:
        dates = {e["id"]: e["value"] for e in state(again)["events"]}
        assert kept not in dates and dates[doomed] == ("2025-11" if "november" in text else dates[doomed])
        assert {e.id for e in whole_build(out).events} == set(dates)
    finally:
        again.stop()


def test_undo_puts_back_the_edits_file_as_it_was(desk):
    running, folder, out = desk
    story = state(running)
    event_id = event_with(story, "AgentKit")["id"]
    before = (folder / "edits.toml").read_bytes()
    assert post(running, {"action": "key", "id": event_id, "on": True})[0] == 200
    status, after = post(running, {"action": "undo"})
    assert status == 200 and not after["can_undo"]
    assert (folder / "edits.toml").read_bytes() == before
    assert [c["fields"] for c in after["changes"]] == [[{"name": "kernmoment", "old": "ja", "new": "nee"}]]


def test_a_resolved_phrase_is_shown_before_it_is_saved(desk):
    running, folder, _ = desk
    event_id = event_with(state(running), "AgentKit")["id"]
    before = files_of(folder)
    for phrase, label in (("november 2025", "november 2025"), ("zomaar iets", "")):
        status, found = ask(running, "GET", f"/api/resolve?id={event_id}&phrase={phrase.replace(' ', '+')}",
                            headers={"X-Desk-Token": running.token})
        assert status == 200 and found["label"] == label and bool(found["error"]) == (not label), found
    assert files_of(folder) == before


EDITS = """# Bewerkingen, met de hand begonnen
["aaaaaaaaaaaa"]  # een gebeurtenis die de redacteur kent
drop = true

# een samenvoeging
["bbbbbbbbbbbb"]
merge = ["cccccccccccc", "dddddddddddd"]
"""


@pytest.mark.parametrize("change, expected", [
    ({"action": "restore", "id": "aaaaaaaaaaaa"}, {"bbbbbbbbbbbb": {"merge": ["cccccccccccc", "dddddddddddd"]}}),
    ({"action": "split", "id": "bbbbbbbbbbbb", "member": "cccccccccccc"},
     {"aaaaaaaaaaaa": {"drop": True}, "bbbbbbbbbbbb": {"merge": ["dddddddddddd"]}}),
    ({"action": "split", "id": "bbbbbbbbbbbb", "member": "eeeeeeeeeeee"},
     {"aaaaaaaaaaaa": {"drop": True}, "bbbbbbbbbbbb": {"merge": ["cccccccccccc", "dddddddddddd"]},
      "eeeeeeeeeeee": {"split": True}}),
    ({"action": "merge", "id": "bbbbbbbbbbbb", "other": "ffffffffffff"},
     {"aaaaaaaaaaaa": {"drop": True}, "bbbbbbbbbbbb": {"merge": ["cccccccccccc", "dddddddddddd", "ffffffffffff"]}}),
    ({"action": "rewrite", "id": "aaaaaaaaaaaa", "headline": "Kop  met \"aanhalingstekens\""},
     {"aaaaaaaaaaaa": {"drop": True, "headline": "Kop met \"aanhalingstekens\""},
      "bbbbbbbbbbbb": {"merge": ["cccccccccccc", "dddddddddddd"]}}),
])
def test_a_change_touches_only_its_own_key_and_keeps_the_editors_comments_and_order(change, expected):
    text = document.changed(EDITS, document.Request.model_validate({"version": "", "change": change}).change)
    assert tomllib.loads(text) == expected
    kept = [line for line in EDITS.splitlines() if line.startswith("#")]
    assert [line for line in text.splitlines() if line.startswith("#")] == kept
    assert text.index("aaaaaaaaaaaa") < text.index("bbbbbbbbbbbb") if "aaaaaaaaaaaa" in text else True


def test_without_its_extra_the_desk_names_the_install_command(tmp_path):
    import subprocess
    import sys

    script = "import sys\nsys.modules['uvicorn'] = None\nfrom timeline.cli import main\nsys.exit(main(sys.argv[1:]))"
    run = subprocess.run([sys.executable, "-c", script, "desk", str(news(tmp_path))], capture_output=True, timeout=120)
    assert run.returncode == 1 and b"the desk needs uvicorn: pip install 'timeline[desk]'" in run.stderr, run.stderr
    assert not (tmp_path / "build").exists()
