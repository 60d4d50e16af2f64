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
