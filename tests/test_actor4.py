"""actor1/actor2, fourth round: general rules and table rows (our own wording).

Each case is one short report we wrote and the roles an ACLED coder gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from reading import claims_of, seen

_PUB = date(2024, 5, 15)

CASES = [
    # intercepted by a country's defence system: that country's forces intercept; a launch
    # told in the passive with nobody named: an unidentified armed group of the place
    (
        "Three rockets were fired at Kabul airport on Tuesday and were intercepted by the US "
        "missile defence system, an American officer said.",
        "Military Forces of the United States",
        "Unidentified Armed Group (Afghanistan)",
    ),
]


@pytest.mark.parametrize(("text", "actor1", "actor2"), CASES)
def test_roles(text: str, actor1: str, actor2: str, gaz: Gazetteer) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a4")
    assert [(c.actor1, c.actor2) for c in found][:1] == [(actor1, actor2)], seen(found)


def test_the_speaking_army_intercepts_what_was_fired_at_it(gaz: Gazetteer) -> None:
    """ "intercepted by air defence, the Syrian army said" after a strike told before."""
    found = claims_of(
        "Israeli ballistic missiles hit homes in the city of Homs on Monday night, killing three "
        "people, medics said. The Syrian army said that most of the missiles had been "
        "intercepted by air defence.",
        gaz,
        _PUB,
        ("event",),
        "a4",
    )
    disrupted = [c for c in found if c.sub_event_type == "Disrupted weapons use"]
    assert [(c.actor1, c.actor2) for c in disrupted] == [
        ("Military Forces of Syria", "Military Forces of Israel")
    ], seen(found)


def test_loyal_to_qualifies_the_conjunct_it_follows(gaz: Gazetteer) -> None:
    """ "between the Houthis and forces loyal to Saleh": the loyalists, not the state's army."""
    found = claims_of(
        "Fighting between the Houthis and forces loyal to Saleh raged in Sanaa on Wednesday, "
        "the Red Cross said.",
        gaz,
        _PUB,
        ("event",),
        "a4",
    )
    assert [(c.actor1, c.actor2) for c in found] == [
        ("Houthi Movement", "Saleh Loyalist Forces (Yemen)")
    ], seen(found)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Houthi fighters clashed with Yemeni government forces near Marib on Friday, "
            "officials said. The warring parties agreed on Saturday to a two-month truce across "
            "Yemen, the UN envoy announced.",
            ("Government of Yemen", "Houthi Movement"),
        ),
        (
            "Russian troops shelled Kharkiv on Thursday. At talks in Istanbul on Friday the "
            "parties agreed to exchange 500 prisoners each, the Ukrainian delegation said.",
            ("Government of Ukraine", "Government of Russia"),
        ),
    ],
)
def test_the_parties_who_agree_are_the_sides_told_before(
    text: str, parties: tuple[str, str], gaz: Gazetteer
) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a4")
    deals = [(c.actor1, c.actor2) for c in found if c.sub_event_type == "Agreement"]
    assert deals == [parties], seen(found)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The warring parties in Yemen agreed on Saturday to a two-month truce, the UN envoy "
            "said. The Houthis welcomed the deal, and the Houthis said they would respect it.",
            ("Government of Yemen", "Houthi Movement"),
        ),
        (
            "At talks in Istanbul on Friday the parties agreed to swap 300 prisoners each, the "
            "Ukrainian delegation said. The Russian government said it was satisfied, and the "
            "Ukrainian government said the swap would happen soon.",
            ("Government of Ukraine", "Government of Russia"),
        ),
    ],
)
def test_the_parties_who_agree_are_the_sides_the_report_names(
    text: str, parties: tuple[str, str], gaz: Gazetteer
) -> None:
    found = claims_of(text, gaz, _PUB, ("event",), "a4")
    deals = [(c.actor1, c.actor2) for c in found if c.sub_event_type == "Agreement"]
    assert deals == [parties], seen(found)


def test_a_blast_among_crowds_hits_civilians_not_protesters(gaz: Gazetteer) -> None:
    """ "detonated explosive belts among the crowds": the people gathered, not a protest."""
    found = claims_of(
        "The group said two of its members had detonated explosive belts among the crowds at "
        "a memorial in Kerman on Wednesday.",
        gaz,
        _PUB,
        ("event",),
        "a4",
    )
    assert [c.actor2 for c in found if c.sub_event_type == "Suicide bomb"] == [
        "Civilians (Iran)"
    ], seen(found)
