"""Ranking rules of the third geocoding error analysis (bench/geo_errors.py).

Sentences are our own; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser
from frontwatch.geo.relative import parse_relative
from reading import by_text


def test_a_name_in_a_list_of_states_is_the_state(parser: Geoparser) -> None:
    text = "Cases were confirmed in Oregon, Utah, Washington and Wisconsin this week."
    wa = by_text(parser.parse(text))["Washington"]
    assert wa.feature_code == "ADM1" and wa.place.admin1 == "Washington"
    assert "in a list of admin1 names" in wa.why


def test_a_name_in_a_list_of_cities_stays_the_city(parser: Geoparser) -> None:
    text = "The prince visited Chicago, Boston, Washington and Houston."
    wa = by_text(parser.parse(text))["Washington"]
    assert wa.feature_code == "PPLC"


def test_a_governor_names_the_state(parser: Geoparser) -> None:
    ny = parser.parse("The former New York Gov. Mario Cuomo died on Thursday.")[0]
    assert ny.text == "New York" and ny.feature_code == "ADM1"
    assert parse_relative("the ", " governor said").kind_hint == "admin1"
    assert parse_relative("the ", " mayor said").kind_hint == "city"


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("M23 rebels advanced on Bunia in north-eastern Congo, the UN said.", "CD"),
        ("Officials in Brazzaville said Congo would vote in March.", "CG"),
        ("Congo has suffered decades of war.", "CD"),
    ],
)
def test_congo_alone_is_the_country_whose_places_the_text_names(
    parser: Geoparser, text: str, cc: str
) -> None:
    congo = by_text(parser.parse(text))["Congo"]
    assert congo.place.country == cc and congo.feature_code == "PCLI"


def test_congo_alone_resolves_to_the_drc_and_the_republic_keeps_its_names(gaz: Gazetteer) -> None:
    assert gaz.resolve("Congo").country == "CD"  # type: ignore[union-attr]
    assert gaz.resolve("Republic of Congo").country == "CG"  # type: ignore[union-attr]
    assert gaz.resolve("Congo", countries=["CG"]).country == "CG"  # type: ignore[union-attr]


def test_a_town_modifying_a_local_noun_is_a_place(parser: Geoparser) -> None:
    text = "Investigators traced the leak to the Pirbright laboratory in England."
    tops = by_text(parser.parse(text))
    assert "Pirbright" in tops and tops["Pirbright"].place.country == "GB"


def test_a_town_tagged_person_after_a_preposition_is_a_place(parser: Geoparser) -> None:
    nlp_doc = parser.nlp("The road from Air Balloon to Cirencester will be closed tonight.")
    ents = {e.text: e.label_ for e in nlp_doc.ents}
    tops = by_text(parser.parse_doc(nlp_doc))
    assert "Cirencester" in tops and tops["Cirencester"].place.country == "GB", ents


def test_a_locative_gpe_survives_the_personal_name_filter(parser: Geoparser) -> None:
    # "David Cornwall" makes Cornwall a word of a personal name; "in Cornwall" is still the
    # county spaCy tags GPE after a place preposition
    text = "Inspector David Cornwall said police were alerted. Three died in Cornwall on Saturday."
    tops = parser.parse(text)
    assert [t.text for t in tops] == ["Cornwall"] and tops[0].start > 40


def test_a_town_with_a_single_namesake_votes_for_its_country(parser: Geoparser) -> None:
    text = (
        "London police said a man was stabbed at a party on Sunday. "
        "He was taken to hospital in St. Thomas, where he died."
    )
    tops = by_text(parser.parse(text))
    assert tops["St. Thomas"].place.country == "CA"
    assert tops["London"].place.country == "CA" and tops["London"].place.admin1 == "Ontario"


def test_a_region_name_is_no_alias_of_a_country(parser: Geoparser) -> None:
    tops = by_text(parser.parse("Ebola spread across Central Africa and Western Europe."))
    assert tops["Central Africa"].feature_code == "RGN" and not tops["Central Africa"].place.country
    assert tops["Western Europe"].feature_code == "RGN"


def test_a_famous_town_beats_a_village_of_a_named_state(parser: Geoparser) -> None:
    # Boston, New York is a village of 8,000: the named state does not make it the Boston
    boston = by_text(parser.parse("The senator flew from New York to Boston on Monday."))
    assert boston["Boston"].place.admin1 == "Massachusetts"


def test_commas_in_a_list_of_states_join_rather_than_qualify(parser: Geoparser) -> None:
    text = "Illnesses were reported in Utah, Washington, West Virginia and Wyoming."
    wa = by_text(parser.parse(text))["Washington"]
    assert wa.feature_code == "ADM1" and "qualified" not in wa.why
