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

BOUND = 300  # seconds a build may take before the test calls it hung (about 10 on a quiet machine; over 120 once
# with two other builds and a test run on the same two cores)


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
    assert built(tmp_path / "out") == local and len(local) == 5  # four files and their record


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


def test_a_task_that_kills_every_worker_it_is_given_is_one_line_naming_its_articles_not_those_of_a_task_beside_it(
        tmp_path):
    import dask
    from distributed import LocalCluster

    folder = write_folder(tmp_path / "articles", 70)  # two tasks: 64 articles, then 6
    doom = tmp_path / "doom.py"  # on the workers: reading article 66 ends the process, as the OOM killer would
    doom.write_text("import os, time\nimport timeline.tasks as tasks\n"  # a preload runs twice in one namespace:
                    "real = tasks.__dict__.setdefault('real_build_partition', tasks.build_partition)\n\n"
                    "def build_partition(part, *args, **kwargs):\n"
                    "    if any(item.name.endswith('article_0066.txt') for item in part.items):\n"
                    "        os._exit(1)\n"
                    "    time.sleep(2)  # the first task is still at work beside the second when that one kills\n"
                    "    return real(part, *args, **kwargs)\n\n"
                    "tasks.build_partition = build_partition\n")
    # Two threads: both tasks run at once, so each death is charged to both (Dask's allowed-failures counts every
    # task in flight on a worker that dies), and the first task, the innocent one, is the first given up.
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), \
            LocalCluster(n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1",
                         dashboard_address="127.0.0.1:0", silence_logs=50, preload=[str(doom)]) as cluster:
        result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--engine", "dask",
                                           "--scheduler", cluster.scheduler_address])
        # the nanny starts a new worker for the one killed: closing the cluster before it runs fails in Dask's
        # own teardown ("can only join a started process"), as it did once on a busy machine
        waited(lambda: len(cluster.scheduler_info.get("workers", {})) == 1, seconds=180, every=0.1)  # a loaded machine
    assert result.exit_code == 1
    assert result.stderr == (f"timeline: error: a Dask worker died (killed, e.g. by the out-of-memory killer, or "
                             f"crashed) each of the 2 times it was given {folder / 'article_0064.txt'} … "
                             f"{folder / 'article_0069.txt'}; give the workers more memory, or skip those articles\n")
    assert not (tmp_path / "out").exists()


def test_a_task_whose_error_cannot_be_pickled_ends_the_build_with_that_error_and_no_output(tmp_path):
    from distributed import LocalCluster

    folder = write_folder(tmp_path / "articles", 70)
    doom = tmp_path / "doom.py"  # on the workers: reading article 66 raises an error holding a lock
    doom.write_text("import threading\nimport timeline.tasks as tasks\n"
                    "real = tasks.__dict__.setdefault('real_build_partition', tasks.build_partition)\n\n"
                    "class Locked(Exception):\n"
                    "    def __init__(self, problem):\n"
                    "        super().__init__(problem)\n        self.lock = threading.Lock()\n\n"
                    "def build_partition(part, *args, **kwargs):\n"
                    "    if any(item.name.endswith('article_0066.txt') for item in part.items):\n"
                    "        raise Locked('kapot')\n    return real(part, *args, **kwargs)\n\n"
                    "tasks.build_partition = build_partition\n")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=50, preload=[str(doom)]) as cluster:
        result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--engine", "dask",
                                           "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1
    assert "Locked('kapot')" in str(result.exception)  # Dask sends its text when the error itself cannot travel
    assert not (tmp_path / "out").exists()
