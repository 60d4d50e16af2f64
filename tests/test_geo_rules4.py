"""A small far namesake of a village the gazetteer lacks, in a report about one province
(reports written in our own words)."""

from __future__ import annotations

from datetime import date

from frontwatch.geo import Gazetteer
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Place


def _places(text: str, gaz: Gazetteer) -> dict[str, Place]:
    article = Article(id="g4", origin="g4.txt", title="", text=text, published=date(2024, 8, 20))
    return {p.spelled: p for c in claims_for(article, gaz) if c.kind == "event" for p in c.places}


def test_a_far_small_namesake_gives_way_to_the_province_the_report_is_about(
    gaz: Gazetteer,
) -> None:
    got = _places(
        "Ukrainian units advanced further into the Kursk region on Tuesday. Clashes went on "
        "in the town of Sudzha, and Russian artillery shelled Ukrainian positions near the "
        "village of Martynovka, the regional governor said.",
        gaz,
    )
    assert got["Sudzha"].country == "RU"
    village = got["Martynovka"]
    assert (village.name, village.country, village.admin1) == ("Martynovka", "RU", "Kursk")
    assert (village.method, village.geo_precision, village.geonameid) == ("unresolved", 3, None)
    assert village.lat is not None and 50 < village.lat < 53  # the Kursk region, not Crimea


def test_a_roundup_across_the_country_keeps_its_far_village(gaz: Gazetteer) -> None:
    got = _places(
        "Russian drones struck Kyiv and Lviv overnight, officials said. Shelling killed two "
        "people in the Kharkiv region on Tuesday. A missile also hit the village of "
        "Martynovka, damaging homes.",
        gaz,
    )
    village = got["Martynovka"]
    assert village.method != "unresolved" and village.geo_precision == 1
    assert village.lat is not None and village.lat < 47  # the village in Crimea is kept


def test_a_far_village_in_a_province_the_report_names_is_kept(gaz: Gazetteer) -> None:
    got = _places(
        "Ukrainian units advanced further into the Kursk region on Tuesday. In Crimea, a "
        "drone hit a fuel depot near the village of Martynovka, the occupation authorities said.",
        gaz,
    )
    village = got["Martynovka"]
    assert village.method != "unresolved" and village.lat is not None and village.lat < 47


def test_officials_speaking_in_capitals_do_not_make_the_report_a_roundup(
    gaz: Gazetteer,
) -> None:
    got = _places(
        "Ukrainian units advanced further into the Kursk region on Tuesday, officials in Kyiv "
        "said. Clashes went on in the town of Sudzha, and Russian artillery shelled Ukrainian "
        "positions near the village of Martynovka, the defence ministry in Moscow said.",
        gaz,
    )
    village = got["Martynovka"]
    assert (village.country, village.admin1, village.method) == ("RU", "Kursk", "unresolved")


def test_a_roundup_of_provinces_far_apart_keeps_its_far_village(gaz: Gazetteer) -> None:
    got = _places(
        "Russian strikes hit the Odesa region and the Sumy region overnight, the air force "
        "said. In a separate attack, a drone damaged a school in the village of Martynovka.",
        gaz,
    )
    village = got["Martynovka"]
    assert village.method != "unresolved" and village.lat is not None and village.lat < 47


def test_a_far_town_of_some_size_is_kept_in_a_report_about_one_province(
    gaz: Gazetteer,
) -> None:
    got = _places(
        "Ukrainian units advanced further into the Kursk region on Tuesday. Clashes went on "
        "in the town of Sudzha. Separately, a drone hit an airfield near Dzhankoi overnight.",
        gaz,
    )
    town = got["Dzhankoi"]
    assert town.method != "unresolved" and town.lat is not None and town.lat < 47


def test_a_dateline_town_says_which_province_a_small_village_is_in(gaz: Gazetteer) -> None:
    # no province named: the report's one town (its dateline) gives the province
    got = _places(
        "KURSK, Russia -- Ukrainian drones struck the village of Martynovka overnight, "
        "wounding three people, the regional governor said.",
        gaz,
    )
    village = got["Martynovka"]
    assert (village.country, village.admin1, village.method) == ("RU", "Kursk", "unresolved")
    assert village.geo_precision == 3 and village.geonameid is None
    assert village.lat is not None and 50 < village.lat < 53


def test_a_village_beside_a_town_of_one_province_is_placed_there(gaz: Gazetteer) -> None:
    got = _places(
        "Clashes went on around Sudzha on Monday. Russian artillery shelled Ukrainian "
        "positions near the village of Martynovka, a military blogger said.",
        gaz,
    )
    village = got["Martynovka"]
    assert (village.country, village.admin1, village.method) == ("RU", "Kursk", "unresolved")


def test_a_capital_dateline_says_nothing_of_the_village_province(gaz: Gazetteer) -> None:
    got = _places(
        "KYIV, Ukraine -- A missile hit the village of Martynovka overnight, damaging homes, "
        "officials said.",
        gaz,
    )
    village = got["Martynovka"]
    assert village.method != "unresolved" and village.lat is not None and village.lat < 47


def test_a_town_abroad_does_not_move_a_village_of_the_country_named(gaz: Gazetteer) -> None:
    # the one town named lies in Russia, but the report names the village's country itself
    got = _places(
        "A drone hit a fuel depot near the village of Martynovka in Ukraine on Tuesday, "
        "killing two workers. The drone was launched from near Belgorod, officials said.",
        gaz,
    )
    village = got["Martynovka"]
    assert village.method != "unresolved" and village.country == "UA"
