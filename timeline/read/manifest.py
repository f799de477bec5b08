"""The manifest beside the articles (published.toml): by file name, each article's
publication date and what readers know it by (title, outlet, url, author).

Each entry is validated on its own: a bad entry skips its article with a message
naming the manifest, the line and the fix; the other articles are read.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from timeline.errors import ArticleError, field_of

if TYPE_CHECKING:
    from timeline.read.entry import Entry

MANIFEST = "published.toml"


def manifest_entry(path: Path) -> Entry | None:
    """What the folder's published.toml says of the article, if anything."""
    table, source = manifest(path.parent)
    raw = table.get(path.name)
    if raw is None:
        return None
    where = f"{path.parent / MANIFEST}:{line_of(source, path.name)}"
    if not isinstance(raw, dict):
        raise ArticleError(where, f"the entry for {path.name!r} is not a table",
                           f'write it as ["{path.name}"] with published = 2025-12-17 under it')
    from pydantic import ValidationError

    from timeline.read.entry import Entry  # pydantic only for an article the manifest names

    try:
        entry = Entry.model_validate(raw)
    except ValidationError as error:
        problem = error.errors()[0]
        raise ArticleError(where, f"{path.name}: {field_of(problem, 'entry')}: {problem['msg']}",
                           "give published as a TOML date (published = 2025-12-17), approximate and title_written "
                           "as true or false, url as an http(s) address") from None
    return entry


def line_of(source: str, name: str) -> int:
    return next((n for n, line in enumerate(source.splitlines(), 1) if name in line), 1)


@lru_cache(maxsize=64)
def manifest(folder: Path) -> tuple[dict, str]:
    """A folder's published.toml and its text, read once per run."""
    found = folder / MANIFEST
    if not found.is_file():
        return {}, ""
    import tomllib  # only beside a manifest

    try:
        source = found.read_text("utf-8")
        return tomllib.loads(source), source
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ArticleError(str(found), f"cannot read the manifest ({error})", "fix its TOML") from error
