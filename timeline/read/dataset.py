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


BATCH_BYTES = 64 * 1024 * 1024  # the most one batch of rows may take decoded, by the file's own metadata
BATCH_ROWS = 256
TEXT_BYTES = 1024 * 1024 * 1024  # article text (decoded) read from one Parquet file, or one row group by a Dask task


def opened(name: str, path: Path):
    """The Parquet file at `path`, its columns checked; an error naming the file if it is none.
    Text columns are read as dictionaries: a row's size is known before its values are decoded."""
    from timeline.read.web import Line

    pq = parquet()
    try:
        found = pq.ParquetFile(path)
        texts = [f.name for f in found.schema_arrow if is_text(f.type)]
        found = pq.ParquetFile(path, read_dictionary=texts) if texts else found
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


def is_text(kind) -> bool:
    import pyarrow

    return pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind) or pyarrow.types.is_binary(kind) \
        or pyarrow.types.is_large_binary(kind)


def row_groups(name: str, path: Path) -> int:
    """How many row groups the file has (0 when it cannot be opened: reading it will name the problem)."""
    try:
        return opened(name, path).metadata.num_row_groups
    except ArticleError:
        return 0


Row = tuple[str, "bytes | ArticleError"]


def parquet_rows(name: str, path: Path, group: int | None = None, max_bytes: int | None = None) -> list[Row]:
    """(name with row number, the row as a JSON Lines article) for each row of the file, or of one row
    group; a row over `max_bytes` is (name, the error naming it), found without decoding it.

    Rows are read in batches sized by the file's metadata (at most BATCH_BYTES uncompressed a batch),
    text kept as dictionaries: a row's size is the sum of its values' lengths, looked up in the
    dictionary, so in an 850-byte file of one large string in 2,000 rows no row over the limit is decoded."""
    found = opened(name, path)
    meta = found.metadata
    groups = list(range(meta.num_row_groups)) if group is None else [group]
    number = 1 + sum(meta.row_group(g).num_rows for g in range(groups[0] if groups else 0))
    rows: list[Row] = []
    try:
        within_text_limit(name, found, groups, max_bytes)
        for g in groups:
            for batch in found.iter_batches(batch_size=batch_rows(meta.row_group(g)), row_groups=[g]):
                rows += batch_rows_of(name, batch, number, max_bytes)
                number += batch.num_rows
    except ArticleError:
        raise
    except Exception as error:
        raise ArticleError(name, f"cannot read the Parquet file ({str(error).splitlines()[0]})",
                           "write the data set again") from None
    return rows


def within_text_limit(name: str, found, groups: list[int], max_bytes: int | None) -> None:
    """The rows to be read hold at most TEXT_BYTES of text, counted from value lengths before any row
    is decoded (a row over max_bytes, skipped, does not count)."""
    total = 0
    for g in groups:
        for batch in found.iter_batches(batch_size=batch_rows(found.metadata.row_group(g)), row_groups=[g]):
            total += sum(size for size in row_sizes(batch) if max_bytes is None or size <= max_bytes)
            if total > TEXT_BYTES:
                where = f"row group {g + 1} of " if len(groups) == 1 and found.metadata.num_row_groups > 1 else ""
                raise ArticleError(name, f"{where}the data set holds more than {TEXT_BYTES // 1024 ** 3} GB of article "
                                   "text", "write it as several files or as row groups of fewer rows "
                                   "(with --engine dask a task reads one row group)")


def batch_rows(group) -> int:
    """Rows a batch of this row group may hold: BATCH_ROWS, fewer where its rows are large (metadata only)."""
    size = sum(group.column(c).total_uncompressed_size for c in range(group.num_columns))
    average = size / max(1, group.num_rows)
    return max(1, min(BATCH_ROWS, int(BATCH_BYTES // max(1.0, average))))


def batch_rows_of(name: str, batch, first: int, max_bytes: int | None) -> list[Row]:
    """A batch's rows as JSON Lines articles; a row over `max_bytes` named, not decoded."""
    sizes = row_sizes(batch)
    if max_bytes is None:
        return [(f"{name}:{n}", line(row)) for n, row in enumerate(batch.to_pylist(), first)]
    rows: list[Row] = []
    keep = [size <= max_bytes for size in sizes]
    decoded = iter(batch.filter(keep).to_pylist()) if any(keep) else iter(())
    limit = max_bytes / 1024 / 1024
    for n, fits in enumerate(keep, first):
        rows.append((f"{name}:{n}", line(next(decoded)) if fits else
                     ArticleError(f"{name}:{n}", f"the article is larger than {limit:g} MB", "raise the limit with --max-size MB")))
    return rows


def row_sizes(batch) -> list[int]:
    """Each row's bytes of text, from the value lengths (a dictionary column's from its dictionary)."""
    import pyarrow
    import pyarrow.compute as pc

    total = [0] * batch.num_rows
    for column in batch.columns:
        if pyarrow.types.is_dictionary(column.type) and is_text(column.type.value_type):
            lengths = pc.binary_length(column.dictionary).take(column.indices)
        elif is_text(column.type):
            lengths = pc.binary_length(column)
        else:
            continue
        total = [t + (n or 0) for t, n in zip(total, lengths.to_pylist())]
    return total


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
