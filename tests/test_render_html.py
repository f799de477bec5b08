"""The HTML renderer: a self-contained page and a scoped fragment, opened in headless Chromium."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from png import ink, pixels
from render_fixtures import EVENTS, sample_timeline

from timeline.render.document import render_html
from timeline.render.templating import make_environment

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--no-first-run", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
)  # fmt: skip
DARK = ("--force-dark-mode", "--blink-settings=preferredColorScheme=0")


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_timeline(), make_environment(None))


@pytest.fixture(scope="module")
def fragment() -> str:
    return render_html(sample_timeline(), make_environment(None), fragment=True)


@pytest.fixture
def page_file(tmp_path: Path, page: str) -> Path:
    path = tmp_path / "timeline.html"
    path.write_text(page, "utf-8")
    return path


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium with a fresh profile; its stdout."""
    assert Path(CHROMIUM).exists(), "chromium not found: install it (apt-get install chromium)"
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, f"chromium failed:\n{done.stderr[-2000:]}"
    return done.stdout


def css_selectors(css: str) -> list[str]:
    """Every selector of every rule, including those inside @media blocks."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media[^{]*\{", "", css)
    return [s.strip() for rule in re.findall(r"([^{}]+)\{[^{}]*\}", css) for s in rule.split(",")]


def background(css: str, dark: bool) -> bytes:
    """The RGB of the timeline's --tl-bg colour, light (first) or dark (last)."""
    colours = re.findall(r"--tl-bg:\s*#([0-9a-f]{6})", css)
    return bytes.fromhex(colours[-1] if dark else colours[0])


def test_html_page_is_self_contained(page):
    assert "<style>" in page
    assert not re.search(r"<link|<script|<img|<iframe|@import|url\(", page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "http://" not in page and "https://" not in page


def test_html_page_is_dutch_responsive_and_has_a_dark_mode(page):
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (prefers-color-scheme: dark)" in page
    assert re.search(r"@media \(min-width: [\d.]+em\)", page)


def test_html_lists_events_in_ordered_lists_with_a_time_element_each(page):
    assert page.count('<ol class="tl-events">') == 7
    assert page.count('<li class="tl-event') == len(EVENTS)
    for event in EVENTS:
        label = html.escape(event.date.label)
        assert f'datetime="{event.date.start.isoformat()}">{label}</time>' in page
    assert '<time class="tl-date" datetime="2025-12-01">begin december 2025</time>' in page


def test_html_has_year_and_period_headings(page):
    assert re.findall(r'<h2 class="tl-year-heading">(.*?)</h2>', page) == [
        "2015", "2022", "2025", "2026",
    ]  # fmt: skip
    assert '<h3 class="tl-period">Eerste helft</h3>' in page


def test_html_escapes_texts_and_titles(page):
    assert "<title>OpenAI: van lab tot ‘code rood’ &amp; verder</title>" in page
    assert "&lt;100 miljoen&gt;" in page and "&lt;img&gt;" in page
    assert "Musk &amp; Altman" in page


def test_html_marks_only_expected_events_with_a_verwacht_tag(page):
    items = re.findall(r'<li class="([^"]*)">(.*?)</li>', page, flags=re.S)
    for (classes, item), event in zip(items, EVENTS):
        assert ("tl-event--expected" in classes) == event.expected
        assert ('<span class="tl-tag">verwacht</span>' in item) == event.expected


def test_html_fragment_is_one_element_without_page_markup(fragment):
    assert fragment.startswith('<div class="tl-timeline" lang="nl">\n<style>')
    assert fragment.rstrip().endswith("</div>")
    assert not re.search(r"<(?:!DOCTYPE|html|head|body|meta|title)\b", fragment, flags=re.I)
    assert fragment.count('<li class="tl-event') == len(EVENTS)
    assert '<h2 class="tl-title">' in fragment  # one level down, to sit inside an article


def test_html_fragment_scopes_every_css_selector_under_tl_timeline(fragment):
    css = re.search(r"<style>(.*?)</style>", fragment, flags=re.S).group(1)
    selectors = css_selectors(css)
    assert len(selectors) > 20
    unscoped = [s for s in selectors if not re.match(r"\.tl-timeline(?![\w-])", s)]
    assert unscoped == []


def test_html_renders_identically_twice(page, fragment):
    env = make_environment(None)
    assert render_html(sample_timeline(), env) == page
    assert render_html(sample_timeline(), env, fragment=True) == fragment


def test_html_user_style_replaces_the_default_and_the_rest_falls_back(tmp_path):
    (tmp_path / "_style.css.j2").write_text(".tl-timeline { color: teal; }\n")
    page = render_html(sample_timeline(), make_environment(tmp_path))
    assert ".tl-timeline { color: teal; }" in page and "--tl-bg" not in page
    assert page.count('<li class="tl-event') == len(EVENTS)


def test_chromium_builds_a_dom_with_every_event(tmp_path, page_file):
    dom = chromium(tmp_path, "--dump-dom", page_file.as_uri())
    assert dom.count('<li class="tl-event') == len(EVENTS)
    assert dom.count('<span class="tl-tag">verwacht</span>') == 1
    for event in EVENTS:
        assert html.escape(event.text, quote=False) in dom


@pytest.mark.parametrize("size", ["1200,1600", "390,844"], ids=["desktop", "phone"])
def test_chromium_screenshot_shows_the_timeline_on_its_background(tmp_path, page, page_file, size):
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size}", page_file.as_uri())
    width, height, rows = pixels(shot)
    assert f"{width},{height}" == size
    assert rows[0][:3] == background(page, dark=False)
    assert ink(shot) > 0.01


def test_chromium_uses_the_dark_palette_when_the_reader_prefers_dark(tmp_path, page, page_file):
    shot = tmp_path / "dark.png"
    chromium(tmp_path, *DARK, f"--screenshot={shot}", "--window-size=390,844", page_file.as_uri())
    _, _, rows = pixels(shot)
    assert rows[0][:3] == background(page, dark=True)
    assert ink(shot) > 0.01


def test_chromium_shows_every_event_of_the_seeds_story(tmp_path):
    from timeline.build import build_timeline, inputs

    story = build_timeline(inputs([], None))
    path = tmp_path / "timeline.html"
    path.write_text(render_html(story, make_environment(None)), "utf-8")
    dom = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert dom.count('<li class="tl-event') == len(story.events)
    assert "Amazon zou een investering van ongeveer 10 miljard dollar in OpenAI overwegen." in dom
    assert dom.count('class="tl-tag"') == sum(e.expected for e in story.events)


def test_build_writes_a_fragment_that_embeds_in_a_host_page(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, ["build", "--format", "fragment,html", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    fragment = (tmp_path / "timeline.fragment.html").read_text("utf-8")
    host = tmp_path / "host.html"
    host.write_text(
        "<!DOCTYPE html><html><head><style>li { color: rgb(255, 0, 0); }</style></head><body>"
        f"<p>Artikel</p>{fragment}<ul><li id='host'>host</li></ul></body></html>", "utf-8"
    )
    dom = chromium(tmp_path, "--dump-dom", host.as_uri())
    assert dom.count('<li class="tl-event') >= 15 and 'id="host"' in dom
