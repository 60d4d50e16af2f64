"""The Dask engine: same events as the local engine, on a LocalCluster over loopback."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from frontwatch.config import DATA_DIR
from frontwatch.errors import FrontwatchError
from frontwatch.scale import partitions

Invoke = Callable[..., Result]
DEMO = DATA_DIR / "demo"


def _rows(invoke: Invoke, db: Path) -> list[dict[str, str]]:
    result = invoke("events", "--db", db, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    for row in rows:
        row.pop("timestamp", None)  # when it was stored, not what was read
    return sorted(rows, key=lambda r: r["event_id_cnty"])


def test_dask_engine_gives_the_same_events_as_the_local_engine(
    tmp_path: Path, invoke: Invoke
) -> None:
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    assert invoke("ingest", DEMO, "--db", local).exit_code == 0
    result = invoke(
        "ingest", DEMO, "--db", dask, "--engine", "dask", "--workers", "2", "--partition-size", "4"
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "15 article(s) read, 15 new" in result.stdout
    local_rows, dask_rows = _rows(invoke, local), _rows(invoke, dask)
    assert len(dask_rows) > 20
    assert dask_rows == local_rows


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "frontwatch.cli", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Title\n\nRebels captured Rastan on Monday.\n", encoding="utf-8")
    db = tmp_path / "x.db"
    proc = _cli(
        "ingest", report, "--db", db, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert proc.returncode == 1, proc.stderr
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_scheduler_without_the_dask_engine_is_refused(tmp_path: Path) -> None:
    proc = _cli("ingest", DEMO, "--db", tmp_path / "y.db", "--scheduler", "tcp://h:8786")
    assert proc.returncode == 1
    assert "--scheduler needs --engine dask" in proc.stderr
    assert not (tmp_path / "y.db").exists()


def test_partitions_cover_every_article_once_in_order() -> None:
    items = list(range(10))
    assert partitions(items, 4) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]  # type: ignore[arg-type]
    with pytest.raises(FrontwatchError):
        partitions(items, 0)  # type: ignore[arg-type]
