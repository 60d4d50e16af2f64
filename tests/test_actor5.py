"""Actors and sources, fifth round: general rules and table rows (our own wording).

Each case is one short report we wrote and the sources a coder gives its event."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.actors import actor_table
from frontwatch.extract._tables import source_table
from frontwatch.geo import Gazetteer
from reading import claims_of

_PUB = date(2024, 5, 15)


def _labels(text: str, gaz: Gazetteer) -> list[list[str]]:
    return [[s.label for s in c.sources] for c in claims_of(text, gaz, _PUB, ("event",), "a5")]


def test_as_stated_by_names_the_speaker(gaz: Gazetteer) -> None:
    """ "As stated by X, ..." passes the event on from X, like "As reported by X"."""
    found = _labels(
        "As stated by the President of Kenya William Ruto on Tuesday, police killed three "
        "attackers at a bank in Nairobi.",
        gaz,
    )
    assert found[:1] == [["President of Kenya William Ruto"]], found


def test_a_title_keeps_the_name_the_parser_hung_elsewhere(gaz: Gazetteer) -> None:
    """ "According to the interior minister of X, Jane Doe, cited by ...": the name is kept."""
    found = _labels(
        "According to the Interior Minister of Mexico, Rosa Icela Rodriguez, cited by the "
        "paper, soldiers killed four gunmen in Culiacan on Thursday.",
        gaz,
    )
    assert found and "Rosa Icela Rodriguez" in found[0][0], found


def test_a_comma_then_a_new_clause_is_no_name(gaz: Gazetteer) -> None:
    """ "According to the governor, Musa Bello died ...": Musa Bello is the victim."""
    found = _labels(
        "According to the governor, Musa Bello died when gunmen attacked the village of Kauru "
        "on Monday.",
        gaz,
    )
    assert found == [["governor"]], found


def test_the_president_is_the_president_named_before(gaz: Gazetteer) -> None:
    """ "According to the president, ..." after the president was named with his title."""
    found = _labels(
        "As stated by the President of Kenya William Ruto on Tuesday, the siege of a bank in "
        "Nairobi was over. According to the president, five civilians were killed in the "
        "attack on the bank in Nairobi on Monday.",
        gaz,
    )
    assert ["President of Kenya William Ruto"] in found, found


def test_a_word_of_an_earlier_source_name_means_that_source(gaz: Gazetteer) -> None:
    """ "the Guards said" after the Islamic Revolutionary Guard Corps spoke."""
    found = _labels(
        "The Islamic Revolutionary Guard Corps said it fired missiles at a base near Erbil on "
        "Monday. The Guards said that they also struck positions in Idlib with missiles on "
        "Monday.",
        gaz,
    )
    assert found[-1:] == [["Islamic Revolutionary Guard Corps"]], found


def test_the_latter_is_the_source_last_named(gaz: Gazetteer) -> None:
    found = _labels(
        "The Syrian Observatory for Human Rights reported heavy fighting in the north. "
        "According to the latter, 40 fighters were killed in clashes near Idlib on Tuesday.",
        gaz,
    )
    assert found[-1:] == [["Syrian Observatory for Human Rights"]], found


def test_an_unknown_bare_title_stays_as_written(gaz: Gazetteer) -> None:
    """No earlier governor: "the governor" is kept, not replaced by another source."""
    found = _labels(
        "Gunmen killed six farmers in a village near Kaduna on Sunday, the governor said.",
        gaz,
    )
    assert found == [["governor"]], found


def test_a_live_blog_clock_is_not_part_of_the_source(gaz: Gazetteer) -> None:
    found = _labels(
        "14:40 Ukraine's air force says Russian drones struck a depot near Lviv on Tuesday.",
        gaz,
    )
    assert found and found[0][0] == "Ukrainian Air Force", found


def test_an_outlet_the_parser_cut_short_is_found_whole(gaz: Gazetteer) -> None:
    """ "the local portal Myanmar Now": "Now" is not an adverb here."""
    found = _labels(
        "As reported by the local portal Myanmar Now, on Sunday soldiers shot dead 12 "
        "protesters in Mandalay.",
        gaz,
    )
    assert found[:1] == [["Myanmar Now"]], found


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("the Security Service of Ukraine", "SBU"),
        ("Ukraine's SBU", "SBU"),
        ("Russia's Investigative Committee", "Investigative Committee of Russia"),
        ("Russian investigators", "Investigative Committee of Russia"),
        ("Inter-Services Public Relations", "ISPR"),
    ],
)
def test_source_rows(alias: str, name: str, gaz: Gazetteer) -> None:
    ref = source_table().match(alias)
    assert ref is not None and ref.name == name
    found = _labels(f"A drone hit a fuel depot near Belgorod on Monday, {alias} said.", gaz)
    assert found and found[0][0] == name, found


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("Thai F-16 fighters", "TH", "Military Forces of Thailand"),
        ("two American destroyers", "SY", "Military Forces of the United States"),
        ("Russian Su-34 bombers", "UA", "Military Forces of Russia"),
        ("Iranian warships", "YE", "Military Forces of Iran"),
        # without a demonym "fighters" are still gunmen
        ("the fighters", "TH", "Unidentified Armed Group (Thailand)"),
    ],
)
def test_demonym_descriptors(phrase: str, country: str, name: str) -> None:
    found = actor_table().resolve(phrase, country)
    assert found is not None and found.name == name


def test_jets_named_by_a_demonym_are_that_state_s(gaz: Gazetteer) -> None:
    found = claims_of(
        "Thai F-16 fighters struck two Cambodian military posts near the border on Thursday, "
        "the Thai army said.",
        gaz,
        _PUB,
        ("event",),
        "a5",
    )
    assert [(c.actor1, c.actor2) for c in found][:1] == [
        ("Military Forces of Thailand", "Military Forces of Cambodia")
    ]


def _roles(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(c.actor1, c.actor2) for c in claims_of(text, gaz, _PUB, ("event",), "a5")]


def test_a_site_for_displaced_people_is_a_civilian_target(gaz: Gazetteer) -> None:
    """ "attacked a site for displaced people": whom the site is for are the civilians hit."""
    found = _roles(
        "On Sunday night armed men attacked a site for internally displaced people near Bunia "
        "in Ituri province, local officials said.",
        gaz,
    )
    assert found[:1] == [
        (
            "Unidentified Armed Group (Democratic Republic of Congo)",
            "Civilians (Democratic Republic of Congo)",
        )
    ], found
