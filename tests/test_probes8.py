"""Probes of the eighth session: reports written by us in the styles frontwatch reads (wire
copy, translated summaries), each naming a rule that a first reading got wrong."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.extract._numbers import fatalities
from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of, seen

DAY = date(2025, 1, 6)


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, DAY, ("event",), "p8")


@pytest.mark.parametrize(
    "text",
    [
        "Unknown persons detonated an explosive device at an army checkpoint near Daraa on Sunday.",
        "Militants set off a car bomb outside a police station in Quetta on Sunday.",
        "Insurgents detonated a roadside bomb as a convoy passed near Kidal on Sunday.",
    ],
)
def test_setting_off_a_device_is_its_blast(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert [c.sub_event_type for c in found] == ["Remote explosive/landmine/IED"], seen(found)


def test_a_force_detonating_explosives_to_destroy_is_no_bomb_attack(gaz: Gazetteer) -> None:
    found = events("The army detonated explosives to destroy a tunnel in Rafah on Sunday.", gaz)
    assert all(c.sub_event_type != "Remote explosive/landmine/IED" for c in found), seen(found)


def test_a_strike_told_a_day_earlier_without_a_place_is_another_strike_there(
    gaz: Gazetteer,
) -> None:
    found = events(
        "Drones launched by the Rapid Support Forces struck the fuel depot of Port Sudan on "
        "Sunday. A day earlier, drones hit a hotel near the presidential residence, "
        "according to witnesses.",
        gaz,
    )
    assert [(c.date, [p.name for p in c.places]) for c in found] == [
        (date(2025, 1, 5), ["Port Sudan"]),
        (date(2025, 1, 4), ["Port Sudan"]),
    ], seen(found)


def test_a_placeless_strike_retold_on_the_same_day_is_still_one(gaz: Gazetteer) -> None:
    found = events(
        "Drones struck the fuel depot of Port Sudan on Sunday. Drones also hit a hotel "
        "near the presidential residence, witnesses said.",
        gaz,
    )
    assert len(found) == 1, seen(found)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("at least five protesters were shot dead, a rights group said", 5),
        ("Police shot dead five protesters.", 5),
        ("three men were beaten to death by a mob", 3),
        ("soldiers shooting dead 12 villagers", 12),
    ],
)
def test_shot_dead_and_beaten_to_death_are_deaths(text: str, dead: int) -> None:
    assert fatalities(text)[0] == dead


def test_police_firing_and_killing_protesters_is_one_excessive_force(gaz: Gazetteer) -> None:
    found = events(
        "Police fired tear gas and live rounds at protesters in Nairobi on Sunday, and at "
        "least five protesters were shot dead, a rights group reported.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor2, c.fatalities) for c in found] == [
        ("Excessive force against protesters", "Police Forces of Kenya", 5)
    ], seen(found)


def test_a_toll_in_a_sentence_of_its_own_goes_to_the_strike_before(gaz: Gazetteer) -> None:
    found = events(
        "Israeli aircraft carried out strikes on the southern suburbs of Beirut late on "
        "Saturday, the state news agency reported. According to the Lebanese Health "
        "Ministry, two people were killed and 15 injured.",
        gaz,
    )
    assert [(c.sub_event_type, c.fatalities) for c in found] == [("Air/drone strike", 2)]


def test_a_running_toll_by_a_later_day_is_no_toll_of_the_first_event(gaz: Gazetteer) -> None:
    found = events(
        "Israeli aircraft carried out strikes on the southern suburbs of Beirut late on "
        "Saturday. By Sunday the ministry said 40 people had been killed across the south.",
        gaz,
    )
    assert [c.fatalities for c in found if c.sub_event_type == "Air/drone strike"] == [0]


def test_the_dead_of_a_sentence_telling_force_and_riot_are_the_forces(gaz: Gazetteer) -> None:
    found = events(
        "Police shot dead five protesters in Nairobi on Sunday as others broke into "
        "parliament and set part of it on fire.",
        gaz,
    )
    dead = {c.sub_event_type: c.fatalities for c in found}
    assert dead.get("Excessive force against protesters") == 5, seen(found)
    assert all(n == 0 for t, n in dead.items() if t != "Excessive force against protesters")


def test_its_forces_after_a_coordinated_said_are_the_speakers(gaz: Gazetteer) -> None:
    found = events(
        "The Rapid Support Forces denied targeting civilians and said its forces had taken "
        "over the army's base in Ardamata after the soldiers withdrew.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Non-state actor overtakes territory", "Rapid Support Forces")
    ], seen(found)
    assert [s.label for s in found[0].sources] == ["Rapid Support Forces"]


def test_a_village_the_gazetteer_lacks_takes_its_district(gaz: Gazetteer) -> None:
    found = events(
        "Soldiers killed 136 people in the village of Karma in the northern Yatenga "
        "province of Burkina Faso on Sunday.",
        gaz,
    )
    assert [(p.name, p.admin1, p.geo_precision) for c in found for p in c.places] == [
        ("Karma", "Nord", 2)
    ], seen(found)


@pytest.mark.parametrize(
    "text",
    [
        "Three Americans were among about 50 people arrested in Kinshasa on Sunday, "
        "the army spokesman said.",
        "Two journalists were among those detained in Bamako on Sunday.",
    ],
)
def test_those_among_the_people_held_is_an_arrest(text: str, gaz: Gazetteer) -> None:
    found = events(text, gaz)
    assert [c.sub_event_type for c in found] == ["Arrests"], seen(found)


def test_a_village_whose_namesake_is_abroad_takes_the_town_it_is_in(gaz: Gazetteer) -> None:
    found = events(
        "Armed men attacked a police patrol near the village of Banjska in the "
        "municipality of Zvecan in Kosovo on Sunday.",
        gaz,
    )
    assert [(p.name, p.country, p.geo_precision) for c in found for p in c.places] == [
        ("Banjska", "XK", 2)
    ], seen(found)


def test_a_death_count_beside_the_wounded_goes_to_the_shelling_before(gaz: Gazetteer) -> None:
    found = events(
        "Russian troops shelled the city of Kherson on Sunday. As a result, one person was "
        "killed and four were injured.",
        gaz,
    )
    assert [(c.sub_event_type, c.fatalities) for c in found] == [
        ("Shelling/artillery/missile attack", 1)
    ], seen(found)


def test_shelling_with_artillery_and_drones_stays_shelling(gaz: Gazetteer) -> None:
    found = events(
        "Russian troops shelled 11 settlements of the Kherson region on Sunday, using "
        "artillery, mortars and drones.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Shelling/artillery/missile attack"]


def test_the_announced_restoration_of_control_is_a_capture(gaz: Gazetteer) -> None:
    found = events(
        "The army announced the full restoration of control over the Republican Palace in "
        "Khartoum on Sunday, after days of battles with the Rapid Support Forces.",
        gaz,
    )
    assert [(c.sub_event_type, c.actor1) for c in found] == [
        ("Government regains territory", "Military Forces of Sudan")
    ], seen(found)


def test_a_toll_that_rises_replaces_the_earlier_count(gaz: Gazetteer) -> None:
    found = events(
        "A missile struck a market in Kostiantynivka on Sunday, officials said. The interior "
        "minister said 16 people were killed and 28 wounded in Kostiantynivka. Later the toll "
        "in Kostiantynivka rose to 17 dead, prosecutors said.",
        gaz,
    )
    assert [c.fatalities for c in found] == [17], seen(found)


def test_a_patrol_falling_into_an_ambush_was_attacked(gaz: Gazetteer) -> None:
    found = events("An army patrol fell into an ambush near Djibo on Sunday.", gaz)
    assert [(c.sub_event_type, c.actor1, c.actor2) for c in found] == [
        ("Armed clash", "", "Military Forces of Burkina Faso")
    ], seen(found)


def test_wounded_by_shrapnel_is_the_toll_of_the_strike_not_an_attack(gaz: Gazetteer) -> None:
    found = events(
        "JERUSALEM, Jan 6 (wire) - Iran launched more than 300 drones and missiles at Israel "
        "overnight, the military said. A girl was seriously wounded by shrapnel in the Negev.",
        gaz,
    )
    assert [c.sub_event_type for c in found] == ["Air/drone strike"], seen(found)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Israeli troops raided Jenin in the northern West Bank on Sunday.", ("Janin", "PS")),
        (
            "Al-Shabaab fighters attacked an AMISOM base in Lower Shabelle on Sunday.",
            ("Shabeele Hoose Region", "SO"),
        ),
    ],
)
def test_common_english_spellings_of_conflict_places(
    text: str, where: tuple[str, str], gaz: Gazetteer
) -> None:
    found = events(text, gaz)
    assert [(p.name, p.country) for c in found for p in c.places] == [where], seen(found)
