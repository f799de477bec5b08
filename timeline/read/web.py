"""Articles as newsrooms have them besides plain text: saved web pages and JSON Lines exports.

A web page's main text, title, author, site name, canonical address and date are
taken with trafilatura (which dates pages with htmldate); the page's own date
is used unless the manifest or --published says otherwise. A JSON Lines file
holds one article a line: `text` and any of `title`, `url`, `outlet`, `author`,
`published`; a bad line is skipped and named by file and line.
"""

from __future__ import annotations

import datetime as dt
import json

from pydantic import ConfigDict, ValidationError, field_validator

from timeline.errors import ArticleError, field_of
from timeline.read.entry import Entry


class Line(Entry):
    """One article of a JSON Lines export."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)

    text: str

    @field_validator("published", mode="before")
    @classmethod
    def _no_number(cls, value: object) -> object:
        """A number is no date: 20251217 and 1765929600 would both read as a second count since 1970."""
        if isinstance(value, (int, float)):
            raise ValueError(f"a number ({value}) is no date")
        return value


PAGE_BYTES = 8 * 1024 * 1024  # a saved page larger than this is skipped and named
PAGE_TAGS = 50_000  # and one of more tags ('<'): trafilatura's XPath work grows faster than the page
# (200,000 `<br>` took 91 s in trafilatura, and lxml's C code let no SIGTERM through; 50,000 take 3 s)


def page_parts(name: str, data: bytes) -> tuple[str, Entry]:
    """A saved web page's main text and what it says of itself (title, outlet, url, author, date)."""
    within_page_limits(name, data)
    import trafilatura  # only a build that reads web pages pays for importing it

    found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        raise ArticleError(name, "the page has no article text that trafilatura can find", "save the article's own page")
    title = (found.title or "").strip() or None
    if title and text.startswith(title):
        text = text[len(title):].lstrip()
    published = _date(found.date)
    author = (found.author or "").strip() or None
    if author and text.startswith(author):
        text = text[len(author):].lstrip()
    text = without_leading_date(text, published)
    try:
        meta = Entry(published=published, title=title, outlet=(found.sitename or None), url=address(found.url),
                     author=author)
    except ValidationError as error:  # what a page says of itself is no reason to crash a build
        problem = error.errors()[0]
        raise ArticleError(name, f"the page's {field_of(problem, 'metadata')}: {problem['msg']}",
                           "fix the page's metadata, or give the article as text") from None
    return text, meta


def address(url: str | None) -> str | None:
    """A page's canonical address as a link may hold it (a space in it percent-encoded), or None
    when it is no http(s) address."""
    url = "%20".join((url or "").split())
    return url if url.startswith(("http://", "https://")) and len(url) > len("https://") else None


def within_page_limits(name: str, data: bytes) -> None:
    """A page trafilatura can read in bounded time, checked before it is parsed (counting '<' is linear)."""
    fix = "save the article's own page (a reader view), or give its text as a .txt file"
    if len(data) > PAGE_BYTES:
        raise ArticleError(name, f"the page is larger than {PAGE_BYTES // 1024 // 1024} MB, the most timeline reads of a web page", fix)
    tags = data.count(b"<")
    if tags > PAGE_TAGS:
        raise ArticleError(name, f"the page has {tags:,} tags, more than the {PAGE_TAGS:,} timeline reads", fix)


def without_leading_date(text: str, published: dt.date | None) -> str:
    """A page's dateline ("14 oktober 2025" under its headline) is not the story's first words."""
    from timeline.temporal.tagger import extract

    found = extract(text[:80], published or dt.date(2000, 1, 1))
    if found and found[0].offset[0] == 0 and found[0].period is not None and found[0].period.grain.rank <= 3:
        return text[found[0].offset[1]:].lstrip(" ,.-–|")
    return text


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def jsonl_lines(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """(name with line number, the line's bytes) for each non-empty line of a JSON Lines file."""
    return [(f"{name}:{number}", line) for number, line in enumerate(data.split(b"\n"), 1) if line.strip()]


def line_parts(name: str, data: bytes) -> tuple[str, Entry]:
    """One JSON Lines article: its text and the fields it gives."""
    try:
        raw = json.loads(data.decode("utf-8"))
        json.dumps(raw, ensure_ascii=False).encode("utf-8")  # a lone surrogate escape ("\ud800") is no text
        found = Line.model_validate(raw)
    except UnicodeEncodeError:
        raise ArticleError(name, "a lone surrogate escape (such as \\ud800) is no character",
                           "write the character itself, or its pair of escapes, or leave it out") from None
    except ValidationError as error:
        problem = error.errors()[0]
        raise ArticleError(name, f"{field_of(problem, 'line')}: {problem['msg']}",
                           "give text as a string, published as YYYY-MM-DD, url as an http(s) address") from None
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise ArticleError(name, f"not a JSON object ({str(error).splitlines()[0]})",
                           'write one article a line as {"text": "...", "published": "2025-12-17"}') from None
    meta = Entry(**found.model_dump(exclude={"text"}))
    return found.text, meta
