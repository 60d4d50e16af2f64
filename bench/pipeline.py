"""Throughput of the whole pipeline on the bundled demo corpus (prints a table).

Run: .venv/bin/python bench/pipeline.py [--repeat N]
Measures: gazetteer load, spaCy parse, the copy of each parse into the light token view
(frontwatch.nlp._view), table load, extraction (claims) per article (first pass over
distinct reports, then the repeats with the per-name caches filled), fusion, and peak
memory. "extraction" is extract_claims alone; "view + extraction" adds the token view,
which `sentences()` builds right after the parse. Not a timed test: figures go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import resource
import time

from _common import print_table
from frontwatch.actors import actor_table
from frontwatch.config import DATA_DIR
from frontwatch.extract import extract_claims
from frontwatch.extract._tables import source_table, triggers
from frontwatch.fuse import fuse
from frontwatch.geo import Gazetteer
from frontwatch.ingest import read_path
from frontwatch.nlp import load_pipeline, parse_paragraphs, view_sentences


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    t_gaz = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_pipeline()
    t_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    triggers(), source_table(), actor_table()  # the shipped tables, read once per process
    t_tables = time.perf_counter() - t0
    distinct = read_path(DATA_DIR / "demo").articles
    articles = distinct * args.repeat
    words = sum(len(a.text.split()) for a in articles)
    t_parse = t_view = t_extract = t_first = 0.0
    claims = []
    for n, article in enumerate(articles):
        t0 = time.perf_counter()
        parsed = parse_paragraphs(article)
        t_parse += time.perf_counter() - t0
        t0 = time.perf_counter()
        sents = view_sentences(parsed)
        t_view += time.perf_counter() - t0
        t0 = time.perf_counter()
        claims.extend(extract_claims(article, sents, gaz))
        spent = time.perf_counter() - t0
        t_extract += spent
        if n < len(distinct):
            t_first += spent  # first pass: every name looked up for the first time
    t_again = t_extract - t_first
    t0 = time.perf_counter()
    by_id = {a.id: a for a in articles}
    events = fuse(claims, by_id)
    t_fuse = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    rows = [
        ("gazetteer load (cached)", f"{t_gaz:.2f} s", ""),
        ("spaCy model load", f"{t_model:.2f} s", ""),
        ("articles / words", f"{n} / {words}", ""),
        (
            "spaCy parse",
            f"{t_parse:.2f} s",
            f"{n / t_parse:.1f} articles/s, {words / t_parse:.0f} words/s",
        ),
        ("token view", f"{t_view:.2f} s", f"{n / t_view:.1f} articles/s (after the parse)"),
        ("tables load", f"{t_tables:.2f} s", "triggers, sources, actors"),
        ("extraction (no parse)", f"{t_extract:.2f} s", f"{n / t_extract:.1f} articles/s"),
        (
            "view + extraction",
            f"{t_view + t_extract:.2f} s",
            f"{n / (t_view + t_extract):.1f} articles/s",
        ),
        (
            "  first pass (cold)",
            f"{t_first:.2f} s",
            f"{len(distinct) / t_first:.1f} articles/s, names looked up the first time",
        ),
        (
            "  repeats (warm)",
            f"{t_again:.2f} s",
            f"{(n - len(distinct)) / t_again:.1f} articles/s, name caches filled"
            if t_again
            else "",
        ),
        (
            "whole pipeline",
            f"{t_parse + t_view + t_extract:.2f} s",
            f"{n / (t_parse + t_view + t_extract):.1f} articles/s",
        ),
        ("fusion", f"{t_fuse:.3f} s", f"{len(claims)} claims -> {len(events)} events"),
        ("peak RSS", f"{peak_mb:.0f} MB", ""),
    ]
    print_table(rows, "stage", "time", 14)


if __name__ == "__main__":
    main()
