"""Reading an article: decode it, find its publication date, title and where its story starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import ArticleError
from timeline.models import Grain
from timeline.read.decode import decode
from timeline.read.header import find_byline, find_title, header_date, skip_short_lines
from timeline.read.manifest import manifest_entry


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    published: dt.date
    published_grain: Grain
    approximate: bool
    title: str | None
    body_start: int  # where the story starts, after header, byline and title

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
