"""The shipped supplement of conflict places (``data/geo/conflict_places.csv``).

Places prominent in conflict news that GeoNames cities500 lacks (Zamzam camp, Robotyne,
Aita al-Shaab, Kiwanja, the Al-Tanf garrison ...). Each row becomes a gazetteer entry
with a synthetic id (``SYNTHETIC_ID_BASE`` and up: GeoNames ids are far below), or, when
the row gives a GeoNames id the index holds, adds its names to that entry
("Um Rawaba" -> Umm Ruwaba). The table is read when the index is built; its content is
part of the cache key, so an edit rebuilds the index.
"""

from __future__ import annotations

import csv
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import GazetteerError
from frontwatch.geo.lexicon import GEO_DATA_DIR
from frontwatch.geo.normalise import fold_name

__all__ = [
    "AREA_CODES",
    "FEATURE_CODES",
    "SUPPLEMENT_TABLE",
    "SYNTHETIC_ID_BASE",
    "SupplementRow",
    "entry_source",
    "is_supplement_id",
    "read_supplement",
    "supplement_paths",
    "synthetic_id",
]

SUPPLEMENT_TABLE = "conflict_places.csv"
SYNTHETIC_ID_BASE = 9_000_000_000
# point features (indexed as towns, geo_precision 1) and areas (indexed as regions)
POINT_CODES = frozenset(
    [
        "PPL",
        "PPLX",
        "PPLQ",
        "CMP",
        "CMPRF",
        "MILB",
        "AIRB",
        "AIRP",
        "AIRF",
        "DAM",
        "BDG",
        "PSTB",
        "PRT",
        "ISL",
        "PSN",
        "PS",
        "OILF",
        "MFG",
        "PRN",
        "MN",
        "MT",
        "HSP",
    ]
)
AREA_CODES = frozenset(["RGN", "FRST", "VAL", "MTS", "PEN", "RD"])
FEATURE_CODES = POINT_CODES | AREA_CODES
_COLUMNS = ("name", "alternate_names", "country", "admin1", "lat", "lon", "feature_code")
_ISO2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class SupplementRow:
    """One place of the supplement table."""

    name: str
    alternate_names: tuple[str, ...]
    country: str
    admin1: str
    lat: float
    lon: float
    feature_code: str
    population: int
    geonameid: int  # a GeoNames id the names are added to, or the row's synthetic id
    line: int

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.alternate_names)

    @property
    def is_area(self) -> bool:
        return self.feature_code in AREA_CODES

    @property
    def synthetic(self) -> bool:
        return is_supplement_id(self.geonameid)


def synthetic_id(country: str, name: str) -> int:
    """A stable id for a supplement entry: the same country and name give the same id
    whatever else the row says (coordinates, alternate names)."""
    return SYNTHETIC_ID_BASE + zlib.crc32(f"{country}:{fold_name(name)}".encode())


def is_supplement_id(gid: int | None) -> bool:
    return gid is not None and gid >= SYNTHETIC_ID_BASE


def entry_source(gid: int | None) -> str:
    """Where a gazetteer entry comes from: "supplement" (this table, a synthetic id),
    "geonames" (a GeoNames id) or "table" (a shipped table without ids: named regions)."""
    if is_supplement_id(gid):
        return "supplement"
    return "geonames" if gid is not None else "table"


def _row(path: Path, n: int, raw: dict[str, str | None]) -> SupplementRow:
    r = {k: (v or "").strip() for k, v in raw.items() if k}
    missing = [c for c in _COLUMNS if c not in r]
    if missing:
        raise GazetteerError(f"{path}:{n}: missing column(s) {', '.join(missing)}")
    if not r["name"]:
        raise GazetteerError(f"{path}:{n}: empty name")
    if not _ISO2.match(r["country"]):
        raise GazetteerError(f"{path}:{n}: country {r['country']!r} is not an ISO2 code")
    code = r["feature_code"].upper()
    if code not in FEATURE_CODES:
        raise GazetteerError(f"{path}:{n}: unknown feature code {code!r}")
    try:
        lat, lon = float(r["lat"]), float(r["lon"])
        pop = int(r.get("population") or 0)
        gid = int(r["geonameid"]) if r.get("geonameid") else synthetic_id(r["country"], r["name"])
    except ValueError:
        raise GazetteerError(
            f"{path}:{n}: lat, lon, population and geonameid must be numbers"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerError(f"{path}:{n}: coordinates {lat}, {lon} out of range")
    alts = tuple(a.strip() for a in r["alternate_names"].split("|") if a.strip())
    return SupplementRow(r["name"], alts, r["country"], r["admin1"], lat, lon, code, pop, gid, n)


def supplement_paths() -> tuple[Path, ...]:
    """The shipped table, then a user's own table of the same columns when
    ``$FRONTWATCH_CONFLICT_PLACES`` names one (its rows come after the shipped ones)."""
    extra = os.environ.get("FRONTWATCH_CONFLICT_PLACES")
    return (GEO_DATA_DIR / SUPPLEMENT_TABLE, *((Path(extra),) if extra else ()))


def read_supplement(path: Path) -> list[SupplementRow]:
    """Rows of a supplement table; GazetteerError (naming the line) on a bad row."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GazetteerError(f"{path}: cannot read the supplement table ({e})") from None
    numbered = [
        (n, ln)
        for n, ln in enumerate(text.splitlines(), start=1)
        if ln.strip() and not ln.lstrip().startswith("#")
    ]
    if not numbered:
        return []
    reader = csv.DictReader(ln for _, ln in numbered)
    rows = []
    for (n, _), raw in zip(numbered[1:], reader, strict=True):
        rows.append(_row(path, n, raw))
    return rows
