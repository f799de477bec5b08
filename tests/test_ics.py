"""The ICS calendar, read back by the icalendar parser and imported into khal."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from render_fixtures import sample_timeline
from timeline.build import build_timeline, inputs
from timeline.ics import render_ics


@pytest.fixture(scope="module")
def seeds_ics() -> bytes:
    return render_ics(build_timeline(inputs([], None)))


def vevents(data: bytes):
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


def test_every_event_is_an_all_day_event_over_its_period():
    timeline = sample_timeline()
    found = {str(v["UID"]): v for v in vevents(render_ics(timeline))}
    assert len(found) == len(timeline.events)
    for event in timeline.events:
        v = found[f"{event.id}@timeline"]
        assert v["DTSTART"].params.get("VALUE") == "DATE"
        assert (v["DTSTART"].dt, v["DTEND"].dt) == (event.date.start, event.date.end)
        assert str(v["SUMMARY"]).startswith(event.date.label)


def test_dtstamp_is_utc_and_comes_from_the_sources_not_the_clock():
    for v in vevents(render_ics(sample_timeline())):
        stamp = v["DTSTAMP"].dt
        assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
        assert stamp.year <= 2025


def test_the_calendar_is_named_and_renders_byte_identically(seeds_ics):
    calendar = icalendar.Calendar.from_ical(seeds_ics)
    assert str(calendar["X-WR-CALNAME"]) == "Tijdlijn: OpenAI"
    assert render_ics(build_timeline(inputs([], None))) == seeds_ics


def test_the_description_names_the_source(seeds_ics):
    code_red = next(v for v in vevents(seeds_ics) if "code red" in str(v["SUMMARY"]))
    assert "seeds/001_c849ffd6ff0bcb15.txt" in str(code_red["DESCRIPTION"])


KHAL_CONF = """[calendars]
[[tl]]
path = {path}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M

[default]
default_calendar = tl
"""


def khal(conf: Path, *args: str) -> str:
    script = Path(sys.executable).with_name("khal")
    done = subprocess.run([str(script), "-c", str(conf), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_khal_imports_the_calendar_and_shows_events_on_their_days(tmp_path, seeds_ics):
    (tmp_path / "cal").mkdir()
    conf = tmp_path / "khal.conf"
    conf.write_text(KHAL_CONF.format(path=tmp_path / "cal"), "utf-8")
    ics = tmp_path / "timeline.ics"
    ics.write_bytes(seeds_ics)
    khal(conf, "import", "--batch", "-a", "tl", str(ics))
    december = khal(conf, "list", "--format", "{start-date} {title}", "--day-format", "", "2025-12-01", "2025-12-31")
    assert "2025-12-01 begin december 2025: In reactie daarop riep Altman begin december" in december
    assert "2025-12-11 midden december 2025: Volgens Sensor Tower" in december
    assert "2025-12-17 17 december 2025: Amazon zou een investering" in december
    assert len(list((tmp_path / "cal").glob("*.ics"))) == len(vevents(seeds_ics))
    # A second import of the same file updates instead of duplicating.
    khal(conf, "import", "--batch", "-a", "tl", str(ics))
    assert len(list((tmp_path / "cal").glob("*.ics"))) == len(vevents(seeds_ics))
