"""One story from many articles: the seeds' shared facts appear once, with every source."""

import json
from pathlib import Path

import icalendar

import pytest
from click.testing import CliRunner

from timeline.build import build_timeline, inputs
from timeline.cli import main

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def story():
    return build_timeline(inputs([], None))


def with_text(story, *needles):
    return [e for e in story.events if all(n in e.text for n in needles)]


def sources(event):
    return {Path(s.path).name[:3] for s in event.sources}


def story_of(tmp_path, articles: dict[str, str]):
    """The story of `articles` (file name -> text) written into tmp_path."""
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return build_timeline(inputs([str(tmp_path)], None))


def told_by(story) -> list[set[str]]:
    """Each event's source files by name."""
    return [{Path(s.path).name for s in e.sources} for e in story.events]


@pytest.mark.parametrize(
    "needles, articles",
    [
        (("40 miljard dollar", "SoftBank"), {"002", "003"}),
        (("Amazon", "10 miljard dollar"), {"001", "002"}),
        (("bod van bijna 100 miljard dollar",), {"003", "004"}),
    ],
    ids=["SoftBank round", "Amazon talks", "Musk's bid"],
)
def test_a_fact_reported_twice_is_one_event_with_both_sources(story, needles, articles):
    telling = with_text(story, *needles)
    assert len(telling) == 1, [e.text for e in telling]
    assert sources(telling[0]) == articles


def test_nothing_else_is_merged(story):
    assert sum(len(e.sources) > 1 for e in story.events) == 3


def test_a_base_of_comparison_joins_no_fact(story):
    # 001's "tegenover 500 miljard dollar bij de laatste financieringsronde in oktober" compares;
    # October's valuation is 002's alone.
    (october,) = with_text(story, "bereikte in oktober al een waardering")
    assert sources(october) == {"002"}


def test_merged_reports_take_the_date_that_fits_both(story):
    # "Eerder dit jaar" (December) and "een recente investering" (16 April): 2025, before mid-April.
    (softbank,) = [e for e in story.events if sources(e) == {"002", "003"}]
    assert softbank.text.startswith("[OpenAI] sloot eerder dit jaar een financieringsronde")
    assert (softbank.date.start.isoformat(), softbank.date.end.isoformat()) == ("2025-01-01", "2025-04-17")


def test_the_telling_that_names_the_most_wins(story):
    (bid,) = [e for e in story.events if sources(e) == {"003", "004"}]
    assert "Musk" in bid.text and "100 miljard dollar" in bid.text and "OpenAI" in bid.text
    assert bid.headline == "Musk en een groep investeerders deden een bod van bijna 100 miljard dollar op OpenAI"


def test_near_misses_stay_apart(story):
    # Nvidia's 100 billion in slices of 10 billion is not Amazon's 10 billion.
    assert not with_text(story, "Nvidia heeft verklaard")
    (amazon,) = with_text(story, "Amazon zou een investering")
    assert "Nvidia" not in amazon.text
    # December's talks towards a valuation above 500 billion are not October's valuation.
    (october,) = with_text(story, "bereikte in oktober al een waardering")
    assert october.date.value == "2025-10"
    assert with_text(story, "Amazon zou een investering")[0].date.value == "2025-12-17"
    # Stargate's 500 billion of investment in 004 is not the valuation.
    (bid,) = [e for e in story.events if sources(e) == {"003", "004"}]
    assert bid.date.value == "2025-02"


def test_rebuilding_from_all_seeds_after_spring_shows_what_changed(tmp_path):
    runner = CliRunner()
    spring = tmp_path / "spring"
    args = ["build", str(SEEDS / "003_8a920a78c4b27215.txt"), str(SEEDS / "004_43f3a01a20bb7f93.txt"), "--out", str(spring)]
    assert runner.invoke(main, args).exit_code == 0
    full = tmp_path / "full"
    result = runner.invoke(main, ["build", str(SEEDS), "--out", str(full), "--since", str(spring / "timeline.json")])
    assert result.exit_code == 0, result.output
    changelog = (full / "changelog.md").read_text("utf-8")
    added, changed = changelog.split("## Gewijzigd")
    assert "begin december 2025" in added and "oktober 2025" in added and "zomer 2025" in added
    assert "financieringsronde van 40 miljard dollar" in changed
    assert ("_bronnen_: OpenAI lanceert AI-gedreven alternatief voor X: Wordt Musk verslagen? → OpenAI lanceert "
            "AI-gedreven alternatief voor X: Wordt Musk verslagen?; Amazon overweegt investering van 10 miljard dollar "
            "in OpenAI") in changed
    assert "_datum preciezer_: kort voor 16 april 2025 → 1 januari – 16 april 2025" in changed
    assert ".txt" not in changelog
    assert "## Verwijderd" not in changelog
    diff = runner.invoke(main, ["diff", str(spring / "timeline.json"), str(full / "timeline.json")])
    assert diff.output == changelog


def test_a_changed_event_keeps_its_id_and_gets_a_higher_sequence(tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    runner.invoke(main, ["build", str(SEEDS / "003_8a920a78c4b27215.txt"), "--out", str(out), "--calendar-grain", "year"])
    before = {e["id"]: e for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]}
    runner.invoke(main, ["build", str(SEEDS), "--out", str(out), "--calendar-grain", "year"])
    after = {e["id"]: e for e in json.loads((out / "timeline.json").read_text("utf-8"))["events"]}
    grown = [i for i in before if i in after and len(after[i]["sources"]) > len(before[i]["sources"])]
    assert grown
    assert all(after[i]["sequence"] == before[i]["sequence"] + 1 for i in grown)
    unchanged = [i for i in before if i in after and after[i] == before[i]]
    assert all(after[i]["sequence"] == 0 for i in unchanged)
    calendar = icalendar.Calendar.from_ical((out / "timeline.ics").read_bytes())
    sequences = {str(v["UID"]).split("@")[0]: int(v["SEQUENCE"]) for v in calendar.walk("VEVENT")}
    in_calendar = [i for i in grown + unchanged if i in sequences]  # coarse events are not in the calendar
    assert in_calendar and all(sequences[i] == after[i]["sequence"] for i in in_calendar)


def test_the_seed_story_about_musk_keeps_his_bid_apart_from_amazons_talks():
    from click.testing import CliRunner
    from timeline.cli import main

    result = CliRunner().invoke(main, ["build", "--subject", "Musk", "--out", "-", "--format", "md"])
    assert "Musk en een groep investeerders deden een bod van bijna 100 miljard dollar op OpenAI" in result.output
    assert "Musk verliet OpenAI" in result.output


def test_the_seed_story_about_musk_keeps_altmans_answer_to_the_bid():
    from click.testing import CliRunner
    from timeline.cli import main

    result = CliRunner().invoke(main, ["build", "--subject", "Musk", "--out", "-", "--format", "md"])
    assert "Altman wees dit bod op scherpe wijze af" in result.output


def test_one_happening_told_a_day_apart_in_the_same_words_is_one_event(tmp_path):
    from click.testing import CliRunner
    from timeline.cli import main

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("date 2025-05-27\n\nMaandag presenteerde PVV-leider Wilders onaangekondigd een nieuw "
                                "pakket asielmaatregelen met tien strenge punten.\n", "utf-8")
    (news / "b.txt").write_text("date 2025-05-28\n\nGisteren presenteerde PVV-leider Wilders onaangekondigd een nieuw "
                                "pakket asielmaatregelen met tien strenge punten.\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(news), "--out", "-", "--format", "json"])
    events = [e for e in json.loads(result.stdout)["events"] if "asielmaatregelen" in e["text"]]
    assert len(events) == 1 and len(events[0]["sources"]) == 2


RETOLD_ARTICLE = """date 2025-04-10

Staalbedrijf Ferrodam kondigde woensdag een grote reorganisatie aan. Daarbij verdwijnen 900 banen in Velsen.
De vakbond FNV noemde het besluit woensdag een klap voor de regio.
Ferrodam zei woensdag ook een groot programma te starten om de winst te herstellen.
"""


def test_one_article_telling_one_happening_twice_gives_one_event_and_a_reaction_stays_apart(tmp_path):
    path = tmp_path / "ferrodam.txt"
    path.write_text(RETOLD_ARTICLE, encoding="utf-8")
    story = build_timeline(inputs([str(path)], None))
    ferrodam = [e for e in story.events if "Ferrodam" in e.text]
    assert len(ferrodam) == 1 and ferrodam[0].date.start.isoformat() == "2025-04-09"
    assert any("FNV" in e.text for e in story.events if e is not ferrodam[0])


CHAIN = {  # a report that matches two others, which do not match each other
    "a.txt": "date 2025-03-04\n\nOp 3 maart nam Norvia branchegenoot Belco over voor 2 miljard euro.\n",
    "b.txt": "date 2025-03-25\n\nIn maart kocht Norvia Belco en Kratos, voor 2 miljard euro en 500 miljoen euro.\n",
    "c.txt": "date 2025-03-06\n\nOp 4 maart kocht Norvia ook Kratos voor 500 miljoen euro.\n",
}


def test_a_merge_never_chains_two_reports_together_through_a_third(tmp_path):
    story = story_of(tmp_path, CHAIN)
    told = told_by(story)
    assert {"a.txt", "b.txt"} in told or {"b.txt", "c.txt"} in told, told  # b joins one of them
    assert not any({"a.txt", "c.txt"} <= sources for sources in told), told


SAME_DAY = {  # two articles telling what one named actor did on one day, in other words; a third actor apart
    "a.txt": "date 2025-04-10\n\nChemiebedrijf Norvia kondigde woensdag een grote reorganisatie aan.\n",
    "b.txt": "date 2025-04-10\n\nNorvia zei woensdag vooral managementfuncties te schrappen in Delft.\n",
    "c.txt": "date 2025-04-10\n\nDe vakbond FNV noemde woensdag de plannen van Norvia een klap voor Delft.\n",
}


def test_one_named_actors_deed_of_one_day_told_in_two_articles_is_one_event(tmp_path):
    story = story_of(tmp_path, SAME_DAY)
    told = told_by(story)
    assert {"a.txt", "b.txt"} in told, told
    assert {"c.txt"} in told, told


TITLED = ("date 2025-08-22\n\nGroenLinks stapt uit het college na vertrek wethouder Smit\n\nHet college verliest opnieuw"
          " steun. De GroenLinks-fractie heeft vrijdagavond bekendgemaakt zich volledig terug te trekken. De"
          " burgemeester betreurt het besluit.\n")


def test_a_title_and_the_same_articles_telling_of_its_actors_deed_that_day_are_one_event(tmp_path):
    story = story_of(tmp_path, {"a.txt": TITLED})
    days = [e for e in story.events if e.date.start.isoformat() == "2025-08-22"]
    assert len(days) == 1, [e.headline for e in days]


IN_OTHER_WORDS = {  # one measure told in nearly the same words by two articles, at a month, no actor; another apart
    "a.txt": "date 2025-06-20\n\nIn april kwam naar buiten dat er een landelijke meldingsplicht gaat gelden voor "
             "bepaalde drones boven natuurgebieden.\n",
    "b.txt": "date 2025-06-27\n\nIn april kwam naar buiten dat er een landelijke meldingsplicht gaat gelden voor "
             "bepaalde drones, waaronder de zwaarste modellen boven natuurgebieden.\n",
    "c.txt": "date 2025-06-27\n\nIn april kwam naar buiten dat er een landelijke subsidie komt voor "
             "elektrische vrachtwagens in binnensteden.\n",
}


def test_one_measure_told_in_nearly_the_same_words_without_an_actor_is_one_event(tmp_path):
    story = story_of(tmp_path, IN_OTHER_WORDS)
    told = told_by(story)
    assert {"a.txt", "b.txt"} in told, told
    assert {"c.txt"} in told, told


FIGURES_OF_THE_DAY = ("date 2024-07-17\n\nFietsfabrikant Velora heeft woensdag zijn kwartaalcijfers gepresenteerd.\n\n"
                      "Velora boekte een 12 procent hogere omzet dan in het eerste kwartaal, van 80 miljoen euro.\n\n"
                      "De Duitse concurrent Radwerk boekte een 5 procent lagere omzet dan in het eerste kwartaal, van 50 "
                      "miljoen euro.\n")


def test_an_actors_figure_of_the_day_joins_the_same_articles_report_of_its_deed_and_anothers_stays_apart(tmp_path):
    story = story_of(tmp_path, {"a.txt": FIGURES_OF_THE_DAY})
    velora = [e for e in story.events if "Velora" in e.headline or "Velora" in e.text]
    assert len(velora) == 1, [e.headline for e in story.events]
    assert any("Radwerk" in e.text for e in story.events), [e.headline for e in story.events]


EVENING = {  # a lead without a day of its own, the morning after a report of the same actor's deed; another actor apart
    "a.txt": "date 2025-08-23\n\nGroenpartij verlaat het college van Zwolle\n\nDe Groenpartij stapt uit het college van Zwolle. "
             "De fractie is het oneens over de nieuwe parkeerregels.\n",
    "b.txt": "date 2025-08-22\n\nDe Groenpartij-fractie heeft vrijdagavond bekendgemaakt uit het college van Zwolle te stappen.\n",
    "c.txt": "date 2025-08-23\n\nWethouder Ria Smit van Zwolle stapt op na een ruzie over de parkeerregels.\n",
}


def test_a_lead_without_a_day_of_its_own_and_the_same_actors_deed_the_day_before_are_one_event(tmp_path):
    story = story_of(tmp_path, EVENING)
    told = {frozenset(Path(s.path).name for s in e.sources): e.date.start.isoformat() for e in story.events}
    assert told.get(frozenset({"a.txt", "b.txt"})) == "2025-08-22", told
    assert frozenset({"c.txt"}) in told, told


ONE_GOVERNMENT = {  # one government's deed of a day, told by its cabinet and its minister; another country's apart
    "a.txt": "date 2025-03-11\n\nHet kabinet heeft maandag besloten de uitvoer van drones naar Rusland te verbieden.\n",
    "b.txt": "date 2025-03-11\n\nMinister Jan de Vries van Buitenlandse Handel heeft maandag een verbod op de uitvoer "
             "van drones aangekondigd.\n",
    "c.txt": "date 2025-03-11\n\nDe Duitse regering heeft maandag een eigen verbod op de uitvoer van drones aangekondigd.\n",
    "d.txt": "date 2025-04-20\n\nDe Amerikaanse regering kondigde in maart nieuwe heffingen op staal aan.\n",
    "e.txt": "date 2025-04-22\n\nDe VS hadden in maart al nieuwe heffingen op staal aangekondigd.\n",
}


def test_one_governments_deed_told_by_its_cabinet_minister_or_country_is_one_event_and_anothers_stays_apart(tmp_path):
    story = story_of(tmp_path, ONE_GOVERNMENT)
    told = told_by(story)
    assert {"a.txt", "b.txt"} in told and {"c.txt"} in told and {"d.txt", "e.txt"} in told, told


LOOKED_BACK = {
    "a.txt": "date 2024-11-19\n\nKweekrijk schrapt 30 van de 85 banen. Dat maakte het bedrijf maandag bekend.\n",
    "b.txt": "date 2025-02-12\n\nKweekrijk is failliet verklaard. Het bedrijf uit Naaldwijk vond geen nieuwe "
             "investeerders. In november schrapte Kweekrijk al 30 banen.\n",
}


def test_a_later_look_back_at_a_month_joins_the_day_and_never_heads_it(tmp_path):
    story = story_of(tmp_path, LOOKED_BACK)
    told = [e for e in story.events if "banen" in e.text]
    assert len(told) == 1 and told[0].date.start.isoformat() == "2024-11-18", [(e.headline, e.date.label) for e in told]
    assert told[0].headline.startswith("Kweekrijk schrapt"), told[0].headline


UNNAMED_LOOK_BACK = {
    "a.txt": "date 2025-03-04\n\nIn Rhenen is een neushoorn geboren. Neushoorn Tula beviel maandag van een gezond "
             "vrouwtje.\n",
    "b.txt": "date 2025-06-20\n\nHet neushoornjong van Rhenen is weer te zien. Het jong werd in maart geboren.\n",
}


def test_a_look_back_whose_subject_is_no_name_joins_the_day_that_tells_the_same_deed(tmp_path):
    story = story_of(tmp_path, UNNAMED_LOOK_BACK)
    born = [e for e in story.events if "geboren" in e.text or "beviel" in e.text]
    assert len(born) == 1, [(e.headline, e.date.label) for e in story.events]


LEAD_AND_DEED = {  # a lead whose deed and day the next sentence tells; a later article looks back at that deed
    "a.txt": "date 2026-03-26\n\nOp het Stationsveld in Harderwijk komen 240 woningen, waaronder twee woontorens. De "
             "gemeenteraad stemde dinsdagavond in met het bestemmingsplan voor het terrein naast het station.\n",
    "b.txt": "date 2026-11-24\n\nDe eerste paal is geslagen. De gemeenteraad stemde in maart in met het bestemmingsplan "
             "voor het terrein, waarna omwonenden naar de rechter stapten.\n",
}


PLANNED = {  # one closing planned for one day, told by two articles; another plan of that day by another actor apart
    "a.txt": "date 2026-03-09\n\nDe kinderafdeling van ziekenhuis Dollardzicht gaat op 1 mei dicht. Dat maakte het "
             "ziekenhuis bekend.\n",
    "b.txt": "date 2026-04-28\n\nDe laatste patiënten zijn vertrokken. Op 1 mei gaat de afdeling officieel dicht.\n",
    "c.txt": "date 2026-04-28\n\nOp 1 mei opent de huisartsenpost een nieuwe spoedlijn.\n",
}


ONE_NIGHT = {  # one death in one night, told by two later articles with the person's name
    "a.txt": "date 2026-05-22\n\nDe brandweer onderzocht de oorzaak. Gerda Wiggers kwam bij de brand in de nacht van "
             "zaterdag 16 op zondag 17 mei om het leven.\n",
    "b.txt": "date 2026-08-26\n\nDe inspectie presenteerde een rapport. Bij de brand in de nacht van 16 op 17 mei kwam de "
             "88-jarige bewoonster Gerda Wiggers om het leven.\n",
}


DECIDED_AS_FORESEEN = {  # a decision foreseen for a day, told later as done in a stretch that holds that day, in its
    # past form ("besloot" as "besluit"); another body's decision of that stretch stays apart
    "a.txt": "date 2026-05-12\n\nDe sporthal in Wekerom blijft voorlopig open. Het dorpsbestuur neemt op 9 juni een "
             "definitief besluit over de toekomst van de sporthal.\n",
    "b.txt": "date 2026-06-30\n\nHet Wekeromse dorpsbestuur besloot begin juni de sporthal aan de Lindelaan te sluiten.\n",
    "c.txt": "date 2026-06-30\n\nDe provincie besloot begin juni de subsidie voor het zwembad te verlengen.\n",
}


FORESEEN_DAY = {  # a body's meeting foreseen for a day, told later as its deed that day in other words; another
    # body's deed of that day apart
    "a.txt": "date 2026-02-10\n\nDe gemeenteraad van Dokkum praat op 26 februari over de toekomst van het zwembad.\n",
    "b.txt": "date 2026-03-06\n\nVorige week donderdag nam de gemeenteraad unaniem een motie aan waarin het college "
             "wordt gevraagd een koper te zoeken.\n",
    "c.txt": "date 2026-03-06\n\nOp 26 februari opende de bibliotheek in Dokkum een nieuwe leeszaal.\n",
}


INSTALLED = {  # "de raad" foreseen, "de gemeenteraad" done: one body by its compound's head
    "a.txt": "date 2026-03-26\n\nDe verkiezingsuitslag is vastgesteld. De nieuwe raad wordt op woensdag 1 april "
             "geïnstalleerd.\n",
    "b.txt": "date 2026-04-02\n\nDe nieuwe gemeenteraad van Dronten is woensdagavond in het gemeentehuis geïnstalleerd.\n",
}


SAME_PERSON_OTHER_DEED = {  # a forecast of a day and another deed that day, sharing only the person and the place
    "a.txt": "date 2026-04-13\n\nDe politie zoekt dinsdag met honden verder naar de vermiste Henk Dijkstra uit "
             "Assen.\n",
    "b.txt": "date 2026-04-16\n\nHet ziekenhuis in Assen heeft Henk Dijkstra dinsdag ontslagen.\n",
}


ONE_SCENE = {  # one night's attack told by two articles, each by another actor, in words of the same scene; another
    # happening of that day that shares one word apart
    "a.txt": "date 2026-01-12\n\nIn de wijk Kalsdonk ging zondagnacht een zwaar explosief af. Bij die explosie, op 11 "
             "januari, werden de voordeur en de ramen van een rijtjeshuis vernield.\n",
    "b.txt": "date 2026-07-15\n\nDe rechtbank hoorde de verdachten. Jayden M. plaatste op 11 januari met een vriend een "
             "zwaar explosief tegen de voordeur van het rijtjeshuis.\n",
    "c.txt": "date 2026-01-12\n\nDe brandweer blust op 11 januari een brand in een rijtjeshuis aan de Dorpsstraat, "
             "zegt de gemeente.\n",
}


ACTED_ON = {  # a passive whose subject is what the other's actor acted on, told of one month; another body's permit
    # of that month apart
    "a.txt": "date 2025-01-10\n\nDe provincie Utrecht verleende de zweefvliegclub in december een natuurvergunning "
             "voor 9.000 starts per jaar.\n",
    "b.txt": "date 2025-06-13\n\nDe zaak diende vrijdag. Het waterschap verleende in december vorig jaar de club een "
             "vergunning voor een nieuwe loods. De natuurvergunning van de zweefvliegclub werd in december vorig jaar "
             "verleend.\n",
}


def test_a_passive_whose_subject_another_actor_acted_on_is_that_deed_and_another_bodys_stays_apart(tmp_path):
    story = story_of(tmp_path, ACTED_ON)
    permit = [e for e in story.events if "natuurvergunning" in e.text]
    shed = [e for e in story.events if "loods" in e.text]
    assert len(permit) == 1 and len(permit[0].sources) == 2, [(e.headline, len(e.sources)) for e in story.events]
    assert len(shed) == 1 and "natuurvergunning" not in shed[0].text, [(e.headline, e.text) for e in story.events]


TITLED_AND_BACKGROUND = {  # a titled lead dated by the sentence after it, and a background sentence of the same
    # article at that day with the same actor: one event, headed by the title
    "a.txt": "date 2025-11-03\n\nVV Ruinen zet trainer Henk Bos op straat\n\nVV Ruinen heeft trainer Henk Bos "
             "ontslagen. De club maakte het zondagavond bekend via de eigen website, een dag na de nederlaag bij FC "
             "Dalen. Assistent Piet Mol neemt het over. Sinds augustus won Ruinen niet meer, en vorige week zondag "
             "verloor de ploeg thuis van Dalen.\n",
}


def test_a_title_heads_the_event_it_tells_before_another_telling_of_its_article(tmp_path):
    story = story_of(tmp_path, TITLED_AND_BACKGROUND)
    assert any(e.headline == "VV Ruinen zet trainer Henk Bos op straat" for e in story.events), \
        [(e.date.label, e.headline) for e in story.events]


def test_a_day_foreseen_takes_the_hour_of_its_report_done(tmp_path):
    story = story_of(tmp_path, INSTALLED)
    installed = [e for e in story.events if "geïnstalleerd" in e.text]
    assert len(installed) == 1 and "avond" in installed[0].date.label, [(e.headline, e.date.label) for e in installed]
    assert not installed[0].expected


@pytest.mark.parametrize("articles, events", [
    (FORESEEN_DAY, [{"a.txt", "b.txt"}, {"c.txt"}]),
    (ONE_SCENE, [{"a.txt", "b.txt"}]),
    (INSTALLED, [{"a.txt", "b.txt"}]),
    (SAME_PERSON_OTHER_DEED, [{"a.txt"}, {"b.txt"}]),
    (DECIDED_AS_FORESEEN, [{"a.txt", "b.txt"}, {"c.txt"}]),
    (LEAD_AND_DEED, [{"a.txt", "b.txt"}]),
    (PLANNED, [{"a.txt", "b.txt"}, {"c.txt"}]),
    (ONE_NIGHT, [{"a.txt", "b.txt"}]),
], ids=["a meeting foreseen for a day is its body's deed told later of that day",
        "one day's scene told by two actors in the same words is one event",
        "a body foreseen as de raad is de gemeenteraad told done that day",
        "a forecast and another deed of its day that share only a person and a place stay apart",
        "a decision foreseen for a day is the one later told as done in a stretch that holds it",
        "a lead told with its deed is found by a later look back at that deed",
        "one planned happening told twice is one event, another actor's plan of that day apart",
        "one named person's happening of one night told twice is one event"])
def test_tellings_of_one_fact_are_one_event_and_other_facts_stay_apart(tmp_path, articles, events):
    told = told_by(story_of(tmp_path, articles))
    assert all(sources in told for sources in events), told


THEFT = {  # one night, two articles, the theft in words of one kind ("diefstal", "inbrekers")
    "a.txt": "date 2025-05-06\n\nDe diefstal vond plaats in de nacht van 3 op 4 mei.\n",
    "b.txt": "date 2025-05-07\n\nIn de nacht van 3 op 4 mei sloegen inbrekers een ruit in bij het gemeentehuis.\n",
}


def test_one_nights_reports_in_words_of_one_kind_are_one_event(tmp_path):
    assert told_by(story_of(tmp_path, THEFT)) == [{"a.txt", "b.txt"}]


def test_one_nights_reports_of_other_kinds_or_amounts_stay_apart(tmp_path):
    (tmp_path / "fire").mkdir(), (tmp_path / "paid").mkdir()
    fire = dict(THEFT, **{"b.txt": "date 2025-05-07\n\nIn de nacht van 3 op 4 mei brak brand uit in het gemeentehuis.\n"})
    assert len(story_of(tmp_path / "fire", fire).events) == 2
    paid = dict(THEFT, **{"b.txt": "date 2025-05-07\n\nIn de nacht van 3 op 4 mei loofde het museum 5.000 euro uit "
                                   "voor een tip over de inbrekers.\n"})
    assert len(story_of(tmp_path / "paid", paid).events) == 2
