"""`--engine dask --scheduler` on a real cluster: a `dask scheduler` and two `dask worker` processes on
127.0.0.1. The build gives the local build's bytes; a worker killed mid-build leaves its tasks to the
other; a scheduler that goes away ends the command with one line, exit code 1 and no output, never a hang."""

import signal
import subprocess

import pytest
from click.testing import CliRunner

from cluster import Cluster, build, waited
from generated import write_folder
from timeline.cli import main

BOUND = 120  # seconds a build may take before the test calls it hung (it takes about 10)


def built(out) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".timeline.lock"}


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return write_folder(tmp_path_factory.mktemp("generated") / "articles", 400)  # 7 tasks of 64 articles


@pytest.fixture(scope="module")
def local(articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    result = CliRunner().invoke(main, ["build", str(articles), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    return built(out)


@pytest.fixture
def cluster(tmp_path):
    found = Cluster(tmp_path / "cluster")
    yield found
    found.close()


def finished(process: subprocess.Popen) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=BOUND)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError(f"the build still ran after {BOUND} s") from None
    return process.returncode, err


def test_a_build_on_a_dask_scheduler_with_two_worker_processes_equals_the_local_build(tmp_path, cluster, articles, local):
    code, err = finished(build(articles, "--out", tmp_path / "out", "--engine", "dask", "--scheduler", cluster.address))
    assert code == 0, err
    assert built(tmp_path / "out") == local and len(local) == 4


def test_a_worker_killed_mid_build_leaves_its_tasks_to_the_other_and_the_build_is_the_same(
        tmp_path, cluster, articles, local):
    running = build(articles, "--out", tmp_path / "out", "--engine", "dask", "--scheduler", cluster.address)
    waited(lambda: cluster.working_on("build_partition", "worker0") or running.poll() is not None)
    assert running.poll() is None, "the build ended before a worker could be killed"
    cluster.workers[0].send_signal(signal.SIGKILL)
    code, err = finished(running)
    assert cluster.workers[0].wait() == -signal.SIGKILL
    assert code == 0, err
    assert "Traceback" not in err and built(tmp_path / "out") == local


@pytest.mark.parametrize("task", ["build_partition", "merge_with"])
def test_a_scheduler_that_stops_mid_build_ends_the_build_with_one_line_and_no_output(tmp_path, cluster, articles, task):
    out = tmp_path / "out"
    running = build(articles, "--out", out, "--engine", "dask", "--scheduler", cluster.address)
    waited(lambda: cluster.working_on(task) or running.poll() is not None, every=0.005)
    assert running.poll() is None, f"the build ended before a {task} task was seen"
    cluster.scheduler.send_signal(signal.SIGKILL)
    code, err = finished(running)
    assert code == 1
    assert err.startswith(f"timeline: error: --scheduler {cluster.address}: the Dask scheduler went away before the "
                          "work was done (scheduler-connection-lost); nothing was written")
    assert err.count("\n") == 1 and not out.exists()
