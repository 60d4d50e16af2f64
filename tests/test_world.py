"""Rules added for conflicts beyond the corpus's eight (issue 5), on invented sentences."""

from __future__ import annotations

from datetime import date

from frontwatch.actors import actor_table
from frontwatch.extract._numbers import fatalities
from frontwatch.geo import Gazetteer
from frontwatch.types import Claim
from reading import claims_of

PUBLISHED = date(2024, 12, 6)  # a Friday


def events(text: str, gaz: Gazetteer) -> list[Claim]:
    return claims_of(text, gaz, PUBLISHED, ("event",), "w1")


def test_one_named_victim_and_others_are_counted_together() -> None:
    assert fatalities("A drone strike killed a senior commander and two other people.")[0] == 3
    assert fatalities("Gunmen killed a man and two others.")[0] == 3
    assert fatalities("The blast killed a soldier and wounded two others.")[0] == 1


def test_local_government_area_is_a_place_not_the_government() -> None:
    table = actor_table()
    found = table.resolve("the village of Dogo in Guma local government area", "NG")
    assert found is None or not found.name.startswith("Government of")
    assert table.resolve("the government", "NG") is not None


def test_claimed_responsibility_names_the_perpetrator(gaz: Gazetteer) -> None:
    found = events(
        "A suicide bomber blew himself up at a market in Quetta on Thursday, killing 12 people. "
        "Responsibility for the attack was claimed by the Baloch Liberation Army.",
        gaz,
    )
    assert [c.actor1 for c in found] == ["BLA (Baloch Liberation Army)"], found


def test_blamed_on_names_the_perpetrator_of_that_place_only(gaz: Gazetteer) -> None:
    found = events(
        "A car bomb exploded in Cali on Thursday, killing six civilians. "
        "The same day, gunmen attacked a police post in Amalfi, killing two officers. "
        "The president blamed the Cali bombing on FARC dissidents.",
        gaz,
    )
    by_place = {c.places[0].name: c.actor1 for c in found}
    assert by_place.get("Cali") == "FARC Dissidents", found
    assert by_place.get("Amalfi") != "FARC Dissidents", found


def test_a_war_long_toll_is_not_the_events(gaz: Gazetteer) -> None:
    found = events(
        "Fighters burned their weapons near Dukan on Thursday. "
        "The group took up arms in 1984, and more than 40,000 people have been killed.",
        gaz,
    )
    assert found and all(c.fatalities == 0 for c in found), found
    assert found[0].sub_event_type == "Other", found


def test_a_number_of_attackers_killed_names_the_attackers(gaz: Gazetteer) -> None:
    found = events("Somali soldiers killed three of the attackers in Mogadishu on Thursday.", gaz)
    assert [(c.sub_event_type, c.actor2) for c in found] == [
        ("Armed clash", "Unidentified Armed Group (Somalia)")
    ], found
