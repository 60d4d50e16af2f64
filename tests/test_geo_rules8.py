"""Geocoding rules of branch geo6: names that sit side by side, councils, counties.

Every text is our own sentence; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser, Toponym


@pytest.fixture(scope="module")
def parser(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


def _by_text(tops: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in tops}


def test_a_local_council_names_its_town(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Leeds City Council closed the bridge for a week."))
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
    got = _by_text(
        parser.parse("Bins were left uncollected in Edmonton, and Enfield Council apologised.")
    )
    assert got["Edmonton"].place.country == "GB"
    assert got["Enfield"].place.country == "GB"
    alone = _by_text(parser.parse("Snow closed the schools in Edmonton on Monday."))
    assert alone["Edmonton"].place.country == "CA"
