"""Words put into a quoted text ("[OpenAI] sloot ..." for "Het sloot ..."): a headline never shows
the brackets; the HTML marks the word up with a title that says it was put in; Markdown and the
calendar keep the brackets, as a quotation does."""

from __future__ import annotations

import html
import re

import icalendar
import pytest
from test_render_html import chromium

from timeline.render.document import render_html, render_markdown
from timeline.render.ics import render_ics
from timeline.render.templating import make_environment

SPAN = '<span class="tl-added" title="ingevoegd ter verduidelijking">OpenAI</span>'


@pytest.fixture(scope="module")
def seeds():
    from timeline.build import build_timeline, inputs

    return build_timeline(inputs([], None))


def test_no_headline_of_the_seed_story_shows_brackets_though_its_texts_have_insertions(seeds):
    assert sum("[OpenAI]" in e.text for e in seeds.events) >= 3
    assert [e.headline for e in seeds.events if "[" in e.headline or "]" in e.headline] == []


def test_in_html_an_insertion_is_a_span_that_says_it_was_put_in(seeds):
    page = render_html(seeds, make_environment(None))
    texts = re.findall(r'<p class="tl-text">(.*?)</p>', page)
    assert len(texts) == len(seeds.events)
    assert not [t for t in texts if "[" in t or "]" in t]
    assert sum(SPAN in t for t in texts) == sum("[OpenAI]" in e.text for e in seeds.events)


def test_words_left_out_stay_as_they_are_and_only_insertions_are_marked():
    from render_fixtures import sample_timeline

    story = sample_timeline()
    event = story.events[0].model_copy(update={"text": "Het bedrijf [OpenAI] zei [...] dat [ …] het [Microsoft] koos."})
    page = render_html(story.model_copy(update={"events": (event,)}), make_environment(None))
    text = re.search(r'<p class="tl-text">(.*?)</p>', page).group(1)
    assert text == ('Het bedrijf <span class="tl-added" title="ingevoegd ter verduidelijking">OpenAI</span> zei [...] '
                    'dat [ …] het <span class="tl-added" title="ingevoegd ter verduidelijking">Microsoft</span> koos.')


def test_markdown_and_the_calendar_keep_the_brackets(seeds):
    markdown = render_markdown(seeds, make_environment(None))
    assert "\\[OpenAI\\]" in markdown and "tl-added" not in markdown
    vevents = icalendar.Calendar.from_ical(render_ics(seeds, "year")).walk("VEVENT")
    assert any("[OpenAI]" in str(v["DESCRIPTION"]) for v in vevents)
    assert not [str(v["SUMMARY"]) for v in vevents if "[" in str(v["SUMMARY"])]


def test_chromium_shows_the_inserted_word_without_brackets_and_its_title(tmp_path, seeds):
    page = tmp_path / "timeline.html"
    page.write_text(render_html(seeds, make_environment(None)).replace("</body>", """<pre id="probe"></pre><script>
var added = document.querySelector(".tl-added");
document.getElementById("probe").textContent = JSON.stringify({text: added.closest("p").innerText,
  title: added.title, decoration: getComputedStyle(added).textDecorationStyle});
</script></body>"""), "utf-8")
    import json

    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    shown = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', dom, flags=re.S).group(1)))
    assert "OpenAI" in shown["text"] and "[" not in shown["text"]
    assert shown["title"] == "ingevoegd ter verduidelijking" and shown["decoration"] == "dotted"


APPOSITION = ("date 2025-03-06\n\nSoftwarebedrijf Lumo Systems opende op 3 maart een kantoor in Berlijn.\n\n"
              "Op 4 maart kondigde Lumo Systems een koppeling aan met Kiwi (voorheen Kiwix), het platform van Jan de Vries.\n\n"
              "Op 5 maart steeg de omzet van het bedrijf met 12 procent.\n")


def test_a_reference_that_says_what_the_name_before_it_is_or_whose_it_is_gets_no_name_put_in(tmp_path):
    from timeline.build import build_timeline, inputs

    (tmp_path / "a.txt").write_text(APPOSITION, encoding="utf-8")
    texts = [e.text for e in build_timeline(inputs([str(tmp_path)], None)).events]
    assert any("het platform van Jan de Vries" in t for t in texts), texts
    assert any("van het bedrijf [Lumo Systems]" in t for t in texts), texts  # a reference inside a sentence is named
