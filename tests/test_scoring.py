"""Scoring a story against its gold (timeline.scoring, `timeline evaluate --story`), on an invented story."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.errors import TimelineError
from timeline.models import Event, EventDate, Timeline
from timeline.scoring import Gold, date_key, event_grain, fits, load_gold, prf, score, value_span

D = dt.date.fromisoformat


def event(value, start, end, grain, text, headline=None):
    date = EventDate(value=value, mod=None, start=D(start), end=D(end), grain=grain, label=value)
    return Event(id=f"{value}-{text[:8]}", date=date, headline=headline or text[:40], text=text, sources=())


def gold(facts, forbidden=()):
    return Gold.model_validate({"subject": "Zilverwerf", "aliases": ["de Groningse werf"], "facts": facts,
                                "forbidden": list(forbidden)})


def fact(id, date, *keywords):
    return {"id": id, "date": date, "what": "iets", "keywords": list(keywords), "sources": ["01.txt"]}


OPENING = event("2024-03-13", "2024-03-13", "2024-03-14", "day", "Zilverwerf opende een fabriek in Delfzijl.")
CONTRACT = event("2024-01", "2024-01-01", "2024-02-01", "month", "Zilverwerf sloot een contract met de provincie.")
LAY_OFF = event("2023", "2023-01-01", "2024-01-01", "year", "Zilverwerf ontsloeg 200 medewerkers.")
FORECAST = event("2025", "2025-01-01", "2026-01-01", "year", "Zilverwerf verwacht een hogere omzet.")


def test_a_day_fact_is_dated_right_within_one_day_and_not_two_days_off():
    assert fits(OPENING, "2024-03-13") and fits(OPENING, "2024-03-12") and fits(OPENING, "2024-03-14")
    assert not fits(OPENING, "2024-03-11") and not fits(OPENING, "2024-03-15")
    result = score(Timeline(title="t", events=(OPENING,)), gold([fact("f1", "2024-03-11", "delfzijl")]))
    assert (result.told, result.dated_right) == (1, 0)


def test_a_day_fact_wants_a_day_grain_event():
    week = event("2024-W11", "2024-03-11", "2024-03-18", "week", "Zilverwerf opende een fabriek.")
    assert not fits(week, "2024-03-13")


def test_a_month_fact_is_not_dated_right_by_a_coarser_year_event():
    assert fits(CONTRACT, "2024-01") and fits(CONTRACT, "2024") and fits(OPENING, "2024-03")
    assert not fits(LAY_OFF, "2023-06")
    assert fits(LAY_OFF, "2023") and not fits(LAY_OFF, "2024")


def test_the_grain_is_the_coarser_of_stated_and_length_and_the_timex_value_is_a_period():
    halfway = event("2024-10", "2024-10-11", "2024-10-21", "day", "Halverwege oktober.")
    assert event_grain(halfway).value == "month"
    assert fits(halfway, "2024-10")  # the value names October too
    two_years = event("2021", "2021-01-01", "2023-01-01", "year", "Twee jaar lang.")
    assert event_grain(two_years).value == "decade" and not fits(two_years, "2022")
    assert value_span("2024-Q4") == (D("2024-10-01"), D("2025-01-01"))
    assert value_span("2024-W01") == (D("2024-01-01"), D("2024-01-08"))
    assert value_span("2023-04-19TMO") == (D("2023-04-19"), D("2023-04-20"))
    assert value_span("PRESENT_REF") is None


def test_forbidden_with_a_date_counts_only_at_that_date_and_never_against_a_fact_dated_right():
    items = [{"why": "ontslagen in 2023", "keywords": ["ontsloeg"], "date": "2023", "sources": []},
             {"why": "prognose", "keywords": ["verwacht"], "date": "2024", "sources": []},
             {"why": "de provincie", "keywords": ["provincie"], "sources": []}]
    timeline = Timeline(title="t", events=(LAY_OFF, CONTRACT, FORECAST))
    result = score(timeline, gold([fact("f2", "2024-01", "contract")], items))
    assert [(e, item.why) for e, item in result.forbidden] == [(LAY_OFF, "ontslagen in 2023")]
    assert result.extra == (FORECAST,)  # "verwacht" is forbidden in 2024 only; the contract dates f2 right


def test_a_fact_told_by_two_events_is_a_duplicate():
    again = event("2024-03", "2024-03-01", "2024-04-01", "month", "De fabriek in Delfzijl is open.")
    result = score(Timeline(title="t", events=(OPENING, again, CONTRACT)),
                   gold([fact("f1", "2024-03-13", "fabriek in delfzijl"), fact("f2", "2024-01", "contract")]))
    assert [(f.fact.id, len(f.told_by)) for f in result.duplicates] == [("f1", 2)]
    assert (result.told, result.dated_right) == (2, 2)


def test_date_precision_recall_and_f1_compare_at_the_gold_precision():
    assert [date_key(e) for e in (OPENING, CONTRACT, LAY_OFF)] == ["2024-03-13", "2024-01", "2023"]
    facts = [fact("f1", "2024-03-13", "x"), fact("f2", "2024-01", "x"), fact("f3", "2024-03-11", "x"),
             fact("f4", "2023-06", "x"), fact("f5", "2024", "x")]
    result = score(Timeline(title="t", events=(OPENING, CONTRACT, LAY_OFF)), gold(facts))
    # event dates 2024-03-13 and 2024-01 match gold dates (2024-03-13, 2024-01, 2024); 2023 is coarser than 2023-06
    assert (result.matched_event_dates, len(result.event_dates)) == (2, 3)
    assert (result.matched_gold_dates, len(result.gold_dates)) == (3, 5)
    precision, recall, f1 = result.date_prf
    assert (precision, recall) == pytest.approx((2 / 3, 3 / 5))
    assert f1 == pytest.approx(2 * (2 / 3) * (3 / 5) / (2 / 3 + 3 / 5))
    assert prf(0, 0, 0, 4) == (0.0, 0.0, 0.0)


def test_gold_with_an_unknown_or_bad_field_is_a_one_line_error_naming_file_and_field(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"subject": "Z", "aliases": [], "facts": [fact("f1", "2024-3-1", "x")],
                                "forbidden": []}), "utf-8")
    with pytest.raises(TimelineError, match=r"gold\.json: facts\.0\.date: .*YYYY-MM-DD") as error:
        load_gold(path)
    assert "\n" not in str(error.value)
    path.write_text(json.dumps({"subject": "Z", "facts": [], "forbiden": []}), "utf-8")
    with pytest.raises(TimelineError, match=r"gold\.json: forbiden: Extra inputs"):
        load_gold(path)


ARTICLES = {
    "01_fabriek.txt": "date 2024-03-14\n\nZilverwerf heeft woensdag een nieuwe fabriek in Delfzijl geopend.\n\n"
                      "In januari sloot Zilverwerf een contract met de provincie Groningen.\n",
    "02_bezoek.txt": "date 2024-03-20\n\nVorig jaar ontsloeg Zilverwerf 200 medewerkers in Emmen.\n",
}
GOLD = {"subject": "Zilverwerf", "aliases": [], "forbidden": [
    {"why": "ontslagen, geen deel van het verhaal", "keywords": ["ontsloeg"], "date": "2023", "sources": ["02_bezoek.txt"]}],
    "facts": [fact("f1", "2024-03-13", "fabriek in delfzijl"), fact("f2", "2024-01", "provincie groningen"),
              fact("f3", "2023-06", "200 medewerkers")]}


def test_evaluate_story_builds_the_articles_with_the_gold_subject_and_prints_the_table(tmp_path):
    (tmp_path / "articles").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "articles" / name).write_text(text, "utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(GOLD), "utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--story", str(tmp_path), "--story", str(tmp_path), "--failures"])
    assert result.exit_code == 0, result.output
    row = f"| {tmp_path.name} | 3 | 3/3 | 2/3 (0.67) | 1 | 0 | 0 | 0.67 | 0.67 | 0.67 |"
    assert result.output.count(row) == 2
    assert "| total | 6 | 6/6 | 4/6 (0.67) | 2 | 0 | 0 | 0.67 | 0.67 | 0.67 |" in result.output
    assert "  f3 2023-06 iets: 2023 (2023-01-01..2024-01-01, year) 'Zilverwerf ontsloeg 200 medewerkers in Emmen'" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["01_fabriek.txt", "02_bezoek.txt", "articles", "gold.json"]
