"""`timeline build` on the seeds tells the OpenAI story a reader expects."""

import json

import pytest
from click.testing import CliRunner

from timeline.cli import main


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "timeline.json").read_text("utf-8"))


def at(story, label, *words):
    return [e for e in story["events"] if e["date"]["label"] == label and all(w in e["text"] for w in words)]


@pytest.mark.parametrize(
    "label, words",
    [
        ("begin december 2025", ("code red",)),
        ("midden december 2025", ("910 miljoen",)),
        ("oktober 2025", ("AgentKit",)),
        ("oktober 2025", ("waardering van 500 miljard dollar",)),
        ("november 2025", ("Gemini 3",)),
        ("november 2025", ("Ed Zitron",)),
        ("zomer 2025", ("tot stilstand kwamen",)),
        ("eerste helft van 2025", ("inferentiekosten",)),
        ("2026", ("17 miljard dollar",)),
        ("2026", ("advertenties",)),
        ("2015", ("Annapurna Labs",)),
        ("2015", ("OpenAI begon in 2015",)),
        ("2019", ("commerciële tak",)),
        ("eind 2022", ("ChatGPT",)),
        ("tot 2032", ("overeenkomst",)),
    ],
)
def test_the_story_holds_the_event(story, label, words):
    assert len(at(story, label, *words)) == 1


@pytest.mark.parametrize(
    "label, lead",
    [
        ("17 december 2025", "Amazon zou een investering van ongeveer 10 miljard dollar in OpenAI overwegen."),
        ("16 april 2025", "OpenAI, bekend van de AI-chatbot ChatGPT, werkt naar verluidt aan een nieuw sociaal platform"),
        ("februari 2025", "Het bod komt op een moment dat OpenAI"),
        ("21 november 2025", "Terwijl Google met nieuwe modellen"),
        ("30 december 2025", "Een van de snelst groeiende bedrijven"),
    ],
)
def test_each_lead_stands_at_its_publication_date(story, label, lead):
    assert [e for e in story["events"] if e["date"]["label"] == label and e["text"].startswith(lead)]


def test_pull_quotes_appear_once(story):
    texts = [e["text"] for e in story["events"]]
    assert sum("sloot OpenAI een deal met Broadcom" in t for t in texts) == 1
    assert sum("Gemini 3-model, uitgebracht in november" in t for t in texts) == 1
    burn = [e for e in story["events"] if e["date"]["value"] == "2026" and "17 miljard" in e["text"]]
    assert len(burn) == 1


def test_plans_and_forecasts_are_marked_expected(story):
    (burn,) = at(story, "2026", "17 miljard dollar")
    (past,) = at(story, "begin december 2025", "code red")
    assert burn["expected"] and not past["expected"]


def test_events_are_ordered_by_start_then_coarser_first(story):
    keys = [(e["date"]["start"], e["date"]["end"]) for e in story["events"]]
    starts = [k[0] for k in keys]
    assert starts == sorted(starts)
    for (s1, e1), (s2, e2) in zip(keys, keys[1:]):
        if s1 == s2:
            assert e1 >= e2


def test_each_event_keeps_its_sources(story):
    for event in story["events"]:
        assert event["sources"]
        for source in event["sources"]:
            assert source["path"].startswith("seeds/") and source["published"]
    (lead,) = [e for e in story["events"] if e["date"]["label"] == "16 april 2025"]
    assert lead["sources"][0]["title"] == "OpenAI lanceert AI-gedreven alternatief voor X: Wordt Musk verslagen?"


def test_durations_and_vague_references_make_no_event(story):
    assert not [e for e in story["events"] if "de komende jaren" in e["text"] and e["date"]["value"] == "FUTURE_REF"]
    assert all(e["date"]["value"] not in ("FUTURE_REF", "PRESENT_REF") for e in story["events"])
