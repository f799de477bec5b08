"""The trained tagger: an averaged perceptron, tagging left to right.

The model file holds the tag list, the weights (feature -> [[tag index, weight], ...]), the
lexicon (word -> the tags it was seen with) and the words that always carry one tag. Tagging
sums each word's blocks of weights once and keeps the sums (per word type, per pair of
neighbours, per word in its tag context), so a warm tagger mostly adds four short vectors per word.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from timeline.temporal.pos.features import OPENING, START, punctuation, END, advance, context, ending, neighbour, own, pair, word_class

CACHE_LIMIT = 200_000


class Model:
    def __init__(self, data: dict):
        self.tags: list[str] = data["tags"]
        self.weights = {f: tuple((int(i), w) for i, w in row) for f, row in data["weights"].items()}
        self.lexicon: dict[str, str] = data["lexicon"]
        self.fixed: dict[str, str] = data["fixed"]
        self.blocks: dict[tuple[int, str], list[float]] = {}
        self.contexts: dict[tuple[str, str, str, str], list[float]] = {}
        self.classes: dict[str, str] = {}
        self.pairs: dict[tuple[str, str], list[float]] = {}
        self.left: dict[tuple[str, str], list[float]] = {}  # the two words before, summed
        self.right: dict[tuple[str, str], list[float]] = {}  # the two words after
        self.middle: dict[tuple[str, str], list[float]] = {}  # the word, after the previous tag

    @classmethod
    def load(cls, path: str | Path) -> "Model":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return cls(json.load(handle))

    def vector(self, features: list[str]) -> list[float]:
        scores = [0.0] * len(self.tags)
        weights = self.weights
        for feature in features:
            for index, weight in weights.get(feature, ()):
                scores[index] += weight
        return scores

    def block(self, offset: int, word: str) -> list[float]:
        key = (offset, word)
        found = self.blocks.get(key)
        if found is None:
            if len(self.blocks) > CACHE_LIMIT:
                self.blocks.clear()
            if offset:
                found = self.vector(neighbour(word, self.lexicon, offset))
            else:  # the ending's share is kept apart: words with the same last four letters share it
                found = add(self.ending(word[-4:].lower()), self.vector(own(word, self.lexicon)))
            self.blocks[key] = found
        return found

    def ending(self, tail: str) -> list[float]:
        key = (9, tail)
        found = self.blocks.get(key)
        if found is None:
            found = self.blocks[key] = self.vector(ending(tail))
        return found

    def word_class(self, word: str) -> str:
        found = self.classes.get(word)
        if found is None:
            if len(self.classes) > CACHE_LIMIT:
                self.classes.clear()
            found = self.classes[word] = word_class(word, self.lexicon)
        return found

    def context(self, before2: str, before: str, cls: str, state: str) -> list[float]:
        key = (before2, before, cls, state)
        found = self.contexts.get(key)
        if found is None:
            if len(self.contexts) > CACHE_LIMIT:
                self.contexts.clear()
            found = self.contexts[key] = self.vector(context(before2, before, cls, state))
        return found

    def pair(self, before: str, word: str) -> list[float]:
        key = (before, word)
        found = self.pairs.get(key)
        if found is None:
            if len(self.pairs) > CACHE_LIMIT:
                self.pairs.clear()
            found = self.pairs[key] = self.vector(pair(before, word))
        return found

    def tag(self, words: list[str]) -> list[str]:
        """Each word's tag, left to right. Per word it adds four cached sums: the two words before
        it, the two after it, the word itself after the previous tag, and the tags before it
        with the word's class and its clause so far."""
        padded = [START, START, *words, END, END]
        tags, fixed = self.tags, self.fixed
        left, right, middle = self.left, self.right, self.middle
        if len(middle) > CACHE_LIMIT or len(left) > CACHE_LIMIT or len(right) > CACHE_LIMIT:
            left.clear(), right.clear(), middle.clear()
        found: list[str] = []
        before2 = before = START
        state = OPENING
        for i, word in enumerate(words, 2):
            tag = fixed.get(word) or punctuation(word)
            if tag is None:
                key = (padded[i - 2], padded[i - 1])
                a = left.get(key) or left.setdefault(key, add(self.block(-2, key[0]), self.block(-1, key[1])))
                key = (padded[i + 1], padded[i + 2])
                b = right.get(key) or right.setdefault(key, add(self.block(1, key[0]), self.block(2, key[1])))
                key = (before, word)
                c = middle.get(key) or middle.setdefault(key, add(self.block(0, word), self.pair(before, word)))
                d = self.context(before2, before, self.word_class(word), state)
                scores = [w + x + y + z for w, x, y, z in zip(a, b, c, d)]
                tag = tags[scores.index(max(scores))]
            found.append(tag)
            before2, before, state = before, tag, advance(state, word, tag)
        return found


def add(a: list[float], b: list[float]) -> list[float]:
    return [x + y for x, y in zip(a, b)]
