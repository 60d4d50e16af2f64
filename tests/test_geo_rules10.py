"""Geocoding rules of branch geo8: a town named like the province named after it, world
cities against villages of a named state.

Every text is our own sentence; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo.geoparse import Geoparser
from reading import by_text


@pytest.mark.parametrize(
    "text",
    [
        "Two men were killed in Jenin on Sunday, medics said.",
        "Jenin was quiet after the raid.",
        "Soldiers set up a checkpoint near Jenin.",
    ],
)
def test_a_town_spelled_like_the_province_named_after_it(parser: Geoparser, text: str) -> None:
    # "Jenin" is only an alternate name of the West Bank town (GeoNames: Janin) but the own
    # name of Jenin Governorate: the spelling is the town's English name, so the town of
    # 35,000 beats a Polish village of 1,100 that bears it as its own name
    got = by_text(parser.parse(text))
    assert got["Jenin"].place.country == "PS"
    assert got["Jenin"].feature_code.startswith("PPL")


def test_the_village_still_wins_in_its_own_country(parser: Geoparser) -> None:
    text = "A barn burned in Jenin, a village in western Poland near Gorzow Wielkopolski."
    got = by_text(parser.parse(text))
    assert got["Jenin"].place.country == "PL"


def test_a_country_name_is_no_seat_of_a_province(parser: Geoparser) -> None:
    # the State of Mexico bears the name too, but "Mexico" is the country, not its capital
    got = by_text(parser.parse("Exports from Mexico rose in March."))
    assert got["Mexico"].feature_code == "PCLI"


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        (
            "Farm workers in the Salinas Valley fell ill, California officials said.",
            "Salinas Valley",
            "US",
            "California",
        ),
        (
            "Taliban fighters took over much of Swat Valley in 2009, Pakistani officials said.",
            "Swat Valley",
            "PK",
            "",
        ),
    ],
)
def test_a_valley_the_gazetteer_lacks_sits_by_its_namesake_town(
    parser: Geoparser, text: str, name: str, country: str, admin1: str
) -> None:
    # no entry for the valley: it is reported beside the town or district it is named
    # after (ranked by the text like any mention), unresolved, at precision 2
    got = by_text(parser.parse(text))[name]
    assert got.place.country == country
    assert not admin1 or got.place.admin1 == admin1
    assert got.place.lat is not None
    assert got.place.geo_precision == 2
    assert got.place.method == "unresolved"
    assert not got.resolved
    assert "named after" in got.why


def test_a_feature_named_after_no_town_stays_an_area_guess(parser: Geoparser) -> None:
    # "Waiheke" is no town of the gazetteer: the island keeps the text's best area
    got = by_text(parser.parse("A ferry sank off Waiheke Island near Auckland."))
    assert got["Waiheke Island"].place.geo_precision == 3
    assert "named after" not in got["Waiheke Island"].why


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The tour played arenas in New Jersey and New York last winter.", "New York"),
        ("Tech firms left coastal states such as California or Washington.", "Washington"),
    ],
)
def test_a_name_paired_with_a_province_is_the_province(
    parser: Geoparser, text: str, name: str
) -> None:
    # joined by "and" / "or" to a name that can only be a state, the state, not its city
    got = by_text(parser.parse(text))
    assert got[name].feature_code == "ADM1"


def test_a_province_with_a_big_city_of_its_name_does_not_pair(parser: Geoparser) -> None:
    # Donetsk is also a city of 900,000: "Kharkiv and Donetsk" may be two cities
    got = by_text(parser.parse("Missiles hit Kharkiv and Donetsk overnight."))
    assert got["Kharkiv"].feature_code.startswith("PPL")
