"""Recognition and ranking rules added from the error analysis (bench/geo_errors.py).

Sentences are our own; each test names the rule it checks.
"""

from __future__ import annotations

import pytest

from frontwatch.geo.geoparse import Geoparser, Toponym, _Mention, _person_words


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


def _by_text(tops: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in tops}


def test_an_unknown_entity_joining_countries_is_split(parser: Geoparser) -> None:
    tops = _by_text(parser.parse("Trade between Greece Italy and Spain grew."))
    assert {"Greece", "Italy", "Spain"} <= set(tops)
    assert tops["Italy"].place.country == "IT"


def test_a_direction_word_is_dropped_not_read_as_a_province(parser: Geoparser) -> None:
    tops = parser.parse("Cases rose in Eastern China last week.")
    assert [(t.text, t.place.country, t.feature_code) for t in tops] == [("China", "CN", "PCLI")]


def test_a_named_feature_is_not_the_place_it_is_named_after(parser: Geoparser) -> None:
    tops = parser.parse("Oil spills in the Niger Delta hurt farmers.")
    assert not any(t.place.country == "NE" for t in tops)


def test_an_unknown_street_takes_the_texts_main_town(parser: Geoparser) -> None:
    tops = _by_text(parser.parse("Police closed Frenchmen Street in New Orleans after the storm."))
    street, town = tops["Frenchmen Street"], tops["New Orleans"]
    assert not street.resolved and street.place.method == "unresolved"
    assert (street.place.lat, street.place.lon) == (town.place.lat, town.place.lon)
    assert street.place.geo_precision == 2 and street.place.geonameid is None
    assert "New Orleans" in street.why


def test_former_country_names(parser: Geoparser) -> None:
    tops = _by_text(parser.parse("He was born in Zaire and studied in the Soviet Union."))
    assert tops["Zaire"].place.country == "CD" and tops["Zaire"].feature_code == "PCLI"
    assert tops["Soviet Union"].place.country == "RU"


def test_new_york_alone_is_the_city_but_mexico_is_the_country(parser: Geoparser) -> None:
    ny = parser.parse("She moved to New York last year.")[0]
    assert ny.feature_code.startswith("PPL") and ny.place.country == "US"
    mx = parser.parse("Exports from Mexico rose.")[0]
    assert mx.feature_code == "PCLI"


def test_a_named_region_beats_a_small_town_of_that_name(parser: Geoparser) -> None:
    tops = _by_text(parser.parse("Officials in Maryland discussed the Middle East."))
    assert tops["Middle East"].feature_code == "RGN"


def test_a_county_after_a_town_and_comma_is_a_place(parser: Geoparser) -> None:
    tops = _by_text(parser.parse("The race moved to Snetterton, Norfolk."))
    assert tops["Norfolk"].place.country == "GB" and tops["Norfolk"].feature_code == "ADM2"


def test_large_islands_are_regions(parser: Geoparser) -> None:
    tops = _by_text(parser.parse("Floods hit Sumatra and Mindanao this week."))
    assert tops["Sumatra"].place.country == "ID" and tops["Sumatra"].feature_code == "RGN"
    assert tops["Mindanao"].place.country == "PH"


def test_a_place_spelling_repeats_as_a_place(parser: Geoparser) -> None:
    text = "Shelling hit Saraqib. The Saraqib council met."
    found = [_Mention(13, 20, "Saraqib", "ner")]
    again = list(parser._repeats(text, found))
    assert [(text[m.start : m.end], m.start, m.source) for m in again] == [
        ("Saraqib", 26, "repeat")
    ]


def test_no_repeat_for_a_spelling_that_is_also_part_of_a_name(parser: Geoparser) -> None:
    text = "Shelling hit Saraqib. Omar Saraqib said the Saraqib council met."
    found = [_Mention(13, 20, "Saraqib", "ner")]
    assert list(parser._repeats(text, found)) == []


def test_a_word_of_a_personal_name_is_not_a_small_town(parser: Geoparser) -> None:
    text = "Mike Steele spoke on Monday. Steele said the roads were closed."
    assert "Steele" not in {t.text for t in parser.parse(text)}
    words = _person_words(parser.nlp(text))
    assert "Steele" in words and "Mike" in words


def test_a_country_inside_a_longer_capitalised_run_is_found(parser: Geoparser) -> None:
    tops = parser.parse("Aid came from SOS Childrens Villages Sudan on Monday.")
    assert [(t.text, t.place.country) for t in tops] == [("Sudan", "SD")]


def test_the_qualifier_is_the_area_that_holds_the_town(parser: Geoparser) -> None:
    state = _by_text(parser.parse("Flu cases rose in Atlanta, Georgia."))["Georgia"]
    assert (state.place.country, state.feature_code) == ("US", "ADM1")
    country = _by_text(parser.parse("He flew to Tbilisi, Georgia."))["Georgia"]
    assert (country.place.country, country.feature_code) == ("GE", "PCLI")
