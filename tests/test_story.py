"""`timeline build` on the seeds tells the OpenAI story an editor would publish:
one event per fact, dated by what happened, in texts that name their actor."""

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from timeline.cli import main


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return json.loads((out / "timeline.json").read_text("utf-8"))


def having(story, *words):
    return [e for e in story["events"] if all(w in e["text"] for w in words)]


def one(story, *words):
    found = having(story, *words)
    assert len(found) == 1, [e["text"][:80] for e in found]
    return found[0]


@pytest.mark.parametrize(
    "words, value",
    [
        (("riep Altman begin december",), "2025-12"),
        (("910 miljoen",), "2025-12"),
        (("AgentKit",), "2025-10"),
        (("waardering van 500 miljard dollar",), "2025-10"),
        (("Gemini 3",), "2025-11"),
        (("Ed Zitron",), "2025-11"),
        (("tot stilstand kwamen",), "2025-SU"),
        (("17 miljard dollar",), "2026"),
        (("advertenties",), "2026"),
        (("OpenAI begon in 2015",), "2015"),
        (("commerciële tak",), "2019"),
        (("1,9 gigawatt",), "2025"),
        (("interne memo", "Sam Altman"), "2025-11-21"),
        (("Amazon", "10 miljard dollar"), "2025-12-17"),
    ],
)
def test_each_fact_is_one_event_at_the_date_of_what_happened(story, words, value):
    assert one(story, *words)["date"]["value"] == value


def test_a_sentence_with_two_dates_is_one_event_at_its_happening(story):
    assert one(story, "200 megawatt", "1,9 gigawatt")["date"]["value"] == "2025"  # the later end of the change
    assert one(story, "17 miljard dollar", "9 miljard dollar in 2025")["date"]["value"] == "2026"  # 2025 is a base
    assert one(story, "Ed Zitron")["date"]["value"] == "2025-11"  # not the half year inside its clause


def test_a_date_that_qualifies_bounds_or_compares_dates_nothing(story):
    assert not having(story, "honderd keer de omzet van 2025")  # Altman's podcast: "omzet van 2025"
    assert not [e for e in story["events"] if e["date"]["start"].startswith("2032")]  # "loopt tot 2032"
    users = one(story, "400 miljoen wekelijkse gebruikers")  # "verviervoudiging sinds begin 2023"
    assert users["date"]["value"] == "2025-04-16"  # a current figure: the publication date


def test_the_aws_deal_is_dated_shortly_before_its_article(story):
    deal = one(story, "38 miljard dollar")
    assert deal["date"]["end"] == "2025-12-18" and deal["date"]["start"] < "2025-12-17"
    assert deal["headline"] == "OpenAI neemt voor 38 miljard dollar clouddiensten af bij Amazon Web Services"


@pytest.mark.parametrize("words", [
    ("Als je me vijf jaar geleden",),  # a counterfactual inside a quotation
    ("Een van de snelst groeiende bedrijven",),  # a feature's opening line
    ("Het komende jaar zal uitwijzen",),  # a column's closing line
    ("Terwijl Google met nieuwe modellen",),  # not the news of 000
    ("Annapurna Labs",),  # Amazon's 2015 purchase: not about the subject
    ("Stanford Institute",),  # a benchmark trend: not about the subject
])
def test_what_is_not_an_event_is_absent(story, words):
    assert not having(story, *words)


def test_the_bid_is_one_event_with_bidder_amount_and_target(story):
    bid = one(story, "bod van bijna 100 miljard dollar")
    assert "Musk" in bid["text"] and "OpenAI" in bid["text"]
    assert bid["date"]["value"] == "2025-02"
    assert {s["path"][6:9] for s in bid["sources"]} == {"003", "004"}


def test_the_softbank_round_names_its_actor_and_fits_both_reports(story):
    (round_,) = [e for e in story["events"] if "SoftBank" in e["text"] and "40 miljard dollar" in e["text"]]
    assert round_["text"].startswith("[OpenAI] sloot eerder dit jaar een financieringsronde van 40 miljard dollar af")
    assert (round_["date"]["start"], round_["date"]["end"]) == ("2025-01-01", "2025-04-17")


@pytest.mark.parametrize("start", [
    "Het heeft ook", "Eerder dit jaar sloot het", "Daarbij zou", "Het bod komt", "Het bedrijf gaf", "In 2025 zou die",
])
def test_no_text_opens_on_a_word_that_needs_the_sentence_before(story, start):
    assert not [e["text"] for e in story["events"] if e["text"].startswith(start)]


def test_resolved_names_stand_in_brackets(story):
    tools = one(story, "AgentKit")
    assert tools["text"].startswith("[OpenAI] heeft ook enterprise-tools ontwikkeld")
    reuters = one(story, "1 biljoen dollar")
    assert reuters["text"].startswith("OpenAI timmert ook aan de weg voor een beursgang. Daarbij")


def test_every_headline_says_who_did_what_in_at_most_90_characters(story):
    for event in story["events"]:
        assert 0 < len(event["headline"]) <= 90
        assert not event["headline"][0].isdigit() and "…" not in event["headline"]


@pytest.mark.parametrize("words, headline", [
    (("riep Altman begin december",), "Altman riep begin december een tijdelijke ‘code red’ uit"),
    (("Broadcom",), "OpenAI sloot een deal met Broadcom"),
    (("Ed Zitron",), "Ed Zitron publiceerde gelekte Microsoft-cijfers"),
    (("interne memo",), "Sam Altman sprak zijn team toe"),
    (("17 miljard dollar",), "OpenAI zal in 2026 naar verwachting 17 miljard dollar aan cash verbranden"),
    (("werkt naar verluidt aan een nieuw sociaal platform",), "OpenAI lanceert AI-gedreven alternatief voor X"),
])
def test_headlines_come_from_the_sentence_s_own_words(story, words, headline):
    event = next(e for e in story["events"] if all(w in e["text"] for w in words))
    assert event["headline"] == headline


def test_the_seed_story_has_at_most_thirty_events_all_about_openai(story):
    assert 15 <= len(story["events"]) <= 30
    aliases = ("OpenAI", "ChatGPT", "Altman")
    named = [e for e in story["events"] if any(a in e["text"] + e["headline"] for a in aliases)]
    unnamed = [e for e in story["events"] if e not in named]
    assert len(named) >= 20
    # the others are facts of an article about OpenAI that name no other actor
    assert unnamed and not [e for e in unnamed if re.search(r"(?<![.!?] )(?<!^)\b[A-Z]", e["text"])]


def test_a_fact_of_an_article_about_the_subject_that_names_no_other_actor_stays():
    from timeline.build import build_timeline
    from timeline.read.inputs import Input
    from timeline.story.relevance import Subject

    article = ("date 2025-12-17\n\nOpenAI groeit snel. In 2023 overschreed de omzet de grens van 1 miljard dollar. "
               "In 2024 kocht Microsoft een belang van 5 miljard dollar in Inflection.\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_text(article, "utf-8")
        story = build_timeline([Input(path, "a.txt")], focus=Subject("OpenAI"))
    texts = [e.text for e in story.events]
    assert any("overschreed de omzet" in t for t in texts)  # the subject's own fact, though it names no actor
    assert not any("Inflection" in t and "OpenAI" not in t for t in texts)  # another actor's fact stays out


def test_no_sentence_is_cut_inside_a_version_number(story):
    assert one(story, "Gemini 3")["text"].endswith("GPT-5.1 van OpenAI op verschillende vlakken overtrof.")
    assert not [e for e in story["events"] if " ." in e["text"]]


def test_plans_and_forecasts_are_marked_expected(story):
    assert one(story, "17 miljard dollar")["expected"]
    assert not one(story, "riep Altman begin december")["expected"]


def test_each_event_keeps_its_sources(story):
    for event in story["events"]:
        assert event["sources"]
        for source in event["sources"]:
            assert source["path"].startswith("seeds/") and source["published"]


def test_key_keeps_the_most_relevant_events(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "--quiet", "--key", "5", "--format", "json"])
    assert result.exit_code == 0, result.output
    key = json.loads((tmp_path / "timeline.json").read_text("utf-8"))["events"]
    assert len(key) == 5
    assert all(len(e["sources"]) > 1 or e["relevance"] >= 7 for e in key)
    merged = [e for e in key if len(e["sources"]) > 1]
    assert len(merged) == 3  # every fact that two articles report is a key moment


def test_without_a_subject_nothing_is_dropped(tmp_path):
    from pathlib import Path

    seeds = Path(__file__).parent.parent / "seeds"
    result = CliRunner().invoke(main, ["build", *map(str, sorted(seeds.glob("*.txt"))), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    events = json.loads((tmp_path / "timeline.json").read_text("utf-8"))["events"]
    aliases = ("OpenAI", "ChatGPT", "Altman")
    assert [e for e in events if not any(a in e["text"] + e["headline"] for a in aliases)]
    ranks = [e["relevance"] for e in events]
    assert max(ranks) > min(ranks)


def test_no_file_name_reaches_a_reader(tmp_path):
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path), "-q", "--format",
                                       "md,ics,html,timelinejs,fragment,embed"])
    assert result.exit_code == 0, result.output
    for path in tmp_path.glob("timeline*"):
        text = path.read_text("utf-8")
        assert "seeds/" not in text and ".txt" not in text, path.name
    assert "Bronnen: Musk brengt bod uit op OpenAI, februari 2025; OpenAI lanceert AI-gedreven alternatief voor X" in (
        tmp_path / "timeline.md").read_text("utf-8")


def test_an_estimated_publication_date_is_labelled_as_such(story):
    memo = one(story, "interne memo")
    assert memo["date"]["label"] == "rond 21 november 2025"


def test_outlet_and_url_from_the_manifest_become_a_link_in_every_format(tmp_path):
    import icalendar

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("date 2025-12-17 OpenAI sloot in oktober een deal van 10 miljard dollar met Broadcom.\n", "utf-8")
    (news / "published.toml").write_text(
        '["a.txt"]\ntitle = "OpenAI sluit chipdeal"\noutlet = "De Krant"\nurl = "https://example.nl/openai-chip_(1)"\n', "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(news), "--out", str(out), "-q", "--format", "md,ics,html,timelinejs"])
    assert result.exit_code == 0, result.output
    md = (out / "timeline.md").read_text("utf-8")
    assert "[De Krant: OpenAI sluit chipdeal](<https://example.nl/openai-chip_(1)>), 17 december 2025" in md
    page = (out / "timeline.html").read_text("utf-8")
    assert '<a href="https://example.nl/openai-chip_(1)">De Krant: OpenAI sluit chipdeal</a>, 17 december 2025' in page
    (vevent,) = icalendar.Calendar.from_ical((out / "timeline.ics").read_bytes()).walk("VEVENT")
    assert str(vevent["URL"]) == "https://example.nl/openai-chip_(1)"
    assert "De Krant: OpenAI sluit chipdeal" in str(vevent["DESCRIPTION"])
    slide = json.loads((out / "timelinejs.json").read_text("utf-8"))["events"][0]
    assert slide["group"] == "De Krant" and 'href="https://example.nl/openai-chip_(1)"' in slide["text"]["text"]


def test_a_manifest_url_must_be_an_address(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("date 2025-12-17 OpenAI sloot in oktober een deal met Broadcom.\n", "utf-8")
    (news / "published.toml").write_text('["a.txt"]\nurl = "javascript:alert(1)"\n', "utf-8")
    result = CliRunner().invoke(main, ["build", str(news), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "url" in result.output


def test_a_long_headline_of_a_change_keeps_its_end(story):
    growth = one(story, "1,9 gigawatt")
    assert growth["headline"] == "De verwerkingscapaciteit van OpenAI steeg tot 1,9 gigawatt in 2025"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Z", "C")), min_size=1, max_size=400)
                | st.sampled_from(["OpenAI", "sloot", "een", "deal", ",", "van", "tot", "en", "dat"]), min_size=1, max_size=40))
def test_a_headline_is_at_most_90_characters_whatever_its_words(words):
    from timeline.story.headlines import headline, named
    from timeline.story.words import story_words

    text = " ".join(words)  # as an event shows it: a name put in loses its brackets ("[OpenAI]": "OpenAI")
    assert len(named(headline(text, story_words("nl")))) <= 90
    assert len(named(headline(text, story_words("nl"), title=text))) <= 90


@pytest.mark.parametrize("first", ["x" * 5000, "https://example.com/" + "a" * 200, "Donaudampfschiffahrt" * 10])
def test_a_first_word_too_long_for_a_headline_is_hard_cut_with_an_ellipsis(first):
    from timeline.story.headlines import headline
    from timeline.story.words import story_words

    made = headline(f"{first} sloot in oktober een deal van 10 miljard dollar.", story_words("nl"))
    assert len(made) == 90 and made.endswith("…") and made[:-1] == first[:89].capitalize()[:1] + first[1:89]


def test_a_long_headline_of_ordinary_words_is_still_cut_at_a_word():
    from timeline.story.headlines import headline
    from timeline.story.words import story_words

    made = headline("OpenAI " + "sloot weer een nieuwe grote deal " * 6, story_words("nl"))
    assert len(made) <= 90 and made.endswith("…") and not made[:-1].endswith(("slo", "dea", "grot"))


def test_a_headline_opening_on_a_letter_whose_capital_is_two_letters_stays_within_90_characters():
    from timeline.story.headlines import headline
    from timeline.story.words import story_words
    words = ["ß", "00000"] + ["0"] * 5 + ["000", "00000", "0000000", "0000000", "00000000", "000000000",
                                          "00000000000000000000", "OpenAI"]
    assert len(headline(" ".join(words), story_words("nl"))) <= 90


def test_a_headline_cut_past_a_name_in_brackets_gets_no_room_for_the_brackets_it_lost():
    from timeline.story.headlines import headline, named
    from timeline.story.words import story_words
    words = ["0"] * 7 + ["000", "00000", "00000", "0000000", "00000000(", "00000000000", "0000000000000",
                         "0000000000000000", "[0]"]
    assert len(named(headline(" ".join(words), story_words("nl")))) <= 90
