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
]
