"""Territorial control: who holds each place, from when to when, from territory events.

Captures and regains ("took", "entered", "fell to", "overran") hand a town to
the taker's side; a withdrawal hands it to the side named as taking over, or
leaves it "unknown" when none is named; a front position ("5 km from Homs")
or a recent armed clash at a town marks it contested. Only town-level places
(geo_precision 1, or the base town of a front) count.

Every change keeps the events and sources behind it and a confidence that
grows with independent sources and drops when the sources contradict each
other (a denial, two claimed controllers). The camp of a side (government,
opposition, other) comes from the actor table's inter codes, so a map can
colour territory.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from frontwatch.actors import actor_table
from frontwatch.types import ControlChange, ControlState, Event, Place

__all__ = [
    "Period",
    "camp_of",
    "control_at",
    "control_changes",
    "history",
    "place_key",
    "timeline",
    "UNKNOWN",
]

UNKNOWN = "unknown"
CONTESTED_DAYS = 14  # an armed clash marks a town contested for this many days
_CAPTURE = {"Non-state actor overtakes territory", "Government regains territory"}
_TRANSFER = "Non-violent transfer of territory"
_CLASH = "Armed clash"


def place_key(place: Place) -> str:
    return str(place.geonameid or place.name)


_key = place_key  # older name


@dataclass(frozen=True)
class Period:
    """One stretch of control: `controller` from `start` until `end` (None = still)."""

    place: Place
    controller: str
    start: date | None
    end: date | None
    change: ControlChange


def _confidence(ev: Event) -> float:
    base = min(0.95, 0.45 + 0.15 * max(1, ev.source_count))
    disputed = ev.claim.denied_by or any(
        c.startswith("controllers differ") for c in ev.contradictions
    )
    return round(base * (0.6 if disputed else 1.0), 2)


def _taker(ev: Event) -> str:
    c = ev.claim
    if c.sub_event_type == _TRANSFER and "withdrawal" in c.notes:
        return c.actor2
    return c.actor1


def _territory_change(ev: Event, place: Place) -> ControlChange:
    c = ev.claim
    taker = _taker(ev)
    notes = [x for x in ev.contradictions if x.startswith(("controllers differ", "denied by"))]
    disputed = bool(notes)
    return ControlChange(
        place=place,
        controller=actor_table().side(taker) if taker else UNKNOWN,
        since=c.date_end or c.date,
        event_ids=(ev.event_id,),
        sources=tuple(s.label for s in c.sources),
        confidence=_confidence(ev),
        contested=False,
        note="; ".join(notes) + ("" if not disputed else " (contested)"),
    )


def control_changes(events: Sequence[Event]) -> list[ControlChange]:
    table = actor_table()
    changes: list[ControlChange] = []
    for ev in events:
        c = ev.claim
        sources = tuple(s.label for s in c.sources)
        when = c.date_end or c.date
        if c.kind == "event" and c.sub_event_type in _CAPTURE | {_TRANSFER}:
            for place in c.places:
                if place.geo_precision == 1 and place.feature == "city":
                    changes.append(_territory_change(ev, place))
        elif c.kind == "front_position":
            for place in c.places:
                if place.relation not in ("offset", "outskirts", "near") or place.feature != "city":
                    continue
                holder = c.actor2 or _state_side(place.country)
                changes.append(
                    ControlChange(
                        place=place,
                        controller=table.side(holder) if holder else UNKNOWN,
                        since=None,
                        event_ids=(ev.event_id,),
                        sources=sources,
                        confidence=0.5,
                        contested=True,
                        note=_front_note(place, table.side(c.actor1) if c.actor1 else "", when),
                    )
                )
        elif c.kind == "event" and c.sub_event_type == _CLASH and when is not None:
            for place in c.places:
                if place.feature == "city" and place.geo_precision <= 2:
                    changes.append(_clash_marker(ev, place, when, sources))
    changes.sort(key=lambda ch: (_key(ch.place), ch.since or date.min, ch.contested))
    return changes


def _clash_marker(ev: Event, place: Place, when: date, sources: tuple[str, ...]) -> ControlChange:
    """A recent clash: marks the town contested for CONTESTED_DAYS, holds no controller."""
    return ControlChange(
        place=place,
        controller="",
        since=when,
        event_ids=(ev.event_id,),
        sources=sources,
        confidence=0.5,
        contested=True,
        note=f"contested; armed clash on {when.isoformat()}",
    )


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


def timeline(changes: Sequence[ControlChange]) -> dict[str, list[Period]]:
    """Per place (key), the periods of control in date order; fronts and clashes
    are not periods (they only mark a period contested)."""
    by_place: dict[str, list[ControlChange]] = {}
    for ch in changes:
        if not ch.contested:
            by_place.setdefault(_key(ch.place), []).append(ch)
    out: dict[str, list[Period]] = {}
    for key, items in sorted(by_place.items()):
        items = sorted(items, key=lambda ch: (ch.since or date.min, -ch.confidence, ch.controller))
        periods: list[Period] = []
        for ch in items:
            if periods and periods[-1].controller == ch.controller:
                continue  # the same holder confirmed again
            if periods:
                last = periods[-1]
                periods[-1] = Period(last.place, last.controller, last.start, ch.since, last.change)
            periods.append(Period(ch.place, ch.controller, ch.since, None, ch))
        out[key] = periods
    return out


def _contested_at(markers: Sequence[ControlChange], at: date | None) -> ControlChange | None:
    """The latest front or clash marking a place contested at `at`."""
    best: ControlChange | None = None
    for m in markers:
        if m.since is not None:
            if at is not None and m.since > at:
                continue
            horizon = at or m.since
            if (horizon - m.since) > timedelta(days=CONTESTED_DAYS) and m.controller == "":
                continue
        if best is None or (m.since or date.min) >= (best.since or date.min):
            best = m
    return best


def control_at(changes: Sequence[ControlChange], at: date | None = None) -> list[ControlState]:
    """The latest known controller of every place at `at` (default: all time).

    A place whose only news is a front gets the front's holder (contested); a
    withdrawal with no named taker leaves "unknown", never a guess.
    """
    latest: dict[str, ControlChange] = {}
    markers: dict[str, list[ControlChange]] = {}
    for ch in changes:
        if at is not None and ch.since is not None and ch.since > at:
            continue
        key = _key(ch.place)
        if ch.contested:
            markers.setdefault(key, []).append(ch)
            continue
        prev = latest.get(key)
        if prev is None or (ch.since or date.min, ch.confidence) >= (
            prev.since or date.min,
            prev.confidence,
        ):
            latest[key] = ch
    states: list[ControlState] = []
    for key in sorted(set(latest) | set(markers)):
        held = latest.get(key)
        mark = _contested_at(markers.get(key, []), at)
        if held is not None:
            disputed = held.note.endswith("(contested)")
            contested = disputed or (mark is not None and mark.controller != held.controller)
            note = held.note if disputed else (mark.note if mark is not None and contested else "")
            states.append(
                ControlState(held.place, held.controller, held.since, held.sources, contested, note)
            )
        elif mark is not None and mark.controller:
            states.append(
                ControlState(mark.place, mark.controller, None, mark.sources, True, mark.note)
            )
    return states


@lru_cache(maxsize=4096)
def camp_of(side: str, country: str = "") -> str:
    """ "government", "foreign", "opposition" or "other" for a side, from the actor table:
    a side whose actors are the state forces (inter 1, or home_inter 1) of the
    place's country is the government; the state forces of another country are
    foreign (Ukraine's army in Kursk, Russia's in Donetsk); rebel, political and
    identity militias (inter 2-4) are the opposition; the rest is "other"."""
    if not side or side == UNKNOWN:
        return UNKNOWN
    infos = [a for a in actor_table().actors.values() if a.side == side]
    if not infos:
        return "other"
    for a in infos:
        home = a.inter == 1 or a.home_inter == 1
        if home and (not country or a.country == country):
            return "government"
    if country and any(a.inter == 1 or a.home_inter == 1 for a in infos):
        return "foreign"
    if any(a.inter in (2, 3, 4) for a in infos):
        return "opposition"
    return "other"
