"""Reads the readable phrase corpus in tests/corpus/: `phrase => VALUE [MOD] [START..END]` lines
(the format is timeline.corpus's, which `timeline evaluate` also reads)."""

from __future__ import annotations

from pathlib import Path

from timeline.corpus import LIMIT, MODS, Case, moment, parse_case, read_cases, read_negatives  # noqa: F401

HERE = Path(__file__).parent / "corpus"


def cases(name: str = "nl.txt") -> list[Case]:
    return read_cases(HERE / name)


def negatives(name: str = "nl_negative.txt") -> list[tuple[int, str, str | None]]:
    """(line, text, limit): a text that must give no date; "(limit: why)" marks one that still does."""
    return read_negatives(HERE / name)
