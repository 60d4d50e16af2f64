"""CSV, JSON and GeoJSON renderings of events and control states."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from frontwatch.store import place_to_dict
from frontwatch.types import Article, ControlState, Event

from ._acled import ACLED_COLUMNS, acled_row, event_sources, first_place

__all__ = [
    "write_csv",
    "events_json",
    "events_geojson",
    "control_json",
    "control_geojson",
]


def write_csv(
    events: Iterable[Event],
    fp: IO[str],
    articles: Mapping[str, Article] | None = None,
    timestamp: int = 0,
) -> int:
    """Write the events as CSV with ACLED_COLUMNS as header (always written).

    Open `fp` with ``newline=""``. Returns the number of rows written.
    """
    writer = csv.DictWriter(fp, fieldnames=list(ACLED_COLUMNS))
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event, articles, timestamp))
        n += 1
    return n


def events_json(
    events: Iterable[Event],
    articles: Mapping[str, Article] | None = None,
    timestamp: int = 0,
) -> list[dict[str, Any]]:
    """One dict per event: the ACLED row, plus "places" (every place, in full),
    "sources" (labels), "contradictions", "merged_claims" (article#sentence of every
    claim fused into it) and "merge_reasons" (why they were joined)."""
    out: list[dict[str, Any]] = []
    for event in events:
        item: dict[str, Any] = dict(acled_row(event, articles, timestamp))
        item["places"] = [place_to_dict(p) for p in event.claim.places]
        item["sources"] = [s.label for s in event_sources(event, articles)]
        item["contradictions"] = list(event.contradictions)
        item["merged_claims"] = [f"{c.article_id}#{c.sentence_index}" for c in event.claims]
        item["merge_reasons"] = list(event.merge_reasons)
        out.append(item)
    return out


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}


def events_geojson(
    events: Iterable[Event],
    articles: Mapping[str, Article] | None = None,
    timestamp: int = 0,
) -> dict[str, Any]:
    """A FeatureCollection of Points (RFC 7946: [lon, lat]) at each event's first place.

    Events without coordinates are left out and counted in "fw_skipped".
    """
    features: list[dict[str, Any]] = []
    skipped = 0
    for event in events:
        place = first_place(event.claim)
        geometry = _point(place.lat, place.lon) if place else None
        if geometry is None:
            skipped += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": event.event_id,
                "geometry": geometry,
                "properties": acled_row(event, articles, timestamp),
            }
        )
    return {"type": "FeatureCollection", "features": features, "fw_skipped": skipped}


def _control_dict(state: ControlState) -> dict[str, Any]:
    p = state.place
    return {
        "place": p.name,
        "admin1": p.admin1,
        "country": p.country_name or p.country,
        "lat": p.lat,
        "lon": p.lon,
        "controller": state.controller,
        "since": state.since.isoformat() if state.since else None,
        "sources": list(state.sources),
        "contested": state.contested,
        "note": state.note,
    }


def control_json(states: Sequence[ControlState]) -> list[dict[str, Any]]:
    """Keys: place, admin1, country, lat, lon, controller, since, sources, contested, note."""
    return [_control_dict(s) for s in states]


def control_geojson(states: Sequence[ControlState]) -> dict[str, Any]:
    """A FeatureCollection of Points, properties = control_json's dict; places
    without coordinates are counted in "fw_skipped"."""
    features: list[dict[str, Any]] = []
    skipped = 0
    for state in states:
        geometry = _point(state.place.lat, state.place.lon)
        if geometry is None:
            skipped += 1
            continue
        features.append(
            {"type": "Feature", "geometry": geometry, "properties": _control_dict(state)}
        )
    return {"type": "FeatureCollection", "features": features, "fw_skipped": skipped}
