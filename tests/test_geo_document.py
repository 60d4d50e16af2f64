"""The document ranking shared by `frontwatch places` and the events pipeline (texts
written here, not taken from any news report or benchmark)."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser, Toponym
from frontwatch.pipeline import claims_for
from frontwatch.types import Article


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


def _by_text(tops: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in tops}


def _event_places(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    article = Article(id="g1", origin="g.txt", title="", text=text, published=date(2024, 5, 1))
    return [
        (p.name, p.country, p.admin1)
        for c in claims_for(article, gaz)
        if c.kind == "event"
        for p in c.places
    ]


def test_event_place_is_ranked_with_the_article(gaz: Gazetteer) -> None:
    # one name at a time, "Paris" is France's capital and "Texas" a Mexican village; ranked
    # with the article, the qualifier makes it the Texan town (and Texas no second place)
    text = "Gunmen opened fire at a church in Paris, Texas, on Sunday, killing two people."
    assert _event_places(text, gaz) == [("Paris", "US", "Texas")]


def test_institution_names_its_area(parser: Geoparser) -> None:
    got = _by_text(parser.parse("The Ole Miss campus is in Oxford."))
    assert got["Oxford"].place.admin1 == "Mississippi"
    assert "Ole Miss" not in got  # context only, never a mention
    alone = _by_text(parser.parse("She studied at a college in Oxford."))
    assert alone["Oxford"].place.country == "GB"


def test_kind_word_picks_its_own_kind(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Bandits raided Faskari in Katsina state in Nigeria."))
    assert got["Katsina"].feature_code == "ADM1"  # not the Katsina LGA, not the city


def test_the_provinces_of_a_country_leave_it_a_country(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Cases rose in 30 provinces and regions of China."))
    assert got["China"].feature_code == "PCLI"
    listed = _by_text(parser.parse("Shelling hit the provinces of Aleppo and Idlib."))
    assert listed["Aleppo"].feature_code == "ADM1"


def test_capitalised_inside_is_no_alternate_name(parser: Geoparser) -> None:
    got = _by_text(parser.parse("The MoD said troops from Manchester had left for Estonia."))
    assert "MoD" not in got and "Estonia" in got


def test_common_country_abbreviations(parser: Geoparser) -> None:
    got = _by_text(parser.parse("Flights from the UAE to Bosnia resumed."))
    assert got["UAE"].place.country == "AE" and got["Bosnia"].place.country == "BA"


def test_big_province_known_abroad(parser: Geoparser) -> None:
    text = "The storm reached Dallas and Houston before forecasters warned England."
    got = _by_text(parser.parse(text))
    assert got["England"].place.country == "GB"


def test_demonym_and_namesake_outweigh_a_foreign_capital(gaz: Gazetteer) -> None:
    text = "Militants attacked a Lebanese army checkpoint in Tripoli on Monday, killing three."
    assert _event_places(text, gaz) == [("Tripoli", "LB", "Ash Shimal")]
    alone = "Militants attacked a checkpoint in Tripoli on Monday, killing three soldiers."
    assert [cc for _, cc, _ in _event_places(alone, gaz)] == ["LY"]  # the capital


def test_a_province_holding_the_texts_towns(parser: Geoparser) -> None:
    got = _by_text(
        parser.parse("Heavy snow fell in Seattle, and schools across Washington closed.")
    )
    assert got["Washington"].feature_code == "ADM1"  # the state, not the capital
    capital = _by_text(parser.parse("Talks in Washington ended on Monday."))
    assert capital["Washington"].feature_code == "PPLC"


def test_disease_and_strain_names_are_no_places(parser: Geoparser) -> None:
    text = "Marburg hemorrhagic fever and Ebola spread; the H5N1 strain reached Angola."
    assert [t.text for t in parser.parse(text)] == ["Angola"]


def test_capitalised_function_words_are_no_places(parser: Geoparser) -> None:
    text = 'The mayor of Fresno asked: "Can we wait?" Xinhua reported the floods in Fresno.'
    assert {t.text for t in parser.parse(text)} == {"Fresno"}
