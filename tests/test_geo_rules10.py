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
