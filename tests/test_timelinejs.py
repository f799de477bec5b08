"""--format timelinejs writes the JSON that TimelineJS reads; the real library renders it."""

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from npm import npm_install

from timeline.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"
TIMELINEJS = "@knight-lab/timelinejs@3.9.11"  # for this test only: never a dependency of timeline


@pytest.fixture(scope="module")
def slides_json(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("tljs")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--format", "timelinejs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "timelinejs.json").read_text("utf-8"))


def test_timelinejs_slides_follow_the_published_format(slides_json):
    data = slides_json
    assert data["title"]["text"]["headline"] == "Tijdlijn: OpenAI"
    slides = {s["display_date"]: s for s in data["events"]}
    code_red = slides["begin december 2025"]
    assert code_red["start_date"] == {"year": 2025, "month": 12}
    assert code_red["end_date"] == {"year": 2025, "month": 12, "day": 10}
    assert "code red" in code_red["text"]["text"]
    assert code_red["text"]["headline"] == "Altman riep begin december een tijdelijke ‘code red’ uit"
    assert slides["2015"]["start_date"] == {"year": 2015}
    assert slides["2015"]["end_date"] == {"year": 2015, "month": 12, "day": 31}  # a year runs to its end
    assert slides["zomer 2025"]["start_date"] == {"year": 2025, "month": 6}
    assert slides["zomer 2025"]["end_date"] == {"year": 2025, "month": 8, "day": 31}
    for slide in data["events"]:
        assert set(slide) <= {"start_date", "end_date", "text", "display_date", "group", "unique_id"}
        assert {"headline", "text"} == set(slide["text"])
        assert slide["text"]["headline"] != slide["display_date"]
        assert "media" not in slide and "group" not in slide
    assert len({s["unique_id"] for s in data["events"]}) == len(data["events"])


def test_a_part_of_a_year_starts_where_the_part_starts():
    from timeline.models import Event, EventDate, Grain, Source
    from timeline.render.timelinejs import slide
    import datetime as dt

    end = EventDate(value="2025", mod="END", start=dt.date(2025, 9, 1), end=dt.date(2026, 1, 1), grain=Grain.YEAR,
                    label="eind 2025")
    event = Event(id="x", date=end, headline="h", text="t", sources=(Source(path="a", title=None, published=dt.date(2025, 12, 1)),))
    found = slide(event)
    assert found["start_date"] == {"year": 2025, "month": 9}
    assert found["end_date"] == {"year": 2025, "month": 12, "day": 31}


def test_a_forecast_slide_is_marked_verwacht_and_says_why(slides_json):
    from timeline.build import build_timeline, inputs

    story = build_timeline(inputs([], None))
    expected = {f"tl-{e.id}" for e in story.events if e.expected}
    assert expected
    for slide in slides_json["events"]:
        marked = slide["text"]["headline"].endswith(" (verwacht)")
        assert marked == (slide["unique_id"] in expected)
        assert ("<p><em>Verwacht: dit had nog niet plaatsgevonden" in slide["text"]["text"]) == marked


def test_sources_follow_bron_or_bronnen(slides_json):
    from timeline.build import build_timeline, inputs

    counts = {f"tl-{e.id}": len(e.sources) for e in build_timeline(inputs([], None)).events}
    assert 1 in counts.values() and max(counts.values()) > 1
    for slide in slides_json["events"]:
        label = "Bronnen: " if counts[slide["unique_id"]] > 1 else "Bron: "
        assert slide["text"]["text"].endswith("</small></p>")
        assert f"<p><small>{label}" in slide["text"]["text"]


def test_a_word_put_into_a_slide_s_text_is_marked_up_not_bracketed(slides_json):
    texts = [slide["text"]["text"] for slide in slides_json["events"]]
    assert any('<span class="tl-added" title="ingevoegd ter verduidelijking">OpenAI</span>' in t for t in texts)
    assert not any("[" in t or "[" in slide["text"]["headline"] for t, slide in zip(texts, slides_json["events"]))


def test_the_real_timelinejs_renders_the_seed_story_without_errors(tmp_path, slides_json):
    from test_render_html import chromium

    cache = Path(os.environ.get("TIMELINEJS_CACHE", tmp_path / "npm"))
    dist = cache / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    if not (dist / "js" / "timeline.js").is_file():
        dist = npm_install(cache, TIMELINEJS) / "@knight-lab" / "timelinejs" / "dist"
    page = tmp_path / "tl.html"
    page.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(dist / 'css' / 'timeline.css').as_uri()}">
<script src="{(dist / 'js' / 'timeline.js').as_uri()}"></script></head>
<body><div id="tl" style="width: 1000px; height: 650px"></div><pre id="errors"></pre>
<script>
var errors = [];
addEventListener("error", function (e) {{ errors.push(String(e.message)); }});
var realError = console.error;
console.error = function () {{ errors.push(Array.prototype.join.call(arguments, " ")); realError.apply(console, arguments); }};
var timeline = new TL.Timeline("tl", {json.dumps(slides_json)}, {{language: "nl", script_path: "{(dist / 'js').as_uri()}/"}});
setTimeout(function () {{ document.getElementById("errors").textContent = JSON.stringify(errors); }}, 1500);
</script></body></html>""", "utf-8")
    dom = chromium(tmp_path, "--dump-dom", "--allow-file-access-from-files", "--virtual-time-budget=5000",
                   "--window-size=1100,800", page.as_uri())
    errors = json.loads(re.search(r'<pre id="errors">(.*?)</pre>', dom, flags=re.S).group(1) or "[]")
    assert errors == []
    first = slides_json["events"][0]["text"]["headline"]
    assert "tl-slide" in dom and first.replace("&", "&amp;") in dom
    # TimelineJS shows our marks as they are: "(verwacht)" in a headline, "Bron:" before a source, an insertion's span.
    headlines = re.findall(r'<h2 class="tl-headline"[^>]*>(.*?)</h2>', dom, flags=re.S)
    forecasts = [s["text"]["headline"] for s in slides_json["events"] if s["text"]["headline"].endswith("(verwacht)")]
    assert forecasts and all(f.replace("&", "&amp;") in headlines for f in forecasts)
    assert "<small>Bron: " in dom and "<small>Bronnen: " in dom
    assert '<span class="tl-added" title="ingevoegd ter verduidelijking">OpenAI</span>' in dom
