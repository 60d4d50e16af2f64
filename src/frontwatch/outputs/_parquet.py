"""Parquet exports of events and claims (needs pyarrow: `pip install frontwatch[scale]`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.store import claim_to_dict
from frontwatch.types import Article, Claim, Event

from ._acled import ACLED_COLUMNS, acled_row

__all__ = ["write_events_parquet", "write_claims_parquet", "read_parquet_rows"]

CLAIM_COLUMNS = (
    "article_id",
    "kind",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "date",
    "date_end",
    "place",
    "admin1",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_basis",
    "sources",
    "confidence",
    "json",
)


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FrontwatchError(
            "Parquet export needs pyarrow: pip install 'frontwatch[scale]' (or pyarrow==26.0.1)"
        ) from None
    return pa, pq


def write_events_parquet(
    events: Iterable[Event], path: Path, articles: Mapping[str, Article] | None = None
) -> int:
    """ACLED_COLUMNS as string columns, plus fw_contradictions and fw_merge_reasons
    (lists of strings). Returns the number of rows."""
    pa, pq = _pyarrow()
    cols: dict[str, list[Any]] = {c: [] for c in ACLED_COLUMNS}
    cols["fw_contradictions"] = []
    cols["fw_merge_reasons"] = []
    n = 0
    for ev in events:
        row = acled_row(ev, articles)
        for c in ACLED_COLUMNS:
            cols[c].append(row[c])
        cols["fw_contradictions"].append(list(ev.contradictions))
        cols["fw_merge_reasons"].append(list(ev.merge_reasons))
        n += 1
    schema = pa.schema(
        [pa.field(c, pa.string()) for c in ACLED_COLUMNS]
        + [pa.field(c, pa.list_(pa.string())) for c in ("fw_contradictions", "fw_merge_reasons")]
    )
    _write(pq, pa.table(cols, schema=schema), path)
    return n


def write_claims_parquet(claims: Iterable[Claim], path: Path) -> int:
    """One row per claim (CLAIM_COLUMNS); "json" holds the full claim."""
    pa, pq = _pyarrow()
    cols: dict[str, list[Any]] = {c: [] for c in CLAIM_COLUMNS}
    n = 0
    for c in claims:
        p = c.places[0] if c.places else None
        values: dict[str, Any] = {
            "article_id": c.article_id,
            "kind": c.kind,
            "event_type": c.event_type,
            "sub_event_type": c.sub_event_type,
            "actor1": c.actor1,
            "actor2": c.actor2,
            "date": c.date,
            "date_end": c.date_end,
            "place": p.name if p else None,
            "admin1": p.admin1 if p else None,
            "country": p.country if p else None,
            "latitude": p.lat if p else None,
            "longitude": p.lon if p else None,
            "geo_precision": p.geo_precision if p else None,
            "fatalities": c.fatalities,
            "fatalities_basis": c.fatalities_basis,
            "sources": [s.label for s in c.sources],
            "confidence": c.confidence,
            "json": json.dumps(claim_to_dict(c), ensure_ascii=False, sort_keys=True),
        }
        for k, v in values.items():
            cols[k].append(v)
        n += 1
    schema = pa.schema(
        [
            ("article_id", pa.string()),
            ("kind", pa.string()),
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("actor1", pa.string()),
            ("actor2", pa.string()),
            ("date", pa.date32()),
            ("date_end", pa.date32()),
            ("place", pa.string()),
            ("admin1", pa.string()),
            ("country", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("geo_precision", pa.int8()),
            ("fatalities", pa.int32()),
            ("fatalities_basis", pa.string()),
            ("sources", pa.list_(pa.string())),
            ("confidence", pa.float32()),
            ("json", pa.string()),
        ]
    )
    _write(pq, pa.table(cols, schema=schema), path)
    return n


def _write(pq: Any, table: Any, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, str(path))
    except OSError as exc:
        raise FrontwatchError(f"cannot write {path}: {exc.strerror or exc}") from None


def read_parquet_rows(path: Path) -> list[dict[str, Any]]:
    _pa, pq = _pyarrow()
    return list(pq.read_table(str(path)).to_pylist())
