"""Words per second of timeline's part-of-speech tagger, beside Frog's if `frog` is installed.

The text: the articles under ../shared/news (or the bundled seeds/ without them), split
into sentences at full stops and into words by timeline.temporal.pos.tokens. Our tagger
is timed on one core on the second half of the articles: loading the model, then cold
(caches empty), warm (after tagging the first half: the model's sums for the words and
contexts met there are kept, the second half's sentences are new) and again (the same half
a second time, best of three: every sum cached). Frog tags the
same text (`frog --skip=mpncla`: tokenizer and CGN tagger only) in one run; its own
"CGN tagging took" line and the run's wall time are both reported. Our times are processor
time of this process, so other work on the machine does not count against them; Frog's are
wall times.
Run: python bench/tagger.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.pos import loaded_model, tokens  # noqa: E402

NEWS = ROOT.parent / "shared" / "news"


def text() -> tuple[str, str]:
    """The first half of the articles (to warm up on) and the second (to time)."""
    files = sorted(NEWS.glob("*/articles/*.txt")) or sorted((ROOT / "seeds").glob("*.txt"))
    half = len(files) // 2
    return tuple("\n\n".join(f.read_text("utf-8") for f in part) for part in (files[:half], files[half:]))


def sentences(body: str) -> list[list[str]]:
    return [words for part in re.split(r"(?<=[.!?])\s+|\n\s*\n", body) if (words := tokens(part))]


def timed(tagger, found: list[list[str]]) -> float:
    """The processor time tagging takes (not the wall time: the machine may be shared)."""
    start = time.process_time()
    for words in found:
        tagger(words)
    return time.process_time() - start


def frog(body: str) -> tuple[float, float | None]:
    """Frog's wall time for the whole run and its own tagging time, in seconds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "text.txt"
        path.write_text(body, "utf-8")
        start = time.perf_counter()
        done = subprocess.run(["frog", "--skip=mpncla", "-t", str(path), "-o", str(path.with_suffix(".frog"))],
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
    took = re.search(r"CGN tagging took:\s+(\d+) seconds, (\d+) milliseconds and (\d+) microseconds", done.stderr)
    return wall, (int(took[1]) + int(took[2]) / 1e3 + int(took[3]) / 1e6) if took else None


def main() -> None:
    first, body = text()
    found = sentences(body)
    words = sum(len(s) for s in found)
    start = time.process_time()
    tagger = loaded_model()
    load = time.process_time() - start
    cold = timed(tagger.tag, found)
    tagger.forget()
    timed(tagger.tag, sentences(first))
    warm = timed(tagger.tag, found)
    again = min(timed(tagger.tag, found) for _ in range(3))
    print(f"text: {words} words in {len(found)} sentences (after {len(sentences(first))} sentences to warm up)")
    print(f"timeline: model load {load:.2f} s; cold {words / cold:,.0f} words/s; warm {words / warm:,.0f} words/s; "
          f"again {words / again:,.0f} words/s")
    if shutil.which("frog"):
        wall, tagging = frog(body)
        print(f"frog: whole run {wall:.2f} s ({words / wall:,.0f} words/s), its tagging alone "
              + (f"{tagging:.2f} s ({words / tagging:,.0f} words/s)" if tagging else "not reported"))
        print(f"ratio, timeline warm / frog tagging alone: {(tagging or wall) / warm:.1f}x; "
              f"timeline load + cold / frog whole run: {wall / (load + cold):.1f}x faster")
    else:
        print("frog: not installed (apt-get install frog frogdata to compare)")


if __name__ == "__main__":
    main()
