"""Counts that rose and bombers told twice: one event, dated by the act, not by the count
(sentences written for these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_a_rising_count_dates_the_count_not_the_bombing(gaz: Gazetteer) -> None:
    # published Thursday 7 March 2024: "on Thursday" is when the count rose
    text = (
        "The number of people killed by a suicide bomber at a market in Quetta rose to 40"
        " on Thursday, officials said."
    )
    found = claims_of(text, gaz, date(2024, 3, 7), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Suicide bomb"]
    assert found[0].date_basis != "explicit", found[0].date_basis


def test_the_bomber_told_again_is_the_suicide_bombing_not_an_air_strike(gaz: Gazetteer) -> None:
    text = (
        "The number of people killed by a suicide bomber at a market in Quetta rose to 40"
        " on Thursday, officials said.\n\nThe bomber struck on Wednesday morning in the"
        " crowded market of the city, where hundreds of traders had gathered."
    )
    found = claims_of(text, gaz, date(2024, 3, 7), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Suicide bomb"]
    assert found[0].date == date(2024, 3, 6)


def test_an_aircraft_bomber_still_strikes_from_the_air(gaz: Gazetteer) -> None:
    text = "A Russian bomber struck a factory in Kharkiv on Tuesday, the governor said."
    found = claims_of(text, gaz, date(2024, 3, 7), kinds=("event",))
    assert all(c.sub_event_type != "Suicide bomb" for c in found)


def test_karen_state_is_kayin(gaz: Gazetteer) -> None:
    text = "Rebels captured an army outpost near the Thai border in Karen State on Saturday."
    found = claims_of(text, gaz, date(2021, 3, 28), kinds=("event",))
    assert found and [p.name for p in found[0].places] == ["Kayin State"]


def test_storming_a_town_and_shooting_residents_house_to_house_is_an_attack(
    gaz: Gazetteer,
) -> None:
    # the parser reads "house shooting residents" as one noun phrase
    text = (
        "Gunmen stormed the town of Djibo on Sunday night and went from house to house"
        " shooting residents, witnesses said."
    )
    found = claims_of(text, gaz, date(2022, 6, 14), kinds=("event",))
    assert [(c.sub_event_type, c.actor2) for c in found] == [("Attack", "Civilians (Burkina Faso)")]
