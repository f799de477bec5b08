"""An article's lead is its first sentence that tells a happening: a view, a state or an explanation at the
top of an article does not stand at its publication day as the lead."""

import pytest

from timeline.build import build_timeline
from timeline.read.inputs import Input


def assert_one_event_at(told: list, day: str) -> None:
    """The events that tell a lead are one, at `day`."""
    assert len(told) == 1 and told[0].date.start.isoformat() == day, [(e.headline, e.date.label) for e in told]


def story_of(tmp_path, text):
    path = tmp_path / "artikel.txt"
    path.write_text("date 2025-09-29\n\n" + text, encoding="utf-8")
    return build_timeline([Input(path, path.name)])


def test_a_view_at_the_top_is_no_lead_and_the_happening_after_it_is(tmp_path):
    story = story_of(tmp_path, "Werkgeversclub Bouwend Nederland vindt het heel mooi dat de provincie en de gemeente "
                               "een eerste stap hebben gezet. De provincie Utrecht tekende maandag een akkoord met "
                               "de gemeente Amersfoort over de nieuwe ringweg.\n")
    assert not any("vindt het heel mooi" in e.text for e in story.events)
    assert any("tekende" in e.headline for e in story.events)


def test_a_state_at_the_top_is_no_lead(tmp_path):
    story = story_of(tmp_path, "Twee miljard euro. Dat is wat de provincie zegt maximaal te investeren in de ringweg. "
                               "De provincie maakte dat maandag bekend.\n")
    assert not any(e.headline.startswith("Dat is wat") for e in story.events)


def test_a_present_lead_with_a_named_subject_stands_at_the_publication_day_before_older_background(tmp_path):
    story = story_of(tmp_path, "De Partij voor Fietsers schuift Anouk de Wit naar voren als nieuwe wethouder. "
                               "De voormalig hoogleraar is sinds 2016 rector van de hogeschool. In die stad heeft ze "
                               "in 2018 de vorming van een nieuw college geleid.\n")
    lead = next(e for e in story.events if "naar voren" in e.text)
    assert lead.date.start.isoformat() == "2025-09-29"



def test_a_present_lead_with_an_institution_as_subject_is_the_lead(tmp_path):
    story = story_of(tmp_path, "Het kabinet scherpt de regels aan voor de export van elektrische fietsen. Daarmee volgt "
                               "Nederland voortaan de lijn van Duitsland.\n")
    assert story.events[0].headline.startswith("Het kabinet scherpt de regels aan")


def test_a_feeling_at_the_top_is_no_lead(tmp_path):
    story = story_of(tmp_path, "Onderzoeker Anne de Jong is vooral geschrokken dat 80 procent van de bewoners last "
                               "heeft van stof. De provincie Utrecht legde maandag een boete op aan de fabriek.\n")
    assert not any("geschrokken" in e.text for e in story.events)


def test_a_text_cut_off_mid_sentence_gives_no_event_for_the_fragment(tmp_path):
    story = story_of(tmp_path, "De provincie Utrecht tekende maandag een akkoord met de gemeente Amersfoort over de "
                               "ringweg. Eerder dit jaar waarschuwde de gedeputeerde in maart nog\n")
    assert not any("waarschuwde" in e.text for e in story.events)
    assert any("tekende" in e.headline for e in story.events)


def test_an_article_of_one_sentence_without_a_full_stop_still_tells_it(tmp_path):
    story = story_of(tmp_path, "De provincie Utrecht tekende maandag een akkoord met de gemeente Amersfoort over de "
                               "aanleg van de nieuwe ringweg langs de stad\n")
    assert any("tekende" in e.headline for e in story.events)


def test_a_lead_dated_by_the_report_after_it_is_one_event_at_that_date(tmp_path):
    story = story_of(tmp_path, "De gemeente en de bewoners zijn het eens geworden over de bouw van de nieuwe school. "
                               "Dat meldden beide partijen zondagavond in een gezamenlijke verklaring. De bouw begint "
                               "in het voorjaar.\n")
    told = [e for e in story.events if "eens geworden" in e.text]
    assert_one_event_at(told, "2025-09-28")


def test_a_view_and_a_quote_in_the_first_person_at_the_top_leave_the_lead_to_the_step_under_no_title(tmp_path):
    path = tmp_path / "artikel.txt"
    path.write_text("date 2025-09-29\n\nBouwend Nederland: mooi dat provincie en gemeente deze stap zetten\n\n"
                    "Werkgeversorganisatie Bouwend Nederland vindt het heel mooi dat bouwbedrijf Heijmans en de provincie "
                    "een stap hebben gezet. \"Hiermee gaan we op weg naar een betere ringweg.\" Het bouwbedrijf heeft "
                    "een intentieverklaring ondertekend met de provincie Utrecht.\n", encoding="utf-8")
    story = build_timeline([Input(path, path.name)])
    leads = [e for e in story.events if e.date.start.isoformat() == "2025-09-29"]
    assert [e.headline for e in leads] == ["Heijmans heeft een intentieverklaring ondertekend met de provincie Utrecht"]


def test_a_title_that_heads_the_lead_leaves_out_its_weekday(tmp_path):
    story = story_of(tmp_path, "Buschauffeurs leggen donderdag werk neer\n\nDe chauffeurs van Arriva leggen donderdag "
                               "2 oktober de hele dag het werk neer, heeft de bond maandag bekendgemaakt.\n")
    titled = [e.headline for e in story.events if "werk neer" in e.headline]
    assert "Buschauffeurs leggen werk neer" in titled, titled
    assert not any("donderdag" in h and "oktober" not in h for h in titled), titled


def test_the_opening_sentence_that_tells_what_the_title_says_is_the_lead(tmp_path):
    story = story_of(tmp_path, "Geen bussen door staking in Drenthe\n\nDoor een staking van de chauffeurs rijden er maandag "
                               "vrijwel geen bussen in Drenthe. Op de wegen was het druk. Op de A28 stond in de ochtend "
                               "twee keer zoveel file als normaal, meldt de ANWB.\n")
    titled = next(e for e in story.events if e.headline == "Geen bussen door staking in Drenthe")
    assert "rijden er maandag vrijwel geen bussen" in titled.text, titled.text


def test_a_lead_and_the_report_it_stands_in_after_it_are_one_event_at_the_reports_day(tmp_path):
    story = story_of(tmp_path, "Als de brug bij Deventer dichtgaat, zijn fietsers gemiddeld een kwartier langer onderweg. "
                               "Dat staat in een rapport van de Fietsersbond dat vrijdag is gepubliceerd.\n")
    told = [e for e in story.events if "kwartier" in e.text]
    assert len(told) == 1 and "Dat staat in een rapport" in told[0].text, [e.text for e in story.events]
    assert told[0].date.start.isoformat() == "2025-09-26"


def test_a_sentence_opening_on_daarover_is_told_with_the_sentence_it_leans_on(tmp_path):
    story = story_of(tmp_path, "De gemeente Zwolle legde de fabriek drie boetes op. Een daarvan betreft de stankoverlast "
                               "in de wijk Holtenbroek. Daarover was in augustus veel te doen.\n")
    told = [e.text for e in story.events if "augustus" in e.text]
    assert told and told[0].startswith("Een daarvan betreft de stankoverlast"), told


def test_a_noun_phrase_with_daarover_is_told_with_the_sentence_it_leans_on(tmp_path):
    story = story_of(tmp_path, "De wethouder van Deventer opende dinsdag de nieuwe brug. De oppositie wil dat "
                               "omwonenden een vergoeding krijgen. Een motie daarover werd op 3 maart aangenomen.\n")
    told = [e for e in story.events if "motie" in e.text]
    assert told and told[0].text.startswith("De oppositie wil dat omwonenden"), [e.text for e in story.events]
    assert told[0].headline == "Een motie over een vergoeding werd op 3 maart aangenomen"


def test_a_lead_without_a_date_and_the_next_sentence_that_dates_it_are_one_event(tmp_path):
    story = story_of(tmp_path, "De politie heeft twee mannen aangehouden die worden verdacht van de inbraak bij "
                               "juwelier Van Eck. De verdachten werden vrijdag in Zaandam opgepakt. Een derde man "
                               "wordt nog gezocht.\n")
    told = [e for e in story.events if "aangehouden" in e.text]
    assert len(told) == 1 and "vrijdag in Zaandam opgepakt" in told[0].text, [e.text for e in story.events]
    assert told[0].date.start.isoformat() == "2025-09-26"


def test_a_lead_and_the_sentence_after_it_that_told_it_on_a_day_are_one_event_at_that_day(tmp_path):
    story = story_of(tmp_path, "Voetbalclub De Treffers heeft trainer Kees Bos ontslagen. De club maakte het vrijdagavond "
                               "bekend op de eigen website. Zijn assistent neemt het over.\n")
    told = [e for e in story.events if "ontslagen" in e.text]
    assert len(told) == 1 and told[0].date.start.isoformat() == "2025-09-26", [(e.date.label, e.text) for e in story.events]


@pytest.mark.parametrize("text, day", [
    ("Wethouder Ria Kok van Zwolle is opgestapt. Vrijdagavond liet ze in een brief weten per direct te vertrekken.\n",
     "2025-09-26"),
    ("Go Ahead Eagles heeft de derby tegen Heracles gewonnen. De Deventenaren versloegen zaterdagavond de buren met "
     "3-1.\n", "2025-09-27"),
], ids=["a pronoun", "a noun without a name"])
def test_a_perfect_lead_and_the_past_sentence_after_it_that_points_back_are_one_event_at_its_day(tmp_path, text, day):
    story = story_of(tmp_path, text)
    assert len(story.events) == 1 and story.events[0].date.start.isoformat() == day, \
        [(e.date.label, e.text) for e in story.events]


def test_an_earlier_deed_of_the_leads_subject_after_it_keeps_its_own_event(tmp_path):
    story = story_of(tmp_path, "Schoenenketen Brugman heeft uitstel van betaling gekregen. Het bedrijf sloot vrijdag al "
                               "acht winkels.\n")
    assert len(story.events) == 2, [(e.date.label, e.text) for e in story.events]


def test_the_sentence_after_a_lead_that_tells_another_happening_keeps_its_own_event(tmp_path):
    story = story_of(tmp_path, "Het museum in Assen sluit zijn deuren voor een grote verbouwing. Directeur Ans Mol "
                               "trad vrijdag af na een conflict met het bestuur.\n")
    dates = sorted(e.date.start.isoformat() for e in story.events)
    assert dates == ["2025-09-26", "2025-09-29"], [(e.date.start, e.text) for e in story.events]


def test_a_lead_without_a_date_takes_the_day_of_the_frame_in_the_sentence_after_it(tmp_path):
    story = story_of(tmp_path, "Bij webwinkel Koopgoed zijn de gegevens van 80.000 klanten gestolen. Hackers braken "
                               "eind augustus in op een server, meldt het bedrijf vrijdag.\n")
    lead = [e for e in story.events if "80.000 klanten" in e.text]
    assert lead and lead[0].date.start.isoformat() == "2025-09-26", [(e.date.start, e.text) for e in story.events]
    assert any(e.date.start.isoformat() == "2025-08-21" for e in story.events)  # the break-in, "eind augustus"


def test_a_frame_in_the_opening_leads_with_the_news_before_it(tmp_path):
    story = story_of(tmp_path, "De bewoners van Kinderdijk mogen weer naar huis. Het waterschap heeft dat vrijdag "
                               "besloten. De dijk bleek minder zwak dan gevreesd. Zaterdag werden 300 mensen "
                               "geëvacueerd.\n")
    told = [e for e in story.events if "mogen weer naar huis" in e.text]
    assert told and told[0].date.start.isoformat() == "2025-09-26", [(e.date.start, e.text) for e in story.events]
    assert not any(e.text.startswith("De dijk bleek") for e in story.events)


def test_a_lead_dated_by_a_year_and_the_frame_that_tells_it_are_one_event_at_the_frame(tmp_path):
    story = story_of(tmp_path, "De provincie Utrecht vernieuwt dit jaar nog de brug bij Vreeswijk, twee jaar eerder "
                               "dan gepland. Dat heeft het college donderdag besloten.\n")
    told = [e for e in story.events if "Vreeswijk" in e.text]
    assert len(told) == 1, [(e.date.start, e.text) for e in story.events]
    assert told[0].date.start.isoformat() == "2025-09-25" and "besloten" in told[0].text


def test_a_quote_said_by_hij_or_ze_is_headed_by_the_person_not_the_place_after_it(tmp_path):
    story = story_of(tmp_path, "De provincie Zeeland opent een nieuwe veerdienst naar Vlissingen. Het Rijk betaalt "
                               "de helft van de kosten. Minister Karin Bos steunt de plannen. \"De provincie moet nu "
                               "snel gaan bouwen,\" zei ze vrijdag in Middelburg.\n")
    quoted = [e.headline for e in story.events if e.headline.endswith("snel gaan bouwen")]
    assert quoted == ["Karin Bos: De provincie moet snel gaan bouwen"], [e.headline for e in story.events]


def test_a_lead_and_the_sentence_after_it_that_only_its_frame_dates_are_one_event(tmp_path):
    story = story_of(tmp_path, "Schoenenketen Stapvast krijgt een doorstart. Investeerder Noordkapitaal neemt 40 van de 70 winkels "
                               "over, heeft de curator vrijdag bekendgemaakt. De andere winkels sluiten.\n")
    told = [e for e in story.events if "Stapvast" in e.text or "Noordkapitaal" in e.text]
    assert len(told) == 1 and "Noordkapitaal" in told[0].text, [(e.date.start, e.text) for e in story.events]
    assert told[0].date.start.isoformat() == "2025-09-26"


def test_a_lead_and_the_frame_two_sentences_on_that_tells_it_are_one_event(tmp_path):
    story = story_of(tmp_path, "Vakbond en werkgevers hebben een cao-akkoord gesloten. De staking van maandag gaat "
                               "daardoor niet door. Dat meldden beide partijen vrijdagavond na urenlang overleg.\n")
    told = [e for e in story.events if "akkoord" in e.text or "staking" in e.text]
    assert len(told) == 1 and "vrijdagavond" in told[0].text, [(e.date.start, e.text) for e in story.events]
    assert told[0].date.start.isoformat() == "2025-09-26"


def test_a_lead_and_the_vote_on_the_plan_it_tells_are_one_event_at_the_vote(tmp_path):
    story = story_of(tmp_path, "Buslijn 7 in Zwolle wordt doorgetrokken naar de nieuwe wijk Stadshagen. De "
                               "gemeenteraad stemde gisteravond met ruime meerderheid in met het plan. Alleen twee "
                               "partijen stemden tegen.\n")
    assert len(story.events) == 1
    assert story.events[0].date.start.isoformat() == "2025-09-28"


def test_a_frame_two_sentences_on_with_the_news_as_its_noun_dates_the_lead(tmp_path):
    story = story_of(tmp_path, "Op een eendenhouderij in Putten is vogelgriep vastgesteld. Het bedrijf ligt op drie "
                               "kilometer van een proefboerderij. Het ministerie maakte de besmetting zondagavond bekend.\n")
    assert len(story.events) == 1
    assert story.events[0].date.start.isoformat() == "2025-09-28"


def test_a_frame_of_the_publication_day_itself_is_one_event_with_its_lead(tmp_path):
    story = story_of(tmp_path, "Presentator Anna de Vries stapt over naar de zender NovaTV. Daar krijgt ze een eigen "
                               "talkshow. De zender maakte de overstap vanochtend bekend.\n")
    assert len(story.events) == 1


def test_a_wish_in_a_relative_clause_does_not_make_a_past_report_expected(tmp_path):
    story = story_of(tmp_path, "Zorggroep Salland sluit verpleeghuis De Berkel in Eibergen. Vorige maand meldde zich "
                               "een groep inwoners die het gebouw wil kopen.\n")
    told = next(e for e in story.events if "meldde" in e.text)
    assert not told.expected and told.date.start.isoformat() == "2025-08-01"


def test_a_lead_told_again_further_on_with_its_day_is_one_event_at_that_day(tmp_path):
    story = story_of(tmp_path, "Het Westland Ziekenhuis heeft chirurg Karel Dijkman op non-actief gezet. Hij wordt "
                               "verdacht van fraude met declaraties.\n\nDijkman werkt sinds 2010 in Naaldwijk.\n\n"
                               "De chirurg werd vrijdag op non-actief gezet, nadat de raad van bestuur een melding "
                               "had gekregen.\n")
    told = [e for e in story.events if "non-actief" in e.headline]
    assert_one_event_at(told, "2025-09-26")


def test_a_later_sentence_with_the_same_participle_but_another_deed_stays_apart(tmp_path):
    story = story_of(tmp_path, "De gemeente Westland heeft de parkeertarieven verhoogd. Ondernemers zijn boos.\n\n"
                               "Vrijdag werd ook de toeristenbelasting in Naaldwijk verhoogd.\n")
    assert len([e for e in story.events if "verhoogd" in e.headline]) == 2, [e.headline for e in story.events]


def test_a_state_that_opens_the_article_since_a_day_of_last_week_dates_its_lead_at_that_day(tmp_path):
    story = story_of(tmp_path, "De Moerdijkbrug is sinds vrijdagavond dicht voor al het verkeer. Rijkswaterstaat "
                               "sloot de brug na een inspectie waarbij scheuren werden gevonden.\n")
    told = [e for e in story.events if "sloot" in e.text or "dicht" in e.text]
    assert told and told[0].date.start.isoformat() == "2025-09-26" and not told[0].date.label.startswith("sinds"), \
        [(e.headline, e.date.label) for e in story.events]


def test_a_state_right_after_the_lead_since_a_day_of_last_week_dates_the_lead_at_that_day(tmp_path):
    story = story_of(tmp_path, "De gemeente Epe is getroffen door een ransomware-aanval. Vrijwel alle systemen liggen "
                               "sinds vrijdagochtend plat. Het gemeentehuis is gesloten.\n")
    told = [e for e in story.events if "getroffen" in e.text]
    assert told and told[0].date.start.isoformat() == "2025-09-26", [(e.headline, e.date.label) for e in story.events]


def test_a_lead_and_its_frame_told_by_a_named_regulator_are_one_event(tmp_path):
    story = story_of(tmp_path, "Inspectie onderzoekt open sluis\n\nDe Inspectie Leefomgeving en Transport (ILT) gaat "
                               "onderzoeken hoe het kon dat de "
                               "sluis bij Grave vrijdag urenlang openstond. De toezichthouder maakte dat vandaag "
                               "bekend.\n")
    told = [e for e in story.events if "sluis" in e.text or "bekend" in e.text]
    assert_one_event_at(told, "2025-09-29")
    assert "De Inspectie Leefomgeving en Transport (ILT) gaat onderzoeken" in told[0].text


def test_a_present_lead_and_its_deed_told_two_sentences_on_with_its_day_are_one_event(tmp_path):
    story = story_of(tmp_path, "Bewoners slepen kartbaan Nijkerk voor de rechter\n\nVijftien gezinnen uit de wijk "
                               "De Driehoek stappen naar de rechter vanwege het lawaai van een kartbaan. Zij willen "
                               "dat de baan 's avonds dicht gaat. De omwonenden dienden vrijdag een verzoek in bij de "
                               "rechtbank Gelderland.\n")
    told = [e for e in story.events if "kartbaan" in e.headline or "verzoek" in e.text]
    assert_one_event_at(told, "2025-09-26")


def test_a_later_telling_of_other_news_by_someone_else_does_not_date_the_lead(tmp_path):
    story = story_of(tmp_path, "Brazilië waarschuwt Nederland voor sancties\n\nBrazilië heeft Nederland gewaarschuwd "
                               "voor sancties op de export van sojabonen. Dat staat in een verklaring van het ministerie. "
                               "Minister Ruud Klaver maakte vrijdag bekend dat de invoer van soja vanaf januari wordt "
                               "beperkt.\n")
    lead = next(e for e in story.events if "gewaarschuwd" in e.text)
    assert lead.date.start.isoformat() == "2025-09-29" and "Klaver" not in lead.text


def test_a_frame_two_sentences_on_dates_the_lead_though_the_sentence_between_has_a_week(tmp_path):
    story = story_of(tmp_path, "Slagerij Vermeer roept gehakt terug om salmonella\n\nSlagerij Vermeer roept zijn gehakt "
                               "terug. In een monster dat de NVWA vorige week nam, is salmonella gevonden. Dat maakte "
                               "het bedrijf zondag bekend.\n")
    told = [e for e in story.events if "gehakt" in e.text]
    assert_one_event_at(told, "2025-09-28")


def test_a_lead_that_tells_a_state_is_dated_by_the_deed_that_made_it_in_the_next_sentence(tmp_path):
    story = story_of(tmp_path, "Oosterhout heeft weer stroom\n\nAlle huishoudens in Oosterhout hebben weer stroom. "
                               "Netbeheerder Enexis herstelde zaterdagavond de kapotte kabel bij de Ruiterweg.\n")
    told = [e for e in story.events if "stroom" in e.text or "kabel" in e.text]
    assert_one_event_at(told, "2025-09-27")
    assert told[0].headline == "Oosterhout heeft weer stroom"


def test_a_lead_and_a_forecast_told_by_a_frame_after_them_stand_at_the_frames_day(tmp_path):
    story = story_of(tmp_path, "Lochem krijgt een nieuwe bibliotheek. De gemeente en de stichting Boekenhuis openen op "
                               "1 maart een vestiging in het oude postkantoor. Dat hebben zij vrijdag bekendgemaakt.\n")
    told = [e for e in story.events if "bibliotheek" in e.text]
    assert_one_event_at(told, "2025-09-26")
