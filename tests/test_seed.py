"""End-to-end checks on the annotated seed report (shared/seed/000_*.txt + .gold.yaml)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from frontwatch.evaluate import FIELDS, EvalResult, evaluate_gold
from frontwatch.outputs import ACLED_COLUMNS

Invoke = Callable[..., Result]  # the `invoke` fixture (conftest.py)
SEED_PUBLISHED = "2024-12-06"  # the seed report's publication date (see its gold file)

OPPOSITION = "Syrian opposition (HTS-led)"
CONTROL_KEYS = {"place", "admin1", "country", "lat", "lon", "controller", "since", "sources"}


@pytest.fixture(scope="module")
def seed_eval(seed_gold: Path) -> EvalResult:
    return evaluate_gold(seed_gold, date.fromisoformat(SEED_PUBLISHED))


@pytest.fixture(scope="module")
def seed_rows(invoke: Invoke, seed_db: Path) -> tuple[list[str], list[dict[str, str]]]:
    result = invoke("events", "--db", seed_db, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _control(invoke: Invoke, db: Path, *extra: str) -> list[dict[str, object]]:
    result = invoke("control", "--db", db, "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def _is_hama_city(entry: dict[str, object]) -> bool:
    lat = entry.get("lat")
    return entry.get("admin1") == "Hama" and isinstance(lat, float) and abs(lat - 35.13) < 0.05


# --- evaluation against the gold file -----------------------------------------------


def test_eval_seed_finds_every_gold_event_and_no_false_event(seed_eval: EvalResult) -> None:
    assert seed_eval.events.recall == 1.0, seed_eval.misses
    assert seed_eval.events.precision == 1.0, seed_eval.false_events


def test_eval_seed_finds_every_statement_and_no_extra_one(seed_eval: EvalResult) -> None:
    assert seed_eval.statements.recall == 1.0, seed_eval.misses
    assert seed_eval.statements.precision == 1.0, seed_eval.statements


def test_eval_seed_control_recall_is_complete(seed_eval: EvalResult) -> None:
    assert seed_eval.control.recall == 1.0, seed_eval.misses


def test_eval_seed_codes_no_statement_as_event(seed_eval: EvalResult) -> None:
    assert seed_eval.statements_as_events == 0


@pytest.mark.parametrize("field", FIELDS)
def test_eval_seed_field_accuracy_is_perfect(seed_eval: EvalResult, field: str) -> None:
    assert seed_eval.fields[field], f"no matched events scored for {field}"
    assert seed_eval.field_accuracy(field) == 1.0, seed_eval.misses


# --- `events --format csv` after ingesting the seed ---------------------------------


def test_seed_csv_header_is_acled_columns(
    seed_rows: tuple[list[str], list[dict[str, str]]],
) -> None:
    header, _ = seed_rows
    assert header == list(ACLED_COLUMNS)


def test_seed_csv_has_three_statements_with_actor_and_notes(
    seed_rows: tuple[list[str], list[dict[str, str]]],
) -> None:
    _, rows = seed_rows
    statements = [r for r in rows if r["fw_kind"] == "statement"]
    assert len(statements) == 3, statements
    for row in statements:
        assert row["actor1"].strip(), row
        assert row["notes"].strip(), row


def test_seed_csv_front_position_five_km_from_homs(
    seed_rows: tuple[list[str], list[dict[str, str]]],
) -> None:
    _, rows = seed_rows
    fronts = [r for r in rows if r["fw_kind"] == "front_position" and r["location"] == "Homs"]
    assert len(fronts) == 1, [(r["fw_kind"], r["location"]) for r in rows]
    assert fronts[0]["fw_offset_km"] in ("5", "5.0")
    assert fronts[0]["geo_precision"] == "2"


def test_seed_csv_maarat_al_numan_cites_reuters(
    seed_rows: tuple[list[str], list[dict[str, str]]],
) -> None:
    _, rows = seed_rows
    maarat = [r for r in rows if r["latitude"] and abs(float(r["latitude"]) - 35.64) < 0.05]
    assert maarat, [(r["location"], r["latitude"]) for r in rows]
    assert any("Reuters" in r["source"] for r in maarat), [r["source"] for r in maarat]


def test_seed_csv_reports_column_names_the_ingested_path(
    seed_rows: tuple[list[str], list[dict[str, str]]], seed_txt: Path
) -> None:
    _, rows = seed_rows
    assert rows
    for row in rows:
        assert str(seed_txt) in row["fw_reports"].split(";"), row["fw_reports"]


# --- `control` ----------------------------------------------------------------------


def test_seed_control_json_entries_have_the_documented_keys(invoke: Invoke, seed_db: Path) -> None:
    data = _control(invoke, seed_db)
    assert data
    for entry in data:
        assert isinstance(entry, dict)
        assert set(entry) >= CONTROL_KEYS, entry


def test_seed_control_hama_held_by_opposition_since_dec_5(invoke: Invoke, seed_db: Path) -> None:
    hama = [e for e in _control(invoke, seed_db) if _is_hama_city(e)]
    assert len(hama) == 1, hama
    assert hama[0]["controller"] == OPPOSITION
    assert hama[0]["since"] == "2024-12-05"


def test_seed_control_homs_held_by_government_and_contested(invoke: Invoke, seed_db: Path) -> None:
    homs = [e for e in _control(invoke, seed_db) if e["place"] == "Homs"]
    assert len(homs) == 1, homs
    assert homs[0]["controller"] == "Syrian government"
    assert homs[0]["contested"] is True


def test_seed_control_at_earlier_date_hama_not_yet_opposition(
    invoke: Invoke, seed_db: Path
) -> None:
    data = _control(invoke, seed_db, "--at", "2024-12-01")
    hama = [e for e in data if _is_hama_city(e)]
    assert all(e["controller"] != OPPOSITION for e in hama), hama


# --- filters and idempotence --------------------------------------------------------


def test_seed_events_kind_statement_returns_only_statements(invoke: Invoke, seed_db: Path) -> None:
    result = invoke("events", "--db", seed_db, "--kind", "statement", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) == 3
    assert {e["fw_kind"] for e in data} == {"statement"}


def test_seed_ingest_twice_stores_report_once(
    invoke: Invoke, seed_txt: Path, tmp_path: Path
) -> None:
    db = tmp_path / "twice.db"
    first = invoke("ingest", seed_txt, "--db", db, "--published", SEED_PUBLISHED)
    assert first.exit_code == 0, first.stderr
    assert "1 new" in first.stdout
    count = len(json.loads(invoke("events", "--db", db, "--format", "json").stdout))
    assert count > 0

    second = invoke("ingest", seed_txt, "--db", db, "--published", SEED_PUBLISHED)
    assert second.exit_code == 0, second.stderr
    assert "1 article(s) read, 0 new" in second.stdout
    assert len(json.loads(invoke("events", "--db", db, "--format", "json").stdout)) == count
