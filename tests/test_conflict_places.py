"""The shipped supplement of conflict places (data/geo/conflict_places.csv)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from frontwatch.errors import GazetteerError
from frontwatch.geo import Gazetteer
from frontwatch.geo import gazetteer as gazmod
from frontwatch.geo import supplement as supmod
from frontwatch.geo.gazetteer import _CITY, _Builder, haversine_km
from frontwatch.geo.lexicon import GEO_DATA_DIR
from frontwatch.geo.normalise import fold_name
from frontwatch.geo.supplement import (
    FEATURE_CODES,
    SUPPLEMENT_TABLE,
    SYNTHETIC_ID_BASE,
    SupplementRow,
    read_supplement,
    synthetic_id,
)

SHIPPED = GEO_DATA_DIR / SUPPLEMENT_TABLE
Invoke = Callable[..., Result]  # the `invoke` fixture (conftest.py)


@pytest.fixture(scope="module")
def rows() -> list[SupplementRow]:
    return read_supplement(SHIPPED)


Box = tuple[float, float, float, float]


@pytest.fixture(scope="module")
def towns(gaz: Gazetteer) -> tuple[dict[str, Box], set[tuple[str, str]]]:
    """Each country's box around its GeoNames towns (min lat, max lat, min lon, max lon),
    and the (country, admin1 code) pairs its towns and admin1 entries use."""
    d = gaz._d  # the index's flat arrays: one pass over 270,000 rows
    boxes: dict[str, Box] = {}
    codes: set[tuple[str, str]] = set()
    for i in range(len(d.names)):
        if d.feats[i] == 1:
            codes.add((d.ccs[i], d.admin1_codes[i]))
        if d.feats[i] != _CITY or d.gids[i] >= SYNTHETIC_ID_BASE or d.gids[i] < 0:
            continue
        cc, lat, lon = d.ccs[i], d.lats[i], d.lons[i]
        codes.add((cc, d.admin1_codes[i]))
        b = boxes.get(cc, (lat, lat, lon, lon))
        boxes[cc] = (min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon))
    return boxes, codes


def _row_id(gaz: Gazetteer, name: str, cc: str) -> int:
    row = next(r for r in read_supplement(SHIPPED) if r.name == name and r.country == cc)
    return row.geonameid


def test_the_table_is_well_formed(
    gaz: Gazetteer,
    rows: list[SupplementRow],
    towns: tuple[dict[str, Box], set[tuple[str, str]]],
) -> None:
    assert len(rows) >= 150
    seen: set[tuple[str, str]] = set()
    ids: set[int] = set()
    boxes, admin1 = towns
    for r in rows:
        where = f"line {r.line} ({r.name})"
        assert gaz.country(r.country) is not None, where
        assert r.feature_code in FEATURE_CODES, where
        point = gaz.country(r.country)
        assert point is not None and point.lat is not None and point.lon is not None
        lat0, lat1, lon0, lon1 = boxes[r.country]
        in_box = lat0 - 1 <= r.lat <= lat1 + 1 and lon0 - 1 <= r.lon <= lon1 + 1
        near = haversine_km((r.lat, r.lon), (point.lat, point.lon)) <= 500
        assert in_box or near, where
        assert (r.country, r.admin1) in admin1, f"{where}: admin1 {r.admin1!r}"
        for name in r.names:
            key = (r.country, fold_name(name))
            assert key not in seen, f"{where}: {name!r} twice in {r.country}"
            seen.add(key)
        assert r.geonameid not in ids, where
        ids.add(r.geonameid)


def test_every_name_of_every_row_resolves_to_its_row(
    gaz: Gazetteer, rows: list[SupplementRow]
) -> None:
    wrong = []
    for r in rows:
        for name in r.names:
            p = gaz.resolve(name, countries=(r.country,))
            if p is None or p.geonameid != r.geonameid:
                wrong.append((name, r.country, p and (p.name, p.country)))
    assert not wrong


@pytest.mark.parametrize(
    ("spelled", "cc", "row"),
    [
        ("Sarmada", "SY", "Sarmada"),
        ("Sarmadah", "SY", "Sarmada"),
        ("Baghuz", "SY", "Al-Baghuz Fawqani"),
        ("al-Baghouz", "SY", "Al-Baghuz Fawqani"),
        ("Al-Tanf", "SY", "Al-Tanf"),
        ("al Tanf", "SY", "Al-Tanf"),
        ("Jobar", "SY", "Jobar"),
        ("Zamalka", "SY", "Zamalka"),
        ("Sheikh Maqsoud", "SY", "Sheikh Maqsoud"),
        ("Shaykh Maqsud", "SY", "Sheikh Maqsoud"),
        ("Khmeimim", "SY", "Hmeimim"),
        ("Robotyne", "UA", "Robotyne"),
        ("Rabotino", "UA", "Robotyne"),
        ("Klishchiivka", "UA", "Klishchiivka"),
        ("Zamzam", "SD", "Zamzam"),
        ("Zamzam camp", "SD", "Zamzam"),
        ("Abu Shouk", "SD", "Abu Shouk"),
        ("Abu Shok", "SD", "Abu Shouk"),
        ("Jebel Aulia", "SD", "Jebel Aulia"),
        ("Jabal Awliya", "SD", "Jebel Aulia"),
        ("Tawila", "SD", "Tawila"),
        ("Rubaya", "CD", "Rubaya"),
        ("Kitchanga", "CD", "Kitshanga"),
        ("Bunagana", "CD", "Bunagana"),
        ("Kiwanja", "CD", "Kiwanja"),
        ("Mugunga", "CD", "Mugunga"),
        ("Kamanyola", "CD", "Kamanyola"),
        ("Mambasa", "CD", "Mambasa"),
        ("Anéfis", "ML", "Anefis"),
        ("Boulkessi", "ML", "Boulkessi"),
        ("Tin Zaouatene", "ML", "Tinzaouaten"),
        ("Sevare", "ML", "Sévaré"),
        ("Seytenga", "BF", "Seytenga"),
        ("Solhan", "BF", "Solhan"),
        ("Inatès", "NE", "Inates"),
        ("Chinagodrar", "NE", "Chinagodrar"),
        ("Thantlang", "MM", "Thantlang"),
        ("Hsipaw", "MM", "Hsipaw"),
        ("Laiza", "MM", "Laiza"),
        ("Tabayin", "MM", "Depayin"),
        ("Ras Issa", "YE", "Ras Isa"),
        ("Kamaran", "YE", "Kamaran"),
        ("al-Mawasi", "PS", "Al-Mawasi"),
        ("Mawasi", "PS", "Al-Mawasi"),
        ("Maghazi", "PS", "Maghazi"),
        ("Shejaiya", "PS", "Shujaiya"),
        ("Shujaiyya", "PS", "Shujaiya"),
        ("Tal al-Sultan", "PS", "Tel al-Sultan"),
        ("Nur Shams", "PS", "Nur Shams"),
        ("Nour Shams", "PS", "Nur Shams"),
        ("Aitaroun", "LB", "Aitaroun"),
        ("Adaisseh", "LB", "Odaisseh"),
        ("Dahieh", "LB", "Dahiyeh"),
        ("Dahiyeh", "LB", "Dahiyeh"),
        ("Ayta al-Shaab", "LB", "Aita al-Shaab"),
        ("Aita el-Chaab", "LB", "Aita al-Shaab"),
        ("Maroun el-Ras", "LB", "Maroun al-Ras"),
        ("Mays al-Jabal", "LB", "Meiss el-Jabal"),
        ("Markaba", "LB", "Markaba"),
        ("Blida", "LB", "Blida"),
        ("Saqba", "SY", "Saqba"),  # was a fuzzy match to Sabbah, 156 km away
        ("Kalma", "SD", "Kalma"),  # was Kalameh, Iran
        ("Palma", "MZ", "Palma"),  # was Palma de Mallorca
    ],
)
def test_spelling_variants_resolve_to_the_supplement(
    gaz: Gazetteer, spelled: str, cc: str, row: str
) -> None:
    p = gaz.resolve(spelled, countries=(cc,))
    assert p is not None
    assert (p.name, p.country, p.geonameid) == (row, cc, _row_id(gaz, row, cc))
    assert p.feature == "city" and p.geo_precision == 1


def test_a_row_with_a_geonames_id_adds_names_to_that_entry(gaz: Gazetteer) -> None:
    p = gaz.resolve("Um Rawaba", countries=("SD",))
    assert p is not None and (p.name, p.geonameid) == ("Umm Ruwaba", 364706)


def test_supplement_entries_are_marked_and_coded(gaz: Gazetteer) -> None:
    c = gaz.candidates("Zamzam", countries=("SD",))[0]
    assert c.geonameid == synthetic_id("SD", "Zamzam") and c.geonameid >= SYNTHETIC_ID_BASE
    assert gaz.source(c) == "supplement" and gaz.feature_code(c) == "CMPRF"
    assert c.admin1 == gaz.resolve("El Fasher", countries=("SD",)).admin1  # type: ignore[union-attr]
    homs = gaz.candidates("Homs", countries=("SY",))[0]
    assert gaz.source(homs) == "geonames"


@pytest.mark.parametrize(
    ("spelled", "cc", "gid"),
    [
        ("Homs", "SY", 169577),
        ("Aleppo", "SY", 170063),
        ("Damascus", "SY", 170654),
        ("Idlib", "SY", 169389),
        ("Kharkiv", "UA", 706483),
        ("Bakhmut", "UA", 713174),
        ("Goma", "CD", 216281),
        ("Bunia", "CD", 217695),
        ("Khartoum", "SD", 379252),
        ("El Fasher", "SD", 379555),
        ("Gaza", "PS", 281133),
        ("Rafah", "PS", 281102),
        ("Beirut", "LB", 276781),
        ("Tyre", "LB", 267008),
        ("Mopti", "ML", 2453348),
        ("Mombasa", "KE", 186301),
        ("Erez", "IL", 295177),  # the moshav, not the Erez crossing
        ("Blida", "", 2503769),  # Algeria's city when no country is named
        ("Houla", "SY", 168668),
    ],
)
def test_big_places_resolve_as_before(gaz: Gazetteer, spelled: str, cc: str, gid: int) -> None:
    p = gaz.resolve(spelled, countries=(cc,) if cc else ())
    assert p is not None and p.geonameid == gid


def test_an_edit_of_the_table_changes_the_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "geo"
    shutil.copytree(GEO_DATA_DIR, data)
    monkeypatch.setattr(gazmod, "GEO_DATA_DIR", data)
    monkeypatch.setattr(supmod, "GEO_DATA_DIR", data)
    monkeypatch.delenv("FRONTWATCH_CONFLICT_PLACES", raising=False)
    before = gazmod._version_key("cities500")
    assert gazmod._version_key("cities500") == before
    table = data / SUPPLEMENT_TABLE
    table.write_text(table.read_text(encoding="utf-8").replace("36.722", "36.723"), "utf-8")
    edited = gazmod._version_key("cities500")
    assert edited != before
    user = tmp_path / "mine.csv"
    user.write_text("name,alternate_names,country,admin1,lat,lon,feature_code\n", "utf-8")
    monkeypatch.setenv("FRONTWATCH_CONFLICT_PLACES", str(user))
    with_user = gazmod._version_key("cities500")
    assert with_user != edited
    user.write_text(user.read_text("utf-8") + "Newtown,,UA,14,48.5,37.9,PPL\n", "utf-8")
    assert gazmod._version_key("cities500") != with_user


def _builder_with_town(name: str, cc: str, pop: int) -> tuple[_Builder, int]:
    b = _Builder("cities500", "test")
    idx = b.add(name, _CITY, cc, "", 48.0, 37.0, pop, 1234567, [name], "PPL", "14")
    return b, idx


def test_a_supplement_row_never_shadows_a_bigger_town(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "mine.csv"
    user.write_text(
        "name,alternate_names,country,admin1,lat,lon,feature_code,population\n"
        "Testville,Newtown|Testovo,UA,14,48.5,37.9,PPL,0\n",
        "utf-8",
    )
    monkeypatch.setenv("FRONTWATCH_CONFLICT_PLACES", str(user))
    b, town = _builder_with_town("Testville", "UA", 5000)
    gazmod._add_supplement(b)
    row = b.d.gids.index(synthetic_id("UA", "Testville"))
    assert b.holders("Testville") == {town}  # the real town keeps the name alone
    assert b.holders("Newtown") == {row} and b.holders("Testovo") == {row}
    assert b.d.feats[row] == _CITY and b.d.fcodes[row] == "PPL"
    # a smaller town of that name does not hide the supplement row
    b2, small = _builder_with_town("Testville", "UA", 0)
    gazmod._add_supplement(b2)
    assert b2.holders("Testville") == {small, b2.d.gids.index(synthetic_id("UA", "Testville"))}


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Somewhere,,XXX,01,1.0,2.0,PPL", "not an ISO2 code"),
        ("Somewhere,,SY,01,1.0,2.0,BOGUS", "unknown feature code"),
        ("Somewhere,,SY,01,north,2.0,PPL", "must be numbers"),
        ("Somewhere,,SY,01,95.0,2.0,PPL", "out of range"),
        (",,SY,01,1.0,2.0,PPL", "empty name"),
    ],
)
def test_a_bad_row_is_a_one_line_error(tmp_path: Path, line: str, why: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "# comment\nname,alternate_names,country,admin1,lat,lon,feature_code\n"
        f"Fine,,SY,01,35.0,37.0,PPL\n{line}\n",
        "utf-8",
    )
    with pytest.raises(GazetteerError, match=rf"bad\.csv:4: .*{why}"):
        read_supplement(path)


def test_places_explain_shows_the_supplement(tmp_path: Path, invoke: Invoke) -> None:
    f = tmp_path / "camp.txt"
    f.write_text(
        "Shelling hit Zamzam camp south of El Fasher in Sudan's North Darfur on Sunday.",
        encoding="utf-8",
    )
    rows = [json.loads(x) for x in invoke("places", f, "--explain").stdout.splitlines()]
    camp = next(r for r in rows if r["text"].startswith("Zamzam"))
    assert (camp["name"], camp["country_code"], camp["feature_code"]) == ("Zamzam", "SD", "CMPRF")
    assert camp["geonameid"] == synthetic_id("SD", "Zamzam")
    assert camp["candidates"][0]["source"] == "supplement"
    table = invoke("places", f, "--format", "table", "--explain").stdout
    assert "exact, supplement)" in table
