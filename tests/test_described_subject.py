"""A subject given as a description ("Staking bij de veerdienst Texel") is about the name inside it: an article
whose title or most named name is that name is about the subject, and its facts that name no other actor stay in
the story. A subject that is all a name has no such inner name."""

from pathlib import Path

from timeline.build import build_timeline, inputs
from timeline.story.relevance import Subject, cores

ARTICLES = {  # the articles name "Wierdum" far more often than the subject's own words
    "01.txt": "date 2025-03-04\n\nIn Wierdum stemde de gemeenteraad op 3 maart in met de sluiting van de sporthal. "
              "De wethouder van Wierdum noemde het besluit pijnlijk. Wierdum telt 9000 inwoners.\n",
    "02.txt": "date 2025-04-09\n\nDe gemeente kondigde op 8 april een nieuw onderzoek naar de kosten aan. "
              "De sluiting van de sporthal in Wierdum volgt op een rapport over asbest. Wierdum wacht af.\n",
}
TITLES = '["01.txt"]\ntitle = "Raad Wierdum stemt in"\n\n["02.txt"]\ntitle = "Wierdum laat kosten onderzoeken"\n'


def story(tmp_path: Path, subject: Subject):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "published.toml").write_text(TITLES, encoding="utf-8")
    return build_timeline(inputs([str(tmp_path)], None), focus=subject)


def test_the_names_inside_a_described_subject_are_its_capitalised_words_after_the_first():
    assert cores(("Sluiting sporthal in Wierdum", "asbestzaak Wierdum")) == ("Wierdum",)
    assert cores(("Staking bij de Veerdienst Texel",)) == ("Veerdienst Texel",)


def test_a_subject_that_is_all_a_name_has_no_inner_name():
    assert cores(("Tata Steel", "Jelle Hoogvliet", "OpenAI")) == ()


def test_an_article_about_the_name_inside_a_described_subject_keeps_its_facts(tmp_path):
    events = story(tmp_path, Subject("Sluiting sporthal in Wierdum", ("sporthal Wierdum",))).events
    assert any("onderzoek" in e.text and e.date.value == "2025-04-08" for e in events)
    assert any("gemeenteraad" in e.text and e.date.value == "2025-03-03" for e in events)


def test_a_subject_named_nowhere_keeps_nothing(tmp_path):
    assert not story(tmp_path, Subject("Veerdienst Texel", ("TESO",))).events
