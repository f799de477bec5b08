"""An agency report as a news site shows it: a title, a section label, "door anp", a date line with a clock
time and an agency code above the dateline. None of it is text; the lead stands at its publication day."""

import datetime as dt

from timeline.build import build_timeline
from timeline.read.article import read_article
from timeline.read.inputs import Input

AGENCY_COPY = """date 2024-03-08

Waterbedrijf stapt naar rechter om boete

Binnenland
door anp
vrijdag, 8 maart 2024 om 11:42
anp080324113 1
ZWOLLE (ANP) - Waterbedrijf Vitens heeft beroep aangetekend tegen de boete van de provincie Overijssel. De provincie legde vorige maand een boete op van 2 miljoen euro.
"""


def test_the_lines_above_an_agency_dateline_are_no_text(tmp_path):
    path = tmp_path / "vitens.txt"
    path.write_text(AGENCY_COPY, encoding="utf-8")
    article = read_article(path)
    assert article.published == dt.date(2024, 3, 8)
    assert article.text[article.body_start:].startswith("Waterbedrijf Vitens heeft beroep aangetekend")


def test_an_undated_lead_in_the_perfect_stands_at_the_publication_day(tmp_path):
    path = tmp_path / "vitens.txt"
    path.write_text(AGENCY_COPY, encoding="utf-8")
    story = build_timeline([Input(path, path.name)])
    lead = next(e for e in story.events if "beroep" in e.text)
    assert (lead.date.start, lead.date.grain.value) == (dt.date(2024, 3, 8), "day")
    assert not any(word in e.text for e in story.events for word in ("anp080324113", "door anp", "11:42"))


def test_a_dateline_inside_the_text_is_no_part_of_an_event(tmp_path):
    path = tmp_path / "beediging.txt"
    path.write_text("date 2024-07-02\n\nWethouders Zwolle beëdigd Redactie 02-07-2024 - 2 minuten leestijd\n\nFoto ANP\n\n"
                    "ZWOLLE – In Zwolle zijn op het stadhuis de nieuwe wethouders van de gemeente beëdigd.\n", encoding="utf-8")
    story = build_timeline([Input(path, path.name)])
    assert story.events and not any("ZWOLLE –" in e.text for e in story.events)
