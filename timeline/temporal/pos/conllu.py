"""Reading CoNLL-U files (the Universal Dependencies treebanks) as (word, CGN tag) sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def sentences(path: str | Path) -> Iterator[list[tuple[str, str]]]:
    """Each sentence of a CoNLL-U file as (form, XPOS) pairs; multiword and empty nodes left out."""
    sentence: list[tuple[str, str]] = []
    import io

    from timeline.bounded import open_regular  # a regular file, opened without blocking (never a FIFO)

    with io.TextIOWrapper(open_regular(path), encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) == 10 and cols[0].isdigit():
                    sentence.append((cols[1], cols[4]))
    if sentence:
        yield sentence
