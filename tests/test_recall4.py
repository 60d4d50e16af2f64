"""Rules of the fourth recall pass: event coding errors the development parts showed
(sub-types, triggers that fired on the wrong thing, places told by a landform)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of, seen

PUBLISHED = date(2024, 12, 6)  # a Friday: "Tuesday" = Dec 3


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, PUBLISHED, ("event", "displacement"), "r4")


def test_recaptured_prisoners_are_arrests_not_ground_taken(gaz: Gazetteer) -> None:
    found = events(
        "On Tuesday soldiers recaptured a few dozen of the escaped prisoners in Goma.", gaz
    )
    assert [c.sub_event_type for c in found] == ["Arrests"], seen(found)
    assert found[0].rule.startswith("recapture-fugitives"), seen(found)


def test_ground_recaptured_stays_a_territory_event(gaz: Gazetteer) -> None:
    found = events("On Tuesday the army recaptured the town of Goma from the rebels.", gaz)
    assert [c.sub_event_type for c in found] == ["Government regains territory"], seen(found)


def test_blowing_up_a_railway_track_is_an_explosive_attack(gaz: Gazetteer) -> None:
    found = events("On Tuesday militants blew up the railway track near Quetta.", gaz)
    assert [c.sub_event_type for c in found] == ["Remote explosive/landmine/IED"], seen(found)
    # a house blown up stays a demolition
    found = events("On Tuesday soldiers blew up the house of a suspect in Quetta.", gaz)
    assert [c.sub_event_type for c in found] == ["Looting/property destruction"], seen(found)


def test_a_seized_train_is_no_territory(gaz: Gazetteer) -> None:
    found = events("On Tuesday militants seized a train near Sibi.", gaz)
    assert not [c for c in found if c.event_type == "Battles"], seen(found)


def test_a_manned_aircraft_shot_down_is_a_clash_a_drone_a_disrupted_weapon(
    gaz: Gazetteer,
) -> None:
    found = events(
        "On Tuesday the Turkish army said its F-16s shot down two Syrian Su-24 warplanes "
        "over Idlib.\n\n"
        "On Tuesday air defences shot down two Ukrainian drones over Belgorod.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Armed clash", "Disrupted weapons use"], seen(
        found
    )
    assert found[0].rule.startswith("aircraft-downed"), seen(found)
    assert (found[0].actor1, found[0].actor2) == (
        "Military Forces of Turkey",
        "Military Forces of Syria",
    ), seen(found)


def test_a_captured_pilot_is_no_territory(gaz: Gazetteer) -> None:
    found = events(
        "On Tuesday the air force shot down two jets over Muzaffarabad, and one pilot was "
        "captured.",
        gaz,
    )
    assert [c.event_type for c in found] == ["Battles"], seen(found)
    assert found[0].sub_event_type == "Armed clash", seen(found)


def test_a_unilateral_ceasefire_declared_is_a_change_of_activity(gaz: Gazetteer) -> None:
    found = events(
        "On Tuesday the federal government declared a unilateral ceasefire in the Tigray region.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Change to group/activity"], seen(found)
    assert found[0].actor1 == "Government of Ethiopia", seen(found)


def test_a_ceasefire_accepted_is_an_agreement(gaz: Gazetteer) -> None:
    found = events(
        "On Tuesday the STC accepted the call of the coalition for a ceasefire in Aden.", gaz
    )
    assert [c.sub_event_type for c in found] == ["Agreement"], seen(found)
    assert found[0].actor1 == "STC (Southern Transitional Council)", seen(found)
    # accepting anything else is no agreement
    assert not events("On Tuesday the STC accepted the resignation of its envoy in Aden.", gaz)


def test_a_weapon_downed_names_whose_weapon_it_was(gaz: Gazetteer) -> None:
    found = events(
        "On Tuesday air defences shot down two Ukrainian drones over Belgorod.\n\n"
        "On Tuesday the Saudi-led coalition said it had intercepted and destroyed an "
        "explosive drone launched by the Houthis towards Khamis Mushait.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Disrupted weapons use"] * 2, seen(found)
    assert [c.actor2 for c in found] == ["Military Forces of Ukraine", "Houthi Movement"], seen(
        found
    )


def test_police_detaining_people_at_protests_is_a_protest_with_intervention(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Thousands protested against the mobilisation in Russian cities on Tuesday.\n\n"
        "In St Petersburg, police detained more than 480 people in the city centre on Tuesday.",
        gaz,
    )
    picked = [c for c in found if c.places and c.places[0].name == "Saint Petersburg"]
    assert [c.sub_event_type for c in picked] == ["Protest with intervention"], seen(found)
    assert (picked[0].actor1, picked[0].actor2) == (
        "Protesters (Russia)",
        "Police Forces of Russia",
    ), seen(found)
    # with no protest told, an arrest stays an arrest
    found = events(
        "In St Petersburg, police detained more than 40 people in the city centre on Tuesday.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Arrests"], seen(found)


def test_a_launch_mostly_intercepted_is_disrupted_weapons_use(gaz: Gazetteer) -> None:
    found = events(
        "On Tuesday Hamas fired rockets at Tel Aviv; according to the Israeli army, most of "
        "them were intercepted by the Iron Dome system.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Disrupted weapons use"], seen(found)
    assert (found[0].actor1, found[0].actor2) == (
        "Military Forces of Israel",
        "Hamas Movement",
    ), seen(found)
    # only some intercepted: the attack stands
    found = events(
        "On Tuesday Hamas fired rockets at Ashkelon; according to the Israeli army, some of "
        "them were intercepted.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Shelling/artillery/missile attack"], seen(found)
