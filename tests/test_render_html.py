"""The HTML renderer: a self-contained page and a scoped fragment, opened in headless Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from png import ink, pixels
from render_fixtures import EVENTS, sample_timeline

from timeline.render.document import Look, render_html
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
    css = re.sub(r"@(?:media|container)[^{]*\{", "", css)
    return [s.strip() for rule in re.findall(r"([^{}]+)\{[^{}]*\}", css) for s in re.split(r",(?![^()]*\))", rule)]


def background(css: str, dark: bool) -> bytes:
    """The RGB of the timeline's --tl-bg colour, light (first) or dark (last)."""
    colours = re.findall(r"--tl-bg:\s*#([0-9a-f]{6})", css)
    return bytes.fromhex(colours[-1] if dark else colours[0])


def test_html_page_is_self_contained(page):
    assert "<style>" in page
    assert not re.search(r"<link|<script|<img|<iframe|@import|url\(", page)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "http://" not in page and "https://" not in page


def test_html_page_is_dutch_and_lays_itself_out_by_its_container(page):
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "container-type: inline-size" in page
    assert re.search(r"@container \(min-width: [\d.]+em\)", page) and not re.search(r"[\d.]rem\b", page)
    assert "@media (min-width" not in page


def test_html_follows_the_reader_s_colour_scheme_only_on_request(page):
    assert "prefers-color-scheme" not in page
    auto = render_html(sample_timeline(), make_environment(None), look=Look(theme="auto"))
    assert "@media (prefers-color-scheme: dark)" in auto
    dark = render_html(sample_timeline(), make_environment(None), look=Look(theme="dark"))
    assert background(dark, dark=True) != background(page, dark=False)


def test_html_lists_events_with_times_as_precise_as_their_dates(page):
    assert page.count('<ol class="tl-events">') == 4
    assert page.count('<li class="tl-event') == len(EVENTS)
    for value, label in [("2015-12-11", "11 december 2015"), ("2022", "eind 2022"), ("2025", "eerste helft van 2025"),
                         ("2025-04-16", "16 april 2025"), ("2025", "zomer 2025"), ("2025-12", "begin december 2025")]:
        assert f'<time class="tl-date" datetime="{value}">{label}</time>' in page
    assert '<time datetime="2015">2015</time>' in page  # the year heading


def test_html_has_a_heading_per_year_and_no_period_headings(page):
    assert re.findall(r'<h2 class="tl-year-heading"><time datetime="\d+">(.*?)</time></h2>', page) == [
        "2015", "2022", "2025", "2026",
    ]  # fmt: skip
    assert "tl-period" not in page


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
    assert re.match(r'<div class="tl-timeline" id="tl-[0-9a-f]{8}" lang="nl">\n<style>', fragment)
    assert fragment.rstrip().endswith("</div>")
    assert not re.search(r"<(?:!DOCTYPE|html|head|body|meta|title)\b", fragment, flags=re.I)
    assert fragment.count('<li class="tl-event') == len(EVENTS)
    assert '<h2 class="tl-title">' in fragment  # one level down, to sit inside an article


def test_html_fragment_scopes_every_css_selector_under_tl_timeline(fragment):
    css = re.search(r"<style>(.*?)</style>", fragment, flags=re.S).group(1)
    selectors = css_selectors(css)
    assert len(selectors) > 20
    root = re.search(r'id="(tl-[0-9a-f]{8})"', fragment).group(1)
    unscoped = [s for s in selectors if not s.startswith(f"#{root}#{root}")]
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
    auto = tmp_path / "auto.html"
    auto.write_text(render_html(sample_timeline(), make_environment(None), look=Look(theme="auto")), "utf-8")
    chromium(tmp_path, *DARK, f"--screenshot={shot}", "--window-size=390,844", auto.as_uri())
    _, _, rows = pixels(shot)
    assert rows[0][:3] == background(auto.read_text("utf-8"), dark=True)
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


LAYOUT_CSS = """
body { margin: 0; }
#wrap { display: flex; gap: 20px; max-width: 1000px; margin: 0 auto; }
#content { width: 680px; max-width: 100%; }
#side { width: 300px; }
@media (max-width: 700px) { #side { display: none; } }
"""
HOSTILE_CSS = LAYOUT_CSS + """
body { font-family: Georgia, serif; font-size: 20px; color: #222; }
h2 { color: rgb(255, 0, 0); font-size: 44px; border-top: 6px solid red; text-transform: uppercase; font-family: Impact, serif; }
#content h3 { color: rgb(0, 0, 255); font-size: 36px; background: yellow; letter-spacing: 4px; }
li { list-style: square; margin-left: 40px; color: rgb(0, 128, 0); font-size: 24px; }
#content li { padding: 20px; border-left: 4px solid orange; }
time { font-style: italic; color: purple; font-size: 30px; }
#content p { text-indent: 3em; margin: 2em 0; }
"""
PROBE = """<pre id="probe"></pre><script>
addEventListener("load", function () {
  var root = document.querySelector(".tl-timeline"), pick = function (el) {
    var s = getComputedStyle(el);
    return {color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, borderTop: s.borderTopWidth,
            textTransform: s.textTransform, background: s.backgroundColor, letterSpacing: s.letterSpacing,
            paddingLeft: s.paddingLeft, marginLeft: s.marginLeft, listStyle: s.listStyleType, fontStyle: s.fontStyle,
            textIndent: s.textIndent, width: el.getBoundingClientRect().width};
  };
  document.getElementById("probe").textContent = JSON.stringify({
    year: pick(root.querySelector(".tl-year-heading")), entry: pick(root.querySelector(".tl-event")),
    date: pick(root.querySelector(".tl-date")), text: pick(root.querySelector(".tl-text")),
    datePosition: getComputedStyle(root.querySelector(".tl-date")).position});
});
</script>"""


def host_page(tmp_path: Path, body: str, name: str) -> Path:
    host = tmp_path / name
    host.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{HOSTILE_CSS}</style></head><body>"
        f"<div id='wrap'><div id='content'><h2>Artikelkop</h2><p>Een alinea.</p>{body}<p>Slot.</p></div>"
        f"<aside id='side'>Zijbalk</aside></div>{PROBE}</body></html>", "utf-8")
    return host


def probe(tmp_path: Path, host: Path, width: int) -> dict:
    import json

    dom = chromium(tmp_path, "--dump-dom", f"--window-size={width},1600", "--virtual-time-budget=2000", host.as_uri())
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, flags=re.S).group(1)
    return json.loads(html.unescape(found))


@pytest.fixture(scope="module")
def seeds_fragment() -> str:
    from timeline.build import build_timeline, inputs

    return render_html(build_timeline(inputs([], None)), make_environment(None), fragment=True)


@pytest.mark.parametrize("width", [390, 680, 1280])
def test_a_fragment_pasted_into_a_hostile_page_keeps_its_own_look(tmp_path, seeds_fragment, width):
    alone = host_page(tmp_path, seeds_fragment, "alone.html")
    alone.write_text(alone.read_text("utf-8").replace(HOSTILE_CSS, LAYOUT_CSS), "utf-8")
    hostile = host_page(tmp_path, seeds_fragment, "hostile.html")
    own, pasted = probe(tmp_path, alone, width), probe(tmp_path, hostile, width)
    assert pasted == own
    assert pasted["year"]["color"] == "rgb(28, 31, 36)" and pasted["year"]["borderTop"] == "0px"
    assert pasted["year"]["textTransform"] == "none" and pasted["entry"]["listStyle"] == "none"
    assert pasted["date"]["fontStyle"] == "normal" and pasted["text"]["textIndent"] == "0px"
    # Wide layout by the column's width (680 px at most), not the window's: the date column sits beside.
    assert pasted["datePosition"] == ("static" if width == 390 else "absolute")
    shots = Path(os.environ.get("TIMELINE_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    chromium(tmp_path, f"--screenshot={shots / f'fragment-hostile-{width}.png'}", f"--window-size={width},1600", hostile.as_uri())
    assert ink(shots / f"fragment-hostile-{width}.png") > 0.01


def test_fragment_heading_level_and_title_are_the_builder_s_choice(tmp_path):
    three = render_html(sample_timeline(), make_environment(None), fragment=True, look=Look(heading_level=3, title=False))
    assert 'class="tl-title"' not in three
    assert re.findall(r'<h(\d) class="tl-year-heading">', three) == ["3"] * 4


def test_the_embed_is_a_page_for_an_iframe_and_the_snippet_sizes_it(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import main

    result = CliRunner().invoke(main, ["build", "--format", "embed", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    embed = (tmp_path / "timeline.embed.html").read_text("utf-8")
    snippet = (tmp_path / "timeline.embed.snippet.html").read_text("utf-8")
    assert embed.startswith("<!DOCTYPE html>") and "postMessage" in embed
    assert '<iframe src="timeline.embed.html"' in snippet and "http" not in snippet
    start = int(re.search(r"height:(\d+)px", snippet).group(1))
    host = host_page(tmp_path, snippet, "embed-host.html")
    host.write_text(host.read_text("utf-8").replace(
        "</body>", "<script>addEventListener('load',function(){setTimeout(function(){document.title="
        "document.querySelector('iframe').style.height},800)})</script></body>"), "utf-8")
    dom = chromium(tmp_path, "--dump-dom", "--window-size=680,1600", "--virtual-time-budget=3000", host.as_uri())
    grown = int(re.search(r"<title>(\d+)px</title>", dom).group(1))
    assert grown > 500 and abs(grown - start) < start  # the page told its height; the first guess was near
