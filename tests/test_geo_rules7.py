"""Geocoding rules of branch geo5: genuine errors (wrong country, namesake, kind, cut names).

Every text is our own sentence; each test names the rule it checks.
"""

from __future__ import annotations

from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser
from reading import by_text


def test_a_hyphenated_country_is_one_mention(parser: Geoparser) -> None:
    # the tagger gives "Guinea" alone; "-Bissau" is no capital city of another mention
    got = by_text(parser.parse("Cholera cases rose in Guinea, Guinea-Bissau and Liberia."))
    assert got["Guinea-Bissau"].place.country == "GW"
    assert got["Guinea"].place.country == "GN"
    assert "Bissau" not in got


def test_a_province_split_by_the_tagger_is_joined(parser: Geoparser) -> None:
    got = by_text(parser.parse("Sewage works on the border in Baja California begin soon."))
    assert got["Baja California"].place.country == "MX"
    assert got["Baja California"].feature_code == "ADM1"


def test_a_town_word_the_tagger_left_out_is_taken_back(parser: Geoparser) -> None:
    got = by_text(
        parser.parse(
            "Nurses in the camps near Goz Beida counted many thin children. "
            "A diner in Mission Viejo and one in Fullerton, California, were shut. "
            "Homes near Fort St. John, British Columbia, will be flooded by the dam."
        )
    )
    assert got["Goz Beida"].place.country == "TD"
    assert got["Mission Viejo"].place.country == "US"
    assert got["Fort St. John"].place.country == "CA"


def test_the_province_of_a_city_of_x_is_not_a_city(parser: Geoparser) -> None:
    # "the Hunan city of Yueyang": the word city belongs to Yueyang
    got = by_text(parser.parse("Rivers burst their banks in the Hunan city of Yueyang, China."))
    assert got["Hunan"].feature_code == "ADM1"
    assert got["Yueyang"].place.admin1 == got["Hunan"].place.admin1


def test_the_peoples_republic_inside_an_organisation_name(parser: Geoparser) -> None:
    got = by_text(
        parser.parse("The Ministry of Health of the People's Republic of China issued an order.")
    )
    assert got["People's Republic of China"].place.country == "CN"
    assert "Republic of China" not in got


def test_a_county_inside_an_organisation_name(parser: Geoparser) -> None:
    got = by_text(
        parser.parse(
            "A tractor was stolen near Le Mars. The Plymouth County Sheriff's Office "
            "in Iowa asked for tips."
        )
    )
    assert got["Plymouth County"].feature_code == "ADM2"
    assert got["Plymouth County"].place.admin1 == "Iowa"


def test_a_town_qualified_by_a_county_level_province(parser: Geoparser) -> None:
    # Philippine provinces are GeoNames admin2 areas: "Pandi, Bulacan" names the province
    got = by_text(parser.parse("Pigs were culled at a farm in Pandi, Bulacan on Sunday."))
    assert got["Bulacan"].feature_code == "ADM2"
    assert got["Bulacan"].place.country == "PH"


def test_an_unknown_place_before_a_county_takes_the_county(parser: Geoparser) -> None:
    got = by_text(parser.parse("The touring cars raced at Brantwick Park, Leicestershire."))
    unknown = got["Brantwick Park"]
    assert unknown.place.method == "unresolved" and unknown.place.geonameid is None
    assert unknown.place.geo_precision == 3
    county = got["Leicestershire"].place
    assert (unknown.place.lat, unknown.place.lon) == (county.lat, county.lon)


def test_a_short_word_spelling_only_initials_is_no_country(parser: Geoparser) -> None:
    got = by_text(parser.parse("The Touring Car Championship came to Hampshire, England."))
    assert "Car" not in got
    got = by_text(parser.parse("Rebels took a town in the CAR, near Bangui."))
    assert got["CAR"].place.country == "CF"


def test_a_small_province_abroad_yields_to_a_big_town_of_its_name(parser: Geoparser) -> None:
    got = by_text(parser.parse("The striker, on loan from Southampton, scored twice."))
    assert got["Southampton"].place.country == "GB"
    got = by_text(parser.parse("Storm debris was cleared in Southampton parish, Bermuda."))
    assert got["Southampton"].place.country == "BM"


def test_a_place_without_a_population_count_keeps_its_countrys_weight(
    parser: Geoparser,
) -> None:
    # Heathrow (the airport, population unknown) against Heathrow, Florida (5,900 people)
    got = by_text(parser.parse("Queues formed at Heathrow as flights across Britain stopped."))
    assert got["Heathrow"].place.country == "GB"


def test_named_regions_delta_lakes_and_former_provinces(parser: Geoparser) -> None:
    got = by_text(
        parser.parse(
            "Gunmen blew up a pipeline in the Niger Delta, Nigeria said. Fishermen on "
            "Lake Chad fled. Cholera spread in Nyanza, western Kenya."
        )
    )
    assert got["Niger Delta"].place.country == "NG"
    assert got["Lake Chad"].feature_code == "RGN"
    assert got["Nyanza"].place.country == "KE"


def test_besieged_villages_of_idlib_are_in_syria(parser: Geoparser) -> None:
    got = by_text(
        parser.parse("Buses left the besieged villages of Foua and Kefraya in northern Syria.")
    )
    assert got["Foua"].place.country == got["Kefraya"].place.country == "SY"
    assert got["Foua"].place.admin1 == "Idlib"


def test_a_few_stray_towns_do_not_move_a_provinces_point(gaz: Gazetteer) -> None:
    # GeoNames files a few Tibetan villages under Jiangsu: its box centre sat 800 km west
    from frontwatch.geo.gazetteer import _without_strays, haversine_km

    jiangsu = gaz.resolve("Jiangsu", countries=("CN",), kind_hint="admin1")
    assert jiangsu is not None and jiangsu.lat is not None and jiangsu.lon is not None
    assert haversine_km((jiangsu.lat, jiangsu.lon), (32.06, 118.78)) < 300  # Nanjing
    towns = [(30.0 + i / 100, 120.0) for i in range(60)] + [(31.0, 95.0)]
    assert (31.0, 95.0) not in _without_strays(towns)
    split = [(30.0 + i / 100, 120.0) for i in range(30)] + [
        (31.0, 95.0 + i / 100) for i in range(30)
    ]
    assert _without_strays(split) == split  # many towns far away: a split area keeps them


def test_short_forms_of_a_country_and_of_australian_states(parser: Geoparser) -> None:
    got = by_text(parser.parse("Crime fell in T&T last year, police in Trinidad said."))
    assert got["T&T"].place.country == got["Trinidad"].place.country == "TT"
    got = by_text(parser.parse("Bushfires burned across WA, Australia's fire service said."))
    assert got["WA"].place.admin1 == "Western Australia"
    got = by_text(parser.parse("Police in Seattle, WA arrested two men."))
    assert "WA" not in got or got["WA"].place.country == "US"


def test_a_town_named_without_its_river_is_that_town(parser: Geoparser) -> None:
    # "Newcastle" of Newcastle upon Tyne, not the small Newcastle in County Down
    got = by_text(parser.parse("Doctors in Newcastle led the trial, regulators in Britain said."))
    assert got["Newcastle"].place.admin1 == "England"
    got = by_text(parser.parse("Drones hit an airfield near Rostov overnight, Russia said."))
    assert got["Rostov"].place.name == "Rostov-on-Don"


def test_a_town_outside_the_province_named_after_it_is_not_meant(parser: Geoparser) -> None:
    # "Springfield, Alaska": none of the gazetteer's Springfields but a place it lacks, in
    # Alaska
    got = by_text(parser.parse("A feed store burned down in Springfield, Alaska on Friday."))
    town = got["Springfield"].place
    assert town.method == "unresolved" and town.admin1 == "Alaska"
    assert (town.lat, town.lon) == (got["Alaska"].place.lat, got["Alaska"].place.lon)
    got = by_text(parser.parse("Storms hit New York, Pennsylvania and Ohio on Friday."))
    assert got["Pennsylvania"].feature_code == "ADM1"
    assert got["New York"].place.method == "exact"


def test_a_big_township_the_gazetteer_lacked(parser: Geoparser) -> None:
    got = by_text(parser.parse("Residents of Khayelitsha blocked roads into Cape Town."))
    assert got["Khayelitsha"].place.country == "ZA"
    assert got["Khayelitsha"].place.geo_precision == 1
