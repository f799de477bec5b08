"""Settings a user repeats, from `timeline.toml` or `[tool.timeline]` in pyproject.toml."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError

from timeline.errors import ConfigError, quoted
from timeline.models import Model
from timeline.bounded import SETTINGS, read_text, toml_of


class Settings(Model):
    """Defaults for `timeline build`; the command line still overrides each one."""

    out: str | None = None
    format: str | None = None
    templates: str | None = None
    language: Literal["nl"] | None = None
    prefer: Literal["tense", "past", "future"] | None = None
    title: str | None = None
    jobs: Annotated[int, Field(ge=1, le=64)] | None = None
    subject: str | None = None
    aliases: tuple[str, ...] | None = None
    key: Annotated[int, Field(ge=1)] | None = None
    calendar_url: str | None = None


def find(folder: Path) -> tuple[Path, dict] | None:
    """The settings table of the folder's timeline.toml, else of its pyproject.toml."""
    own = folder / "timeline.toml"
    if own.exists() or own.is_symlink():
        return own, read(own)
    project = folder / "pyproject.toml"
    if project.is_file():
        table = read(project).get("tool", {}).get("timeline")
        if table is not None:
            return project, table
    return None


def read(path: Path) -> dict:
    source = read_text(path, SETTINGS, "give regular settings of at most 1 MB", ConfigError)
    try:
        return toml_of(source)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: cannot read the settings ({error}); fix the file") from error


def load(folder: Path) -> Settings:
    found = find(folder)
    if found is None:
        return Settings()
    path, table = found
    known = list(Settings.model_fields)
    for key in table:
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean {quoted(near[0])}?" if near else f"known keys: {', '.join(known)}"
            raise ConfigError(f"{path}: unknown setting {quoted(key)}; {hint}")
    try:
        return Settings.model_validate(table)
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(str(p) for p in problem["loc"])
        raise ConfigError(f"{path}: setting {quoted(key)}: {problem['msg']}; fix its value") from error
