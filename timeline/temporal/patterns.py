"""Patterns compiled when first used, and the shape of a pattern that starts at a word."""

from __future__ import annotations

import re


class Patterns(dict):
    """Name -> compiled pattern, each compiled when first asked for: one phrase needs few of them.

    A dict whose missing names compile on the spot: once compiled, a lookup is a plain dict lookup.
    It holds only what was asked for; `sources` names them all.
    """

    def __init__(self, sources: dict[str, str], flags: int = 0) -> None:
        super().__init__()
        self.sources, self.flags = sources, flags

    def __missing__(self, name: str) -> re.Pattern[str]:
        pattern = self[name] = re.compile(self.sources[name], self.flags)
        return pattern


def at_word_start(body: str) -> re.Pattern[str]:
    """`body` where a word starts, searched in lower-case text given one leading space (see word_start)."""
    return re.compile(word_start(body))


def word_start(body: str) -> str:
    """The source of `body` where a word starts, searched in lower-case text given one leading space.

    The pattern matches the character before the word instead of looking behind:
    a pattern that opens with a character class lets the regex engine skip ahead
    to the few places worth trying. A match starts one before its word. A word glued to a word and a full stop
    is the end of a web name ("FrisseWind.nu", "nu.nl"), no word of its own.
    """
    return r"[^a-z0-9](?<=\W)(?<![a-z]\.)" + body  # not after "frissewind." in "frissewind.nu": a web name
