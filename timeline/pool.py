"""`--jobs N`: articles read by a pool of worker processes, in chunks, the outcomes in input order.

A worker that dies (the out-of-memory killer, a crash, kill -9) fails the build with a
one-line error instead of leaving its chunk unanswered for good: concurrent.futures
notices the dead process and raises BrokenProcessPool. Workers put SIGTERM back to its
default (the build's own handler, inherited through fork, made a terminated worker exit
through Python while holding the queue's lock, and a later build waited on it forever)
and ignore SIGINT (Ctrl-C reaches the build, which stops them). At most a few chunks a
worker are in flight, so the outcomes waiting to be handed on stay few.
"""

from __future__ import annotations

import signal
import sys
from collections import deque
from functools import partial
from typing import Iterator, Sequence

from timeline.errors import TimelineError

CHUNK = 32  # articles a worker takes at a time: few round trips, still an even spread
AHEAD = 4  # chunks in flight per worker
# On Linux a worker is forked from this process, its modules already imported (a spawned one
# imports timeline and pydantic again: ~0.5 s a worker); elsewhere fork is unsafe, so spawn.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"


def worker_start() -> None:
    """Each worker's first act: the signal handlers of a plain process."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def chunks_of(items: Sequence, jobs: int) -> tuple[int, Iterator[list]]:
    """How many chunks, and the chunks, each made when it is handed out (the input is not copied whole)."""
    size = max(1, min(CHUNK, len(items) // (jobs * 4)))
    return -(-len(items) // size), (items[i : i + size] for i in range(0, len(items), size))


def pooled(items: Sequence, jobs: int, published, prefer, language) -> Iterator:
    """Each article's outcome, in input order, worked out by `jobs` processes."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from multiprocessing import get_context

    from timeline.build import from_record, process_chunk

    count, todo = chunks_of(items, jobs)
    work = partial(process_chunk, published=published, prefer=prefer, language=language)
    workers = min(jobs, count)
    executor = ProcessPoolExecutor(workers, mp_context=get_context(START_METHOD), initializer=worker_start)
    waiting, finished = deque(), False

    def submit(chunk: list) -> None:
        try:
            waiting.append((chunk, executor.submit(work, chunk)))
        except BrokenProcessPool as error:  # a worker died before this chunk was handed out
            raise died(chunk, error) from None

    try:
        for chunk in todo:
            submit(chunk)
            if len(waiting) >= workers * AHEAD:
                break
        while waiting:
            chunk, future = waiting.popleft()
            try:
                records = future.result()
            except BrokenProcessPool as error:
                raise died(chunk, error) from None
            for more in todo:
                submit(more)
                break
            yield from map(from_record, records)
        finished = True
    finally:
        stop(executor, finished)


def died(chunk: list, error: BaseException | None = None) -> TimelineError:
    """The one line for a chunk whose worker died, or whose answer could not be read back (the pool
    breaks then too: an error of the worker's that pickles but cannot be unpickled)."""
    where = chunk[0].name if len(chunk) == 1 else f"{chunk[0].name} … {chunk[-1].name}"
    cause = str(getattr(error, "__cause__", None) or "").strip().strip("'").strip()
    if cause:  # concurrent.futures gives the reading's own traceback as the cause; a killed worker has none
        return TimelineError(f"a --jobs worker's answer for {where} could not be read back "
                             f"({cause.splitlines()[-1]}); run again with --jobs 1 to see its error")
    return TimelineError(f"a --jobs worker process died (killed, e.g. by the out-of-memory killer, or crashed) "
                         f"while reading {where}; run again with fewer --jobs, or --jobs 1 to read them here")


def stop(executor, finished: bool) -> None:
    """Let the workers go: when done, as they finish; on an error, SIGTERM or a closed
    generator, at once (their handler is the default, so SIGTERM ends them)."""
    if not finished:
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            if process.is_alive():
                process.terminate()
    executor.shutdown(wait=True, cancel_futures=True)
