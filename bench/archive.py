"""Benchmark of an archive build: time, peak memory of the driver and of its workers, and
events, per 1,000 distinct generated articles (bench/corpus.py), for `--jobs 1`, `--jobs 2`
and `--engine dask`; and the most sources one event has (more than 50 is a merge that chained).

    python bench/archive.py [--sizes 1000,10000] [--modes jobs1,jobs2,dask] [--wire 0.1] [--keep DIR]
                            [--rebuild] [--format json]

Each build is a fresh `python -m timeline.cli build` process of this checkout (so run it
with PYTHONPATH at the checkout, or installed); a sampler follows its process tree with
psutil every 0.1 s: the driver is the command's own process, a worker any process under
it (the --jobs pool, the LocalCluster's nannies and workers), reported as the largest
one's peak. Beside the seconds, the CPU seconds of the build's processes: on a machine
shared with other work, a steadier measure of the work than the wall clock. `--rebuild` builds a second time into the same --out, which reads the first
build back. Nothing here is a test; CI never runs it. Run big sizes with `nice`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus

MODES = {"jobs1": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask": ["--engine", "dask", "--jobs", "2"]}


class Sampler(threading.Thread):
    """Peak resident memory of a process and of the largest of its descendants."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        import psutil

        self.root, self.psutil = psutil.Process(pid), psutil
        self.driver = self.worker = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                self.driver = max(self.driver, self.root.memory_info().rss)
                for child in self.root.children(recursive=True):
                    try:
                        self.worker = max(self.worker, child.memory_info().rss)
                    except self.psutil.Error:
                        pass
            except self.psutil.Error:
                return
            self.done.wait(0.1)


def build(folder: Path, out: Path, mode: list[str], fmt: str) -> dict:
    """One build as its own process: seconds, peaks (bytes), exit code, events."""
    command = [sys.executable, "-m", "timeline.cli", "build", str(folder), "--out", str(out), "--quiet",
               "--format", fmt, *mode]
    start, used = time.perf_counter(), cpu()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(process.pid)
    sampler.start()
    _, err = process.communicate()
    seconds, used = time.perf_counter() - start, cpu() - used
    sampler.done.set()
    sampler.join()
    if process.returncode not in (0, 3):
        sys.exit(f"bench: {' '.join(command)} failed ({process.returncode}): {err.decode()[-2000:]}")
    count, widest = events(out)
    return {"seconds": seconds, "cpu": used, "driver": sampler.driver, "worker": sampler.worker, "events": count, "widest": widest}


def cpu() -> float:
    """CPU seconds (user and system) of the ended children of this process and theirs: on a machine
    shared with other work, a steadier measure of the work done than the seconds it took."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def events(out: Path) -> tuple[int, int]:
    """The events of a build and the most sources one has, from timeline.jsonl (one a line) where
    it is, else timeline.json. An event of more than 50 sources is a merge that chained."""
    lines = out / "timeline.jsonl"
    if lines.is_file():
        with open(lines, "rb") as f:
            found = [len(json.loads(line)["sources"]) for line in f]
    elif (out / "timeline.json").is_file():
        found = [len(e["sources"]) for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]]
    else:
        found = []
    return len(found), max(found, default=0)


def report(size: int, mode: str, found: dict, label: str = "") -> None:
    per = 1000 / size
    print(f"{size:8d}  {mode + label:12s} {found['seconds']:8.1f} {found['seconds'] * per:9.2f} {found['cpu'] * per:9.2f} "
          f"{found['driver'] / 2**20:9.0f} {found['worker'] / 2**20:9.0f} {found['events']:8d} "
          f"{found['events'] * per:8.0f} {found['widest']:8d}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--modes", default="jobs1,jobs2,dask")
    parser.add_argument("--wire", type=float, default=0.1, help="share of wire copies")
    parser.add_argument("--format", default="json", help="the formats to build (as --format)")
    parser.add_argument("--keep", help="a folder to keep the generated corpora (reused when there) and the builds in")
    parser.add_argument("--rebuild", action="store_true", help="also build again into the same --out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        print(f"machine: {os.cpu_count()} cores; wire copies {args.wire:.0%}; formats {args.format}")
        print("articles  mode          seconds  s/1000  cpu s/1000 driver MB worker MB   events  ev/1000  sources")
        for size in (int(n) for n in args.sizes.split(",")):
            folder = base / f"corpus-{size}-{args.wire}"
            if not folder.is_dir():
                corpus.write(folder, size, args.wire)
            for mode in args.modes.split(","):
                out = base / f"out-{size}-{mode}"  # with --keep, kept beside the corpus (to compare modes)
                shutil.rmtree(out, ignore_errors=True)  # a first build, never a rebuild of a kept one
                report(size, mode, build(folder, out, MODES[mode], args.format))
                if args.rebuild:
                    report(size, mode, build(folder, out, MODES[mode], args.format), " again")


if __name__ == "__main__":
    main()
