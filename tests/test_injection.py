"""Injection into what readers and terminals see: control characters written as escapes in
edits.toml, the manifest, a JSON Lines line or an old timeline.json reach no output and no
terminal; a message quoting a user's value is one bounded, printable line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import ArticleError, printable, quoted

GOOD = "date 2025-12-17 OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.\n"
# What a terminal acts on, as a TOML or JSON escape: clear screen, a window title (OSC), bell,
# carriage return, backspace, C1 CSI, NEL, a bidi override.
ESCAPES = ["\\u001b[2J", "\\u001b]0;pwned\\u0007", "\\u0007", "\\r", "\\b", "\\u009b31m", "\\u0085", "\\u202e"]
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


def timeline(*args, cwd=None, input=None):
    return subprocess.run([sys.executable, "-m", "timeline.cli", *map(str, args)], capture_output=True, cwd=cwd,
                          input=input, timeout=120)


def no_traceback(result) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


def without_controls(data: bytes, name: str, ics: bool = False) -> None:
    found = CONTROL_BYTES.findall(data.replace(b"\r\n", b"\n") if ics else data)
    assert not found, (name, found)


@pytest.fixture
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, "utf-8")
    return folder


def built(folder: Path, out: Path, *extra) -> dict:
    result = timeline("build", folder, "--out", out, *extra)
    assert result.returncode == 0, no_traceback(result)
    return json.loads((out / "timeline.json").read_text("utf-8"))


def assert_clean_outputs(out: Path) -> None:
    for file in out.glob("timeline.*"):
        without_controls(file.read_bytes(), file.name, ics=file.suffix == ".ics")


@pytest.mark.parametrize("escape", ESCAPES)
def test_control_escapes_in_edits_reach_no_output(news, tmp_path, escape):
    (event,) = built(news, tmp_path / "first")["events"]
    (news / "edits.toml").write_text(
        f'["{event["id"]}"]\nheadline = "Kop{escape} hier"\ntext = "Tekst{escape} en meer"\n', "utf-8")
    story = built(news, tmp_path / "out")
    assert story["events"][0]["headline"].startswith("Kop") and story["events"][0]["edited"]
    assert_clean_outputs(tmp_path / "out")


@pytest.mark.parametrize("escape", ESCAPES)
def test_control_escapes_in_the_manifest_reach_no_output(news, tmp_path, escape):
    in_url = "" if escape == "\\r" else escape  # a line end in a url is no address: that entry is named, as any
    (news / "published.toml").write_text(
        f'["a.txt"]\npublished = 2025-12-17\ntitle = "Titel{escape}"\noutlet = "NRC{escape}"\n'
        f'url = "https://nrc.nl/a{in_url}b"\n', "utf-8")
    story = built(news, tmp_path / "out", "--format", "md,ics,html,json,timelinejs")
    assert story["events"][0]["sources"][0]["outlet"].startswith("NRC")
    assert_clean_outputs(tmp_path / "out")
    without_controls((tmp_path / "out" / "timelinejs.json").read_bytes(), "timelinejs.json")


@pytest.mark.parametrize("escape", ESCAPES)
def test_an_old_build_with_escape_sequences_prints_none_to_the_terminal(news, tmp_path, escape):
    story = built(news, tmp_path / "out")
    old = json.dumps(story).replace("OpenAI sloot", f"OpenAI{escape} sloot al").replace('"title": "', f'"title": "{escape}')
    (tmp_path / "old.json").write_text(old, "utf-8")
    diff = timeline("diff", tmp_path / "old.json", tmp_path / "out" / "timeline.json")
    assert diff.returncode == 0, no_traceback(diff)
    assert "Gewijzigd" in diff.stdout.decode("utf-8")
    without_controls(diff.stdout, "diff")
    (news / "b.txt").write_text(GOOD.replace("oktober", "november"), "utf-8")
    built(news, tmp_path / "out", "--since", tmp_path / "old.json")
    without_controls((tmp_path / "out" / "changelog.md").read_bytes(), "changelog.md")


def test_an_unknown_json_lines_key_is_named_printable_and_bounded(news, tmp_path):
    key = "publishd\u001b]0;pwned\u0007\r\b" + "x" * 5000
    (news / "b.jsonl").write_text(json.dumps({"text": "OpenAI lanceerde iets.", key: "2025"}) + "\n", "utf-8")
    result = timeline("build", news, "--out", tmp_path / "out")
    err = no_traceback(result)
    assert result.returncode == 3
    (line,) = [line for line in err.splitlines() if "b.jsonl:1" in line]
    assert "publishd\\x1b]0;pwned\\x07\\x0d\\x08" in line and len(line) < 400
    without_controls(result.stderr, "stderr")


def test_an_edit_of_an_unknown_id_is_warned_about_printably(news, tmp_path):
    (news / "edits.toml").write_text('["abc\\u001b]0;x\\u0007"]\ndrop = true\n', "utf-8")
    result = timeline("build", news, "--out", tmp_path / "out")
    assert result.returncode == 0, no_traceback(result)
    assert "no event 'abc\\x1b]0;x\\x07'" in result.stderr.decode("utf-8")
    without_controls(result.stderr, "stderr")


@given(st.text())
def test_a_printable_message_has_no_control_character_and_a_bound(text):
    shown = printable(text, 200)
    assert len(shown) <= 200
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]", shown)
    assert len(quoted(text)) <= 122


@given(st.text(min_size=1, max_size=3000))
def test_an_error_quoting_any_value_is_one_printable_line_that_keeps_the_fix(value):
    message = str(ArticleError(f"news/{value}.txt", f"field {value}: bad", "write it as YYYY-MM-DD"))
    assert "\n" not in message and message.endswith("write it as YYYY-MM-DD")
    message.encode("utf-8")  # no lone surrogate left to crash the terminal's encoder
