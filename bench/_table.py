"""The three-column table the benchmarks print (name | value | rate)."""

from __future__ import annotations

from collections.abc import Sequence


def print_table(rows: Sequence[tuple[str, str, str]], first: str, second: str, width2: int) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{first:<{width}} | {second:>{width2}} | rate")
    print("-" * (width + width2 + 26))
    for name, value, rate in rows:
        print(f"{name:<{width}} | {value:>{width2}} | {rate}")
