"""With a publication month but no day, a phrase counted from the day says no more than that month."""

import datetime as dt

import pytest

from timeline import extract
from timeline.models import Grain


@pytest.mark.parametrize("phrase", ["dit weekend", "deze werkweek", "donderdagochtend",
                                    "vrijdag aan het eind van de middag", "de vijftiende", "drie dagen na vandaag"])
def test_a_day_counted_from_a_month_only_reference_is_that_month_approximately(phrase):
    found = extract(phrase, dt.date(2025, 2, 1), reference_grain=Grain.MONTH)
    assert [(e.value, e.mod) for e in found] == [("2025-02", "APPROX")]


def test_a_week_with_its_own_year_is_kept_with_a_month_only_reference():
    found = extract("week 23 van 2024", dt.date(2025, 2, 1), reference_grain=Grain.MONTH)
    assert [e.value for e in found] == ["2024-W23"]
