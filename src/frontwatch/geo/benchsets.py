"""Readers and scoring for the public geoparsing test sets (used by bench/geocoding.py and tests).

The data stay where they are (``../shared/benchmarks/<set>``); nothing is copied.
Every reader returns :class:`GoldDoc` records with 0-based character offsets into
``text``, after the fixes each set's README asks for (GeoVirus is 1-based; some
TR-News offsets drift by up to 10 characters).

Scoring follows Gritta et al. (2018, 2019): a gold mention is *found* when a
predicted mention overlaps its span; accuracy within 161 km, mean and median
error and the AUC of the log-scaled error curve are computed on found mentions
that have coordinates (a found mention we could not resolve gets the maximum
error, 20,039 km); the end-to-end accuracy counts every gold mention with
coordinates, a missed one as wrong.
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.geo.gazetteer import haversine_km

__all__ = [
    "BENCH_SETS",
    "GoldDoc",
    "GoldToponym",
    "Predicted",
    "Scores",
    "auc_log_error",
    "benchmarks_dir",
    "read_set",
    "score",
]

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of a miss
ACC_KM = 161.0  # 100 miles
BENCH_SETS = ("mordecai-tests", "geowebnews", "trnews", "geovirus")


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str = ""  # GeoWebNews type, TR-News feature code


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonameid: int | None = None


def benchmarks_dir() -> Path:
    """../shared/benchmarks as seen from the repository root (or FRONTWATCH_BENCHMARKS)."""
    import os

    env = os.environ.get("FRONTWATCH_BENCHMARKS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[4] / "shared" / "benchmarks"


def _float(s: str | None) -> float | None:
    try:
        return float(s) if s not in (None, "") else None
    except ValueError:
        return None


def _int(s: str | None) -> int | None:
    try:
        return int(s) if s not in (None, "") else None
    except ValueError:
        return None


def _realign(text: str, phrase: str, start: int, window: int = 12) -> int:
    """The offset of ``phrase`` nearest ``start`` (TR-News offsets drift)."""
    if text[start : start + len(phrase)] == phrase:
        return start
    best = -1
    for d in range(1, window + 1):
        for s in (start - d, start + d):
            if s >= 0 and text[s : s + len(phrase)] == phrase:
                best = s
                break
        if best >= 0:
            return best
    return start


def read_geowebnews(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            start, end = _int(t.findtext("start")), _int(t.findtext("end"))
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if start is None or end is None or lat is None or lon is None:
                continue  # gold = mentions with coordinates (README)
            tops.append(
                GoldToponym(
                    start,
                    end,
                    t.findtext("extractedName") or "",
                    lat,
                    lon,
                    _int(t.findtext("geonamesID")),
                    t.findtext("type") or "",
                )
            )
        docs.append(GoldDoc(art.get("file", ""), text, tuple(tops)))
    return docs


def read_trnews(path: Path) -> list[GoldDoc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            start = _int(t.findtext("start")) or 0
            start = _realign(text, phrase, start)
            tag = t.find("gaztag")
            lat = lon = None
            gid = None
            code = ""
            if tag is not None:
                lat, lon = _float(tag.findtext("lat")), _float(tag.findtext("lon"))
                gid = _int(tag.get("geonameid"))
                code = tag.findtext("fcode") or ""
            tops.append(GoldToponym(start, start + len(phrase), phrase, lat, lon, gid, code))
        docs.append(GoldDoc(art.get("docid", ""), text, tuple(tops)))
    return docs


def read_geovirus(path: Path) -> list[GoldDoc]:
    docs = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("location"):
            start, end = _int(t.findtext("start")), _int(t.findtext("end"))
            if start is None or end is None:
                continue
            tops.append(
                GoldToponym(
                    start - 1,  # 1-based in the file (README)
                    end - 1,
                    t.findtext("name") or "",
                    _float(t.findtext("lat")),
                    _float(t.findtext("lon")),
                )
            )
        docs.append(GoldDoc(str(n), text, tuple(tops)))
    return docs


def read_mordecai(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_set(name: str, root: Path | None = None) -> list[GoldDoc]:
    """Gold documents of one set (not mordecai-tests: see :func:`read_mordecai`)."""
    base = (root or benchmarks_dir()) / name
    if name == "geowebnews":
        return read_geowebnews(base / "GWN.xml")
    if name == "trnews":
        return read_trnews(base / "TR-News.xml")
    if name == "geovirus":
        return read_geovirus(base / "GeoVirus.xml")
    raise ValueError(f"unknown benchmark set {name!r}")


def auc_log_error(errors_km: Sequence[float]) -> float:
    """Area under the curve of sorted log errors, normalised to [0, 1] (lower is better).

    Gritta et al. (2018): ``trapz(ln(1 + sorted(errors))) / ((n - 1) * ln(20039))``.
    """
    if len(errors_km) < 2:
        return math.log1p(errors_km[0]) / math.log(MAX_ERROR_KM) if errors_km else 0.0
    ys = [math.log1p(min(e, MAX_ERROR_KM)) for e in sorted(errors_km)]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:], strict=False))
    return area / ((len(ys) - 1) * math.log(MAX_ERROR_KM))


@dataclass
class Scores:
    """Counts and errors over one set."""

    gold: int = 0  # gold mentions (recognition)
    gold_coords: int = 0  # gold mentions with coordinates (resolution)
    predicted: int = 0
    tp_pred: int = 0  # predictions overlapping a gold mention
    tp_gold: int = 0  # gold mentions overlapped by a prediction
    errors: list[float] = field(default_factory=list)  # found gold mentions with coordinates
    id_found: int = 0  # found gold mentions with a geonameid
    id_right: int = 0
    seconds: float = 0.0
    docs: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def acc161(self) -> float:
        return sum(e <= ACC_KM for e in self.errors) / len(self.errors) if self.errors else 0.0

    @property
    def end_to_end(self) -> float:
        right = sum(e <= ACC_KM for e in self.errors)
        return right / self.gold_coords if self.gold_coords else 0.0

    @property
    def mean_km(self) -> float:
        return statistics.fmean(self.errors) if self.errors else 0.0

    @property
    def median_km(self) -> float:
        return statistics.median(self.errors) if self.errors else 0.0

    @property
    def auc(self) -> float:
        return auc_log_error(self.errors)

    @property
    def id_accuracy(self) -> float:
        return self.id_right / self.id_found if self.id_found else 0.0

    @property
    def per_second(self) -> float:
        return self.predicted / self.seconds if self.seconds else 0.0

    def row(self) -> dict[str, float]:
        return {
            "P": self.precision,
            "R": self.recall,
            "F1": self.f1,
            "acc161": self.acc161,
            "mean_km": self.mean_km,
            "median_km": self.median_km,
            "AUC": self.auc,
            "e2e": self.end_to_end,
            "id_acc": self.id_accuracy,
            "topo_per_s": self.per_second,
        }


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score(
    doc: GoldDoc,
    predicted: Iterable[Predicted],
    into: Scores | None = None,
    *,
    demonyms: bool = True,
) -> Scores:
    """Add one document's counts to ``into`` (a new :class:`Scores` if None)."""
    s = into if into is not None else Scores()
    preds = sorted(predicted, key=lambda p: p.start)
    s.docs += 1
    s.predicted += len(preds)
    s.gold += len(doc.toponyms)
    for p in preds:
        if any(_overlaps(p.start, p.end, g.start, g.end) for g in doc.toponyms):
            s.tp_pred += 1
    for g in doc.toponyms:
        match = [p for p in preds if _overlaps(p.start, p.end, g.start, g.end)]
        if g.lat is not None and g.lon is not None:
            s.gold_coords += 1
        if not match:
            continue
        s.tp_gold += 1
        if g.lat is None or g.lon is None:
            continue
        best = min(match, key=lambda p: abs(p.start - g.start) + abs(p.end - g.end))
        if best.lat is None or best.lon is None:
            s.errors.append(MAX_ERROR_KM)
        else:
            s.errors.append(haversine_km((best.lat, best.lon), (g.lat, g.lon)))
        if g.geonameid is not None:
            s.id_found += 1
            s.id_right += int(best.geonameid == g.geonameid)
    return s


def run_sample(parser: Any, name: str, n: int = 30, root: Path | None = None) -> Scores:
    """Score a :class:`~frontwatch.geo.geoparse.Geoparser` on the first ``n`` documents."""
    docs = read_set(name, root)[:n]
    s = Scores()
    for d, tops in zip(docs, parser.parse_many([d.text for d in docs]), strict=True):
        preds = [
            Predicted(t.start, t.end, t.place.lat, t.place.lon, t.place.geonameid) for t in tops
        ]
        score(d, preds, s)
    return s
