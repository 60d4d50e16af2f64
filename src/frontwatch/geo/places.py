"""`frontwatch places`: geoparse files (or stdin) and print one record per toponym mention.

The text is read as given (decoded, not cleaned), so ``start``/``end`` are
0-based character offsets into the file's decoded text.  The gazetteer and the
spaCy model load once for all files.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from frontwatch.errors import IngestError
from frontwatch.geo.geoparse import Geoparser

__all__ = ["iter_places", "read_input", "write_places"]

TABLE_COLUMNS = (
    "file",
    "start",
    "end",
    "text",
    "name",
    "geonameid",
    "country_code",
    "admin1",
    "feature_code",
    "geo_precision",
    "method",
    "score",
    "role",
)


def read_input(name: str, stdin: IO[str] | None = None) -> str:
    """Text of a file, or of standard input for ``-``; IngestError on bad input."""
    from frontwatch.ingest._decode import decode, read_bytes

    if name == "-":
        stream = stdin if stdin is not None else sys.stdin
        text = stream.read()
        if not text.strip():
            raise IngestError("-: empty input")
        return text
    path = Path(name)
    if path.is_dir():
        raise IngestError(f"{name}: is a folder; give the files (e.g. {name}/*.txt)")
    return decode(read_bytes(path, name), name)


def iter_places(
    files: Sequence[str],
    parser: Geoparser,
    *,
    explain: bool = False,
    stdin: IO[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """One dict per toponym mention, file by file, in text order."""
    texts = [(name, read_input(name, stdin)) for name in files]  # fail before any output
    docs = parser.parse_many([t for _, t in texts])
    for (name, _), tops in zip(texts, docs, strict=True):
        for t in tops:
            yield t.as_dict(file=name, explain=explain)


def write_places(
    rows: Iterator[dict[str, Any]], out: IO[str], fmt: str = "jsonl", explain: bool = False
) -> int:
    """Write the records as JSON lines or an aligned table; returns how many."""
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    table = list(rows)
    cells = [[_cell(r.get(c)) for c in TABLE_COLUMNS] for r in table]
    widths = [max([len(c), *(len(line[i]) for line in cells)]) for i, c in enumerate(TABLE_COLUMNS)]
    out.write("  ".join(c.ljust(w) for c, w in zip(TABLE_COLUMNS, widths, strict=True)) + "\n")
    for r, line in zip(table, cells, strict=True):
        out.write("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() + "\n")
        if explain:
            out.write(f"    why: {r.get('why', '')}\n")
            for c in r.get("candidates", []):
                out.write(
                    f"    - {c['rank']:>7.3f} {c['name']} ({c['feature']}, {c['country_code']}"
                    f" {c['admin1']}, pop {c['population']:,}, {c['method']}, {c.get('source', '')}) "
                    f"geonameid {c['geonameid']}\n"
                )
    return len(table)


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)
