"""How a period reads in a timeline."""

import datetime as dt

from timeline import extract
from timeline.temporal.labels import label


def read(phrase: str) -> str:
    found = extract(phrase, dt.date(2025, 12, 17))[0]
    return label(found.period, found.mod)


def test_a_weekend_reads_as_its_days_not_its_first_hour():
    assert read("dit weekend") == "19 – 21 december 2025"


def test_a_part_of_one_day_reads_as_its_day_and_the_part_never_a_clock_time_it_did_not_say():
    assert read("vanavond") == "17 december 2025, 's avonds"
    assert read("dinsdagochtend") == "16 december 2025, 's ochtends"
    assert read("om 14.30 uur") == "17 december 2025 om 14:30"
    assert read("dinsdag aan het eind van de middag") == "16 december 2025, 's middags"


def test_a_week_reads_as_its_days():
    assert read("vorige week") == "8 – 14 december 2025"


def test_a_year_counted_back_from_a_day_reads_as_the_year_up_to_that_day():
    assert read("het voorbije jaar") == "het jaar tot en met 17 december 2025"
    assert read("in 2024") == "2024"


def test_a_night_said_with_both_its_days_reads_as_that_night():
    assert read("in de nacht van 12 op 13 december") == "nacht van 12 op 13 december 2025"
    assert read("de nacht van 30 november op 1 december") == "nacht van 30 november op 1 december 2025"
    assert read("in de nacht van zaterdag op zondag") == "nacht van 20 op 21 december 2025"  # no tense: ahead


def test_an_approximate_clock_time_is_sure_of_its_day_and_says_rond_before_the_time():
    assert read("zondag rond 03.30 uur") == "21 december 2025, rond 03:30"
    assert read("om 15.00 uur") == "17 december 2025 om 15:00"
