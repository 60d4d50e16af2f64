"""Geoparsing accuracy and speed on the public test sets (prints a table).

Run: .venv/bin/python bench/geocoding.py [--sets trnews,geovirus] [--limit N] [--baseline]
     [--demonyms] [--json out.json]

Data are read in place from ../shared/benchmarks (see each set's README):
mordecai-tests (pass rate of the upstream assertions), GeoWebNews, TR-News,
GeoVirus (recognition P/R/F1 by span overlap; accuracy within 161 km, mean and
median error and AUC of the log error on correctly found names; end-to-end
accuracy over all gold names with coordinates; exact GeoNames-id accuracy
where the set gives ids; toponyms per second including the spaCy parse).
``--baseline`` measures the first version: spaCy GPE/LOC entities resolved one
by one with ``Gazetteer.resolve`` and no document context.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from frontwatch.geo import Gazetteer
from frontwatch.geo.benchsets import (
    BENCH_SETS,
    Predicted,
    Scores,
    benchmarks_dir,
    read_mordecai,
    read_set,
    score,
)
from frontwatch.geo.geoparse import Geoparser
from frontwatch.geo.mordecai import score_mordecai


def _baseline(parser: Geoparser, texts: list[str]) -> list[list[Predicted]]:
    out = []
    for doc in parser.nlp.pipe(texts, batch_size=16):
        preds = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            t0 = time.perf_counter()
            p = parser.gaz.resolve(ent.text)
            parser.resolve_seconds += time.perf_counter() - t0
            parser.resolutions += 1
            preds.append(
                Predicted(
                    ent.start_char,
                    ent.end_char,
                    p.lat if p else None,
                    p.lon if p else None,
                    p.geonameid if p else None,
                )
            )
        out.append(preds)
    return out


def run_set(parser: Geoparser, name: str, limit: int, baseline: bool) -> Scores:
    docs = read_set(name)
    if limit:
        docs = docs[:limit]
    texts = [d.text for d in docs]
    t0 = time.perf_counter()
    if baseline:
        preds = _baseline(parser, texts)
    else:
        preds = [
            [Predicted(t.start, t.end, t.place.lat, t.place.lon, t.place.geonameid) for t in tops]
            for tops in parser.parse_many(texts)
        ]
    seconds = time.perf_counter() - t0
    s = Scores(seconds=seconds)
    for d, p in zip(docs, preds, strict=True):
        score(d, p, s)
    return s


def _resolution_speed(parser: Geoparser, repeats: int = 3) -> float:
    """Best of ``repeats`` passes: candidates + document ranking (spaCy excluded) on the
    mentions found in TR-News, the memo cleared before each pass (one core)."""
    docs = list(parser.nlp.pipe([d.text for d in read_set("trnews")], batch_size=16))
    found = [(doc.text, parser._mentions(doc)) for doc in docs]
    best = 0.0
    for _ in range(repeats):
        parser._cache.clear()
        n = sum(len(m) for _, m in found)
        t0 = time.perf_counter()
        for text, mentions in found:
            parser.resolve_mentions(text, mentions)
        best = max(best, n / (time.perf_counter() - t0))
    return best


def _fmt(v: float, key: str) -> str:
    if key in ("mean_km", "median_km", "topo_per_s"):
        return f"{v:,.0f}"
    return f"{v:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(BENCH_SETS))
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each set")
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--demonyms", action="store_true", help="count demonyms as mentions")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    root = benchmarks_dir()
    if not root.is_dir():
        print(f"benchmarks not found at {root}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    t_gaz = time.perf_counter() - t0
    parser = Geoparser(gaz, demonyms=args.demonyms)
    parser.parse("Warm-up in Paris.")
    parser.resolve_seconds, parser.resolutions = 0.0, 0
    results: dict[str, Any] = {"gazetteer_load_s": round(t_gaz, 3), "dataset": gaz.dataset}
    rows = []
    for name in args.sets.split(","):
        if name == "mordecai-tests":
            m = score_mordecai(parser, read_mordecai(root / name / "mordecai_test_cases.jsonl"))
            results[name] = m
            continue
        s = run_set(parser, name, args.limit, args.baseline)
        row = s.row()
        results[name] = row | {"docs": s.docs, "gold": s.gold, "predicted": s.predicted}
        rows.append((name, s, row))
    print(f"gazetteer {gaz.dataset}: {len(gaz):,} entries, loaded in {t_gaz:.2f} s")
    if "mordecai-tests" in results:
        m = results["mordecai-tests"]
        print(
            f"mordecai-tests: geoparse records {m['geoparse_pass']}/{m['geoparse']} pass, "
            f"fields {m['fields_pass']}/{m['fields']}; gazetteer lookups "
            f"{m['lookup_pass']}/{m['lookup']}"
        )
        for fail in m["failures"]:
            print(f"  FAIL {fail}")
    keys = ["P", "R", "F1", "acc161", "mean_km", "median_km", "AUC", "e2e", "id_acc", "topo_per_s"]
    head = f"| set | docs | gold | pred | {' | '.join(keys)} |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for name, s, row in rows:
        vals = " | ".join(_fmt(row[k], k) for k in keys)
        print(f"| {name} | {s.docs} | {s.gold} | {s.predicted} | {vals} |")
    rate = _resolution_speed(parser)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"resolution only (TR-News mentions, cold memo, best of 3): {rate:,.0f} per second")
    print(f"peak RSS {rss:,.0f} MB")
    results["resolutions_per_s"] = round(rate)
    results["peak_rss_mb"] = round(rss)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
