"""Instructions counted by valgrind (run by hand, never a test): per article of the story's work, or
whole `timeline build` beside the extraction job.

    python bench/instructions.py FOLDER [FOLDER...]
    python bench/instructions.py --build 1000

With folders: counts, with valgrind's callgrind, the instructions of one process that loads what every
build loads (the tagger's model, the grammar, the story's words) and then reads the articles of the
folders into candidate events, as `timeline build` does before merging; and of one that only
loads. Their difference over the number of articles is what an article costs.

With `--build N`: the articles `bench/run.py` builds (the seeds' bodies, each a different day), and
the instructions of two whole processes over them, start-up included: `timeline build --jobs 1
--format json` and bench/run.py's extraction job. Their ratio is issue 22's build/extract (bound: 6
at 1,000 articles). About 20 minutes at 1,000 articles.

Unlike wall or CPU time, a count is the same on a machine busy with other work. PYTHONHASHSEED is
fixed, timeline's bytecode written and a language cache of the run's own warmed first, so a run
counts the same each time. Needs valgrind on the PATH.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

JOB = """
import sys
from timeline.build import outcomes
from timeline.read.inputs import inputs
from timeline.story.words import story_words
from timeline.temporal.pos import loaded_model
from timeline.temporal.tagger import compile_grammar
loaded_model(); compile_grammar("nl"); story_words("nl")
if sys.argv[1:]:
    items = inputs(sys.argv[1:], lambda: b"", 20 * 1024 * 1024)
    print(len(items), sum(len(o.candidates) for o in outcomes(items, None, "tense", "nl", 1)))
"""
CACHE = tempfile.TemporaryDirectory(prefix="timeline-bench-cache-")  # this run's own language cache: another
# checkout's build on the machine rewrites ~/.cache/timeline's entries, and a counted run would pay a miss
ENV = {**os.environ, "PYTHONHASHSEED": "0", "TIMELINE_CACHE_DIR": CACHE.name}
PYTHON = os.path.realpath(sys.executable)  # valgrind follows no exec: a launcher script (pyenv's shim) would be counted instead


def instructions(command: list[str]) -> tuple[int, str]:
    """Instructions of one process running `command`, and what it printed."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                         check=True, env=ENV, capture_output=True, text=True)
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1)), run.stdout


def counted(folders: list[str]) -> tuple[int, str]:
    """Instructions of the job over `folders`, and what it printed."""
    subprocess.run([PYTHON, "-c", JOB], check=True, env=ENV)  # fills the language cache
    return instructions([PYTHON, "-c", JOB, *folders])


def per_article(folders: list[str]) -> None:
    loading, _ = counted([])
    total, said = counted(folders)
    articles, candidates = map(int, said.split())
    print(f"{articles} articles, {candidates} candidates; loading {loading / 1e6:.0f} M instructions; "
          f"per article {(total - loading) / articles / 1e6:.1f} M")


def build_against_extract(count: int) -> None:
    """Instructions of whole `timeline build` and of the extraction job over `count` articles."""
    sys.path.insert(0, str(Path(__file__).parent))
    from run import TIMELINE_JOB, make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_corpus(folder, count)
        build = [PYTHON, "-m", "timeline.cli", "build", str(folder), "--quiet", "--format", "json", "--jobs", "1",
                 "--out", str(Path(tmp) / "out")]
        subprocess.run([*build[:4], str(min(Path(folder).glob("*.txt"))), *build[5:]], check=True, env=ENV)  # warms the caches
        extract, _ = instructions([PYTHON, "-c", TIMELINE_JOB, str(folder)])
        built, _ = instructions(build)
    print(f"{count} articles, whole process: extract {extract / 1e9:.2f} G instructions, "
          f"build --jobs 1 {built / 1e9:.2f} G; build/extract {built / extract:.2f} (bound: 6 at 1,000)")


def main() -> None:
    args = sys.argv[1:]
    import compileall  # bytecode written first, as `pip install` does: with PYTHONDONTWRITEBYTECODE a process

    compileall.compile_dir(Path(__file__).resolve().parent.parent / "timeline", quiet=1)  # would compile every module
    if args[:1] == ["--build"] and len(args) == 2:
        build_against_extract(int(args[1]))
    elif args and not args[0].startswith("-"):
        per_article(args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
