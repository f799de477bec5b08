"""A few hundred articles made from the seeds: each a seed's text under its own date line, with
another company and other amounts, so every article dates its own expressions against its own day."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
COMPANIES = ("OpenAI", "Lumenta", "Maasbrouwerij", "Omroep Horizon", "Lumo Systems", "Nordwind")


def seed_texts() -> list[str]:
    """The seeds' words without their own `date` line (each generated article gets its own)."""
    texts = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        texts.append(re.sub(r"^\s*date \d{4}-\d{2}(-\d{2})?\s*", "", text))
    return texts


def article(number: int, texts: list[str]) -> tuple[dt.date, str]:
    """Article `number`: its publication day and its text."""
    published = dt.date(2021, 1, 4) + dt.timedelta(days=7 * number + number % 5)
    company = COMPANIES[number % len(COMPANIES)]
    text = texts[number % len(texts)].replace("OpenAI", company)
    text = re.sub(r"\b(\d+) miljard", lambda m: f"{int(m.group(1)) + number % 7} miljard", text)
    return published, text


def write_folder(folder: Path, count: int = 300) -> Path:
    """`count` articles as .txt files with a first line `date YYYY-MM-DD`."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = seed_texts()
    for number in range(count):
        published, text = article(number, texts)
        (folder / f"article_{number:04d}.txt").write_text(f"date {published.isoformat()}\n{text}", "utf-8")
    return folder


def rows(count: int, start: int = 0) -> list[dict]:
    """Articles as JSON Lines or Parquet rows: text, published and a title."""
    texts = seed_texts()
    found = []
    for number in range(start, start + count):
        published, text = article(number, texts)
        found.append({"text": text, "published": published, "title": f"Bericht {number}"})
    return found


def write_jsonl(path: Path, found: list[dict]) -> Path:
    path.write_text("".join(json.dumps({**row, "published": row["published"].isoformat()}, ensure_ascii=False) + "\n"
                            for row in found), "utf-8")
    return path


def bench_corpus():
    """bench/corpus.py, by its path: tests/corpus.py holds the name `corpus` on sys.path."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
