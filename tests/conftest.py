"""Shared fixtures: an in-process CLI runner, the seed report and one ingested seed database."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.geo import Gazetteer
from frontwatch.geo.geoparse import Geoparser

SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"
SEED_STEM = "000_c11a39ef1e7a73a7"
SEED_PUBLISHED = "2024-12-06"

Invoke = Callable[..., Result]


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The cached gazetteer index, loaded once for the whole run."""
    return Gazetteer.load()


@pytest.fixture(scope="module")
def parser(gaz: Gazetteer) -> Geoparser:
    """The standalone geoparser, one per test module (the geocoding rule tests)."""
    return Geoparser(gaz)


@pytest.fixture(scope="session")
def cli_runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def invoke(cli_runner: CliRunner) -> Invoke:
    """Run `frontwatch ARGS...` in-process; returns click's Result (stdout/stderr apart)."""

    def run(*args: str | Path) -> Result:
        return cli_runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run


def shared_folder(path: Path, what: str) -> Path:
    """`path` (a folder of ../shared), or skip the test; in CI, where shared/ always sits
    beside the clone, a missing folder fails instead of skipping."""
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{what} folder {path} not found")
        pytest.skip(f"{what} folder {path} not found")
    return path


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return shared_folder(SEED_DIR, "seed")


@pytest.fixture(scope="session")
def bench_root() -> Path:
    """../shared/benchmarks: the peer test sets, read in place."""
    from frontwatch.geo.benchsets import benchmarks_dir

    return shared_folder(benchmarks_dir(), "benchmarks")


@pytest.fixture(scope="session")
def seed_txt(seed_dir: Path) -> Path:
    return seed_dir / f"{SEED_STEM}.txt"


@pytest.fixture(scope="session")
def seed_gold(seed_dir: Path) -> Path:
    return seed_dir / f"{SEED_STEM}.gold.yaml"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, invoke: Invoke, seed_txt: Path) -> Path:
    """A database holding the seed report, ingested once per test session via the CLI."""
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    result = invoke("ingest", str(seed_txt), "--db", db, "--published", SEED_PUBLISHED)
    assert result.exit_code == 0, result.stdout + result.stderr
    return db
