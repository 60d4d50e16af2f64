"""Control history of places (periods) and a map-ready control GeoJSON with camps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from frontwatch.control import Period, camp_of
from frontwatch.types import ControlState

from ._writers import control_json

__all__ = ["history_json", "render_history_table", "control_map_geojson"]


def _period_dict(p: Period) -> dict[str, Any]:
    ch = p.change
    return {
        "place": p.place.name,
        "admin1": p.place.admin1,
        "country": p.place.country_name or p.place.country,
        "controller": p.controller,
        "camp": camp_of(p.controller, p.place.country),
        "from": p.start.isoformat() if p.start else None,
        "until": p.end.isoformat() if p.end else None,
        "confidence": ch.confidence,
        "events": list(ch.event_ids),
        "sources": list(ch.sources),
        "note": ch.note,
    }


def history_json(periods: Mapping[str, Sequence[Period]]) -> list[dict[str, Any]]:
    """One dict per period: place, admin1, country, controller, camp, from, until,
    confidence, events, sources, note."""
    return [_period_dict(p) for key in sorted(periods) for p in periods[key]]


def render_history_table(periods: Mapping[str, Sequence[Period]], console: Console) -> None:
    table = Table()
    for name in ("place", "from", "until", "controller", "camp", "confidence", "sources", "note"):
        table.add_column(name)
    n = 0
    for item in history_json(periods):
        table.add_row(
            f"{item['place']}, {item['admin1']}" if item["admin1"] else item["place"],
            item["from"] or "?",
            item["until"] or "now",
            item["controller"],
            item["camp"],
            f"{item['confidence']:.2f}",
            "; ".join(item["sources"]),
            item["note"],
        )
        n += 1
    table.caption = f"{n} period{'s' if n != 1 else ''}"
    console.print(table)


def control_map_geojson(states: Sequence[ControlState]) -> dict[str, Any]:
    """RFC 7946 FeatureCollection of Points ([lon, lat]); properties = control_json's
    keys plus "camp" (government | foreign | opposition | other | unknown) for colouring."""
    features: list[dict[str, Any]] = []
    skipped = 0
    for state, props in zip(states, control_json(states), strict=True):
        lat, lon = state.place.lat, state.place.lon
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            skipped += 1
            continue
        props["camp"] = camp_of(state.controller, state.place.country)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features, "fw_skipped": skipped}
