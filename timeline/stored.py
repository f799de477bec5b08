"""The store's sources and story read back in order (timeline.store): a sequence never all in memory."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline.build import SOURCE_FIELDS
from timeline.models import Event, Source

if TYPE_CHECKING:
    from timeline.store import Store


class StoredSources:
    """The sources of the articles read, read from the store in order each time they are iterated."""

    def __init__(self, store: Store):
        self.store = store

    def __iter__(self) -> Iterator[Source]:
        self.store.flush()
        cursor = self.store.db.cursor()
        for (rec,) in cursor.execute("SELECT rec FROM source ORDER BY seq"):
            yield Source(**dict(zip(SOURCE_FIELDS, pickle.loads(rec))))


class StoredEvents:
    """The story's events as a sequence read from the store in order, never all at once."""

    def __init__(self, store: Store, count: int):
        self.store, self.count = store, count

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Event]:
        cursor = self.store.db.cursor()  # its own cursor: several readers may be at work at once
        for (rec,) in cursor.execute("SELECT rec FROM story ORDER BY pos"):
            yield pickle.loads(rec)

    def years(self) -> list[tuple[int, int]]:
        """Each year the story's events start in, with how many, in order."""
        return self.store.db.execute("SELECT year, COUNT(*) FROM story GROUP BY year ORDER BY year").fetchall()

    def of_year(self, year: int) -> Iterator[Event]:
        """The events that start in `year`, in order."""
        cursor = self.store.db.cursor()
        for (rec,) in cursor.execute("SELECT rec FROM story WHERE year = ? ORDER BY pos", (year,)):
            yield pickle.loads(rec)

    def __getitem__(self, index: int) -> Event:
        if not isinstance(index, int):
            raise TypeError("stored events are read one at a time or in order")
        index = index + self.count if index < 0 else index
        row = self.store.db.execute("SELECT rec FROM story WHERE pos = ?", (index + 1,)).fetchone()
        if row is None:
            raise IndexError(index)
        return pickle.loads(row[0])
