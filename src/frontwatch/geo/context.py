"""Ranking a document's toponym candidates together (the weights are data, below).

Score of a candidate = match quality (exact 1.0, normalised 0.92, fuzzy <= 0.9)
+ a kind prior (country > admin1 > city > admin2; a kind word in the text such
as "X province" or "the city of X" overrides it)
+ a population prior for cities
+ the document's countries (how often the text names the candidate's country,
directly, by a demonym or through an admin1 area)
+ the document's admin1 areas ("fighting in Idlib province ... Saraqib")
+ a qualifier that follows the mention ("Norman, Oklahoma", "Tripoli, Lebanon")
+ closeness to the other places the text names unambiguously.

The same spelling gets the same place throughout one document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from frontwatch.geo.gazetteer import Candidate, Gazetteer
from frontwatch.geo.lexicon import institutions
from frontwatch.geo.normalise import fold_name, normalise_name
from frontwatch.geo.relative import split_hint

if TYPE_CHECKING:  # pragma: no cover
    from frontwatch.geo.geoparse import _Mention

__all__ = ["WEIGHTS", "DocContext", "rank_mentions"]

WEIGHTS: dict[str, float] = {
    "hint_match": 2.0,
    "hint_mismatch": -1.0,
    "hint_compatible": 1.5,  # a related kind ("Katsina state": the LGA is not the state)
    "kind_country": 2.5,
    "kind_admin1": 1.2,
    "kind_region": 0.45,
    "kind_city": 0.3,
    "kind_admin2": -0.3,
    "kind_continent": 2.0,
    "city_population": 0.8,  # x log10(pop + 1) / 7
    "admin2_population": 1.2,  # x log10(pop + 1) / 7, a county under its own name
    "country_named": 0.8,
    "country_top": 0.5,
    "country_again": 0.3,  # per further naming, up to two  # extra for the country the document names most
    "admin1_named": 0.9,
    "qualifier": 3.0,
    "qualifies": 3.6,  # the area after "Town, ": outweighs "a country the text does not name"
    "primary_name": 0.6,
    "alias_only": -0.8,
    "country_name": 2.0,
    "admin1_name": 0.5,
    "region_name": 1.0,
    "capital": 1.2,
    "no_point": -3.0,
    "foreign_area": -0.6,  # when another candidate bears the spelling as its own name
    "rival_city": 100_000,  # people: a capital's namesake that halves its capital bonus
    "big_area": 5_000_000,  # people: a province known without its country
    "town_share": 0.25,
    "province_over_town": 1.5,
    "near": 0.8,  # x exp(-d / near_km)
    "near_km": 200.0,
    "anchor_margin": 0.5,
    "anchor_margin2": 0.3,  # second pass: winners after closeness
    "list_kind": 1.5,  # "Oregon, Washington and Utah": a list's members are of one kind
    "shared_country": 0.5,
    "only_town": 0.5,
    "famous": 250_000,  # people: a town whose namesakes in named provinces are villages  # the vote of a town no other place shares its name with  # per other place of that country (up to three): "Congo"
    "world_city": 1_000_000,  # people: a town known the world over
    "world_village": 10_000,  # people: a namesake this small is a village beside it
    "world_city_share": 0.5,  # of the country bonus such a village keeps
    "small_area": 100_000,  # people: a province this small beside a town this big abroad
    "unknown_people_share": 0.5,  # of the country bonus a town without a count keeps
    "pair": 0.6,  # a close contender with a close contender of another name beside it
    "pair_km": 30.0,
    "smaller_province": 0.5,
    "pair_margin": 1.0,  # a province ahead of its towns by this much pairs as a province
    "seat_town": 10_000,  # people: a town a province bearing its name is named after  # a province beside a namesake province of twice its people
}
KEEP = 5  # ranked candidates kept per mention (for --explain)
_COMPATIBLE = {("admin1", "admin2"), ("admin1", "region"), ("admin2", "admin1")}
_QUALIFIER = re.compile(r"^\s*,\s*$")
_AIRPORT_AFTER = re.compile(
    r"[ \t]+(?:International[ \t]+)?(?:[Aa]irport|[Aa]irbase|[Aa]ir [Bb]ase)\b"
)
_AIRPORT_CODES = frozenset({"AIRP", "AIRB", "AIRF", "AIRH"})
_LIST_SEP = re.compile(r"^\s*(?:,|;|and|or|&|,\s*(?:and|or))\s*$")


@dataclass(frozen=True)
class Area:
    name: str
    country: str
    admin1: str
    lat: float | None
    lon: float | None


@dataclass
class DocContext:
    # country -> spelling -> weight (a mention does not vote for itself)
    countries: dict[str, Counter[str]] = field(default_factory=dict)
    admin1s: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    provinces: dict[tuple[str, str], Area] = field(default_factory=dict)

    @classmethod
    def build(cls, gaz: Gazetteer, text: str, mentions: Sequence[_Mention]) -> DocContext:
        ctx = cls()
        for m in mentions:
            exact = [c for c in m.cands if c.method in ("exact", "demonym")]
            if exact:
                ctx.add(exact, m.text, only=len(m.cands) == 1)
        for spelled, area in institution_areas(gaz, text):
            ctx.add([area], spelled)  # "Ole Miss": the text is about Mississippi
        for cc in ctx.countries.keys() - ctx.areas.keys():  # voted for by its towns only
            if gaz.country(cc) is not None:
                c = gaz.country_candidate(cc)
                ctx.areas[cc] = Area(c.name, cc, "", c.lat, c.lon)
        return ctx

    def add(self, exact: Sequence[Candidate], spelled: str, only: bool = False) -> None:
        """A spelling whose exact candidates include a country or a province votes for it;
        with ``only`` (the spelling has no other candidate) a town votes half for its
        country ("St. Thomas" can only be in Canada: the text's London is Ontario's)."""
        self._top = None
        top = max(exact, key=_kind_order)
        if only and len(exact) == 1 and top.feature == "city" and top.population >= 1_000:
            self.countries.setdefault(top.country, Counter())[spelled] += WEIGHTS["only_town"]  # type: ignore[assignment]
            return
        if top.feature == "country":
            # a demonym counts half: "Russian forces" fight in Ukraine, not only in Russia
            vote = 0.5 if top.method == "demonym" else 1
            self.countries.setdefault(top.country, Counter())[spelled] += vote  # type: ignore[assignment]
            self.areas.setdefault(top.country, Area(top.name, top.country, "", top.lat, top.lon))
        elif top.feature == "admin1":
            admins = {c.country for c in exact if c.feature == "admin1"}
            for cc in admins:
                self.countries.setdefault(cc, Counter())[spelled] += 0.5 / len(admins)  # type: ignore[assignment]
            self.admin1s.setdefault((top.country, top.admin1), set()).add(spelled)
            self.provinces.setdefault(
                (top.country, top.admin1),
                Area(top.name, top.country, top.admin1, top.lat, top.lon),
            )

    def weight(self, cc: str, spelled: str = "") -> float:
        """The votes for country `cc` of spellings other than `spelled` (nor the same name
        in capitals: a "BENI -" dateline does not name Bolivia for the text's Beni)."""
        votes = self.countries.get(cc)
        if not votes:
            return 0.0
        own = _core(spelled) if spelled else ""
        return sum(v for t, v in votes.items() if t != spelled and _core(t) != own)

    _top: str | None = None  # top_country, computed once (add() resets it)

    @property
    def top_country(self) -> str:
        if self._top is None:
            # a tie: the one named first
            self._top = max(self.countries, key=self.weight) if self.countries else ""
        return self._top

    def best_area(self) -> Area | None:
        """The one province the text names in its main country, else that country."""
        top = self.top_country
        if not top:
            return None
        provinces = [a for (cc, _), a in self.provinces.items() if cc == top]
        if len(provinces) == 1 and provinces[0].lat is not None:
            return provinces[0]
        return self.areas.get(top)


@lru_cache(maxsize=65536)
def _core(spelled: str) -> str:
    """A spelling less its kind words, normalised: "City of Santa Ana", "Santa Ana City"
    and "Santa Ana" are one name, which does not vote for itself."""
    return normalise_name(split_hint(spelled)[0])


def institution_areas(gaz: Gazetteer, text: str) -> list[tuple[str, Candidate]]:
    """(name, area) for each institution of data/geo/institutions.csv the text names."""
    pattern, areas = institutions()
    out = []
    for name in dict.fromkeys(m.group(0) for m in pattern.finditer(text)):
        area = _institution_area(gaz, *areas[name])
        if area is not None:
            out.append((name, area))
    return out


@lru_cache(maxsize=256)
def _institution_area(gaz: Gazetteer, area: str, country: str) -> Candidate | None:
    for c in gaz.candidates(area, fuzzy=False, limit=0):
        if c.method == "exact" and c.country == country and c.feature in ("admin1", "country"):
            return c
    return None


def _kind_order(c: Candidate) -> int:
    return {"country": 3, "admin1": 2, "region": 1}.get(c.feature, 0)


def _rival_admin1(m: _Mention, ctx: DocContext) -> bool:
    """The spelling is also a province of a country the text keeps naming (Georgia, US)."""
    nations = {c.country for c in m.cands if c.feature == "country"}
    return any(
        c.feature == "admin1"
        and c.method == "exact"
        and c.country not in nations
        and ctx.weight(c.country, m.text) >= 1.5
        for c in m.cands
    )


def _named_rival_city(c: Candidate, m: _Mention, ctx: DocContext) -> bool:
    """Another city of 100,000+ bears the spelling in a country the text names."""
    return any(
        o.feature == "city"
        and o.idx != c.idx
        and o.population >= WEIGHTS["rival_city"]
        and ctx.weight(o.country, m.text) > 0
        for o in m.cands
    )


def _named_kind_bonus(
    gaz: Gazetteer,
    c: Candidate,
    m: _Mention,
    r: float,
    why: list[str],
    rival: bool,
    ctx: DocContext,
) -> tuple[float, list[str]]:
    """A country's or province's own name means that area; capitals are what the news names
    most (half as much when a city of 100,000+ of that name lies in a country the text
    names and the capital's country is not named: Tripoli in a report on Lebanese troops)."""
    if m.hint or c.method != "exact":
        return r, why
    if c.feature == "country" and not rival:
        return r + WEIGHTS["country_name"], [*why, "a country's name"]
    if c.feature == "admin1":
        return r + WEIGHTS["admin1_name"], [*why, "a province's name"]
    if c.feature == "region":  # Middle East, Sumatra: not a small town of that name
        return r + WEIGHTS["region_name"], [*why, "a region's name"]
    if c.feature == "city" and gaz.feature_code(c) == "PPLC":
        if not ctx.weight(c.country, m.text) and _named_rival_city(c, m, ctx):
            return r + WEIGHTS["capital"] / 2, [*why, "capital of a country the text does not name"]
        return r + WEIGHTS["capital"], [*why, "capital"]
    return r, why


def _primary(c: Candidate, spelled: str, city_suffix: bool = False) -> bool:
    """The spelling is the entry's own name, not one of its alternate names; with
    ``city_suffix`` (no country bears the name) also "New York" for New York City."""
    if c.feature in ("country", "admin1", "region") and c.method == "exact":
        return True  # their alternate names are curated (US, UK, Zaporizhzhia Oblast)
    f = normalise_name(spelled)
    own = normalise_name(c.name.split(",", 1)[0])
    return (
        f == normalise_name(c.name)
        or f == own
        or (city_suffix and own == f + "city")
        or _short_form(spelled, c.name)
    )


# "Newcastle upon Tyne", "Rostov-on-Don", "Frankfurt am Main", "Boulogne-sur-Mer"
_SHORT_FORM = re.compile(r"^(?P<head>.+?) (?:upon|on|am|an der|an|im|in|sur|en) \S.*$")


@lru_cache(maxsize=65536)
def _short_form(spelled: str, name: str) -> bool:
    """The spelling is a town's own name less its river or region ("Newcastle" of
    "Newcastle upon Tyne", "Rostov" of "Rostov-on-Don"): its own name as news shortens it."""
    got = _SHORT_FORM.match(fold_name(name))
    return got is not None and got.group("head") == fold_name(spelled)


def _big_area(c: Candidate) -> bool:
    """A province of millions under its own name is known abroad (England, Punjab,
    Ontario): no penalty for a text that does not name its country."""
    return c.feature == "admin1" and c.method == "exact" and c.population >= WEIGHTS["big_area"]


def _useful_hint(hint: str, cands: Sequence[Candidate]) -> str:
    """A kind word only counts when some candidate is of that kind ("the US states of ...":
    no US province is called "US")."""
    if hint == "city":
        # "no U.S. city has ...": a city of that country, not a village called so abroad
        # (Ous); "Kuwait city" keeps the hint (the capital bears its country's name), and so
        # does "the city of Uman" (a town of 80,000; "Uman" is also a name of Oman)
        named = {c.country for c in cands if c.feature == "country" and c.method == "exact"}
        towns = [c for c in cands if c.feature == "city"]
        if named and not any(c.country in named or c.population >= 10_000 for c in towns):
            return ""
    if not hint or any(c.feature == hint or (hint, c.feature) in _COMPATIBLE for c in cands):
        return hint
    return ""


def _city_suffix_ok(cands: Sequence[Candidate]) -> bool:
    """ "Mexico" is the country, not Mexico City; "New York" may be the city."""
    return not any(c.feature == "country" and c.method == "exact" for c in cands)


def _world_city(c: Candidate, world: set[str]) -> bool:
    """Whether `c` is a village (under 10,000 people) whose name a world city (1,000,000+,
    under its own name: `world` holds their countries) in another country bears: the text
    naming the village's country does not make it the place meant, a world city being named
    in passing in any country's news."""
    if c.feature != "city" or c.population >= WEIGHTS["world_village"]:
        return False
    return any(cc != c.country for cc in world)


def _prior(
    c: Candidate,
    spelled: str,
    hint: str,
    ctx: DocContext,
    city_suffix: bool = False,
    famous: int = 0,  # people in the spelling's biggest town of c's country
    world_city: bool = False,  # the spelling is also a world city's abroad, c a village
) -> tuple[float, list[str]]:
    w = WEIGHTS
    r = c.score / 100.0
    why = [f"{c.method} {c.score:.0f}"]
    if hint:
        if c.feature == hint:
            r += w["hint_match"]
            why.append(f"hint {hint} matches")
        elif (hint, c.feature) in _COMPATIBLE:
            r += w["hint_compatible"]
            why.append(f"hint {hint}, a related kind")
        else:
            r += w["hint_mismatch"]
            why.append(f"hint {hint} differs")
    else:
        kind = "continent" if c.feature == "region" and not c.country else c.feature
        r += w.get(f"kind_{kind}", 0.0)
    if _primary(c, spelled, city_suffix):
        r += w["primary_name"]
        why.append("main name")
    if c.feature == "city":
        r += w["city_population"] * min(math.log10(c.population + 1), 7.0) / 7.0
    elif c.feature == "admin2" and not hint and _primary(c, spelled):
        # a county under its own name weighs by its people too (Kent, Essex: not the towns)
        r += w["admin2_population"] * min(math.log10(c.population + 1), 7.0) / 7.0
    n = ctx.weight(c.country, spelled) if c.feature != "country" else 0.0
    if not n and c.feature in ("admin1", "admin2") and ctx.countries and not _big_area(c):
        r += w["foreign_area"]
        why.append("a province of a country the text does not name")
    if n:
        # a village does not take its country's whole weight: scaled by log population
        scale = min(1.0, math.log10(c.population + 1) / 6.0) if c.feature == "city" else 1.0
        if c.feature == "city" and c.population == 0:
            # no count (an airport, a crossing, a GeoNames town without one): not a hamlet
            scale = WEIGHTS["unknown_people_share"]
        if world_city:
            # Toronto, Ohio is not the Toronto of a text that names the US in passing
            scale *= WEIGHTS["world_city_share"]
            why.append("a world city abroad bears the name")
        more = w["country_again"] * min(2.0, max(0.0, n - 1.0))  # named again and again
        r += (w["country_named"] * min(1.0, float(n)) + more) * scale
        why.append(f"country {c.country} named")
        if c.country == ctx.top_country:
            r += w["country_top"] * scale
    named_by = ctx.admin1s.get((c.country, c.admin1), set())
    # a county under its own name ("Hall County" in a text naming Texas) too
    county = c.feature == "admin2" and _primary(c, spelled)
    own = _core(spelled)
    others = any(t != spelled and _core(t) != own for t in named_by)
    if others and (c.feature == "city" or hint == "admin2" or county):
        big = c.feature == "city" and famous > max(WEIGHTS["famous"], 20 * c.population)
        # a village of a named state does not outweigh a famous namesake in its own country
        # (Boston, Mass. in a text that names New York; Prague, Oklahoma stays Oklahoma's)
        r += w["admin1_named"] * (0.4 if big else 1.0)
        why.append(f"admin1 {c.admin1} named")
    return r, why


def _qualifier_bonus(
    text: str, m: _Mention, nxt: _Mention | None, c: Candidate
) -> tuple[float, str]:
    if nxt is None or not _QUALIFIER.match(text[m.end : nxt.start]):
        return 0.0, ""
    if c.feature == "country":
        return 0.0, ""  # "Guinea, Guinea-Bissau": a list of countries, no country qualifies one
    for q in nxt.cands:
        if q.feature == "country" and q.country == c.country:
            return WEIGHTS["qualifier"], f"qualified by {q.name}"
        if q.feature == "admin1" and q.country == c.country and q.admin1 == c.admin1:
            return WEIGHTS["qualifier"], f"qualified by {q.name}"
        if _in_admin2(c, q):  # "Pandi, Bulacan": a Philippine province is a GeoNames ADM2
            return WEIGHTS["qualifier"], f"qualified by {q.name}"
    return 0.0, ""


def _in_admin2(town: Candidate, area: Candidate) -> bool:
    """The town may lie in the admin2 area: a town of its country and admin1 (the index keeps
    no town's admin2)."""
    return (
        area.feature == "admin2"
        and town.feature == "city"
        and bool(area.admin1)
        and (area.country, area.admin1) == (town.country, town.admin1)
    )


def _qualifies_bonus(
    text: str, prev: _Mention | None, m: _Mention, c: Candidate
) -> tuple[float, str]:
    """The qualifier itself: in "Atlanta, Georgia" Georgia is the area that holds an
    Atlanta (the US state), in "Tbilisi, Georgia" the country."""
    if prev is None or c.feature not in ("admin1", "country", "admin2"):
        return 0.0, ""
    if not _QUALIFIER.match(text[prev.end : m.start]):
        return 0.0, ""
    for t in prev.cands:
        if c.feature == "admin2":
            if _in_admin2(t, c):
                return WEIGHTS["qualifies"], f"qualifies {t.name}"
            continue
        if (
            t.feature == "city"
            and t.country == c.country
            and (c.feature == "country" or t.admin1 == c.admin1)
        ):
            return WEIGHTS["qualifies"], f"qualifies {t.name}"
    return 0.0, ""


def _province_or_city(
    rows: list[tuple[float, Candidate, list[str]]],
) -> list[tuple[float, Candidate, list[str]]]:
    """A name shared by a province and a town inside it: the town when it holds a large share
    of the province's people (Aleppo, Homs), else the province (Oklahoma, not Oklahoma City)."""
    admins = {(c.country, c.admin1): c for _, c, _ in rows if c.feature == "admin1"}
    if not admins:
        return rows
    out = []
    for r, c, why in rows:
        if c.feature in ("admin1", "city"):
            r, why = _share_rule(r, c, why, rows, admins)
        out.append((r, c, why))
    return out


def _share_rule(
    r: float,
    c: Candidate,
    why: list[str],
    rows: list[tuple[float, Candidate, list[str]]],
    admins: dict[tuple[str, str], Candidate],
) -> tuple[float, list[str]]:
    bonus = WEIGHTS["province_over_town"]
    if c.feature == "city":
        return r, why
    towns = [
        t
        for _, t, _ in rows
        if t.feature == "city" and (t.country, t.admin1) == (c.country, c.admin1)
    ]
    big = max((t.population for t in towns), default=-1)
    if big < 0:
        return r, why
    if big < WEIGHTS["town_share"] * c.population:
        return r + bonus, [*why, "province, its same-named town is small"]
    return r - bonus, [*why, "its same-named town holds a large share of it"]


def _smaller_namesake_province(
    rows: list[tuple[float, Candidate, list[str]]], spelled: str, ctx: DocContext
) -> list[tuple[float, Candidate, list[str]]]:
    """Two provinces bear the spelling as their own name and the text names neither
    country: the one with less than half the other's people loses ground (a bare "Gaza" is
    the Gaza Strip or its city, not Mozambique's province of a third of its people)."""
    areas = [c for _, c, _ in rows if c.feature == "admin1" and c.method == "exact"]
    if len(areas) < 2:
        return rows
    areas = [c for c in areas if not ctx.weight(c.country, spelled)]
    if len(areas) < 2:
        return rows
    ids = {id(c) for c in areas}
    out = []
    for r, c, why in rows:
        if id(c) in ids and any(
            o.country != c.country and o.population >= 2 * max(c.population, 1) for o in areas
        ):
            r, why = r - WEIGHTS["smaller_province"], [*why, "a namesake province has more people"]
        out.append((r, c, why))
    return out


def _alias_rule(
    rows: list[tuple[float, Candidate, list[str]]], spelled: str, city_suffix: bool = False
) -> list[tuple[float, Candidate, list[str]]]:
    """Penalise an alternate-name match when an area, or a town at least as big, bears the
    spelling as its own name (Missouri is not Bozeman; Palmyra is still Tadmur)."""
    owners = [c for _, c, _ in rows if _primary(c, spelled, city_suffix)]
    if not owners:
        return rows
    areas = any(c.feature != "city" for c in owners)
    biggest = max(c.population for c in owners)
    pen = WEIGHTS["alias_only"]
    seat = _seat_of_named_area([c for _, c, _ in rows], spelled, city_suffix)
    out = []
    for r, c, why in rows:
        if c is seat:
            r, why = r + WEIGHTS["primary_name"], [*why, "its province bears its name"]
        elif not _primary(c, spelled, city_suffix) and (areas or biggest >= c.population):
            r, why = r + pen, [*why, "only an alternate name"]
        out.append((r, c, why))
    return out


def _seat_of_named_area(
    cands: Sequence[Candidate], spelled: str, city_suffix: bool = False
) -> Candidate | None:
    """The town an area is named after: the spelling is an alternate name of a town of
    10,000+ and, with a kind word, the own name of a province or district of the same
    country ("Jenin" of Janin beside Jenin Governorate, "Kharkiv" beside Kharkiv Oblast).
    Such a spelling is the town's usual English name, not a stray alias: the biggest such
    town of that country counts as bearing it as its own name."""
    if any(c.feature == "country" and c.method == "exact" for c in cands):
        return None  # "Mexico" is the country, not its capital beside the State of Mexico
    own = _core(spelled)
    seats = {
        c.country
        for c in cands
        if c.feature in ("admin1", "admin2")
        and c.method == "exact"
        and split_hint(c.name)[1]
        and _core(c.name) == own
    }
    if not seats:
        return None
    towns = [
        c
        for c in cands
        if c.feature == "city"
        and c.country in seats
        and c.population >= WEIGHTS["seat_town"]
        and not _primary(c, spelled, city_suffix)
    ]
    if not towns:
        return None
    best = max(towns, key=lambda c: c.population)
    rivals = [c for c in cands if c.feature == "city" and c.country == best.country]
    return best if best.population >= max(c.population for c in rivals) else None


def _small_area_beside_city(c: Candidate, own: str, cands: Sequence[Candidate]) -> bool:
    """An admin1 area of under 100,000 people whose spelling is the own name of a town of
    100,000+ in another country: it takes a town's kind weight, not a province's."""
    if c.feature != "admin1" or c.population >= WEIGHTS["small_area"]:
        return False
    return any(
        o.feature == "city"
        and o.country != c.country
        and o.population >= WEIGHTS["small_area"]
        and fold_name(o.name) == own
        for o in cands
    )


def rank_mentions(
    gaz: Gazetteer, text: str, mentions: Sequence[_Mention], ctx: DocContext, keep: int = KEEP
) -> list[tuple[_Mention, list[Candidate], str]]:
    """Each mention with its candidates ranked (best first) and why the winner won; `keep`
    ranked candidates per mention are copied out (1 when only the winner is read)."""
    scored: list[list[tuple[float, Candidate, list[str]]]] = []
    listed = _province_lists(text, mentions)
    # a spelling named again with the same candidates and no qualifier around it scores the
    # same rows: computed once (they are not changed afterwards)
    again: dict[tuple[str, str], tuple[list[Candidate], list[tuple[float, Candidate, list[str]]]]]
    again = {}
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        alone = REUSE_ROWS and not _qualified(text, mentions[k - 1] if k else None, m, nxt)
        seen = again.get((m.text, m.hint)) if alone else None
        if seen is not None and _same_objects(seen[0], m.cands):
            scored.append(seen[1])
            continue
        rows = []
        rival = _rival_admin1(m, ctx)
        suffix = _city_suffix_ok(m.cands)
        hint = _useful_hint(m.hint, m.cands)
        famous: dict[str, int] = {}  # the biggest town of the spelling in each country
        for c in m.cands:
            if c.feature == "city" and c.population > famous.get(c.country, 0):
                famous[c.country] = c.population
        own = fold_name(m.text)
        airport = _AIRPORT_AFTER.match(text, m.end) is not None
        world = {  # countries holding a world city of this very name ("Garden City" is
            # Singapore's nickname, not its name)
            c.country
            for c in m.cands
            if c.feature == "city"
            and c.population >= WEIGHTS["world_city"]
            and fold_name(c.name) == own
        }
        for c in m.cands:
            r, why = _prior(
                c, m.text, hint, ctx, suffix, famous.get(c.country, 0), _world_city(c, world)
            )
            r, why = _named_kind_bonus(gaz, c, m, r, why, rival, ctx)
            if not hint and _small_area_beside_city(c, own, m.cands):
                # Southampton, a Bermudan parish of 7,000, is not England's port of 250,000
                r -= WEIGHTS["kind_admin1"] - WEIGHTS["kind_city"]
                why = [*why, "a small province; a big town bears its name"]
            if airport and gaz.feature_code(c) in _AIRPORT_CODES:
                r += WEIGHTS["hint_match"]  # "Heathrow airport": the airport, not a town
                why = [*why, "an airport, as the text says"]
            if c.lat is None or c.lon is None:
                r += WEIGHTS["no_point"]
                why = [*why, "no coordinates"]
            q, qwhy = 0.0, ""
            if k not in listed:  # "Utah, Washington, West Virginia": a list, no qualifier
                q, qwhy = _qualifier_bonus(text, m, nxt, c)
                if not q:
                    q, qwhy = _qualifies_bonus(text, mentions[k - 1] if k else None, m, c)
            if q:
                r += q
                why.append(qwhy)
            rows.append((r, c, why))
        if not hint:  # "Katsina state", "the city of Aleppo": the kind word decides
            rows = _province_or_city(rows)
            rows = _smaller_namesake_province(rows, m.text, ctx)
        rows = _alias_rule(rows, m.text, suffix)
        rows.sort(key=lambda t: (-t[0], -t[1].population, t[1].idx))
        scored.append(rows)
        if alone:
            again[(m.text, m.hint)] = (m.cands, rows)
    scored = _list_kinds(text, mentions, scored)
    scored = _pair_kinds(text, mentions, scored)
    scored = _shared_country_names(mentions, scored)
    scored = _pair_closeness(mentions, scored)
    # two passes: the places that clearly win on their own, then also those that won by
    # being near them ("St. Thomas" settles which London a local report means)
    first = _anchors(mentions, scored)
    finals = _near_pass(mentions, scored, first)
    second = _anchors(mentions, finals, WEIGHTS["anchor_margin2"])
    if set(second) != set(first):
        finals = _near_pass(mentions, scored, second)
    out = []
    chosen: dict[tuple[str, str], tuple[list[Candidate], str]] = {}
    for m, final in zip(mentions, finals, strict=True):
        key = (m.text, m.hint)
        if key in chosen:
            cands, reason = chosen[key]
            out.append((m, cands, reason + "; same spelling as before"))
            continue
        cands = [_with_rank(c, r) for r, c, _ in final[:keep]]
        reason = "; ".join(final[0][2]) if final else ""
        chosen[key] = (cands, reason)
        out.append((m, cands, reason))
    return out


def _list_groups(text: str, mentions: Sequence[_Mention]) -> list[list[int]]:
    """Runs of three or more mentions joined by commas, "and", "or" ("Arizona, California,
    New York and Washington")."""
    groups: list[list[int]] = []
    run: list[int] = []
    for k, m in enumerate(mentions):
        if m.source == "demonym":
            continue
        if run and _LIST_SEP.match(text[mentions[run[-1]].end : m.start]):
            run.append(k)
            continue
        if len(run) >= 3:
            groups.append(run)
        run = [k]
    if len(run) >= 3:
        groups.append(run)
    return groups


def _province_lists(text: str, mentions: Sequence[_Mention]) -> set[int]:
    """Members of lists of three or more names most of which are provinces: their commas
    join, they do not qualify ("Utah, Washington, West Virginia and Wyoming")."""
    out: set[int] = set()
    for group in _list_groups(text, mentions):
        areas = sum(
            any(c.feature == "admin1" and c.method == "exact" for c in mentions[k].cands)
            for k in group
        )
        if 3 * areas >= 2 * len(group):
            out.update(group)
    return out


def _list_kinds(
    text: str,
    mentions: Sequence[_Mention],
    scored: list[list[tuple[float, Candidate, list[str]]]],
) -> list[list[tuple[float, Candidate, list[str]]]]:
    """In a list, a name of several kinds takes the kind most of the others have, in their
    countries: "Oregon, Utah, Washington and Wisconsin" names the state, not the capital."""
    out = list(scored)
    for group in _list_groups(text, mentions):
        for k in group:
            rows = scored[k]
            if len(rows) < 2 or mentions[k].hint:
                continue
            kinds = Counter(
                (scored[j][0][1].feature, scored[j][0][1].country)
                for j in group
                if j != k and scored[j] and mentions[j].text != mentions[k].text
            )
            if not kinds:
                continue
            n_others = sum(kinds.values())
            feats = Counter(f for f, _ in kinds.elements())
            feat, n = feats.most_common(1)[0]
            if n < 2 or 2 * n <= n_others or rows[0][1].feature == feat:
                continue
            ccs = {cc for f, cc in kinds if f == feat}
            bonus = WEIGHTS["list_kind"]
            new = [
                (r + bonus, c, [*why, f"in a list of {feat} names"])
                if c.feature == feat and (feat == "country" or c.country in ccs)
                else (r, c, why)
                for r, c, why in rows
            ]
            new.sort(key=lambda t: (-t[0], -t[1].population, t[1].idx))
            out[k] = new
    return out


_PAIR_SEP = re.compile(r"^\s*(?:and|or|&)\s*$")


def _pair_kinds(
    text: str,
    mentions: Sequence[_Mention],
    scored: list[list[tuple[float, Candidate, list[str]]]],
) -> list[list[tuple[float, Candidate, list[str]]]]:
    """Two names joined by "and" / "or" where one can only be a province: the other, when
    it is also a province of that country, is the province ("New Jersey and New York",
    "states such as California or Washington"), not the city of its name."""
    out = list(scored)
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if a.source == "demonym" or b.source == "demonym":
            continue
        if not _PAIR_SEP.match(text[a.end : b.start]):
            continue
        for this, other in ((k, k + 1), (k + 1, k)):
            area = _only_province(mentions[other], scored[other])
            if area is not None and not mentions[this].hint:
                out[this] = _kind_bonus(out[this], area, mentions[other].text)
    return out


def _only_province(m: _Mention, rows: list[tuple[float, Candidate, list[str]]]) -> Candidate | None:
    """The winner when it is a province under its own name, clearly ahead of any town of
    that name (California the state, not the Maryland town), and no city of 100,000+ of
    its country bears the name (Donetsk, the oblast or its city: "Kharkiv and Donetsk"
    may be two cities)."""
    if not rows or rows[0][1].feature != "admin1" or rows[0][1].method != "exact":
        return None
    cc = rows[0][1].country
    if any(
        c.feature == "city" and c.country == cc and c.population >= WEIGHTS["rival_city"]
        for c in m.cands
    ):
        return None
    towns = [r for r, c, _ in rows if c.feature == "city"]
    if towns and rows[0][0] - max(towns) < WEIGHTS["pair_margin"]:
        return None
    return rows[0][1]


def _kind_bonus(
    rows: list[tuple[float, Candidate, list[str]]], area: Candidate, beside: str
) -> list[tuple[float, Candidate, list[str]]]:
    if not rows or rows[0][1].feature == "admin1":
        return rows
    if not any(c.feature == "admin1" and c.country == area.country for _, c, _ in rows):
        return rows
    bonus = WEIGHTS["list_kind"]
    new = [
        (r + bonus, c, [*why, f"paired with the province {beside}"])
        if c.feature == "admin1" and c.country == area.country and c.method == "exact"
        else (r, c, why)
        for r, c, why in rows
    ]
    new.sort(key=lambda t: (-t[0], -t[1].population, t[1].idx))
    return new


def _shared_country_names(
    mentions: Sequence[_Mention],
    scored: list[list[tuple[float, Candidate, list[str]]]],
) -> list[list[tuple[float, Candidate, list[str]]]]:
    """A name two countries bear ("Congo") is the one whose places the text names
    (Goma, Bunia: the DRC; Brazzaville: the Republic of the Congo)."""
    out = list(scored)
    for k, rows in enumerate(scored):
        nations = {c.country for _, c, _ in rows if c.feature == "country" and c.method == "exact"}
        if len(nations) < 2:
            continue
        seen: dict[str, set[str]] = {}
        for j, other in enumerate(scored):
            if other and mentions[j].text != mentions[k].text and mentions[j].source != "demonym":
                seen.setdefault(other[0][1].country, set()).add(mentions[j].text)
        bonus = WEIGHTS["shared_country"]
        new = []
        for r, c, why in rows:
            n = len(seen.get(c.country, ())) if c.country in nations else 0
            if n:
                r, why = r + bonus * min(3, n), [*why, f"{n} other places in {c.country}"]
            new.append((r, c, why))
        new.sort(key=lambda t: (-t[0], -t[1].population, t[1].idx))
        out[k] = new
    return out


REUSE_ROWS = True  # False: every mention scored anew (the rule the reuse stands in for)


def _qualified(text: str, prev: _Mention | None, m: _Mention, nxt: _Mention | None) -> bool:
    """A "Town, Area" pair may hold the mention: its rows depend on its neighbours."""
    return bool(
        (nxt is not None and _QUALIFIER.match(text[m.end : nxt.start]))
        or (prev is not None and _QUALIFIER.match(text[prev.end : m.start]))
    )


def _same_objects(a: Sequence[Candidate], b: Sequence[Candidate]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def _near_pass(
    mentions: Sequence[_Mention],
    scored: Sequence[list[tuple[float, Candidate, list[str]]]],
    anchors: list[tuple[int, tuple[float, float], tuple[str, str]]],
) -> list[list[tuple[float, Candidate, list[str]]]]:
    """Every mention's rows plus closeness to the anchors other spellings give (computed
    once per spelling: repeats take the first one's rows); a province holding an anchor
    town counts as at distance 0 ("Seattle ... Washington": the state)."""
    out = []
    memo: dict[tuple[str, str], list[tuple[float, Candidate, list[str]]]] = {}
    for m, rows in zip(mentions, scored, strict=True):
        key = (m.text, m.hint)
        got = memo.get(key)
        if got is None:
            others = list({p for j, p, _ in anchors if mentions[j].text != m.text})
            areas = {a for j, _, a in anchors if a[1] and mentions[j].text != m.text}
            got = memo[key] = _closeness(rows, others, areas)
        out.append(got)
    return out


def _closeness(
    rows: list[tuple[float, Candidate, list[str]]],
    others: list[tuple[float, float]],
    areas: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
) -> list[tuple[float, Candidate, list[str]]]:
    final = []
    # closeness adds at most WEIGHTS["near"]: rows further below the best cannot win
    floor = rows[0][0] - WEIGHTS["near"] if rows else 0.0
    for r, c, why in rows:
        if others and r >= floor and c.lat is not None and c.lon is not None:
            inside = c.feature == "admin1" and (c.country, c.admin1) in areas
            d = 0.0 if inside else min(_approx_km(c.lat, c.lon, p) for p in others)
            bonus = WEIGHTS["near"] * math.exp(-d / WEIGHTS["near_km"])
            if bonus > 0.05:
                why = [*why, f"{d:.0f} km from another place named"]
            r += bonus
        final.append((r, c, why))
    final.sort(key=lambda t: (-t[0], -t[1].population, t[1].idx))
    return final


def _approx_km(lat: float, lon: float, p: tuple[float, float]) -> float:
    """Equirectangular distance: within 1 % of the great circle at the few hundred km
    where closeness counts (and far beyond it, where the bonus is nil anyway)."""
    dlon = abs(lon - p[1])
    if dlon > 180.0:
        dlon = 360.0 - dlon
    x = math.radians(dlon) * math.cos(math.radians((lat + p[0]) / 2))
    y = math.radians(lat - p[0])
    return 6371.0088 * math.sqrt(x * x + y * y)


def _contenders(
    rows: Sequence[tuple[float, Candidate, list[str]]],
) -> list[tuple[float, Candidate, list[str]]]:
    """Towns with a point scoring within WEIGHTS["near"] of a mention's best row, when
    there are two or more of them (an ambiguous name)."""
    if len(rows) < 2:
        return []
    floor = rows[0][0] - WEIGHTS["near"]
    out = [t for t in rows if t[0] >= floor and t[1].feature == "city" and t[1].lat is not None]
    return out if len(out) > 1 else []


def _pair_closeness(
    mentions: Sequence[_Mention],
    scored: list[list[tuple[float, Candidate, list[str]]]],
) -> list[list[tuple[float, Candidate, list[str]]]]:
    """Two ambiguous names of one text whose contenders lie side by side are those
    towns ("Edmonton ... Enfield": the two places of north London, not Alberta's city and
    Connecticut's town): each such contender gains WEIGHTS["pair"] (once)."""
    cont: dict[str, list[tuple[float, Candidate, list[str]]]] = {}
    for m, rows in zip(mentions, scored, strict=True):
        if m.text not in cont and (found := _contenders(rows)):
            cont[m.text] = found
    if len(cont) < 2:
        return scored
    km = WEIGHTS["pair_km"]
    hits: dict[str, dict[int, str]] = {}
    for spelled, rows in cont.items():
        others = [(o, t) for t, orows in cont.items() if t != spelled for _, o, _ in orows]
        beside: dict[int, str] = {}
        for _, c, _ in rows:
            for o, t in others:
                if _approx_km(c.lat, c.lon, (o.lat, o.lon)) <= km:  # type: ignore[arg-type]
                    beside[c.idx] = t
                    break
        if beside and len(beside) < len(rows):
            hits[spelled] = beside
    if not hits:
        return scored
    out = []
    memo: dict[int, list[tuple[float, Candidate, list[str]]]] = {}
    for m, rows in zip(mentions, scored, strict=True):
        near = hits.get(m.text)
        if near is None:
            out.append(rows)
            continue
        got = memo.get(id(rows))
        if got is None:
            got = [
                (r + WEIGHTS["pair"], c, [*why, f"beside a namesake of {near[c.idx]}"])
                if c.idx in near
                else (r, c, why)
                for r, c, why in rows
            ]
            got.sort(key=lambda t: (-t[0], -t[1].population, t[1].idx))
            memo[id(rows)] = got
        out.append(got)
    return out


def _with_rank(c: Candidate, r: float) -> Candidate:
    # a frozen dataclass: its fields copied as one dict (copy.copy goes through
    # __reduce_ex__, dataclasses.replace through __init__, both several times slower)
    out = object.__new__(Candidate)
    fields = out.__dict__
    fields.update(c.__dict__)
    fields["rank"] = round(r, 4)
    return out


def _anchors(
    mentions: Sequence[_Mention],
    scored: Sequence[Sequence[tuple[float, Candidate, Any]]],
    min_margin: float | None = None,
) -> list[tuple[int, tuple[float, float], tuple[str, str]]]:
    """Points of mentions whose best candidate clearly wins (and is not a whole country),
    with the (country, province) of a town."""
    out = []
    for k, rows in enumerate(scored):
        if not rows:
            continue
        top = rows[0]
        if top[1].feature == "country" or top[1].lat is None or top[1].lon is None:
            continue
        margin = top[0] - rows[1][0] if len(rows) > 1 else 9.0
        if margin >= (WEIGHTS["anchor_margin"] if min_margin is None else min_margin):
            area = (top[1].country, top[1].admin1 if top[1].feature == "city" else "")
            out.append((k, (top[1].lat, top[1].lon), area))
    return out
