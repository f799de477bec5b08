"""Articles as a data set: a Parquet file of articles, one a row, with the fields of a JSON Lines export.

Its columns are `text` and any of `published`, `title`, `url`, `outlet`, `author`
(and the manifest's `approximate`, `title_written`, `why`); a column timeline
does not know is an error naming the file, as an unknown field of a JSON Lines
line is. Each row becomes the JSON Lines article it stands for, named by file
and row (`archive.parquet:17`), so it is read, dated and named exactly as that
line would be. Row groups can be read one at a time (a Dask task each).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from timeline.errors import ArticleError, quoted

INSTALL = "pip install 'timeline[dask]'"


def parquet():
    """pyarrow.parquet, or an error that names the extra that brings it."""
    try:
        import pyarrow.parquet
    except ImportError:
        raise ArticleError("input", "reading Parquet needs pyarrow", f"install it with {INSTALL}") from None
    return pyarrow.parquet


def opened(name: str, path: Path):
    """The Parquet file at `path`, its columns checked; an error naming the file if it is none."""
    from timeline.read.web import Line

    pq = parquet()
    try:
        found = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises ArrowInvalid, OSError and others for a file that is no Parquet
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ArticleError(name, f"not a Parquet file of articles ({problem})", "give a Parquet file with a text column") from None
    columns = found.schema_arrow.names
    unknown = [c for c in columns if c not in Line.model_fields]
    if unknown or "text" not in columns:
        problem = f"unknown column {quoted(unknown[0])}" if unknown else "no text column"
        known = ["text"] + [c for c in Line.model_fields if c != "text"]
        raise ArticleError(name, problem, f"keep only the columns {', '.join(known)} (text is required)")
    return found


def row_groups(name: str, path: Path) -> int:
    """How many row groups the file has (0 when it cannot be opened: reading it will name the problem)."""
    try:
        return opened(name, path).metadata.num_row_groups
    except ArticleError:
        return 0


def parquet_rows(name: str, path: Path, group: int | None = None) -> list[tuple[str, bytes]]:
    """(name with row number, the row as a JSON Lines article) for each row of the file, or of one row group."""
    found = opened(name, path)
    try:
        if group is None:
            table, first = found.read(), 1
        else:
            table = found.read_row_group(group)
            first = 1 + sum(found.metadata.row_group(g).num_rows for g in range(group))
    except Exception as error:
        raise ArticleError(name, f"cannot read the Parquet file ({str(error).splitlines()[0]})",
                           "write the data set again") from None
    return [(f"{name}:{number}", line(row)) for number, row in enumerate(table.to_pylist(), first)]


def line(row: dict) -> bytes:
    """A row as the JSON Lines article it stands for; a missing value is a field left out. A value
    JSON cannot hold (undecodable bytes, a decimal, a time) stands as a table, which the line's
    check names by its field, so only that row is skipped."""
    return json.dumps({k: plain(v) for k, v in row.items() if v is not None}, ensure_ascii=False,
                      default=unreadable).encode("utf-8", "surrogatepass")


def plain(value):
    """Dates and timestamps as the YYYY-MM-DD of their day, UTF-8 bytes (a binary column) as
    their text; anything else as it is."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return {"bytes that are not UTF-8": len(value)}
    return value


def unreadable(value) -> dict:
    return {type(value).__name__: str(value)[:40]}
