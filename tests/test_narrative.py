"""The text's own timeline: whole paragraphs where a later date counts from an
earlier one (tests/corpus/narrative.txt), beside deictic dates that keep the
publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus import LIMIT, moment, parse_case
from timeline import extract

CORPUS = Path(__file__).parent / "corpus" / "narrative.txt"


@dataclass(frozen=True)
class Block:
    line: int
    text: str
    reference: dt.date
    prefer: str
    expectations: tuple  # (line, phrase, Case or None for `none`, limit or None)

    def __str__(self) -> str:
        return f"narrative.txt:{self.line}"


def blocks() -> list[Block]:
    found, reference, prefer = [], None, "tense"
    lines, expect, start = [], [], 0

    def close():
        if lines:
            found.append(Block(start, " ".join(lines), reference, prefer, tuple(expect)))

    for number, raw in enumerate(CORPUS.read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("@reference"):
            reference = moment(line.split()[1])
        elif line.startswith("@prefer"):
            prefer = line.split()[1]
        elif line.startswith(">"):
            if not lines:
                start = number
            lines.append(line[1:].strip())
        elif " => " in line and not line.startswith("#"):
            phrase, value = (part.strip() for part in line.split(" => "))
            limit = LIMIT.search(value)
            value = LIMIT.sub("", value).strip()
            case = None if value == "none" else parse_case(number, phrase, value.split(), reference, prefer, "narrative.txt")
            expect.append((number, phrase, case, limit[1] if limit else None))
        elif not line:
            close()
            lines, expect = [], []
    close()
    return found


BLOCKS = blocks()


def marked(block: Block):
    """A paragraph with a "(limit: why)" expectation is a strict expected failure."""
    limits = [limit for *_, limit in block.expectations if limit]
    return pytest.param(block, marks=pytest.mark.xfail(strict=True, reason="; ".join(limits))) if limits else block


def test_the_narrative_corpus_holds_at_least_ten_paragraphs_that_count_from_an_earlier_date():
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize("block", [marked(block) for block in BLOCKS], ids=str)
def test_each_date_counts_from_the_text_or_the_publication_as_it_should(block):
    found = extract(block.text, block.reference, prefer=block.prefer)
    for line, phrase, case, _ in block.expectations:
        lowered = phrase.lower()
        hits = [e for e in found if lowered in e.text.lower() or e.text.lower() in lowered]
        hits = [e for e in hits if e.type in ("DATE", "TIME")]
        if case is None:
            assert not hits, f"narrative.txt:{line}: {phrase!r} gave {[e.text for e in hits]}"
            continue
        assert hits, f"narrative.txt:{line}: {phrase!r} found nothing in {[e.text for e in found]}"
        expr = hits[0]
        got = (expr.value, expr.mod, expr.period.start_date, expr.period.end_date)
        assert got == (case.value, case.mod, case.start, case.end), f"narrative.txt:{line}: {expr.text!r}"
