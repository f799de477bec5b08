"""The Dask engine (`--engine dask`): the per-article work of `build` and `extract` as Dask tasks.

The input is cut into partitions: a run of files of a folder, a JSON Lines
file, a row group of a Parquet file. Each partition is a task that reads its
articles and does what `--engine local` does for each (build.process for a
build, the tagger for extract); the results come back in input order, so the
story merged and rendered where the command runs is the local one, byte for
byte. Dask is imported here and only when the engine is used; without
`--scheduler` a LocalCluster on this machine does the work.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from timeline.build import Outcome, process
from timeline.errors import ArticleError, TimelineError
from timeline.read.article import read_article
from timeline.read.dataset import INSTALL, parquet, parquet_rows, row_groups
from timeline.read.inputs import Input, expanded, read_bytes, row_input
from timeline.temporal.tagger import Prefer

FILES_PER_PARTITION = 64  # small articles of a folder go to a task in runs of this many
FIELDS = ("article", "published", "text", "offset_start", "offset_end", "type", "value", "mod", "start", "end", "grain")


@dataclass(frozen=True)
class Partition:
    """The articles of one task: some files (a JSON Lines or Parquet file whole), or one row group of a Parquet file."""

    items: tuple[Input, ...]
    group: int | None = None


def partitions(items: list[Input], size: int = FILES_PER_PARTITION) -> list[Partition]:
    """The input in partitions, in input order; a path is made absolute so a worker elsewhere finds the same file."""
    found: list[Partition] = []
    run: list[Input] = []
    for item in items:
        if item.data is None and not item.problem:
            item = Input(item.path.absolute(), item.name, max_bytes=item.max_bytes, kind=item.kind)
        suffix = item.path.suffix.lower() if item.data is None and not item.problem else ""
        if suffix in (".jsonl", ".parquet"):
            found += [Partition(tuple(run))] if run else []
            run = []
            groups = row_groups(item.name, item.path) if suffix == ".parquet" else 1
            found += [Partition((item,), g) for g in range(groups)] if groups > 1 else [Partition((item,))]
            continue
        run.append(item)
        if len(run) == size:
            found.append(Partition(tuple(run)))
            run = []
    return found + ([Partition(tuple(run))] if run else [])


def articles(part: Partition) -> list[Input]:
    """Each article of a partition, as the local engine would list it."""
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


def dask():
    """dask.distributed, or a one-line error that names the extra that brings it."""
    try:
        import distributed
    except ImportError:
        raise TimelineError(f"--engine dask needs Dask, which is not installed; install it with {INSTALL}") from None
    return distributed


@contextmanager
def client(scheduler: str | None, workers: int | None = None):
    """A Dask client of the scheduler at `scheduler`, else of a LocalCluster on this machine."""
    distributed = dask()
    if scheduler is None:
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0", silence_logs=40) as cluster:
            with distributed.Client(cluster) as local:
                yield local
        return
    with connected(distributed, scheduler) as remote:
        yield remote


HANDSHAKE = 10.0  # seconds beyond Dask's connect timeout for the handshake and the workers' answer


def connected(distributed, scheduler: str):
    """A client of the scheduler whose workers all run this timeline, within a deadline: Dask's
    connect timeout bounds the TCP connect only, and a server that accepts and never answers
    (another service on the port) held the build for good. The connecting runs in a daemon
    thread the command stops waiting for; it is left behind only when the command ends anyway."""
    import threading

    import dask.config
    from dask.utils import parse_timedelta

    seconds = parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="s") + HANDSHAKE
    found: dict = {}
    thread = threading.Thread(target=connect, args=(distributed, scheduler, found), daemon=True, name="connect")
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimelineError(f"--scheduler {scheduler}: no Dask scheduler answered within {seconds:g} s (something "
                            "accepts connections there but does not speak Dask's protocol); give the address of a "
                            "Dask scheduler (tcp://host:8786), or leave --scheduler out for a cluster on this machine")
    error = found.get("error")
    if isinstance(error, TimelineError) or (error is not None and not isinstance(error, (OSError, TimeoutError, ValueError))):
        raise error
    if error is not None:
        raise TimelineError(f"--scheduler {scheduler}: cannot reach a Dask scheduler ({str(error).splitlines()[0]}); "
                            "start one with `dask scheduler` and give its tcp://host:8786, or leave --scheduler out "
                            "for a cluster on this machine") from None
    return found["client"]


def connect(distributed, scheduler: str, found: dict) -> None:
    """In the connecting thread: the client, its workers checked, or the error."""
    try:
        remote = distributed.Client(scheduler)
    except BaseException as error:  # also what the interpreter's exit raises here after the deadline: never printed
        found["error"] = error
        return
    try:
        same_timeline(remote, scheduler)
    except BaseException as error:
        found["error"] = error
        try:
            remote.close()
        except BaseException:  # noqa: S110  (closing a client the command gives up on: nothing to add)
            pass
        return
    found["client"] = remote


# Run on each worker by client.run(eval, ...): builtins pickle by name, so a worker without timeline can answer.
PROBE = "__import__('timeline.archive') and __import__('importlib.metadata').metadata.version('timeline')"


def same_timeline(dask_client, scheduler: str) -> None:
    """Every worker imports this version of timeline (a task sent to one that cannot would never come back)."""
    from importlib.metadata import version

    mine = version("timeline")
    found = dask_client.run(eval, PROBE, on_error="return")
    if not found:
        raise TimelineError(f"--scheduler {scheduler}: the scheduler has no workers; start them with "
                            f"`dask worker {scheduler}` where timeline is installed")
    for worker, theirs in sorted(found.items()):
        if theirs != mine:
            what = (f"cannot import timeline ({type(theirs).__name__}: {str(theirs).splitlines()[0] if str(theirs) else ''})"
                    if isinstance(theirs, BaseException) else f"runs timeline {theirs}")
            raise TimelineError(f"--scheduler {scheduler}: Dask worker {worker} {what}; install timeline {mine} "
                                f"({INSTALL}) on every worker")


def in_order(futures) -> Iterator:
    """Each task's result in the order the tasks were given, each let go once it is handed on."""
    for future in futures:
        result = future.result()
        future.release()
        yield result


def run(work: Callable, parts: list[Partition], engine: str, scheduler: str | None, workers: int | None) -> Iterator:
    """work(partition, its index) for each partition, in order: here (local) or as Dask tasks."""
    if engine == "local":
        yield from map(work, parts, range(len(parts)))
        return
    with client(scheduler, workers) as dask_client:
        yield from in_order(dask_client.map(work, parts, range(len(parts)), pure=False))


def outcomes(items: list[Input], published: dt.date | None, prefer: Prefer, language: str,
             scheduler: str | None = None, workers: int | None = None) -> Iterator[Outcome]:
    """Each article's outcome, in input order, worked out by Dask tasks over partitions of the input."""
    work = partial(build_partition, published=published, prefer=prefer, language=language)
    for found in run(work, partitions(items), "dask", scheduler, workers):
        yield from found


def merge_parts(batches: Iterator[list], subject: str | None, names: frozenset, focus, dropped: frozenset,
                edits=None, scheduler: str | None = None, workers: int | None = None) -> Iterator[list]:
    """The story's parts merged by Dask tasks, a batch of parts each, the results in order.
    The story's names go to the workers once; at most AHEAD batches a worker are in flight."""
    with client(scheduler, workers) as dask_client:
        context = dask_client.scatter((subject, names, focus, dropped, edits), broadcast=True, hash=False)
        slots = AHEAD * max(1, len(dask_client.scheduler_info().get("workers", {})) or 1)
        waiting: list = []
        for batch in batches:
            waiting.append(dask_client.submit(merge_with, batch, context, pure=False))
            if len(waiting) >= slots:
                yield from in_order(waiting[:1])
                waiting = waiting[1:]
        yield from in_order(waiting)


AHEAD = 3  # merge tasks in flight per worker


def merge_with(batch: list, context: tuple) -> list:
    """A Dask task: merge_part_batch with the story's names sent once to each worker."""
    from timeline.parts import merge_part_batch

    return merge_part_batch(batch, *context)


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


def extract_all(items: list[Input], out: str, fmt: str, published: dt.date | None, prefer: Prefer, engine: str,
                scheduler: str | None, on_skip: Callable[[ArticleError], None], strict: bool,
                say: Callable[[str], None] = lambda message: None) -> tuple[int, int, int]:
    """Date every article into partitions in `out`, all or none: (articles read, rows written, partitions).
    The tasks write into a staging folder there; the old partitions go only once every new one is written."""
    from timeline.render.partitions import part_name, partition_folder

    if fmt == "parquet":
        parquet()  # no pyarrow is an error before any work is done
    parts = partitions(items)
    read = rows = 0
    with partition_folder(out, say) as (staging, publish):
        work = partial(extract_partition, out=str(staging), fmt=fmt, published=published, prefer=prefer)
        for done in run(work, parts, engine, scheduler, None):
            for error in done.skipped:
                if strict:
                    raise error
                on_skip(error)
            read, rows = read + done.read, rows + done.rows
        publish([part_name(index, fmt) for index in range(len(parts))])
    return read, rows, len(parts)
