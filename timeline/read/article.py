"""Reading an article: decode it, find its publication date, title and where its story starts."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.errors import ArticleError
from timeline.models import Grain
from timeline.read.decode import decode
from timeline.read.header import (
    FIRST_YEAR, LAST_YEAR, HeaderError, find_byline, find_title, header_date, past_dateline, skip_short_lines, usable,
)
from timeline.read.manifest import manifest_entry

if TYPE_CHECKING:
    from timeline.read.entry import Entry


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    published: dt.date
    published_grain: Grain
    approximate: bool
    title: str | None
    body_start: int  # where the story starts, after header, byline and title
    identity: str = ""  # what event ids follow: the file's name (not its folder), or its content from stdin
    entry: Entry | None = None  # what the manifest says of it
    excerpt: str = ""  # its first words

def checked(name: str, published: dt.date) -> None:
    """A publication date timeline can reason about (years and decades around it), else an error."""
    if not usable(published):
        raise ArticleError(name, f"the publication date {published} is outside the years {FIRST_YEAR}–{LAST_YEAR}",
                           "give a real publication date")


def read_web(path: Path, name: str, data: bytes, kind: str, published: dt.date | None, identity: str = "") -> Article:
    """A saved web page or a JSON Lines article: its text and its own metadata, which the
    manifest (for a page) and --published override."""
    from timeline.read.web import line_parts, page_parts

    text, meta = page_parts(name, data) if kind == "html" else line_parts(name, data)
    text = decode(name, text.encode("utf-8"))
    entry = manifest_entry(path) if kind == "html" else None
    merged = meta.model_copy(update={k: v for k, v in (entry.model_dump(exclude_defaults=True) if entry else {}).items()})
    published = published or merged.published
    if published is None:
        raise ArticleError(name, "no publication date", "give it in the page, the line's published field, the manifest, or --published")
    checked(name, published)
    file = identity or unicodedata.normalize("NFC", path.name)
    key = merged.url or (f"{file}:{name.rsplit(':', 1)[-1]}" if kind == "line" else file)
    byline = find_byline(text, 0)  # "14 oktober 2025" under the headline
    start = skip_short_lines(text, byline[1]) if byline else 0
    return Article(name, text, published, Grain.DAY, merged.approximate, merged.title, start, key, merged, excerpt(text[start:]))


def read_article(
    path: str | Path, published: dt.date | None = None, data: bytes | None = None, name: str | None = None,
    kind: str = "text", identity: str = "",
) -> Article:
    """Read one article; `published` (from --published) overrides what the file says.

    `name` is how the article is shown in messages and sources (default: the path); `identity`
    what its event ids follow where its file name is not enough (two folders, one file name).
    """
    path = Path(path)
    name = name or str(path)
    if kind != "text":
        return read_web(path, name, data if data is not None else path.read_bytes(), kind, published, identity)
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as error:
        raise ArticleError(name, f"cannot read the file ({error.strerror})", "check the path and its permissions")
    text = decode(name, raw)
    try:
        header = header_date(text)
    except HeaderError as error:
        raise ArticleError(name, str(error), "write the first line as date YYYY-MM-DD (or YYYY-MM), e.g. date 2025-12-17", line=1) from None
    body_start = header[2] if header else 0
    title, body_start = find_title(text, body_start)
    byline = find_byline(text, body_start)
    if byline:  # labels such as "openai o1" may follow a byline
        body_start = skip_short_lines(text, byline[1])
    body_start = past_dateline(text, body_start)  # "DEN HAAG (ANP) - " dates nothing and tells nothing
    grain, approximate = Grain.DAY, False
    entry = manifest_entry(path) if data is None or path.name not in ("", "-") else None
    if published is None and entry and entry.published:
        published, approximate = entry.published, entry.approximate
    if entry and entry.title:
        title = entry.title
    if published is None and header:
        published, grain = header[0], header[1]
    if published is None and byline:
        published = byline[0]
    if published is None:
        raise ArticleError(
            name, "no publication date",
            'add a line "date 2025-12-17" at the top, or give --published',
        )
    checked(name, published)
    if not text[body_start:].strip() and not title:
        raise ArticleError(name, "the article has no text after its header", "add the article's text under the date line")
    return Article(name, text, published, grain, approximate, title, body_start, identity or file_identity(path, data, text),
                   entry, excerpt(text[body_start:]))


def excerpt(body: str, words: int = 8) -> str:
    """The article's first words: what names it where it has no title."""
    found = body.split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "")


def file_identity(path: Path, data: bytes | None, text: str) -> str:
    """What an article's event ids follow: its file name (so moving the folder keeps every id),
    or for standard input its text."""
    if data is not None and path.name in ("", "-"):
        import hashlib  # only for standard input: a start without it is ~3 ms shorter

        return "stdin:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return unicodedata.normalize("NFC", path.name)
