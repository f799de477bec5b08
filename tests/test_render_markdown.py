"""The Markdown renderer, checked through GitHub's own Markdown renderer; also JSON
and the template environment's errors, which the Markdown template exercises."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import cmarkgfm
import pytest
from render_fixtures import EVENTS, sample_timeline

from timeline.errors import TemplateError
from timeline.models import Timeline
from timeline.render.document import render_json, render_markdown
from timeline.render.templating import make_environment


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_markdown(sample_timeline(), make_environment(None))


@pytest.fixture(scope="module")
def github_html(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown)


def list_items(github_html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", github_html, flags=re.S)


def test_markdown_has_the_title_and_one_heading_per_year_in_order(github_html):
    assert "<h1>OpenAI: van lab tot ‘code rood’ &amp; verder</h1>" in github_html
    assert re.findall(r"<h2>(.*?)</h2>", github_html) == ["2015", "2022", "2025", "2026"]


# Within a year the months read in order: 16 April, then the first half (ends in June),
# the summer (ends in August), then December.
READING = ["e1a0c3f2b9d4", "b7d91e04c2aa", "0c6e2b5d97f1", "5f03aa7d81e6", "93b4f0e2d6c8", "d2c87a1f4e05", "7a4d0be91f3c"]
IN_ORDER = sorted(EVENTS, key=lambda e: READING.index(e.id))


def test_within_a_year_the_months_read_in_order_and_no_period_heading_repeats_a_date(github_html):
    assert re.findall(r"<h3>(.*?)</h3>", github_html) == []
    labels = [re.search(r"</strong> · (.*?)(?: ·|<br|\n|$)", item).group(1) for item in list_items(github_html)]
    assert labels == ["11 december 2015", "eind 2022", "16 april 2025", "eerste helft van 2025", "zomer 2025",
                      "begin december 2025", "voorjaar 2026"]


def test_a_whole_year_event_shows_its_year_once():
    from timeline.models import EventDate, Grain, Timeline

    year = EVENTS[0].model_copy(update={"date": EventDate(
        value="2019", mod=None, start=dt.date(2019, 1, 1), end=dt.date(2020, 1, 1), grain=Grain.YEAR, label="2019")})
    text = render_markdown(Timeline(title="t", events=(year,)), make_environment(None))
    assert text.count("2019") == 2  # the year heading, and the span under the title


def test_markdown_lists_every_event_with_its_headline_label_and_literal_text(github_html):
    items = list_items(github_html)
    assert len(items) == len(EVENTS)
    for item, event in zip(items, IN_ORDER):
        assert item.startswith(f"<strong>{html.escape(event.headline, quote=False)}</strong> · {html.escape(event.date.label)}")
        assert html.escape(event.text, quote=False) in item


def test_markdown_escapes_html_emphasis_and_entities_in_texts(github_html):
    assert "&lt;100 miljoen&gt;" in github_html
    assert "&lt;img&gt;" in github_html and "<img" not in github_html
    assert "*hype*" in github_html and "<em>hype</em>" not in github_html
    assert "__kunstmatige__" in github_html and "<strong>kunstmatige</strong>" not in github_html
    assert "Musk &amp; Altman" in github_html


def test_markdown_names_each_events_sources_by_title_and_date_never_by_file(github_html):
    first, second = list_items(github_html)[:2]
    assert "<em>Bron: De geschiedenis van OpenAI &amp; co, rond 10 januari 2023</em>" in first
    assert "Bronnen:" in second and "Sam Altman is als een jongleur op een eenwieler, 3 december 2025" in second
    assert "seeds/" not in github_html and ".txt" not in github_html


def test_markdown_marks_only_expected_events_as_verwacht(github_html):
    for item, event in zip(list_items(github_html), IN_ORDER):
        assert ("<em>verwacht</em>" in item) == event.expected


def test_markdown_is_identical_across_renders(markdown):
    assert render_markdown(sample_timeline(), make_environment(None)) == markdown


def test_json_is_the_models_dump_with_iso_dates_and_unescaped_text():
    timeline = sample_timeline()
    text = render_json(timeline)
    dumped = json.dumps(timeline.model_dump(mode="json"), ensure_ascii=False, indent=2)
    assert text == dumped + "\n"
    assert "‘code rood’ & verder" in text
    event = json.loads(text)["events"][1]
    assert event["date"] == {
        "value": "2022",
        "mod": "END",
        "start": "2022-09-01",
        "end": "2023-01-01",
        "grain": "year",
        "label": "eind 2022",
    }
    assert event["sources"][0]["path"] == "seeds/000_57baac05c5f8387e.txt"
    assert event["sources"][0]["published"] == "2023-01-10"


def test_json_of_an_empty_timeline_is_valid():
    text = render_json(Timeline(title="Leeg", events=()))
    assert json.loads(text) == {"title": "Leeg", "events": []}


def test_user_markdown_template_replaces_the_default(tmp_path):
    (tmp_path / "timeline.md.j2").write_text("{{ title }}: {{ count }}\n")
    env = make_environment(tmp_path)
    assert render_markdown(sample_timeline(), env) == "OpenAI: van lab tot ‘code rood’ \\& verder: 7\n"


def template_error(folder, template: str) -> str:
    """The message of rendering the sample with a user's timeline.md.j2 that fails."""
    (folder / "timeline.md.j2").write_text(template)
    with pytest.raises(TemplateError) as caught:
        render_markdown(sample_timeline(), make_environment(folder))
    return str(caught.value)


def test_template_syntax_error_names_file_line_and_fix(tmp_path):
    message = template_error(tmp_path, "# {{ title }}\n{% for year in years %}\n")
    assert f"{tmp_path / 'timeline.md.j2'}:" in message
    assert "fix the Jinja syntax" in message and "endfor" in message


def test_undefined_variable_names_file_line_and_the_known_variables(tmp_path):
    message = template_error(tmp_path, "# {{ title }}\n\n{{ subtitle }}\n")
    assert f"{tmp_path / 'timeline.md.j2'}:3: 'subtitle' is undefined" in message
    assert "added_title, count, span, subscribe, title, years" in message


@pytest.fixture(scope="module")
def seeds_html() -> str:
    from timeline.build import build_timeline, inputs

    story = render_markdown(build_timeline(inputs([], None)), make_environment())
    return cmarkgfm.github_flavored_markdown_to_html(story)


def test_the_seeds_story_has_its_years_as_headings_in_order(seeds_html):
    years = re.findall(r"<h2>(.*?)</h2>", seeds_html)
    assert years == sorted(years) and {"2015", "2019", "2025", "2026"} <= set(years)
    assert "<h1>Tijdlijn: OpenAI</h1>" in seeds_html and "<h3>" not in seeds_html


@pytest.mark.parametrize(
    "label, words",
    [
        ("begin december 2025", "code red"),
        ("midden december 2025", "910 miljoen"),
        ("zomer 2025", "tot stilstand kwamen"),
        ("november 2025", "inferentiekosten"),
        ("oktober 2025", "AgentKit"),
        ("februari 2025", "Musk"),
    ],
)
def test_each_seeds_entry_shows_its_headline_label_text_and_source(seeds_html, label, words):
    entries = re.findall(r"<li>(.*?)</li>", seeds_html, re.S)
    entry = next(i for i in entries if f"</strong> · {label}" in i and words in i)
    assert "Bron" in entry and "seeds/" not in entry
