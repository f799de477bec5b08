"""The work of one partition of the input, here (`--engine local`) or as a Dask task (timeline.archive).

The input is cut into partitions: a run of files of a folder, a run of lines of a
JSON Lines file (read.lines), a row group of a Parquet file. A task of `build` gives
each article's outcome as build.process does; a task of `extract` dates each article and
writes its rows as one partition file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from timeline.build import Outcome, process
from timeline.errors import ArticleError
from timeline.read.article import read_article
from timeline.read.dataset import parquet, parquet_rows, row_groups
from timeline.read.inputs import Input, expanded, read_bytes, row_input
from timeline.read.lines import ranges
from timeline.temporal.tagger import Prefer

FILES_PER_PARTITION = 64  # small articles of a folder go to a task in runs of this many
FIELDS = ("article", "published", "text", "offset_start", "offset_end", "type", "value", "mod", "start", "end", "grain")


@dataclass(frozen=True)
class Partition:
    """The articles of one task: some files, a run of lines of a JSON Lines file (`lines`: its first
    byte, the byte after it and its first line's number), or one row group of a Parquet file."""

    items: tuple[Input, ...]
    group: int | None = None
    lines: tuple[int, int, int] | None = None


def partitions(items: list[Input], size: int = FILES_PER_PARTITION) -> list[Partition]:
    """The input in partitions, in input order (see each_partition)."""
    return list(each_partition(items, size))


def each_partition(items: Iterable[Input], size: int = FILES_PER_PARTITION) -> Iterator[Partition]:
    """The input in partitions, in input order, made as they are asked for; a path is made absolute
    so a worker elsewhere finds the same file."""
    run: list[Input] = []
    for item in items:
        if item.data is None and not item.problem:
            item = Input(item.path.absolute(), item.name, max_bytes=item.max_bytes, kind=item.kind)
        suffix = item.path.suffix.lower() if item.data is None and not item.problem else ""
        if suffix in (".jsonl", ".parquet"):
            if run:
                yield Partition(tuple(run))
            run = []
            yield from of_data_set(item, suffix)
            continue
        run.append(item)
        if len(run) == size:
            yield Partition(tuple(run))
            run = []
    if run:
        yield Partition(tuple(run))


def of_data_set(item: Input, suffix: str) -> list[Partition]:
    """A Parquet file's row groups, a JSON Lines file's runs of lines (read.lines.ranges), one
    partition each; the file whole when it has one (or cannot be read: its task names it)."""
    if suffix == ".parquet":
        groups = row_groups(item.name, item.path)
        return [Partition((item,), g) for g in range(groups)] if groups > 1 else [Partition((item,))]
    try:
        runs = ranges(item.path)
    except OSError:
        return [Partition((item,))]
    return [Partition((item,), lines=run) for run in runs] if len(runs) > 1 else [Partition((item,))]


def articles(part: Partition) -> list[Input]:
    """Each article of a partition, as the local engine would list it."""
    if part.lines is not None:
        return expanded(part.items[0], part.lines)
    if part.group is None:
        return [article for item in part.items for article in expanded(item)]
    (item,) = part.items
    try:
        rows = parquet_rows(item.name, item.path, part.group, item.max_bytes)
    except ArticleError as error:
        return [Input(item.path, item.name, problem=(error.problem, error.fix))]
    return [row_input(item, name, row) for name, row in rows]


def build_partition(part: Partition, index: int, published: dt.date | None, prefer: Prefer, language: str) -> list[Outcome]:
    """A task of `build`: each article's outcome, exactly as build.process gives it."""
    return [process(item, published, prefer, language) for item in articles(part)]


def expression_rows(article, found) -> list[dict]:
    """One row per expression: the fields of `extract --format json`, flat."""
    rows = []
    for expr in found:
        e = expr.model_dump(mode="json")
        period = e["period"] or {"start": None, "end": None, "grain": None}
        rows.append(dict(zip(FIELDS, (article.path, article.published.isoformat(), e["text"], e["offset"][0],
                                      e["offset"][1], e["type"], e["value"], e["mod"], period["start"],
                                      period["end"], period["grain"]))))
    return rows


@dataclass(frozen=True)
class Extracted:
    """What one extract task did: the articles it skipped (in order), how many it read, the rows it wrote."""

    skipped: tuple[ArticleError, ...]
    read: int
    rows: int


def extract_partition(part: Partition, index: int, out: str, fmt: str, published: dt.date | None,
                      prefer: Prefer) -> Extracted:
    """A task of `extract`: date each article of the partition and write its rows as part-NNNNN.jsonl|parquet."""
    from timeline.temporal.tagger import extract

    rows, skipped, read = [], [], 0
    for item in articles(part):
        try:
            article = read_article(item.path, published, data=read_bytes(item), name=item.name, kind=item.kind,
                                   identity=item.identity)
        except ArticleError as error:
            skipped.append(error)
            continue
        read += 1
        rows += expression_rows(article, extract(article.text, article.published, prefer,
                                                 reference_grain=article.published_grain))
    write_part(Path(out), index, fmt, rows)
    return Extracted(tuple(skipped), read, len(rows))


def write_part(out: Path, index: int, fmt: str, rows: list[dict]) -> Path:
    """One partition file, written beside its place and moved in whole."""
    from timeline.render.partitions import part_name

    target = out / part_name(index, fmt)
    staging = out / f".{target.name}.{os.getpid()}"
    if fmt == "parquet":
        import pyarrow

        schema = pyarrow.schema([(f, pyarrow.int64() if f.startswith("offset") else pyarrow.string()) for f in FIELDS])
        parquet().write_table(pyarrow.Table.from_pylist(rows, schema=schema), staging)
    else:
        staging.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    os.replace(staging, target)
    return target


