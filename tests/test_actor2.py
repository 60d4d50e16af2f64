"""Who is actor1 and who is actor2: general role rules (invented wording, many conflicts).

Each case is one short report of our own and the roles an ACLED coder gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

_PUB = date(2024, 5, 15)

CASES = [
    # the gerund after "by" is the agent ("killed by Russian shelling"); the dead are the target
    (
        "Four civilians were killed by Russian shelling in Kherson on Monday.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    # "fired missiles at X": X is the target, not the missiles
    (
        "Hezbollah fired anti-tank missiles at an Israeli army post near Metula on Monday.",
        "Hezbollah",
        "Military Forces of Israel",
    ),
    # a demonym on a military site names the forces hit there
    (
        "Russian artillery pounded Ukrainian positions near Chasiv Yar on Tuesday.",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    ),
    (
        "Ukrainian drones destroyed a Russian ammunition depot in Tokmak on Monday.",
        "Military Forces of Ukraine",
        "Military Forces of Russia",
    ),
    # a possessive owns the event noun ("Russia's drone attack")
    (
        "Russia's drone attack on Odesa overnight damaged a hospital and wounded three doctors.",
        "Military Forces of Russia",
        "Civilians (Ukraine)",
    ),
    (
        "Israel's drone hit a motorcycle carrying a Hezbollah commander in Tyre on Tuesday.",
        "Military Forces of Israel",
        "Hezbollah",
    ),
    # "the bombing of a camp for displaced people": the people of the "of" phrase are hit
    (
        "The military's bombing of a camp for displaced people in Laiza killed 29 on Monday.",
        "Military Forces of Myanmar",
        "Civilians (Myanmar)",
    ),
    # victims named by age, creed or trade are civilians (actors.yaml's descriptor row)
    (
        "Israeli soldiers shot dead a Palestinian teenager near Hebron on Monday.",
        "Military Forces of Israel",
        "Civilians (Palestine)",
    ),
    (
        "Military jets dropped bombs on a monastery in Kanbalu on Sunday, killing five monks.",
        "Military Forces of Myanmar",
        "Civilians (Myanmar)",
    ),
    (
        "Armed men kidnapped six nuns travelling on a bus in Port-au-Prince on Friday.",
        "Unidentified Armed Group (Haiti)",
        "Civilians (Haiti)",
    ),
]


@pytest.mark.parametrize(("text", "actor1", "actor2"), CASES)
def test_roles(text: str, actor1: str, actor2: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a2")
    assert any((c.actor1, c.actor2) == (actor1, actor2) for c in found), seen(found)
