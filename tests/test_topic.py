"""With a subject given, an article that never names it belongs to the story when it is about what the
articles that do name it are about (a ministry's release in a story of a company's export licences)."""

from pathlib import Path

from timeline.build import build_timeline, inputs
from timeline.story.relevance import Subject

ABOUT = [  # each names Lumora and speaks of export licences for chip machines
    "date 2025-01-10\n\nHet kabinet kondigde op 9 januari een nationale vergunningplicht aan voor de geavanceerde "
    "chipmachines van Lumora. Zonder exportvergunning mogen ze niet meer naar Brazilië.\n",
    "date 2025-02-12\n\nOp 11 februari leverde Lumora de laatste geavanceerde chipmachines met een oude "
    "exportvergunning. Daarna geldt de nationale vergunningplicht.\n",
    "date 2025-03-05\n\nOp 4 maart noemde de Braziliaanse regering de nationale vergunningplicht voor de "
    "geavanceerde chipmachines van Lumora een vergissing.\n",
]
RELEASE = ("date 2025-04-02\n\nPer 1 mei wordt de nationale vergunningplicht voor geavanceerde chipmachines "
           "uitgebreid. De minister maakte de uitbreiding van de exportvergunning op 1 april bekend.\n")
ELSEWHERE = ("date 2025-04-03\n\nDe gemeente Delft opende op 2 april een nieuw zwembad aan de rand van de stad. "
             "Het zwembad kostte 12 miljoen euro.\n")


def story(tmp_path: Path):
    for k, text in enumerate(ABOUT + [RELEASE, ELSEWHERE]):
        (tmp_path / f"{k:02d}.txt").write_text(text, encoding="utf-8")
    return build_timeline(inputs([str(tmp_path)], None), focus=Subject("Lumora", ()))


def test_a_release_about_the_storys_matter_that_never_names_the_subject_is_part_of_its_story(tmp_path):
    assert any("uitgebreid" in e.text and e.date.value == "2025-05-01" for e in story(tmp_path).events)


def test_an_article_about_something_else_stays_out(tmp_path):
    assert not any("zwembad" in e.text for e in story(tmp_path).events)
