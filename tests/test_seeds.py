"""The seed articles, read as a user gets them: their dates resolve as a reader would."""

import datetime as dt
from pathlib import Path

import pytest

from timeline.read.article import read_article
from timeline.story.sentences import sentences
from timeline.temporal.language import load
from timeline.temporal.tagger import extract

SEEDS = Path(__file__).parent.parent / "seeds"


def found_in(name: str):
    article = read_article(SEEDS / name)
    return article, extract(article.text, article.published, reference_grain=article.published_grain)


def one(expressions, text: str):
    hits = [e for e in expressions if text in e.text]
    assert hits, f"{text!r} not found in {[e.text for e in expressions]}"
    return hits[0]


@pytest.mark.parametrize(
    "name, text, value, mod",
    [
        ("002_63a8b02069decfa4.txt", "oktober", "2025-10", None),
        ("001_c849ffd6ff0bcb15.txt", "begin december", "2025-12", "START"),
        ("001_c849ffd6ff0bcb15.txt", "eind 2022", "2022", "END"),
        ("001_c849ffd6ff0bcb15.txt", "de eerste helft van 2025", "2025-H1", None),
        ("001_c849ffd6ff0bcb15.txt", "de zomer", "2025-SU", None),
        ("001_c849ffd6ff0bcb15.txt", "midden december", "2025-12", "MID"),
        ("004_43f3a01a20bb7f93.txt", "2019", "2019", None),
        ("002_63a8b02069decfa4.txt", "tot 2032", "2032", "BEFORE"),
    ],
)
def test_seed_phrase_resolves_against_its_publication_date(name, text, value, mod):
    _, found = found_in(name)
    expr = one(found, text)
    assert (expr.value, expr.mod) == (value, mod)


def test_in_2026_zal_is_the_year_2026():
    article, found = found_in("001_c849ffd6ff0bcb15.txt")
    start = article.text.index("In 2026 zal")
    expr = next(e for e in found if e.offset[0] == start + 3)
    assert expr.value == "2026"


def test_byline_of_003_is_16_april_2025():
    article, found = found_in("003_8a920a78c4b27215.txt")
    assert article.published == dt.date(2025, 4, 16)
    byline = one(found, "16 april 2025")
    assert byline.value.startswith("2025-04-16")


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_offset_slices_back_to_its_text(name):
    article, found = found_in(name)
    assert found
    for expr in found:
        assert article.text[expr.offset[0] : expr.offset[1]] == expr.text


@pytest.mark.parametrize(
    "number",
    ["Gemini 3", "GPT-5.1", "Trainium3", "1400 miljard dollar", "1,9 gigawatt", "27 procent", "9,74 miljard"],
)
def test_numbers_in_the_seeds_are_not_dates(number):
    texts = {p.name: p.read_text("utf-8") for p in SEEDS.glob("*.txt")}
    name = next(n for n, t in texts.items() if number in t)
    article, found = found_in(name)
    at = article.text.index(number)
    overlapping = [e for e in found if e.offset[0] < at + len(number) and at < e.offset[1] and e.type == "DATE"]
    assert overlapping == []


def test_durations_are_not_dates():
    _, found = found_in("001_c849ffd6ff0bcb15.txt")
    assert one(found, "zes jaar").type == "DURATION"
    assert one(found, "meer dan tien jaar").value == "P10Y"


def test_header_and_manifest_give_publication_dates():
    assert read_article(SEEDS / "002_63a8b02069decfa4.txt").published == dt.date(2025, 12, 17)
    month_only = read_article(SEEDS / "004_43f3a01a20bb7f93.txt")
    assert (month_only.published, month_only.published_grain.value) == (dt.date(2025, 2, 1), "month")
    approximate = read_article(SEEDS / "000_57baac05c5f8387e.txt")
    assert (approximate.published, approximate.approximate) == (dt.date(2025, 11, 21), True)


def test_published_option_overrides_the_manifest():
    article = read_article(SEEDS / "000_57baac05c5f8387e.txt", dt.date(2024, 1, 2))
    assert article.published == dt.date(2024, 1, 2)


def test_soft_wrapped_lines_join_into_one_sentence():
    article = read_article(SEEDS / "000_57baac05c5f8387e.txt")
    first = sentences(article)[0].text
    assert first.startswith("Terwijl Google met nieuwe modellen")
    assert first.endswith("door de gangen.")


SENTENCE_CASES = [
    line for line in (Path(__file__).parent / "corpus" / "sentences.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("line", SENTENCE_CASES)
def test_news_text_splits_into_its_sentences(line):
    from timeline.story.sentences import split

    abbreviations = frozenset(load("nl").text.abbreviations)
    expected = line.split(" ‖ ")
    paragraph = " ".join(expected)
    assert [" ".join(paragraph[a:b].split()) for a, b in split(paragraph, abbreviations)] == expected
