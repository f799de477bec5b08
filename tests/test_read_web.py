"""Articles as newsrooms have them: saved web pages (read with trafilatura) and JSON Lines
exports, in one folder with plain text, built into one story."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import main
from timeline.read.web import page_parts

PAGES = Path(__file__).parent / "pages"


@pytest.mark.parametrize("page, title, outlet, url, author, published, opening", [
    ("nos_openai.html", "OpenAI haalt 40 miljard dollar op bij SoftBank", "Nieuwsdienst",
     "https://nieuwsdienst.example/artikel/2563001-openai-haalt-40-miljard-op", "Petra de Boer", "2025-03-31",
     "OpenAI heeft een financieringsronde van 40 miljard dollar afgesloten"),
    ("techsite_aws.html", "OpenAI sluit clouddeal van 38 miljard dollar met Amazon", "Techwereld",
     "https://techwereld.example/nieuws/openai-amazon-aws-deal", "Mark Visser", "2025-11-03",
     "OpenAI heeft een overeenkomst van 38 miljard dollar gesloten met Amazon Web Services"),
    ("regio_memo.html", "Altman waarschuwt personeel voor opmars van Google", "Dagblad van het Oosten",
     "https://dagbladvanhetoosten.example/economie/altman-memo-google", None, "2025-11-21",
     "In een interne memo heeft OpenAI-topman Sam Altman"),
])
def test_a_saved_news_page_gives_its_text_title_outlet_link_and_date(page, title, outlet, url, author, published, opening):
    text, meta = page_parts(page, (PAGES / page).read_bytes())
    assert (meta.title, meta.outlet, meta.url, meta.author, str(meta.published)) == (title, outlet, url, author, published)
    assert opening in text
    for noise in ("Voorpagina", "Alle rechten voorbehouden", "Reacties (12)", "Deel dit artikel", "cookies"):
        assert noise not in text


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed") / "news"
    shutil.copytree(PAGES, folder)
    (folder / "kort.txt").write_text("date 2025-12-18 Microsoft kondigde in december een investering van 5 miljard dollar "
                                     "in OpenAI aan.\n", "utf-8")
    out = folder.parent / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--format", "json,md,ics", "--subject",
                                       "OpenAI", "--calendar-grain", "year"])
    return result, json.loads((out / "timeline.json").read_text("utf-8")), (out / "timeline.md").read_text("utf-8")


def test_a_folder_of_pages_jsonl_and_text_builds_one_story_and_names_the_bad_lines(mixed):
    result, story, _ = mixed
    assert result.exit_code == 3
    assert "export.jsonl:3: no publication date" in result.output
    assert "export.jsonl:4: not a JSON object" in result.output
    outlets = {s["outlet"] for e in story["events"] for s in e["sources"]}
    assert {"Nieuwsdienst", "Techwereld", "Dagblad van het Oosten", "Persbureau", None} <= outlets


def test_each_source_keeps_its_title_link_and_date(mixed):
    _, story, md = mixed
    sources = {s["title"]: s for e in story["events"] for s in e["sources"]}
    assert sources["OpenAI haalt 40 miljard dollar op bij SoftBank"]["published"] == "2025-03-31"
    assert sources["Amazon overweegt investering van 10 miljard in OpenAI"]["url"] == (
        "https://persbureau.example/2025/12/17/amazon-openai")
    assert sources["OpenAI wijst bod van Musk af"]["published"] == "2025-02-15"
    assert "[Techwereld: OpenAI sluit clouddeal van 38 miljard dollar met Amazon](<https://techwereld.example/nieuws/" in md


def test_a_page_s_own_date_yields_to_the_manifest(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(PAGES / "techsite_aws.html", folder)
    (folder / "published.toml").write_text('["techsite_aws.html"]\npublished = 2025-11-04\n', "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    story = json.loads((out / "timeline.json").read_text("utf-8"))
    assert {s["published"] for e in story["events"] for s in e["sources"]} == {"2025-11-04"}
    assert {s["outlet"] for e in story["events"] for s in e["sources"]} == {"Techwereld"}
