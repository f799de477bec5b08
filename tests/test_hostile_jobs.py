"""`--jobs N` never waits forever: a worker killed mid-build (kill -9, as the out-of-memory
killer does) ends the build with a one-line error or a whole result, and builds that finish
their work always end (2 of 38 hung on a worker blocked on the pool's queue lock)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = ("date 2025-12-{day:02d}\nOpenAI sloot in oktober een deal van {n} miljard dollar met Broadcom. "
           "Topman Sam Altman zei maandag dat het bedrijf volgend jaar een nieuw model lanceert. "
           "In 2024 haalde OpenAI 6,6 miljard dollar op bij investeerders.\n")


def articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    for k in range(n):
        (folder / f"a{k:04d}.txt").write_text(ARTICLE.format(day=1 + k % 28, n=k + 1) * 8, "utf-8")
    return folder


def command(folder: Path, out: Path, *extra) -> list[str]:
    return [sys.executable, "-m", "timeline.cli", "build", str(folder), "--out", str(out), "--format", "json", *extra]


def workers_of(pid: int) -> list[int]:
    """The build's forked workers: its children running the same command line."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    found = []
    for entry in Path(f"/proc/{pid}/task").iterdir():
        for child in (entry / "children").read_text().split():
            try:
                if Path(f"/proc/{child}/cmdline").read_bytes() == own:
                    found.append(int(child))
            except OSError:
                pass
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc")
def test_a_worker_killed_mid_build_ends_the_build_with_an_error_or_a_whole_result(tmp_path):
    folder = articles(tmp_path / "news", 400)
    reference = subprocess.run(command(folder, tmp_path / "ref", "--jobs", "1"), capture_output=True, timeout=300)
    assert reference.returncode == 0, reference.stderr
    build = subprocess.Popen(command(folder, tmp_path / "out", "--jobs", "2"), stderr=subprocess.PIPE)
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and build.poll() is None and time.monotonic() < deadline:
        found = workers_of(build.pid)
        if found:
            os.kill(found[0], signal.SIGKILL)
            killed = found[0]
        time.sleep(0.01)
    err = build.communicate(timeout=120)[1].decode()  # before: waited forever
    assert killed is not None, "the build ended before a worker was seen"
    assert "Traceback" not in err, err
    if build.returncode == 1:
        (line,) = [line for line in err.splitlines() if "error" in line]
        assert "a --jobs worker process died" in line and "a0" in line and "--jobs 1" in line, err
        assert not (tmp_path / "out" / "timeline.json").exists()
    else:
        assert build.returncode == 0, err
        assert (tmp_path / "out" / "timeline.json").read_bytes() == (tmp_path / "ref" / "timeline.json").read_bytes()
    assert not workers_of(os.getpid())  # nothing of the build is left behind


def test_repeated_builds_with_two_jobs_all_end(tmp_path):
    folder = articles(tmp_path / "news", 70)
    for run in range(12):
        result = subprocess.run(command(folder, tmp_path / f"out{run}", "--jobs", "2"), capture_output=True,
                                timeout=120)  # a hang fails here
        assert result.returncode == 0, result.stderr
        assert json.loads((tmp_path / f"out{run}" / "timeline.json").read_text("utf-8"))["events"]


def test_workers_take_the_default_sigterm_and_ignore_sigint():
    from timeline.pool import worker_start

    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))
    try:
        worker_start()
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, before[0])
        signal.signal(signal.SIGINT, before[1])


def test_a_strict_error_stops_the_workers_at_once(tmp_path):
    folder = articles(tmp_path / "news", 300)
    (folder / "a0000.txt").write_bytes(b"")
    result = subprocess.run(command(folder, tmp_path / "out", "--jobs", "2", "--strict"), capture_output=True,
                            timeout=120)
    assert result.returncode == 1, result.stderr
    assert "a0000.txt: the file is empty" in result.stderr.decode()


class Unreadable(Exception):
    """An error that pickles but cannot be unpickled (its __init__ wants two arguments; its args hold one)."""

    def __init__(self, problem, where):
        super().__init__(problem)


def test_a_worker_error_that_cannot_be_read_back_is_one_line_naming_the_articles_not_a_hang(tmp_path, monkeypatch):
    import timeline.build as build
    from click.testing import CliRunner

    from timeline.cli import main

    import copyreg

    # Dask's tblib, once imported by an earlier test, registers every exception class with copyreg so that it
    # always unpickles: take that away, as a build that never used Dask has it
    monkeypatch.delitem(copyreg.dispatch_table, Unreadable, raising=False)
    folder = articles(tmp_path / "news", 80)
    real = build.process

    def process(item, *args, **kwargs):  # the forked workers have it too
        if item.name.endswith("a0040.txt"):
            raise Unreadable("kapot", item.name)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(build, "process", process)
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 1
    assert result.stderr.startswith("timeline: error: a --jobs worker's answer for ")
    assert "could not be read back (TypeError: " in result.stderr and result.stderr.count("\n") == 1
    assert "run again with --jobs 1 to see its error" in result.stderr and not (tmp_path / "out").exists()
