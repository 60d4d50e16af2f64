"""Actors and sources, seventh round: general rules and table rows (our own wording).

Each case is one short report we wrote and what a coder gives its event."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from reading import claims_of

_PUB = date(2024, 5, 15)


def _sources(text: str, gaz: Gazetteer) -> list[list[str]]:
    found = claims_of(text, gaz, _PUB, ("event",), "a7")
    return [[s.label for s in c.sources] for c in found]


def test_a_teller_of_a_running_toll_is_a_source(gaz: Gazetteer) -> None:
    """ "Hospital staff told the agency that the number of dead had reached 14": the staff
    are one more source of the strike told before (the "reached" is no front)."""
    found = _sources(
        "Shells hit the central market of Donetsk on Saturday, local officials said. "
        "Hospital staff told the agency that the number of dead had reached 14.",
        gaz,
    )
    assert len(found) == 1 and "hospital staff" in [s.lower() for s in found[0]], found


def test_a_named_outlet_after_a_common_noun_is_the_source(gaz: Gazetteer) -> None:
    """ "the agency Xinhua put the number of dead at seven": Xinhua, not the publisher."""
    found = _sources(
        "An explosion tore through a bus station in Quetta on Sunday. Four people were "
        "killed at the station. Later, the agency Xinhua put the number of dead at seven.",
        gaz,
    )
    assert len(found) == 1 and "Xinhua" in found[0], found


def test_a_toll_with_reference_to_rescuers_adds_them(gaz: Gazetteer) -> None:
    """ "With reference to the White Helmets, the death toll rose to 20": a second source."""
    found = _sources(
        "Warplanes struck a fuel market near Sarmada on Tuesday, the Syrian Observatory for "
        "Human Rights said. At least 15 people were killed. With reference to the White "
        "Helmets, the death toll rose to 20.",
        gaz,
    )
    assert len(found) == 1 and "White Helmets" in found[0], found
