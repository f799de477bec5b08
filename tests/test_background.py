"""With a subject given, what an article tells of years before about other actors is background, not story."""

from timeline.build import build_timeline, inputs
from timeline.story.relevance import Subject

ARTICLE = """date 2025-11-12

Chipmaker Norvia opende woensdag een nieuwe fabriek in Delft. Het bedrijf investeerde daar 400 miljoen euro.
Toenmalig minister Jansen tekende in 2018 de wet die zulke fabrieken mogelijk maakte.
Norvia opende in 2018 ook al een fabriek in Eindhoven.
Topvrouw Anna de Wit leidde in 2019 de fusie van twee banken bij Belco.
"""


def story(tmp_path, subject):
    path = tmp_path / "norvia.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return build_timeline(inputs([str(path)], None), focus=Subject(subject, ()))


def test_an_old_deed_of_another_actor_is_no_event_of_the_subjects_story(tmp_path):
    texts = [e.text for e in story(tmp_path, "Norvia").events]
    assert not any("Jansen" in t or "De Wit" in t for t in texts), texts


def test_the_subjects_own_past_stays_in_its_story(tmp_path):
    events = story(tmp_path, "Norvia").events
    assert [e.date.value for e in events if "Eindhoven" in e.text] == ["2018"]
    assert any(e.date.value == "2025-11-12" for e in events)


def test_the_background_is_only_left_out_for_a_subject_given(tmp_path):
    path = tmp_path / "norvia.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    texts = [e.text for e in build_timeline(inputs([str(path)], None)).events]
    assert any("Jansen" in t for t in texts), texts
