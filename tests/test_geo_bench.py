"""Geoparsing accuracy on a small fixed sample of each public test set must not drop.

The sets are read in place from ../shared/benchmarks (never copied here). The
floors sit just below what bench/geocoding.py measured on the same sample
(first 30 documents); raise them when the geoparser improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.geo.benchsets import read_mordecai, run_sample
from frontwatch.geo.geoparse import Geoparser
from frontwatch.geo.mordecai import score_mordecai

SAMPLE = 30
# set -> (accuracy within 161 km on found names, end-to-end accuracy, recall)
FLOORS = {
    "geowebnews": (0.90, 0.592, 0.657),
    "trnews": (0.955, 0.764, 0.797),
    "geovirus": (0.788, 0.757, 0.96),
}


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_sample_accuracy_floor(parser: Geoparser, bench_root: Path, name: str) -> None:
    s = run_sample(parser, name, SAMPLE, bench_root)
    acc, e2e, recall = FLOORS[name]
    assert s.docs == SAMPLE and s.gold > 100
    assert s.acc161 >= acc, f"{name}: accuracy@161 km {s.acc161:.3f} < {acc}"
    assert s.end_to_end >= e2e, f"{name}: end-to-end {s.end_to_end:.3f} < {e2e}"
    assert s.recall >= recall, f"{name}: recall {s.recall:.3f} < {recall}"


def test_mordecai_cases_floor(parser: Geoparser, bench_root: Path) -> None:
    records = read_mordecai(bench_root / "mordecai-tests" / "mordecai_test_cases.jsonl")
    m = score_mordecai(parser, records)
    assert m["geoparse"] == 28 and m["lookup"] == 15
    assert m["geoparse_pass"] >= 28, m["failures"]
    assert m["fields_pass"] >= 55, m["failures"]
    assert m["lookup_pass"] >= 11, m["failures"]
