"""Accuracy on the seeds: timeline beside dateparser.search_dates, in one run.

Both are scored against bench/seed_gold.tsv (hand-checked expressions):
right = found, overlapping a gold expression, with its date inside the gold period;
numbers as dates = a match holding a digit that overlaps no gold expression.
A `date 2025-12-17` header line is metadata, not text: matches in it are not scored.
Run: python bench/compare_seeds.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.read.article import read_article  # noqa: E402
from timeline.read.header import header_date  # noqa: E402
from timeline.temporal.tagger import extract  # noqa: E402


def gold() -> dict[str, list[tuple[int, int, dt.date, dt.date]]]:
    found: dict[str, list] = {}
    for line in (ROOT / "bench" / "seed_gold.tsv").read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, offset, text, _, first, last = line.split("\t")
        start = int(offset)
        found.setdefault(name, []).append((start, start + len(text), dt.date.fromisoformat(first), dt.date.fromisoformat(last)))
    return found


def score(matches, golds, text):
    """matches: (start, end, day) triples; returns (right, numbers as dates)."""
    right, numbers, hit = 0, 0, set()
    for start, end, day in matches:
        overlapping = [g for g in golds if g[0] < end and start < g[1]]
        if not overlapping and any(c.isdigit() for c in text[start:end]):
            numbers += 1
        for g in overlapping:
            if g[2] <= day <= g[3] and g not in hit:
                hit.add(g)
                right += 1
    return right, numbers


def with_offsets(text: str, results) -> list[tuple[int, int, dt.date]]:
    placed, cursor = [], 0
    for substring, moment in results or []:
        start = text.find(substring, cursor)
        start = text.find(substring) if start < 0 else start
        placed.append((start, start + len(substring), moment.date()))
        cursor = start + 1
    return placed


def main() -> None:
    import dateparser.search

    golds, totals = gold(), {"timeline": [0, 0, 0.0], "dateparser": [0, 0, 0.0]}
    expected = sum(len(v) for v in golds.values())
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article = read_article(path)
        ref = dt.datetime.combine(article.published, dt.time())
        began = time.perf_counter()
        ours = extract(article.text, article.published, reference_grain=article.published_grain)
        middle = time.perf_counter()
        theirs = dateparser.search.search_dates(article.text, languages=["nl"], settings={"RELATIVE_BASE": ref})
        ended = time.perf_counter()
        ours = [(e.offset[0], e.offset[1], e.period.start_date) for e in ours if e.period and e.type in ("DATE", "TIME")]
        header = header_date(article.text)
        text_from = header[2] if header else 0
        for name, matches, seconds in (("timeline", ours, middle - began), ("dateparser", with_offsets(article.text, theirs), ended - middle)):
            matches = [m for m in matches if m[0] >= text_from]
            right, numbers = score(matches, golds.get(path.name, []), article.text)
            totals[name][0] += right
            totals[name][1] += numbers
            totals[name][2] += seconds
    print(f"gold expressions in the seeds: {expected}")
    for name, (right, numbers, seconds) in totals.items():
        print(f"{name:10s} right {right}/{expected}  numbers turned into dates {numbers}  time {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
