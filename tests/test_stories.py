"""The multi-report stories corpus end to end: fusion, control timelines, brief, exports."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from frontwatch.errors import FrontwatchError
from frontwatch.evaluate import FusionResult, evaluate_gold_with_fusion
from frontwatch.outputs import read_parquet_rows, write_events_parquet
from frontwatch.pipeline import ingest
from frontwatch.store import Store, claim_from_dict, event_to_dict
from frontwatch.types import Event

Invoke = Callable[..., Result]
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
STORIES = CORPUS / "stories"
GOLD = CORPUS / "stories.gold.yaml"
OPP = "Syrian opposition (HTS-led)"


def _reports() -> list[Path]:
    return sorted(STORIES.glob("*.md"))


@pytest.fixture(scope="module")
def stories_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    with Store(db) as store:
        report = ingest(_reports(), store)
    assert not report.errors and report.articles_new == len(_reports())
    return db


@pytest.fixture(scope="module")
def events(stories_db: Path) -> list[Event]:
    with Store(stories_db) as store:
        return store.events()


@pytest.fixture(scope="module")
def fusion(tmp_path_factory: pytest.TempPathFactory) -> FusionResult:
    return evaluate_gold_with_fusion(GOLD)[1]


def _json(invoke: Invoke, *args: str | Path) -> Any:
    result = invoke(*args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


# --- the corpus itself ---------------------------------------------------------------


def test_corpus_has_eight_happenings_told_three_times() -> None:
    import yaml

    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert len(gold["articles"]) == len(_reports()) >= 26
    told = [g for g in gold["events"] if len(g["reported_in"]) >= 3]
    assert len(told) >= 8
    places = [c["place"] for c in gold["control"]]
    assert sum(1 for p in set(places) if places.count(p) >= 2) >= 2


# --- fusion ----------------------------------------------------------------------------


def test_fusion_figures_meet_the_targets(fusion: FusionResult) -> None:
    assert fusion.events_per_happening == 1.0, fusion.details
    assert fusion.duplicate_rate <= 0.05, fusion.details
    assert fusion.wrong_merges == 0, fusion.details
    assert fusion.control_accuracy >= 0.95, fusion.details
    assert fusion.happenings >= 8


def test_same_corpus_in_two_orders_gives_identical_events(
    tmp_path: Path, events: list[Event]
) -> None:
    db = tmp_path / "reversed.db"
    with Store(db) as store:
        for path in reversed(_reports()):  # one article at a time, newest first
            ingest([path], store)
        again = store.events()
    dump = [json.dumps(event_to_dict(e), sort_keys=True, default=str) for e in events]
    assert [json.dumps(event_to_dict(e), sort_keys=True, default=str) for e in again] == dump


def test_wire_reprints_count_as_one_source(events: list[Event]) -> None:
    aleppo = next(
        e
        for e in events
        if e.claim.places and e.claim.places[0].name == "Aleppo" and e.claim.kind == "event"
    )
    assert len(aleppo.origins) >= 4  # the wire, two reprints, one own report
    assert aleppo.source_count < len(aleppo.origins)
    assert any("reprint" in r for r in aleppo.merge_reasons)


def test_contradictions_survive(events: list[Event]) -> None:
    idlib = next(e for e in events if e.claim.sub_event_type == "Air/drone strike")
    text = " ".join(idlib.contradictions)
    assert "fatalities differ" in text and all(n in text for n in ("8", "9", "11"))
    assert idlib.claim.fatalities == 8
    homs = next(
        e
        for e in events
        if e.claim.kind == "event" and e.claim.places and e.claim.places[0].name == "Homs"
    )
    assert homs.claim.denied_by and any(c.startswith("denied by") for c in homs.contradictions)


# --- control --------------------------------------------------------------------------


def test_control_history_of_places_with_two_changes(invoke: Invoke, stories_db: Path) -> None:
    dez = _json(invoke, "control", "Deir al-Zor", "--db", stories_db, "--format", "json")
    assert [(p["controller"], p["from"], p["until"]) for p in dez] == [
        ("Syrian Democratic Forces", "2024-12-06", "2024-12-11"),
        (OPP, "2024-12-11", None),
    ]
    assert all(p["events"] and p["sources"] and 0 < p["confidence"] <= 1 for p in dez)
    wad = _json(invoke, "control", "Wad Madani", "--db", stories_db, "--format", "json")
    assert [p["controller"] for p in wad] == ["Rapid Support Forces", "Sudanese Armed Forces"]
    assert [p["camp"] for p in wad] == ["opposition", "government"]
    sudzha = _json(invoke, "control", "Sudzha", "--db", stories_db, "--format", "json")
    assert [(p["controller"], p["from"]) for p in sudzha] == [
        ("Ukraine", "2024-08-15"),
        ("Russia", "2025-03-13"),
    ]
    table = invoke("control", "Deir ez-Zor", "--db", stories_db)
    assert table.exit_code == 0 and "2 periods" in table.stdout


def test_control_snapshot_at_dates(invoke: Invoke, stories_db: Path) -> None:
    def holder(at: str, place: str) -> str | None:
        rows = _json(invoke, "control", "--db", stories_db, "--format", "json", "--at", at)
        for row in rows:
            assert {
                "place",
                "admin1",
                "country",
                "lat",
                "lon",
                "controller",
                "since",
                "sources",
            } <= set(row)
        return next((r["controller"] for r in rows if r["place"] == place), None)

    assert holder("2024-12-09", "Deir ez-Zor") == "Syrian Democratic Forces"
    assert holder("2024-12-12", "Deir ez-Zor") == OPP
    assert holder("2024-12-04", "Hamah") is None  # before its capture: no known controller
    assert holder("2024-12-06", "Hamah") == OPP


def test_place_without_controller_says_unknown(invoke: Invoke, stories_db: Path) -> None:
    result = invoke("control", "Latakia", "--db", stories_db)
    assert result.exit_code == 0 and "unknown" in result.stdout


# --- brief ----------------------------------------------------------------------------


def test_brief_cites_every_sentence_and_citations_resolve(invoke: Invoke, stories_db: Path) -> None:
    result = invoke("brief", "--db", stories_db, "--since", "2024-12-01", "--until", "2024-12-12")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    body, _, refs = text.partition("## Sources")
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    assert bullets and all(re.search(r"\[\d+\]$", line) for line in bullets), bullets
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", refs, re.M)}
    assert cited == listed and cited
    for heading in ("## Changes of control", "## Casualties", "## Open contradictions"):
        assert heading in body
    assert "Deir ez-Zor" in body and "8–11 killed" in body and "denied by" in body
    assert "Aleppo" not in body.split("## Changes of control")[1].split("##")[0]  # Nov 30
    again = invoke("brief", "--db", stories_db, "--since", "2024-12-01", "--until", "2024-12-12")
    assert again.stdout == text  # deterministic


def test_brief_area_html_and_empty_period(invoke: Invoke, stories_db: Path) -> None:
    html = invoke("brief", "--db", stories_db, "--area", "Homs", "--km", "30", "--format", "html")
    assert html.exit_code == 0, html.stderr
    assert "<ol>" in html.stdout and "Homs" in html.stdout and "Wad Medani" not in html.stdout
    empty = invoke("brief", "--db", stories_db, "--since", "2030-01-01")
    assert empty.exit_code == 0 and "No events were reported since 2030-01-01" in empty.stdout
    with pytest.raises(FrontwatchError, match="is after"):  # main() prints it on one line
        invoke("brief", "--db", stories_db, "--since", "2025-01-02", "--until", "2025-01-01")


# --- exports --------------------------------------------------------------------------


def _check_rfc7946(doc: Any) -> list[dict[str, Any]]:
    """The parts of RFC 7946 a point layer uses: a FeatureCollection of Features, each
    with a Point geometry [lon, lat] (WGS 84, no "crs"), and a properties object."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    assert "crs" not in doc
    for f in doc["features"]:
        assert f["type"] == "Feature" and set(f) >= {"geometry", "properties"}
        assert f["properties"] is None or isinstance(f["properties"], dict)
        g = f["geometry"]
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert all(isinstance(x, float | int) and not isinstance(x, bool) for x in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        if "id" in f:
            assert isinstance(f["id"], str | int)
    json.dumps(doc, allow_nan=False)
    return list(doc["features"])


def test_geojson_exports_follow_rfc7946(invoke: Invoke, stories_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "control.geojson"
    result = invoke(
        "export",
        out,
        "--db",
        stories_db,
        "--format",
        "geojson",
        "--what",
        "control",
        "--at",
        "2024-12-12",
    )
    assert result.exit_code == 0, result.stderr
    features = _check_rfc7946(json.loads(out.read_text(encoding="utf-8")))
    dez = next(f for f in features if f["properties"]["place"] == "Deir ez-Zor")
    assert dez["geometry"]["coordinates"][0] > 40 > dez["geometry"]["coordinates"][1]  # lon, lat
    assert dez["properties"]["camp"] == "opposition"
    events_out = tmp_path / "events.geojson"
    assert invoke("export", events_out, "--db", stories_db, "--format", "geojson").exit_code == 0
    assert len(_check_rfc7946(json.loads(events_out.read_text(encoding="utf-8")))) >= 8


def test_parquet_round_trip(
    invoke: Invoke, stories_db: Path, tmp_path: Path, events: list[Event]
) -> None:
    ev_file, cl_file = tmp_path / "events.parquet", tmp_path / "claims.parquet"
    assert invoke("export", ev_file, "--db", stories_db).exit_code == 0
    assert invoke("export", cl_file, "--db", stories_db, "--what", "claims").exit_code == 0
    rows = read_parquet_rows(ev_file)
    assert [r["event_id_cnty"] for r in rows] == [e.event_id for e in events]
    assert [r["fw_contradictions"] for r in rows] == [list(e.contradictions) for e in events]
    with Store(stories_db) as store:
        claims = store.claims()
    back = [claim_from_dict(json.loads(r["json"])) for r in read_parquet_rows(cl_file)]
    assert back == claims


def test_parquet_without_pyarrow_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, events: list[Event]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(FrontwatchError, match=r"pip install 'frontwatch\[scale\]'"):
        write_events_parquet(events, tmp_path / "x.parquet")


def test_demo_also_writes_brief_and_control(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = invoke("demo", "--out", out)
    assert result.exit_code == 0, result.stdout + result.stderr
    brief = (out / "brief.md").read_text(encoding="utf-8")
    assert brief.startswith("# Situation brief") and "## Sources" in brief
    _check_rfc7946(json.loads((out / "control.geojson").read_text(encoding="utf-8")))


def test_events_json_shows_what_was_merged_and_why(invoke: Invoke, stories_db: Path) -> None:
    rows = _json(invoke, "events", "--db", stories_db, "--format", "json")
    idlib = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert len(idlib["merged_claims"]) == 3 and int(idlib["fw_source_count"]) == 3
    # the three tellings agree on the day (Monday), so they may merge as identical claims
    assert any(
        "same Explosions/Remote violence/Air/drone strike" in r or "identical claim" in r
        for r in idlib["merge_reasons"]
    )
    assert any(c.startswith("fatalities differ") for c in idlib["contradictions"])
