"""Throughput of the whole pipeline on the bundled demo corpus (prints a table).

Run: .venv/bin/python bench/pipeline.py [--repeat N]
Measures: gazetteer load, spaCy parse, the copy of each parse into the light token view
(frontwatch.nlp._view), table load, extraction (claims) per article (first pass over
distinct reports, then the repeats with the per-name caches filled), fusion, and peak
memory. "extraction" is extract_claims alone; "view + extraction" adds the token view,
which `sentences()` builds right after the parse (that sum is the extraction rate to
quote). Rates are given by the wall clock and by CPU (process) time: on a shared
machine the wall clock also counts the time spent waiting for a core. Each article is
parsed right before its extraction, as ingest does. Not a timed test: figures go to
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


class _Clock:
    """Wall-clock and CPU (process) seconds of a stage, summed over its runs. CPU time is
    what one core spends; on a shared machine the wall clock also counts waiting."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0
        self._w = self._c = 0.0

    def __enter__(self) -> _Clock:
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall += time.perf_counter() - self._w
        self.cpu += time.process_time() - self._c

    def rate(self, n: int, what: str = "articles/s") -> str:
        wall = f"{n / self.wall:.1f}" if self.wall else "-"
        cpu = f"{n / self.cpu:.1f}" if self.cpu else "-"
        return f"{wall} {what} (CPU time: {cpu})"


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
    parse, view, first, again, both = _Clock(), _Clock(), _Clock(), _Clock(), _Clock()
    claims = []
    for n, article in enumerate(articles):
        with parse:
            parsed = parse_paragraphs(article)
        with both:
            with view:
                sents = view_sentences(parsed)
            # first pass: every name looked up for the first time; then the caches are filled
            with first if n < len(distinct) else again:
                claims.extend(extract_claims(article, sents, gaz))
    extract = _Clock()
    extract.wall, extract.cpu = first.wall + again.wall, first.cpu + again.cpu
    t0 = time.perf_counter()
    by_id = {a.id: a for a in articles}
    events = fuse(claims, by_id)
    t_fuse = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(articles)
    whole = _Clock()
    whole.wall, whole.cpu = parse.wall + both.wall, parse.cpu + both.cpu
    rows = [
        ("gazetteer load (cached)", f"{t_gaz:.2f} s", ""),
        ("spaCy model load", f"{t_model:.2f} s", ""),
        ("articles / words", f"{n} / {words}", ""),
        (
            "spaCy parse",
            f"{parse.wall:.2f} s",
            parse.rate(n) + f", {words / parse.wall:.0f} words/s",
        ),
        ("token view", f"{view.wall:.3f} s", view.rate(n) + ", copied after the parse"),
        ("tables load", f"{t_tables:.2f} s", "triggers, sources, actors"),
        ("extraction (no parse)", f"{extract.wall:.2f} s", extract.rate(n)),
        ("  first pass (cold)", f"{first.wall:.2f} s", first.rate(len(distinct)) + ", names new"),
        (
            "  repeats (warm)",
            f"{again.wall:.2f} s",
            again.rate(n - len(distinct)) + ", caches filled",
        ),
        ("view + extraction", f"{both.wall:.2f} s", both.rate(n)),
        ("whole pipeline", f"{whole.wall:.2f} s", whole.rate(n)),
        ("fusion", f"{t_fuse:.3f} s", f"{len(claims)} claims -> {len(events)} events"),
        ("peak RSS", f"{peak_mb:.0f} MB", ""),
    ]
    print_table(rows, "stage", "time", 14)


if __name__ == "__main__":
    main()
