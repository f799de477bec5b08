"""The desk driven as an editor drives it: real headless Chromium through WebDriver (Debian's
chromium-driver), clicks and keys on the page, then the files the desk wrote read back."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from desk_helpers import COMMENT, edits_of, news, start, whole_build
from timeline.cli import main

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PULLED = "Toen Altman in een recente podcast werd geïnterviewd door Brad Gerstner"


@pytest.fixture
def browser():
    assert Path(DRIVER).exists(), "chromedriver not found: install it (apt-get install chromium-driver)"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def card(driver, words: str):
    """The event on the page whose text holds `words`."""
    (found,) = [c for c in driver.find_elements(By.CSS_SELECTOR, ".event")
                if words in c.find_element(By.CSS_SELECTOR, "p.text").text]
    return found


def saved(driver, message: str) -> None:
    """Wait for the page to say the change was saved (it says so after showing the new story)."""
    WebDriverWait(driver, 120).until(lambda d: d.find_element(By.ID, "status").text == message
                                     or d.find_element(By.ID, "problem").text)
    assert not driver.find_element(By.ID, "problem").text, driver.find_element(By.ID, "problem").text


def press(driver, key: str) -> None:
    webdriver.ActionChains(driver).send_keys(key).perform()


def shots(driver, tmp_path: Path) -> list[Path]:
    """The desk at 1280 and at 390 CSS pixels wide (a phone, emulated: a window is at least 500 wide)."""
    taken = []
    for width in (1280, 390):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600})
        driver.execute_script("window.scrollTo(0, 0)")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return innerWidth") == width)
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
        shot = tmp_path / f"desk-{width}.png"
        driver.save_screenshot(str(shot))
        taken.append(shot)
    if os.environ.get("TIMELINE_SHOTS"):  # to look at them
        for shot in taken:
            shutil.copy(shot, Path(os.environ["TIMELINE_SHOTS"]) / shot.name)
    return taken


def test_an_editor_drops_redates_rewrites_merges_and_pulls_in_and_the_build_follows(tmp_path, browser):
    folder, out = news(tmp_path), tmp_path / "build"
    desk = start(folder, out)
    try:
        browser.get(desk.url)
        WebDriverWait(browser, 120).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".event")) > 10)
        ids = {words: card(browser, words).get_attribute("data-id") for words in
               ("Ed Zitron", "AgentKit", "riep Altman begin december", "38 miljard dollar", "910 miljoen")}

        card(browser, "Ed Zitron").find_element(By.CSS_SELECTOR, "[data-action=drop]").click()
        saved(browser, "Geschrapt.")
        assert "Ed Zitron" not in browser.find_element(By.ID, "events").text
        assert ids["Ed Zitron"] == browser.find_element(By.CSS_SELECTOR, "#dropped li").get_attribute("data-id")

        phrase = card(browser, "AgentKit").find_element(By.CSS_SELECTOR, "input[name=phrase]")
        phrase.send_keys("november 2025")
        WebDriverWait(browser, 60).until(  # the label it gives, shown before saving
            lambda d: card(d, "AgentKit").find_element(By.CSS_SELECTOR, "output").text == "wordt: november 2025")
        phrase.send_keys(Keys.ENTER)
        saved(browser, "Nieuwe datum opgeslagen.")
        assert card(browser, "AgentKit").find_element(By.CSS_SELECTOR, ".meta strong").text == "november 2025"

        rewrite = card(browser, "riep Altman begin december")
        rewrite.find_element(By.CSS_SELECTOR, "summary").click()
        headline = rewrite.find_element(By.CSS_SELECTOR, "input[name=headline]")
        headline.clear()
        headline.send_keys("Altman roept ‘code red’ uit")
        rewrite.find_element(By.CSS_SELECTOR, "form[data-form=rewrite] button").click()
        saved(browser, "Nieuwe woorden opgeslagen.")
        changes = browser.find_element(By.ID, "changes").text
        assert "kop:" in changes and "→ Altman roept ‘code red’ uit" in changes  # what changed: old and new

        taker = card(browser, "38 miljard dollar")
        Select(taker.find_element(By.CSS_SELECTOR, "select[name=other]")).select_by_value(ids["910 miljoen"])
        taker.find_element(By.CSS_SELECTOR, "form[data-form=merge] button").click()
        saved(browser, "Samengevoegd.")

        search = browser.find_element(By.ID, "search")
        search.send_keys("brad gerstner")
        (pulled,) = [li for li in browser.find_elements(By.CSS_SELECTOR, "#left > li") if li.is_displayed()]
        assert "waarom niet:" in pulled.text
        pulled.find_element(By.CSS_SELECTOR, "[data-action=add]").click()
        saved(browser, "Opgenomen als gebeurtenis.")
        card(browser, PULLED)

        card(browser, "AgentKit").find_element(By.CSS_SELECTOR, "[data-action=key]").click()  # a key moment ...
        saved(browser, "Kernmoment.")
        browser.execute_script("arguments[0].focus()", card(browser, "AgentKit"))
        press(browser, "u")  # ... taken back with the keyboard
        saved(browser, "Ongedaan gemaakt.")
        assert "kernmoment" not in card(browser, "AgentKit").find_element(By.CSS_SELECTOR, ".chips").text

        wide, narrow = shots(browser, tmp_path)
        assert wide.stat().st_size > 20_000 and narrow.stat().st_size > 20_000
    finally:
        desk.stop()
    check_files(folder, out, ids, tmp_path)


def check_files(folder: Path, out: Path, ids: dict, tmp_path: Path) -> None:
    text = (folder / "edits.toml").read_text("utf-8")
    assert text.startswith(COMMENT)  # the editor's comment stays, at the top
    edits = edits_of(folder)
    pulled_id = next(key for key, edit in edits.items() if edit.get("add"))
    assert edits == {
        ids["Ed Zitron"]: {"drop": True},
        ids["AgentKit"]: {"date": "november 2025"},
        ids["riep Altman begin december"]: {"headline": "Altman roept ‘code red’ uit"},
        ids["38 miljard dollar"]: {"merge": [ids["910 miljoen"]]},
        pulled_id: {"add": True, "source": edits[pulled_id]["source"], "text": edits[pulled_id]["text"], "date": "2025"},
    }
    assert edits[pulled_id]["text"].startswith(PULLED) and edits[pulled_id]["source"].endswith(".txt")
    story = whole_build(out)
    events = {e.id: e for e in story.events}
    assert ids["Ed Zitron"] not in events and ids["910 miljoen"] not in events
    assert events[ids["AgentKit"]].date.value == "2025-11"
    assert events[ids["riep Altman begin december"]].headline == "Altman roept ‘code red’ uit"
    assert len(events[ids["38 miljard dollar"]].sources) == 2
    assert events[pulled_id].date.value == "2025" and events[pulled_id].text.startswith(PULLED)
    calendar = icalendar.Calendar.from_ical((out / "timeline.ics").read_bytes())
    entries = {str(v["UID"]).split("@")[0]: v for v in calendar.walk("VEVENT")}
    assert ids["Ed Zitron"] not in entries and ids["910 miljoen"] not in entries
    assert entries[ids["AgentKit"]].decoded("DTSTART").isoformat() == "2025-11-01"
    assert str(entries[ids["riep Altman begin december"]]["SUMMARY"]) == "Altman roept ‘code red’ uit (begin december 2025)"
    markdown = (out / "timeline.md").read_text("utf-8")
    assert "Altman roept ‘code red’ uit" in markdown and "Ed Zitron" not in markdown and PULLED in markdown
    again = tmp_path / "again"  # the desk's build is the one `timeline build` makes with the same edits.toml
    assert CliRunner().invoke(main, ["build", str(folder), "--out", str(again), "-q"]).exit_code == 0
    plain = [dict(e, sequence=0) for e in json.loads((again / "timeline.json").read_text("utf-8"))["events"]]
    assert plain == [dict(e, sequence=0) for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]]
