"""Tests for frontwatch.geo: normaliser, gazetteer resolution, relative places."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.geo import (
    Gazetteer,
    demonym_country,
    fold_name,
    normalise_name,
    parse_relative,
    relative_context,
    split_hint,
)

# --------------------------------------------------------------------- normaliser


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Talbise", "Tallbīsah"),
        ("Maraat al-Numan", "Ma‘arrat an Nu‘mān"),
        ("Maarat al-Numan", "Ma'arrat an-Nu'man"),
        ("Rastan", "Ar Rastan"),
        ("Rastan", "Al-Rastan"),
        ("Khan Sheikhoun", "Khān Shaykhūn"),
        ("Deir al-Zor", "Deir ez-Zor"),
        ("Nabatieh", "Nabatiyeh"),
        ("Khan Younis", "Khan Yunis"),
        ("Raqqa", "Ar Raqqah"),
        ("Tell Bise", "Telbise"),
        ("Djibo", "Jibo"),
        ("Zaporizhzhia", "Zaporizhzhya"),
    ],
)
def test_normalise_collides_variants(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


def test_normalise_keeps_distinct_names_apart() -> None:
    assert normalise_name("Homs") != normalise_name("Hama")
    assert normalise_name("Chaker") != normalise_name("Sheikh")
    assert normalise_name("Idlib") == "idlib"
    # an article alone is kept rather than producing an empty key
    assert normalise_name("El") == "el"


def test_fold_name() -> None:
    assert fold_name("Ma‘arrat  an-Nu‘mān") == "maarrat an numan"
    assert fold_name("Ḩamāh") == "hamah"


# --------------------------------------------------------------------- required spellings

REQUIRED = [
    ("Talbise", 163779),
    ("Maraat al-Numan", 167611),
    ("Maarat al-Numan", 167611),
    ("Ma'arrat an-Nu'man", 167611),
    ("Rastan", 172946),
    ("Khan Sheikhoun", 168325),
    ("Hama", 170017),
    ("Homs", 169577),
    ("Aleppo", 170063),
    ("Deir al-Zor", 170794),
    ("Palmyra", 163808),
]


@pytest.mark.parametrize(("spelled", "gid"), REQUIRED)
@pytest.mark.parametrize("countries", [(), ("SY",)])
def test_required_spellings(
    gaz: Gazetteer, spelled: str, gid: int, countries: tuple[str, ...]
) -> None:
    place = gaz.resolve(spelled, countries=countries)
    assert place is not None
    assert place.geonameid == gid
    assert place.country == "SY"
    assert place.country_name == "Syria"
    assert place.feature == "city"
    assert place.geo_precision == 1
    assert place.spelled == spelled
    assert place.lat is not None and place.lon is not None


def test_admin1_names_of_cities(gaz: Gazetteer) -> None:
    talbiseh = gaz.resolve("Talbise", countries=["SY"])
    maarat = gaz.resolve("Maarat al-Numan", countries=["SY"])
    assert talbiseh is not None and talbiseh.admin1 == "Homs"
    assert maarat is not None and maarat.admin1 == "Idlib"
    deir = gaz.resolve("Deir al-Zor")
    assert deir is not None and deir.admin1 == "Deir ez-Zor"


def test_rastan_name(gaz: Gazetteer) -> None:
    place = gaz.resolve("Rastan")
    assert place is not None and place.name == "Ar Rastan"


# --------------------------------------------------------------------- variants across theatres

VARIANTS = [
    ("Kharkiv", "UA", 706483),
    ("Kharkov", "UA", 706483),
    ("Bakhmut", "UA", 713174),
    ("Artemivsk", "UA", 713174),
    ("Artemovsk", "UA", 713174),
    ("Zaporizhzhia", "UA", 687700),
    ("Zaporizhzhya", "UA", 687700),
    ("Zaporozhye", "UA", 687700),
    ("El Fasher", "SD", 379555),
    ("Al-Fashir", "SD", 379555),
    ("El-Fasher", "SD", 379555),
    ("Khan Younis", "PS", 281124),
    ("Khan Yunis", "PS", 281124),
    ("Rafah", "PS", 281102),
    ("Nabatieh", "LB", 278913),
    ("Nabatiyeh", "LB", 278913),
    ("Gao", "ML", 2457163),
    ("Timbuktu", "ML", 2449067),
    ("Tombouctou", "ML", 2449067),
    ("Djibo", "BF", 2361177),
    ("Lashio", "MM", 1314759),
    ("Myawaddy", "MM", 1308052),
    ("Myawadi", "MM", 1308052),
    ("Goma", "CD", 216281),
    ("Bukavu", "CD", 217831),
    ("Idleb", "SY", 169389),
    ("Saraqeb", "SY", 164816),
    ("Daraa", "SY", 170905),
    ("Deraa", "SY", 170905),
    ("Deir ez-Zor", "SY", 170794),
    ("Talbiseh", "SY", 163779),
    ("Khan Shaykhun", "SY", 168325),
]


@pytest.mark.parametrize(("spelled", "cc", "gid"), VARIANTS)
def test_variants_with_country_context(gaz: Gazetteer, spelled: str, cc: str, gid: int) -> None:
    place = gaz.resolve(spelled, countries=[cc])
    assert place is not None, spelled
    assert (place.geonameid, place.country) == (gid, cc), place


def test_fuzzy_only_within_context_country(gaz: Gazetteer) -> None:
    # a misspelling that only rapidfuzz can find
    place = gaz.resolve("Khan Sheikhounn", countries=["SY"])
    assert place is not None and place.geonameid == 168325
    assert place.method in {"normalised", "fuzzy"}
    place = gaz.resolve("Saraqibb", countries=["SY"])
    assert place is not None and place.geonameid == 164816
    fuzzy = gaz.resolve("Maarat al-Nomaan", countries=["SY"])
    assert fuzzy is not None and fuzzy.geonameid == 167611 and fuzzy.method == "fuzzy"
    assert 0.8 < fuzzy.score < 0.95
    # no fuzzy matching without context countries
    assert gaz.resolve("Maarat al-Nomaan") is None


def test_candidates_report_method_and_score(gaz: Gazetteer) -> None:
    cands = gaz.candidates("Hama", countries=["SY"])
    assert cands[0].geonameid == 170017
    assert {c.feature for c in cands} >= {"city", "admin1"}
    assert all(c.method in {"exact", "normalised", "fuzzy"} for c in cands)
    assert cands == sorted(cands, key=lambda c: -c.rank)
    assert gaz.explain("Hama")[0]["name"] == "Hamah"


# --------------------------------------------------------------------- kinds, context


@pytest.mark.parametrize(
    "spelled", ["Hama province", "province of Hama", "Hama Governorate", "the province of Hama"]
)
def test_admin1_hint(gaz: Gazetteer, spelled: str) -> None:
    place = gaz.resolve(spelled, countries=["SY"])
    assert place is not None
    assert place.feature == "admin1"
    assert place.geo_precision == 3
    assert place.admin1 == "Hama"
    assert place.name == "Hama Governorate"
    assert place.country == "SY"
    assert place.lat is not None and 34.5 < place.lat < 36.0


def test_admin1_hint_argument_and_ukraine(gaz: Gazetteer) -> None:
    place = gaz.resolve("Idlib", kind_hint="admin1")
    assert place is not None and place.feature == "admin1" and place.name == "Idlib Governorate"
    oblast = gaz.resolve("Zaporizhzhia region", countries=["UA"])
    assert oblast is not None and oblast.feature == "admin1"
    assert oblast.name == "Zaporizhzhia Oblast"
    assert gaz.resolve("Zaporizhzhia", countries=["UA"]).feature == "city"  # type: ignore[union-attr]


def test_city_hint(gaz: Gazetteer) -> None:
    place = gaz.resolve("the city of Idlib")
    assert place is not None and place.feature == "city" and place.geonameid == 169389


def test_country_names(gaz: Gazetteer) -> None:
    for spelled, cc in [
        ("Syria", "SY"),
        ("Lebanon", "LB"),
        ("Ukraine", "UA"),
        ("Myanmar", "MM"),
        ("DRC", "CD"),
    ]:
        place = gaz.resolve(spelled)
        assert place is not None and place.feature == "country" and place.country == cc, spelled
        assert place.geo_precision == 3
        assert place.lat is not None
    assert gaz.resolve("Georgia").feature == "country"  # type: ignore[union-attr]


def test_regions_and_gaza(gaz: Gazetteer) -> None:
    darfur = gaz.resolve("Darfur region", countries=["SD"])
    assert darfur is not None and darfur.feature == "region" and darfur.geo_precision == 3
    donbas = gaz.resolve("Donbass")
    assert donbas is not None and donbas.country == "UA"
    strip = gaz.resolve("the Gaza Strip")
    assert strip is not None and strip.name == "Gaza Strip" and strip.country == "PS"
    gaza = gaz.resolve("Gaza", countries=["PS"])
    assert gaza is not None and gaza.feature == "city"


def test_tripoli_depends_on_country(gaz: Gazetteer) -> None:
    ly = gaz.resolve("Tripoli", countries=["LY"])
    lb = gaz.resolve("Tripoli", countries=["LB"])
    assert ly is not None and lb is not None
    assert ly.country == "LY" and lb.country == "LB"
    assert ly.geonameid != lb.geonameid


def test_near_breaks_ties(gaz: Gazetteer) -> None:
    beirut = (33.89, 35.50)
    place = gaz.resolve("Tripoli", near=[beirut])
    assert place is not None and place.country == "LB"


def test_demonyms_and_stop_words_are_not_places(gaz: Gazetteer) -> None:
    for word in [
        "Syrian",
        "Russian",
        "Ukrainian",
        "Share",
        "President",
        "Federation",
        "Observatory",
        "Reuters",
    ]:
        assert not gaz.is_place_name(word), word
        assert not gaz.is_place_name(word, ["SY"]), word
        assert gaz.resolve(word) is None, word
    assert not gaz.is_place_name("homs")  # lowercase is never a place
    assert gaz.is_place_name("Homs")
    assert gaz.is_place_name("Talbise", ["SY"])
    assert gaz.is_place_name("Myanmar")  # a demonym that is also a country name
    assert gaz.is_place_name("the Gaza Strip") or gaz.is_place_name("Gaza")


def test_is_place_name_with_countries(gaz: Gazetteer) -> None:
    assert gaz.is_place_name("Khan Shaikhon", ["SY"])  # fuzzy, in context
    assert not gaz.is_place_name("Khan Shaikhon")  # no fuzzy without context
    assert gaz.is_place_name("Paris", ["SY"])  # big city elsewhere is still a place
    # a normalised-only hit in context counts even when the exact key is elsewhere
    assert gaz.is_place_name("Sham", ["SY"]) == (gaz.resolve("Sham", countries=["SY"]) is not None)
    assert not gaz.is_place_name("Sunni")


def test_is_place_name_is_fast(gaz: Gazetteer) -> None:
    phrases = ["Hama", "Syrian", "Observatory", "John Smith", "Talbise", "Human Rights Watch"]
    best = float("inf")
    for _ in range(3):  # the best of three rounds of CPU time: load on the machine is noise
        t0 = time.process_time()
        for _ in range(200):
            for p in phrases:
                gaz.is_place_name(p, ["SY"])
        best = min(best, (time.process_time() - t0) / (200 * len(phrases)))
    assert best < 0.001


def test_demonym_country() -> None:
    expected = {
        "Syrian": "SY",
        "Russian": "RU",
        "Ukrainian": "UA",
        "Israeli": "IL",
        "Palestinian": "PS",
        "Lebanese": "LB",
        "Sudanese": "SD",
        "Malian": "ML",
        "Burkinabe": "BF",
        "Nigerien": "NE",
        "Burmese": "MM",
        "Myanmar": "MM",
        "Congolese": "CD",
        "Yemeni": "YE",
        "Iranian": "IR",
        "Turkish": "TR",
        "American": "US",
        "syrians": "SY",
    }
    for word, cc in expected.items():
        assert demonym_country(word) == cc, word
    assert demonym_country("Homs") is None
    assert demonym_country("Kurdish") is None


# --------------------------------------------------------------------- relative places


def test_parse_relative_offsets() -> None:
    info = parse_relative("fighting 5 km from ")
    assert (info.relation, info.offset_km, info.bearing) == ("offset", 5.0, "")
    info = parse_relative("clashes 12 miles north of ")
    assert info.relation == "offset" and info.bearing == "N"
    assert info.offset_km == pytest.approx(19.3, abs=0.1)
    info = parse_relative("10 kilometres (6 miles) south-east of the town of ")
    assert (info.offset_km, info.bearing, info.kind_hint) == (10.0, "SE", "city")
    info = parse_relative("two kilometers to the west of ")
    assert (info.offset_km, info.bearing) == (2.0, "W")
    assert parse_relative("shelling near ").relation == "near"
    assert parse_relative("on the outskirts of ").relation == "outskirts"
    assert parse_relative("in the countryside of ").relation == "countryside"
    assert parse_relative("in southern ", " countryside").relation == "countryside"
    assert parse_relative("in ", " province").kind_hint == "admin1"
    assert parse_relative("the governorate of ").kind_hint == "admin1"
    assert parse_relative("rebels captured ").relation == ""


def test_split_hint() -> None:
    assert split_hint("Hama province") == ("Hama", "admin1")
    assert split_hint("province of Hama") == ("Hama", "admin1")
    assert split_hint("the city of Homs") == ("Homs", "city")
    assert split_hint("the Gaza Strip") == ("Gaza Strip", "")


def _mention(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_resolve_in_text_offset(gaz: Gazetteer) -> None:
    text = "Shelling hit a village 5 km from Homs on Tuesday."
    place = gaz.resolve_in_text(text, *_mention(text, "Homs"), countries=["SY"])
    assert place is not None
    assert place.geonameid == 169577
    assert place.geo_precision == 2
    assert place.offset_km == 5.0
    assert place.relation == "offset"
    homs = gaz.resolve("Homs")
    assert homs is not None and (place.lat, place.lon) == (homs.lat, homs.lon)


def test_resolve_in_text_miles_bearing(gaz: Gazetteer) -> None:
    text = "Russian forces advanced 12 miles north of Bakhmut, officials said."
    place = gaz.resolve_in_text(text, *_mention(text, "Bakhmut"), countries=["UA"])
    assert place is not None
    assert place.country == "UA" and place.geonameid == 713174
    assert place.offset_km == pytest.approx(19.3, abs=0.1)
    assert place.bearing == "N"
    assert place.geo_precision == 2


def test_resolve_in_text_outskirts_and_province(gaz: Gazetteer) -> None:
    text = "Clashes erupted on the outskirts of Aleppo."
    place = gaz.resolve_in_text(text, *_mention(text, "Aleppo"))
    assert place is not None and place.geonameid == 170063
    assert place.geo_precision == 2 and place.relation == "outskirts"

    text = "Airstrikes were reported in Hama province overnight."
    place = gaz.resolve_in_text(text, *_mention(text, "Hama"), countries=["SY"])
    assert place is not None and place.feature == "admin1" and place.geo_precision == 3

    text = "Rebels entered the city of Hama."
    place = gaz.resolve_in_text(text, *_mention(text, "Hama"))
    assert place is not None and place.feature == "city" and place.geo_precision == 1

    text = "Shelling in the southern Idlib countryside."
    place = gaz.resolve_in_text(text, *_mention(text, "Idlib"), countries=["SY"])
    assert place is not None and place.relation == "countryside" and place.geo_precision == 2


def test_relative_context_plain_mention() -> None:
    text = "Rebels captured Rastan and Talbise."
    info = relative_context(text, *_mention(text, "Talbise"))
    assert not info.is_relative and info.kind_hint == ""


# --------------------------------------------------------------------- loading / cache


def test_load_is_cached_in_process(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


def test_cached_load_under_one_second(gaz: Gazetteer, tmp_path: Path) -> None:
    """A fresh process loads the pickled index in < 1 s (the build happened above)."""
    cache = Settings().cache_dir
    assert any(cache.glob("gazetteer-v*.pkl"))
    # CPU time, not wall time: the figure must not depend on what else shares the cores.
    code = (
        "from frontwatch.geo.gazetteer import Gazetteer; import time;"
        "t=time.process_time(); g=Gazetteer.load();"
        "print(g.from_cache, g.load_seconds, time.process_time()-t)"
    )
    # The best of three runs: on a loaded machine, cache and memory contention inflate even CPU
    # time (the load takes about 0.6 s alone on this machine).
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=dict(os.environ),
        ).stdout.split()
        assert out[0] == "True"
        runs.append(float(out[2]))  # CPU seconds of the pickle load itself
        if runs[-1] < 1.0:
            break
    assert min(runs) < 1.0, runs


def test_a_main_name_beats_an_old_name_among_the_reports_countries(gaz: Gazetteer) -> None:
    place = gaz.resolve("Pokrovsk", countries=("UA", "RU"))
    assert place is not None and place.country == "UA" and place.admin1 == "Donetsk"


def test_an_oblast_named_after_its_town_answers_to_the_english_form(gaz: Gazetteer) -> None:
    region = gaz.resolve("Kursk region", countries=("RU", "UA"))
    assert region is not None and region.feature == "admin1" and region.geo_precision == 3
    assert region.name == "Kursk Oblast"
    town = gaz.resolve("Kursk", countries=("RU", "UA"))
    assert town is not None and town.feature == "city" and town.admin1 == "Kursk"


def test_a_build_keeps_two_other_cached_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two checkouts side by side must not delete each other's index at every build."""
    from frontwatch.geo import gazetteer as gz

    monkeypatch.setattr(gz, "_build", lambda dataset, version: {"dataset": dataset})
    for n in range(4):
        old = tmp_path / f"gazetteer-v{gz.SCHEMA}-cities500-old{n}.pkl"
        old.write_bytes(b"x")
        stamp = time.time() - 100 + n
        os.utime(old, (stamp, stamp))
    gz._load_data("cities500", tmp_path)
    names = sorted(p.name for p in tmp_path.glob("gazetteer-*.pkl"))
    assert len(names) == 3 and any("old3" in n for n in names) and any("old2" in n for n in names)
