"""A hostile Parquet file: sizes are checked from value lengths (a dictionary column's from its
dictionary) before a row is decoded, so a tiny file of one large string in thousands of rows
costs that one string, a row over --max-size is skipped and named, and the text one file
(or one row group of a Dask task) holds is bounded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import ArticleError
from timeline.read import dataset
from timeline.read.dataset import parquet_rows

GOOD = "date 2025-12-17 OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom."


def bomb(path: Path, rows: int, size: int, extra: list[str] = ()) -> Path:
    """One string of `size` bytes in `rows` rows, dictionary-encoded: tiny on disk, rows x size decoded.
    Built as a dictionary array, so making it costs one string here too."""
    values = pyarrow.array(["date 2025-12-17 " + "a" * size, *extra])
    indices = pyarrow.array([0] * rows + list(range(1, len(extra) + 1)), pyarrow.int32())
    table = pyarrow.table({"text": pyarrow.DictionaryArray.from_arrays(indices, values)})
    pq.write_table(table, path, compression="zstd", use_dictionary=True, dictionary_pagesize_limit=64 * 1024 * 1024)
    return path


def test_rows_over_the_limit_are_named_without_being_decoded(tmp_path, monkeypatch):
    path = bomb(tmp_path / "bomb.parquet", 2000, 300_000, [GOOD])
    assert path.stat().st_size < 2000  # 2000 x 300 KB = 600 MB decoded
    decoded = []
    real = dataset.line
    monkeypatch.setattr(dataset, "line", lambda row: decoded.append(1) or real(row))
    found = parquet_rows("bomb.parquet", path, max_bytes=100_000)
    assert len(found) == 2001 and len(decoded) == 1  # only the good row was turned into an article
    assert all(isinstance(data, ArticleError) for _, data in found[:2000])
    assert str(found[1999][1]) == "bomb.parquet:2000: the article is larger than 0.0953674 MB; raise the limit with --max-size MB"
    assert found[2000][0] == "bomb.parquet:2001" and GOOD in found[2000][1].decode()


def test_a_file_of_more_text_than_the_limit_is_named_before_a_row_is_decoded(tmp_path, monkeypatch):
    monkeypatch.setattr(dataset, "TEXT_BYTES", 10_000_000)
    decoded = []
    monkeypatch.setattr(dataset, "line", lambda row: decoded.append(1))
    path = bomb(tmp_path / "bomb.parquet", 2000, 300_000)
    with pytest.raises(ArticleError, match="bomb.parquet: the data set holds more than"):
        parquet_rows("bomb.parquet", path, max_bytes=20 * 1024 * 1024)
    assert not decoded


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([10, 500, 5000]), min_size=1, max_size=40), st.integers(1, 7), st.integers(1, 5),
       st.booleans())
def test_every_row_is_named_by_its_number_across_batches_and_row_groups(tmp_path, sizes, group_rows, batch, dictionary):
    import unittest.mock

    texts = [f"{k} " + "x" * size for k, size in enumerate(sizes)]
    path = tmp_path / "rows.parquet"
    pq.write_table(pyarrow.table({"text": texts}), path, row_group_size=group_rows, use_dictionary=dictionary)
    with unittest.mock.patch.object(dataset, "BATCH_ROWS", batch):
        whole = parquet_rows("rows.parquet", path, max_bytes=1000)
        groups = [row for g in range(pq.ParquetFile(path).metadata.num_row_groups)
                  for row in parquet_rows("rows.parquet", path, g, 1000)]
    assert [name for name, _ in whole] == [f"rows.parquet:{n}" for n in range(1, len(sizes) + 1)]
    assert [(n, str(d)) for n, d in whole] == [(n, str(d)) for n, d in groups]  # a Dask task per group: the same
    for (name, data), text in zip(whole, texts):
        if len(text) > 1000:
            assert isinstance(data, ArticleError) and str(data).startswith(f"{name}: the article is larger than")
        else:
            assert text in data.decode()


def test_the_850_byte_bomb_is_skipped_row_by_row_in_seconds_not_gigabytes(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    bomb(folder / "bomb.parquet", 2000, 3_000_000, [GOOD])  # 6 GB decoded: before, 89 s and 20 GB of memory
    result = subprocess.run([sys.executable, "-c", "import resource, sys, runpy\n"
                             "resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))\n"
                             "sys.argv = ['timeline', *sys.argv[1:]]\nrunpy.run_module('timeline.cli', run_name='__main__')",
                             "build", folder, "--out", tmp_path / "out", "--max-size", "1", "--published", "2025-12-17"],
                            capture_output=True, timeout=120)
    err = result.stderr.decode()
    assert "Traceback" not in err and "MemoryError" not in err, err[-2000:]
    assert result.returncode == 3, err[-2000:]
    assert err.count("the article is larger than 1 MB") == 2000 and "bomb.parquet:2000:" in err
