"""Machine instructions extraction executes on the demo corpus, counted by valgrind's callgrind
(prints a table; not a test).

Run: .venv/bin/python bench/icount.py [--passes N] [--baseline SRC]
The demo reports are parsed here (spaCy, not counted) and handed to a child process run under
`valgrind --tool=callgrind`, which counts only between two markers: one first pass of
extract_claims over the 15 reports (per-name caches empty), then N warm passes. Unlike
bench/opcodes.py this counts the work done in C too (regex scans, dict look-ups, object
allocation), and unlike the timings the load of other jobs cannot blur it: the child runs
with PYTHONHASHSEED=0 and the garbage collector off, so two runs of one version agree to a
fraction of a percent. Slow: about 2-4 minutes per version (the gazetteer load runs under
valgrind too). With --baseline (a `src` folder of another version, e.g. from `git archive`)
that version is counted as well.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import print_table

HERE = Path(__file__).resolve().parent

# the child: load the parsed reports, then extraction between callgrind's markers (libc calls
# the counted code never makes: getppid zeroes the counters, getpgrp and getsid dump them)
_CHILD = """
import gc, os, pickle, sys
from frontwatch.actors import actor_table
from frontwatch.extract import extract_claims
from frontwatch.extract._tables import source_table, triggers
from frontwatch.geo import Gazetteer
parsed = pickle.loads(open(sys.argv[1], "rb").read())
gaz = Gazetteer.load()
triggers(), source_table(), actor_table()
gc.disable()
os.getppid()
for article, sents in parsed:
    extract_claims(article, sents, gaz)
os.getpgrp()
for _ in range(int(sys.argv[2])):
    for article, sents in parsed:
        extract_claims(article, sents, gaz)
os.getsid(0)
"""


def _parsed(path: Path) -> int:
    from frontwatch.config import DATA_DIR
    from frontwatch.ingest import read_path
    from frontwatch.nlp import sentences

    articles = read_path(DATA_DIR / "demo").articles
    path.write_bytes(pickle.dumps([(a, sentences(a)) for a in articles]))
    return len(articles)


def _count(src: str | None, parsed: Path, passes: int, out: Path) -> tuple[int, int]:
    """(instructions of the first pass, of the warm passes) of one version."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src:
        env["PYTHONPATH"] = src
    cmd = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        "--zero-before=getppid",
        "--dump-before=getpgrp",
        "--dump-before=getsid",
        sys.executable,
        "-c",
        _CHILD,
        str(parsed),
        str(passes),
    ]
    subprocess.run(cmd, check=True, env=env, capture_output=True)
    totals = []
    for part in (1, 2):
        text = Path(f"{out}.{part}").read_text()
        m = re.search(r"^summary:\s*(\d+)", text, re.M)
        totals.append(int(m.group(1)) if m else 0)
    return totals[0], totals[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=3, help="warm passes after the first")
    parser.add_argument("--baseline", default=None, help="a src folder of another version")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/icount.py: valgrind is not installed")
    versions = {"this": None} | ({"baseline": args.baseline} if args.baseline else {})
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        parsed = Path(tmp) / "parsed.pkl"
        n = _parsed(parsed)
        for name, src in versions.items():
            cold, warm = _count(src, parsed, args.passes, Path(tmp) / f"cg.{name}")
            per_warm = warm / (n * args.passes)
            rows.append(
                (f"{name}: first pass", f"{cold / 1e6:.0f} M", f"{cold / n / 1e6:.1f} M per report")
            )
            rows.append(
                (
                    f"{name}: warm passes",
                    f"{warm / 1e6:.0f} M",
                    f"{per_warm / 1e6:.1f} M per report",
                )
            )
    print(f"instructions (callgrind), demo corpus: {n} reports, {args.passes} warm passes")
    print_table(rows, "pass", "total", 10)


if __name__ == "__main__":
    main()
