"""Territorial control: who holds each place, since when, from territory events.

Captures and regains hand a town to actor1's side; a withdrawal hands it to
the other side when one is named; a front position ("5 km from Homs") marks
the place as contested and still held by the opponent of the advancing side.
Only town-level places (geo_precision 1, or the base town of a front) count.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from frontwatch.actors import actor_table
from frontwatch.types import ControlChange, ControlState, Event, Place

__all__ = ["control_changes", "control_at", "history"]

_CAPTURE = {"Non-state actor overtakes territory", "Government regains territory"}


def _key(place: Place) -> str:
    return str(place.geonameid or place.name)


def control_changes(events: Sequence[Event]) -> list[ControlChange]:
    table = actor_table()
    changes: list[ControlChange] = []
    for ev in events:
        c = ev.claim
        sources = tuple(s.label for s in c.sources)
        when = c.date_end or c.date
        if c.kind == "event" and c.sub_event_type in _CAPTURE | {
            "Non-violent transfer of territory"
        }:
            if "withdrawal" in c.notes and c.sub_event_type == "Non-violent transfer of territory":
                taker = c.actor2
            else:
                taker = c.actor1
            for place in c.places:
                if place.geo_precision != 1 or place.feature != "city":
                    continue
                changes.append(
                    ControlChange(
                        place=place,
                        controller=table.side(taker) if taker else "unknown",
                        since=when,
                        event_ids=(ev.event_id,),
                        sources=sources,
                        confidence=c.confidence,
                    )
                )
        elif c.kind == "front_position":
            for place in c.places:
                if place.relation not in ("offset", "outskirts", "near") or place.feature != "city":
                    continue
                holder = c.actor2 or _state_side(place.country)
                changes.append(
                    ControlChange(
                        place=place,
                        controller=table.side(holder) if holder else "unknown",
                        since=None,
                        event_ids=(ev.event_id,),
                        sources=sources,
                        confidence=0.5,
                        contested=True,
                        note=_front_note(place, table.side(c.actor1) if c.actor1 else "", when),
                    )
                )
    changes.sort(key=lambda ch: (_key(ch.place), ch.since or date.min, ch.contested))
    return changes


def _state_side(country: str) -> str:
    forces = actor_table().state_forces(country)
    return forces.name if forces else ""


def _front_note(place: Place, side: str, when: date | None) -> str:
    where = (
        f"{place.offset_km:g} km away" if place.offset_km else f"at the {place.relation or 'edge'}"
    )
    return f"contested; {side or 'an opposing force'} front {where}" + (
        f" ({when.isoformat()})" if when else ""
    )


def history(changes: Sequence[ControlChange], place_key: str) -> list[ControlChange]:
    return [ch for ch in changes if _key(ch.place) == place_key]


def control_at(changes: Sequence[ControlChange], at: date | None = None) -> list[ControlState]:
    """The latest known controller of every place at `at` (default: all time)."""
    latest: dict[str, ControlChange] = {}
    fronts: dict[str, ControlChange] = {}
    for ch in changes:
        if at is not None and ch.since is not None and ch.since > at:
            continue
        key = _key(ch.place)
        if ch.contested:
            fronts[key] = ch
            continue
        prev = latest.get(key)
        if prev is None or (ch.since or date.min) >= (prev.since or date.min):
            latest[key] = ch
    states: list[ControlState] = []
    for key in sorted(set(latest) | set(fronts)):
        held = latest.get(key)
        front = fronts.get(key)
        if held is not None:
            states.append(
                ControlState(
                    held.place,
                    held.controller,
                    held.since,
                    held.sources,
                    contested=front is not None and front.controller != held.controller,
                    note=front.note
                    if front is not None and front.controller != held.controller
                    else "",
                )
            )
        elif front is not None:
            states.append(
                ControlState(
                    front.place,
                    front.controller,
                    None,
                    front.sources,
                    contested=True,
                    note=front.note,
                )
            )
    return states
