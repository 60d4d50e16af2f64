"""`frontwatch eval`: score a reading against a gold file (schema of shared/seed/*.gold.yaml).

Gold events are matched to predicted events by kind, place and date window;
then each field is scored on the matched pairs. Statements are matched by who
said it and what was said; control entries by place, controller and date.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from frontwatch.actors import actor_table
from frontwatch.errors import GoldFileError
from frontwatch.geo import Gazetteer, haversine_km, normalise_name
from frontwatch.pipeline import control_snapshot, ingest
from frontwatch.store import Store
from frontwatch.types import Claim, ControlState, Event, Place

__all__ = ["EvalResult", "evaluate_gold"]

FIELDS = (
    "sub_event_type",
    "actor1",
    "actor2",
    "place",
    "geo_precision",
    "date",
    "time_precision",
    "fatalities",
    "sources",
)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    events: Score = field(default_factory=Score)
    statements: Score = field(default_factory=Score)
    control: Score = field(default_factory=Score)
    fields: dict[str, list[bool]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_events: list[str] = field(default_factory=list)
    statements_as_events: int = 0

    def field_accuracy(self, name: str) -> float:
        vals = self.fields.get(name, [])
        return sum(vals) / len(vals) if vals else 1.0


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldFileError(f"{path}: cannot read gold file ({exc.__class__.__name__})") from exc
    if not isinstance(gold, dict) or not ("article" in gold or "articles" in gold):
        raise GoldFileError(f"{path}: not a gold file (no 'article' or 'articles' key)")
    return gold


def _gold_articles(gold: dict[str, Any], base: Path) -> list[tuple[Path, date | None]]:
    items = gold.get("articles") or [gold["article"]]
    out = []
    for item in items:
        pub = item.get("published")
        if isinstance(pub, str):
            pub = date.fromisoformat(pub)
        out.append((base / item["file"], pub))
    return out


def evaluate_gold(gold_path: Path, published: date | None = None) -> EvalResult:
    gold = _load_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        try:
            for path, pub in _gold_articles(gold, gold_path.parent):
                if not path.exists():
                    raise GoldFileError(f"{gold_path}: report {path} not found")
                report = ingest([path], store, published=published or pub)
                if report.errors:
                    raise GoldFileError("; ".join(report.errors))
            events = store.events()
        finally:
            store.close()
    return score(gold, events)


def score(gold: dict[str, Any], events: Sequence[Event]) -> EvalResult:
    gaz = Gazetteer.load()
    result = EvalResult(fields={f: [] for f in FIELDS})
    predicted = [e for e in events if e.claim.kind != "statement"]
    statements = [e for e in events if e.claim.kind == "statement"]
    used: set[str] = set()
    for g in gold.get("events") or []:
        best = _match_event(g, predicted, used, gaz)
        if best is None:
            result.events.fn += 1
            result.misses.append(f"event {g.get('id')}: not found")
            continue
        used.add(best.event_id)
        result.events.tp += 1
        _score_fields(g, best.claim, result, gaz)
    for e in predicted:
        if e.event_id not in used:
            result.events.fp += 1
            c = e.claim
            result.false_events.append(
                f"{c.kind} {c.sub_event_type} at {', '.join(p.name for p in c.places)} {c.date}"
            )
    _score_statements(gold.get("statements") or [], statements, predicted, result)
    _score_control(gold.get("control") or [], control_snapshot(events), result, gaz)
    return result


def _gold_kind(g: dict[str, Any]) -> str:
    ext = g.get("extension", "")
    return ext if ext in ("front_position", "displacement") else "event"


def _place_matches(g: dict[str, Any], p: Place, gaz: Gazetteer) -> bool:
    gname = str(g.get("name", ""))
    admin_level = bool(re.search(r"\b(governorate|province|oblast|region|state)\b", gname, re.I))
    if admin_level:
        return p.feature == "admin1" and normalise_name(p.admin1) == normalise_name(
            str(g.get("admin1", ""))
        )
    if int(g.get("geo_precision", 1)) == 3 and "admin1" not in g:
        return p.feature == "country" and (
            normalise_name(p.name) == normalise_name(gname)
            or normalise_name(p.country_name) == normalise_name(gname)
        )
    if normalise_name(p.name) == normalise_name(gname) or normalise_name(
        p.spelled
    ) == normalise_name(gname):
        return True
    if (
        "lat" in g
        and "lon" in g
        and p.lat is not None
        and p.lon is not None
        and p.feature == "city"
    ):
        return haversine_km((float(g["lat"]), float(g["lon"])), (p.lat, p.lon)) <= 10.0
    resolved = gaz.resolve(gname)
    return bool(resolved and resolved.geonameid and resolved.geonameid == p.geonameid)


def _date_ok(g: dict[str, Any], c: Claim, slack: int) -> bool:
    if c.date is None or "date" not in g:
        return "date" not in g
    start = _as_date(g["date"])
    end = _as_date(g.get("date_end") or g["date"])
    return start - timedelta(days=slack) <= c.date <= end + timedelta(days=slack)


def _as_date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def _match_event(
    g: dict[str, Any], events: Sequence[Event], used: set[str], gaz: Gazetteer
) -> Event | None:
    kind = _gold_kind(g)
    gplaces = g.get("places") or []
    best: tuple[int, Event] | None = None
    for e in events:
        c = e.claim
        if e.event_id in used or c.kind != kind:
            continue
        if not any(_place_matches(gp, p, gaz) for gp in gplaces for p in c.places):
            continue
        if not _date_ok(g, c, 1):
            continue
        score = 2 * (c.sub_event_type in _subtypes(g)) + _actor_ok(
            str(g.get("actor1", "")), c.actor1
        )
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def _subtypes(g: dict[str, Any]) -> set[str]:
    return {str(g.get("sub_event_type", ""))} | set(g.get("alt_sub_event_types") or [])


def _actor_ok(gold: str, pred: str) -> bool:
    if not gold:
        return not pred
    if not pred:
        return False
    if gold.lower() == pred.lower():
        return True
    table = actor_table()
    if table.side(gold) == table.side(pred):
        return True
    head = gold.lower().split()[0]
    return head in pred.lower().split() or fuzz.token_set_ratio(gold, pred) >= 85


def _source_ok(gold: str, pred_labels: Sequence[str]) -> bool:
    """A gold source matches a predicted one by name; "citing X" (a YAML flow list splits
    "SANA, citing X" in two) matches the cited part of a predicted chain."""
    if gold.strip().lower().startswith("citing "):
        cited = gold.strip()[len("citing ") :].lower()
        cited = re.sub(r"^(?:an?|the)\s+", "", cited)
        vias = [v.strip().lower() for label in pred_labels for v in label.split(", citing")[1:]]
        return any(v == cited or fuzz.token_set_ratio(cited, v) >= 85 for v in vias)
    head = gold.split(", citing")[0].strip().lower()
    if head == "publisher":
        return any(p.lower().startswith("publisher") for p in pred_labels)
    for label in pred_labels:
        phead = label.split(", citing")[0].strip().lower()
        if phead == head or fuzz.token_set_ratio(head, phead) >= 85:
            return True
    return False


def _score_fields(g: dict[str, Any], c: Claim, result: EvalResult, gaz: Gazetteer) -> None:
    f = result.fields
    if _gold_kind(g) != "displacement":
        f["sub_event_type"].append(c.sub_event_type in _subtypes(g))
    f["actor1"].append(_actor_ok(str(g.get("actor1", "")), c.actor1))
    if g.get("actor2") or c.actor2:
        f["actor2"].append(_actor_ok(str(g.get("actor2", "")), c.actor2))
    gplaces = g.get("places") or []
    f["place"].append(all(any(_place_matches(gp, p, gaz) for p in c.places) for gp in gplaces))
    for gp in gplaces:
        match = next((p for p in c.places if _place_matches(gp, p, gaz)), None)
        f["geo_precision"].append(
            match is not None and match.geo_precision == int(gp.get("geo_precision", 1))
        )
        if match is not None and gp.get("offset_km") is not None:
            f["geo_precision"][-1] = f["geo_precision"][-1] and match.offset_km == float(
                gp["offset_km"]
            )
    f["date"].append(_date_ok(g, c, 0))
    gold_range = g.get("date_precision", "day") != "day"
    f["time_precision"].append(gold_range == (c.date_end is not None))
    gold_fat = g.get("fatalities")
    if isinstance(gold_fat, int):
        f["fatalities"].append(c.fatalities == gold_fat and c.fatalities_basis != "none")
    else:
        f["fatalities"].append(c.fatalities_basis == "none")
    labels = [s.label for s in c.sources]
    for gs in g.get("sources") or []:
        f["sources"].append(_source_ok(str(gs), labels))
    missed = [name for name in FIELDS if f[name] and not f[name][-1]]
    if missed:
        result.misses.append(f"event {g.get('id')}: wrong {', '.join(missed)}")


def _score_statements(
    gold: Sequence[dict[str, Any]],
    statements: Sequence[Event],
    predicted: Sequence[Event],
    result: EvalResult,
) -> None:
    used: set[str] = set()
    for g in gold:
        who, says = str(g.get("who", "")), str(g.get("says", ""))
        best: tuple[float, Event] | None = None
        for e in statements:
            if e.event_id in used:
                continue
            c = e.claim
            who_score = max(
                fuzz.token_set_ratio(who, c.actor1), fuzz.partial_token_set_ratio(who, c.statement)
            )
            says_score = fuzz.token_set_ratio(says, c.statement)
            total = who_score + says_score
            if who_score >= 60 and says_score >= 40 and (best is None or total > best[0]):
                best = (total, e)
        if best is None:
            result.statements.fn += 1
            result.misses.append(f"statement {who!r}: not found")
            continue
        used.add(best[1].event_id)
        result.statements.tp += 1
    result.statements.fp += sum(1 for e in statements if e.event_id not in used)
    for g in gold:
        says = str(g.get("says", ""))
        for e in predicted:
            if fuzz.token_set_ratio(says, " ".join(ev.text for ev in e.claim.evidence)) >= 95:
                result.statements_as_events += 1


def _score_control(
    gold: Sequence[dict[str, Any]],
    states: Sequence[ControlState],
    result: EvalResult,
    gaz: Gazetteer,
) -> None:
    table = actor_table()
    used: set[int] = set()
    for g in gold:
        found = None
        for i, s in enumerate(states):
            if i in used or not _place_matches({"name": g["place"]}, s.place, gaz):
                continue
            if (
                table.side(str(g.get("controller", ""))) != s.controller
                and str(g.get("controller")) != s.controller
            ):
                continue
            if g.get("since") and s.since != _as_date(g["since"]):
                continue
            found = i
            break
        if found is None:
            result.control.fn += 1
            result.misses.append(f"control {g.get('place')}: not found")
        else:
            used.add(found)
            result.control.tp += 1
    result.control.fp += len(states) - len(used)
