"""Document-level geoparsing: recognition rules and context ranking (texts written here)."""

from __future__ import annotations

import pytest

from frontwatch.geo.geoparse import Geoparser, Toponym


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


def _by_text(tops: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in tops}


def test_town_qualified_by_its_state(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Storms damaged homes in Paris, Texas, and in Norman, Oklahoma."))
    assert got["Paris"].place.country == "US" and got["Paris"].place.admin1 == "Texas"
    assert got["Norman"].place.geonameid == 4543762
    assert got["Oklahoma"].feature_code == "ADM1"


def test_capital_without_context(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Talks resumed in Paris on Monday."))
    assert got["Paris"].place.country == "FR" and got["Paris"].feature_code == "PPLC"


def test_city_or_province_by_share_of_people(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Clashes were reported in Aleppo and in Oklahoma."))
    assert got["Aleppo"].place.geonameid == 170063  # the city holds most of the province
    assert got["Oklahoma"].place.geonameid == 4544379  # the state, not Oklahoma City


def test_kind_word_picks_the_province(parser: Geoparser) -> None:
    text = "Fighting in Homs and Aleppo Governorates continued."
    got = _by_text(parser.parse(text))
    assert got["Homs"].place.geonameid == 169575
    assert got["Aleppo Governorates"].place.geonameid == 170062


def test_province_of_a_named_country_beats_the_country(parser: Geoparser) -> None:
    text = (
        "Flooding hit Atlanta and Savannah in Georgia after storms in Alabama and Florida "
        "across the United States. Georgia declared an emergency."
    )
    got = _by_text(parser.parse(text))
    assert got["Georgia"].place.country == "US"
    alone = _by_text(parser.parse("Russia and Georgia traded accusations over the border."))
    assert alone["Georgia"].place.country == "GE"


def test_metonymy_is_marked(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Moscow said the strikes on Kharkiv would continue."))
    assert got["Moscow"].role == "metonymic"
    assert got["Kharkiv"].role == "place" and got["Kharkiv"].place.country == "UA"


def test_disease_names_and_demonyms_are_not_places(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Syrian doctors reported West Nile virus cases near Homs."))
    assert "West Nile" not in got and "Syrian" not in got
    assert got["Homs"].place.country == "SY"
    with_dem = Geoparser(parser.gaz, parser.nlp, demonyms=True)
    dem = _by_text(with_dem.parse("Syrian doctors reported cases near Homs."))
    assert dem["Syrian"].role == "demonym" and dem["Syrian"].place.country == "SY"


def test_places_inside_organisation_names(parser: Geoparser) -> None:
    text = "Officials of the U.S. Army met staff of the University of Manitoba."
    got = _by_text(parser.parse(text))
    assert got["U.S."].place.country == "US" and got["U.S."].feature_code == "PCLI"
    assert got["Manitoba"].place.country == "CA" and got["Manitoba"].feature_code == "ADM1"


def test_dateline_counts_at_sentence_start(parser: Geoparser) -> None:
    got = _by_text(parser.parse("BEIRUT (AP) — Israeli jets struck targets in southern Lebanon."))
    assert got["BEIRUT"].place.geonameid == 276781


def test_same_spelling_same_place(parser: Geoparser) -> None:
    text = "Shelling hit Tripoli, Lebanon. Later, residents of Tripoli fled north."
    tops = [t for t in parser.parse(text) if t.text == "Tripoli"]
    assert len(tops) == 2 and {t.place.geonameid for t in tops} == {266826}


def test_explain_lists_ranked_candidates(parser: Geoparser) -> None:
    t = _by_text(parser.parse("Protests spread to Tripoli, Libya."))["Tripoli"]
    d = t.as_dict(explain=True)
    assert d["country_code"] == "LY" and "qualified by" in d["why"]
    ranks = [c["rank"] for c in d["candidates"]]
    assert ranks == sorted(ranks, reverse=True) and len(ranks) > 1
