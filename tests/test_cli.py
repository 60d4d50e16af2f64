"""The `frontwatch` command line: bad input gives one error line (no traceback), and the
normal paths (mixed folders, JSONL with a bad line, the demo) produce what they promise."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from frontwatch.outputs import ACLED_COLUMNS
from frontwatch.store import Store

Invoke = Callable[..., Result]  # the `invoke` fixture (conftest.py)

REPORT = (
    "Rebels captured the town of Saraqib on Monday, the Syrian Observatory for Human Rights said.\n"
)


def run_cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m frontwatch.cli ARGS` in `cwd` (short relative names keep messages on one line)."""
    return subprocess.run(
        [sys.executable, "-m", "frontwatch.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_clean_failure(proc: subprocess.CompletedProcess[str], name: str) -> None:
    assert proc.returncode != 0, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "error" in proc.stderr.lower() or name in proc.stderr, proc.stderr


# --- bad input (subprocess: checks what a user sees) --------------------------------


def test_ingest_missing_path_fails_without_traceback(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "ingest", "nope.txt", "--db", "f.db")
    assert_clean_failure(proc, "nope.txt")
    assert "nope.txt" in proc.stderr


def test_ingest_empty_file_fails_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run_cli(tmp_path, "ingest", "empty.txt", "--db", "f.db")
    assert_clean_failure(proc, "empty.txt")
    assert "empty.txt" in proc.stderr
    assert "not created" in proc.stderr and "article(s) read" not in proc.stdout
    assert not (tmp_path / "f.db").exists()


def test_ingest_binary_file_fails_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR\x00\x01\x02\xff\xfe\x00" * 20)
    proc = run_cli(tmp_path, "ingest", "blob.txt", "--db", "f.db")
    assert_clean_failure(proc, "blob.txt")
    assert "blob.txt" in proc.stderr


def test_ingest_unknown_extension_fails_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_text(REPORT, encoding="utf-8")
    proc = run_cli(tmp_path, "ingest", "report.docx", "--db", "f.db")
    assert_clean_failure(proc, "report.docx")
    assert "report.docx" in proc.stderr


def test_ingest_bad_published_date_fails_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    proc = run_cli(tmp_path, "ingest", "r.txt", "--db", "f.db", "--published", "notadate")
    assert_clean_failure(proc, "notadate")
    assert "notadate" in proc.stderr


def test_ingest_into_non_sqlite_db_fails_and_leaves_it_unchanged(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    db = tmp_path / "x.db"
    db.write_text("these are my notes, not a database\n", encoding="utf-8")
    before = db.read_bytes()
    proc = run_cli(tmp_path, "ingest", "r.txt", "--db", "x.db")
    assert_clean_failure(proc, "x.db")
    assert "x.db" in proc.stderr
    assert db.read_bytes() == before


def test_events_on_missing_db_fails_without_traceback(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "events", "--db", "missing.db")
    assert_clean_failure(proc, "missing.db")
    assert "missing.db" in proc.stderr
    assert not (tmp_path / "missing.db").exists()


# --- normal paths (in-process) ------------------------------------------------------


def test_jsonl_bad_line_is_skipped_with_warning_and_good_lines_ingested(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lines = [
        json.dumps({"id": "a", "published": "2024-12-06", "text": REPORT}),
        '{"id": "b", "text": "unterminated',
        json.dumps(
            {
                "id": "c",
                "published": "2024-12-06",
                "text": "Government forces shelled the village of Kafr Nabl on Tuesday, "
                "local medics said.",
            }
        ),
    ]
    Path("batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("ingest", "batch.jsonl", "--db", "j.db")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "batch.jsonl:2" in result.stderr
    assert "warning" in result.stderr.lower()
    assert "2 article(s) read, 2 new" in result.stdout
    with Store(tmp_path / "j.db") as store:
        origins = sorted(a.origin for a in store.articles())
    assert origins == ["batch.jsonl#a", "batch.jsonl#c"]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontline Wire</title><link>https://wire.example/</link>
<item>
<title>Fighting near Atarib</title>
<link>https://wire.example/atarib</link>
<guid isPermaLink="false">wire-7</guid>
<pubDate>Fri, 06 Dec 2024 10:00:00 GMT</pubDate>
<description>Opposition fighters clashed with army units outside Atarib on Thursday, a local
activist said. Residents reported heavy gunfire through the night.</description>
</item>
</channel></rss>
"""

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Strikes on Ariha | Levant Desk</title>
<meta property="article:published_time" content="2024-12-06T07:00:00Z"></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Strikes on Ariha</h1>
<p>Warplanes struck the town of Ariha on Wednesday, rescue workers said.</p>
<p>Shops in the centre stayed shut the following morning while volunteers cleared debris.</p>
</article></body></html>
"""


def test_folder_with_txt_html_and_rss_ingests_all_three(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "saraqib.txt").write_text(
        "Saraqib changes hands\nPublished: 2024-12-06\n\n" + REPORT, encoding="utf-8"
    )
    (folder / "ariha.html").write_text(HTML, encoding="utf-8")
    (folder / "wire.rss").write_text(RSS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("ingest", "reports", "--db", "mixed.db")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "3 article(s) read, 3 new" in result.stdout
    with Store(tmp_path / "mixed.db") as store:
        origins = [a.origin for a in store.articles()]
    assert len(origins) == 3
    for name in ("saraqib.txt", "ariha.html", "wire.rss"):
        assert any(name in o for o in origins), (name, origins)


def test_demo_writes_csv_geojson_and_database(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("demo", "--out", out)
    assert result.exit_code == 0, result.stdout + result.stderr

    with (out / "events.csv").open(newline="", encoding="utf-8") as fp:
        reader = csv.DictReader(fp)
        rows = list(reader)
    assert reader.fieldnames == list(ACLED_COLUMNS)
    assert len(rows) >= 10

    geo = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    points = [f for f in geo["features"] if f["geometry"]["type"] == "Point"]
    assert len(points) >= 5
    for feature in points:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0
        # RFC 7946 order: [lon, lat], matching the row's longitude/latitude columns
        props = feature["properties"]
        assert abs(lon - float(props["longitude"])) < 1e-3, (lon, props["longitude"])
        assert abs(lat - float(props["latitude"])) < 1e-3, (lat, props["latitude"])

    assert (out / "frontwatch.db").is_file()


def test_ingest_huge_report_is_refused_with_one_line_and_the_db_kept(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    assert run_cli(tmp_path, "ingest", "ok.txt", "--db", "f.db").returncode == 0
    before = (tmp_path / "f.db").read_bytes()
    (tmp_path / "huge.txt").write_text("Rebels shelled the town. " * 50_000, encoding="utf-8")
    proc = run_cli(tmp_path, "ingest", "huge.txt", "--db", "f.db")
    assert_clean_failure(proc, "huge.txt")
    assert "report too long (1,249,999 characters > 1,000,000)" in proc.stderr
    assert (tmp_path / "f.db").read_bytes() == before
