"""Plain-dict (JSON-ready) codecs for the typed values.

Dates become ISO strings, tuples become lists; the ``*_from_dict`` functions
restore the exact value (``x_from_dict(x_to_dict(v)) == v``). Keys a reader
does not know are ignored and missing keys take the dataclass default, so a
row written by an older or newer version still loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from typing import Any

from frontwatch.types import Article, Claim, Event, Place, SourceRef, Span

__all__ = [
    "article_to_dict",
    "article_from_dict",
    "claim_to_dict",
    "claim_from_dict",
    "event_to_dict",
    "event_from_dict",
    "place_to_dict",
    "place_from_dict",
    "source_to_dict",
    "source_from_dict",
    "span_to_dict",
    "span_from_dict",
]


def _date_out(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date_in(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _known(cls: type, d: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}


# --- leaves ---------------------------------------------------------------


def span_to_dict(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def span_from_dict(d: Mapping[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d.get("text", "")))


def place_to_dict(p: Place) -> dict[str, Any]:
    return {f.name: getattr(p, f.name) for f in fields(Place)}


def place_from_dict(d: Mapping[str, Any]) -> Place:
    return Place(**_known(Place, d))


def source_to_dict(s: SourceRef) -> dict[str, Any]:
    return {"name": s.name, "stance": s.stance, "country": s.country, "via": list(s.via)}


def source_from_dict(d: Mapping[str, Any]) -> SourceRef:
    kw = _known(SourceRef, d)
    kw["via"] = tuple(kw.get("via", ()))
    return SourceRef(**kw)


# --- Article --------------------------------------------------------------


def article_to_dict(a: Article) -> dict[str, Any]:
    out = {f.name: getattr(a, f.name) for f in fields(Article)}
    out["published"] = _date_out(a.published)
    return out


def article_from_dict(d: Mapping[str, Any]) -> Article:
    kw = _known(Article, d)
    kw["published"] = _date_in(kw.get("published"))
    return Article(**kw)


# --- Claim ----------------------------------------------------------------

_CLAIM_DATES = ("date", "date_end")


def claim_to_dict(c: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(Claim):
        out[f.name] = getattr(c, f.name)
    for name in _CLAIM_DATES:
        out[name] = _date_out(getattr(c, name))
    out["places"] = [place_to_dict(p) for p in c.places]
    out["destinations"] = [place_to_dict(p) for p in c.destinations]
    out["sources"] = [source_to_dict(s) for s in c.sources]
    out["evidence"] = [span_to_dict(s) for s in c.evidence]
    out["numbers"] = [[str(k), str(v)] for k, v in c.numbers]
    out["denied_by"] = list(c.denied_by)
    out["alt_sub_event_types"] = list(c.alt_sub_event_types)
    return out


def claim_from_dict(d: Mapping[str, Any]) -> Claim:
    kw = _known(Claim, d)
    for name in _CLAIM_DATES:
        kw[name] = _date_in(kw.get(name))
    kw["places"] = tuple(place_from_dict(p) for p in kw.get("places", ()))
    kw["destinations"] = tuple(place_from_dict(p) for p in kw.get("destinations", ()))
    kw["sources"] = tuple(source_from_dict(s) for s in kw.get("sources", ()))
    kw["evidence"] = tuple(span_from_dict(s) for s in kw.get("evidence", ()))
    kw["numbers"] = tuple((str(k), str(v)) for k, v in kw.get("numbers", ()))
    kw["denied_by"] = tuple(kw.get("denied_by", ()))
    kw["alt_sub_event_types"] = tuple(kw.get("alt_sub_event_types", ()))
    return Claim(**kw)


# --- Event ----------------------------------------------------------------


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        "claim": claim_to_dict(e.claim),
        "claims": [claim_to_dict(c) for c in e.claims],
        "origins": list(e.origins),
        "source_count": e.source_count,
        "contradictions": list(e.contradictions),
        "merge_reasons": list(e.merge_reasons),
    }


def event_from_dict(d: Mapping[str, Any]) -> Event:
    return Event(
        event_id=str(d["event_id"]),
        claim=claim_from_dict(d["claim"]),
        claims=tuple(claim_from_dict(c) for c in d.get("claims", ())),
        origins=tuple(d.get("origins", ())),
        source_count=int(d.get("source_count", 0)),
        contradictions=tuple(d.get("contradictions", ())),
        merge_reasons=tuple(d.get("merge_reasons", ())),
    )
