"""Rules and table rows added for events the fresh6 and fresh3 parts missed
(sentences written for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_a_crowd_breaking_into_a_building_is_a_violent_demonstration(gaz: Gazetteer) -> None:
    text = (
        "Unrest in the north\n\nMULTAN, June 3 (wire) - In Multan, protesters broke into the"
        " office of the district governor on Saturday, witnesses said."
    )
    found = claims_of(text, gaz, date(2024, 6, 3), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Violent demonstration"]
    assert found[0].actor1.startswith("Rioters")


def test_a_crowd_forcing_open_a_gate_is_a_violent_demonstration(gaz: Gazetteer) -> None:
    text = (
        "Unrest in the north\n\nMULTAN, June 3 (wire) - In Multan, hundreds of demonstrators"
        " forced open the gate of the provincial assembly on Saturday, police said."
    )
    found = claims_of(text, gaz, date(2024, 6, 3), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Violent demonstration"]


def test_soldiers_breaking_into_a_house_are_no_riot(gaz: Gazetteer) -> None:
    text = (
        "Search in the north\n\nMULTAN, June 3 (wire) - In Multan, soldiers broke into the"
        " house of a shopkeeper on Saturday, neighbours said."
    )
    found = claims_of(text, gaz, date(2024, 6, 3), kinds=("event",))
    assert all(c.event_type != "Riots" for c in found)


def test_a_relative_clause_dated_by_a_weekday_tells_news(gaz: Gazetteer) -> None:
    # the tagger reads "seized" here as a participle (VBN); with its own subject it is a past tense
    text = (
        "Mine freed\n\nQUETTA, March 12 (wire) - The army freed the workers of the mine,"
        " which gunmen of the Baloch Liberation Army seized on Monday near Mashkaf."
    )
    found = claims_of(text, gaz, date(2025, 3, 12), kinds=("event",))
    assert [(c.actor1, c.date) for c in found] == [
        ("BLA (Baloch Liberation Army)", date(2025, 3, 10))
    ]
    assert [p.name for p in found[0].places] == ["Mashkaf"]


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("Balakot", "PK", "Khyber Pakhtunkhwa"),
        ("Mashkaf", "PK", "Balochistan"),
        ("Altun Kupri", "IQ", "Kirkuk"),
        ("Ganthier", "HT", "Ouest"),
        ("Khurais", "SA", "Eastern"),
    ],
)
def test_conflict_places_added_for_missed_events(
    gaz: Gazetteer, name: str, country: str, admin1: str
) -> None:
    best = gaz.candidates(name)[0]
    assert (best.country, best.admin1) == (country, admin1)
