"""Rules added for events the fresh6, fresh5 and fresh2 parts missed (sentences written for
these tests, not taken from any report)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_an_exchange_of_fire_that_took_place_is_a_clash(gaz: Gazetteer) -> None:
    # "exchange of fire" is a noun entry the parser splits into "exchange" + "of fire"
    text = (
        "Border incident\n\nCAIRO, May 27 (wire) - On Monday an exchange of fire took place"
        " near the crossing between Egyptian and Israeli soldiers in Rafah, the Egyptian army said."
    )
    found = claims_of(text, gaz, date(2024, 5, 27), kinds=("event",))
    assert [(c.sub_event_type, c.actor1, c.actor2) for c in found] == [
        ("Armed clash", "Military Forces of Egypt", "Military Forces of Israel")
    ]
    assert [p.name for p in found[0].places] == ["Rafah"]


def test_the_border_between_two_countries_names_no_sides(gaz: Gazetteer) -> None:
    # places after "between" are no parties: only people ("soldiers") are read as the sides
    text = (
        "Border incident\n\nBAMAKO, May 27 (wire) - Clashes took place on Monday near the border"
        " between Mali and Niger, the army said."
    )
    found = claims_of(text, gaz, date(2024, 5, 27), kinds=("event",))
    assert all(c.actor2 != "Military Forces of Niger" for c in found)


def test_a_wave_of_arrests_is_an_arrest(gaz: Gazetteer) -> None:
    text = (
        "Crackdown\n\nDAKAR, June 2 (wire) - A wave of arrests hit opposition activists in Dakar"
        " on Sunday, their lawyers said."
    )
    found = claims_of(text, gaz, date(2024, 6, 2), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Arrests"]


def test_survivors_who_fled_to_a_town_fled_from_the_scene(gaz: Gazetteer) -> None:
    # the town they reached is no origin: the flight is coded where the attack was
    text = (
        "Village attacked\n\nMOPTI, June 20 (wire) - Gunmen killed 40 villagers in Bankass on"
        " Sunday night, a local official said. He said survivors had fled to Mopti."
    )
    found = claims_of(text, gaz, date(2022, 6, 20), kinds=("displacement",))
    assert [[p.name for p in c.places] for c in found] == [["Bankass"]]
    assert found[0].actor1 == "Civilians (Mali)"


def test_a_flight_with_no_scene_keeps_its_destination(gaz: Gazetteer) -> None:
    # no earlier event to flee from: the destination stays the only place told
    text = (
        "Flight\n\nMOPTI, June 20 (wire) - Thousands of residents fled to Mopti on Sunday,"
        " aid workers said."
    )
    found = claims_of(text, gaz, date(2022, 6, 20), kinds=("displacement",))
    assert all(p.name != "Bankass" for c in found for p in c.places)


def test_drones_shot_down_named_by_a_pronoun(gaz: Gazetteer) -> None:
    # "them" stands for the drones of the sentence before
    text = (
        "Attack on a residence\n\nBAGHDAD, Nov 7 (wire) - Three drones attacked the home of a"
        " minister in Baghdad on Sunday, officials said. Two of them were shot down by the"
        " security forces."
    )
    found = claims_of(text, gaz, date(2021, 11, 7), kinds=("event",))
    assert "Disrupted weapons use" in [c.sub_event_type for c in found]


def test_a_pronoun_for_people_is_no_weapon(gaz: Gazetteer) -> None:
    text = (
        "Raid\n\nBAGHDAD, Nov 7 (wire) - Police arrested three men in Baghdad on Sunday,"
        " officials said. Two of them were later released."
    )
    found = claims_of(text, gaz, date(2021, 11, 7), kinds=("event",))
    assert "Disrupted weapons use" not in [c.sub_event_type for c in found]


def test_taken_into_custody_with_a_long_object_is_an_arrest(gaz: Gazetteer) -> None:
    # more words between "took" and "into custody" than a phrase gap allows
    text = (
        "Opposition leader held\n\nLAHORE, May 9 (wire) - Police took the former opposition"
        " leader into custody at a court in Lahore on Tuesday, his party said."
    )
    found = claims_of(text, gaz, date(2023, 5, 9), kinds=("event",))
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Arrests", "Police Forces of Pakistan")
    ]
    assert [p.name for p in found[0].places] == ["Lahore"]


def test_an_ordinary_suspect_taken_into_custody_is_no_event(gaz: Gazetteer) -> None:
    text = (
        "Court news\n\nLAHORE, May 9 (wire) - Police took a suspected drug dealer into custody"
        " in Lahore on Tuesday."
    )
    assert claims_of(text, gaz, date(2023, 5, 9), kinds=("event",)) == []


def test_taking_a_town_is_still_a_capture(gaz: Gazetteer) -> None:
    text = "Town taken\n\nBAMAKO, May 9 (wire) - Rebels took Kidal on Tuesday, residents said."
    found = claims_of(text, gaz, date(2023, 5, 9), kinds=("event",))
    assert [c.sub_event_type for c in found] == ["Non-state actor overtakes territory"]


def test_people_who_fled_and_found_shelter_are_displaced(gaz: Gazetteer) -> None:
    # the flight told in a relative clause on who sheltered is news, coded at the attack
    text = (
        "Camp raided\n\nKHARTOUM, Jan 17 (wire) - Gunmen raided a camp in El Fasher on"
        " Saturday, witnesses said. The governor declared a curfew in Khartoum on Sunday."
        " Thousands of families who fled the camp found shelter in schools."
    )
    found = claims_of(text, gaz, date(2021, 1, 17), kinds=("displacement",))
    assert [[p.name for p in c.places] for c in found] == [["El Fasher"]]
    assert found[0].actor1 == "Civilians (Sudan)"


def test_people_who_fled_long_ago_are_no_new_flight(gaz: Gazetteer) -> None:
    text = (
        "Camp raided\n\nKHARTOUM, Jan 17 (wire) - Gunmen raided a camp in El Fasher on"
        " Saturday, witnesses said. The families who fled the town years ago live in tents."
    )
    assert claims_of(text, gaz, date(2021, 1, 17), kinds=("displacement",)) == []


def test_a_suspect_arrested_at_the_scene_is_arrested_where_the_blast_was(gaz: Gazetteer) -> None:
    text = (
        "Church bombed\n\nGOMA, Jan 16 (wire) - A bomb exploded in a church in Beni on Sunday,"
        " killing 14 people, the army said. A Ugandan man suspected of involvement was arrested"
        " at the scene, the army said."
    )
    found = claims_of(text, gaz, date(2023, 1, 16), kinds=("event",))
    arrests = [c for c in found if c.sub_event_type == "Arrests"]
    assert [[p.name for p in c.places] for c in arrests] == [["Beni"]]
    assert arrests[0].date == date(2023, 1, 15)
