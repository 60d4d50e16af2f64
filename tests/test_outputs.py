from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from rich.console import Console

from frontwatch.outputs import (
    ACLED_BASE_COLUMNS,
    ACLED_COLUMNS,
    FW_COLUMNS,
    acled_row,
    control_geojson,
    control_json,
    disorder_type,
    events_geojson,
    events_json,
    render_control_table,
    render_events_table,
    write_csv,
)
from frontwatch.types import Article, Claim, ControlState, Event, Place, SourceRef, Span

EXPECTED_COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "fw_kind",
    "fw_date_end",
    "fw_source_count",
    "fw_reports",
    "fw_evidence",
    "fw_offset_km",
    "fw_denied_by",
    "fw_confidence",
    "fw_fatalities_basis",
]

RASTAN = Place(
    name="Ar Rastan",
    spelled="al-Rastan",
    country="SY",
    country_name="Syria",
    admin1="Homs",
    admin2="Ar Rastan",
    lat=34.926533,
    lon=36.732409,
    geo_precision=2,
    offset_km=5.0,
    bearing="N",
    relation="offset",
)
TALBISEH = Place(name="Talbiseh", spelled="Talbiseh", country="SY", admin1="Homs")
NOWHERE = Place(name="Somewhere", spelled="somewhere", method="unresolved")


def _battle_claims() -> tuple[Claim, Claim]:
    c1 = Claim(
        article_id="a1",
        kind="event",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1="Syrian opposition (HTS-led)",
        actor2="Military Forces of Syria",
        places=(RASTAN, TALBISEH),
        date=date(2024, 12, 2),
        date_end=date(2024, 12, 3),
        fatalities=4,
        fatalities_basis="reported",
        numbers=(("settlements", "56"),),
        sources=(
            SourceRef("Reuters", "wire", via=("military sources",)),
            SourceRef("publisher", "unknown"),
        ),
        denied_by=("Military Forces of Syria",),
        confidence=0.834,
        evidence=(Span(10, 40, "Rebels seized\nAr Rastan on Monday"),),
    )
    c2 = Claim(
        article_id="a2",
        kind="event",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        sources=(
            SourceRef("SANA", "state media"),
            SourceRef("Reuters", "wire", via=("military sources",)),
        ),
        evidence=(Span(0, 300, "x" * 300),),
    )
    return c1, c2


def _battle() -> Event:
    c1, c2 = _battle_claims()
    return Event(
        event_id="SYR1",
        claim=c1,
        claims=(c1, c2),
        origins=("reports/a.txt", "feed.xml#3"),
        source_count=2,
    )


def _statement() -> Event:
    c = Claim(
        article_id="a3",
        kind="statement",
        actor1="Government of Syria",
        statement="The army will retake every village.",
        places=(
            Place(
                name="Damascus",
                spelled="Damascus",
                country="SY",
                country_name="Syria",
                lat=33.5102,
                lon=36.29128,
            ),
        ),
        date=date(2024, 12, 4),
        modality="threatened",
        sources=(SourceRef("SANA", "state media"),),
    )
    return Event("SYR2", c, (c,), ("reports/c.txt",), 1)


def _unplaced() -> Event:
    c = Claim(
        article_id="a4",
        kind="event",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia",
        places=(NOWHERE,),
    )
    return Event("SYR3", c, (c,), ("r",), 1)


# --- rows -----------------------------------------------------------------


def test_columns_exact() -> None:
    assert list(ACLED_COLUMNS) == EXPECTED_COLUMNS
    assert ACLED_COLUMNS == ACLED_BASE_COLUMNS + FW_COLUMNS
    assert len(ACLED_BASE_COLUMNS) == 31


def test_battle_row() -> None:
    articles = {
        "a1": Article(id="a1", origin="reports/a.txt", title="t", text="x", publisher="Enab Baladi")
    }
    row = acled_row(_battle(), articles, timestamp=1733100000)
    assert list(row) == EXPECTED_COLUMNS
    assert all(isinstance(v, str) for v in row.values())
    expected = {
        "event_id_cnty": "SYR1",
        "event_date": "2024-12-02",
        "year": "2024",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "inter1": "2",
        "inter2": "1",
        "interaction": "12",
        "civilian_targeting": "",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Homs",
        "admin2": "Ar Rastan",
        "admin3": "",
        "location": "Ar Rastan",
        "latitude": "34.9265",
        "longitude": "36.7324",
        "geo_precision": "2",
        "source": "Reuters, citing military sources; Enab Baladi; SANA",
        "source_scale": "National-International",
        "fatalities": "4",
        "timestamp": "1733100000",
        "fw_kind": "event",
        "fw_date_end": "2024-12-03",
        "fw_source_count": "2",
        "fw_reports": "reports/a.txt;feed.xml#3",
        "fw_offset_km": "5",
        "fw_denied_by": "Military Forces of Syria",
        "fw_confidence": "0.83",
        "fw_fatalities_basis": "reported",
    }
    assert {k: row[k] for k in expected} == expected
    assert "Also: Talbiseh (Homs)" in row["notes"]
    assert row["tags"] == "settlements=56; relation=offset; offset=5 km N"
    evidence = row["fw_evidence"].split("; ")
    assert evidence[0] == "10-40: Rebels seized Ar Rastan on Monday"
    assert evidence[1].startswith("0-300: xxx") and len(evidence[1]) == len("0-300: ") + 200


def test_row_without_articles_keeps_publisher_label() -> None:
    row = acled_row(_battle())
    assert row["source"] == "Reuters, citing military sources; publisher; SANA"
    assert row["timestamp"] == "0"


def test_statement_row() -> None:
    row = acled_row(_statement())
    assert row["fw_kind"] == "statement"
    assert row["actor1"] == "Government of Syria"
    assert row["notes"] == "The army will retake every village."
    assert row["disorder_type"] == "" and row["event_type"] == ""
    assert row["interaction"] == "10"
    assert row["source_scale"] == "National"
    assert row["tags"] == "modality=threatened"


def test_civilian_targeting_and_single_actor() -> None:
    c = Claim(
        article_id="a",
        kind="event",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia",
        actor2="Civilians (Syria)",
    )
    row = acled_row(Event("E", c, (c,), (), 1))
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["interaction"] == "78"
    assert row["iso"] == "" and row["latitude"] == "" and row["event_date"] == ""
    assert row["source_scale"] == "" and row["source"] == ""
    c2 = Claim(article_id="a", kind="event", event_type="Riots", actor2="Rapid Support Forces")
    row2 = acled_row(Event("E", c2, (c2,), (), 1))
    assert row2["interaction"] == "20"
    assert row2["inter1"] == "" and row2["inter2"] == "2"
    c3 = Claim(article_id="a", kind="event", actor1="Nobody We Know", actor2="Hezbollah")
    assert acled_row(Event("E", c3, (c3,), (), 1))["interaction"] == ""


def test_disorder_type() -> None:
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert (
        disorder_type("Explosions/Remote violence", "Shelling/artillery/missile attack")
        == "Political violence"
    )
    assert disorder_type("Violence against civilians", "Attack") == "Political violence"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    assert disorder_type("", "") == ""


# --- CSV / JSON -----------------------------------------------------------


def test_csv_header_always_written() -> None:
    buf = io.StringIO(newline="")
    assert write_csv([], buf) == 0
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert rows == [EXPECTED_COLUMNS]


def test_csv_rows() -> None:
    buf = io.StringIO(newline="")
    assert write_csv([_battle(), _statement()], buf) == 2
    reader = csv.DictReader(io.StringIO(buf.getvalue()))
    assert reader.fieldnames == EXPECTED_COLUMNS
    rows = list(reader)
    assert rows[0] == acled_row(_battle())
    assert rows[1]["notes"] == "The army will retake every village."


def test_events_json() -> None:
    items = events_json([_battle(), _statement()])
    json.dumps(items)  # serialisable
    first = items[0]
    assert first["event_id_cnty"] == "SYR1"
    assert [p["name"] for p in first["places"]] == ["Ar Rastan", "Talbiseh"]
    assert first["places"][0]["lat"] == 34.926533
    assert first["places"][0]["geo_precision"] == 2
    assert first["places"][1]["lat"] is None
    assert first["sources"] == ["Reuters, citing military sources", "publisher", "SANA"]


# --- GeoJSON --------------------------------------------------------------


def _validate_geojson(doc: Any) -> None:
    assert isinstance(doc, dict)
    assert doc["type"] == "FeatureCollection"
    assert isinstance(doc["features"], list)
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        coords = geometry["coordinates"]
        assert isinstance(coords, list) and len(coords) == 2
        assert all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in coords)
        lon, lat = coords
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90
    json.dumps(doc)


def test_events_geojson_valid() -> None:
    doc = events_geojson([_battle(), _statement(), _unplaced()])
    _validate_geojson(doc)
    assert doc["fw_skipped"] == 1
    assert len(doc["features"]) == 2
    first = doc["features"][0]
    assert first["geometry"]["coordinates"] == [36.732409, 34.926533]  # lon, lat
    assert first["properties"] == acled_row(_battle())
    empty = events_geojson([])
    _validate_geojson(empty)
    assert empty["features"] == [] and empty["fw_skipped"] == 0


def _states() -> list[ControlState]:
    return [
        ControlState(RASTAN, "Syrian opposition (HTS-led)", date(2024, 12, 2), ("Reuters", "SANA")),
        ControlState(NOWHERE, "Military Forces of Syria", None, (), contested=True, note="front"),
    ]


def test_control_json_keys() -> None:
    items = control_json(_states())
    assert set(items[0]) == {
        "place",
        "admin1",
        "country",
        "lat",
        "lon",
        "controller",
        "since",
        "sources",
        "contested",
        "note",
    }
    assert items[0]["place"] == "Ar Rastan"
    assert items[0]["since"] == "2024-12-02"
    assert items[0]["sources"] == ["Reuters", "SANA"]
    assert items[1]["since"] is None and items[1]["contested"] is True
    json.dumps(items)


def test_control_geojson_valid() -> None:
    doc = control_geojson(_states())
    _validate_geojson(doc)
    assert doc["fw_skipped"] == 1
    assert doc["features"][0]["properties"]["controller"] == "Syrian opposition (HTS-led)"


# --- tables ---------------------------------------------------------------


def test_render_tables() -> None:
    console = Console(record=True, width=250, color_system=None)
    render_events_table([_battle(), _statement(), _unplaced()], console)
    out = console.export_text()
    for header in (
        "id",
        "date",
        "kind",
        "sub-type",
        "actor1",
        "actor2",
        "location",
        "precision",
        "fatalities",
        "sources",
    ):
        assert header in out
    assert "SYR1" in out and "Ar Rastan, Homs" in out and "3 events" in out
    console = Console(record=True, width=200, color_system=None)
    render_control_table(_states(), console)
    out = console.export_text()
    assert "Syrian opposition (HTS-led)" in out and "2 places" in out
