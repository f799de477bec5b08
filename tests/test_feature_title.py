"""A feature's title (a question it answers, a phrase with no verb that opens on an article or a preposition) heads
no event, and a feature's first sentence is no news lead; a news title, verbless or not, heads its lead."""

from pathlib import Path

from timeline.build import build_timeline, inputs


def events_of(tmp_path: Path, title: str, text: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "published.toml").write_text(f'["a.txt"]\ntitle = "{title}"\n', encoding="utf-8")
    return build_timeline(inputs([str(tmp_path)], None)).events


FEATURE = ("date 2025-03-10\n\nDe vraag wie de bibliotheek nog wil betalen, klinkt in Ommen steeds luider. Op 3 maart "
           "besloot de gemeenteraad de subsidie te stoppen.\n")


def test_a_title_that_asks_why_heads_no_event_and_the_first_sentence_is_no_lead(tmp_path):
    events = events_of(tmp_path, "Waarom de bibliotheek van Ommen dichtgaat", FEATURE)
    assert not any("Waarom" in e.headline for e in events)
    assert not any("vraag" in e.text for e in events)
    assert any(e.date.value == "2025-03-03" and "subsidie" in e.headline for e in events)


def test_a_verbless_title_that_opens_on_an_article_heads_no_event(tmp_path):
    events = events_of(tmp_path, "De lange adem van de bibliotheek", FEATURE)
    assert not any("adem" in e.headline for e in events)


def test_a_verbless_news_title_heads_its_lead(tmp_path):
    events = events_of(tmp_path, "Akkoord in busconflict",
                       "date 2025-03-10\n\nVakbonden en vervoerders bereikten zondag een akkoord over de lonen.\n")
    assert [e.headline for e in events] == ["Akkoord in busconflict"]


def test_a_feature_title_with_a_quote_after_its_colon_is_still_a_features(tmp_path):
    events = events_of(tmp_path, "De lange adem van de bibliotheek: 'Dit is ons laatste jaar'", FEATURE)
    assert not any("adem" in e.headline for e in events)
