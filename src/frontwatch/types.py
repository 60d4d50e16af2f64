"""Typed values that flow between frontwatch's stages.

ingest → Article; nlp/extract → Claim (with Place, SourceRef, Span);
fuse → Event; control → ControlChange. All frozen: a stage returns new
values rather than mutating what it was given.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import Literal

ClaimKind = Literal["event", "statement", "front_position", "displacement"]
FatalitiesBasis = Literal["reported", "vague", "none"]
FeatureKind = Literal["city", "admin1", "admin2", "country", "region"]

__all__ = [
    "Article",
    "Span",
    "Place",
    "SourceRef",
    "Claim",
    "Event",
    "ControlChange",
    "ControlState",
    "replace",
]


@dataclass(frozen=True)
class Article:
    """One report as read from a file, a feed item or a JSONL line."""

    id: str  # sha1 of the normalised text (first 16 hex digits)
    origin: str  # path given to ingest, with "#ITEM" for items inside a .jsonl or feed
    title: str
    text: str  # cleaned body text; evidence spans index into this
    published: _dt.date | None = None
    published_basis: str = "unknown"  # metadata | front-matter | dateline | cli | unknown
    url: str = ""
    publisher: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into Article.text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Place:
    """A resolved (or unresolved) location."""

    name: str  # GeoNames-style name, e.g. "Ar Rastan", "Hama Governorate"
    spelled: str  # as written in the report
    country: str = ""  # ISO 3166 alpha-2
    country_name: str = ""
    admin1: str = ""  # admin1 name, e.g. "Homs"
    admin2: str = ""
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: FeatureKind = "city"
    geo_precision: int = 1
    offset_km: float | None = None
    bearing: str = ""  # "N", "SE", ... for "5 km north of X"
    method: str = ""  # exact | normalised | fuzzy | admin | country | unresolved
    score: float = 1.0
    relation: str = ""  # "" | near | outskirts | countryside | offset


@dataclass(frozen=True)
class SourceRef:
    """Who a claim is attributed to. `via` is the chain: Reuters citing military sources."""

    name: str  # "SANA", "publisher", "military sources"
    stance: str = "unknown"  # state media | opposition | monitor | wire | independent | unknown
    country: str = ""
    via: tuple[str, ...] = ()  # names of who the source itself cites

    @property
    def label(self) -> str:
        if not self.via:
            return self.name
        return f"{self.name}, citing {' citing '.join(self.via)}"


@dataclass(frozen=True)
class Claim:
    """One assertion read from one article."""

    article_id: str
    kind: ClaimKind
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor1: str = ""
    actor2: str = ""
    assoc_actor2: str = ""
    places: tuple[Place, ...] = ()
    date: _dt.date | None = None
    date_end: _dt.date | None = None
    time_precision: int = 1  # ACLED: 1 day, 2 week, 3 month
    date_basis: str = ""  # how the date was found ("explicit", "after: capture of Hama", ...)
    fatalities: int = 0
    fatalities_basis: FatalitiesBasis = "none"
    fatalities_notes: str = ""
    numbers: tuple[tuple[str, str], ...] = ()  # (what, how many): ("settlements", "56")
    sources: tuple[SourceRef, ...] = ()
    denied_by: tuple[str, ...] = ()
    modality: str = "reported"  # reported | claimed | intended | promised | quoted | threatened
    statement: str = ""  # what was said, for statements
    destinations: tuple[Place, ...] = ()  # displacement
    confidence: float = 0.7
    evidence: tuple[Span, ...] = ()
    trigger: str = ""
    rule: str = ""
    notes: str = ""
    sentence_index: int = 0
    alt_sub_event_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """Claims about one happening, fused across reports."""

    event_id: str
    claim: Claim  # the merged view (agreed fields)
    claims: tuple[Claim, ...]
    origins: tuple[str, ...]  # report paths, see Article.origin
    source_count: int
    contradictions: tuple[str, ...] = ()
    merge_reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ControlChange:
    """A change of who holds a place, read from one or more events."""

    place: Place
    controller: str  # side name, e.g. "Syrian opposition (HTS-led)"
    since: _dt.date | None
    event_ids: tuple[str, ...]
    sources: tuple[str, ...]
    confidence: float
    contested: bool = False
    note: str = ""


@dataclass(frozen=True)
class ControlState:
    """Who holds a place at a date (a snapshot row)."""

    place: Place
    controller: str
    since: _dt.date | None
    sources: tuple[str, ...]
    contested: bool = False
    note: str = ""
