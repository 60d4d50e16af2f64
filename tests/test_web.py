"""The web dashboard: its JSON API, its page and assets, and `frontwatch serve` on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from fastapi.testclient import TestClient

from frontwatch.errors import FrontwatchError
from frontwatch.web import load_app
from frontwatch.web._app import STATIC_DIR

Invoke = Callable[..., Result]

REPORT = """Militia seizes river town

Published: 2024-03-04

Fighters of the Rapid Support Forces captured the town of Wad Madani on Sunday, a monitor said.

On Monday, residents gathered in Kassala to protest against the war.
"""


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, invoke: Invoke) -> Path:
    folder = tmp_path_factory.mktemp("web")
    report = folder / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = folder / "web.db"
    result = invoke("ingest", report, "--db", db)
    assert result.exit_code == 0, result.stdout + result.stderr
    return db


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(load_app(web_db)) as c:
        yield c


def test_meta_counts_what_the_database_holds(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["articles"] == 1
    assert meta["events"] >= 1
    assert meta["first_date"] <= meta["last_date"] <= "2024-03-04"


def test_events_are_a_geojson_feature_collection_with_sources_and_evidence(
    client: TestClient, web_db: Path
) -> None:
    body = client.get("/api/events").json()
    assert body["type"] == "FeatureCollection"
    capture = next(
        f
        for f in body["features"]
        if f["properties"]["sub_event_type"] == "Non-state actor overtakes territory"
    )
    lon, lat = capture["geometry"]["coordinates"]  # RFC 7946: longitude first
    assert abs(lat - 14.40) < 0.1 and abs(lon - 33.52) < 0.1  # Wad Madani, Sudan
    props = capture["properties"]
    assert props["actor1"] == "Rapid Support Forces"
    assert props["event_date"] == "2024-03-03"
    assert props["fw_reports"].endswith("report.txt")
    spans = props["fw_evidence_spans"]
    assert spans and "captured the town of Wad Madani" in spans[0]["text"]
    article = client.get(f"/api/articles/{spans[0]['article']}").json()
    assert article["text"][spans[0]["start"] : spans[0]["end"]] == spans[0]["text"]


def test_time_window_and_kind_filter_events(client: TestClient) -> None:
    assert client.get("/api/events", params={"until": "2024-03-02"}).json()["features"] == []
    day = client.get("/api/events", params={"since": "2024-03-03", "until": "2024-03-03"}).json()
    assert {f["properties"]["event_date"] for f in day["features"]} == {"2024-03-03"}
    protests = client.get("/api/events", params={"kind": "statement"}).json()["features"]
    assert all(f["properties"]["fw_kind"] == "statement" for f in protests)


def test_control_snapshot_by_date(client: TestClient) -> None:
    def wad_madani(at: str) -> list[str]:  # by coordinates: GeoNames spells it Wad Medani
        body = client.get("/api/control", params={"at": at}).json()
        return [
            f["properties"]["controller"]
            for f in body["features"]
            if abs(f["geometry"]["coordinates"][1] - 14.40) < 0.1
        ]

    assert wad_madani("2024-03-04") == ["Rapid Support Forces"]
    assert wad_madani("2024-03-01") == []


def test_bad_query_values_get_a_400_with_a_message(client: TestClient) -> None:
    resp = client.get("/api/events", params={"since": "not a date"})
    assert resp.status_code == 400
    assert "since" in resp.json()["detail"]
    assert client.get("/api/events", params={"kind": "rumour"}).status_code == 400
    assert client.get("/api/articles/nope").status_code == 404


def test_page_and_every_asset_it_names_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<div id="map"' in page.text
    for asset in (
        "/static/app.js",
        "/static/app.css",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-50m.json",
    ):
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in (STATIC_DIR / "app.js").read_text(encoding="utf-8")  # no CDN


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FrontwatchError, match="no such database"):
        load_app(tmp_path / "none.db")


def test_new_ingests_show_up_without_restarting(
    tmp_path: Path, invoke: Invoke, web_db: Path
) -> None:
    db = tmp_path / "live.db"
    db.write_bytes(web_db.read_bytes())
    with TestClient(load_app(db)) as c:
        before = c.get("/api/meta").json()["articles"]
        extra = tmp_path / "more.txt"
        extra.write_text(
            "Shelling in Omdurman\n\nPublished: 2024-03-05\n\n"
            "The army shelled positions of the Rapid Support Forces in Omdurman on Tuesday.\n",
            encoding="utf-8",
        )
        assert invoke("ingest", extra, "--db", db).exit_code == 0
        assert c.get("/api/meta").json()["articles"] == before + 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_on_loopback(web_db: Path) -> None:
    port = _free_port()
    cmd = [
        sys.executable,
        "-m",
        "frontwatch.cli",
        "serve",
        "--db",
        str(web_db),
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/meta", timeout=2) as r:
                    meta = json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert meta["articles"] == 1
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # waits and closes both pipes


def test_serve_without_a_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "frontwatch.cli", "serve", "--db", str(tmp_path / "x.db")]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "no such database" in done.stderr and "Traceback" not in done.stderr
