"""Repeats within one article: a pull quote or a sentence told again is one candidate, the fullest telling."""

from __future__ import annotations

import re

from timeline.story.records import Candidate

NEAR = 16  # how many earlier tellings a near repeat is compared with


def words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def repeat_key(candidate: Candidate) -> tuple:
    """Repeats share their date and their first words: only those are compared."""
    date = candidate.date
    return (date.value, date.mod, candidate.kind == "lead", tuple(candidate.text.lower().split()[:4]))


def drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the fullest telling of each repeated sentence (a pull quote), where it first stood.

    A repeat has the same date and says (nearly) all the other says: 80% of the
    shorter one's words. An exact repeat is found at once; a near one is looked
    for among the last few tellings of its date and opening words, so 20,000
    lines that open alike stay linear.
    """
    kept: list[Candidate] = []
    exact: dict[tuple, int] = {}
    buckets: dict[tuple, list[tuple[int, frozenset[str]]]] = {}
    for item in candidates:
        same = (repeat_key(item), " ".join(item.text.lower().split()))
        if same in exact:
            continue
        said = words(item.text)
        bucket = buckets.setdefault(repeat_key(item), [])
        twin = next((i for i, w in bucket[-NEAR:] if len(w & said) >= 0.8 * min(len(w), len(said))), None)
        if twin is None:
            exact[same] = len(kept)
            bucket.append((len(kept), said))
            kept.append(item)
        elif len(item.text) > len(kept[twin].text):
            kept[twin] = item
    return kept
