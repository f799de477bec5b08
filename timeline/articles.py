"""Reading an article: decode it, find its publication date, title, lead and sentences."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from timeline.errors import ArticleError
from timeline.language import load
from timeline.tagger import extract
from timeline.models import Grain

MANIFEST = "published.toml"
HEADER = re.compile(r"\A\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
SENTENCE = re.compile(r"[^.!?…■]+(?:[.!?…■]+[’”\"']?|$)")
HEADING_MAX = 90


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # white space folded; start/end index the article's text


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    published: dt.date
    published_grain: Grain
    approximate: bool
    title: str | None
    body_start: int  # where the story starts, after header, byline and title


def decode(path: str, data: bytes) -> str:
    if not data.strip():
        raise ArticleError(path, "the file is empty", "give an article with text")
    if b"\x00" in data:
        raise ArticleError(path, "the file is binary, not text", "give a plain-text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text or sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) // 100:
        raise ArticleError(path, "the text is neither UTF-8 nor Windows-1252", "save it as UTF-8")
    return text


def manifest_entry(path: Path) -> tuple[dt.date, bool] | None:
    """The publication date the folder's published.toml gives the article, if any."""
    entry = manifest(path.parent).get(path.name)
    if entry is None:
        return None
    return entry["published"], bool(entry.get("approximate", False))


@lru_cache(maxsize=64)
def manifest(folder: Path) -> dict:
    """A folder's published.toml, read once per run."""
    found = folder / MANIFEST
    if not found.is_file():
        return {}
    try:
        return tomllib.loads(found.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ArticleError(str(found), f"cannot read the manifest ({error})", "fix its TOML") from error


def header_date(text: str) -> tuple[dt.date, Grain, int] | None:
    match = HEADER.match(text)
    if not match:
        return None
    value = match.group("date")
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-01"), Grain.MONTH, match.end()
    return dt.date.fromisoformat(value), Grain.DAY, match.end()


def read_article(
    path: str | Path, published: dt.date | None = None, data: bytes | None = None, name: str | None = None
) -> Article:
    """Read one article; `published` (from --published) overrides what the file says.

    `name` is how the article is shown in messages and sources (default: the path).
    """
    path = Path(path)
    name = name or str(path)
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as error:
        raise ArticleError(name, f"cannot read the file ({error.strerror})", "check the path and its permissions")
    text = decode(name, raw)
    header = header_date(text)
    body_start = header[2] if header else 0
    title, body_start = find_title(text, body_start)
    byline = find_byline(text, body_start)
    if byline:  # labels such as "openai o1" may follow a byline
        body_start = skip_short_lines(text, byline[1])
    grain, approximate = Grain.DAY, False
    if published is None and (entry := manifest_entry(path)):
        published, approximate = entry
    if published is None and header:
        published, grain = header[0], header[1]
    if published is None and byline:
        published = byline[0]
    if published is None:
        raise ArticleError(
            name, "no publication date",
            'add a line "date 2025-12-17" at the top, or give --published',
        )
    return Article(name, text, published, grain, approximate, title, body_start)


def lines_from(text: str, start: int):
    for match in re.finditer(r"[^\n]*\n?", text[start:]):
        if match.group(0):
            yield start + match.start(), start + match.end(), match.group(0).strip()


def find_title(text: str, start: int) -> tuple[str | None, int]:
    """A first line that stands alone: short, no final full stop, a blank line or byline after."""
    lines = list(islice(lines_from(text, start), 3))
    if len(lines) >= 2 and lines[0][2] and not lines[0][2].endswith(".") and len(lines[0][2]) <= 120:
        if not lines[1][2] or find_byline(text, lines[1][0]):
            return lines[0][2], lines[0][1]
    return None, start


def find_byline(text: str, start: int) -> tuple[dt.date, int] | None:
    """A line near the top that holds only a date (and time): "woensdag, 16 april 2025 om 14:20"."""
    for line_start, line_end, line in islice(lines_from(text, start), 5):
        if not line or len(line) > 60 or not re.search(r"\d{4}", line):
            continue
        found = extract(line, dt.date(2000, 1, 1))
        if len(found) == 1 and found[0].period and len(found[0].text) >= len(line) - 2:
            period = found[0].period
            if period.grain.rank <= Grain.DAY.rank:
                return period.start_date, line_end
    return None


def skip_short_lines(text: str, start: int) -> int:
    """Skip labels such as "Nieuws" or "openai o1" between byline and story."""
    for line_start, line_end, line in lines_from(text, start):
        if line and (len(line.split()) > 4 or line.endswith((".", "?", "!"))):
            return line_start
    return start


def sentences(article: Article, language: str = "nl") -> list[Sentence]:
    """The story's sentences, soft-wrapped lines joined, headings kept apart."""
    text, found = article.text, []
    connectives = frozenset(load(language).text.connectives)
    for block_start, block in blocks(text, article.body_start, connectives):
        for match in SENTENCE.finditer(block):
            piece = match.group(0)
            folded = " ".join(piece.split())
            if len(folded) > 1:
                lead = len(piece) - len(piece.lstrip())
                start = block_start + match.start() + lead
                found.append(Sentence(start, block_start + match.start() + len(piece.rstrip()), folded))
    return found


def blocks(text: str, start: int, connectives: frozenset[str]) -> list[tuple[int, str]]:
    """Stretches of text that run on across soft line breaks."""
    result, current_start, current = [], None, ""
    for line_start, line_end, line in lines_from(text, start):
        first = current_start is None
        if first:
            current_start, current = line_start, ""
        current += text[line_start:line_end]
        if ends_block(line, first, connectives):
            result.append((current_start, current))
            current_start = None
    if current_start is not None:
        result.append((current_start, current))
    return result


def ends_block(line: str, first: bool, connectives: frozenset[str]) -> bool:
    """A line ends its block at a full stop, or as a heading: a short line of its own."""
    if not line or line.endswith((".", "!", "?", "■", "”", "’", '"', ":")):
        return True
    words = line.split()
    if not first:
        return False
    is_heading = len(words) >= 2 and len(line) <= HEADING_MAX and words[-1].lower() not in connectives
    return is_heading and line[0].isupper()
