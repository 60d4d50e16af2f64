"""Bytecodes extraction executes on the demo corpus: a speed measure the machine's load cannot
blur (prints a table; not a test).

Run: .venv/bin/python bench/opcodes.py [--top N] [--baseline SRC]
Each report is parsed once; extract_claims then runs over the 15 reports twice (a first pass
with the per-name caches empty, then a warm one) under sys.settrace with opcode events, and
the opcodes are counted per function (its own, not its callees'). Work done in C (regex
scans, dict and cache look-ups) is not counted, so this ranks the Python-level cost; time
still decides (bench/speed_runs.py), but on a machine other jobs share, a change of a few
percent shows here and drowns in the timings' noise. With --baseline (a `src` folder of
another version, e.g. from `git archive`) that version's totals are printed too.
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

from _common import print_table

HERE = Path(__file__).resolve().parent


def _count() -> tuple[int, collections.Counter[CodeType]]:
    """(opcodes of the first pass, opcodes per function of the warm pass)."""
    from frontwatch.actors import actor_table
    from frontwatch.config import DATA_DIR
    from frontwatch.extract import extract_claims
    from frontwatch.extract._tables import source_table, triggers
    from frontwatch.geo import Gazetteer
    from frontwatch.ingest import read_path
    from frontwatch.nlp import parse_paragraphs, view_sentences

    gaz = Gazetteer.load()
    triggers(), source_table(), actor_table()
    parsed = [
        (a, view_sentences(parse_paragraphs(a))) for a in read_path(DATA_DIR / "demo").articles
    ]
    counts: collections.Counter[CodeType] = collections.Counter()

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return on_opcode

    def on_opcode(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "opcode":
            counts[frame.f_code] += 1
        return on_opcode

    def one_pass() -> int:
        sys.settrace(on_call)
        for article, sents in parsed:
            extract_claims(article, sents, gaz)
        sys.settrace(None)
        return sum(counts.values())

    first = one_pass()
    counts.clear()
    one_pass()
    return first, counts


def _where(code: CodeType) -> str:
    path = code.co_filename
    if "frontwatch/" in path:
        path = path.split("frontwatch/", 1)[1]
    return f"{path}:{code.co_firstlineno} {code.co_name}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--baseline", default=None, help="a src folder of another version")
    parser.add_argument("--totals", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    first, counts = _count()
    warm = sum(counts.values())
    if args.totals:
        print(first, warm)
        return
    rows = [
        ("this: first pass (cold)", f"{first / 1e6:.2f} M", ""),
        ("this: warm pass", f"{warm / 1e6:.2f} M", ""),
    ]
    if args.baseline:
        env = dict(os.environ, PYTHONPATH=args.baseline)
        out = subprocess.run(
            [sys.executable, __file__, "--totals"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.split()
        b_first, b_warm = int(out[-2]), int(out[-1])
        rows += [
            (
                "baseline: first pass (cold)",
                f"{b_first / 1e6:.2f} M",
                f"this: {first / b_first - 1:+.1%}",
            ),
            ("baseline: warm pass", f"{b_warm / 1e6:.2f} M", f"this: {warm / b_warm - 1:+.1%}"),
        ]
    print("opcodes executed by extract_claims, demo corpus (15 reports)")
    print_table(rows, "pass", "opcodes", 10)
    top = [(_where(code), f"{k / warm:.1%}", f"{k}") for code, k in counts.most_common(args.top)]
    print(f"\nwarm pass, top {args.top} functions by their own opcodes")
    print_table(top, "function", "share", 6)


if __name__ == "__main__":
    main()
