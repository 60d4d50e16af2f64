"""Claims from many articles → events: one event per happening, every source kept.

Claims are clustered by (family, place, date window, compatible actors). The
result depends only on the claims, never on the order they were ingested:
claims are sorted by their content before clustering and event ids are hashes
of the cluster's members.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from frontwatch.actors import actor_table
from frontwatch.geo import haversine_km
from frontwatch.types import Article, Claim, Event, FatalitiesBasis, Place, SourceRef

__all__ = ["fuse", "claim_family"]

_TERRITORY = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}
_RADIUS_KM = {1: 5.0, 2: 15.0, 3: 60.0}
_ISO3 = {
    "SY": "SYR",
    "UA": "UKR",
    "RU": "RUS",
    "SD": "SDN",
    "IL": "ISR",
    "PS": "PSE",
    "LB": "LBN",
    "MM": "MMR",
    "CD": "COD",
    "ML": "MLI",
    "BF": "BFA",
    "NE": "NER",
    "YE": "YEM",
}


def claim_family(c: Claim) -> str:
    if c.kind != "event":
        return c.kind
    if c.sub_event_type in _TERRITORY:
        return "territory"
    return c.event_type + "/" + c.sub_event_type


def _sort_key(c: Claim) -> tuple[str, ...]:
    first = c.places[0] if c.places else None
    return (
        claim_family(c),
        c.date.isoformat() if c.date else "",
        str(first.geonameid or first.name) if first else "",
        c.article_id,
        f"{c.sentence_index:06d}",
        c.statement,
    )


def _window(c: Claim) -> tuple[date, date] | None:
    if c.date is None:
        return None
    return c.date, c.date_end or c.date


def _dates_compatible(a: Claim, b: Claim) -> bool:
    wa, wb = _window(a), _window(b)
    if wa is None or wb is None:
        return True
    slack = timedelta(days=1)
    return wa[0] - slack <= wb[1] and wb[0] - slack <= wa[1]


def _place_close(a: Place, b: Place) -> bool:
    if a.geonameid and a.geonameid == b.geonameid:
        return True
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return a.name == b.name
    radius = max(_RADIUS_KM.get(a.geo_precision, 15.0), _RADIUS_KM.get(b.geo_precision, 15.0))
    if a.feature != b.feature and "city" in (a.feature, b.feature):
        return False
    return haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= radius


def _places_compatible(a: Claim, b: Claim) -> bool:
    if not a.places or not b.places:
        return not a.places and not b.places
    return any(_place_close(p, q) for p in a.places for q in b.places)


def _actors_compatible(a: Claim, b: Claim) -> bool:
    if not a.actor1 or not b.actor1:
        return True
    table = actor_table()
    return table.side(a.actor1) == table.side(b.actor1)


def _same(a: Claim, b: Claim) -> bool:
    if claim_family(a) != claim_family(b):
        return False
    if a.kind == "statement":
        return a.article_id == b.article_id and a.statement == b.statement
    return _dates_compatible(a, b) and _places_compatible(a, b) and _actors_compatible(a, b)


def fuse(claims: Sequence[Claim], articles: Mapping[str, Article]) -> list[Event]:
    """Events from claims; deterministic and independent of input order."""
    clusters: list[list[Claim]] = []
    for claim in sorted(claims, key=_sort_key):
        for cluster in clusters:
            if _same(cluster[0], claim):
                cluster.append(claim)
                break
        else:
            clusters.append([claim])
    events = [_event(cluster, articles) for cluster in clusters]
    events.sort(key=lambda e: (e.claim.date or date.min, e.event_id))
    return events


def _independent_sources(cluster: Sequence[Claim], articles: Mapping[str, Article]) -> list[str]:
    names: list[str] = []
    for c in cluster:
        for s in c.sources:
            name = s.name
            if name == "publisher":
                art = articles.get(c.article_id)
                name = "publisher:" + ((art.publisher or art.origin) if art else c.article_id)
            if name not in names:
                names.append(name)
    return names


def _event(cluster: list[Claim], articles: Mapping[str, Article]) -> Event:
    best = max(cluster, key=lambda c: (c.confidence, c.date_end is None, -len(c.sources)))
    sources: list[SourceRef] = []
    for c in cluster:
        for s in c.sources:
            if s not in sources:
                sources.append(s)
    contradictions: list[str] = []
    figures = sorted({c.fatalities for c in cluster if c.fatalities_basis != "none"})
    if len(figures) > 1:
        contradictions.append(f"fatalities differ: {', '.join(map(str, figures))} (lowest kept)")
    subtypes = sorted({c.sub_event_type for c in cluster if c.sub_event_type})
    if len(subtypes) > 1:
        contradictions.append("sub-event types differ: " + ", ".join(subtypes))
    denied = tuple(dict.fromkeys(d for c in cluster for d in c.denied_by))
    if denied:
        contradictions.append("denied by " + ", ".join(denied))
    fat = figures[0] if figures else 0
    basis: FatalitiesBasis = next(
        (
            c.fatalities_basis
            for c in cluster
            if c.fatalities_basis != "none" and c.fatalities == fat
        ),
        "none",
    )
    merged = replace(
        best,
        sources=tuple(sources),
        fatalities=fat,
        fatalities_basis=basis,
        denied_by=denied,
        evidence=tuple(e for c in cluster for e in c.evidence),
        actor2=best.actor2 or next((c.actor2 for c in cluster if c.actor2), ""),
    )
    members = sorted(f"{c.article_id}:{c.sentence_index}:{c.rule}:{c.statement}" for c in cluster)
    digest = hashlib.sha1("|".join(members).encode()).hexdigest()[:8].upper()
    country = next((p.country for p in best.places if p.country), "")
    origins = tuple(
        sorted({articles[c.article_id].origin for c in cluster if c.article_id in articles})
    )
    reasons = tuple(
        f"{c.article_id}#{c.sentence_index}: same {claim_family(c)}, place and date window"
        for c in cluster[1:]
    )
    return Event(
        event_id=f"{_ISO3.get(country, 'XXX')}{digest}",
        claim=merged,
        claims=tuple(cluster),
        origins=origins,
        source_count=len(_independent_sources(cluster, articles)),
        contradictions=tuple(contradictions),
        merge_reasons=reasons,
    )
