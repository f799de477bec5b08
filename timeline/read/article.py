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
    kind: str = "text", identity: str = "", entry: Entry | None = None,
) -> Article:
    """Read one article; `published` (from --published) overrides what the file says.

    `name` is how the article is shown in messages and sources (default: the path); `identity`
    what its event ids follow where its file name is not enough (two folders, one file name).
    An article held in memory (kind "memory") is read as a text file whose manifest entry is `entry`.
    """
    path = Path(path)
    name = name or str(path)
    if kind not in ("text", "memory"):
        return read_web(path, name, data if data is not None else path.read_bytes(), kind, published, identity)
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as error:
        raise ArticleError(name, f"cannot read the file ({error.strerror})", "check the path and its permissions")
    text = decode(name, raw)
    if kind == "text":
        entry = manifest_entry(path) if data is None or path.name not in ("", "-") else None
    top = read_top(name, text)
    published, grain, approximate = publication(name, top, entry, published, kind)
    title = entry.title if entry and entry.title else top.title
    if not text[top.body_start:].strip() and not title:
        raise ArticleError(name, "the article has no text after its header", "add the article's text under the date line")
    return Article(name, text, published, grain, approximate, title, top.body_start,
                   identity or file_identity(path, data, text), entry, excerpt(text[top.body_start:]))


@dataclass(frozen=True)
class Top:
    """What the top of a text says: its `date` line (date and grain), title, byline date and where the story starts."""

    header: tuple[dt.date, Grain] | None
    title: str | None
    byline: dt.date | None
    body_start: int


def read_top(name: str, text: str) -> Top:
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
    return Top(header[:2] if header else None, title, byline[0] if byline else None, body_start)


def publication(name: str, top: Top, entry: Entry | None, published: dt.date | None, kind: str) -> tuple[dt.date, Grain, bool]:
    """The publication date, its grain and whether it is an estimate: --published, the manifest
    entry's, the `date` line's, the byline's, in that order."""
    grain, approximate = Grain.DAY, False
    if published is None and entry and entry.published:
        published, approximate = entry.published, entry.approximate
    if published is None and top.header:
        published, grain = top.header
    if published is None and top.byline:
        published = top.byline
    if published is None:
        fix = ("give the article a published date, or a first line \"date 2025-12-17\"" if kind == "memory"
               else 'add a line "date 2025-12-17" at the top, or give --published')
        raise ArticleError(name, "no publication date", fix)
    checked(name, published)
    return published, grain, approximate


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
