"""Outputs: ACLED-style rows, CSV, JSON, GeoJSON and terminal tables."""

from __future__ import annotations

from ._acled import (
    ACLED_BASE_COLUMNS,
    ACLED_COLUMNS,
    FW_COLUMNS,
    ISO_NUMERIC,
    REGIONS,
    acled_row,
    disorder_type,
    event_sources,
)
from ._brief import Area, Brief, brief_html, brief_markdown, build_brief, find_area
from ._control import control_map_geojson, history_json, render_history_table
from ._parquet import read_parquet_rows, write_claims_parquet, write_events_parquet
from ._tables import render_control_table, render_events_table
from ._writers import control_geojson, control_json, events_geojson, events_json, write_csv

__all__ = [
    "ACLED_BASE_COLUMNS",
    "ACLED_COLUMNS",
    "FW_COLUMNS",
    "ISO_NUMERIC",
    "REGIONS",
    "acled_row",
    "control_geojson",
    "control_json",
    "disorder_type",
    "event_sources",
    "events_geojson",
    "events_json",
    "render_control_table",
    "render_events_table",
    "write_csv",
    # fusion: brief, control history and map, Parquet
    "Area",
    "Brief",
    "brief_html",
    "brief_markdown",
    "build_brief",
    "find_area",
    "control_map_geojson",
    "history_json",
    "render_history_table",
    "read_parquet_rows",
    "write_claims_parquet",
    "write_events_parquet",
]
