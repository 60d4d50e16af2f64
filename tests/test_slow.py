"""Slow checks, run by `make bench` (`pytest -m slow`), not by the default test run.

Whole peer test sets for geocoding (floors just below bench/geocoding.py's figures in
docs/accuracy.md) and fusion quality on 100,000 synthetic claims (bench/fusion.py's
generator). They assert accuracy, never time.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from frontwatch.geo.benchsets import run_sample
from frontwatch.geo.geoparse import Geoparser

pytestmark = pytest.mark.slow

# set -> (accuracy within 161 km on found names, end to end, recall), whole set
FULL_FLOORS = {
    "geowebnews": (0.924, 0.681, 0.737),
    "trnews": (0.921, 0.80, 0.859),
    "geovirus": (0.846, 0.827, 0.975),
}


@pytest.mark.parametrize("name", sorted(FULL_FLOORS))
def test_whole_set_geocoding_floor(bench_root: Path, name: str) -> None:
    s = run_sample(Geoparser(), name, 10**6, bench_root)
    acc, e2e, recall = FULL_FLOORS[name]
    assert s.acc161 >= acc, f"{name}: accuracy@161 km {s.acc161:.3f} < {acc}"
    assert s.end_to_end >= e2e, f"{name}: end-to-end {s.end_to_end:.3f} < {e2e}"
    assert s.recall >= recall, f"{name}: recall {s.recall:.3f} < {recall}"


def _fusion_bench() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "fusion.py"
    spec = importlib.util.spec_from_file_location("fusion_bench", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fusion_of_100k_synthetic_claims_keeps_one_event_per_happening() -> None:
    result = _fusion_bench().run(100_000)
    assert result["ratio"] <= 1.01, result
    assert result["dup"] <= 0.01, result
    assert result["wrong"] <= 0.005, result
    assert result["inc_events"] < 1_000, result  # 1k new claims rebuild only their regions
