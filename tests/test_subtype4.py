"""Sub-types of the ninth session's rules (our own words, invented wording)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

PUBLISHED = date(2026, 12, 1)

# (text, the sub-type of its first event)
CASES = [
    # planted devices that hit or kill are remote explosives, whatever the verb
    (
        "A patrol of soldiers was hit by explosive devices buried beside a track near Kidal "
        "on Monday, the army said.",
        "Remote explosive/landmine/IED",
    ),
    (
        "Three guards were killed by explosive devices left at the gate of a depot near "
        "Culiacan on Friday, officials said.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A truck bomb struck a checkpoint near Baidoa on Tuesday, police said.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A suicide bomber killed nine worshippers at a mosque in Peshawar on Friday, police said.",
        "Suicide bomb",
    ),
    # tear gas or water cannon used "to stop/prevent/keep" marchers: an intervention
    (
        "Riot police fired tear gas to stop marchers from reaching the palace in Nairobi on "
        "Tuesday, witnesses said.",
        "Protest with intervention",
    ),
    (
        "Police used water cannon to prevent demonstrators from entering the square in Tbilisi "
        "on Sunday.",
        "Protest with intervention",
    ),
    # a sentence opening "In <town>" that the parser hangs on the subject still places it
    (
        "In Goma soldiers fired tear gas at protesters on Monday, residents said.",
        "Protest with intervention",
    ),
]

# the same words without the cue keep the rule's own sub-type
UNCHANGED = [
    (
        "A drone dropped an explosive device on an army post near Kidal on Monday.",
        "Air/drone strike",
    ),
    ("Soldiers shot dead two herders near Kidal on Monday, residents said.", "Attack"),
    ("Gunmen attacked a gold mine near Kidal on Monday, killing five miners.", "Attack"),
    ("Rebels attacked an army base with rifles near Goma on Sunday.", "Armed clash"),
]


@pytest.mark.parametrize(("text", "sub_event_type"), CASES + UNCHANGED)
def test_sub_type(gaz: Gazetteer, text: str, sub_event_type: str) -> None:
    found = claims_of(text, gaz, PUBLISHED, ("event",), "st4")
    assert found and found[0].sub_event_type == sub_event_type, seen(found)


def test_fronted_town_is_the_place(gaz: Gazetteer) -> None:
    found = claims_of(
        "In Goma soldiers fired tear gas at protesters on Monday, residents said.",
        gaz,
        PUBLISHED,
        ("event",),
        "st4",
    )
    assert [p.name for c in found for p in c.places] == ["Goma"], seen(found)


def test_fire_kept_from_spreading_is_no_protest(gaz: Gazetteer) -> None:
    found = claims_of(
        "Firefighters sprayed water to stop the fire from spreading in Nairobi on Tuesday.",
        gaz,
        PUBLISHED,
        ("event",),
        "st4",
    )
    assert not found, seen(found)


def test_a_second_bomb_is_another_event(gaz: Gazetteer) -> None:
    found = claims_of(
        "A truck packed with explosives blew up at a busy crossroads in Mogadishu on Saturday, "
        "killing at least 80 people, police said. An hour later a second car bomb went off in "
        "another district of Mogadishu, killing three people.",
        gaz,
        PUBLISHED,
        ("event",),
        "st4",
    )
    assert [(c.sub_event_type, c.fatalities) for c in found] == [
        ("Remote explosive/landmine/IED", 80),
        ("Remote explosive/landmine/IED", 3),
    ], seen(found)
