"""The dashboard's HTTP API (FastAPI) and its static page.

Reads one frontwatch database; never writes to it. The store is re-read when the
database file changes, so a `frontwatch ingest` running beside `frontwatch serve`
shows up on the next request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from frontwatch.control import control_at, control_changes
from frontwatch.errors import FrontwatchError
from frontwatch.ingest import parse_date
from frontwatch.outputs import control_geojson, events_json
from frontwatch.outputs._acled import first_place
from frontwatch.store import Store
from frontwatch.types import Article, Event

__all__ = ["create_app", "STATIC_DIR"]

STATIC_DIR = Path(__file__).parent / "static"
KINDS = ("event", "front_position", "displacement", "statement")


@dataclass(frozen=True)
class _Snapshot:
    stamp: tuple[float, ...]
    events: tuple[Event, ...]
    articles: dict[str, Article]


class _Database:
    """The events and articles of one database, reloaded when its files change."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise FrontwatchError(f"{path}: no such database (run `frontwatch ingest` first)")
        self.path = path
        self._lock = threading.Lock()
        self._snap: _Snapshot | None = None
        self.snapshot()  # fail now, not at the first request, if it is not a database

    def _stamp(self) -> tuple[float, ...]:
        out: list[float] = []
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            out.append(p.stat().st_mtime if p.exists() else 0.0)
        return tuple(out)

    def snapshot(self) -> _Snapshot:
        stamp = self._stamp()
        with self._lock:
            if self._snap is None or self._snap.stamp != stamp:
                with Store(self.path) as store:
                    events = tuple(store.events())
                    articles = {a.id: a for a in store.articles()}
                self._snap = _Snapshot(stamp, events, articles)
            return self._snap


def _day(value: str | None, name: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_date(value)
    except FrontwatchError:
        raise HTTPException(
            status_code=400, detail=f"{name}: cannot parse date {value!r}"
        ) from None


def _in_window(event: Event, since: date | None, until: date | None) -> bool:
    c = event.claim
    start, end = c.date, c.date_end or c.date
    if start is None or end is None:
        return since is None and until is None
    if since is not None and end < since:
        return False
    return not (until is not None and start > until)


def _feature(item: dict[str, Any], event: Event) -> dict[str, Any]:
    place = first_place(event.claim)
    geometry = None
    if place is not None and place.lat is not None and place.lon is not None:
        geometry = {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]}
    props = dict(item)
    props["fw_articles"] = sorted({c.article_id for c in event.claims})
    props["fw_date"] = event.claim.date.isoformat() if event.claim.date else None
    props["fw_evidence_spans"] = [
        {"article": c.article_id, "start": sp.start, "end": sp.end, "text": sp.text}
        for c in event.claims
        for sp in c.evidence
    ]
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": props}


def _article_meta(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "origin": a.origin,
        "title": a.title,
        "publisher": a.publisher,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
    }


def create_app(db: Path) -> FastAPI:
    """The dashboard for database `db` (FrontwatchError if it is missing or not a database)."""
    database = _Database(db)
    app = FastAPI(title="frontwatch", docs_url="/api/docs", redoc_url=None)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/api/meta")
    def meta() -> dict[str, Any]:
        snap = database.snapshot()
        days = sorted(
            d for e in snap.events for d in (e.claim.date, e.claim.date_end) if d is not None
        )
        return {
            "database": str(database.path),
            "articles": len(snap.articles),
            "events": len(snap.events),
            "first_date": days[0].isoformat() if days else None,
            "last_date": days[-1].isoformat() if days else None,
            "kinds": {k: sum(e.claim.kind == k for e in snap.events) for k in KINDS},
        }

    @app.get("/api/events")
    def events(
        since: str | None = Query(None, description="First day (YYYY-MM-DD)"),
        until: str | None = Query(None, description="Last day (YYYY-MM-DD)"),
        kind: str | None = Query(
            None, description="event | front_position | displacement | statement"
        ),
    ) -> dict[str, Any]:
        """A GeoJSON FeatureCollection (RFC 7946); unlocated events have a null geometry."""
        start, end = _day(since, "since"), _day(until, "until")
        if kind is not None and kind not in KINDS:
            raise HTTPException(status_code=400, detail=f"kind: expected one of {', '.join(KINDS)}")
        snap = database.snapshot()
        chosen = [
            e
            for e in snap.events
            if (kind is None or e.claim.kind == kind) and _in_window(e, start, end)
        ]
        items = events_json(chosen, snap.articles)
        features = [_feature(item, e) for item, e in zip(items, chosen, strict=True)]
        return {"type": "FeatureCollection", "features": features}

    @app.get("/api/control")
    def control(
        at: str | None = Query(None, description="Snapshot day (YYYY-MM-DD)"),
    ) -> dict[str, Any]:
        """Who holds each place at `at` (default: latest), as GeoJSON points."""
        when = _day(at, "at")
        snap = database.snapshot()
        return control_geojson(control_at(control_changes(list(snap.events)), when))

    @app.get("/api/articles")
    def articles() -> list[dict[str, Any]]:
        snap = database.snapshot()
        return [_article_meta(a) for a in sorted(snap.articles.values(), key=lambda a: a.origin)]

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        snap = database.snapshot()
        found = snap.articles.get(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return {**_article_meta(found), "text": found.text}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
