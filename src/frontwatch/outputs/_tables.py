"""Terminal tables (rich) for events and control states."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.table import Table

from frontwatch.types import Article, ControlState, Event

from ._acled import event_sources, first_place

__all__ = ["render_events_table", "render_control_table"]


def render_events_table(
    events: Iterable[Event],
    console: Console,
    articles: Mapping[str, Article] | None = None,
) -> None:
    """Columns: id, date, kind, sub-type, actor1, actor2, location, precision,
    fatalities, sources (precision is "geo/time", sources "count: labels")."""
    table = Table(show_lines=False)
    for name in (
        "id",
        "date",
        "kind",
        "sub-type",
        "actor1",
        "actor2",
        "location",
        "precision",
        "fatalities",
        "sources",
    ):
        table.add_column(name, justify="right" if name == "fatalities" else "left")
    n = 0
    for event in events:
        c = event.claim
        place = first_place(c)
        location = ""
        geo = ""
        if place is not None:
            location = f"{place.name}, {place.admin1}" if place.admin1 else place.name
            geo = str(place.geo_precision)
        date = c.date.isoformat() if c.date else ""
        if c.date_end and c.date_end != c.date:
            date += f"..{c.date_end.isoformat()}"
        labels = "; ".join(s.label for s in event_sources(event, articles))
        table.add_row(
            event.event_id,
            date,
            c.kind,
            c.sub_event_type or c.event_type,
            c.actor1,
            c.actor2,
            location,
            f"{geo or '-'}/{c.time_precision}",
            str(c.fatalities),
            f"{event.source_count}: {labels}" if labels else str(event.source_count),
        )
        n += 1
    table.caption = f"{n} event{'s' if n != 1 else ''}"
    console.print(table)


def render_control_table(states: Iterable[ControlState], console: Console) -> None:
    """Columns: place, admin1, country, controller, since, contested, sources."""
    table = Table()
    for name in ("place", "admin1", "country", "controller", "since", "contested", "sources"):
        table.add_column(name)
    n = 0
    for s in states:
        table.add_row(
            s.place.name,
            s.place.admin1,
            s.place.country_name or s.place.country,
            s.controller,
            s.since.isoformat() if s.since else "",
            "yes" if s.contested else "",
            "; ".join(s.sources),
        )
        n += 1
    table.caption = f"{n} place{'s' if n != 1 else ''}"
    console.print(table)
