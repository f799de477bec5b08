"""How well tags match a treebank's: accuracy on the categories and on the number, and finite verbs with tense."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.temporal.pos.tags import category, reduce, tense


@dataclass
class Score:
    words: int = 0
    categories: int = 0  # words whose category (the tag without its number) is right
    full: int = 0  # words whose whole tag, number included, is right
    finite_true: int = 0  # finite verbs found with the right tense
    finite_found: int = 0
    finite_gold: int = 0

    def add(self, gold: list[str], guess: list[str]) -> None:
        for want, got in zip(gold, guess):
            self.words += 1
            self.categories += category(want) == category(got)
            self.full += want == got
            want_tense, got_tense = tense(want), tense(got)
            self.finite_gold += want_tense is not None
            self.finite_found += got_tense is not None
            self.finite_true += want_tense is not None and want_tense == got_tense

    @property
    def accuracy(self) -> float:
        return self.categories / self.words if self.words else 0.0

    @property
    def precision(self) -> float:
        return self.finite_true / self.finite_found if self.finite_found else 0.0

    @property
    def recall(self) -> float:
        return self.finite_true / self.finite_gold if self.finite_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def lines(self) -> list[str]:
        return [
            f"Tags (category): {self.categories}/{self.words} ({100 * self.accuracy:.2f}%)",
            f"Tags with number: {self.full}/{self.words} ({100 * self.full / max(self.words, 1):.2f}%)",
            f"Finite verbs with tense: precision {100 * self.precision:.2f}%, recall {100 * self.recall:.2f}%, "
            f"F1 {100 * self.f1:.2f}% ({self.finite_true} right, {self.finite_found} found, {self.finite_gold} in the file)",
        ]


def score(tagger, sentences) -> Score:
    """Tag each (form, CGN tag) sentence with `tagger` (words -> tags) and compare with its reduced tags."""
    result = Score()
    for sentence in sentences:
        words = [form for form, _ in sentence]
        result.add([reduce(xpos) for _, xpos in sentence], tagger(words))
    return result
