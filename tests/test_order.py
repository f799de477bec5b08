"""One order everywhere: timeline.json, the Markdown page, TimelineJS and the calendar tell the seed story's
events in the same order, the order a reader places them in (models.story_order)."""

import html
import json
import re

import pytest
from click.testing import CliRunner

from timeline.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("order")
    for fmt in ("json", "md", "timelinejs", "ics"):
        result = CliRunner().invoke(main, ["build", "--out", str(out), "--format", fmt, "--quiet"])
        assert result.exit_code == 0, result.output
    return out


def json_headlines(out) -> list[str]:
    return [e["headline"] for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]]


def markdown_sections(out) -> list[tuple[str, str]]:
    """(year heading, headline) of each event of the Markdown page, in its order."""
    found, year = [], ""
    for line in (out / "timeline.md").read_text("utf-8").splitlines():
        if line.startswith("## "):
            year = line[3:].strip()
        elif line.startswith("- **"):
            found.append((year, re.sub(r"\\(.)", r"\1", line[4:line.index("**", 4)])))
    return found


def test_the_page_tells_the_events_in_the_order_of_timeline_json(built):
    assert [headline for _, headline in markdown_sections(built)] == json_headlines(built)


def test_timelinejs_tells_the_events_in_the_order_of_timeline_json(built):
    slides = json.loads((built / "timelinejs.json").read_text("utf-8"))["events"]
    told = [html.unescape(re.sub("<[^>]+>", "", s["text"]["headline"])).replace(" (verwacht)", "") for s in slides]
    assert told == json_headlines(built)


def test_the_calendar_keeps_the_order_of_timeline_json(built):
    ics = (built / "timeline.ics").read_text("utf-8").replace("\r\n ", "")
    summaries = [re.sub(r"\\(.)", r"\1", s).strip().rstrip("…") for s in re.findall(r"^SUMMARY:(.*)$", ics, re.M)]
    headlines = json_headlines(built)
    places = [next(i for i, h in enumerate(headlines) if h.startswith(s[:40])) for s in summaries]
    assert places == sorted(places) and len(places) > 5


def test_the_past_year_counted_back_from_late_december_stands_under_that_year(built):
    sections = markdown_sections(built)
    assert next(year for year, headline in sections if "Broadcom" in headline) == "2025"


def test_a_stretch_before_a_day_stands_before_that_days_events(built):
    headlines = json_headlines(built)
    before = next(i for i, h in enumerate(headlines) if "38 miljard dollar clouddiensten" in h)  # kort voor 17 december
    day = next(i for i, h in enumerate(headlines) if "10 miljard dollar in OpenAI overwegen" in h)  # 17 december
    assert before < day
