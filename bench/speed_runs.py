"""bench/pipeline.py run several times, one process each, with the best and median rates.

Run: .venv/bin/python bench/speed_runs.py [--runs N] [--cpu K] [--baseline SRC]
Each run is a fresh process (so each has its own first pass), pinned to core K with
`taskset` when it is installed. Rates are by CPU (process) time: on a machine other jobs
share, the wall clock counts the waits for a core. With --baseline (a `src` folder of
another version, e.g. from `git archive`), the runs alternate between the two versions
so both see the same load. Prints a table; not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from _common import print_table

HERE = Path(__file__).resolve().parent
STAGES = {
    "extraction (no parse)": "extraction",
    "  first pass (cold)": "first pass",
    "  repeats (warm)": "repeats",
    "view + extraction": "view + extraction",
}


def _one_run(cpu: int, src: str | None) -> dict[str, float]:
    cmd = [sys.executable, str(HERE / "pipeline.py")]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", str(cpu), *cmd]
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    got: dict[str, float] = {}
    for line in out.splitlines():
        stage = line.split("|")[0].rstrip()
        m = re.search(r"CPU time: ([\d.]+)", line)
        if stage in STAGES and m:
            got[STAGES[stage]] = float(m.group(1))
        if stage == "peak RSS":
            got["peak RSS (MB)"] = float(line.split("|")[1].split()[0])
    return got


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", type=int, default=1)
    parser.add_argument("--baseline", default=None, help="a src folder of another version")
    args = parser.parse_args()
    versions = {"this": None} | ({"baseline": args.baseline} if args.baseline else {})
    runs: dict[str, list[dict[str, float]]] = {v: [] for v in versions}
    for _ in range(args.runs):
        for name, src in versions.items():
            runs[name].append(_one_run(args.cpu, src))
    rows = []
    for name, got in runs.items():
        for key in [*STAGES.values(), "peak RSS (MB)"]:
            values = [r[key] for r in got if key in r]
            if not values:
                continue
            best = min(values) if key.startswith("peak") else max(values)
            unit = "" if key.startswith("peak") else " articles/s"
            rows.append(
                (f"{name}: {key}", f"{best:.0f}{unit}", f"median {statistics.median(values):.0f}")
            )
    print(f"{args.runs} runs each, CPU time, core {args.cpu}")
    print_table(rows, "stage", "best", 22)


if __name__ == "__main__":
    main()
