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
    table, lines = manifest(path.parent)
    raw = table.get(path.name)
    if raw is None:
        return None
    where = f"{path.parent / MANIFEST}:{lines.get(path.name, 1)}"
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


@lru_cache(maxsize=64)
def manifest(folder: Path) -> tuple[dict, dict[str, int]]:
    """A folder's published.toml and the line of each entry (found in one pass), read once per run."""
    found = folder / MANIFEST
    if not (found.exists() or found.is_symlink()):
        return {}, {}
    import tomllib  # only beside a manifest

    from timeline.bounded import MANIFEST as LIMIT, key_lines, read_text, toml_of

    source = read_text(found, LIMIT, "give a regular published.toml of at most 16 MB", ArticleError)
    try:
        return toml_of(source), key_lines(source)
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(str(found), f"cannot read the manifest ({error})", "fix its TOML") from error
