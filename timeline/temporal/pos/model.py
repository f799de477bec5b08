"""The trained tagger: an averaged perceptron, tagging left to right.

The model file holds the tag list, the weights (feature -> [[tag index, weight], ...]), the
lexicon (word -> the tags it was seen with) and the words that always carry one tag. Tagging
sums the weights of each block of features once (per word type and position, per previous tag
and word, per tag context) and keeps the sums, so a warm tagger adds seven short vectors per word.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from timeline.temporal.pos.constraints import mend
from timeline.temporal.pos.features import OPENING, START, punctuation, END, advance, context, ending, neighbour, own, pair, word_class

CACHE_MB = 64  # the memo tables' bound in memory, all of them together (see `Model.kept`, `memo_limit`)
TABLES = 8  # the memo tables of vectors: blocks at five offsets and endings, contexts, pairs (classes, shortcuts: a short string each)


class Model:
    def __init__(self, data: dict, weights: dict[str, tuple[tuple[int, float], ...]] | None = None):
        self.tags: list[str] = data["tags"]
        self.weights = weights if weights is not None else held(data["weights"])
        self.lexicon: dict[str, str] = data["lexicon"]
        self.fixed: dict[str, str] = data["fixed"]
        self.blocks: dict[int, dict[str, list[float]]] = {o: {} for o in (-2, -1, 0, 1, 2, 9)}  # by offset; 9: endings
        self.contexts: dict[tuple[str, str, str, str], list[float]] = {}
        self.classes: dict[str, str] = {}
        self.shortcuts: dict[str, str] = {}  # word -> its one tag, or "" for a word to score
        self.pairs: dict[tuple[str, str], list[float]] = {}
        self.aged: dict[int, dict] = {}  # each table's older generation, by the table's id
        self.limit = memo_limit(len(self.tags))

    def forget(self) -> None:
        """Empty the caches of summed weights (the benchmark's cold start)."""
        for cache in (*self.blocks.values(), self.contexts, self.classes, self.shortcuts, self.pairs):
            cache.clear()
        self.aged.clear()

    def kept(self, table: dict, key, make):
        """table[key] on a miss: taken back from the table's older generation, else made. A table
        at its limit becomes the older generation (the one before goes) and starts again empty:
        so what is in use stays at hand, and the tables' memory is bounded by `CACHE_MB` (what the
        archive's vocabulary would otherwise fill, a vector of floats for each word, pair and
        context seen). The values depend on their key alone: a forgotten one is made again the same."""
        old = self.aged.get(id(table))
        found = old.pop(key, None) if old else None
        if found is None:
            found = make()
        if len(table) >= self.limit:
            self.aged[id(table)] = table.copy()
            table.clear()
        table[key] = found
        return found

    @classmethod
    def load(cls, path: str | Path) -> "Model":
        """The model of the file; its parts as the model holds them are kept in timeline's cache between runs
        (timeline.temporal.cache, keyed by the file's bytes): read back in a fifth of what gunzip and JSON take."""
        from timeline.temporal.cache import cached

        tags, weights, lexicon, fixed = cached(f"{Path(path).name}.model", [str(path), __file__], lambda: parts(path))
        return cls({"tags": tags, "lexicon": lexicon, "fixed": fixed}, weights)

    def vector(self, features: list[str]) -> list[float]:
        scores = [0.0] * len(self.tags)
        weights = self.weights
        for feature in features:
            for index, weight in weights.get(feature, ()):
                scores[index] += weight
        return scores

    def block(self, offset: int, word: str) -> list[float]:
        """The summed weights of one word's features as the word at `offset` from the one tagged."""
        cache = self.blocks[offset]
        found = cache.get(word)
        if found is None:
            if offset:
                found = self.kept(cache, word, lambda: self.vector(neighbour(word, self.lexicon, offset)))
            else:  # the ending's share is kept apart: words with the same last four letters share it
                found = self.kept(cache, word, lambda: add(self.ending(word[-4:].lower()), self.vector(own(word, self.lexicon))))
        return found

    def ending(self, tail: str) -> list[float]:
        cache = self.blocks[9]
        found = cache.get(tail)
        if found is None:
            found = self.kept(cache, tail, lambda: self.vector(ending(tail)))
        return found

    def word_class(self, word: str) -> str:
        found = self.classes.get(word)
        if found is None:
            found = self.kept(self.classes, word, lambda: word_class(word, self.lexicon))
        return found

    def context(self, before2: str, before: str, cls: str, state: str) -> list[float]:
        key = (before2, before, cls, state)
        found = self.contexts.get(key)
        if found is None:
            found = self.kept(self.contexts, key, lambda: self.vector(context(before2, before, cls, state)))
        return found

    def shortcut(self, word: str) -> str:
        """The tag a word always carries (a frequent unambiguous word, punctuation), or "" if it must be scored."""
        return self.kept(self.shortcuts, word, lambda: self.fixed.get(word) or punctuation(word) or "")

    def pair(self, before: str, word: str) -> list[float]:
        key = (before, word)
        found = self.pairs.get(key)
        if found is None:
            found = self.kept(self.pairs, key, lambda: self.vector(pair(before, word)))
        return found

    def tag(self, words: list[str]) -> list[str]:
        """Each word's tag: the left-to-right pass, then the clause constraints (`constraints.mend`)."""
        return mend(words, self.first(words), self.lexicon)

    def first(self, words: list[str]) -> list[str]:
        """Each word's tag, left to right: the sum of seven cached vectors per word (the word, the
        two words on each side, the previous tag with the word, the tag context and clause)."""
        padded = [START, START, *words, END, END]
        tags, shortcuts, classes, contexts, pairs = self.tags, self.shortcuts, self.classes, self.contexts, self.pairs
        far_left, near_left, here, near_right, far_right = (self.blocks[o] for o in (-2, -1, 0, 1, 2))
        block = self.block
        found: list[str] = []
        before2 = before = START
        state = OPENING
        for i, word in enumerate(words, 2):
            tag = shortcuts.get(word)
            if tag is None:
                tag = self.shortcut(word)
            if not tag:
                w = padded[i - 2]
                a = far_left.get(w) or block(-2, w)
                w = padded[i - 1]
                b = near_left.get(w) or block(-1, w)
                c = here.get(word) or block(0, word)
                w = padded[i + 1]
                d = near_right.get(w) or block(1, w)
                w = padded[i + 2]
                e = far_right.get(w) or block(2, w)
                f = pairs.get((before, word)) or self.pair(before, word)
                key = (before2, before, classes.get(word) or self.word_class(word), state)
                g = contexts.get(key) or self.context(*key)
                scores = [p + q + r + t + u + v + x for p, q, r, t, u, v, x in zip(a, b, c, d, e, f, g)]
                tag = tags[scores.index(max(scores))]
            found.append(tag)
            before2, before, state = before, tag, advance(state, word, tag)
        return found


def memo_limit(tags: int, budget: int = CACHE_MB * 2**20) -> int:
    """Entries a memo table's generation holds so that all of them stay within `budget` bytes: an
    entry is at most a list of `tags` floats (each its own object) and its key, ~1.2 KB for 30 tags."""
    entry = sys.getsizeof([0.0] * tags) + tags * sys.getsizeof(0.0) + 160  # the key, the table's slot
    return max(1024, budget // (2 * TABLES * entry))


def add(a: list[float], b: list[float]) -> list[float]:
    return [x + y for x, y in zip(a, b)]


def held(weights: dict[str, list]) -> dict[str, tuple[tuple[int, float], ...]]:
    """The file's weights (feature -> [[tag index, weight], ...]) as the model holds them."""
    return {f: tuple((int(i), w) for i, w in row) for f, row in weights.items()}


def parts(path: str | Path) -> tuple[list[str], dict, dict[str, str], dict[str, str]]:
    """The tags, weights, lexicon and fixed words of a model file (gzipped JSON)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return data["tags"], held(data["weights"]), data["lexicon"], data["fixed"]
