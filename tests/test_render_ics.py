"""The ICS renderer, read back with the icalendar parser and imported into real khal."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path

import icalendar
import pytest
from render_fixtures import EVENTS, sample_timeline

from timeline.render.ics import render_ics

KHAL_CONFIG = """\
[calendars]
[[tl]]
path = {folder}/cal
type = calendar

[sqlite]
path = {folder}/khal.db

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC

[default]
default_calendar = tl
"""


@pytest.fixture(scope="module")
def ics() -> bytes:
    """The sample calendar with every event let in (its year, its half, its season too)."""
    return render_ics(sample_timeline(), "year")


@pytest.fixture(scope="module")
def vevents(ics: bytes) -> dict[str, icalendar.Event]:
    """The parsed VEVENTs by UID."""
    return {str(v["UID"]): v for v in icalendar.Calendar.from_ical(ics).walk("VEVENT")}


def test_by_default_the_calendar_holds_only_what_it_can_place(vevents):
    default = icalendar.Calendar.from_ical(render_ics(sample_timeline())).walk("VEVENT")
    placed = {str(v["UID"]) for v in default}
    expected = {f"{e.id}@timeline" for e in EVENTS if e.date.grain.rank <= 5 and (e.date.end - e.date.start).days <= 31}
    assert placed == expected and len(placed) < len(vevents)
    for vevent in default:
        assert (vevent.decoded("DTEND") - vevent.decoded("DTSTART")).days <= 31


def test_every_event_is_free_time_and_a_forecast_is_categorised(vevents):
    for event in EVENTS:
        vevent = vevents[f"{event.id}@timeline"]
        assert str(vevent["TRANSP"]) == "TRANSPARENT"
        categories = [str(c) for c in vevent["CATEGORIES"].cats] if "CATEGORIES" in vevent else []
        assert ("verwacht" in categories) == event.expected


def test_a_subscribed_calendar_refreshes_daily(ics):
    calendar = icalendar.Calendar.from_ical(ics)
    assert calendar.decoded("REFRESH-INTERVAL") == dt.timedelta(days=1)
    assert str(calendar["X-PUBLISHED-TTL"]) == "P1D"


def test_ics_calendar_names_itself_after_the_timeline(ics):
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//timeline//")
    assert str(calendar["X-WR-CALNAME"]) == sample_timeline().title


def test_a_day_or_a_week_is_one_all_day_event_over_its_days(vevents):
    assert len(vevents) == len(EVENTS)
    short = [e for e in EVENTS if (e.date.end - e.date.start).days <= 7]
    assert short
    for event in short:
        vevent = vevents[f"{event.id}@timeline"]
        for name, day in (("DTSTART", event.date.start), ("DTEND", event.date.end)):
            assert vevent[name].params["VALUE"] == "DATE"
            assert vevent.decoded(name) == day and type(vevent.decoded(name)) is dt.date
        assert str(vevent["SUMMARY"]) == event.headline + (" (verwacht)" if event.expected else "")


def test_a_month_or_longer_is_one_entry_on_its_first_day_named_in_summary_and_description(vevents):
    long = [e for e in EVENTS if (e.date.end - e.date.start).days > 7]
    assert {e.date.label for e in long} >= {"begin december 2025", "zomer 2025", "eind 2022"}
    for event in long:
        vevent = vevents[f"{event.id}@timeline"]
        assert vevent.decoded("DTSTART") == event.date.start
        assert vevent.decoded("DTEND") == event.date.start + dt.timedelta(days=1)
        after = f"{event.date.label}, verwacht" if event.expected else event.date.label
        assert str(vevent["SUMMARY"]) == f"{event.headline} ({after})"
        assert f"Periode: {event.date.label}" in str(vevent["DESCRIPTION"])


def test_calendar_spans_keeps_every_event_over_its_whole_period():
    spans = icalendar.Calendar.from_ical(render_ics(sample_timeline(), "year", spans=True)).walk("VEVENT")
    assert len(spans) == len(EVENTS)
    for vevent, event in zip(spans, EVENTS):
        assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (event.date.start, event.date.end)
        assert str(vevent["SUMMARY"]) == event.headline + (" (verwacht)" if event.expected else "")
        assert "Periode:" not in str(vevent["DESCRIPTION"])


def test_ics_uids_come_from_event_ids_and_do_not_change_between_renders(vevents):
    assert list(vevents) == [f"{event.id}@timeline" for event in EVENTS]
    again = icalendar.Calendar.from_ical(render_ics(sample_timeline(), "year")).walk("VEVENT")
    assert [str(v["UID"]) for v in again] == list(vevents)


def test_ics_dtstamp_is_the_latest_source_publication_at_midnight_utc(vevents):
    for event in EVENTS:
        stamp = vevents[f"{event.id}@timeline"].decoded("DTSTAMP")
        latest = max(source.published for source in event.sources)
        assert stamp == dt.datetime.combine(latest, dt.time(0), tzinfo=dt.timezone.utc)


def test_ics_summary_is_the_headline_with_no_date_in_front(vevents):
    for event in EVENTS:
        summary = str(vevents[f"{event.id}@timeline"]["SUMMARY"])
        assert summary.startswith(event.headline)
        assert not summary.startswith(event.date.label)
        assert ("verwacht" in summary) == event.expected


def test_ics_description_holds_the_full_text_and_every_source(vevents):
    for event in EVENTS:
        description = str(vevents[f"{event.id}@timeline"]["DESCRIPTION"])
        assert description.startswith(event.text)
        for source in event.sources:
            assert (source.title or "") in description and source.path not in description


def test_ics_events_start_at_sequence_zero(vevents):
    assert {int(v["SEQUENCE"]) for v in vevents.values()} == {0}


def test_ics_bytes_are_identical_across_renders(ics):
    assert render_ics(sample_timeline(), "year") == ics


def khal_with(tmp_path: Path, ics: bytes) -> Path:
    """A khal set up in tmp_path with the calendar imported; its config file."""
    (tmp_path / "cal").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path), "utf-8")
    (tmp_path / "timeline.ics").write_bytes(ics)
    khal(config, "import", "--batch", "-a", "tl", str(tmp_path / "timeline.ics"))
    return config


def khal(config: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "khal", "-c", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, f"khal {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def test_ics_imports_into_khal_with_events_on_their_days(tmp_path, ics, vevents):
    (tmp_path / "cal").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path), "utf-8")
    (tmp_path / "timeline.ics").write_bytes(ics)
    khal(config, "import", "--batch", "-a", "tl", str(tmp_path / "timeline.ics"))
    first = min(event.date.start for event in EVENTS)
    last = max(event.date.end for event in EVENTS)
    listed = khal(
        config, "list", "--once", "--day-format", "", "--format", "{start-date} {title}",
        first.isoformat(), last.isoformat(),
    )  # fmt: skip
    lines = set(listed.splitlines())
    for event in EVENTS:
        summary = str(vevents[f"{event.id}@timeline"]["SUMMARY"])
        assert f"{event.date.start.isoformat()} {summary}" in lines


def test_the_seeds_calendar_imports_into_khal_and_a_second_import_updates_it(tmp_path):
    from timeline.build import build_timeline, inputs

    seeds_ics = render_ics(build_timeline(inputs([], None)))
    (tmp_path / "cal").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(KHAL_CONFIG.format(folder=tmp_path), "utf-8")
    (tmp_path / "timeline.ics").write_bytes(seeds_ics)
    khal(config, "import", "--batch", "-a", "tl", str(tmp_path / "timeline.ics"))
    december = khal(config, "list", "--format", "{start-date} {title}", "--day-format", "", "2025-12-01", "2025-12-31")
    assert "2025-12-01 Altman riep begin december een tijdelijke ‘code red’ uit" in december
    assert "2025-12-11 ChatGPT had midden december 910 miljoen maandelijkse actieve gebruikers" in december
    assert "2025-12-17 Amazon zou een investering van ongeveer 10 miljard dollar in OpenAI overwegen" in december
    count = len(icalendar.Calendar.from_ical(seeds_ics).walk("VEVENT"))
    assert len(list((tmp_path / "cal").glob("*.ics"))) == count
    khal(config, "import", "--batch", "-a", "tl", str(tmp_path / "timeline.ics"))
    assert len(list((tmp_path / "cal").glob("*.ics"))) == count


def shown_in_khal(tmp_path: Path, ics: bytes) -> tuple[Counter, Counter]:
    """What khal lists: how many entries each day shows, and on how many days each entry shows."""
    config = khal_with(tmp_path, ics)
    listed = khal(config, "list", "--format", "{uid}", "--day-format", "DAY {date}", "2010-01-01", "2028-01-01")
    per_day, per_entry, day = Counter(), Counter(), None
    for line in listed.splitlines():
        if line.startswith("DAY "):
            day = line[4:]
        elif line.strip():
            per_day[day] += 1
            per_entry[line.strip()] += 1
    return per_day, per_entry


@pytest.fixture(scope="module")
def seeds_story():
    from timeline.build import build_timeline, inputs

    return build_timeline(inputs([], None))


def test_in_khal_no_fact_of_the_seed_calendar_shows_on_more_than_7_days_and_no_day_holds_more_than_3(tmp_path,
                                                                                                     seeds_story):
    seeds_ics = render_ics(seeds_story)
    vevents = icalendar.Calendar.from_ical(seeds_ics).walk("VEVENT")
    assert all(not str(v["SUMMARY"])[:1].isdigit() for v in vevents)  # a headline, no date in front
    per_day, per_entry = shown_in_khal(tmp_path, seeds_ics)
    assert len(per_entry) == len(vevents) >= 10
    assert max(per_entry.values()) <= 7, per_entry.most_common(3)
    assert max(per_day.values()) <= 3, per_day.most_common(3)


def test_with_calendar_spans_khal_paints_a_month_s_fact_on_every_day_of_it(tmp_path, seeds_story):
    per_day, per_entry = shown_in_khal(tmp_path, render_ics(seeds_story, spans=True))
    assert max(per_entry.values()) >= 28  # the old behaviour, kept on request



def test_build_says_how_to_subscribe_only_when_given_the_calendar_s_address(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    runner = CliRunner()
    served = runner.invoke(main, ["build", "--format", "md,html,ics,fragment", "--out", str(tmp_path / "served"), "-q",
                                  "--calendar-url", "https://example.org/verhaal/"])
    assert served.exit_code == 0, served.output
    page = (tmp_path / "served" / "timeline.html").read_text("utf-8")
    assert '<a href="webcal://example.org/verhaal/timeline.ics">' in page  # Apple Agenda, Outlook
    assert '<span class="tl-url">https://example.org/verhaal/timeline.ics</span>' in page  # Google: Via URL
    assert "webcal://example.org/verhaal/timeline.ics" in (tmp_path / "served" / "timeline.fragment.html").read_text()
    markdown = (tmp_path / "served" / "timeline.md").read_text("utf-8")
    assert "(<webcal://example.org/verhaal/timeline.ics>)" in markdown and "<https://example.org/verhaal/timeline.ics>" in markdown
    plain = runner.invoke(main, ["build", "--format", "md,html", "--out", str(tmp_path / "plain"), "-q"])
    assert plain.exit_code == 0, plain.output
    assert "webcal" not in (tmp_path / "plain" / "timeline.html").read_text() + (tmp_path / "plain" / "timeline.md").read_text()


@pytest.mark.parametrize("address", ["ftp://example.org/timeline.ics", "example.org/timeline.ics", "https://",
                                     "https://example.org/mijn agenda.ics", "webcal://example.org/timeline.ics"])
def test_a_calendar_url_that_is_no_http_address_is_refused(tmp_path, address):
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--calendar-url", address])
    assert result.exit_code == 2 and "https address timeline.ics will be served from" in result.output
    assert not (tmp_path / "timeline.ics").exists()


def test_calendar_spans_on_the_command_line_paints_every_day(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, ["build", "--format", "ics", "--out", str(tmp_path), "-q", "--calendar-spans"])
    assert result.exit_code == 0, result.output
    vevents = icalendar.Calendar.from_ical((tmp_path / "timeline.ics").read_bytes()).walk("VEVENT")
    assert max((v.decoded("DTEND") - v.decoded("DTSTART")).days for v in vevents) >= 28
