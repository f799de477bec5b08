"""The HTML timeline, opened in headless Chromium (Debian's chromium)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from png import ink
from render_fixtures import sample_timeline
from timeline.build import build_timeline, inputs
from timeline.render import render_html
from timeline.templating import make_environment

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def story():
    return build_timeline(inputs([], None))


@pytest.fixture(scope="module")
def page(story) -> str:
    return render_html(story, make_environment())


def chromium(tmp_path: Path, *args: str) -> str:
    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: apt-get install -y chromium"
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_the_page_is_self_contained_and_semantic(page):
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "<link" not in page and "<script" not in page
    assert '<html lang="nl">' in page and 'name="viewport"' in page
    assert "@media (prefers-color-scheme: dark)" in page
    assert page.count('<ol class="tl-events">') >= 1
    assert '<time class="tl-date" datetime="2025-12-01">begin december 2025</time>' in page


def test_the_fragment_scopes_every_css_rule_under_one_class():
    fragment = render_html(sample_timeline(), make_environment(), fragment=True)
    assert fragment.lstrip().startswith('<div class="tl-timeline"')
    assert "<html" not in fragment and "<body" not in fragment
    css = re.search(r"<style>(.*?)</style>", fragment, re.S).group(1)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [s.strip() for block in re.findall(r"([^{}@]+)\{[^{}]*\}", css) for s in block.split(",")]
    assert selectors
    assert all(s.startswith(".tl-timeline") for s in selectors if s and not s.startswith(("from", "to"))), selectors


def test_chromium_shows_every_event(tmp_path, page, story):
    path = tmp_path / "timeline.html"
    path.write_text(page, "utf-8")
    dom = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert dom.count('<li class="tl-event') == len(story.events)
    assert "Amazon zou een investering van ongeveer 10 miljard dollar in OpenAI overwegen." in dom
    assert dom.count('class="tl-tag"') == sum(e.expected for e in story.events)


@pytest.mark.parametrize("size", ["1200,1600", "390,844"], ids=["desktop", "phone"])
def test_the_screenshot_is_not_blank(tmp_path, page, size):
    path = tmp_path / "timeline.html"
    path.write_text(page, "utf-8")
    shot = tmp_path / "shot.png"
    chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size}", path.as_uri())
    assert shot.exists()
    assert ink(shot) > 0.02


def test_build_writes_the_fragment_to_embed(tmp_path):
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
    assert dom.count('<li class="tl-event') > 30 and "id=\"host\"" in dom
