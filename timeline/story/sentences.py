"""An article's story as sentences: soft-wrapped lines joined, headings kept apart."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.read.article import Article
from timeline.read.header import lines_from
from timeline.temporal.language import load

SENTENCE = re.compile(r"[^.!?…■]+(?:[.!?…■]+[’”\"']?|$)")
HEADING_MAX = 90


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # white space folded; start/end index the article's text



def sentences(article: Article, language: str = "nl") -> list[Sentence]:
    """The story's sentences, soft-wrapped lines joined, headings kept apart."""
    text, found = article.text, []
    connectives = frozenset(load(language).text.connectives)
    for block_start, block in blocks(text, article.body_start, connectives):
        for match in SENTENCE.finditer(block):
            piece = match.group(0)
            folded = " ".join(piece.split())
            if len(folded) > 1:
                lead = len(piece) - len(piece.lstrip())
                start = block_start + match.start() + lead
                found.append(Sentence(start, block_start + match.start() + len(piece.rstrip()), folded))
    return found


def blocks(text: str, start: int, connectives: frozenset[str]) -> list[tuple[int, str]]:
    """Stretches of text that run on across soft line breaks."""
    result, current_start, current = [], None, ""
    for line_start, line_end, line in lines_from(text, start):
        first = current_start is None
        if first:
            current_start, current = line_start, ""
        current += text[line_start:line_end]
        if ends_block(line, first, connectives):
            result.append((current_start, current))
            current_start = None
    if current_start is not None:
        result.append((current_start, current))
    return result


def ends_block(line: str, first: bool, connectives: frozenset[str]) -> bool:
    """A line ends its block at a full stop, or as a heading: a short line of its own."""
    if not line or line.endswith((".", "!", "?", "■", "”", "’", '"', ":")):
        return True
    words = line.split()
    if not first:
        return False
    is_heading = len(words) >= 2 and len(line) <= HEADING_MAX and words[-1].lower() not in connectives
    return is_heading and line[0].isupper()
