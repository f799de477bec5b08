"""The manifest beside the articles (published.toml): publication dates by file name."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path

from timeline.errors import ArticleError

MANIFEST = "published.toml"


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
