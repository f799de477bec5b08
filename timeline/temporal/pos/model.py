"""The trained tagger: an averaged perceptron, tagging left to right.

The model file holds the tag list, the weights (feature -> [[tag index, weight], ...]), the
lexicon (word -> the tags it was seen with) and the words that always carry one tag. Tagging
sums each word's blocks of weights once per word type and keeps the sums, so a warm tagger
mostly adds a few short vectors per word.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from timeline.temporal.pos.features import OPENING, START, punctuation, END, advance, context, current, neighbour, word_class

CACHE_LIMIT = 200_000


class Model:
    def __init__(self, data: dict):
        self.tags: list[str] = data["tags"]
        self.weights: dict[str, list[list[float]]] = data["weights"]
        self.lexicon: dict[str, str] = data["lexicon"]
        self.fixed: dict[str, str] = data["fixed"]
        self.blocks: dict[tuple[int, str], list[float]] = {}
        self.contexts: dict[tuple[str, str, str, str], list[float]] = {}
        self.classes: dict[str, str] = {}

    @classmethod
    def load(cls, path: str | Path) -> "Model":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return cls(json.load(handle))

    def vector(self, features: list[str]) -> list[float]:
        scores = [0.0] * len(self.tags)
        weights = self.weights
        for feature in features:
            for index, weight in weights.get(feature, ()):
                scores[int(index)] += weight
        return scores

    def block(self, offset: int, word: str) -> list[float]:
        key = (offset, word)
        found = self.blocks.get(key)
        if found is None:
            if len(self.blocks) > CACHE_LIMIT:
                self.blocks.clear()
            feats = current(word, self.lexicon) if offset == 0 else neighbour(word, self.lexicon, offset)
            found = self.blocks[key] = self.vector(feats)
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

    def tag(self, words: list[str]) -> list[str]:
        padded = [START, START, *words, END, END]
        block, tags, fixed = self.block, self.tags, self.fixed
        found: list[str] = []
        before2 = before = START
        state = OPENING
        indices = range(len(tags))
        for i, word in enumerate(words, 2):
            tag = fixed.get(word) or punctuation(word)
            if tag is None:
                rows = zip(block(0, word), block(-1, padded[i - 1]), block(1, padded[i + 1]),
                           block(-2, padded[i - 2]), block(2, padded[i + 2]),
                           self.context(before2, before, self.word_class(word), state))
                scores = [a + b + c + d + e + f for a, b, c, d, e, f in rows]
                tag = tags[max(indices, key=scores.__getitem__)]
            found.append(tag)
            before2, before, state = before, tag, advance(state, word, tag)
        return found
