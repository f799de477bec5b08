"""Whatever an article, the manifest or an editor writes, timeline.md renders (by GitHub's own
cmark-gfm, raw HTML allowed) as one list item per event with its text literal: no heading, no
nested list, no quote, no raw HTML, and a link whose address is the source's url."""

from __future__ import annotations

import html
import re
import urllib.parse
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_fixtures import EVENTS

from timeline.models import Event, Timeline
from timeline.render.changelog import render_changelog
from timeline.render.document import render_markdown
from timeline.render.templating import make_environment
from timeline.story.diff import compare

ENV = make_environment(None)
TAGS = {"h1", "h2", "p", "ul", "li", "strong", "em", "a", "br"}  # what timeline.md is made of
BLOCK_OPENERS = ["# ", "## ", "- ", "+ ", "* ", "1. ", "1) ", "7. ", ">", "> ", "=====", "---", "***", "___", "| a | b |",
                 "|---|---|", "    code", "```", "~~~", "<div>", "<!--", "[x]: https://e.nl", "- [ ] ", "\t- ", "#"]
MARKUP = st.sampled_from(["\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "&", "&amp;", "&#60;", "|", "~", "!", "#",
                          "-", "+", "=", ":", '"', "'", " ", "\n", "\n\n", "\n# ", "\n- ", "\n1. ", "\n> ", "\n===",
                          "<script>", "</li>", "javascript:", "www.e.nl", "https://e.nl/x"])
WORDS = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=6)
HOSTILE = st.lists(MARKUP | WORDS, max_size=12).map("".join)
URL_TAIL = st.lists(st.sampled_from(["\\", ")", "(", "<", ">", " ", '"', "'", "&", "&amp;", "%20", "%", "é", "#", "?",
                                     "[", "]", "`", "*", "_", "a", "/"]) | WORDS, max_size=10).map("".join)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.comments = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [value for name, value in attrs if tag == "a" and name == "href"]

    def handle_comment(self, data):
        self.comments += 1


def rendered(markdown: str) -> tuple[str, Tags]:
    page = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    tags = Tags()
    tags.feed(page)
    return page, tags


def literal(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def story(headline: str, text: str, title: str = "Tijdlijn", outlet: str | None = None, url: str | None = None) -> Timeline:
    first = EVENTS[0].model_dump()
    first["sources"] = [{**first["sources"][0], "title": title, "outlet": outlet, "url": url}]
    event = Event.model_validate({**first, "headline": headline, "text": text})  # as an edit or a manifest gives it
    return Timeline(title=title, events=(event, EVENTS[1]))


def assert_two_literal_items(markdown: str, headline: str, text: str) -> Tags:
    page, tags = rendered(markdown)
    assert set(tags.tags) <= TAGS and not tags.comments, (markdown, page)
    assert tags.tags.count("li") == 2 and tags.tags.count("h1") == 1 and tags.tags.count("ul") == tags.tags.count("h2"), (markdown, page)
    items = re.findall(r"<li>(.*?)</li>", page, re.S)
    first = next(item for item in items if "OpenAI wordt" not in item or "opgericht" in text)
    assert literal(item_headline(first)) == " ".join(headline.split()), (markdown, page)
    assert " ".join(text.split()) in literal(first), (markdown, page)
    return tags


def item_headline(item: str) -> str:
    return re.match(r"<strong>(.*?)</strong>", item, re.S).group(1)


@pytest.mark.parametrize("opener", BLOCK_OPENERS)
def test_a_text_that_opens_with_block_markup_stays_literal_text_of_its_one_item(opener):
    text = f"{opener} Het bedrijf haalde in oktober geld op."
    headline = f"{opener} OpenAI haalt geld op"
    assert_two_literal_items(render_markdown(story(headline, text), ENV), headline.strip(), text.strip())


@pytest.mark.parametrize("opener", BLOCK_OPENERS)
def test_an_edited_text_with_markup_on_every_line_stays_one_paragraph(opener):
    text = f"Eerste regel.\n{opener} tweede regel\n\n{opener} derde regel"
    assert_two_literal_items(render_markdown(story("Kop", text), ENV), "Kop", text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=HOSTILE.filter(str.strip), text=HOSTILE.filter(str.strip))
def test_any_headline_and_text_render_as_one_item_of_literal_text(headline, text):
    event = story(headline, text).events[0]  # the model's own cleaning first, as in a build
    assert_two_literal_items(render_markdown(story(headline, text), ENV), event.headline, event.text)


@settings(max_examples=150, deadline=None)
@given(tail=URL_TAIL, title=HOSTILE.filter(str.strip), outlet=HOSTILE.filter(str.strip))
def test_any_source_url_and_title_make_one_link_to_that_address_and_no_raw_html(tail, title, outlet):
    url = "https://nrc.nl/" + tail
    if not re.fullmatch(r"https?://\S+", url):  # the manifest's own check: an address has no whitespace
        return
    timeline = story("Kop", "Tekst.", title=title, outlet=outlet, url=url)
    page, tags = rendered(render_markdown(timeline, ENV))
    assert set(tags.tags) <= TAGS and not tags.comments, page
    assert tags.tags.count("li") == 2, page
    (href,) = tags.hrefs
    # cmark-gfm writes an entity-like "&amp;" of an address as it stands, so compare what a browser follows
    assert html.unescape(urllib.parse.unquote(href)) == html.unescape(urllib.parse.unquote(url)), page
    link = re.search(r"<a href=[^>]*>(.*?)</a>", page, re.S).group(1)
    source = timeline.events[0].sources[0]
    assert literal(link) == " ".join(f"{source.outlet}: {source.title}".split())


@pytest.mark.parametrize("url", ["https://e.nl/a\\", "https://e.nl/a)<img src=x onerror=alert(1)>",
                                 'https://e.nl/"><script>alert(1)</script>', "https://e.nl/a\\)x<b>vet</b>"])
def test_a_url_that_would_break_out_of_its_link_stays_inside_it(url):
    page, tags = rendered(render_markdown(story("Kop", "Tekst.", outlet="NRC", url=url), ENV))
    assert set(tags.tags) <= TAGS and not tags.comments, page
    assert [urllib.parse.unquote(href) for href in tags.hrefs] == [url]


@pytest.mark.parametrize("opener", BLOCK_OPENERS)
def test_the_changelog_keeps_each_change_one_item_of_literal_text(opener):
    text = f"{opener} Het bedrijf haalde geld op.\n{opener} Nog een regel."
    old, new = Timeline(title="t", events=(EVENTS[0],)), story("Kop", text)
    page, tags = rendered(render_changelog(old, new, compare(old, new), ENV))
    assert set(tags.tags) <= TAGS | {"h2"} and not tags.comments, page
    assert tags.tags.count("li") == 2, page
    assert " ".join(text.split()) in literal(page)
