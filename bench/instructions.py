"""Instructions per article of the story's work, counted by valgrind (run by hand, never a test).

    python bench/instructions.py FOLDER [FOLDER...]

Counts, with valgrind's callgrind, the instructions of one process that loads what every build
loads (the tagger's model, the grammar, the story's words) and then reads the articles of the
folders into candidate events, as `timeline build` does before merging; and of one that only
loads. Their difference over the number of articles is what an article costs: unlike wall or CPU
time, the same on a machine busy with other work. PYTHONHASHSEED is fixed and the language cache
warmed first, so a run counts the same each time. Needs valgrind on the PATH.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

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


def counted(folders: list[str]) -> tuple[int, str]:
    """Instructions of the job over `folders`, and what it printed."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, "-c", JOB], check=True, env=env)  # fills the language cache
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", JOB,
                          *folders], check=True, env=env, capture_output=True, text=True)
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1)), run.stdout


def main() -> None:
    folders = sys.argv[1:]
    if not folders:
        sys.exit(__doc__)
    loading, _ = counted([])
    total, said = counted(folders)
    articles, candidates = map(int, said.split())
    print(f"{articles} articles, {candidates} candidates; loading {loading / 1e6:.0f} M instructions; "
          f"per article {(total - loading) / articles / 1e6:.1f} M")


if __name__ == "__main__":
    main()
