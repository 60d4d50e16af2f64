"""`frontwatch eval`: score a reading against a gold file (schema of shared/seed/*.gold.yaml).

Gold events are matched to predicted events by kind, place and date window;
then each field is scored on the matched pairs. Statements are matched by who
said it and what was said; control entries by place, controller and date.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, utils

from frontwatch.actors import actor_table
from frontwatch.errors import GoldFileError
from frontwatch.geo import Gazetteer, haversine_km, normalise_name
from frontwatch.pipeline import control_snapshot, ingest
from frontwatch.store import Store
from frontwatch.types import Claim, ControlState, Event, Place

__all__ = [
    "FIELDS",
    "EvalResult",
    "GoldArticle",
    "evaluate_gold",
    "load_gold",
    "score",
    # fusion
    "FusionResult",
    "evaluate_gold_with_fusion",
    "fusion_score",
    "has_fusion_gold",
]

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

    def as_dict(self) -> dict[str, Any]:
        """Everything `frontwatch eval --json` prints."""

        def det(s: Score) -> dict[str, Any]:
            return {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
            }

        return {
            "events": det(self.events),
            "statements": det(self.statements),
            "control": det(self.control),
            "fields": {
                name: {
                    "accuracy": round(self.field_accuracy(name), 4),
                    "correct": sum(vals),
                    "scored": len(vals),
                }
                for name, vals in self.fields.items()
            },
            "statements_as_events": self.statements_as_events,
            "misses": list(self.misses),
            "false_events": list(self.false_events),
        }


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldFileError(f"{path}: cannot read gold file ({exc.__class__.__name__})") from exc
    if not isinstance(gold, dict) or not ("article" in gold or "articles" in gold):
        raise GoldFileError(f"{path}: not a gold file (no 'article' or 'articles' key)")
    return gold


@dataclass(frozen=True)
class GoldArticle:
    """One report a gold file lists: `file` as written there (relative to the gold file)."""

    file: str
    path: Path
    published: date | None
    hide_published: bool = False  # true: the reader must find the date in the report itself


def _gold_articles(gold: dict[str, Any], base: Path, where: Path) -> list[GoldArticle]:
    items = gold.get("articles") if "articles" in gold else [gold.get("article")]
    if not isinstance(items, list) or not items:
        raise GoldFileError(f"{where}: 'articles' must be a non-empty list of {{file, published}}")
    out = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            raise GoldFileError(f"{where}: article {n} has no 'file'")
        pub = item.get("published")
        try:
            pub = date.fromisoformat(pub) if isinstance(pub, str) else pub
        except ValueError as exc:
            raise GoldFileError(f"{where}: article {item['file']}: bad date {pub!r}") from exc
        if pub is not None and not isinstance(pub, date):
            raise GoldFileError(f"{where}: article {item['file']}: bad date {pub!r}")
        hide = bool(item.get("hide_published", False))
        out.append(GoldArticle(item["file"], base / item["file"], pub, hide))
    return out


ENTRY_KEYS = {"events": "places", "statements": "who", "control": "place"}


def _check_entries(gold: dict[str, Any], articles: Sequence[GoldArticle], where: Path) -> None:
    """Every entry is a mapping with its key field, and its `reported_in` names listed reports."""
    known = {a.file for a in articles}
    for section, needed in (*ENTRY_KEYS.items(), ("non_events", "text")):
        entries = gold.get(section) or []
        if not isinstance(entries, list):
            raise GoldFileError(f"{where}: '{section}' must be a list")
        for n, g in enumerate(entries, start=1):
            label = f"{where}: {section} {n}"
            if not isinstance(g, dict) or needed not in g:
                raise GoldFileError(f"{label}: not a mapping with '{needed}'")
            label = f"{where}: {section} {g.get('id', n)}"
            if section == "events" and not isinstance(g.get("places"), list):
                raise GoldFileError(f"{label}: 'places' must be a list")
            if section == "events" and "date" in g:
                _checked_date(g["date"], label)
            reported = g.get("reported_in")
            if reported is None:
                if len(articles) > 1:
                    raise GoldFileError(f"{label}: no 'reported_in' (needed with several articles)")
                continue
            if not isinstance(reported, list) or not reported:
                raise GoldFileError(f"{label}: 'reported_in' must be a non-empty list of files")
            for r in reported:
                if str(r).split("#")[0] not in known:
                    raise GoldFileError(f"{label}: reported_in names {r!r}, not in 'articles'")


def _checked_date(v: Any, label: str) -> date:
    try:
        return _as_date(v)
    except ValueError as exc:
        raise GoldFileError(f"{label}: bad date {v!r}") from exc


def load_gold(gold_path: Path) -> tuple[dict[str, Any], list[GoldArticle]]:
    """The gold mapping and its reports, checked; GoldFileError (one line) when malformed."""
    gold = _load_gold(gold_path)
    articles = _gold_articles(gold, gold_path.parent, gold_path)
    _check_entries(gold, articles, gold_path)
    for a in articles:
        if not a.path.exists():
            raise GoldFileError(f"{gold_path}: report {a.path} not found")
    return gold, articles


def evaluate_gold(gold_path: Path, published: date | None = None) -> EvalResult:
    """Ingest every report the gold file lists into one temporary database and score it."""
    gold, articles = load_gold(gold_path)
    events, _origins = _read_gold_reports(articles, published)
    return score(gold, events, _origin_keys(articles))


def _read_gold_reports(
    articles: Sequence[GoldArticle], published: date | None
) -> tuple[list[Event], dict[str, str]]:
    """The fused events of the gold file's reports, and each article's origin by id."""
    batches: dict[date | None, list[Path]] = {}
    for a in articles:
        fallback = None if a.hide_published else (published or a.published)
        batches.setdefault(fallback, []).append(a.path)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        try:
            # reports that must find their own date go last, so the batch is already stored
            for fallback, paths in sorted(batches.items(), key=lambda b: b[0] is None):
                report = ingest(paths, store, published=fallback)
                if report.errors:
                    raise GoldFileError("; ".join(report.errors))
            return store.events(), {a.id: a.origin for a in store.articles()}
        finally:
            store.close()


def _origin_keys(articles: Sequence[GoldArticle]) -> Callable[[str], str]:
    """Maps an Article.origin ("path" or "path#item") to the gold file's name for it."""
    by_path = {a.path.resolve(): a.file for a in articles}

    def key(origin: str) -> str:
        path, sep, item = origin.partition("#")
        name = by_path.get(Path(path).resolve(), path)
        return f"{name}{sep}{item}"

    return key


def _from_reports(g: dict[str, Any], e: Event, key: Callable[[str], str] | None) -> bool:
    """A predicted event counts for a gold entry only if read from one of its `reported_in`."""
    reported = g.get("reported_in")
    if not reported or key is None:
        return True
    allowed = {str(r) for r in reported}
    for origin in e.origins:
        k = key(origin)
        if k in allowed or k.split("#")[0] in allowed:
            return True
    return False


def score(
    gold: dict[str, Any], events: Sequence[Event], origin_key: Callable[[str], str] | None = None
) -> EvalResult:
    gaz = Gazetteer.load()
    result = EvalResult(fields={f: [] for f in FIELDS})
    predicted = [e for e in events if e.claim.kind != "statement"]
    statements = [e for e in events if e.claim.kind == "statement"]
    used: set[str] = set()
    for g in gold.get("events") or []:
        best = _match_event(g, predicted, used, gaz, origin_key)
        if best is None:
            result.events.fn += 1
            result.misses.append(f"event {g.get('id')}{_in(g)}: not found")
            continue
        used.add(best.event_id)
        result.events.tp += 1
        _score_fields(g, best.claim, result, gaz)
    false = [e for e in predicted if e.event_id not in used]
    for e in false:
        result.events.fp += 1
        c = e.claim
        where = ", ".join(origin_key(o) for o in e.origins) if origin_key else ""
        result.false_events.append(
            f"{c.kind} {c.sub_event_type} at {', '.join(p.name for p in c.places)} {c.date}"
            + (f" [{where}]" if where else "")
        )
    _score_statements(gold.get("statements") or [], statements, false, result, origin_key)
    _score_non_events(
        [*(gold.get("statements") or []), *(gold.get("non_events") or [])],
        false,
        result,
        origin_key,
    )
    _score_control(gold.get("control") or [], control_snapshot(events), result, gaz)
    return result


def _in(g: dict[str, Any]) -> str:
    reported = g.get("reported_in")
    return f" [{', '.join(map(str, reported))}]" if reported else ""


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
    g: dict[str, Any],
    events: Sequence[Event],
    used: set[str],
    gaz: Gazetteer,
    origin_key: Callable[[str], str] | None = None,
) -> Event | None:
    kind = _gold_kind(g)
    gplaces = g.get("places") or []
    best: tuple[tuple[int, int, tuple[int, str]], Event] | None = None
    for e in events:
        c = e.claim
        if e.event_id in used or c.kind != kind or not _from_reports(g, e, origin_key):
            continue
        if not any(_place_matches(gp, p, gaz) for gp in gplaces for p in c.places):
            continue
        if not _date_ok(g, c, 1):
            continue
        # the same day first (three days of strikes on one town are three gold events, each
        # matched to its own day), then the sub-type, then actor1
        primary = (
            4 * _date_ok(g, c, 0)
            + 2 * (c.sub_event_type in _subtypes(g))
            + _actor_ok(str(g.get("actor1", "")), c.actor1)
        )
        if best is not None and primary < best[0][0]:
            continue
        # ties go to the event agreeing on more fields, then to the one told first: never to
        # the order of event ids (digests), which any change to fusion reshuffles
        score = (primary, _agreement(g, c, gaz), (-c.sentence_index, c.article_id))
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def _agreement(g: dict[str, Any], c: Claim, gaz: Gazetteer) -> int:
    """How many of the scored fields of a gold event a claim gets right."""
    scratch = EvalResult(fields={f: [] for f in FIELDS})
    _score_fields(g, c, scratch, gaz)
    return sum(sum(v) for v in scratch.fields.values())


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
    gq, pq = _qualifier(gold), _qualifier(pred)
    if gq and pq and gq != pq:  # "Military Forces of Israel" is not "... of Syria"
        return False
    head = gold.lower().split()[0]
    return head in pred.lower().split() or fuzz.token_set_ratio(gold, pred) >= 85


# ACLED's country-qualified actor names; two of them name the same actor only for one country
_QUALIFIED_RE = re.compile(
    r"^(Military Forces of|Police Forces of|Government of|Civilians|Protesters|Rioters"
    r"|Unidentified Armed Group) \(?(?:the )?([^()]+?)\)?\s*(?:\(\d{4}-\d{0,4}\))?\s*$"
)


def _qualifier(name: str) -> str:
    """The country an ACLED-style name is qualified by: "Civilians (Sudan)" → "civilians|sudan";
    "" for other names (e.g. "civilians (Homs residents)", "Syrian opposition (HTS-led)")."""
    m = _QUALIFIED_RE.match(name.strip())
    return f"{m.group(1).lower()}|{m.group(2).strip().lower()}" if m else ""


def _source_ok(gold: str, pred_labels: Sequence[str], country: str = "") -> bool:
    """A gold source matches a predicted one by name, or when both name one organisation
    in the event's country ("army" and "Sudanese Armed Forces"); "citing X" (a YAML flow
    list splits "SANA, citing X" in two) matches the cited part of a predicted chain."""
    if country and _same_body(gold, pred_labels, country):
        return True
    if gold.strip().lower().startswith("citing "):
        cited = gold.strip()[len("citing ") :].lower()
        cited = re.sub(r"^(?:an?|the)\s+", "", cited)
        vias = [v.strip().lower() for label in pred_labels for v in label.split(", citing")[1:]]
        return any(v == cited or fuzz.token_set_ratio(cited, v) >= 85 for v in vias)
    head = gold.split(", citing")[0].strip().lower()
    if head == "publisher":
        return any(p.lower().startswith("publisher") for p in pred_labels)
    known = _known_source(
        gold.split(", citing")[0]
    )  # "Israeli military" is "Israel Defense Forces"
    if known and any(_known_source(p.split(", citing")[0].strip()) == known for p in pred_labels):
        return True
    for label in pred_labels:
        phead = label.split(", citing")[0].strip().lower()
        if phead == head or (
            fuzz.token_set_ratio(head, phead, processor=utils.default_process) >= 85
        ):  # punctuation ignored: "Yevgeny Prigozhin, the head of ..."; "(MNDAA)"
            return True
    return False


def _same_body(gold: str, pred_labels: Sequence[str], country: str) -> bool:
    from frontwatch.fuse._sources import _institution  # the fusion's "one voice" reading

    body = _institution(gold.split(", citing")[0], country, None)
    return bool(body) and any(
        _institution(p.split(", citing")[0], country, None) == body for p in pred_labels
    )


def _known_source(name: str) -> str:
    """The canonical name of an outlet sources.yaml knows by this whole name, else ""."""
    from frontwatch.extract._tables import source_table

    name = re.sub(r"^(?:the|an?)\s+", "", name.strip(), flags=re.I).rstrip(" .")
    spans = source_table().named_spans(name)
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] >= len(name) - 1:
        return spans[0][2].name
    return ""


def _score_fields(g: dict[str, Any], c: Claim, result: EvalResult, gaz: Gazetteer) -> None:
    f = result.fields
    before = {name: len(f[name]) for name in FIELDS}  # fields this event is scored on
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
    if "time_precision" in g:  # ACLED's code: 1 day, 2 week, 3 month
        f["time_precision"].append(c.time_precision == int(g["time_precision"]))
    else:
        gold_range = g.get("date_precision", "day") != "day"
        f["time_precision"].append(gold_range == (c.date_end is not None))
    gold_fat = g.get("fatalities")
    if gold_fat == 0 and not isinstance(gold_fat, bool):  # ACLED: 0 when none is reported
        f["fatalities"].append(c.fatalities == 0)
    elif isinstance(gold_fat, int) and not isinstance(gold_fat, bool):
        f["fatalities"].append(c.fatalities == gold_fat and c.fatalities_basis != "none")
    else:
        f["fatalities"].append(c.fatalities_basis == "none")
    labels = [s.label for s in c.sources]
    country = next((p.country for p in c.places if p.country), "")
    for gs in g.get("sources") or []:
        f["sources"].append(_source_ok(str(gs), labels, country))
    missed = [name for name in FIELDS if not all(f[name][before[name] :])]
    if missed:
        result.misses.append(f"event {g.get('id')}: wrong {', '.join(missed)}")


def _score_statements(
    gold: Sequence[dict[str, Any]],
    statements: Sequence[Event],
    false_events: Sequence[Event],
    result: EvalResult,
    origin_key: Callable[[str], str] | None = None,
) -> None:
    used: set[str] = set()
    for g in gold:
        who, says = str(g.get("who", "")), str(g.get("says", ""))
        best: tuple[float, Event] | None = None
        for e in statements:
            if e.event_id in used or not _from_reports(g, e, origin_key):
                continue
            c = e.claim
            # punctuation ignored: the speaker's last word reads "army:" in "army: said ..."
            who_score = max(
                fuzz.token_set_ratio(who, c.actor1),
                fuzz.partial_token_set_ratio(who, c.statement, processor=utils.default_process),
            )
            says_score = fuzz.token_set_ratio(says, c.statement)
            total = who_score + says_score
            if who_score >= 60 and says_score >= 40 and (best is None or total > best[0]):
                best = (total, e)
        if best is None:
            result.statements.fn += 1
            result.misses.append(f"statement {who!r}{_in(g)}: not found")
            continue
        used.add(best[1].event_id)
        result.statements.tp += 1
    result.statements.fp += sum(1 for e in statements if e.event_id not in used)
    for g in gold:
        if g.get("text"):
            continue  # scored by its exact text in _score_non_events
        says = str(g.get("says", ""))
        for e in false_events:  # not a true event: it may tell what was said
            if not _from_reports(g, e, origin_key):
                continue
            if fuzz.token_set_ratio(says, " ".join(ev.text for ev in e.claim.evidence)) >= 95:
                result.statements_as_events += 1
                result.misses.append(f"statement coded as event{_in(g)}: {says!r}")
                break


def _score_non_events(
    gold: Sequence[dict[str, Any]],
    false: Sequence[Event],
    result: EvalResult,
    origin_key: Callable[[str], str] | None = None,
) -> None:
    """A false event whose evidence holds the words of a gold statement or non-event
    (a denial, a rumour, history, a threat...) is a statement coded as an event."""
    for g in gold:
        text = _squash(str(g.get("text", "")))
        if not text:
            continue
        for e in false:
            evidence = _squash(" ".join(ev.text for ev in e.claim.evidence))
            if text in evidence and _from_reports(g, e, origin_key):
                result.statements_as_events += 1
                why = g.get("why") or ("statement" if "who" in g else "non-event")
                result.misses.append(f"{why} coded as event{_in(g)}: {g['text']!r}")
                break


def _squash(text: str) -> str:
    return " ".join(text.lower().split())


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


# ---------------------------------------------------------------- fusion (multi-report)


@dataclass
class FusionResult:
    """How well claims from many reports became one event per happening, and control."""

    happenings: int = 0  # gold events with at least one matched claim
    missing: int = 0  # gold events no claim was matched to
    events_for_happenings: int = 0  # sum over happenings of the events holding their claims
    duplicated: int = 0  # happenings split over two or more events
    events: int = 0  # predicted events holding a matched claim
    wrong_merges: int = 0  # predicted events holding claims of two or more happenings
    source_ok: int = 0
    source_scored: int = 0
    source_abs_error: int = 0
    control_ok: int = 0
    control_pairs: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def events_per_happening(self) -> float:
        return self.events_for_happenings / self.happenings if self.happenings else 0.0

    @property
    def duplicate_rate(self) -> float:
        return self.duplicated / self.happenings if self.happenings else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.source_scored if self.source_scored else 1.0

    @property
    def control_accuracy(self) -> float:
        return self.control_ok / self.control_pairs if self.control_pairs else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "happenings": self.happenings,
            "missing": self.missing,
            "events_per_happening": round(self.events_per_happening, 4),
            "duplicate_rate": round(self.duplicate_rate, 4),
            "wrong_merges": self.wrong_merges,
            "events": self.events,
            "source_count_accuracy": round(self.source_accuracy, 4),
            "source_count_scored": self.source_scored,
            "source_count_mean_abs_error": round(
                self.source_abs_error / self.source_scored if self.source_scored else 0.0, 4
            ),
            "control_accuracy": round(self.control_accuracy, 4),
            "control_pairs": self.control_pairs,
            "details": list(self.details),
        }


def evaluate_gold_with_fusion(
    gold_path: Path, published: date | None = None
) -> tuple[EvalResult, FusionResult]:
    """evaluate_gold, plus the fusion figures (FusionResult) from the same reading."""
    gold, articles = load_gold(gold_path)
    events, origins = _read_gold_reports(articles, published)
    key = _origin_keys(articles)
    return score(gold, events, key), fusion_score(gold, events, origins, key)


def has_fusion_gold(gold: dict[str, Any]) -> bool:
    """A gold file with multi-report happenings or control timelines."""
    evs = gold.get("events") or []
    places = [normalise_name(str(c.get("place", ""))) for c in gold.get("control") or []]
    return any(len(g.get("reported_in") or []) > 1 for g in evs) or len(places) > len(set(places))


def fusion_score(
    gold: dict[str, Any],
    events: Sequence[Event],
    origins: dict[str, str],
    origin_key: Callable[[str], str],
) -> FusionResult:
    """Events per gold happening, wrong merges, source counts and control accuracy over
    (place, date) pairs. Each claim is matched to the gold happening it tells (same
    report, kind, place, date window ±1 day; the same territory/other family first)."""
    gaz = Gazetteer.load()
    result = FusionResult()
    gold_events = [g for g in gold.get("events") or [] if g.get("reported_in")]
    holders: dict[int, dict[str, int]] = {i: {} for i in range(len(gold_events))}
    by_id = {e.event_id: e for e in events}
    for e in events:
        told: set[int] = set()
        for c in e.claims:
            file = origin_key(origins.get(c.article_id, c.article_id)).split("#")[0]
            i = _claim_happening(c, file, gold_events, gaz)
            if i is not None:
                told.add(i)
                holders[i][e.event_id] = holders[i].get(e.event_id, 0) + 1
        if told:
            result.events += 1
        if len(told) > 1:
            result.wrong_merges += 1
            ids = ", ".join(str(gold_events[i].get("id")) for i in sorted(told))
            result.details.append(f"wrong merge: {e.event_id} holds {ids}")
    for i, g in enumerate(gold_events):
        held = holders[i]
        if not held:
            result.missing += 1
            result.details.append(f"happening {g.get('id')}: no claim found")
            continue
        result.happenings += 1
        result.events_for_happenings += len(held)
        if len(held) > 1:
            result.duplicated += 1
            result.details.append(f"happening {g.get('id')}: split over {len(held)} events")
        if "source_count" in g:
            main = by_id[max(held, key=lambda eid: (held[eid], eid))]
            result.source_scored += 1
            want = int(g["source_count"])
            result.source_abs_error += abs(main.source_count - want)
            if main.source_count == want:
                result.source_ok += 1
            else:
                result.details.append(
                    f"happening {g.get('id')}: {main.source_count} sources, gold {want}"
                )
    _score_control_timeline(gold.get("control") or [], events, result, gaz)
    return result


def _claim_happening(
    c: Claim, file: str, gold_events: Sequence[dict[str, Any]], gaz: Gazetteer
) -> int | None:
    best: tuple[int, int] | None = None
    for i, g in enumerate(gold_events):
        if file not in {str(r).split("#")[0] for r in g.get("reported_in") or []}:
            continue
        if c.kind != _gold_kind(g) or not _date_ok(g, c, 1):
            continue
        if not any(_place_matches(gp, p, gaz) for gp in g.get("places") or [] for p in c.places):
            continue
        if not _same_family(g, c):
            continue  # coded as another kind of event: a coding matter, not a fusion one
        rank = int(c.sub_event_type in _subtypes(g))
        if best is None or rank > best[0]:
            best = (rank, i)
    return best[1] if best else None


def _same_family(g: dict[str, Any], c: Claim) -> bool:
    """Fusion never joins event families (territory changes are one family), so a
    claim tells a gold happening only when coded in the happening's family."""
    from frontwatch.control import _CAPTURE, _TRANSFER

    if c.kind != "event":
        return True
    territory = _CAPTURE | {_TRANSFER}
    if _subtypes(g) & territory:
        return c.sub_event_type in territory
    return c.sub_event_type in _subtypes(g)


def _control_pairs(
    entries: Sequence[dict[str, Any]],
) -> list[tuple[str, date, str, bool]]:
    """(place, date, controller, expected): the day of each change, the day after, the day
    before the next change must show the controller; the day before the first change
    must NOT show the first controller (no change dated too early)."""
    by_place: dict[str, list[dict[str, Any]]] = {}
    for g in entries:
        if g.get("since"):
            by_place.setdefault(str(g["place"]), []).append(g)
    pairs: list[tuple[str, date, str, bool]] = []
    one = timedelta(days=1)
    for place, items in sorted(by_place.items()):
        items.sort(key=lambda g: _as_date(g["since"]))
        first = _as_date(items[0]["since"])
        pairs.append((place, first - one, str(items[0]["controller"]), False))
        for k, g in enumerate(items):
            start = _as_date(g["since"])
            who = str(g["controller"])
            days = {start, start + one}
            if k + 1 < len(items):
                nxt = _as_date(items[k + 1]["since"])
                days.add(nxt - one)
                days = {d for d in days if d < nxt}
            pairs.extend((place, d, who, True) for d in sorted(days))
    return pairs


def _score_control_timeline(
    entries: Sequence[dict[str, Any]], events: Sequence[Event], result: FusionResult, gaz: Gazetteer
) -> None:
    from frontwatch.control import control_at, control_changes

    table = actor_table()
    changes = control_changes(events)
    snapshots: dict[date, list[ControlState]] = {}
    for place, when, who, expected in _control_pairs(entries):
        states = snapshots.setdefault(when, control_at(changes, when))
        held = [s.controller for s in states if _place_matches({"name": place}, s.place, gaz)]
        shows = any(h in (who, table.side(who)) for h in held)
        result.control_pairs += 1
        if shows == expected:
            result.control_ok += 1
        else:
            got = ", ".join(held) or "unknown"
            want = who if expected else f"not {who}"
            result.details.append(f"control {place} on {when}: {got}, gold {want}")
