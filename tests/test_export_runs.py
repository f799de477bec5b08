"""A large JSON Lines export: `--max-size` bounds one article (a line), not the file, for both engines;
with `--engine dask` the file is cut into runs of lines, a task each, and the build is the local one."""

import json
import random

import pytest
from click.testing import CliRunner

from generated import rows, write_jsonl
from timeline.cli import main
from timeline.read import lines
from timeline.read.inputs import files
from timeline.tasks import partitions


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def built(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".timeline.lock"}


def skipped(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("timeline: skipped ")]


def runs_by_hand(data: bytes, most: int, size: int) -> list[tuple[int, int, int]]:
    """What lines.ranges must give, a byte at a time."""
    found, start, first, ends = [], 0, 1, 0
    for at, byte in enumerate(data):
        if byte == ord("\n"):
            ends += 1
            if ends == most or at >= start + size:
                found.append((start, at + 1, first))
                start, first, ends = at + 1, first + ends, 0
    return found + ([(start, len(data), first)] if len(data) > start else [])


def test_runs_of_lines_cover_the_file_cut_only_at_line_ends_whatever_the_blocks_it_is_read_in(tmp_path, monkeypatch):
    chance = random.Random(27)
    path = tmp_path / "export.jsonl"
    for _ in range(400):
        monkeypatch.setattr(lines, "BLOCK", chance.choice([1, 2, 5, 16, 1024]))
        data = bytes(chance.choice(b"ab\n\n ") for _ in range(chance.randint(0, 120)))
        path.write_bytes(data)
        most, size, limit = chance.randint(1, 9), chance.randint(1, 40), chance.randint(1, 12)
        found = lines.ranges(path, most, size)
        assert found == runs_by_hand(data, most, size)
        whole = [(name, line if isinstance(line, bytes) else "too large") for name, _, line in
                 lines.numbered("e", path, limit)]
        assert whole == [(name, line if isinstance(line, bytes) else "too large") for run in found
                         for name, _, line in lines.numbered("e", path, limit, run)]
        assert whole == [(f"e:{n}", line if len(line) <= limit else "too large")
                         for n, line in enumerate(data.split(b"\n"), 1) if line.strip() or len(line) > limit]


def test_an_export_of_5000_articles_is_three_tasks_of_at_most_2000_lines_each_named_from_its_first_line(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps({"text": f"Bericht {n}.", "published": "2025-01-02"}) + "\n"
                              for n in range(5000)), "utf-8")
    parts = partitions(files([str(export)], lambda: b""))
    assert [part.lines[2] for part in parts] == [1, 2001, 4001]
    assert parts[0].lines[0] == 0 and parts[-1].lines[1] == export.stat().st_size
    assert all(a.lines[1] == b.lines[0] for a, b in zip(parts, parts[1:]))


@pytest.fixture
def padded_export(tmp_path):
    """120 generated articles, each line padded with spaces to 270 KB: a 32 MB file of small articles."""
    def write(path):
        found = [json.dumps({**row, "published": row["published"].isoformat()}, ensure_ascii=False) for row in rows(120)]
        path.write_text("".join(line[:-1] + " " * (270_000 - len(line)) + "}\n" for line in found), "utf-8")
        return path
    return write


def test_an_export_larger_than_max_size_builds_when_each_article_is_within_it_as_the_unpadded_export_does(
        tmp_path, padded_export):
    export = write_jsonl(tmp_path / "export.jsonl", rows(120))
    assert run("build", export, "--out", tmp_path / "plain").exit_code == 0
    padded_export(export)
    assert export.stat().st_size > 30 * 1024 * 1024
    result = run("build", export, "--out", tmp_path / "padded")  # the default --max-size 20
    assert result.exit_code == 0, result.output
    assert built(tmp_path / "padded") == built(tmp_path / "plain")


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_an_article_line_over_max_size_is_skipped_and_named_by_its_line_and_the_others_are_read(tmp_path, engine):
    export = write_jsonl(tmp_path / "export.jsonl", rows(3))
    with export.open("a", encoding="utf-8") as more:
        more.write(json.dumps({"text": "Lumenta sloot een deal. " * 50_000, "published": "2025-01-02"}) + "\n\n")
        more.write(json.dumps({"text": "Lumenta opende op 3 maart 2025 een fabriek.", "published": "2025-03-04"}) + "\n")
    result = run("build", export, "--out", tmp_path / "out", "--max-size", "1", "--engine", engine, "--jobs", "2")
    assert result.exit_code == 3, result.output
    assert skipped(result) == [f"timeline: skipped {export}:4: the article is larger than 1 MB; "
                               "raise the limit with --max-size MB"]
    assert " from 4 articles, 1 skipped" in result.stderr


def test_a_dask_build_of_an_export_in_many_runs_of_lines_equals_the_local_build_with_bad_lines_named_alike(
        tmp_path, monkeypatch):
    monkeypatch.setattr(lines, "PART_LINES", 9)  # 60 articles, 3 bad lines and a blank one: 8 tasks
    export = write_jsonl(tmp_path / "export.jsonl", rows(60))
    text = export.read_text("utf-8").splitlines(keepends=True)
    text[4:4] = ['{"text": "Lumenta sloot een deal.", "published": "gisteren"}\n', "\n"]
    text[30:30] = ["niet eens JSON\n"]
    text.append('{"text": "Nordwind opende in mei 2024 een windpark.", "published": 20240601}')  # no last newline
    export.write_text("".join(text), "utf-8")
    assert len(partitions(files([str(export)], lambda: b""))) == 8
    local = run("build", export, "--out", tmp_path / "local")
    dask = run("build", export, "--out", tmp_path / "dask", "--engine", "dask", "--jobs", "2")
    assert local.exit_code == dask.exit_code == 3, dask.output
    assert skipped(dask) == skipped(local) and [line.split(": ")[1] for line in skipped(local)] == [
        f"skipped {export}:5", f"skipped {export}:31", f"skipped {export}:64"]
    assert built(tmp_path / "dask") == built(tmp_path / "local")
    rows_local, rows_dask = tmp_path / "rows-local", tmp_path / "rows-dask"
    assert run("extract", export, "--out", rows_local).exit_code == 3
    assert run("extract", export, "--out", rows_dask, "--engine", "dask").exit_code == 3
    assert sorted(p.name for p in rows_dask.glob("part-*")) == [f"part-{n:05d}.jsonl" for n in range(8)]
    assert [p.read_bytes() for p in sorted(rows_dask.glob("part-*"))] == \
        [p.read_bytes() for p in sorted(rows_local.glob("part-*"))]
