"""Scoring the Mordecai test cases (../shared/benchmarks/mordecai-tests).

``geoparse`` records: each expected toponym must be found (a mention covering
it) and every field the upstream test asserts must agree (GeoNames id, ISO3
country, feature code, admin1 name, name, coordinates, offsets); a record with
no expected toponyms passes only when nothing is found.  ``gazetteer_lookup``
records: the structured look-up must return the expected id, or nothing when
the expected id is null.  ``event_location`` records need the events pipeline
and are not scored here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from frontwatch.geo.gazetteer import Gazetteer, haversine_km
from frontwatch.geo.lexicon import iso2_of, iso3_of
from frontwatch.geo.normalise import fold_name

if TYPE_CHECKING:  # pragma: no cover
    from frontwatch.geo.geoparse import Geoparser, Toponym

__all__ = ["iso2_of", "iso3_of", "lookup", "score_mordecai"]


def lookup(
    gaz: Gazetteer, name: str, country3: str | None, admin1: str | None, *, areas_only: bool
) -> int | None:
    """Structured look-up: the best exact/normalised entry in the country and admin1."""
    cc = iso2_of(country3) if country3 else ""
    cands = gaz.candidates(name, countries=[cc] if cc else [], fuzzy=False, limit=0)
    if cc:
        cands = [c for c in cands if c.country == cc]
    if areas_only:
        cands = [c for c in cands if c.feature in ("country", "admin1")]
    if admin1:
        a = fold_name(admin1)
        cands = [
            c for c in cands if fold_name(c.admin1) == a or gaz.admin1_code(c) == admin1.upper()
        ]
    return cands[0].geonameid if cands else None


def _covering(tops: list[Toponym], text: str, mention: str, nth: int) -> Toponym | None:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(mention, pos + 1)
        if pos < 0:
            return None
    end = pos + len(mention)
    for t in tops:
        if t.start < end and pos < t.end:
            return t
    return None


def _field_ok(gaz: Gazetteer, t: Toponym, key: str, want: Any) -> bool:
    p = t.place
    if key == "geonameid":
        return str(p.geonameid) == str(want)
    if key == "country_code3":
        return iso3_of(p.country) == want
    if key == "feature_code":
        return t.feature_code == want
    if key == "admin1_name":
        return fold_name(p.admin1) == fold_name(want) or fold_name(want) in fold_name(p.admin1)
    if key == "name":
        return fold_name(want) in fold_name(p.name)
    if key == "start":
        return t.start == want
    if key == "end":
        return t.end == want
    return True


_FIELDS = ("geonameid", "country_code3", "feature_code", "admin1_name", "name", "start", "end")


def score_mordecai(parser: Geoparser, records: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "geoparse": 0,
        "geoparse_pass": 0,
        "fields": 0,
        "fields_pass": 0,
        "lookup": 0,
        "lookup_pass": 0,
        "failures": [],
    }
    for r in records:
        if r["kind"] == "geoparse":
            ok = _score_geoparse(parser, r, out)
            out["geoparse"] += 1
            out["geoparse_pass"] += int(ok)
        elif r["kind"] == "gazetteer_lookup":
            q = r["query"]
            got = lookup(
                parser.gaz,
                q["name"],
                q.get("country_code3"),
                q.get("admin1"),
                areas_only="admin1" not in q,
            )
            want = r.get("expected_geonameid")
            ok = (got is None) if want is None else str(got) == str(want)
            if want is None and r.get("expected"):  # fields asserted instead of an id
                ok = got is not None
            out["lookup"] += 1
            out["lookup_pass"] += int(ok)
            if not ok:
                out["failures"].append(f"{r['id']}: lookup {q} -> {got}, want {want}")
    return out


def _score_geoparse(parser: Geoparser, r: dict[str, Any], out: dict[str, Any]) -> bool:
    text = r["text"]
    tops = parser.parse(text)
    want = r["expected_toponyms"]
    if not want:
        if tops:
            out["failures"].append(f"{r['id']}: expected no place, got {[t.text for t in tops]}")
        return not tops
    ok = True
    seen: dict[str, int] = {}
    for w in want:
        nth = seen.get(w["mention"], 0)
        seen[w["mention"]] = nth + 1
        t = _covering(tops, text, w["mention"], nth)
        if t is None:
            out["failures"].append(f"{r['id']}: {w['mention']!r} not found")
            ok = False
            continue
        for key in _FIELDS:
            if key not in w:
                continue
            out["fields"] += 1
            good = _field_ok(parser.gaz, t, key, w[key])
            out["fields_pass"] += int(good)
            if not good:
                ok = False
                got = t.as_dict()
                out["failures"].append(
                    f"{r['id']}: {w['mention']!r} {key} want {w[key]} got "
                    f"{got['name']} {got['geonameid']} {got['country_code']} "
                    f"{got['admin1']} {got['feature_code']}"
                )
        if "lat" in w and t.place.lat is not None and t.place.lon is not None:
            out["fields"] += 1
            good = haversine_km((t.place.lat, t.place.lon), (w["lat"], w["lon"])) <= 5.0
            out["fields_pass"] += int(good)
            ok = ok and good
    return ok
