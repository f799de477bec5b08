"""`--engine dask`: the per-article work as Dask tasks on a LocalCluster of two workers gives what the local
engine gives: the same build byte for byte, the same extract rows, the same skipped articles."""

import json
import subprocess
import sys
from pathlib import Path

import pyarrow
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from generated import rows, write_folder, write_jsonl
from timeline.cli import main
from timeline.errors import TimelineError

SEEDS = Path(__file__).parent.parent / "seeds"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def built(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != ".timeline.lock"}


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of two single-threaded worker processes, as CI has room for."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=40) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    return write_folder(tmp_path_factory.mktemp("generated") / "articles", 300)


def local_rows(paths) -> list[dict]:
    """The rows of `extract --format json` (local engine), flattened by hand: one per expression."""
    result = run("extract", *paths, "--format", "json")
    assert result.exit_code == 0, result.output
    found = []
    for article in json.loads(result.stdout):
        for e in article["expressions"]:
            period = e["period"] or {}
            found.append({"article": article["path"], "published": article["published"], "text": e["text"],
                          "offset_start": e["offset"][0], "offset_end": e["offset"][1], "type": e["type"],
                          "value": e["value"], "mod": e["mod"], "start": period.get("start"),
                          "end": period.get("end"), "grain": period.get("grain")})
    return found


def partition_rows(out: Path) -> list[dict]:
    found = []
    for part in sorted(out.glob("part-*")):
        if part.suffix == ".parquet":
            found += pq.read_table(part).to_pylist()
        else:
            found += [json.loads(line) for line in part.read_text("utf-8").splitlines()]
    return found


def test_a_dask_build_of_the_seeds_on_a_local_cluster_equals_the_local_build_byte_for_byte(tmp_path, monkeypatch):
    import distributed

    started = []

    class Counted(distributed.LocalCluster):
        def __init__(self, *args, **kwargs):
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", Counted)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run("build", SEEDS, "--out", local).exit_code == 0
    result = run("build", SEEDS, "--out", dask, "--engine", "dask")  # no --scheduler: a LocalCluster of its own
    assert result.exit_code == 0, result.output
    assert built(local) == built(dask) and len(built(dask)) == 5  # four files and their record
    assert len(started) == 1  # one cluster reads the articles and merges the story


class Task:
    """A stand-in for a Dask future: its result, and whether it was let go."""

    def __init__(self, value, log: list):
        self.value, self.log = value, log

    def result(self):
        self.log.append(("fetched", self.value))
        return self.value

    def release(self):
        self.log.append(("released", self.value))

    def cancel(self):
        self.log.append(("cancelled", self.value))


class Killed(Task):
    """A stand-in for a task Dask gave up: the workers it was in flight on died."""

    def result(self):
        from distributed import KilledWorker

        self.log.append(("given up", self.value))
        raise KilledWorker(task=str(self.value), last_worker="tcp://127.0.0.1:1", allowed_failures=2)


def test_tasks_are_submitted_a_few_a_worker_ahead_and_their_results_come_in_order():
    from timeline.archive import in_order

    log: list = []

    def submitted(n):
        def submit():
            log.append(("submitted", n))
            return Task(n, log)
        return submit

    found = list(in_order(((submitted(n), None) for n in range(10)), slots=3))
    assert found == list(range(10))
    assert log[:4] == [("submitted", 0), ("submitted", 1), ("submitted", 2), ("fetched", 0)]  # never more than 3 out
    for n in range(7):  # a result is let go before the task 3 places later goes out
        assert log.index(("released", n)) < log.index(("submitted", n + 3))


def test_a_task_given_up_beside_others_is_run_again_alone_and_only_one_given_up_alone_is_an_error():
    from timeline.archive import in_order

    log: list = []
    kills = {1: 1, 4: 99}  # task 1 is given up once, for a death it was only beside; task 4 every time

    def submitted(n):
        def submit():
            log.append(("submitted", n))
            kills[n] = kills.get(n, 0) - 1
            return (Killed if kills[n] >= 0 else Task)(n, log)
        return submit

    found = []
    with pytest.raises(TimelineError, match="each time it merged a batch of the story's parts"):
        for value in in_order(((submitted(n), None) for n in range(6)), slots=3):
            found.append(value)
    assert found == [0, 1, 2, 3]  # task 1 alone gave its result, in its place; task 4 never did
    again = log.index(("given up", 1))
    assert log[again + 1:again + 5] == [("cancelled", 2), ("cancelled", 3), ("submitted", 1), ("fetched", 1)]
    assert log[again + 6:again + 8] == [("submitted", 2), ("submitted", 3)]  # those behind it go out again after
    assert log[-3:] == [("cancelled", 5), ("submitted", 4), ("given up", 4)]  # the error: given up alone


def test_a_dask_build_of_the_bundled_seeds_on_a_scheduler_equals_the_local_build(tmp_path, scheduler):
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run("build", "--out", local, "--format", "md,ics,html,json,timelinejs").exit_code == 0
    result = run("build", "--out", dask, "--format", "md,ics,html,json,timelinejs", "--engine", "dask",
                 "--scheduler", scheduler)
    assert result.exit_code == 0, result.output
    assert built(local) == built(dask)


def test_dask_extract_of_300_articles_writes_partitions_whose_rows_equal_the_local_run(tmp_path, scheduler, articles):
    out = tmp_path / "rows"
    result = run("extract", articles, "--engine", "dask", "--scheduler", scheduler, "--out", out)
    assert result.exit_code == 0, result.output
    parts = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))  # and timeline's lock and record
    assert parts == [f"part-{n:05d}.jsonl" for n in range(5)]  # 300 files in runs of 64
    expected = local_rows(sorted(articles.glob("*.txt")))
    assert len(expected) > 3000 and len({r["article"] for r in expected}) == 300
    assert partition_rows(out) == expected
    assert f"wrote {len(expected)} rows from 300 articles in 5 partitions" in result.stderr


def test_parquet_partitions_hold_the_same_rows_as_jsonl_and_the_local_engine_writes_the_same_files(
        tmp_path, scheduler, articles):
    dask, local = tmp_path / "dask", tmp_path / "local"
    assert run("extract", articles, "--engine", "dask", "--scheduler", scheduler, "--out", dask,
               "--format", "parquet").exit_code == 0
    assert run("extract", articles, "--out", local, "--format", "parquet").exit_code == 0
    assert pq.read_table(dask / "part-00000.parquet").schema.field("offset_start").type == pyarrow.int64()
    assert partition_rows(dask) == partition_rows(local) == local_rows(sorted(articles.glob("*.txt")))


def test_a_dask_build_of_json_lines_and_parquet_data_sets_equals_the_local_build(tmp_path, scheduler):
    folder = tmp_path / "archive"
    write_folder(folder, 20)
    write_jsonl(folder / "export.jsonl", rows(30, start=20))
    pq.write_table(pyarrow.Table.from_pylist(rows(50, start=50)), folder / "dataset.parquet", row_group_size=15)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert run("build", folder, "--out", local).exit_code == 0
    assert run("build", folder, "--out", dask, "--engine", "dask", "--scheduler", scheduler).exit_code == 0
    assert built(local) == built(dask)
    story = json.loads((dask / "timeline.json").read_text("utf-8"))
    paths = {s["path"] for e in story["events"] for s in e["sources"]}
    assert f"{folder}/dataset.parquet:50" in paths  # a row of the last row group, named by its row in the file


@pytest.mark.parametrize("command", ["build", "extract"])
def test_a_bad_article_in_a_dask_task_is_skipped_and_named_as_the_local_engine_does(tmp_path, scheduler, command):
    folder = write_folder(tmp_path / "articles", 70)  # two partitions; the bad ones in both
    (folder / "article_0003.txt").write_bytes(b"")
    (folder / "article_0066.txt").write_text("OpenAI lanceerde in oktober een browser.\n", "utf-8")
    write_jsonl(folder / "export.jsonl", rows(2))
    with (folder / "export.jsonl").open("a", encoding="utf-8") as lines:
        lines.write('{"text": "Lumenta sloot een deal.", "published": "gisteren"}\n')
    local = run(command, folder, "--out", tmp_path / "local")
    dask = run(command, folder, "--out", tmp_path / "dask", "--engine", "dask", "--scheduler", scheduler)
    skipped = [line for line in local.stderr.splitlines() if line.startswith("timeline: skipped ")]
    assert local.exit_code == dask.exit_code == 3
    assert [line for line in dask.stderr.splitlines() if line.startswith("timeline: skipped ")] == skipped
    assert [line.split(": ")[1] for line in skipped] == [
        f"skipped {folder / 'article_0003.txt'}", f"skipped {folder / 'article_0066.txt'}",
        f"skipped {folder / 'export.jsonl'}:3"]
    if command == "build":
        assert built(tmp_path / "local") == built(tmp_path / "dask")
    else:
        assert partition_rows(tmp_path / "local") == partition_rows(tmp_path / "dask")


def test_strict_stops_a_dask_build_at_the_first_bad_article_and_writes_nothing(tmp_path, scheduler):
    folder = write_folder(tmp_path / "articles", 3)
    (folder / "article_0001.txt").write_bytes(b"")
    result = run("build", folder, "--out", tmp_path / "out", "--engine", "dask", "--scheduler", scheduler, "--strict")
    local = run("build", folder, "--out", tmp_path / "out", "--strict")
    assert result.exit_code == local.exit_code == 1
    assert result.stderr == local.stderr == f"timeline: error: {folder / 'article_0001.txt'}: the file is empty; " \
        "give an article with text\n"
    assert not (tmp_path / "out").exists()


def test_without_the_dask_extra_engine_dask_is_one_line_naming_the_pip_command(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    result = run("build", SEEDS, "--out", tmp_path / "out", "--engine", "dask")
    assert result.exit_code == 1
    assert result.stderr == ("timeline: error: --engine dask needs Dask, which is not installed; "
                             "install it with pip install 'timeline[dask]'\n")
    assert not (tmp_path / "out").exists()


def test_an_unreachable_scheduler_is_one_line_naming_it(tmp_path):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = run("build", SEEDS, "--out", tmp_path / "out", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 1
    assert result.stderr.startswith("timeline: error: --scheduler tcp://127.0.0.1:9: cannot reach a Dask scheduler (")
    assert result.stderr.count("\n") == 1 and "dask scheduler" in result.stderr


def test_a_server_that_accepts_and_never_answers_is_one_line_naming_it_within_a_deadline(tmp_path):
    """Another service on the port: Dask's connect timeout bounds only the TCP connect, and the build hung for good."""
    import os
    import socket
    import threading

    silent = socket.create_server(("127.0.0.1", 0))
    held = []
    threading.Thread(target=lambda: [held.append(silent.accept()) for _ in iter(int, 1)], daemon=True).start()
    address = f"tcp://127.0.0.1:{silent.getsockname()[1]}"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    try:
        result = subprocess.run([sys.executable, "-m", "timeline.cli", "build", SEEDS, "--out", tmp_path / "out",
                                 "--engine", "dask", "--scheduler", address], capture_output=True, text=True,
                                env=env, timeout=120)  # before: still waiting when this ran out
    finally:
        silent.close()
    assert held, "the server was never reached"
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"timeline: error: --scheduler {address}: no Dask scheduler answered within 12 s")
    assert result.stderr.count("\n") == 1 and not (tmp_path / "out").exists()


def test_a_server_that_answers_in_another_protocol_is_one_line_naming_it(tmp_path):
    """A web server on the port: Dask read "HTTP/1.1" as the length of a frame, bytearray(5.2e18) raised
    MemoryError in the connecting thread, and the build ended in its traceback."""
    import os
    import socket
    import threading

    web = socket.create_server(("127.0.0.1", 0))

    def answer():
        while True:
            try:
                peer, _ = web.accept()
            except OSError:
                return
            peer.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)

    threading.Thread(target=answer, daemon=True).start()
    address = f"tcp://127.0.0.1:{web.getsockname()[1]}"
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    try:
        result = subprocess.run([sys.executable, "-m", "timeline.cli", "build", SEEDS, "--out", tmp_path / "out",
                                 "--engine", "dask", "--scheduler", address], capture_output=True, text=True,
                                env=env, timeout=120)
    finally:
        web.close()
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"timeline: error: --scheduler {address}: "), result.stderr
    assert "Dask" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and not (tmp_path / "out").exists()


def test_a_worker_without_timeline_is_one_line_naming_it_instead_of_a_build_that_never_ends(tmp_path):
    from distributed import LocalCluster

    hide = tmp_path / "no_timeline.py"
    hide.write_text("import sys\nsys.modules['timeline'] = None  # as on a machine where it is not installed\n")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                      silence_logs=40, preload=[str(hide)]) as cluster:
        result = run("build", SEEDS, "--out", tmp_path / "out", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"timeline: error: --scheduler {cluster.scheduler_address}: Dask worker tcp://")
    assert "cannot import timeline (ModuleNotFoundError" in result.stderr and "pip install 'timeline[dask]'" in result.stderr
    assert result.stderr.count("\n") == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, hint", [
    (["build", "--scheduler", "tcp://127.0.0.1:8786"], "--scheduler"),
    (["extract", str(SEEDS), "--engine", "dask"], "--out"),
    (["extract", str(SEEDS), "--format", "parquet"], "--out"),
    (["extract", str(SEEDS), "--out", "x", "--format", "text"], "--format"),
    (["extract", str(SEEDS)], "ARTICLES"),
])
def test_an_engine_option_that_cannot_work_is_a_usage_error_naming_it(args, hint, tmp_path):
    result = run(*args)
    assert result.exit_code == 2 and hint in result.output, result.output
    assert not Path("x").exists()


def test_the_command_line_builds_without_importing_dask_or_pyarrow(tmp_path):
    code = ("import sys\nfrom timeline.cli import main\n"
            f"try:\n    main(['build', '--out', {str(tmp_path / 'out')!r}, '-q'])\nexcept SystemExit as done:\n"
            "    assert done.code == 0, done.code\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed', 'pyarrow', 'timeline'}))\n")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.split("\n")[0] == "['timeline']"
