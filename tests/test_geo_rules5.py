"""Rules of the fourth geocoding error analysis (bench/geo_errors.py, branch geo3).

Sentences are our own; each test names the rule it checks.
"""

from __future__ import annotations

from frontwatch.geo.geoparse import Geoparser
from reading import by_text


def test_a_village_under_a_world_city_name_does_not_take_it(parser: Geoparser) -> None:
    # the US is named; Toronto, Ohio (5,000 people) takes only half the US's bonus, so the
    # text's other places decide: Buffalo lies near Ontario's city, Ottawa is Canada's capital
    for text in (
        "Fans drove from Buffalo to Toronto for the game, the US team said.",
        "The US embassy in Ottawa said two Americans were held in Toronto.",
    ):
        assert by_text(parser.parse(text))["Toronto"].place.country == "CA", text


def test_a_named_province_keeps_its_village(parser: Geoparser) -> None:
    got = by_text(parser.parse("A fair opened in London, Kentucky on Saturday."))
    assert (got["London"].place.country, got["London"].place.admin1) == ("US", "Kentucky")


def test_names_joined_by_and_or_do_are_one_country_or_state(parser: Geoparser) -> None:
    got = by_text(
        parser.parse(
            "He flew to Trinidad and Tobago last week. Farmers in Rio Grande do Sul lost crops."
        )
    )
    assert got["Trinidad and Tobago"].place.country == "TT"
    assert got["Trinidad and Tobago"].feature_code == "PCLI"
    assert got["Rio Grande do Sul"].feature_code == "ADM1"
    assert "Tobago" not in got and "Sul" not in got


def test_a_dateline_spacy_runs_into_a_name_is_the_place(parser: Geoparser) -> None:
    got = by_text(parser.parse("SAN ANTONIO - Police in the city said two men were held."))
    assert got["SAN ANTONIO"].place.country == "US"
    assert "SAN" not in got


def test_initials_at_a_sentence_start_are_no_dateline(parser: Geoparser) -> None:
    assert not any(t.text == "LE" for t in parser.parse("LE Central will manage the fund."))


def test_a_residence_after_an_age_is_a_place(parser: Geoparser) -> None:
    got = by_text(
        parser.parse("The suspect, Paul Block Jr., 49, of Waterloo, was held by deputies in Iowa.")
    )
    assert got["Waterloo"].place.country == "US"


def test_a_country_before_the_word_city_is_the_country(parser: Geoparser) -> None:
    got = by_text(parser.parse("Officials said that no U.S. city has such a policy."))
    assert got["U.S."].feature_code == "PCLI"


def test_a_capital_named_after_its_country_keeps_the_city_hint(parser: Geoparser) -> None:
    got = by_text(parser.parse("Flights landed in Kuwait city on Monday."))
    assert got["Kuwait"].feature_code == "PPLC"


def test_a_town_that_shares_a_country_alias_keeps_the_city_hint(parser: Geoparser) -> None:
    # "Uman" is also an alternate name of Oman; the Ukrainian town has 80,000 people
    got = by_text(parser.parse("Officials in Kyiv said a missile hit flats in the city of Uman."))
    assert got["Uman"].place.country == "UA" and got["Uman"].feature_code != "PCLI"
