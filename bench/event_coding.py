"""External checks of event coding (prints tables; figures go to docs/accuracy.md).

Run: .venv/bin/python bench/event_coding.py [--benchmarks ../shared/benchmarks] [--corpus]

- PLOVER gold-standard records (plover-gsr) and PETRARCH-2 unit-test records
  (petrarch2-unittest), read in place (never copied): their categories are mapped to ACLED
  event types by src/frontwatch/data/plover_to_acled.yaml. Reported: event detection
  precision/recall (a sentence whose gold category maps to an ACLED type is a positive;
  frontwatch's output is positive when it codes an event), event-type accuracy on the
  sentences both call an event, and the no-event rate on sentences whose gold has no
  ACLED equivalent (or PETRARCH's noevents records).
- --corpus: `frontwatch eval` on our annotated corpus, dev, held-out and fresh parts.

frontwatch codes an event only with a place (ACLED's rule); most PLOVER/PETRARCH sentences
name none (and PETRARCH's are set in Tolkien's Middle-earth), so recall there is bounded by
that rule, not by the trigger tables. The figures "any trigger" count a sentence as an event
when a trigger fires at all, place or not, to show the tables' own reach.
"""

from __future__ import annotations

import argparse
import json
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from frontwatch.config import DATA_DIR
from frontwatch.extract import extract_claims
from frontwatch.extract._article import _find_triggers, _modality
from frontwatch.geo import Gazetteer
from frontwatch.nlp import sentences
from frontwatch.types import Article

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Case:
    source: str  # plover | petrarch
    text: str
    gold: frozenset[str]  # ACLED event types the gold category may be; empty = no event
    label: str  # the gold category, for the confusion table
    published: date


@dataclass(frozen=True)
class Outcome:
    case: Case
    event_types: tuple[str, ...]  # event types frontwatch coded (kind == event)
    triggered: str  # event type of the first event trigger not ruled out by modality, or ""


def _mapping() -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / "plover_to_acled.yaml").read_text(encoding="utf-8"))


def plover_cases(folder: Path, mapping: dict[str, Any]) -> list[Case]:
    records = json.loads((folder / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    out = []
    for rec in records:
        event = rec.get("event")
        text = rec.get("text")
        if not event or not text or event not in mapping["plover"]:
            continue
        row = mapping["plover"][event]
        mode = rec.get("mode") or ""
        types = (row.get("modes") or {}).get(mode, row.get("acled") or [])
        out.append(Case("plover", text, frozenset(types), event, date(2000, 1, 1)))
    return out


def _cameo_types(code: str, mapping: dict[str, Any]) -> list[str] | None:
    """ACLED types of a CAMEO code; None for PETRARCH-internal codes outside roots 01-20."""
    code = code.strip()
    if not code.isdigit() or len(code) < 2:
        return None
    codes = mapping.get("codes") or {}
    for n in range(len(code), 2, -1):
        if code[:n] in codes:
            return list(codes[code[:n]]["acled"])
    root = code[:2]
    roots = mapping["cameo_roots"]
    return list(roots[root]["acled"]) if root in roots else None


def petrarch_cases(folder: Path, mapping: dict[str, Any]) -> list[Case]:
    tree = ET.parse(folder / "PETR.UnitTest.records.xml")
    out = []
    for sent in tree.getroot().iter("Sentence"):
        text_el = sent.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            continue
        text = " ".join((text_el.text or "").split())
        raw_date = sent.get("date", "20000101")
        try:
            published = date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8]))
        except ValueError:
            published = date(2000, 1, 1)
        codings = sent.findall("EventCoding")
        if any((c.get("noevents") or "").strip() == "True" for c in codings):
            out.append(Case("petrarch", text, frozenset(), "noevents", published))
            continue
        types: set[str] = set()
        roots: list[str] = []
        scored = False
        for c in codings:
            code = c.get("eventcode") or ""
            mapped = _cameo_types(code, mapping)
            if mapped is None:
                continue  # PETRARCH-internal code: not scored
            scored = True
            types.update(mapped)
            roots.append(code[:2])
        if scored:
            label = "+".join(sorted(set(roots)))
            out.append(Case("petrarch", text, frozenset(types), label, published))
    return out


def run(cases: Iterable[Case], gaz: Gazetteer) -> tuple[list[Outcome], float, float]:
    outcomes = []
    t_parse = t_extract = 0.0
    for i, case in enumerate(cases):
        article = Article(
            id=f"b{i}",
            origin=f"{case.source}#{i}",
            title="",
            text=case.text,
            published=case.published,
        )
        t0 = time.perf_counter()
        sents = sentences(article)
        t_parse += time.perf_counter() - t0
        t0 = time.perf_counter()
        claims = extract_claims(article, sents, gaz)
        t_extract += time.perf_counter() - t0
        types = tuple(c.event_type for c in claims if c.kind == "event" and c.event_type)
        outcomes.append(Outcome(case, types, _first_trigger(sents)))
    return outcomes, t_parse, t_extract


def _first_trigger(sents: list[Any]) -> str:
    for sent in sents:
        for tok, rule, _ in _find_triggers(sent.span):
            if rule.event_type and rule.kind == "event" and _modality(tok, sent.span) == "event":
                return rule.event_type
    return ""


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  n/a"


def report(name: str, outcomes: list[Outcome]) -> None:
    pos = [o for o in outcomes if o.case.gold]
    neg = [o for o in outcomes if not o.case.gold]
    rows = []
    for label, coded in (
        ("coded events", lambda o: bool(o.event_types)),
        ("any trigger", lambda o: bool(o.triggered)),
    ):
        tp = sum(1 for o in pos if coded(o))
        fp = sum(1 for o in neg if coded(o))
        fn = len(pos) - tp
        p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        both = [o for o in pos if coded(o)]
        right = sum(
            1
            for o in both
            if (set(o.event_types) if label == "coded events" else {o.triggered}) & o.case.gold
        )
        quiet = sum(1 for o in neg if not coded(o))
        rows.append((label, p, r, f1, tp, fp, fn, right, len(both), quiet, len(neg)))
    print(
        f"\n## {name}: {len(outcomes)} sentences ({len(pos)} with an ACLED-type gold event, {len(neg)} without)"
    )
    print(
        f"{'counted as event':<16} |     P |     R |    F1 | tp/fp/fn    | type acc        | no-event rate"
    )
    print("-" * 96)
    for label, p, r, f1, tp, fp, fn, right, both, quiet, nneg in rows:
        print(
            f"{label:<16} | {p:.3f} | {r:.3f} | {f1:.3f} | {tp:>3}/{fp:>3}/{fn:>3} | "
            f"{_ratio(right, both)} ({right:>3}/{both:>3}) | {_ratio(quiet, nneg)} ({quiet}/{nneg})"
        )
    confusion: Counter[tuple[str, str]] = Counter()
    for o in outcomes:
        confusion[(o.case.label, o.event_types[0] if o.event_types else "-")] += 1
    print(f"\nconfusion (gold category -> first coded ACLED event type), {name}:")
    for (gold, pred), n in sorted(confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {gold:<12} -> {pred:<28} {n:>4}")


def corpus_report() -> None:
    from frontwatch.evaluate import evaluate_gold

    for part in ("dev", "heldout", "fresh"):
        gold = ROOT / "tests" / "fixtures" / "corpus" / f"{part}.gold.yaml"
        if not gold.exists():
            print(f"\n## corpus {part}: {gold} not found")
            continue
        res = evaluate_gold(gold)
        print(f"\n## corpus {part} ({gold.relative_to(ROOT)})")
        for name, s in (
            ("events", res.events),
            ("statements", res.statements),
            ("control", res.control),
        ):
            print(
                f"{name:<12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  ({s.tp}/{s.fp}/{s.fn})"
            )
        for field, vals in res.fields.items():
            print(f"  {field:<16} {res.field_accuracy(field):.3f}  ({sum(vals)}/{len(vals)})")
        print(f"statements/non-events coded as events: {res.statements_as_events}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--benchmarks", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--corpus", action="store_true", help="also score the annotated corpus")
    args = parser.parse_args()
    mapping = _mapping()
    gaz = Gazetteer.load()
    sets = [
        ("PLOVER GSR (plover-gsr)", plover_cases(args.benchmarks / "plover-gsr", mapping)),
        (
            "PETRARCH-2 unit tests (petrarch2-unittest)",
            petrarch_cases(args.benchmarks / "petrarch2-unittest", mapping),
        ),
    ]
    for name, cases in sets:
        outcomes, t_parse, t_extract = run(cases, gaz)
        report(name, outcomes)
        print(
            f"time: parse {t_parse:.1f} s, extraction {t_extract:.2f} s ({len(cases) / t_extract:.0f} sentences/s)"
        )
    if args.corpus:
        corpus_report()


if __name__ == "__main__":
    main()
