"""`frontwatch gazetteer import` on small GeoNames-format files written here, and `frontwatch places`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from frontwatch.errors import GazetteerError
from frontwatch.geo import Gazetteer
from frontwatch.geo.userdata import import_file, overlay_path, read_overlay

Invoke = Callable[..., Result]  # the `invoke` fixture (conftest.py)

# Two made-up neighbourhoods in GeoNames' 19-column geoname layout (ids far above GeoNames').
_ROWS = [
    [
        "990000001",
        "Hayy Zaytunat al-Qadim",
        "Hayy Zaytunat al-Qadim",
        "Zaytunat Qadim,Zeitounat al-Qadim",
        "36.2100",
        "37.1500",
        "P",
        "PPLX",
        "SY",
        "",
        "09",
        "",
        "",
        "",
        "0",
        "",
        "380",
        "Asia/Damascus",
        "2024-01-01",
    ],
    [
        "990000002",
        "Tall Qarmid Sharqi",
        "Tall Qarmid Sharqi",
        "",
        "35.9000",
        "36.7000",
        "T",
        "HLL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "0",
        "",
        "500",
        "Asia/Damascus",
        "2024-01-01",
    ],
]


def _write(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "user-gazetteer.jsonl"
    monkeypatch.setenv("FRONTWATCH_USER_GAZETTEER", str(target))
    return target


def test_import_adds_places_to_the_index(tmp_path: Path, overlay: Path) -> None:
    rep = import_file(_write(tmp_path / "SY.txt", _ROWS), tmp_path)
    assert (rep.kind, rep.lines, rep.places) == ("geonames", 2, 2)
    assert overlay_path(tmp_path) == overlay and overlay.exists()
    gaz = Gazetteer.load()
    got = gaz.resolve("Zeitounat al-Qadim", countries=["SY"])
    assert got is not None and got.geonameid == 990000001
    assert got.admin1 == "Aleppo"
    hill = gaz.candidates("Tall Qarmid Sharqi", limit=1)[0]
    assert hill.geonameid == 990000002 and gaz.feature_code(hill) == "HLL"


def test_alternate_names_attach_to_known_places(tmp_path: Path, overlay: Path) -> None:
    # alternateNamesV2 layout: id, geonameid, lang, name, preferred, short, colloquial, historic, from, to
    alt = [
        ["1", "170063", "en", "Haleppo-Testname", "", "", "", "", "", ""],
        ["2", "170063", "link", "https://example.org/aleppo", "", "", "", "", "", ""],
    ]
    rep = import_file(_write(tmp_path / "alternateNamesV2.txt", alt), tmp_path)
    assert rep.kind == "alternate_names" and rep.names == 1
    got = Gazetteer.load().resolve("Haleppo-Testname")
    assert got is not None and got.geonameid == 170063


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("name,lat,lon\nAleppo,36.2,37.1\n", ":1: 1 tab-separated columns"),
        ("\t".join(_ROWS[0]) + "\n" + "\t".join(_ROWS[1][:7]) + "\n", ":2: 7 columns"),
        ("\t".join([*_ROWS[0][:4], "north", *_ROWS[0][5:]]) + "\n", ":1: geonameid, latitude"),
        ("\t".join([*_ROWS[0][:4], "136.0", *_ROWS[0][5:]]) + "\n", ":1: coordinates out of range"),
    ],
)
def test_bad_file_names_the_line_and_keeps_the_index(
    tmp_path: Path, overlay: Path, content: str, needle: str
) -> None:
    import_file(_write(tmp_path / "good.txt", _ROWS[:1]), tmp_path)
    before = overlay.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as exc:
        import_file(bad, tmp_path)
    assert needle in str(exc.value) and "nothing imported" in str(exc.value)
    assert overlay.read_bytes() == before
    assert list(read_overlay(overlay)) == [990000001]
    assert not list(tmp_path.glob(".user-gazetteer-*"))


def test_binary_file_is_refused(tmp_path: Path, overlay: Path) -> None:
    bad = tmp_path / "allCountries.zip"
    bad.write_bytes(b"PK\x03\x04\xff\xfe\x00\x00garbage")
    with pytest.raises(GazetteerError, match=r"allCountries.zip:1: not UTF-8"):
        import_file(bad, tmp_path)
    assert not overlay.exists()


def test_import_cli(tmp_path: Path, overlay: Path, invoke: Invoke) -> None:
    res = invoke("gazetteer", "import", _write(tmp_path / "SY.txt", _ROWS))
    assert res.exit_code == 0 and "2 place(s)" in res.stdout


# ------------------------------------------------------------------- places CLI
_TEXT = (
    "Shelling hit Maarat al-Numan and Saraqib in Idlib province on Monday, "
    "12 km north of Hama. Moscow said it would respond. Fighting in Norman, Oklahoma."
)


def test_places_jsonl_offsets_and_fields(tmp_path: Path, invoke: Invoke) -> None:
    f = tmp_path / "r.txt"
    f.write_text(_TEXT, encoding="utf-8")
    res = invoke("places", f)
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    by_text = {r["text"]: r for r in rows}
    for r in rows:
        assert _TEXT[r["start"] : r["end"]] == r["text"]
        assert r["file"] == str(f)
    assert by_text["Maarat al-Numan"]["geonameid"] == 167611
    assert by_text["Saraqib"]["geonameid"] == 164816
    idlib = by_text["Idlib"]
    assert (idlib["feature_code"], idlib["geo_precision"]) == ("ADM1", 3)
    hama = by_text["Hama"]
    assert (hama["relation"], hama["offset_km"], hama["bearing"]) == ("offset", 12.0, "N")
    assert hama["geo_precision"] == 2
    assert by_text["Moscow"]["role"] == "metonymic"
    assert by_text["Norman"]["geonameid"] == 4543762
    assert by_text["Oklahoma"]["feature_code"] == "ADM1"
    keys = {"lat", "lon", "country_code", "admin1", "method", "score", "name"}
    assert keys <= set(rows[0])


def test_places_many_files_stdin_and_explain(tmp_path: Path, invoke: Invoke) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Clashes were reported in Kramatorsk, Donetsk Oblast.", encoding="utf-8")
    b.write_text("Talks were held in Geneva.", encoding="utf-8")
    res = invoke("places", a, b, "--explain")
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {r["file"] for r in rows} == {str(a), str(b)}
    kram = next(r for r in rows if r["text"] == "Kramatorsk")
    assert kram["geonameid"] == 704508 and kram["candidates"] and kram["why"]
    table = invoke("places", a, "--format", "table")
    assert "Kramatorsk" in table.stdout and "feature_code" in table.stdout


def test_places_unknown_name_is_unresolved_with_area(tmp_path: Path, invoke: Invoke) -> None:
    f = tmp_path / "u.txt"
    f.write_text(
        "Syrian forces shelled houses in Zibdiyyat al-Fawqani in Idlib province, Syria, on Monday.",
        encoding="utf-8",
    )
    rows = [json.loads(x) for x in invoke("places", f).stdout.splitlines()]
    by_text = {r["text"]: r for r in rows}
    assert "Syrian" not in by_text  # a demonym, not a place
    odd = by_text["Zibdiyyat al-Fawqani"]
    assert odd["method"] == "unresolved" and odd["geonameid"] is None
    assert (odd["geo_precision"], odd["country_code"], odd["admin1"]) == (3, "SY", "Idlib")
    assert odd["lat"] is not None  # the best area's point (Idlib Governorate)


def test_places_bad_input_is_one_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-m", "frontwatch.cli", "places", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "missing.txt" in res.stderr
