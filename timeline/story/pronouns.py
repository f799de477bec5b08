"""Pronouns and demonstratives that point back by number: a plural "ze" with a plural verb is the plural
subject before it; a demonstrative subject is the noun phrase just before it."""

from __future__ import annotations

from timeline.story.syntax import subject_span, tagged_plain
from timeline.story.words import StoryWords


def plural_subject(sentence: str, words: StoryWords) -> str:
    """The subject of a sentence when it is plural and no pronoun ("De ouders schreven ..."), else ""."""
    tokens = tagged_plain(sentence)
    span = subject_span(tokens, words)
    if span is None or not any(t.tag.startswith("N|") and t.tag.endswith("|mv") for t in tokens[span[0]:span[1]]):
        return ""
    return sentence[tokens[span[0]].start:tokens[span[1] - 1].end]


def demonstrative_named(sentence: str, before: list[str]) -> str:
    """"De beperking kwam er onder druk van de Amerikaanse regering. Die kondigde ... aan": a demonstrative
    subject is the last noun phrase before it, when their number agrees ("[de Amerikaanse regering] kondigde")."""
    tokens = tagged_plain(sentence[:80])
    if not before or len(tokens) < 2 or tokens[0].text.lower() not in ("die", "deze") or \
            not tokens[1].tag.startswith("WW|pv"):
        return sentence
    previous = tagged_plain(before[-1])
    head = next((k for k in range(len(previous) - 1, -1, -1) if previous[k].tag.startswith("N|")), None)
    if head is None or previous[head].tag.endswith("|mv") != tokens[1].tag.endswith("|mv"):
        return sentence
    first = head
    while first > 0 and previous[first - 1].tag.startswith(("LID", "ADJ", "VNW|bez", "N|eigen")):
        first -= 1
    return f"[{before[-1][previous[first].start:previous[head].end]}]{sentence[tokens[0].end:]}"


def plural_verb(text: str) -> bool:
    """Whether the sentence's first finite verb is plural ("melden", "kondigden")."""
    verb = next((t for t in tagged_plain(text[:120]) if t.tag.startswith("WW|pv")), None)
    return verb is not None and verb.tag.endswith("|mv")
