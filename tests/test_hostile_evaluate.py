"""`timeline evaluate` on suites or a CoNLL-U file that are not what it expects: a missing or
malformed suite, a FIFO, bytes that are no UTF-8 are one line naming the file or folder and the
fix (exit 1), never a traceback or a command that waits for good."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from test_hostile import no_traceback, timeline

SUITES = Path(__file__).parent.parent.parent / "shared" / "conformance"


def suites(tmp_path: Path) -> Path:
    folder = tmp_path / "conformance"
    if SUITES.is_dir():
        shutil.copytree(SUITES, folder)
    else:
        folder.mkdir()
        (folder / "duckling_nl_time.json").write_text("[]", "utf-8")
        (folder / "duckling_nl_time_negative.json").write_text('{"reference": "2013-02-12T04:30:00", '
                                                               '"phrases_expected_no_time": []}', "utf-8")
        (folder / "dateparser_nl_cases.json").write_text("[]", "utf-8")
        (folder / "recognizers_nl.txt").write_text("", "utf-8")
        (folder / "recognizers_nl_negative.txt").write_text("", "utf-8")
    return folder


@pytest.mark.parametrize("damage, said", [
    ("missing", "duckling_nl_time.json: cannot read it (No such file or directory)"),
    ("fifo", "duckling_nl_time.json: not a regular file"),
    ("fields", "a suite is not in the converted form (KeyError: 'reference')"),
    ("json", "duckling_nl_time.json: not JSON"),
    ("latin-1", "recognizers_nl_negative.txt: not UTF-8 text"),
])
def test_a_suite_that_is_not_the_converted_one_is_one_line_naming_it(tmp_path, damage, said):
    folder = suites(tmp_path)
    duckling = folder / "duckling_nl_time.json"
    duckling.unlink()
    if damage == "fifo":
        os.mkfifo(duckling)
    elif damage == "fields":
        duckling.write_text('[{"phrases": ["morgen"]}]', "utf-8")
    elif damage == "json":
        duckling.write_text("[" * 100_000, "utf-8")
    elif damage == "latin-1":
        duckling.write_text("[]", "utf-8")
        (folder / "recognizers_nl_negative.txt").write_bytes(b"caf\xe9\n")
    result = timeline("evaluate", "--conformance", folder, timeout=120)
    err = no_traceback(result)
    assert result.returncode == 1, err
    assert said in err and "--conformance" in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("kind", ["fifo", "latin-1"])
def test_a_tagger_file_that_cannot_be_read_is_one_line_naming_it(tmp_path, kind):
    path = tmp_path / "nl.conllu"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_bytes(b"1\tcaf\xe9\t_\t_\tN\t_\t_\t_\t_\t_\n")
    result = timeline("evaluate", "--tagger", path, timeout=60)
    err = no_traceback(result)
    assert result.returncode == 1 and f"{path}: cannot read it" in err and "--tagger" in err, err
