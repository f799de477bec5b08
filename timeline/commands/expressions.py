"""`timeline extract` and `timeline resolve`: date expressions listed, as text, JSON or partition files."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from timeline.commands.telling import put, shown
from timeline.errors import TimelineError, quoted


def to_json(value: object, indent: int | None = None) -> str:
    import json  # only for --format json: the text output starts without it

    return json.dumps(value, ensure_ascii=False, indent=indent)


def expression_dict(expr) -> dict:
    return expr.model_dump(mode="json")


def extract(articles, published, prefer, fmt, strict, max_size, out, engine, scheduler, note: Callable[[str], None]) -> int:
    """`timeline extract` (its options checked by options.extract_misuse); the number of articles skipped."""
    from timeline.commands.options import partitioned

    if not partitioned(fmt, out, engine, scheduler):
        return extract_files(articles, published, prefer, fmt, strict, max_size, note)
    fmt = "jsonl" if fmt in ("text", "json") else fmt
    return extract_partitions(articles, published, prefer, fmt, strict, max_size, out, engine, scheduler, note)


def extract_files(articles, published, prefer, fmt, strict, max_size, note: Callable[[str], None]) -> int:
    """Every expression of each article file on stdout (text or json); the number of articles skipped."""
    from timeline.errors import ArticleError
    from timeline.read.article import read_article
    from timeline.read.inputs import one, read_bytes
    from timeline.temporal.tagger import extract as run

    results, skipped = [], 0
    for path in articles:
        try:
            item = one(Path(path), shown(path), set(), max_size * 1024 * 1024)
            article = read_article(path, published, data=read_bytes(item), name=item.name)
        except ArticleError as error:
            if strict:
                raise
            note(f"timeline: skipped {error}")
            skipped += 1
            continue
        results.append((article, run(article.text, article.published, prefer, reference_grain=article.published_grain)))
    put(to_json([extraction_dict(a, f) for a, f in results], indent=2)
        if fmt == "json" else "\n".join(
            f"{a.path}:{line_of(a.text, e.offset[0])}\t{describe(e)}" for a, f in results for e in f))
    return skipped


def extract_partitions(articles, published, prefer, fmt, strict, max_size, out, engine, scheduler,
                       note: Callable[[str], None]) -> int:
    """`extract --out DIR`: one row per expression, in partition files written by the engine's tasks;
    the number of articles skipped."""
    from timeline.archive import extract_all
    from timeline.read.inputs import files

    items = files(articles, lambda: sys.stdin.buffer.read(max_size * 1024 * 1024 + 1), max_size * 1024 * 1024)
    skipped = []

    def skip(error):
        skipped.append(error)
        note(f"timeline: skipped {error}")

    read, rows, parts = extract_all(items, out, fmt, published, prefer, engine, scheduler, skip, strict, note)
    note(f"timeline: wrote {rows} rows from {read} articles in {parts} partitions to {out}")
    return len(skipped)


def extraction_dict(article, found) -> dict:
    return {"path": article.path, "published": article.published.isoformat(),
            "expressions": [expression_dict(e) for e in found]}


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def describe(expr) -> str:
    folded = " ".join(expr.text.split())
    parts = [f"{folded!r}", expr.type, expr.value]
    if expr.mod:
        parts.append(expr.mod)
    if expr.period:
        p = expr.period.model_dump(mode="json")
        parts.append(f"[{p['start']}, {p['end']}) {p['grain']}")
    return "\t".join(parts)


def resolve_phrase(phrase: str, reference: dt.date, prefer, fmt) -> None:
    """`timeline resolve`: each expression of `phrase` on stdout, resolved against `reference`."""
    from timeline.temporal.tagger import extract as run

    found = run(phrase, reference, prefer)
    if not found:
        raise TimelineError(f"no date found in {quoted(phrase)}; see tests/corpus/nl.txt for phrases timeline knows")
    put("\n".join(to_json(expression_dict(expr)) if fmt == "json" else describe(expr) for expr in found))
