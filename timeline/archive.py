"""The Dask engine (`--engine dask`): the per-article work of `build` and `extract` as Dask tasks.

The input is cut into partitions (timeline.tasks): a run of files of a folder, a
run of lines of a JSON Lines file, a row group of a Parquet file. Each partition is
a task that reads its articles and does what `--engine local` does for each
(build.process for a build, the tagger for extract); the results come back in
input order, a few tasks a worker in flight, so the story merged and rendered where
the command runs is the local one, byte for byte, and no one holds the results of the
whole archive. Dask is imported here and only when the engine is used; without
`--scheduler` a LocalCluster on this machine does the work, one for the whole build
(`session`).

A worker that dies mid-build has its tasks run again by the scheduler on the
others; a task that kills its worker every time, or a scheduler that goes away,
ends the command with one line (Dask's own log is kept off stderr meanwhile).
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import contextmanager
from functools import partial
import itertools
from collections import deque
from typing import Callable, Iterable, Iterator

from timeline.build import Outcome
from timeline.errors import ArticleError, TimelineError
from timeline.read.dataset import INSTALL, parquet
from timeline.read.inputs import Input
from timeline.tasks import Partition, build_partition, each_partition, extract_partition, partitions
from timeline.temporal.tagger import Prefer


def dask():
    """dask.distributed, or a one-line error that names the extra that brings it."""
    try:
        import distributed
    except ImportError:
        raise TimelineError(f"--engine dask needs Dask, which is not installed; install it with {INSTALL}") from None
    return distributed


@contextmanager
def client(scheduler: str | None, workers: int | None = None, shared=None):
    """A Dask client of the scheduler at `scheduler`, else of a LocalCluster on this machine (or
    `shared`, the build's own client from `session`, which its owner closes); the cluster failing
    under it (its scheduler gone, a task that kills every worker it runs on) is one line that says so."""
    if shared is not None:  # the build's own cluster, for both its reading and its merge
        yield shared
        return
    distributed = dask()
    with quiet_logs():
        try:
            if scheduler is None:
                with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                              host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                              silence_logs=logging.CRITICAL) as cluster:
                    with distributed.Client(cluster) as local:
                        yield local
                return
            with connected(distributed, scheduler) as remote:
                yield remote
        except (distributed.client.FutureCancelledError, distributed.comm.core.CommClosedError) as error:
            raise lost(scheduler, error) from None


def session(scheduler: str | None, workers: int | None = None):
    """One client (one LocalCluster on this machine, started once) for every Dask step of a build:
    the caller hands what it yields to `outcomes` and `merge_parts` as their `shared` (no module
    state holds it, so two builds in one process, or in two threads, each keep their own)."""
    return client(scheduler, workers)


@contextmanager
def quiet_logs():
    """Dask's loggers silenced for a while: its errors come to the user as timeline's one line."""
    loggers = [logging.getLogger(name) for name in ["distributed", *logging.root.manager.loggerDict]
               if name.startswith("distributed.")] + [logging.getLogger("distributed")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def lost(scheduler: str | None, error: Exception) -> TimelineError:
    """The one line for a cluster that went away under the command."""
    reason = getattr(error, "reason", None) or str(error).splitlines()[0]
    where = f"--scheduler {scheduler}: the Dask scheduler" if scheduler else "the Dask cluster on this machine"
    again = "start it again (dask scheduler) and run the command again" if scheduler else "run the command again"
    return TimelineError(f"{where} went away before the work was done ({reason}); nothing was written; {again}")


def died(error: Exception, part: Partition | None) -> TimelineError:
    """The one line for a task that killed every worker it was given (see pool.died for --jobs); a batch
    of the story's parts (no partition) is named as such."""
    if part is None:
        return TimelineError("a Dask worker died (killed, e.g. by the out-of-memory killer, or crashed) each time "
                             "it merged a batch of the story's parts; give the workers more memory")
    first, last = part.items[0].name, part.items[-1].name
    where = first if first == last else f"{first} … {last}"
    where += f" (lines from {part.lines[2]})" if part.lines else f" (row group {part.group})" if part.group else ""
    tries = getattr(error, "allowed_failures", 0) + 1
    return TimelineError(f"a Dask worker died (killed, e.g. by the out-of-memory killer, or crashed) each of the "
                         f"{tries} times it was given {where}; give the workers more memory, or skip those articles")


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
    if isinstance(error, TimelineError) or (error is not None and not isinstance(error, Exception)):
        raise error
    if error is not None:  # refused, timed out, or something there that speaks another protocol (a web server's
        # "HTTP/1.1" read as a frame's length: MemoryError): one line, the whole story with --traceback
        said = (str(error).splitlines() or [""])[0] or type(error).__name__
        raise TimelineError(f"--scheduler {scheduler}: cannot reach a Dask scheduler ({said}); "
                            "start one with `dask scheduler` and give its tcp://host:8786, or leave --scheduler out "
                            "for a cluster on this machine") from error
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


def in_order(futures: Iterable[tuple], slots: int = 0) -> Iterator:
    """Each task's result in the order the tasks were given, each let go once it is handed on;
    `futures` gives (a function submitting the task, its partition or None), and at most `slots`
    tasks (0: all) are in flight, so neither the driver nor the workers hold the results or the
    tasks of a whole archive. A task that killed every worker it ran on alone is an error naming its
    partition's articles (see `alone`)."""
    from distributed import KilledWorker

    waiting: deque = deque()
    for submit, part in futures:
        waiting.append((submit(), submit, part))
        if slots and len(waiting) >= slots:
            yield fetched(waiting, KilledWorker)
    while waiting:
        yield fetched(waiting, KilledWorker)


def fetched(waiting: deque, killed: type):
    """The result of the first task in `waiting`, taken off it; a task given up with others in flight behind it
    is run again `alone`."""
    future, submit, part = waiting.popleft()
    try:
        result = future.result()
    except killed as error:
        if waiting:
            return alone(waiting, submit, part, killed)
        raise died(error, part) from None
    future.release()
    return result


def alone(waiting: deque, submit: Callable, part: Partition | None, killed: type):
    """A task given up for the workers that died under it, run again with no other task of ours in flight.
    Dask charges a worker's death to every task in flight on it (`allowed-failures`), so on a busy
    machine a task beside the one that kills could be given up first; alone, only a task that kills
    every worker it is given is given up and named. The tasks that waited behind it are sent again after."""
    for future, _, _ in waiting:
        future.cancel()
    future = submit()
    try:
        result = future.result()
    except killed as error:
        raise died(error, part) from None
    future.release()
    for at, (_, again, later) in enumerate(waiting):
        waiting[at] = (again(), again, later)
    return result


AHEAD = 3  # tasks in flight per worker


def slots_of(dask_client) -> int:
    """How many tasks may be in flight: AHEAD a worker."""
    return AHEAD * max(1, len(dask_client.scheduler_info().get("workers", {})) or 1)


def run(work: Callable, parts: Iterable[Partition], engine: str, scheduler: str | None, workers: int | None,
        shared=None) -> Iterator:
    """work(partition, its index) for each partition, in order: here (local) or as Dask tasks,
    a few a worker in flight (on `shared`, the build's client, when given)."""
    if engine == "local":
        yield from map(work, parts, itertools.count())
        return
    with client(scheduler, workers, shared) as dask_client:
        tasks = ((partial(dask_client.submit, work, part, index, pure=False), part) for index, part in enumerate(parts))
        yield from in_order(tasks, slots_of(dask_client))


def outcomes(items: list[Input], published: dt.date | None, prefer: Prefer, language: str,
             scheduler: str | None = None, workers: int | None = None, shared=None) -> Iterator[Outcome]:
    """Each article's outcome, in input order, worked out by Dask tasks over partitions of the input
    (on `shared`, the build's client from `session`, when given)."""
    work = partial(build_partition, published=published, prefer=prefer, language=language)
    for found in run(work, each_partition(items), "dask", scheduler, workers, shared):
        yield from found


def merge_parts(batches: Iterator[list], subject: str | None, names: frozenset, focus, dropped: frozenset,
                edits=None, scheduler: str | None = None, workers: int | None = None, shared=None) -> Iterator[list]:
    """The story's parts merged by Dask tasks, a batch of parts each, the results in order (on
    `shared`, the build's client from `session`, when given). The story's names go to the workers
    once; at most AHEAD batches a worker are in flight."""
    with client(scheduler, workers, shared) as dask_client:
        context = dask_client.scatter((subject, names, focus, dropped, edits), broadcast=True, hash=False)
        tasks = ((partial(dask_client.submit, merge_with, batch, context, pure=False), None) for batch in batches)
        yield from in_order(tasks, slots_of(dask_client))


def merge_with(batch: list, context: tuple) -> list:
    """A Dask task: merge_part_batch with the story's names sent once to each worker."""
    from timeline.parts import merge_part_batch

    return merge_part_batch(batch, *context)


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
