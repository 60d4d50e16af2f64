"""Rules of the places of coded events (branch geo4): the event pipeline's geocoding.

Reports are our own words; each test names the rule it checks.
"""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser
from frontwatch.types import Place
from reading import by_text, claims_of


def _places(text: str, gaz: Gazetteer) -> dict[str, Place]:
    found = claims_of(text, gaz, date(2024, 8, 20), ("event",), "g6")
    return {p.spelled: p for c in found for p in c.places}


def test_a_dateline_in_capitals_does_not_name_a_country_for_its_own_town(
    parser: Geoparser,
) -> None:
    # "BENI -" and "Beni" are one name: its Bolivian province may not vote for Bolivia and
    # so outrank the Congolese city near Butembo
    text = (
        "BENI - Gunmen attacked the central prison in Beni on Tuesday, the mayor said. "
        "Troops searched several districts of Beni on Wednesday, and the road to Butembo."
    )
    got = by_text(parser.parse(text))
    assert (got["Beni"].place.country, got["Beni"].place.geo_precision) == ("CD", 1)
    assert got["BENI"].place.country == "CD"


def test_names_before_a_plural_region_noun_are_all_provinces(
    parser: Geoparser, gaz: Gazetteer
) -> None:
    text = (
        "Russia's defence ministry said air defences shot down 20 Ukrainian drones "
        "over the Bryansk and Kursk regions overnight."
    )
    got = by_text(parser.parse(text))
    assert got["Bryansk"].feature_code == got["Kursk"].feature_code == "ADM1"
    places = _places(text, gaz)
    assert places["Bryansk"].feature == places["Kursk"].feature == "admin1"
    assert places["Bryansk"].geo_precision == 3


def test_a_list_after_near_the_towns_of_is_near_in_every_name(
    parser: Geoparser, gaz: Gazetteer
) -> None:
    text = (
        "Armenia's defence ministry said Azerbaijani artillery shelled army posts "
        "near the towns of Jermuk, Goris and Vardenis on Tuesday."
    )
    got = by_text(parser.parse(text))
    assert [got[n].place.relation for n in ("Jermuk", "Goris", "Vardenis")] == ["near"] * 3
    places = _places(text, gaz)
    assert [places[n].geo_precision for n in ("Jermuk", "Goris", "Vardenis")] == [2, 2, 2]


def test_a_list_in_a_town_is_not_near_it(parser: Geoparser) -> None:
    # the relation of the first name only carries over a plain list; "in" breaks it
    got = by_text(parser.parse("Shells fell near Goris and in Vardenis on Tuesday, Armenia said."))
    assert got["Goris"].place.relation == "near"
    assert got["Vardenis"].place.relation == ""


def test_a_province_of_a_far_country_the_report_never_names_is_a_local_district(
    gaz: Gazetteer,
) -> None:
    # a report on Libya: "Salah al-Din" before "the southern outskirts of Tripoli" is a
    # district of Tripoli (at Tripoli, precision 2), not Iraq's governorate
    text = (
        "TRIPOLI, Libya - Forces of Libya's Government of National Accord said on Monday they "
        "repelled an attack by Haftar's forces in Salah al-Din on the southern outskirts of Tripoli."
    )
    got = _places(text, gaz)["Salah al-Din"]
    assert (got.country, got.geo_precision, got.feature) == ("LY", 2, "city")
    assert got.lat is not None and abs(got.lat - 32.9) < 0.3


def test_a_province_abroad_stays_when_the_report_names_its_country(gaz: Gazetteer) -> None:
    text = (
        "Iraqi troops clashed with Islamic State fighters in Salah al-Din on Monday, "
        "the Iraqi army said, while Libya's coast guard stopped a boat off Tripoli."
    )
    assert _places(text, gaz)["Salah al-Din"].country == "IQ"


def test_the_english_name_of_a_province_before_region_is_the_province(
    parser: Geoparser, gaz: Gazetteer
) -> None:
    # "the Timbuktu region" is Mali's Tombouctou region (data/geo/admin1_abbreviations.csv),
    # the area the camp's town lies in, not a second event place at the city
    text = (
        "Mali's army said on Sunday that UN peacekeepers had handed over their camp in Ber, "
        "in the Timbuktu region, to its troops."
    )
    got = by_text(parser.parse(text))
    assert got["Timbuktu"].feature_code == "ADM1"
    assert list(_places(text, gaz)) == ["Ber"]
    alone = by_text(parser.parse("Rockets hit the airport in Timbuktu on Thursday."))
    assert alone["Timbuktu"].place.feature == "city"


def test_a_town_name_joined_by_a_particle_is_one_town(parser: Geoparser, gaz: Gazetteer) -> None:
    text = (
        "Insurgents killed five Mozambican soldiers on Wednesday in an attack in Mocimboa da Praia."
    )
    got = by_text(parser.parse(text))
    assert got["Mocimboa da Praia"].place.country == "MZ"
    assert "Praia" not in got
    assert [p.country for p in _places(text, gaz).values() if p.feature == "city"] == ["MZ"]
    # "and" still joins two towns only when the whole is a country or province
    two = by_text(parser.parse("Jets struck Aleppo and Idlib on Monday."))
    assert {"Aleppo", "Idlib"} <= set(two)


def test_a_town_naming_a_military_unit_is_not_the_place() -> None:
    from frontwatch.extract._places import _not_a_place_here
    from frontwatch.nlp import load_pipeline

    doc = load_pipeline()(
        "Moscow said fighters of the Azov regiment blew up the theatre in Mariupol."
    )
    azov = next(t.i for t in doc if t.text == "Azov")
    mariupol = next(t.i for t in doc if t.text == "Mariupol")
    assert _not_a_place_here(doc, azov, azov + 1)
    assert not _not_a_place_here(doc, mariupol, mariupol + 1)


def test_a_drone_flying_towards_a_town_is_near_it(parser: Geoparser) -> None:
    # the point of an interception "towards" a town is not given: near it, precision 2
    got = by_text(parser.parse("Saudi air defences downed a drone launched towards Abha."))
    assert (got["Abha"].place.relation, got["Abha"].place.geo_precision) == ("near", 2)
