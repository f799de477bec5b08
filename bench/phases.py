"""Where one build's time goes, phase by phase, in one process (run by hand, never a test).

    python bench/phases.py FOLDER [--formats md,ics,html,json]

Prints seconds for: reading + extraction alone (the date tagger over each
article, as `timeline extract` does), reading + candidate events (what a
build collects, the tagger included), merging, each format's rendering (into
memory) and writing every file into a temporary folder.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--formats", default="md,ics,html,json")
    parser.add_argument("--no-freeze", action="store_true", help="leave out the gc.freeze() a build does after collecting")
    args = parser.parse_args()
    from timeline.build import Collector, outcomes
    from timeline.read.article import read_article
    from timeline.read.inputs import inputs, read_bytes
    from timeline.render.output import producers, stream, write_all
    from timeline.temporal.tagger import extract

    items = inputs([args.folder], lambda: b"", 20 * 1024 * 1024)
    rows = []

    def phase(name, work):
        start = time.perf_counter()
        result = work()
        rows.append((name, time.perf_counter() - start))
        return result

    def extraction():
        for item in items:
            a = read_article(item.path, None, data=read_bytes(item), name=item.name, kind=item.kind)
            extract(a.text, a.published, reference_grain=a.published_grain)

    phase("reading + extraction", extraction)
    collector = Collector(False, lambda error: None)
    phase("reading + events", lambda: [collector.add(o) for o in outcomes(items, None, "tense", "nl", 1)])
    if not args.no_freeze:
        import gc

        gc.freeze()
    story = phase("merging", lambda: collector.timeline())
    formats = args.formats.split(",")
    files = producers(story, formats, None)
    for fmt in formats:
        phase(f"render {fmt}", lambda: stream(files[fmt], io.BytesIO()))
    with tempfile.TemporaryDirectory() as out:
        phase("render + write all", lambda: write_all(Path(out), producers(story, formats, None)))
    print(f"{len(items)} articles, {len(story.events)} events")
    for name, seconds in rows:
        print(f"  {name:22s} {seconds:7.2f} s")


if __name__ == "__main__":
    sys.exit(main())
