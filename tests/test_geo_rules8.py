"""Geocoding rules of branch geo6: names that sit side by side, councils, counties.

Every text is our own sentence; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo.geoparse import Geoparser
from reading import by_text


def test_a_local_council_names_its_town(parser: Geoparser) -> None:
    got = by_text(parser.parse("Leeds City Council closed the bridge for a week."))
    assert got["Leeds"].place.country == "GB"
    assert got["Leeds"].resolved


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council met on Tuesday.",
        "The Norwegian Refugee Council counted the tents.",
        "The Sovereignty Council issued a decree.",
    ],
)
def test_a_council_of_no_town_is_no_place(parser: Geoparser, text: str) -> None:
    assert parser.parse(text) == []


def test_two_names_whose_namesakes_lie_side_by_side(parser: Geoparser) -> None:
    # alone, Edmonton is Alberta's city and Enfield Connecticut's town; together they are
    # the two neighbouring places of north London
    got = by_text(
        parser.parse("Bins were left uncollected in Edmonton, and Enfield Council apologised.")
    )
    assert got["Edmonton"].place.country == "GB"
    assert got["Enfield"].place.country == "GB"
    alone = by_text(parser.parse("Snow closed the schools in Edmonton on Monday."))
    assert alone["Edmonton"].place.country == "CA"


def test_a_place_before_based_is_a_mention(parser: Geoparser) -> None:
    # the tagger reads "Kent" as a person here; "-based" says it is where the team is
    text = "Kent scored twice for the Kent-based side on Sunday."
    assert any(t.start == text.index("Kent-") for t in parser.parse(text))
    tops = parser.parse("The Nairobi-based charity sent tents.")
    assert [(t.text, t.place.country) for t in tops] == [("Nairobi", "KE")]


def test_a_word_before_based_that_is_no_place_is_no_mention(parser: Geoparser) -> None:
    assert parser.parse("Plant-based meals and Cloud-based tools were sold.") == []


def test_a_county_under_its_own_name_takes_the_named_state(parser: Geoparser) -> None:
    got = by_text(parser.parse("Ranchers in Hall County said the Texas drought was the worst."))
    assert got["Hall County"].place.admin1 == "Texas"


def test_a_town_before_its_province_is_a_mention(parser: Geoparser) -> None:
    got = by_text(parser.parse("Her brothers, both of Hugo, Oklahoma, drove the truck."))
    assert got["Hugo"].place.admin1 == "Oklahoma"
    got = by_text(parser.parse("RUSSELLVILLE, Ark. (AP) - A barn burned overnight."))
    assert got["RUSSELLVILLE"].place.admin1 == "Arkansas"


def test_a_word_before_a_province_that_is_no_town_there_is_no_mention(
    parser: Geoparser,
) -> None:
    got = by_text(parser.parse("On Monday, Texas lawmakers met."))
    assert "Monday" not in got


def test_a_local_office_names_its_town(parser: Geoparser) -> None:
    got = by_text(parser.parse("Beaconsfield Mayor Anne Roy opened the new library."))
    assert got["Beaconsfield"].place.country == "CA"
    assert parser.parse("The Security Council and the Supreme Court met.") == []


def test_a_world_city_tagged_as_a_person_is_the_city(parser: Geoparser) -> None:
    text = "The poor health of the people put Edmonton near the bottom of the list."
    assert [t.text for t in parser.parse(text)] == ["Edmonton"]
    # a person who bears the name keeps it
    text = "Joaquin Phoenix won. Later Phoenix thanked his mother."
    assert all(t.text != "Phoenix" for t in parser.parse(text))


def test_an_unknown_street_is_at_the_biggest_of_the_towns_named_most(
    parser: Geoparser,
) -> None:
    # Lafayette and New Orleans are each named once: the street is placed in New Orleans
    text = (
        "The painter left Lafayette, Louisiana, for New Orleans in 1990. "
        "She opened a gallery on Zorblatt Street."
    )
    got = by_text(parser.parse(text))
    street = got["Zorblatt Street"]
    assert not street.resolved
    assert street.place.lat is not None and abs(street.place.lat - 29.95) < 0.2


def test_a_name_with_its_kind_word_does_not_vote_for_itself(parser: Geoparser) -> None:
    # "Santa Ana" is also a province of El Salvador: that sense of the bare name must not
    # make El Salvador and its province "named" for "the City of Santa Ana"
    text = (
        "Pupils at a school in Santa Ana, California fell ill. "
        "Officials from the City of Santa Ana met the parents."
    )
    got = by_text(parser.parse(text))
    assert got["City of Santa Ana"].place.country == "US"


def test_a_borough_is_its_town(parser: Geoparser) -> None:
    got = by_text(parser.parse("An officer from Enfield Borough said two men ran off."))
    assert got["Enfield Borough"].resolved


def test_a_list_of_towns_tagged_as_one_organisation(parser: Geoparser) -> None:
    got = by_text(parser.parse("The two men drove south to Ingham or Townsville in a van."))
    assert got["Ingham"].place.country == "AU"
    assert got["Townsville"].place.country == "AU"
    assert [t.text for t in parser.parse("He worked for Procter and Gamble in Ohio.")] == ["Ohio"]


def test_a_province_abbreviation_after_a_town(parser: Geoparser) -> None:
    got = by_text(parser.parse("LOUISVILLE, KY--(Wire) - The distiller sold a warehouse."))
    assert got["KY"].place.admin1 == "Kentucky"


def test_a_name_joined_to_a_place_is_a_place(parser: Geoparser) -> None:
    got = by_text(
        parser.parse("The fruit came from Bonaire, followed by Limpopo and Eastern Cape.")
    )
    assert got["Limpopo"].place.country == "ZA"
    assert "Putin" not in by_text(parser.parse("Trump and Putin met in Helsinki."))
    assert parser.parse("Forecasters said El Niño and the monsoon would shift.") == []
