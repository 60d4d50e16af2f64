"""User gazetteer additions: `frontwatch gazetteer import FILE` for GeoNames dumps.

Accepted: the GeoNames ``geoname`` table (``allCountries.txt``, ``cities500.txt``,
a country file such as ``SY.txt``: 19 tab-separated columns) and the
alternate-names table (``alternateNamesV2.txt``: 10 columns; the older 8-column
``alternateNames.txt`` too).  Every line is checked; the first bad line stops
the import with a message naming it, and nothing is written.  Records are kept
in a JSON-lines overlay (``$FRONTWATCH_USER_GAZETTEER`` or
``<cache dir>/user-gazetteer.jsonl``), written to a temporary file and renamed
into place, and merged into the index each time it loads.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontwatch.errors import GazetteerError

__all__ = ["ImportReport", "import_file", "overlay_path", "read_overlay"]

_FCLASSES = set("ADHLPRSTUV")
_SKIP_LANGS = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "fr_1793", "abbr"}
_CC = re.compile(r"^[A-Z]{2}$|^$")


@dataclass(frozen=True)
class ImportReport:
    kind: str  # geonames | alternate_names
    lines: int
    places: int  # place records added or replaced
    names: int  # alternate names added
    path: Path


def overlay_path(cache_dir: Path) -> Path:
    env = os.environ.get("FRONTWATCH_USER_GAZETTEER")
    return Path(env) if env else cache_dir / "user-gazetteer.jsonl"


def read_overlay(path: Path) -> dict[int, dict[str, Any]]:
    """geonameid -> record ({} when there is no overlay)."""
    if not path.exists():
        return {}
    out: dict[int, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[int(rec["gid"])] = rec
    return out


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        fh = path.open("rb")
    except OSError as e:
        raise GazetteerError(f"{path}: cannot read file ({e.strerror or e})") from None
    with fh:
        for n, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise GazetteerError(
                    f"{path}:{n}: not UTF-8 text; expected a GeoNames dump (unzip it first)"
                ) from None
            line = line.rstrip("\r\n")
            if line and not line.startswith("#"):
                yield n, line


def _bad(path: Path, n: int, why: str) -> GazetteerError:
    return GazetteerError(f"{path}:{n}: {why}; nothing imported")


def _geoname(path: Path, n: int, f: list[str]) -> dict[str, Any]:
    try:
        gid = int(f[0])
        lat, lon = float(f[4]), float(f[5])
        pop = int(f[14] or 0)
    except ValueError:
        raise _bad(
            path, n, "geonameid, latitude, longitude or population is not a number"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise _bad(path, n, f"coordinates out of range ({lat}, {lon})")
    if f[6] not in _FCLASSES or not _CC.match(f[8]) or not f[1].strip():
        raise _bad(path, n, "not a GeoNames geoname row (name, feature class or country code)")
    alts = [a for a in f[3].split(",") if a]
    return {
        "gid": gid,
        "name": f[1],
        "ascii": f[2],
        "alt": alts,
        "lat": lat,
        "lon": lon,
        "fclass": f[6],
        "fcode": f[7],
        "cc": f[8],
        "admin1": f[10],
        "admin2": f[11],
        "pop": pop,
    }


def _parse(path: Path) -> tuple[str, int, dict[int, dict[str, Any]], dict[int, list[str]]]:
    kind = ""
    count = 0
    places: dict[int, dict[str, Any]] = {}
    names: dict[int, list[str]] = {}
    for n, line in _lines(path):
        f = line.split("\t")
        if not kind:
            if len(f) == 19:
                kind = "geonames"
            elif len(f) in (8, 10):
                kind = "alternate_names"
            else:
                raise _bad(
                    path,
                    n,
                    f"{len(f)} tab-separated columns; a GeoNames geoname table has 19, "
                    "an alternate-names table 10 (or 8)",
                )
        count += 1
        if kind == "geonames":
            if len(f) != 19:
                raise _bad(path, n, f"{len(f)} columns where the geoname table has 19")
            rec = _geoname(path, n, f)
            places[rec["gid"]] = rec
        else:
            if len(f) not in (8, 10) or not f[0].isdigit() or not f[1].isdigit():
                raise _bad(path, n, "not an alternate-names row (ids must be numbers)")
            if f[2] in _SKIP_LANGS or not f[3].strip():
                continue
            names.setdefault(int(f[1]), []).append(f[3])
    if not kind:
        raise GazetteerError(f"{path}: no GeoNames rows found; nothing imported")
    return kind, count, places, names


def import_file(path: Path, cache_dir: Path) -> ImportReport:
    """Check the whole file, merge it into the overlay, write atomically."""
    kind, count, places, names = _parse(path)
    target = overlay_path(cache_dir)
    current = read_overlay(target)
    for gid, rec in places.items():
        old = current.get(gid, {})
        rec["alt"] = sorted({*rec["alt"], *old.get("alt", [])})
        current[gid] = rec
    added = 0
    for gid, alts in names.items():
        rec = current.setdefault(gid, {"gid": gid, "alt": []})
        new = set(alts) - set(rec["alt"])
        added += len(new)
        rec["alt"] = sorted({*rec["alt"], *new})
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".user-gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for rec in current.values():
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        os.replace(tmp, target)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise GazetteerError(f"{target}: cannot write the gazetteer ({e.strerror or e})") from None
    return ImportReport(kind, count, len(places), added, target)
