"""actor1/actor2 and sources, third round: general rules and table rows (our own wording).

Each case is one short report we wrote and the roles an ACLED coder gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import actor_table
from frontwatch.geo import Gazetteer
from reading import claims_of, seen

_PUB = date(2024, 5, 15)

CASES = [
    # a country named as the doer of an armed act is its armed forces
    (
        "Armenian officials said Azerbaijan shelled villages near Goris on Monday night.",
        "Military Forces of Azerbaijan",
        "Civilians (Armenia)",
    ),
    # a demonym of the shipped geo table names that country's forces, not the report's
    (
        "A Cambodian rocket hit a market in Surin province of Thailand on Monday, killing two "
        "vendors.",
        "Military Forces of Cambodia",
        "Civilians (Thailand)",
    ),
    # houses set on fire: their owners, the civilians, are hit
    (
        "Junta soldiers set fire to houses in the village of Kani in Sagaing region on Monday.",
        "Military Forces of Myanmar",
        "Civilians (Myanmar)",
    ),
    # armed groups of the table's new rows, by their alias
    (
        "Fighters of the Chinland Defence Force clashed with junta troops in Falam on Monday.",
        "Chinland Defence Force",
        "Military Forces of Myanmar",
    ),
    (
        "Gran Grif gang members killed six farmers near Liancourt in Artibonite on Monday.",
        "Gran Grif",
        "Civilians (Haiti)",
    ),
]


@pytest.mark.parametrize(("text", "actor1", "actor2"), CASES)
def test_roles(text: str, actor1: str, actor2: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a3")
    assert [(c.actor1, c.actor2) for c in found][:1] == [(actor1, actor2)], seen(found)


def test_an_accused_country_is_no_doer(gaz: Gazetteer) -> None:
    """ "accused Cambodia of laying mines": the accusation names no perpetrator by itself."""
    found = claims_of(
        "Thailand accused Cambodia of laying mines near the border, which Cambodia denied.",
        gaz,
        _PUB,
        ("event",),
        "a3",
    )
    assert all(c.actor1 != "Military Forces of Cambodia" for c in found), seen(found)


def test_a_far_demonym_does_not_move_the_generic_actor() -> None:
    """ "the federal army, together with Eritrean troops": the army is the report's."""
    table = actor_table()
    army = table.resolve("the federal army, together with Eritrean troops", "ET")
    assert army is not None and army.name == "Military Forces of Ethiopia"
    thai = table.resolve("the Thai army", "KH")
    assert thai is not None and thai.name == "Military Forces of Thailand"


def test_peacekeepers_are_the_united_nations_side() -> None:
    table = actor_table()
    blue = table.resolve("two Chinese peacekeepers", "SS")
    assert blue is not None and blue.side == "United Nations"
    staff = table.resolve("United Nations staff", "YE")  # staff of the UN are civilians
    assert staff is not None and staff.name == "Civilians (Yemen)"


def test_the_group_by_its_apposed_name_claims_the_attack(gaz: Gazetteer) -> None:
    """ "the little-known group X claimed responsibility": the apposition names the group."""
    found = claims_of(
        "A bomb exploded at a bus station in Homs on Friday, killing five people, the health "
        "ministry said. The little-known group Saraya Ansar al-Sunna claimed responsibility "
        "for the blast.",
        gaz,
        _PUB,
        ("event",),
        "a3",
    )
    assert [c.actor1 for c in found] == ["Saraya Ansar al-Sunna"], seen(found)


def test_the_militants_are_the_group_named_before(gaz: Gazetteer) -> None:
    """ "The militants ... took hostages" after the Maute group's fight: the Maute group."""
    found = claims_of(
        "Fighters of the Maute group fought soldiers in the streets of Marawi on Tuesday, the "
        "army said. The militants took a teacher and six students hostage at a school in Marawi "
        "on Wednesday, the mayor said.",
        gaz,
        _PUB,
        ("event",),
        "a3",
    )
    hostages = [c for c in found if c.sub_event_type == "Abduction/forced disappearance"]
    assert [c.actor1 for c in hostages] == ["Maute Group"], seen(found)


def test_the_publication_passes_on_who_it_cites(gaz: Gazetteer) -> None:
    """ "With reference to the health ministry, the publication reports that ...": the
    ministry is the source, not the publisher."""
    found = claims_of(
        "With reference to the Syrian health ministry, the publication reports that six people "
        "were killed on Friday when a car bomb exploded in the market of Manbij.",
        gaz,
        _PUB,
        ("event",),
        "a3",
    )
    assert [[s.label for s in c.sources] for c in found] == [["Syrian health ministry"]], seen(
        found
    )


@pytest.mark.parametrize(
    "text",
    [
        # the people a vehicle carries are the target of the attack on it
        "Gunmen attacked two buses carrying traders home from the market near Tera in "
        "Niger on Monday, killing 14.",
        # "X were killed when gunmen ambushed ...": the dead are the ambush's target
        "Four teachers were killed on Tuesday when gunmen ambushed their car near Tillaberi in "
        "Niger.",
    ],
)
def test_the_people_carried_or_killed_are_the_target(text: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a3")
    assert [(c.actor2, c.sub_event_type) for c in found][:1] == [("Civilians (Niger)", "Attack")], (
        seen(found)
    )


def test_un_missions_and_local_responders_are_outlets_of_their_own() -> None:
    from frontwatch.extract._tables import source_table

    table = source_table()
    mission = table.match("the UN mission in Mali (MINUSMA)")
    rooms = table.match("the local Emergency Response Rooms")
    assert mission is not None and mission.name == "MINUSMA"
    assert rooms is not None and (rooms.name, rooms.country) == ("Emergency Response Rooms", "SD")


def test_an_attack_which_a_group_claimed_is_the_groups(gaz: Gazetteer) -> None:
    """ "that attack, which the Islamic State claimed": the claim names the perpetrator."""
    found = claims_of(
        "A car bomb exploded outside a police station in Jalalabad on Thursday, killing nine "
        "people, officials said. Nine policemen died in that attack, which the Islamic State "
        "claimed.",
        gaz,
        _PUB,
        ("event",),
        "a3",
    )
    assert found and all(c.actor1 == "Islamic State (Afghanistan)" for c in found), seen(found)
