"""Exactness harness for speed work: every claim extracted from every report we have.

Run: .venv/bin/python bench/exactness.py --dump FILE     (write the claims as JSON)
     .venv/bin/python bench/exactness.py --check FILE    (compare; non-zero exit on a change)
Reports: the demo corpus, the annotated corpus parts (tests/fixtures/corpus/*) and the shared
seed report. A change that only makes extraction faster must leave the dump identical.
Not a test (it parses ~230 reports); the claims are compared, never scored here.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from frontwatch.config import DATA_DIR
from frontwatch.extract import extract_claims
from frontwatch.geo import Gazetteer
from frontwatch.ingest import read_path
from frontwatch.nlp import sentences

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [
    DATA_DIR / "demo",
    *sorted(p for p in (ROOT / "tests/fixtures/corpus").iterdir() if p.is_dir()),
    ROOT.parent / "shared/seed",
]


def all_claims() -> dict[str, list[dict[str, Any]]]:
    gaz = Gazetteer.load()
    out: dict[str, list[dict[str, Any]]] = {}
    for folder in FOLDERS:
        if not folder.exists():
            continue
        for article in read_path(folder).articles:
            origin = article.origin.removeprefix(str(folder)).lstrip("/")
            key = f"{folder.name}/{origin}#{article.id}"
            claims = extract_claims(article, sentences(article), gaz)
            out[key] = [asdict(c) for c in claims]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", type=Path)
    group.add_argument("--check", type=Path)
    args = parser.parse_args()
    text = json.dumps(all_claims(), indent=1, sort_keys=True, default=str)
    if args.dump:
        args.dump.write_text(text)
        print(f"{args.dump}: {len(text)} characters")
        return
    before = json.loads(args.check.read_text())
    now = json.loads(text)
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in changed:
        print(f"changed: {key}")
    n = sum(len(v) for v in now.values())
    print(f"{len(now)} reports, {n} claims, {len(changed)} reports changed")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
