"""Standard output closed (`>&-`), full (/dev/full) or abandoned by its reader (`| head -c1`),
for every command that writes to it: a one-line error and exit 1, never a traceback and never
exit 0 with nothing written; an abandoned pipe ends quietly, as Unix tools end."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "date 2025-12-17 OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.\n"


@pytest.fixture(scope="module")
def commands(tmp_path_factory):
    root = tmp_path_factory.mktemp("stdout")
    (root / "news").mkdir()
    (root / "news" / "a.txt").write_text(GOOD, "utf-8")
    built = subprocess.run([sys.executable, "-m", "timeline.cli", "build", root / "news", "--out", root / "out"],
                           capture_output=True, timeout=120)
    assert built.returncode == 0, built.stderr
    story = root / "out" / "timeline.json"
    return {
        "build": ["build", root / "news", "--out", "-", "--format", "md"],
        "extract": ["extract", root / "news" / "a.txt", "--format", "json"],
        "resolve": ["resolve", "begin december", "--published", "2025-12-17"],
        "diff": ["diff", story, story],
        "schema": ["schema"],
    }


NAMES = ["build", "extract", "resolve", "diff", "schema"]


def run(args, **how):
    return subprocess.run([sys.executable, "-m", "timeline.cli", *map(str, args)], stderr=subprocess.PIPE,
                          timeout=120, **how)


def one_line_error(result) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.count("\n") == 1 and err.startswith("timeline: error: "), err
    return err


@pytest.mark.parametrize("name", NAMES)
def test_a_closed_standard_output_is_a_one_line_error_and_exit_1(commands, name):
    line = shlex.join([sys.executable, "-m", "timeline.cli", *map(str, commands[name])]) + " >&-"
    result = subprocess.run(line, shell=True, stderr=subprocess.PIPE, timeout=120)
    err = one_line_error(result)
    assert result.returncode == 1
    assert "timeline: error: cannot write to standard output: it is closed" in err


@pytest.mark.parametrize("name", NAMES)
def test_a_full_standard_output_is_a_one_line_error_and_exit_1(commands, name):
    with open("/dev/full", "wb") as full:
        result = run(commands[name], stdout=full)
    err = one_line_error(result)
    assert result.returncode == 1
    assert "timeline: error: cannot write to standard output: No space left on device" in err


@pytest.mark.parametrize("name", NAMES)
def test_a_reader_that_is_gone_ends_the_command_quietly(commands, name):
    read, write = os.pipe()
    os.close(read)  # the reader left before a byte was written: every write is EPIPE
    try:
        result = run(commands[name], stdout=write)
    finally:
        os.close(write)
    assert result.returncode == 1
    assert result.stderr == b""


def test_head_of_a_long_output_ends_the_command_quietly(commands):
    line = shlex.join([sys.executable, "-m", "timeline.cli", "schema"]) + " | head -c1"
    result = subprocess.run(["bash", "-c", line + "; exit ${PIPESTATUS[0]}"], capture_output=True, timeout=120)
    assert result.stdout == b"{" and result.stderr == b""
    assert result.returncode in (0, 1)  # 0 when the whole schema fitted in the pipe before head left


@pytest.mark.parametrize("name", NAMES)
def test_a_working_standard_output_gets_everything(commands, name):
    result = run(commands[name], stdout=subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
