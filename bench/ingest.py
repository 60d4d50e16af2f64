"""Ingest throughput and peak memory: the demo corpus copied N times into a SQLite store.

Run: .venv/bin/python bench/ingest.py [--copies 100]
Every copy of an article gets its own id and origin, so the store really holds N x 15
articles (an identical copy would otherwise be stored once, by design). Each article is
parsed, extracted, geocoded and written in its own transaction, exactly as
`frontwatch ingest` does; fusion runs once at the end. Not a timed test: figures go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from _common import demo_copies, print_table
from frontwatch.geo import Gazetteer
from frontwatch.nlp import load_pipeline
from frontwatch.pipeline import claims_for, refuse
from frontwatch.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=100)
    args = parser.parse_args()
    gaz = Gazetteer.load()
    load_pipeline()
    base, articles = demo_copies(args.copies)
    words = sum(len(a.text.split()) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            t0 = time.perf_counter()
            n_claims = 0
            for article in articles:
                claims = claims_for(article, gaz)
                store.add_article(article, claims)
                n_claims += len(claims)
            t_ingest = time.perf_counter() - t0
            t0 = time.perf_counter()
            events = refuse(store)
            t_fuse = time.perf_counter() - t0
        db_mb = db.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    rows = [
        ("articles / words", f"{n} / {words}", f"{args.copies} copies of {len(base)} reports"),
        ("parse+extract+store", f"{t_ingest:.1f} s", f"{n / t_ingest:.1f} articles/s"),
        ("fusion (all claims)", f"{t_fuse:.2f} s", f"{n_claims} claims -> {len(events)} events"),
        ("database size", f"{db_mb:.1f} MB", ""),
        ("peak RSS", f"{peak_mb:.0f} MB", ""),
    ]
    print_table(rows, "stage", "value", 16)


if __name__ == "__main__":
    main()
