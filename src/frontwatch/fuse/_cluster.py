"""Claims → clusters: buckets, candidate edges, constrained union-find.

1. Claims with the same *signature* (family, places, date window, side,
   statement) are one group: they are interchangeable for matching.
2. Groups go into (family, grid cell, day) buckets; a new group is compared
   only with the groups of the neighbouring cells and days (no all-pairs).
   A compatible pair is a candidate edge.
3. Candidate edges join *regions* (plain union-find). Inside a region, edges
   are taken in a fixed order (closest dates, then closest places, then the
   signatures) and applied with union-find when the merged cluster still
   holds together: one date window, one side (or two claimed controllers of
   one town on one day), nearby anchor towns.

Everything depends only on the set of claims, so the result is the same
whatever the ingest order, and a new claim only re-clusters its own region.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from frontwatch.actors import actor_table
from frontwatch.geo import haversine_km, normalise_name
from frontwatch.types import Claim, Place

from ._config import fusion_config

__all__ = ["Group", "Clusterer", "claim_family", "signature", "TERRITORY"]

TERRITORY = frozenset(
    {
        "Non-state actor overtakes territory",
        "Government regains territory",
        "Non-violent transfer of territory",
    }
)
_MAX_BUCKET_DAYS = 62
_EARTH_DEG_KM = 111.2

PlaceKey = tuple[str, float, float, int, str]  # key, lat, lon, precision, feature
Signature = tuple[str, tuple[PlaceKey, ...], int, int, str, str]


def claim_family(c: Claim) -> str:
    if c.kind != "event":
        return c.kind
    if c.sub_event_type in TERRITORY:
        return "territory"
    return c.event_type + "/" + c.sub_event_type


def taker(c: Claim) -> str:
    """Who a claim says gained (territory) or acted (others)."""
    if c.sub_event_type == "Non-violent transfer of territory" and "withdrawal" in c.notes:
        return c.actor2
    return c.actor1


@lru_cache(maxsize=65536)
def _side(actor: str) -> str:
    return actor_table().side(actor) if actor else ""


def _place_key(p: Place) -> PlaceKey:
    key = str(p.geonameid) if p.geonameid else "n:" + normalise_name(p.name or p.spelled)
    lat = float("nan") if p.lat is None else p.lat
    lon = float("nan") if p.lon is None else p.lon
    return (key, lat, lon, p.geo_precision, p.feature)


def signature(c: Claim) -> Signature:
    fam = claim_family(c)
    d = c.date
    start = d.toordinal() if d else 0
    end = (c.date_end or d).toordinal() if d else 0
    ps = c.places
    if len(ps) == 1:
        places: tuple[PlaceKey, ...] = (_place_key(ps[0]),)
    else:
        places = tuple(sorted({_place_key(p) for p in ps}))
    if c.kind == "statement":
        return (fam, places, start, end, normalise_name(c.actor1), " ".join(c.statement.split()))
    return (fam, places, start, end, _side(taker(c)), "")


class Group:
    """Claims with one signature; family/start/end/side unpacked for speed."""

    __slots__ = ("id", "sig", "claims", "family", "start", "end", "side")

    def __init__(self, gid: int, sig: Signature) -> None:
        self.id = gid  # arrival number: used for indexing only, never for ordering
        self.sig = sig
        self.claims: list[Claim] = []
        self.family = sig[0]
        self.start = sig[2]
        self.end = sig[3]
        self.side = sig[4]


@dataclass
class Edge:
    order: tuple[int, float, Signature, Signature]  # the content order edges are applied in
    reason: str
    ia: int
    ib: int

    @property
    def a(self) -> Signature:
        return self.order[2]

    @property
    def b(self) -> Signature:
        return self.order[3]


@dataclass
class _Agg:
    """What a growing cluster must keep consistent."""

    max_start: int
    min_end: int
    sides: frozenset[str]
    anchors: tuple[tuple[float, float], ...]
    dated: bool
    # article id → the one day it gives this happening: a report that tells two days apart
    # ("on Monday ... the first attack, on Sunday") tells two events, never one.
    days: dict[str, int]
    # the reports that told the cluster's claims: the extractor already merged what one
    # report tells twice, so two claims it kept apart ("a second car bomb") stay two events
    articles: frozenset[str] = frozenset()


def _agg(g: Group) -> _Agg:
    anchors = tuple(
        (p[1], p[2]) for p in g.sig[1] if p[3] == 1 and p[4] == "city" and not math.isnan(p[1])
    )
    days: dict[str, int] = {}
    if g.start and g.start == g.end:
        days = {c.article_id: g.start for c in g.claims if c.time_precision == 1}
    return _Agg(
        g.start,
        g.end,
        frozenset({g.side} if g.side else ()),
        tuple(sorted(anchors))[:8],
        g.start != 0,
        days,
        frozenset(c.article_id for c in g.claims) if g.family != "statement" else frozenset(),
    )


def _same_report_other_day(x: _Agg, y: _Agg) -> bool:
    small, big = (x.days, y.days) if len(x.days) <= len(y.days) else (y.days, x.days)
    return any(big.get(article, day) != day for article, day in small.items())


class _UF:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def add(self, x: int) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: int) -> int:
        return _find_root(self.parent, x)


def _find_root(parent: dict[int, int] | list[int], x: int) -> int:
    """Union-find root of `x`, compressing the path on the way."""
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root


def _close(a: PlaceKey, b: PlaceKey) -> tuple[bool, float, str]:
    if a[0] == b[0]:
        return True, 0.0, f"same place {a[0]}"
    if a[4] != b[4] and "city" in (a[4], b[4]):
        return False, math.inf, ""
    if math.isnan(a[1]) or math.isnan(b[1]):
        return False, math.inf, ""
    radius = max(fusion_config().radius(a[3]), fusion_config().radius(b[3]))
    d = haversine_km((a[1], a[2]), (b[1], b[2]))
    return d <= radius, d, f"{d:.1f} km apart (radius {radius:g} km)"


def _places_ok(a: Group, b: Group) -> tuple[bool, float, str]:
    pa, pb = a.sig[1], b.sig[1]
    if not pa or not pb:
        ok = not pa and not pb
        return ok, 0.0, "no place in either"
    best: tuple[bool, float, str] = (False, math.inf, "")
    for x in pa:
        for y in pb:
            res = _close(x, y)
            if res[0] and res[1] < best[1]:
                best = res
    return best


def _dates_gap(a: Group, b: Group) -> int | None:
    """Days between the two windows (0 when they overlap), None when either is undated."""
    if not a.start or not b.start:
        return None
    return max(0, a.start - b.end, b.start - a.end)


def compatible(a: Group, b: Group) -> Edge | None:
    """A candidate edge when two groups may tell one happening."""
    if a.family != b.family:
        return None
    cfg = fusion_config()
    gap = _dates_gap(a, b)
    if gap is not None and gap > cfg.date_slack_days:
        return None
    if a.family == "statement":
        if a.sig[4] != b.sig[4]:
            return None
        sim = fuzz.token_set_ratio(a.sig[5], b.sig[5])
        if sim < cfg.statement_similarity:
            return None
        (x, ix), (y, iy) = sorted(((a.sig, a.id), (b.sig, b.id)))
        return Edge((gap or 0, 100.0 - sim, x, y), f"same speaker, same words ({sim:.0f}%)", ix, iy)
    ok, dist, why_place = _places_ok(a, b)
    if not ok or _one_report_two_towns(a, b):
        return None
    if a.side and b.side and a.side != b.side:
        if a.family not in cfg.territory_families or gap != 0:
            return None
        why_side = f"two claimed controllers ({a.side} / {b.side})"
    else:
        why_side = f"side {a.side or b.side or 'unknown'}"
    when = "undated" if gap is None else ("same dates" if gap == 0 else f"{gap} day apart")
    (x, ix), (y, iy) = sorted(((a.sig, a.id), (b.sig, b.id)))
    reason = f"same {a.family}; {why_place}; {when}; {why_side}"
    return Edge((gap or 0, round(dist, 3), x, y), reason, ix, iy)


def _one_report_two_towns(a: Group, b: Group) -> bool:
    """One report telling a strike near Khan Younis and another in Nuseirat: two events (the
    extractor already merged what one report tells twice). One report's two days are kept
    apart when clusters join (_same_report_other_day), for groups of any reports."""
    arts = {c.article_id for c in a.claims}
    if len(arts) != 1 or arts != {c.article_id for c in b.claims}:
        return False
    towns_a = [(p[1], p[2]) for p in a.sig[1] if p[4] == "city" and not math.isnan(p[1])]
    towns_b = [(p[1], p[2]) for p in b.sig[1] if p[4] == "city" and not math.isnan(p[1])]
    r = fusion_config().radius(1)
    return bool(
        towns_a and towns_b and not any(haversine_km(p, q) <= r for p in towns_a for q in towns_b)
    )


def _join_ok(x: _Agg, y: _Agg, family: str) -> bool:
    cfg = fusion_config()
    if x.dated and y.dated:
        span = max(x.max_start, y.max_start) - min(x.min_end, y.min_end)
        if span > cfg.max_span_days:
            return False
    if x.days and y.days and _same_report_other_day(x, y):
        return False
    if x.articles and y.articles and not x.articles.isdisjoint(y.articles):
        return False
    sides = x.sides | y.sides
    if len(sides) > 1 and (family not in cfg.territory_families or len(sides) > 2):
        return False
    if x.anchors and y.anchors:
        r = fusion_config().radius(1)
        if not any(haversine_km(p, q) <= r for p in x.anchors for q in y.anchors):
            return False
    return True


def _merge_agg(x: _Agg, y: _Agg) -> _Agg:
    if x.dated and y.dated:
        ms, me = max(x.max_start, y.max_start), min(x.min_end, y.min_end)
    else:
        ms, me = (x.max_start, x.min_end) if x.dated else (y.max_start, y.min_end)
    anchors = tuple(sorted(set(x.anchors + y.anchors)))[:8]  # symmetric: order-free
    days = {**x.days, **y.days} if x.days and y.days else (x.days or y.days)
    arts = x.articles | y.articles if x.articles and y.articles else (x.articles or y.articles)
    return _Agg(ms, me, x.sides | y.sides, anchors, x.dated or y.dated, days, arts)


Cell = int | str


def _cells(g: Group) -> list[tuple[tuple[Cell, ...], tuple[Cell, ...]]]:
    """For each place of a group: the cells it is filed under, and the cells a match
    may be filed under.

    Two grids: a fine one sized for town-level radii and a coarse one for the widest
    (province-level) radius. Cells are at least 2.2 x their radius wide, so every
    point within the radius of a place lies in the 2 x 2 block of cells nearest to
    it (the place's own quadrant picks the neighbours). Every place is filed in
    both grids (coarse "all"); a province-level place also in a coarse "wide" layer.
    A town-level place looks in the fine grid and the wide layer; a province-level
    one in the coarse "all" layer. Statements: one cell per speaker; places without
    coordinates: one cell per name.
    """
    if g.family == "statement":
        cell: Cell = "speaker:" + g.sig[4]
        return [((cell,), (cell,))]
    if not g.sig[1]:
        return [(("noplace",), ("noplace",))]
    fine_r, _coarse_r = _radii()
    out: list[tuple[tuple[Cell, ...], tuple[Cell, ...]]] = []
    for p in g.sig[1]:
        if math.isnan(p[1]):
            cell = "name:" + p[0]
            out.append(((cell,), (cell,)))
            continue
        fine_own, fine_near = _quadrant(p[1], p[2], _FINE)
        all_own, all_near = _quadrant(p[1], p[2], _ALL)
        shift = (_WIDE - _ALL) * 10**13  # the wide layer: the coarse grid's cells, own ids
        if fusion_config().radius(p[3]) <= fine_r:
            out.append(((fine_own, all_own), fine_near + tuple(c + shift for c in all_near)))
        else:
            out.append(((all_own, all_own + shift), all_near))
    return out


_FINE, _ALL, _WIDE = 0, 1, 2


@lru_cache(maxsize=1)
def _radii() -> tuple[float, float]:
    """(largest radius below the widest, the widest): the fine and coarse grids' radii."""
    radii = sorted(set(fusion_config().radius_km.values()))
    return (radii[-2] if len(radii) > 1 else radii[-1]), radii[-1]


@lru_cache(maxsize=4)
def _cell_size(level: int) -> float:
    fine_r, coarse_r = _radii()
    return 2.2 * (fine_r if level == _FINE else coarse_r) / _EARTH_DEG_KM  # _ALL = _WIDE


@lru_cache(maxsize=16384)
def _lon_width(band: int, level: int) -> float:
    size = _cell_size(level)
    poleward = max(abs(band * size), abs((band + 1) * size))
    return size / max(math.cos(math.radians(min(poleward, 89.0))), 0.05)


def _cell_id(level: int, band: int, cx: int) -> int:
    return level * 10**13 + (band + 100_000) * 10**7 + cx + 5_000_000


def _quadrant(lat: float, lon: float, level: int) -> tuple[int, tuple[int, ...]]:
    size = _cell_size(level)
    fy = lat / size
    band = math.floor(fy)
    other = band - 1 if fy - band < 0.5 else band + 1
    cells: list[int] = []
    own = 0
    for b in (band, other):
        fx = lon / _lon_width(b, level)
        cx = math.floor(fx)
        if b == band:
            own = _cell_id(level, b, cx)
        cells.append(_cell_id(level, b, cx))
        cells.append(_cell_id(level, b, cx - 1 if fx - cx < 0.5 else cx + 1))
    return own, tuple(cells)


def _days(g: Group) -> range:
    if not g.start:
        return range(0, 1)
    end = min(g.end, g.start + _MAX_BUCKET_DAYS)
    return range(g.start, end + 1)


def _ranked(claims: Iterable[Claim]) -> list[tuple[Claim, Signature, int]]:
    """Each claim with its signature and its rank among its report's event claims of that
    signature (0 for the first told): one report's two claims alike in every matched field
    (two car bombs in one city that day) are two happenings, never one group."""
    out: list[tuple[Claim, Signature, int]] = []
    seen: dict[tuple[str, Signature], list[Claim]] = {}
    for c in claims:
        sig = signature(c)
        if c.kind == "statement":
            out.append((c, sig, 0))
            continue
        seen.setdefault((c.article_id, sig), []).append(c)
    for (_aid, sig), same in seen.items():
        if len(same) > 1:
            same.sort(key=lambda c: (c.sentence_index, c.rule, c.actor2, c.fatalities))
        out.extend((c, sig, i) for i, c in enumerate(same))
    return out


class Clusterer:
    """Incremental clustering state: groups, buckets, candidate edges, regions.

    Groups are numbered as they arrive (cheap keys for the indexes); every
    decision that shapes the result is ordered by content (signatures), so
    the numbering never shows in the output.
    """

    def __init__(self) -> None:
        self.ids: dict[Signature, int] = {}
        self.groups: list[Group] = []
        self.buckets: dict[tuple[str, Cell, int], list[int]] = {}
        self.undated: dict[tuple[str, Cell], list[int]] = {}
        self.edges: dict[int, list[Edge]] = {}
        self.parent: list[int] = []  # regions: plain union-find over candidate edges
        self.members: dict[int, list[int]] = {}
        self.cell_days: dict[tuple[str, Cell], set[int]] = {}
        self.touched_articles: dict[str, set[int]] = {}  # article id → its groups
        self.absorbed: set[int] = set()  # region roots merged into another since last read

    def add(self, claims: Iterable[Claim]) -> tuple[set[int], list[Group]]:
        """Add claims; returns the region roots whose clusters must be rebuilt
        and the new groups."""
        new: list[Group] = []
        dirty: set[int] = set()
        ids = self.ids
        for c, sig, rank in _ranked(claims):
            if rank:  # one report's second claim of one signature: its own group
                sig = (*sig[:5], f"#{rank}")
            gid = ids.get(sig)
            if gid is None:
                gid = ids[sig] = len(self.groups)
                g = Group(gid, sig)
                self.groups.append(g)
                self.parent.append(gid)
                self.members[gid] = [gid]
                new.append(g)
            else:
                g = self.groups[gid]
            g.claims.append(c)
            dirty.add(gid)
            of_article = self.touched_articles.get(c.article_id)
            if of_article is None:
                self.touched_articles[c.article_id] = {gid}
            else:
                of_article.add(gid)
        for g in new:  # the candidate edges do not depend on the linking order
            self._link(g)
        return {self.root(s) for s in dirty}, new

    def _link(self, g: Group) -> None:
        slack = fusion_config().date_slack_days
        seen: set[int] = {g.id}
        cand: list[int] = []
        cells = _cells(g)
        fam = g.family
        buckets = self.buckets
        if g.start:
            days = range(g.start - slack, min(g.end, g.start + _MAX_BUCKET_DAYS) + slack + 1)
        for _own, near in cells:
            for ncell in near:
                if g.start:
                    for day in days:
                        hit = buckets.get((fam, ncell, day))
                        if hit:
                            cand.extend(hit)
                else:  # an undated claim may be any day's
                    for day in self.cell_days.get((fam, ncell), ()):
                        cand.extend(buckets.get((fam, ncell, day), ()))
                undated = self.undated.get((fam, ncell))
                if undated:
                    cand.extend(undated)
        groups = self.groups
        for other in cand:
            if other in seen:
                continue
            seen.add(other)
            edge = compatible(g, groups[other])
            if edge is not None:
                self.edges.setdefault(edge.ia, []).append(edge)
                self.edges.setdefault(edge.ib, []).append(edge)
                self._union_region(g.id, other)
        for own, _near in cells:
            for cell in own:
                if g.start:
                    for day in _days(g):
                        buckets.setdefault((fam, cell, day), []).append(g.id)
                        days_of = self.cell_days.get((fam, cell))
                        if days_of is None:
                            self.cell_days[(fam, cell)] = {day}
                        else:
                            days_of.add(day)
                else:
                    self.undated.setdefault((fam, cell), []).append(g.id)

    def root(self, x: int) -> int:
        return _find_root(self.parent, x)

    def _union_region(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.absorbed.add(rb)

    def clusters(self, region: int) -> list[tuple[list[Group], list[Edge]]]:
        """The clusters of one region: constrained union-find over its ordered edges."""
        ids = self.members[region]
        if len(ids) == 1:
            return [([self.groups[region]], [])]
        edges: dict[tuple[int, int], Edge] = {}
        for i in ids:
            for e in self.edges.get(i, ()):
                edges[(e.ia, e.ib)] = e
        uf = _UF()
        aggs: dict[int, _Agg] = {}
        for i in ids:
            uf.add(i)
            aggs[i] = _agg(self.groups[i])
        used: dict[int, list[Edge]] = {i: [] for i in ids}
        for e in sorted(edges.values(), key=lambda e: e.order):
            ra, rb = uf.find(e.ia), uf.find(e.ib)
            if ra == rb:
                continue
            if not _join_ok(aggs[ra], aggs[rb], self.groups[e.ia].family):
                continue
            uf.parent[rb] = ra
            aggs[ra] = _merge_agg(aggs[ra], aggs.pop(rb))
            used[ra].extend(used.pop(rb))
            used[ra].append(e)
        out: dict[int, list[Group]] = {}
        for i in ids:
            out.setdefault(uf.find(i), []).append(self.groups[i])
        result = [(sorted(groups, key=lambda g: g.sig), used[root]) for root, groups in out.items()]
        result.sort(key=lambda item: item[0][0].sig)
        return result
