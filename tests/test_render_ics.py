"""The ICS renderer, read back with the icalendar parser and imported into real khal."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
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


def test_ics_has_one_all_day_event_per_event_over_its_whole_period(vevents):
    assert len(vevents) == len(EVENTS)
    for event in EVENTS:
        vevent = vevents[f"{event.id}@timeline"]
        for name, day in (("DTSTART", event.date.start), ("DTEND", event.date.end)):
            assert vevent[name].params["VALUE"] == "DATE"
            assert vevent.decoded(name) == day and type(vevent.decoded(name)) is dt.date


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


def test_khal_shows_a_handful_of_items_on_any_day_of_the_seed_calendar(tmp_path):
    from collections import Counter

    from timeline.build import build_timeline, inputs

    seeds_ics = render_ics(build_timeline(inputs([], None)))
    vevents = icalendar.Calendar.from_ical(seeds_ics).walk("VEVENT")
    assert all((v.decoded("DTEND") - v.decoded("DTSTART")).days <= 31 for v in vevents)
    assert all(not str(v["SUMMARY"])[:1].isdigit() for v in vevents)  # a headline, no date in front
    config = khal_with(tmp_path, seeds_ics)
    listed = khal(config, "list", "--format", "{start-date} {title}", "--day-format", "DAY {date}", "2015-01-01", "2027-01-01")
    per_day = Counter()
    day = None
    for line in listed.splitlines():
        if line.startswith("DAY "):
            day = line[4:]
        elif line.strip():
            per_day[day] += 1
    assert len(listed.splitlines()) < 1500
    assert max(per_day.values()) <= 5, per_day.most_common(3)

