"""`timeline review`: a page an editor can work from, checked in headless Chromium."""

from __future__ import annotations

import re

from click.testing import CliRunner

from timeline.cli import main


def test_the_review_page_highlights_the_date_phrase_and_offers_edits(tmp_path):
    from test_render_html import chromium

    result = CliRunner().invoke(main, ["review", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = tmp_path / "review.html"
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    (item,) = [s for s in re.findall(r'<section class="item".*?</section>', dom, flags=re.S) if "riep Altman" in s]
    assert "In reactie daarop riep Altman <mark>begin december</mark> een tijdelijke" in item
    assert "datum: de datum in de hoofdzin" in item
    event_id = re.search(r'id="e-([0-9a-f]{12})"', item).group(1)
    assert f'["{event_id}"]\ndrop = true' in item and f'["{event_id}"]\ndate = "begin december 2025"' in item
    (bid,) = [s for s in re.findall(r'<section class="item".*?</section>', dom, flags=re.S) if "100 miljard" in s]
    assert "samengevoegd uit 2 artikelen" in bid and bid.count('class="telling"') >= 2
    assert "seeds/" not in dom


def test_the_review_also_comes_as_markdown(tmp_path):
    result = CliRunner().invoke(main, ["review", "--out", str(tmp_path), "--format", "md"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "review.md").read_text("utf-8")
    assert "> In reactie daarop riep Altman **begin december** een tijdelijke" in text
    assert "```toml" in text


def test_a_review_of_standard_input_reads_it_once_and_shows_its_events(tmp_path):
    import subprocess
    import sys

    article = "date 2025-12-17 OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.\n"
    result = subprocess.run([sys.executable, "-m", "timeline.cli", "review", "-", "--out", str(tmp_path), "--format", "md"],
                            input=article.encode("utf-8"), capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    review = (tmp_path / "review.md").read_text("utf-8")
    assert "1 gebeurtenissen." in review and "## oktober 2025: OpenAI sloot in oktober een deal" in review


def test_a_review_of_an_empty_standard_input_is_an_error_not_an_empty_story(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "timeline.cli", "review", "-", "--out", str(tmp_path)],
                            input=b"", capture_output=True, timeout=120)
    assert result.returncode == 1 and b"no article could be read" in result.stderr
    assert not (tmp_path / "review.html").exists()
