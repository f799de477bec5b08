"""The Markdown timeline, rendered by GitHub's own renderer (cmark-gfm)."""

import re

import cmarkgfm
import pytest

from render_fixtures import sample_timeline
from timeline.build import build_timeline, inputs
from timeline.render import render_markdown
from timeline.templating import make_environment


@pytest.fixture(scope="module")
def seeds_html() -> str:
    markdown = render_markdown(build_timeline(inputs([], None)), make_environment())
    return cmarkgfm.github_flavored_markdown_to_html(markdown)


def items(html: str) -> list[str]:
    return re.findall(r"<li>(.*?)</li>", html, re.S)


def test_years_and_periods_are_headings(seeds_html):
    years = re.findall(r"<h2>(.*?)</h2>", seeds_html)
    assert years == sorted(years) and {"2015", "2019", "2022", "2025", "2026", "2032"} <= set(years)
    assert "<h3>December</h3>" in seeds_html
    assert "<h1>Tijdlijn: OpenAI</h1>" in seeds_html


@pytest.mark.parametrize(
    "label, words",
    [
        ("begin december 2025", "code red"),
        ("midden december 2025", "910 miljoen"),
        ("zomer 2025", "tot stilstand kwamen"),
        ("eerste helft van 2025", "inferentiekosten"),
        ("eind 2022", "ChatGPT"),
        ("tot 2032", "Die overeenkomst"),
    ],
)
def test_each_entry_shows_its_label_text_and_source(seeds_html, label, words):
    entry = next(i for i in items(seeds_html) if f"<strong>{label}</strong>" in i and words in i)
    assert "Bron" in entry and "seeds/" in entry


def test_markdown_characters_in_texts_stay_text():
    html = cmarkgfm.github_flavored_markdown_to_html(render_markdown(sample_timeline(), make_environment()))
    assert "&lt;100 miljoen&gt;" in html
    assert "*hype*" in html and "__kunstmatige__" in html
    assert "<em>hype</em>" not in html and "<img>" not in html
    assert "Musk &amp; Altman" in html


def test_expected_events_are_marked():
    html = cmarkgfm.github_flavored_markdown_to_html(render_markdown(sample_timeline(), make_environment()))
    entry = next(i for i in items(html) if "consumentenapparaat" in i)
    assert "verwacht" in entry


def test_two_renders_are_identical():
    env = make_environment()
    assert render_markdown(sample_timeline(), env) == render_markdown(sample_timeline(), env)
