"""A story's title names its most mentioned actor as the articles write it."""

from timeline.build import build_timeline
from timeline.read.inputs import Input

ARTICLES = {
    "a.txt": "date 2025-03-12\n\nZorgverzekeraar Zilveren Kruis gaat 400 banen schrappen. Dat meldde de verzekeraar "
             "woensdag. De bond wil met Zilveren Kruis praten.\n",
    "b.txt": "date 2025-03-14\n\nDe vakbonden willen met Zilveren Kruis praten. Zilveren Kruis reageerde donderdag nog "
             "niet.\n",
}


def title_of(tmp_path, articles: dict[str, str]) -> str:
    """The title of the story of `articles` (file name -> text) written into tmp_path."""
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return build_timeline([Input(tmp_path / n, n) for n in sorted(articles)]).title


def test_the_title_names_the_actor_in_all_its_words(tmp_path):
    title = title_of(tmp_path, ARTICLES)
    assert title.endswith("Zilveren Kruis"), title


PLACED = {
    "a.txt": "date 2025-01-14\n\nHet ziekenhuis Maasgouw wil de spoedpost in Venray sluiten. De gemeenteraad in Venray "
             "is boos. Ook in Venray zelf wordt geprotesteerd, en in Venray wordt een petitie getekend.\n",
    "b.txt": "date 2025-02-06\n\nDuizenden mensen demonstreerden zaterdag in Venray tegen Maasgouw. Maasgouw wil met de "
             "gemeente praten.\n",
}


def test_the_title_names_an_actor_not_a_place_the_articles_only_write_after_in(tmp_path):
    title = title_of(tmp_path, PLACED)
    assert title.endswith("Maasgouw"), title


INSTITUTION = {
    "a.txt": "date 2026-02-19\n\nDe Hogeschool Zwolle schrapt 90 banen. Dat heeft het bestuur van Hogeschool Zwolle "
             "donderdag gemeld. De bond is boos op Hogeschool Zwolle.\n",
    "b.txt": "date 2026-03-02\n\nStudenten demonstreerden maandag bij Hogeschool Zwolle. Zwolle zelf bleef rustig.\n",
}


def test_the_title_keeps_an_institutions_word_that_is_part_of_its_name(tmp_path):
    title = title_of(tmp_path, INSTITUTION)
    assert title.endswith("Hogeschool Zwolle"), title


PROGRAMME = {
    "a.txt": "date 2025-06-10\n\nPresentator Lieke Verbrugge stopt met het programma Laat op Twee. Laat op Twee was "
             "haar programma sinds 2019. Verbrugge maakte het dinsdag bekend. Omroep Horizon zoekt een opvolger voor "
             "Laat op Twee.\n",
    "b.txt": "date 2025-09-02\n\nLaat op Twee krijgt twee nieuwe presentatoren. Verbrugge presenteerde Laat op Twee "
             "vrijdag voor het laatst.\n",
}


def test_the_title_passes_over_a_numeral_capitalised_in_a_programme_name_and_over_a_first_name(tmp_path):
    title = title_of(tmp_path, PROGRAMME)
    assert not title.endswith((" Twee", " Lieke")), title
