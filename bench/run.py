"""Benchmark: timeline beside dateparser, start-up, peak memory and scaling.

Run by hand:  python bench/run.py [--articles 300,1000] [--build 10000] [--scale 1000,10000] [--runs 3] [--big 1,5]
              [--jobs N] [--here]

It first installs this checkout into a fresh virtual environment, as a user's
`pip install .` does (dateparser comes with it), and runs both tools with that
environment's Python: start-up then counts what a user pays, not what this
machine's own site-packages add (editable finders, .pth files). `--here` runs
them with the Python that runs this script instead.

It writes a corpus made from the seeds (each with a different publication
date) to a temporary folder, then times whole processes, start-up included:
- extraction: timeline.temporal.tagger.extract vs dateparser.search.search_dates(text,
  languages=['nl'], settings={'RELATIVE_BASE': published}) on the same files;
- what timeline's process spends before its first article (Python, pydantic,
  its own modules), and the per-article time of both once started;
- start-up of `timeline --help` and `timeline resolve`;
- `timeline build` beside the extraction job on the same articles (default 10,000): build/extract
  per article (wall time, and CPU time, which other work on the machine disturbs less), and the
  speed-up of `--jobs 2` over `--jobs 1`;
- `timeline build` over growing archives: time and peak memory (ru_maxrss);
- `timeline build` of one article of 1 and 5 MB: time per MB.
Nothing here is a test; CI never runs it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable  # the Python that runs both tools; main() may point it into a fresh venv

TIMELINE_JOB = """
import sys, datetime as dt
from pathlib import Path
from timeline.read.article import read_article
from timeline.temporal.tagger import extract
n = 0
for path in sorted(Path(sys.argv[1]).glob('*.txt')):
    a = read_article(path)
    n += len(extract(a.text, a.published, reference_grain=a.published_grain))
print(n)
"""

DATEPARSER_JOB = """
import sys, datetime as dt
from pathlib import Path
from dateparser.search import search_dates
n = 0
for path in sorted(Path(sys.argv[1]).glob('*.txt')):
    text = path.read_text('utf-8')
    published = dt.datetime.fromisoformat(text.split()[1])
    n += len(search_dates(text, languages=['nl'], settings={'RELATIVE_BASE': published}) or [])
print(n)
"""


def make_corpus(folder: Path, count: int) -> int:
    """`count` articles from the seeds' bodies, each dated a different day of 2020-2026."""
    from timeline.read.article import read_article

    bodies = [read_article(p).text for p in sorted((ROOT / "seeds").glob("*.txt"))]
    bodies = [b.split(" ", 2)[2] if b.lstrip().startswith("date ") else b for b in bodies]
    size = 0
    for i in range(count):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=(i * 37) % 2400)
        text = f"date {day.isoformat()}\n{bodies[i % len(bodies)]}"
        (folder / f"a{i:06d}.txt").write_text(text, "utf-8")
        size += len(text.encode("utf-8"))
    return size


def timed(command: list[str], runs: int) -> tuple[float, int]:
    """Median wall seconds of `runs` runs, and the peak RSS (KiB) of any of them."""
    times, peak = [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return statistics.median(times), peak


def peak_of(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run, measured by a fresh child's rusage."""
    seconds, kib, _ = usage_of(command)
    return seconds, kib


def usage_of(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one run, by a fresh child's rusage."""
    probe = (
        "import resource, subprocess, sys, time; s = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "r = resource.getrusage(resource.RUSAGE_CHILDREN); print(time.perf_counter() - s, r.ru_maxrss, r.ru_utime + r.ru_stime)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *command], check=True, capture_output=True, text=True)
    seconds, kib, cpu = out.stdout.split()
    return float(seconds), int(kib), float(cpu)


def extraction(folder: Path, count: int, runs: int) -> None:
    size = make_corpus(folder, count)
    # The two alternate, run by run, so a slow spell of the machine falls on both.
    pairs = [
        (timed([PYTHON, "-c", TIMELINE_JOB, str(folder)], 1)[0],
         timed([PYTHON, "-c", DATEPARSER_JOB, str(folder)], 1)[0])
        for _ in range(runs)
    ]
    ours = statistics.median(p[0] for p in pairs)
    theirs = statistics.median(p[1] for p in pairs)
    print(f"extraction over {count} articles ({size / 1e6:.1f} MB), whole process, median of {runs}:")
    print(f"  timeline   {ours:7.2f} s  {count / ours:8.0f} articles/s")
    print(f"  dateparser {theirs:7.2f} s  {count / theirs:8.0f} articles/s")
    print(f"  ratio      {theirs / ours:7.1f}x  (per run: {', '.join(f'{t / o:.1f}' for o, t in pairs)})")
    floor(runs, ours, theirs)
    warm(folder)


WARM_JOB = """
import sys, time, datetime as dt
from pathlib import Path
from timeline.read.article import read_article
from timeline.temporal.tagger import extract
from dateparser.search import search_dates
articles = [read_article(p) for p in sorted(Path(sys.argv[1]).glob('*.txt'))]
for a in articles:  # one pass first: the rules a text needs are compiled on first use (start-up, not per article)
    extract(a.text, a.published, reference_grain=a.published_grain)
start = time.perf_counter()
for a in articles:
    extract(a.text, a.published, reference_grain=a.published_grain)
ours = (time.perf_counter() - start) / len(articles)
sample = articles[:30]
search_dates(sample[0].text, languages=['nl'], settings={'RELATIVE_BASE': dt.datetime(2025, 1, 1)})
start = time.perf_counter()
for a in sample:
    base = dt.datetime.combine(a.published, dt.time())
    search_dates(a.text, languages=['nl'], settings={'RELATIVE_BASE': base})
theirs = (time.perf_counter() - start) / len(sample)
print(ours, theirs)
"""


def warm(folder: Path) -> None:
    """Per-article time once both are started, in one process (dateparser on the first 30)."""
    out = subprocess.run([PYTHON, "-c", WARM_JOB, str(folder)], check=True, capture_output=True, text=True)
    ours, theirs = (float(x) for x in out.stdout.split())
    print(f"warm, per article: timeline {ours * 1000:.2f} ms, dateparser {theirs * 1000:.1f} ms, "
          f"ratio {theirs / ours:.0f}x")


FLOOR_STEPS = (
    ("Python itself", "pass"),
    ("+ import pydantic's BaseModel", "from pydantic import BaseModel"),
    # What any program pays for its first pydantic model: pydantic.fields and
    # .types on the first class, the plugin loader (importlib.metadata) on the first validation.
    ("+ one pydantic model, validated once", "from pydantic import BaseModel\nclass M(BaseModel):\n x: int\nM(x=1)"),
    ("+ timeline's modules, language and grammar", "from timeline.temporal.tagger import compile_grammar; compile_grammar('nl')"),
)


def floor(runs: int, ours: float, theirs: float) -> None:
    """Where timeline's whole-process time goes before the first article, and what 20x leaves."""
    print(f"before the first article (median of {runs}):")
    for label, code in FLOOR_STEPS:
        seconds, _ = timed([PYTHON, "-c", code], runs)
        print(f"  {label:45s} {seconds * 1000:6.0f} ms")
    print(f"  20x dateparser needs timeline within {theirs / 20 * 1000:.0f} ms; it took {ours * 1000:.0f} ms")


def timeline_exe() -> str:
    """The `timeline` command installed beside PYTHON."""
    return str(Path(PYTHON).with_name("timeline"))


def startup(runs: int) -> None:
    """Whole process: --help, resolve, and extract of one article (a seed body with its date line,
    no manifest beside it; a manifest entry is validated with pydantic, which adds its import)."""
    exe = timeline_exe()
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), 1)
        article = str(Path(tmp) / "a000000.txt")
        for args in (["--help"], ["resolve", "begin december", "--published", "2025-12-17"], ["extract", article]):
            seconds, _ = timed([exe, *args], runs)
            shown = " ".join(args if args[0] != "extract" else ["extract", "(one article)"])
            print(f"start-up: timeline {shown[:40]:40s} {seconds * 1000:6.0f} ms (median of {runs}; target < 120)")


def scaling(sizes: list[int], jobs: int) -> None:
    exe = timeline_exe()
    print(f"timeline build --jobs {jobs} (json), one run each:")
    print("  articles   seconds   per 1000   peak RSS MB")
    for count in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            make_corpus(folder, count)
            seconds, kib = peak_of([exe, "build", str(folder), "--quiet", "--format", "json",
                                    "--jobs", str(jobs), "--out", str(Path(tmp) / "out")])
        print(f"  {count:8d}  {seconds:8.1f}  {seconds / count * 1000:8.2f}  {kib / 1024:10.0f}")


def build_against_extract(count: int) -> None:
    """Whole-process `timeline build` (json, one job and two) beside the extraction job on the
    same articles, in one run: build/extract per article, and what a second core gives."""
    exe = timeline_exe()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_corpus(folder, count)
        extract_s, _, extract_cpu = usage_of([PYTHON, "-c", TIMELINE_JOB, str(folder)])
        one, kib, one_cpu = usage_of([exe, "build", str(folder), "--quiet", "--format", "json", "--jobs", "1",
                                      "--out", str(Path(tmp) / "one")])
        two, _ = peak_of([exe, "build", str(folder), "--quiet", "--format", "json", "--jobs", "2",
                          "--out", str(Path(tmp) / "two")])
    print(f"build beside extract over {count} articles, whole process, one run each:")
    print(f"  extract {extract_s:7.1f} s   build --jobs 1 {one:7.1f} s (peak {kib / 1024:.0f} MB)   "
          f"build --jobs 2 {two:7.1f} s")
    print(f"  build/extract {one / extract_s:5.2f} (target <= 1.5)   --jobs 2 speed-up {one / two:4.2f}x (target >= 1.7)")
    print(f"  CPU seconds (user + system: steadier than wall time on a shared machine): extract {extract_cpu:.1f} s, "
          f"build --jobs 1 {one_cpu:.1f} s, build/extract {one_cpu / extract_cpu:5.2f}")


def big_article(sizes_mb: list[int]) -> None:
    """One article of several MB: time should grow in proportion to its size."""
    exe = timeline_exe()
    from timeline.read.article import read_article

    body = "\n".join(read_article(p).text.split(" ", 2)[-1] for p in sorted((ROOT / "seeds").glob("*.txt")))
    print("timeline build of one big article (json), one run each:")
    print("  MB   seconds   s per MB   peak RSS MB")
    for size in sizes_mb:
        with tempfile.TemporaryDirectory() as tmp:
            article = Path(tmp) / "big.txt"
            repeats = size * 1_000_000 // len(body.encode("utf-8")) + 1
            article.write_text("date 2025-12-17\n" + (body + "\n") * repeats, "utf-8")
            seconds, kib = peak_of([exe, "build", str(article), "--quiet", "--format", "json", "--out", str(Path(tmp) / "out")])
        print(f"  {size:2d}  {seconds:8.1f}  {seconds / size:9.2f}  {kib / 1024:11.0f}")


def compile_package() -> None:
    """Write timeline's bytecode, as `pip install` does for an installed package.

    An editable checkout run with PYTHONDONTWRITEBYTECODE would otherwise
    compile every module from source in every run, which no installed user
    pays (dateparser's bytecode was written when pip installed it).
    """
    import compileall

    compileall.compile_dir(ROOT / "timeline", quiet=1)


def fresh_venv(folder: Path) -> str:
    """A new virtual environment with this checkout installed; its Python."""
    import venv

    print(f"installing this checkout into a fresh venv ({folder}) ...", file=sys.stderr)
    venv.create(folder, with_pip=True)
    python = str(folder / "bin" / "python")
    if subprocess.run([python, "-m", "pip", "install", "--quiet", str(ROOT)]).returncode:
        sys.exit("bench: pip could not install this checkout into a fresh venv (it needs PyPI); "
                 "run with --here to use this Python instead")
    return python


def main() -> None:
    global PYTHON
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default="300,1000", help="sizes of the extraction comparison")
    parser.add_argument("--build", type=int, default=10000, help="articles for build beside extract (0: skip)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", default="1000,10000")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--big", default="1,5", help="sizes in MB of one big article")
    parser.add_argument("--here", action="store_true", help="run with this Python instead of a fresh venv")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as env:
        if args.here:
            compile_package()
        else:
            PYTHON = fresh_venv(Path(env))
        run_all(args)


def run_all(args: argparse.Namespace) -> None:
    version = subprocess.run([PYTHON, "-c", "import sys, pydantic; print(sys.version.split()[0], pydantic.VERSION)"],
                             check=True, capture_output=True, text=True).stdout.split()
    print(f"machine: {os.cpu_count()} cores, Python {version[0]}, pydantic {version[1]}, running {PYTHON}")
    for count in (int(n) for n in str(args.articles).split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            extraction(Path(tmp), count, args.runs)
    startup(max(args.runs, 5))
    if args.build:
        build_against_extract(args.build)
    sizes = [int(n) for n in args.scale.split(",") if int(n)]  # "--scale 0" skips the scaling run
    if sizes:
        scaling(sizes, args.jobs)
    big = [int(n) for n in args.big.split(",") if int(n)]
    if big:
        big_article(big)


if __name__ == "__main__":
    main()
