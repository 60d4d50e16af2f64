"""What the benchmarks share: the demo corpus copied N times, and their three-column table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from frontwatch.config import DATA_DIR
from frontwatch.pipeline import IngestReport, read_articles
from frontwatch.types import Article


def demo_copies(copies: int) -> tuple[list[Article], list[Article]]:
    """(the demo reports, `copies` copies of them): each copy has its own id and origin, so
    a store holds every one (an identical copy would otherwise be stored once, by design)."""
    base = read_articles([DATA_DIR / "demo"], None, IngestReport())
    articles = [
        replace(a, id=f"{a.id}-{k:04d}", origin=f"copy{k:04d}/{a.origin}")
        for k in range(copies)
        for a in base
    ]
    return base, articles


def print_table(rows: Sequence[tuple[str, str, str]], first: str, second: str, width2: int) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{first:<{width}} | {second:>{width2}} | rate")
    print("-" * (width + width2 + 26))
    for name, value, rate in rows:
        print(f"{name:<{width}} | {value:>{width2}} | {rate}")
