"""Local engine vs the Dask engine on the demo corpus copied N times (prints a table).

Run: .venv/bin/python bench/scale.py [--copies 20] [--workers 2]
Both engines parse, extract, geocode and store every article in a fresh SQLite store;
the Dask figure includes starting a LocalCluster and loading the models in each worker.
Not a timed test: figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import demo_copies, print_table
from frontwatch.geo import Gazetteer
from frontwatch.nlp import load_pipeline
from frontwatch.pipeline import IngestReport, claims_for
from frontwatch.scale import store_articles_dask
from frontwatch.store import Store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=25)
    args = parser.parse_args()
    base, articles = demo_copies(args.copies)
    n = len(articles)
    with tempfile.TemporaryDirectory() as tmp:
        gaz = Gazetteer.load()
        load_pipeline()
        t0 = time.perf_counter()
        with Store(Path(tmp) / "local.db") as store:
            for article in articles:
                store.add_article(article, claims_for(article, gaz))
        t_local = time.perf_counter() - t0
        t0 = time.perf_counter()
        with Store(Path(tmp) / "dask.db") as store:
            report = IngestReport()
            store_articles_dask(
                articles,
                store,
                report,
                workers=args.workers,
                partition_size=args.partition_size,
            )
        t_dask = time.perf_counter() - t0
    rows = [
        ("articles", str(n), f"{args.copies} copies of {len(base)} reports"),
        ("local engine (1 process)", f"{t_local:.1f} s", f"{n / t_local:.1f} articles/s"),
        (
            f"dask LocalCluster ({args.workers} workers)",
            f"{t_dask:.1f} s",
            f"{n / t_dask:.1f} articles/s, x{t_local / t_dask:.2f} (cluster start included)",
        ),
    ]
    print_table(rows, "engine", "time", 10)


if __name__ == "__main__":
    main()
