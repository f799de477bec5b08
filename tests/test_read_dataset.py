"""A Parquet data set of articles (one a row, `text` and `published` columns) read by `timeline build`."""

import datetime as dt
import json
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq
from click.testing import CliRunner

from generated import rows, write_jsonl
from timeline.cli import main
from timeline.read.dataset import parquet_rows
from timeline.read.inputs import inputs


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def story(out: Path) -> dict:
    """timeline.json without where each source was read (a file name differs between the two files)."""
    found = json.loads((out / "timeline.json").read_text("utf-8"))
    for event in found["events"]:
        for source in event["sources"]:
            source.pop("path")
    return found


def test_a_parquet_row_builds_the_story_its_json_lines_line_builds(tmp_path):
    found = [{**row, "url": f"https://example.nl/{n}"} for n, row in enumerate(rows(12))]  # the url gives the ids
    (tmp_path / "lines").mkdir()
    (tmp_path / "table").mkdir()
    write_jsonl(tmp_path / "lines" / "export.jsonl", found)
    pq.write_table(pyarrow.Table.from_pylist(found), tmp_path / "table" / "export.parquet", row_group_size=5)
    assert run("build", tmp_path / "lines", "--out", tmp_path / "a").exit_code == 0
    assert run("build", tmp_path / "table", "--out", tmp_path / "b").exit_code == 0
    first, second = story(tmp_path / "a"), story(tmp_path / "b")
    assert len(first["events"]) > 12 and first == second


def test_rows_are_named_by_file_and_row_across_row_groups(tmp_path):
    path = tmp_path / "export.parquet"
    pq.write_table(pyarrow.Table.from_pylist(rows(7)), path, row_group_size=3)
    names = [name for name, _ in parquet_rows("export.parquet", path)]
    assert names == [f"export.parquet:{n}" for n in range(1, 8)]
    assert [name for name, _ in parquet_rows("export.parquet", path, 2)] == ["export.parquet:7"]
    assert [name for name, _ in parquet_rows("export.parquet", path, 1)] == ["export.parquet:4", "export.parquet:5", "export.parquet:6"]


def test_a_timestamp_column_dates_each_row_by_its_day_and_a_missing_title_is_left_out(tmp_path):
    path = tmp_path / "export.parquet"
    table = pyarrow.table({"text": ["OpenAI lanceerde in oktober een browser.", "Lumenta sloot vorig jaar een deal."],
                           "published": [dt.datetime(2025, 12, 17, 14, 20), dt.datetime(2024, 3, 1, 9)],
                           "title": ["Browser", None]})
    pq.write_table(table, path)
    (first, one), (_, two) = parquet_rows("export.parquet", path)
    assert json.loads(one) == {"text": "OpenAI lanceerde in oktober een browser.", "published": "2025-12-17", "title": "Browser"}
    assert json.loads(two) == {"text": "Lumenta sloot vorig jaar een deal.", "published": "2024-03-01"}


def test_an_unknown_column_skips_the_file_by_name_with_the_known_columns(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("date 2025-12-17 OpenAI lanceerde in oktober een eigen browser.\n", "utf-8")
    bad = tmp_path / "export.parquet"
    pq.write_table(pyarrow.table({"text": ["x"], "published": ["2025-12-17"], "section": ["tech"]}), bad)
    result = run("build", good, bad, "--out", tmp_path / "out")
    assert result.exit_code == 3
    assert f"skipped {bad}: unknown column 'section'; keep only the columns text" in result.output


def test_a_file_that_is_no_parquet_is_skipped_by_name(tmp_path):
    bad = tmp_path / "export.parquet"
    bad.write_bytes(b"not parquet at all")
    (item,) = inputs([str(bad)], lambda: b"")
    assert item.problem and item.problem[0].startswith("not a Parquet file of articles")
