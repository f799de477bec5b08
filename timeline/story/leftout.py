"""The sentences that gave no event, and why: for the review page and the desk (made only when asked)."""

from __future__ import annotations

import hashlib

from timeline.models import Source
from timeline.story.dating import choose, conditional
from timeline.story.events import Told
from timeline.story.records import LeftOut, Why, event_date
from timeline.story.syntax import outlook
from timeline.story.words import story_words


def left_reason(item: Told, language: str = "nl") -> str:
    """Why `classify` gave a sentence no event: heading, condition, outlook, no-happening (a date but
    no happening), recent (without a name and an amount), or the role that set its date aside
    (base, qualifier, bound, quoted, relative, recurring, topic), else "no date"."""
    words = story_words(language)
    if item.sentence.heading:
        return "heading"
    if conditional(item.raw, words) or outlook(item.raw, words):
        return "condition" if conditional(item.raw, words) else "outlook"
    dating = choose(item.raw, list(item.placed), words, bool(item.features.amounts), item.recent_word)
    return "no-happening" if dating.kind == "dated" else dating.rule


def left(item: Told, source: Source, identity: str, language: str) -> LeftOut:
    first = item.placed[0] if item.placed else None
    why = Why(item.raw, first.expression.text if first else "", first.start if first else -1,
              left_reason(item, language), len(item.placed))
    key = hashlib.sha1(f"{identity}|left|{item.raw}".encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return LeftOut(key, item.text, source, why, event_date(first.expression, language) if first else None)
