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


def _actors(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    found = claims_of(text, gaz, _PUB, ("event",), "a7")
    return [(c.sub_event_type, c.actor1, c.actor2) for c in found]


def test_a_named_victim_with_a_closing_comma_is_still_the_victim(gaz: Gazetteer) -> None:
    """ "In Mombasa, Juma Ali, a teacher at a school, was shot dead by police": the parser
    hangs the name on the town; the phrase before the closing comma is who was shot."""
    found = _actors(
        "In Mombasa on Tuesday, Juma Ali, a teacher at a local school, was shot dead by police.",
        gaz,
    )
    assert found and found[0][1:] == ("Police Forces of Kenya", "Civilians (Kenya)"), found


def test_fire_on_the_thousands_camped_outside_is_force_against_protesters(
    gaz: Gazetteer,
) -> None:
    """ "opened fire on the thousands camped outside": a bare crowd count whose own verb
    is a protest's are protesters."""
    found = _actors(
        "On Monday soldiers opened fire on the thousands camped outside the parliament in Bamako.",
        gaz,
    )
    assert found and found[0] == (
        "Excessive force against protesters",
        "Protesters (Mali)",
        "Military Forces of Mali",
    ), found


def test_the_judiciarys_news_agency_is_an_outlet(gaz: Gazetteer) -> None:
    """sources.yaml: "the Iranian judiciary's news agency" is Mizan, not a bare agency."""
    found = _sources(
        "As reported by the Iranian judiciary's news agency, gunmen killed six worshippers "
        "at a mosque in Zahedan on Thursday.",
        gaz,
    )
    assert found == [["Mizan"]], found


def test_a_tear_gas_sentence_gives_its_teller_to_the_march(gaz: Gazetteer) -> None:
    """ "Thousands marched ... In Kisumu police fired tear gas ..., witnesses said": the
    tear gas makes the Kisumu march a protest with intervention, and the witnesses who
    told it are one more source of that event."""
    found = claims_of(
        "Thousands marched in Kisumu and Nakuru on Tuesday against the new tax law. In Kisumu "
        "police fired tear gas to stop marchers from reaching the county offices, witnesses said.",
        gaz,
        _PUB,
        ("event",),
        "a7",
    )
    kisumu = [c for c in found if c.sub_event_type == "Protest with intervention"]
    assert len(kisumu) == 1 and "witnesses" in [s.label for s in kisumu[0].sources], found


def test_a_named_outlet_the_parser_made_a_subject(gaz: Gazetteer) -> None:
    """ "As reported by the state news agency Xinhua, on Sunday a bomb ...": the parser
    reads "Xinhua" as the next clause's subject; the agency is still Xinhua."""
    found = _sources(
        "As reported by the state news agency Xinhua, on Sunday a bomb exploded at a market "
        "in Kunduz.",
        gaz,
    )
    assert found == [["Xinhua"]], found
