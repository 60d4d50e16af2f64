"""Geocoding rules of branch geo9: "the X area" and "the area of X" as a town's
surroundings, named districts of big cities and towns the gazetteer lacked.

Every text is our own sentence; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo.geoparse import Geoparser
from frontwatch.geo.relative import parse_relative
from reading import by_text


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Herders and farmers fought in the Gereida area on Tuesday.", "Gereida"),
        ("Israeli aircraft hit several depots in the area of Masyaf on Sunday.", "Masyaf"),
        ("Gunmen raided hamlets in the Bokkos area of Plateau state.", "Bokkos"),
    ],
)
def test_the_area_of_a_town_is_near_it(parser: Geoparser, text: str, town: str) -> None:
    # "the Gereida area" and "the area of Masyaf" are the surroundings of the town, which
    # the corpus codes at the town with precision 2, as it does "near" and "outskirts"
    got = by_text(parser.parse(text))
    assert got[town].place.geo_precision == 2
    assert got[town].place.relation == "near"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("police fired in the Rampura ", " area of Dhaka"),  # a city's named district
        ("a stall in the Blue ", " Area"),  # a name, not the word "area"
        ("he lives in ", " area code 12"),
        ("the Khanyar area of the ", ", on Friday"),  # "area of" after a named district
    ],
)
def test_area_words_that_are_no_surroundings(before: str, after: str) -> None:
    assert not parse_relative(before, after).is_relative


def test_a_town_stays_a_town_without_the_area_word(parser: Geoparser) -> None:
    got = by_text(parser.parse("Tribal fighters entered the town of Gereida on Monday."))
    assert got["Gereida"].place.geo_precision == 1
    assert not got["Gereida"].place.relation


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        # named districts of capitals: coded at the city, not at a namesake or as unknown
        ("A drone hit a house inside the Green Zone of Baghdad.", "Green Zone", "IQ", "Baghdad"),
        ("A car bomb went off at a junction in Madina, Mogadishu.", "Madina", "SO", "Banadir"),
        ("Guards shot inmates at Makala prison in Kinshasa.", "Makala", "CD", "Kinshasa"),
        # towns and villages the gazetteer lacked
        ("A missile hit a cafe in Hroza, in Kharkiv region.", "Hroza", "UA", "Kharkiv"),
    ],
)
def test_added_places_resolve_in_their_country(
    parser: Geoparser, text: str, name: str, country: str, admin1: str
) -> None:
    got = by_text(parser.parse(text))
    place = got[name].place
    assert place.method == "exact"
    assert (place.country, place.admin1) == (country, admin1)
    assert place.geo_precision == 1


def test_the_district_name_does_not_pull_a_saudi_city_to_somalia(parser: Geoparser) -> None:
    # the Mogadishu district is small: in a report about Saudi Arabia, Madina stays Madinah
    got = by_text(parser.parse("Pilgrims travelled to Madina and Mecca from Riyadh."))
    assert got["Madina"].place.country == "SA"


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        (
            "Troops seized the Zaporizhzhia nuclear power plant on Friday.",
            "Zaporizhzhia nuclear power plant",
        ),
        ("Drones hit the Khurais oil field.", "Khurais oil field"),
    ],
)
def test_a_site_named_after_a_town_is_the_site(parser: Geoparser, text: str, spelled: str) -> None:
    # the lowercase words after the town's name make the name of a site the gazetteer has
    # (a power plant, an oil field): the mention is the site, not the town it is named after
    got = by_text(parser.parse(text))
    assert got[spelled].place.method == "exact"
    assert got[spelled].feature_code in ("PSN", "OILF")


def test_a_town_before_an_unknown_site_stays_the_town(parser: Geoparser) -> None:
    # no "Zaporizhzhia station" in the gazetteer: the town keeps its mention
    got = by_text(parser.parse("Crowds gathered at the Zaporizhzhia station on Friday."))
    assert got["Zaporizhzhia"].feature_code.startswith("PPL")
