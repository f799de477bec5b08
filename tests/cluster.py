"""A real Dask cluster for the tests: `dask scheduler` and `dask worker` processes on 127.0.0.1, each
on a free port, with the timeline of this checkout; and a build run against it as its own process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
       "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "5s"}
START = 60  # seconds a cluster may take to come up


class Cluster:
    """A scheduler and `workers` single-threaded workers (no nanny: a killed worker stays dead)."""

    def __init__(self, folder: Path, workers: int = 2):
        folder.mkdir(parents=True, exist_ok=True)
        found = folder / "scheduler.json"
        self.logs = folder
        self.scheduler = self.start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0",
                                                  "--no-dashboard", "--scheduler-file", str(found)])
        self.address = json.loads(waited(lambda: found.is_file() and found.stat().st_size and found.read_text()))["address"]
        self.workers = [self.start(f"worker{n}", ["worker", self.address, "--nthreads", "1", "--host", "127.0.0.1",
                                                  "--no-dashboard", "--no-nanny", "--name", f"worker{n}",
                                                  "--death-timeout", "30"]) for n in range(workers)]
        from distributed import Client

        self.client = Client(self.address, timeout=START)
        self.client.wait_for_workers(workers, timeout=START)

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        with open(self.logs / f"{name}.log", "wb") as log:
            return subprocess.Popen([sys.executable, "-m", "dask", *args], env=ENV, stdout=subprocess.DEVNULL,
                                    stderr=log)

    def working_on(self, prefix: str, worker: str | None = None) -> bool:
        """A task whose key starts with `prefix` runs (on the worker of that name, if given)."""
        names = {address: info.get("name") for address, info in self.client.scheduler_info()["workers"].items()}
        return any(str(key).startswith(prefix) for address, keys in self.client.processing().items()
                   if worker is None or names.get(address) == worker for key in keys)

    def close(self) -> None:
        self.client.close()
        for process in [*self.workers, self.scheduler]:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait()


def waited(check, seconds: float = START, every: float = 0.02):
    """check()'s first true answer, asked every `every` seconds; an AssertionError after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"not within {seconds} s: {check}")


def build(*args) -> subprocess.Popen:
    """`timeline build ARGS` as its own process, its output captured."""
    return subprocess.Popen([sys.executable, "-m", "timeline.cli", "build", *map(str, args)], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
