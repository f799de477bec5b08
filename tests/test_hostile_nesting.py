"""Files nested too deep for a parser (`[[[[...]]]]`, a few hundred kilobytes) are bad input like
any other malformed file: one line naming the file and the fix, the documented exit code, never
a RecursionError's traceback. Every TOML and JSON file timeline reads from the user is tried."""

from __future__ import annotations

import pytest

from test_hostile import GOOD, folder, no_traceback, timeline  # noqa: F401  (folder: the fixture)

DEEP_TOML = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"
DEEP_JSON = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("name, fragment", [("published.toml", "published.toml: cannot read the manifest"),
                                            ("timeline.toml", "timeline.toml: cannot read the settings"),
                                            ("edits.toml", "edits.toml: cannot read the edits")])
def test_a_toml_file_nested_too_deep_is_one_line_naming_it(folder, tmp_path, name, fragment):
    (folder / name).write_text(DEEP_TOML, "utf-8")
    result = timeline("build", folder, "--out", tmp_path / "out")
    err = no_traceback(result)
    assert result.returncode == 1, err
    assert fragment in err and "nested too deep" in err
    assert not (tmp_path / "out" / "timeline.json").exists()


def test_a_record_of_files_nested_too_deep_is_named_and_left_as_it_was(folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".timeline.files").write_text(DEEP_JSON, "utf-8")
    result = timeline("build", folder, "--out", out)
    err = no_traceback(result)
    assert result.returncode == 1
    assert ".timeline.files: not timeline's record of its files" in err
    assert (out / ".timeline.files").read_text("utf-8") == DEEP_JSON


def test_a_gold_nested_too_deep_is_one_line_naming_it(folder, tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    folder.rename(story / "articles")
    (story / "gold.json").write_text(DEEP_JSON, "utf-8")
    result = timeline("evaluate", "--story", story)
    err = no_traceback(result)
    assert result.returncode == 1
    assert "gold.json: not JSON" in err


def test_a_gold_that_is_a_fifo_is_named_not_waited_for(folder, tmp_path):
    import os

    story = tmp_path / "story"
    story.mkdir()
    folder.rename(story / "articles")
    os.mkfifo(story / "gold.json")
    result = timeline("evaluate", "--story", story, timeout=60)
    err = no_traceback(result)
    assert result.returncode == 1
    assert "gold.json: not a regular file" in err
