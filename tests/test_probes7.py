"""Rules found by the lead in the seventh session (invented wording, our own sentences)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of

DAY = date(2024, 3, 14)


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, DAY, ("event",), "p7")


def only(text: str, gaz: Gazetteer) -> Claim:
    found = events(text, gaz)
    assert len(found) == 1, [(c.sub_event_type, [p.name for p in c.places]) for c in found]
    return found[0]


def test_a_town_that_came_under_fire_is_the_place_and_the_shooter_actor1(gaz: Gazetteer) -> None:
    ev = only("The town of Kalehe came under fire from M23 fighters on Tuesday.", gaz)
    assert [p.name for p in ev.places] == ["Kalehe"]
    assert ev.actor1 == "M23 (March 23 Movement)"


def test_positions_that_came_under_fire_belong_to_actor2_not_actor1(gaz: Gazetteer) -> None:
    ev = only("Ukrainian positions near Kupiansk came under fire from Russian forces.", gaz)
    assert (ev.actor1, ev.actor2) == ("Military Forces of Russia", "Military Forces of Ukraine")
    assert [p.name for p in ev.places] == ["Kupyansk"]


def test_subjected_to_shelling_is_a_shelling_of_the_subject(gaz: Gazetteer) -> None:
    ev = only(
        "Residential quarters of Kherson were subjected to heavy shelling on Wednesday, "
        "and two civilians were killed, the regional administration says.",
        gaz,
    )
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert [p.name for p in ev.places] == ["Kherson"]


def test_subjected_to_air_strikes_by_names_the_striker(gaz: Gazetteer) -> None:
    ev = only(
        "According to the latter, Houthi positions in Al-Jawf province were subjected to "
        "air strikes by the coalition aircraft.",
        gaz,
    )
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor2 == "Houthi Movement"
    assert ev.actor1 != "Houthi Movement"


def test_a_french_hyphenated_town_is_one_name(gaz: Gazetteer) -> None:
    ev = only("In Port-au-Prince, gang members set fire to a police station on Monday.", gaz)
    assert [p.name for p in ev.places] == ["Port-au-Prince"]
    both = events("Gangs attacked Croix-des-Bouquets and Trou-du-Nord on Monday.", gaz)
    assert {p.name for c in both for p in c.places} >= {"Croix-des-Bouquets"}


def test_a_continent_names_no_country(gaz: Gazetteer) -> None:
    # "Africa" is also an old name of Mahdia (Tunisia): the report is not about Tunisia
    ev = only(
        "Militants of the Islamic State province of West Africa carried out an attack on "
        "a military base in Monguno, in Borno state.",
        gaz,
    )
    assert ev.actor1 == "Islamic State West Africa Province (ISWAP)"
    assert ev.actor2 == "Military Forces of Nigeria"


def test_boko_haram_is_a_nigerian_group_with_branches_beyond(gaz: Gazetteer) -> None:
    ev = only("Boko Haram carried out an attack on a military base in Monguno.", gaz)
    assert ev.actor2 == "Military Forces of Nigeria"


def test_storming_a_hotel_is_an_attack_by_who_stormed_it(gaz: Gazetteer) -> None:
    ev = only(
        "Fighters of al-Shabaab stormed a hotel in Kismayo, the siege lasted for hours, and "
        "at least nine people were killed.",
        gaz,
    )
    assert ev.actor1 == "Al Shabaab"
    assert ev.sub_event_type == "Attack"


def test_a_drone_dropping_one_explosive_is_a_drone_strike(gaz: Gazetteer) -> None:
    ev = only(
        "In the Kherson region, a Russian drone dropped an explosive on a civilian car and "
        "the driver was injured.",
        gaz,
    )
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actor1 == "Military Forces of Russia"


def test_ukrainian_defenders_are_ukraines_forces(gaz: Gazetteer) -> None:
    ev = only("Near Pokrovsk, Ukrainian defenders repelled 40 attacks by Russian troops.", gaz)
    assert (ev.actor1, ev.actor2) == ("Military Forces of Russia", "Military Forces of Ukraine")
