"""An article's story as sentences: soft-wrapped lines joined, headings kept apart.

A sentence ends at a stop outside a quotation, before a capital, a digit or an
opening quote, and not after an abbreviation ("o.a.", "dhr.", "nov.") or an
initial. Version numbers (GPT-5.1) and decimals (1,9 or 1.9) hold no space
after their point, so they never end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.read.article import Article
from timeline.read.header import lines_from
from timeline.temporal.language import load

# A candidate end: sentence punctuation, any closing quotes or brackets, then space or the end.
END = re.compile(r"[.!?…■]+[’”\"'»)]*(?=\s|$)")
OPENING = re.compile(r"\s*(?:$|[‘“„\"'«(\[]?[A-ZÀ-Ý0-9■])")  # also a low quote: „Geld is niet ...
WORD_BEFORE_REVERSED = re.compile(r"\n?(\S+)")  # "(\S+)$" read from the end: no scan from the start
LOOK_BACK = 80
SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])(?=\s|$)")
SPACED_STOPS = tuple(" " + stop for stop in ".,;:!?")
QUOTE_MARKS = re.compile("[‘“«\"”»’]")
QUOTE_REACH = 600  # a quotation left open longer than this is a stray mark, not a quotation
HEADING_MAX = 90
STOPS = (".", "!", "?", "…", "■", "”", "’", '"', ":")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # white space folded; start/end index the article's text
    heading: bool = False  # a line of its own without a full stop: a subheading


def sentences(article: Article, language: str = "nl") -> list[Sentence]:
    """The story's sentences, soft-wrapped lines joined, headings kept apart."""
    text, found = article.text, []
    words = load(language).text
    connectives, abbreviations = frozenset(words.connectives), frozenset(words.abbreviations)
    for block_start, block in blocks(text, article.body_start, connectives):
        stripped = block.strip()
        heading = "\n" not in stripped and not stripped.endswith(STOPS) and len(stripped) <= HEADING_MAX
        for low, high in split(block, abbreviations):
            piece = block[low:high]
            folded = fold(piece)
            if len(folded) > 1:
                lead = len(piece) - len(piece.lstrip())
                found.append(Sentence(block_start + low + lead, block_start + low + len(piece.rstrip()), folded, heading))
    if len(found) > 1 and not found[-1].heading and found[-1].text[-1:].isalpha() and found[-2].text.endswith(STOPS):
        found.pop()  # "... Eerder dit jaar waarschuwde Fouquet nog": a text cut off mid-sentence, no news to tell
    return found


def fold(piece: str) -> str:
    """White space folded, and no space left before a stop ("Stargate-project ."); folded, a space is the only
    white space left, so a text with no space before a stop is done without the pattern."""
    folded = " ".join(piece.split())
    return SPACE_BEFORE_STOP.sub(r"\1", folded) if any(map(folded.__contains__, SPACED_STOPS)) else folded


def split(block: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of a block's sentences."""
    spans, low, quoted = [], 0, quotations(block)
    for match in END.finditer(block):
        if not OPENING.match(block, match.end()) or quoted(match.end()):
            continue
        if match.group(0)[0] == "." and is_abbreviation(block[low : match.start()], abbreviations):
            continue
        spans.append((low, match.end()))
        low = match.end()
    if block[low:].strip():
        spans.append((low, len(block)))
    return spans


def is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    """"o.a.", "dhr.", "jan." or an initial ("J.") stands right before this full stop."""
    raw = last_word(before)
    if raw is None:
        return False
    raw = raw.lstrip("‘“\"'(")
    return (raw.lower() + ".") in abbreviations or (len(raw) == 1 and raw.isupper())


def last_word(before: str) -> str | None:
    """The word that ends `before` (what "(\\S+)$" finds), read from the end."""
    tail = before[-LOOK_BACK:]
    word = WORD_BEFORE_REVERSED.match(tail[::-1])
    if word and word.end() == len(tail) < len(before):  # a word longer than the look back
        word = WORD_BEFORE_REVERSED.match(before[::-1])
    return word.group(1)[::-1] if word else None


def quotations(block: str):
    """A test of whether a position lies inside a quotation (‘…’, “…”, "…", «…»).

    ’ between two letters is an apostrophe (OpenAI’s), not a closing quote.
    """
    inside: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in QUOTE_MARKS.finditer(block):  # only the marks change what is open
        index, char = mark.start(), mark.group(0)
        if opened is not None and index - opened > QUOTE_REACH:
            opened = None
        if char in "‘“«" or (char == '"' and opened is None):
            opened = index if opened is None else opened
        elif char in "”»\"" or (char == "’" and not between_letters(block, index)):
            if opened is not None:
                inside.append((opened, index))
            opened = None
    return lambda position: any(a < position < b for a, b in inside)


def between_letters(block: str, index: int) -> bool:
    return 0 < index < len(block) - 1 and block[index - 1].isalpha() and block[index + 1].isalpha()


def blocks(text: str, start: int, connectives: frozenset[str]) -> list[tuple[int, str]]:
    """Stretches of text that run on across soft line breaks."""
    result, current_start, current = [], None, ""
    lines = list(lines_from(text, start))
    for index, (line_start, line_end, line) in enumerate(lines):
        first = current_start is None
        if first:
            current_start, current = line_start, ""
        current += text[line_start:line_end]
        following = lines[index + 1][2] if index + 1 < len(lines) else ""
        if ends_block(line, first, connectives, following):
            result.append((current_start, current))
            current_start = None
    if current_start is not None:
        result.append((current_start, current))
    return result


def ends_block(line: str, first: bool, connectives: frozenset[str], following: str = "") -> bool:
    """A line ends its block at a full stop, or as a heading: a short line of its own
    (not one that runs on into a line starting in lower case)."""
    if not line or line.endswith(STOPS):
        return True
    words = line.split()
    if not first:
        return False
    is_heading = len(line) <= HEADING_MAX and words[-1].lower() not in connectives
    runs_on = following[:1].islower()
    return is_heading and line[0].isupper() and not runs_on
