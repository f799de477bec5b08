"""An averaged perceptron for training (Collins 2002; averaging kept lazily, as in Honnibal's tagger)."""

from __future__ import annotations

from collections import defaultdict


class Perceptron:
    def __init__(self, classes: int):
        self.classes = classes
        self.weights: dict[str, dict[int, float]] = defaultdict(dict)
        self.totals: dict[tuple[str, int], float] = defaultdict(float)
        self.stamps: dict[tuple[str, int], int] = defaultdict(int)
        self.instances = 0

    def predict(self, features: list[str]) -> int:
        scores = [0.0] * self.classes
        weights = self.weights
        for feature in features:
            row = weights.get(feature)
            if row:
                for cls, weight in row.items():
                    scores[cls] += weight
        return max(range(self.classes), key=lambda c: (scores[c], -c))

    def update(self, truth: int, guess: int, features: list[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        for feature in features:
            row = self.weights[feature]
            for cls, change in ((truth, 1.0), (guess, -1.0)):
                weight = row.get(cls, 0.0)
                key = (feature, cls)
                self.totals[key] += (self.instances - self.stamps[key]) * weight
                self.stamps[key] = self.instances
                row[cls] = weight + change

    def averaged(self, places: int = 3) -> dict[str, list[list[float]]]:
        """The averaged weights, rounded, as feature -> [[class, weight], ...] without the zeros."""
        result = {}
        for feature, row in self.weights.items():
            kept = []
            for cls, weight in sorted(row.items()):
                key = (feature, cls)
                total = self.totals[key] + (self.instances - self.stamps[key]) * weight
                average = round(total / self.instances, places)
                if average:
                    kept.append([cls, average])
            if kept:
                result[feature] = kept
        return result
