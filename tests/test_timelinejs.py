"""--format timelinejs writes the JSON that TimelineJS reads."""

import json
from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"


def test_timelinejs_slides_follow_the_published_format(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--format", "timelinejs", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "timelinejs.json").read_text("utf-8"))
    assert data["title"]["text"]["headline"] == "Tijdlijn: OpenAI"
    slides = {s["display_date"]: s for s in data["events"]}
    code_red = slides["begin december 2025"]
    assert code_red["start_date"] == {"year": 2025, "month": 12, "day": 1}
    assert code_red["end_date"] == {"year": 2025, "month": 12, "day": 10}
    assert "code red" in code_red["text"]["text"]
    assert code_red["text"]["headline"] == "Altman riep begin december een tijdelijke ‘code red’ uit"
    assert slides["2015"]["start_date"] == {"year": 2015}
    assert slides["zomer 2025"]["start_date"] == {"year": 2025, "month": 6}
    for slide in data["events"]:
        assert set(slide) <= {"start_date", "end_date", "text", "display_date", "group", "unique_id"}
        assert {"headline", "text"} == set(slide["text"])
        assert slide["group"]
    assert len({s["unique_id"] for s in data["events"]}) == len(data["events"])
