"""Articles held in memory (a CMS hook, a notebook): the library's `Article`, read as a text file is.

An `Article`'s text is read like the text of a `.txt` file (a `date` line, a
title line, a byline and a dateline at its top are found the same way), and its
other fields say what a manifest entry would: `published`, `title`, `outlet`,
`url`, `author`. Its `name` is how messages and `timeline.json` name it, and its
event ids follow the last part of that name as they follow a file's name; an
article without a name is `<article N>`, its ids following its `url`, else its text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, StrictBool, StringConstraints, ValidationError, field_validator

from timeline.errors import ArticleError, field_of
from timeline.models import Shown
from timeline.read.entry import Entry
from timeline.read.inputs import MAX_BYTES, Input

FIX = "give text as a string, published as a date or YYYY-MM-DD, url as an http(s) address"


class Article(Shown):
    """An article held in memory: its text and what is known of it. Unknown fields are errors,
    and so is a bad value: an `ArticleError` (a `TimelineError`) naming the field."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    name: str | None = None  # how messages and sources name it; its ids follow its last part
    published: dt.date | None = None  # else the text's `date` line or byline gives it
    approximate: StrictBool = False  # the publication date is an estimate ("rond 30 december 2025")
    title: str | None = None
    title_written: StrictBool = False  # the title is an editor's summary, not the article's own headline
    outlet: str | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    author: str | None = None

    def __init__(self, **fields: object) -> None:
        try:
            super().__init__(**fields)
        except ValidationError as error:
            raise invalid(fields.get("name"), error) from None

    @classmethod
    def model_validate(cls, obj: object, **how: object) -> Article:  # type: ignore[override]
        try:
            return super().model_validate(obj, **how)  # type: ignore[arg-type]
        except ValidationError as error:
            raise invalid(obj.get("name") if isinstance(obj, Mapping) else None, error) from None

    @classmethod
    def of(cls, value: Article | Mapping[str, object]) -> Article:
        """The article itself, or one made from a mapping of its fields."""
        if isinstance(value, Article):
            return value
        if not isinstance(value, Mapping):
            raise ArticleError("article", f"{type(value).__name__} is no article",
                               "give a path, an Article or a dict of its fields")
        return cls(**dict(value))

    @field_validator("published", mode="before")
    @classmethod
    def _no_number(cls, value: object) -> object:
        """A number is no date: 20251217 could be a day or a second count since 1970."""
        if isinstance(value, (int, float)):
            raise ValueError(f"a number ({value}) is no date")
        return value

    def entry(self) -> Entry:
        """What it says of itself, as a manifest entry would say it."""
        return Entry(**self.model_dump(exclude={"text", "name"}))


def invalid(name: object, error: ValidationError) -> ArticleError:
    problem = error.errors()[0]
    where = name if isinstance(name, str) and name else "article"
    return ArticleError(where, f"{field_of(dict(problem), 'article')}: {problem['msg']}", FIX)


def held(article: Article, number: int, max_bytes: int = MAX_BYTES) -> Input:
    """The article as an input to read, like a file's (its bytes at most `max_bytes`)."""
    name = article.name or f"<article {number}>"
    if article.name:
        identity = unicodedata.normalize("NFC", Path(article.name).name) or article.name
    else:
        identity = article.url or "memory:" + hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:16]
    return Input(Path(article.name or "-"), name, article.text.encode("utf-8"), max_bytes=max_bytes, kind="memory",
                 identity=identity, entry=article.entry())
