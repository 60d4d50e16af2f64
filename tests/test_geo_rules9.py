"""Geocoding rules of branch geo7: namesake provinces, datelines, named sites in lists.

Every text is our own sentence; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser
from reading import by_text


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Gaza overnight, and aid trucks waited at the crossing.",
        "Aid convoys are still waiting to enter Gaza.",
    ],
)
def test_a_bare_name_of_two_provinces_is_the_bigger_one(parser: Geoparser, text: str) -> None:
    # Mozambique's Gaza province has a third of the Gaza Strip's people: a text naming
    # neither country means the strip (or its city), not the smaller namesake
    got = by_text(parser.parse(text))
    assert got["Gaza"].place.country == "PS"


def test_the_smaller_province_keeps_its_name_in_its_own_country(parser: Geoparser) -> None:
    got = by_text(parser.parse("Floods in Gaza cut the road to Xai-Xai in Mozambique."))
    assert got["Gaza"].place.country == "MZ"
    got = by_text(parser.parse("Floods hit Gaza province and Inhambane in Mozambique."))
    assert got["Gaza province"].place.country == "MZ"


def test_a_small_dateline_town_named_again(parser: Geoparser) -> None:
    # a dateline's town of under 10,000 people counts when the text names it again
    text = "BANTAM — A builder from Danbury appeared in Bantam court on Monday."
    got = by_text(parser.parse(text))
    assert got["BANTAM"].start == 0
    assert got["BANTAM"].place.country == "US"
    assert got["BANTAM"].place.admin1 == "Connecticut"


def test_a_capitalised_opening_that_is_no_town_stays_out(parser: Geoparser) -> None:
    tops = parser.parse("UPDATE — Police in Ohio said the road had reopened.")
    assert [t.text for t in tops] == ["Ohio"]


def test_a_dateline_town_the_gazetteer_lacks_in_its_state(parser: Geoparser) -> None:
    # the only Holliday indexed is in Texas: the dateline's town is placed in Missouri
    got = by_text(parser.parse("HOLLIDAY, Mo. — A man from Paris, Missouri, was arrested."))
    assert got["HOLLIDAY"].place.admin1 == "Missouri"
    assert got["HOLLIDAY"].place.geo_precision == 3


def test_an_airport_listed_beside_another_is_a_place(parser: Geoparser) -> None:
    # the tagger reads the second airport as a person; joined to the first, it is a site
    got = by_text(parser.parse("Flights were cancelled at Heathrow and Gatwick because of fog."))
    assert got["Gatwick"].place.country == "GB"


def test_a_town_without_a_head_count_is_not_a_listed_site(
    parser: Geoparser, gaz: Gazetteer
) -> None:
    # GeoNames gives some real towns population 0: only a site that is no town (an
    # airport, a camp) counts as a named site without one
    town = next(c for c in gaz.candidates("Maarat al-Numan") if c.feature == "city")
    assert town.population == 0
    assert not parser._named_site(town)
    airport = gaz.candidates("Gatwick")[0]
    assert parser._named_site(airport)


def test_a_town_tagged_as_a_date_after_a_preposition(parser: Geoparser) -> None:
    # the small model tags some Arabic town names DATE
    got = by_text(parser.parse("The unit was based in Manbij near the Turkish border."))
    assert got["Manbij"].place.country == "SY"


@pytest.mark.parametrize(
    "text",
    ["Talks resumed in Ramadan.", "The talks ended in Easter week.", "Fighting eased in May."],
)
def test_a_date_after_a_preposition_stays_a_date(parser: Geoparser, text: str) -> None:
    assert parser.parse(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rebels moved heavy weapons to al-Tanf area in southern Syria.", "al-Tanf"),
        ("Fighters entered Kafr Nabl town on Thursday.", "Kafr Nabl"),
    ],
)
def test_a_name_before_a_place_noun_is_a_place(parser: Geoparser, text: str, name: str) -> None:
    # tagged PERSON or ORG, the name is a place because a place noun follows it
    got = by_text(parser.parse(text))
    assert got[name].place.country == "SY"


def test_a_person_before_a_place_noun_that_no_place_bears(parser: Geoparser) -> None:
    assert parser.parse("John Smith town hall meetings drew crowds.") == []


def test_a_name_before_airport_is_the_airport(parser: Geoparser) -> None:
    # a US town shares the name; "airport" after it says which place is meant
    got = by_text(parser.parse("Flights from Heathrow airport were delayed, US officials said."))
    assert got["Heathrow"].place.country == "GB"
    assert got["Heathrow"].feature_code == "AIRP"
    got = by_text(parser.parse("A man from Heathrow, Florida, was arrested in Orlando."))
    assert got["Heathrow"].place.country == "US"


def test_an_airport_tagged_as_a_product(parser: Geoparser) -> None:
    got = by_text(parser.parse("Drones struck Mitiga airport in Tripoli."))
    assert got["Mitiga"].place.country == "LY"
    assert got["Tripoli"].place.country == "LY"


def test_a_demonym_before_a_place_noun_is_no_town(parser: Geoparser) -> None:
    tops = parser.parse("Walkers crowded the English countryside all summer.")
    assert all(t.place.country != "US" for t in tops)
