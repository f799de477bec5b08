"""Dutch part-of-speech tags, with number, from a trained tagger shipped with the package.

    >>> words = tokens("Gisteren zei de Franse minister van Financiën dat hij aftreedt.")
    >>> tag(words)[:2]
    ['BW', 'WW|pv|verl|ev']

The model (`timeline/temporal/lang/nl.pos.json.gz`, learned from the UD Dutch treebanks and
rebuilt by `python -m timeline.temporal.pos.train`) is read on the first call of `tag`, not on
import. See `tags` for the tag set and `chunks` for phrases and clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from timeline.temporal.pos.chunks import Chunk, Clause, chunks, clauses, noun_phrases
from timeline.temporal.pos.tags import category, is_finite, is_name, is_noun, is_verb, number, tense

MODEL = Path(__file__).resolve().parent.parent / "lang" / "nl.pos.json.gz"
# Words as the story splits them (timeline.story.words.TOKEN: letters, digits, apostrophes, hyphens),
# but with numbers kept whole (1,5 and 3.000), abbreviations kept whole (o.a.) and quotes split off.
TOKEN = re.compile(  # a web name ("FrisseWind.nu", "nu.nl") is one word
    r"\d+(?:[.,:]\d+)+|[^\W\d_][\w-]*\.(?:nl|nu|com|org|net|eu|be|de|io|ai|info)\b(?!\.\w)|(?:\w\.){2,}|['’][stn]\b"
    r"|[A-Z]\.(?=\s+[a-z\"“‘„])"  # "zei V. dat", "V. \"alleen wilde praten\"": a surname's initial, one word
    r"|\w(?:[\w’'-]*\w)?|[^\w\s]")

__all__ = ["Chunk", "Clause", "Token", "category", "chunks", "clauses", "finite_verbs", "is_finite", "is_name",
           "is_noun", "is_verb", "noun_phrases", "number", "tag", "tagged", "tagged_spans", "tense", "tokens"]


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int  # offsets in the text, end exclusive
    tag: str


@lru_cache(maxsize=1)
def loaded_model():
    from timeline.temporal.pos.model import Model

    return Model.load(MODEL)


def tokens(text: str) -> list[str]:
    """The words and punctuation of a Dutch text, in order."""
    return TOKEN.findall(text)


def tag(words: list[str]) -> list[str]:
    """One tag per word (see `timeline.temporal.pos.tags`): "WW|pv|verl|ev", "N|soort|mv", "LID|bep", ..."""
    found = loaded_model().tag(list(words)) if words else []
    return [WEB_NAME_TAG if WEB_NAME.fullmatch(w) else t for w, t in zip(words, found)]


WEB_NAME = re.compile(r"[^\W\d_][\w-]*\.[a-z]{2,4}")  # "FrisseWind.nu", "nu.nl": a name, whatever the model says
WEB_NAME_TAG = "N|eigen|ev"


def tagged(text: str) -> list[Token]:
    """The text's tokens with their offsets and tags."""
    return tagged_spans([(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)])


def tagged_spans(found: list[tuple[str, int, int]]) -> list[Token]:
    """Tokens (word, start, end) as TOKEN finds them in a text, with their tags."""
    return [Token(w, s, e, t) for (w, s, e), t in zip(found, tag([w for w, _, _ in found]))]


def finite_verbs(tags: list[str]) -> list[tuple[int, str]]:
    """(index, "present" or "past") of each finite verb."""
    return [(i, tense(t)) for i, t in enumerate(tags) if is_finite(t)]
