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


def test_the_review_is_dutch_throughout_and_lists_the_left_out_sentences_with_why(tmp_path):
    result = CliRunner().invoke(main, ["review", "--out", str(tmp_path), "--format", "md"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "review.md").read_text("utf-8")
    assert "no date" not in text and "waarom niet: een vermelding zonder eigen datum" in text
    left = text.split("## Weggelaten zinnen", 1)[1]
    assert "waarom niet: een tussenkop" in left
    assert "waarom niet: een voorwaarde of iets wat niet gebeurde" in left  # 'Als je me vijf jaar geleden had gezegd'
    assert "Stanford Institute" in left  # a trend over the past year: a date, no happening
    assert "waarom niet: een vermelding zonder eigen datum" in left
    assert left.count("Als de verkoop aan grote zakelijke klanten tegenvalt") == 1  # a pull quote once


def test_the_review_page_lets_the_editor_search_the_left_out_sentences(tmp_path):
    from test_render_html import chromium

    assert CliRunner().invoke(main, ["review", "--out", str(tmp_path)]).exit_code == 0
    page = (tmp_path / "review.html").read_text("utf-8")
    assert '<label for="zoek">' in page and "no date" not in page
    dom = chromium(tmp_path, "--dump-dom", (tmp_path / "review.html").as_uri())
    assert dom.count('class="left"') > 100 and "Weggelaten zinnen" in dom


def test_every_date_line_the_review_offers_gives_the_same_period_when_pasted_back(tmp_path):
    import json
    import shutil
    from pathlib import Path

    seeds = tmp_path / "seeds"
    shutil.copytree(Path(__file__).parent.parent / "seeds", seeds)
    assert CliRunner().invoke(main, ["review", str(seeds), "--out", str(tmp_path), "--format", "md"]).exit_code == 0
    lines = re.findall(r'```toml\n(\["[0-9a-f]{12}"\]\ndate = "[^"\n]*")\n```', (tmp_path / "review.md").read_text("utf-8"))
    assert 'date = "18 september – 17 december 2025"' in "\n".join(lines)  # "kort voor 17 december 2025" is a period
    assert CliRunner().invoke(main, ["build", str(seeds), "--out", str(tmp_path / "before")]).exit_code == 0
    (seeds / "edits.toml").write_text("\n\n".join(lines) + "\n", "utf-8")
    assert CliRunner().invoke(main, ["build", str(seeds), "--out", str(tmp_path / "after")]).exit_code == 0
    period = lambda name: {e["id"]: (e["date"]["start"], e["date"]["end"])  # noqa: E731
                           for e in json.loads((tmp_path / name / "timeline.json").read_text("utf-8"))["events"]}
    assert period("after") == period("before") and len(lines) == len(period("before"))


def test_a_mention_that_joins_a_dated_report_says_so_in_dutch(tmp_path):
    (tmp_path / "a.txt").write_text("date 2025-03-04\n\nOp 3 maart kocht chemiebedrijf Norvia branchegenoot Belco voor "
                                    "2 miljard euro.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2025-03-20\n\nKratos opende op 19 maart een fabriek in Delft. De overname van "
                                    "Belco door Norvia voor 2 miljard euro was een verrassing voor Kratos.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "md"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "review.md").read_text("utf-8")
    assert "datum: geen eigen datum: past bij een gedateerd bericht" in text and "no date" not in text
