"""One article's entry in the manifest, validated by pydantic (imported only where a manifest names it)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import ConfigDict, StrictBool, StringConstraints

from timeline.models import Shown


class Entry(Shown):
    """One article's line in the manifest."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    published: dt.date | None = None
    approximate: StrictBool = False
    why: str | None = None
    title: str | None = None
    title_written: StrictBool = False
    outlet: str | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    author: str | None = None
