"""Inputs that crashed a whole build: a JSON Lines line with a lone surrogate escape, a page whose
canonical address holds a space, Parquet columns of unexpected types. Each is read where its
meaning is plain, else only its line or row is skipped and named (exit 3)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import ArticleError
from timeline.read.article import read_article
from timeline.read.inputs import expanded, files

TEXT = "OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom."
PAGE = """<html><head><title>OpenAI sluit deal</title><link rel="canonical" href="{url}">
<meta property="article:published_time" content="2025-12-17"></head><body><article><h1>OpenAI sluit deal</h1>
<p>{text} Dat meldde de krant woensdag in een lang stuk over de chipmarkt en de bedrijven die erin meedoen.</p>
</article></body></html>"""


def timeline(*args):
    return subprocess.run([sys.executable, "-m", "timeline.cli", *map(str, args)], capture_output=True, timeout=120)


def built(result, out) -> tuple[str, dict]:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err, json.loads((out / "timeline.json").read_text("utf-8"))


def test_a_json_lines_line_with_a_lone_surrogate_is_skipped_and_named(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"text": TEXT, "published": "2025-12-17"}) + "\n"
                      + '{"text": "OpenAI lanceerde \\ud800 een model.", "published": "2025-12-17"}\n', "utf-8")
    result = timeline("build", export, "--out", tmp_path / "out", "--format", "json")
    err, story = built(result, tmp_path / "out")
    assert result.returncode == 3
    assert "export.jsonl:2: a lone surrogate escape" in err and "export.jsonl:1" not in err
    assert [e["text"] for e in story["events"]] == [TEXT]


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=6)
FIELDS = ["text", "published", "title", "url", "outlet", "author", "approximate", "title_written", "why"]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), JSON, max_size=5)
       | JSON.map(lambda value: value))
def test_any_json_value_in_a_line_is_read_or_named_never_a_crash(value):
    line = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    try:
        article = read_article("export.jsonl", None, data=line, name="export.jsonl:1", kind="line")
    except ArticleError as error:
        assert str(error).startswith("export.jsonl:1: ")
    else:
        assert isinstance(article.published, dt.date) and article.text.strip()


@pytest.mark.parametrize("number", ["20251217", "1765929600", "1.5", "true"])
def test_a_published_number_is_no_date(tmp_path, number):
    line = f'{{"text": "{TEXT}", "published": {number}}}'.encode("utf-8")
    with pytest.raises(ArticleError, match="published: .*is no date"):
        read_article(tmp_path / "x.jsonl", None, data=line, name="x.jsonl:1", kind="line")


@pytest.mark.parametrize("url, kept", [
    ("https://example.com/a b", "https://example.com/a%20b"),
    ("https://exa mple.com/a  b", "https://exa%20mple.com/a%20%20b"),
])
def test_a_page_whose_canonical_address_holds_a_space_is_read_with_it_encoded(tmp_path, url, kept):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url=url, text=TEXT), "utf-8")
    article = read_article(page, None, data=page.read_bytes(), name="page.html", kind="html")
    assert article.entry.url == kept and TEXT in article.text


@pytest.fixture
def parquet_file(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")

    def write(**columns):
        path = tmp_path / "archive.parquet"
        pq.write_table(pa.table(columns), path)
        return path
    return pa, write


def rows(path):
    """Each row of the file as the build reads it: an Article, or the ArticleError that names it."""
    found = []
    for item in expanded(files([str(path)], lambda: b"")[0]):
        try:
            found.append(read_article(item.path, None, data=item.data, name=item.name, kind=item.kind)
                         if not item.problem else (_ for _ in ()).throw(ArticleError(item.name, *item.problem)))
        except ArticleError as error:
            found.append(error)
    return found


def test_a_binary_text_column_is_read_as_utf8_and_a_row_that_is_not_is_named(parquet_file):
    pa, write = parquet_file
    path = write(text=pa.array([TEXT.encode("utf-8"), b"\xff\xfe\x00kapot"], pa.binary()),
                 published=["2025-12-17", "2025-12-17"])
    good, bad = rows(path)
    assert TEXT in good.text
    assert isinstance(bad, ArticleError) and str(bad).startswith(f"{path}:2: text:")


@pytest.mark.parametrize("kind, value, day", [
    ("timestamp[ns, tz=Europe/Amsterdam]", dt.datetime(2025, 12, 17, 23, 30), dt.date(2025, 12, 18)),  # 00:30 there
    ("timestamp[s]", dt.datetime(2025, 12, 17, 10, 0), dt.date(2025, 12, 17)),
    ("date32", dt.date(2025, 12, 17), dt.date(2025, 12, 17)),
])
def test_a_published_timestamp_or_date_column_gives_its_day(parquet_file, kind, value, day):
    pa, write = parquet_file
    types = {"timestamp[ns, tz=Europe/Amsterdam]": pa.timestamp("ns", tz="Europe/Amsterdam"),
             "timestamp[s]": pa.timestamp("s"), "date32": pa.date32()}
    (article,) = rows(write(text=[TEXT], published=pa.array([value], types[kind])))
    assert article.published == day


@pytest.mark.parametrize("column", ["int", "float", "decimal", "time", "list"])
def test_a_published_column_of_another_type_skips_each_row_naming_it(parquet_file, column):
    pa, write = parquet_file
    values = {"int": pa.array([20251217], pa.int64()), "float": pa.array([1.5]),
              "decimal": pa.array([decimal.Decimal("2025.12")], pa.decimal128(6, 2)),
              "time": pa.array([dt.time(10, 0)], pa.time64("us")), "list": pa.array([[2025, 12, 17]])}
    path = write(text=[TEXT], published=values[column])
    (bad,) = rows(path)
    assert isinstance(bad, ArticleError) and str(bad).startswith(f"{path}:1: published:")


def test_a_build_of_a_parquet_file_with_bad_rows_reads_the_good_ones_and_exits_3(parquet_file, tmp_path):
    pa, write = parquet_file
    path = write(text=pa.array([TEXT.encode(), b"\xff\xfe", TEXT.replace("oktober", "november").encode()], pa.binary()),
                 published=pa.array([dt.datetime(2025, 12, 17, 9), None, dt.datetime(2025, 12, 18, 9)], pa.timestamp("ms")))
    result = timeline("build", path, "--out", tmp_path / "out", "--format", "json")
    err, story = built(result, tmp_path / "out")
    assert result.returncode == 3 and f"{path}:2" in err and f"{path}:1" not in err and f"{path}:3" not in err
    assert len(story["events"]) == 2
