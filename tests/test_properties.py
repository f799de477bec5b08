"""Random text and random publication dates never break the extractor."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal.tagger import extract

WORDS = st.sampled_from(
    "in op begin eind midden medio sinds tot vorig volgend komende afgelopen het de jaar maand week "
    "oktober december mei ma. di. zo maandag zomer kwartaal helft eerste derde laatste geleden over "
    "uur om half kwart 's avonds 2019 2025 15 3 31 12 -2 /10 . , – 1,9 miljard procent GPT-5.1 jaren "
    "negentig '90 Q3 H1 kerst zal was ééns".split()
)
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=40).map(" ".join))
DATES = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31))


@settings(max_examples=300, deadline=None)
@given(TEXT, DATES, st.sampled_from(["tense", "past", "future"]))
def test_extract_never_raises_and_offsets_slice_back(text, published, prefer):
    for expr in extract(text, published, prefer):
        assert text[expr.offset[0] : expr.offset[1]] == expr.text
        if expr.period is not None:
            assert expr.period.end > expr.period.start
