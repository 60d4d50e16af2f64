"""Relative place phrases: "5 km north of X", "near X", "the outskirts of X", "X province".

Pure functions over text; no gazetteer needed.  The gazetteer keeps the base
place's coordinates and records the offset (see ``Gazetteer.resolve_in_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

__all__ = [
    "RelativeInfo",
    "parse_relative",
    "relative_context",
    "split_hint",
    "MILE_KM",
]

MILE_KM = 1.609344

_NUMBER_WORDS = {
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "eleven": 11.0,
    "twelve": 12.0,
    "fifteen": 15.0,
    "twenty": 20.0,
    "thirty": 30.0,
    "forty": 40.0,
    "fifty": 50.0,
    "a few": 3.0,
    "several": 5.0,
    "a dozen": 12.0,
    "dozens of": 30.0,
}

_BEARINGS = {
    "north": "N",
    "south": "S",
    "east": "E",
    "west": "W",
    "northeast": "NE",
    "northwest": "NW",
    "southeast": "SE",
    "southwest": "SW",
}

_DIR = r"(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern|wards?)?"
_NUM = (
    r"(?P<num>\d+(?:[.,]\d+)?|"
    + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_UNIT = r"(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?)"
_TOWN = r"(?:(?:the\s+)?(?:(?:besieged|rebel-held|government-held|strategic|key|northern|southern|eastern|western|central)\s+)*(?:towns?|city|cities|villages?|areas?|district|region)\s+of\s+)?"
_THE = r"(?:the\s+)?"
_END = r"\s*$"

# Patterns over the text BEFORE the mention (matched against its tail).
_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rel, re.compile(p, re.IGNORECASE))
    for rel, p in (
        (
            "offset",
            _NUM
            + r"\s*-?\s*"
            + _UNIT
            + r"\s+(?:\([^)]{0,30}\)\s+)?(?:\(|\s)*"
            + r"(?:(?:to\s+the\s+)?"
            + _DIR
            + r"\s+)?(?:of|from|outside)\s+"
            + _TOWN
            + _END,
        ),
        (
            "offset",
            r"(?:just\s+|some\s+)?(?:to\s+the\s+)?" + _DIR + r"\s+(?:of|from)\s+" + _TOWN + _END,
        ),
        (
            "outskirts",
            r"(?:the\s+)?(?:outskirts|edges?|suburbs?|periphery|fringes?)\s+of\s+" + _TOWN + _END,
        ),
        (
            "countryside",
            r"(?:the\s+)?(?:\w+ern\s+)?(?:countryside|rural\s+areas?|environs|surroundings?|vicinity|hinterland)\s+of\s+"
            + _TOWN
            + _END,
        ),
        (
            "near",
            # "sites in the area of X" (not "the Khanyar area of X": a named district)
            r"\b(?:the|an?)\s+(?:wider\s+|general\s+)?area\s+of\s+" + _END,
        ),
        (
            "near",
            r"\b(?:near|nearby|close\s+to|outside|around|next\s+to|by|just\s+outside|towards?)\s+"
            + _TOWN
            + _END,
        ),
    )
)
# every pattern above (and the hints below) ends "<one of these words>\s+[town of]\s*$"
_BEFORE_LAST_WORDS = (
    "of",
    "from",
    "outside",
    "near",
    "nearby",
    "to",
    "around",
    "by",
    "toward",
    "towards",
)


# a word each pattern of _BEFORE cannot match without (in _BEFORE's order), lowercased
_BEFORE_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("km", "kilomet", "mi"),  # its unit
    ("north", "south", "east", "west"),  # its direction
    ("outskirts", "edge", "suburb", "periphery", "fringe"),
    ("countryside", "rural", "environs", "surrounding", "vicinity", "hinterland"),
    ("area",),
    ("near", "close", "outside", "around", "next", "by", "toward"),  # "towards X": on the way
)
_HINT_NEEDLES = {
    "city": ("city", "town", "village"),
    "admin1": ("province", "governorate", "oblast", "region", "state", "district"),
    "country": ("country",),
}


def _may_be_relative(tail: str) -> bool:
    """Whether a pattern of _BEFORE (or a hint) can match: the tail ends in whitespace
    after one of _BEFORE_LAST_WORDS. Checked for ASCII text only, where the patterns'
    IGNORECASE and str.lower agree; other text always goes through the patterns."""
    if not tail.isascii():
        return True
    if not tail[-1:].isspace():
        return False
    words = tail.rsplit(None, 1)
    return bool(words) and words[-1].lower().endswith(_BEFORE_LAST_WORDS)


_CITY_BEFORE = re.compile(r"\b(?:the\s+)?(?:city|town|village)\s+of\s+$", re.IGNORECASE)
_ADMIN_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:provinces?|governorates?|oblasts?|regions?|states?|districts?)\s+of\s+$",
    re.IGNORECASE,
)
# "the provinces of China", "China's provinces": the name holds the provinces, it is none
_PLURAL_BEFORE = re.compile(
    r"\b(?:provinces|governorates|oblasts|regions|states|districts)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CONTAINER_AFTER = re.compile(
    r"^\s*'s\s+(?:provinces|governorates|oblasts|regions|states|districts)\b", re.IGNORECASE
)
_CONJUNCT_AFTER = re.compile(r"^\s*(?:,|and\b|&)", re.IGNORECASE)


def _admin_before(tail: str, after: str, may: bool) -> bool:
    """ "the province of Idlib", "the provinces of Aleppo and Idlib" (a plural word only
    before a list: "the provinces of China" names China as the container)."""
    if not may or not _ADMIN_BEFORE.search(tail):
        return False
    if _NAMED_DISTRICT_BEFORE.search(tail):
        return False  # "the Westlands district of Nairobi": a city's named district
    return not _PLURAL_BEFORE.search(tail) or _CONJUNCT_AFTER.match(after) is not None


_NAMED_DISTRICT_BEFORE = re.compile(r"\b[A-Z][\w'-]+\s+district\s+of\s+$")
_COUNTRY_BEFORE = re.compile(r"\b(?:the\s+)?country\s+of\s+$", re.IGNORECASE)

_ADMIN_WORDS = (
    r"provinces?|governorates?|oblasts?|region|state|muhafazat|wilayat|prefecture|department"
)
_ADMIN_AFTER = re.compile(r"^\s*(?:'s\s+)?(?:" + _ADMIN_WORDS + r")\b", re.IGNORECASE)
# "the Gereida area", "the Bokkos area": the town's surroundings (precision 2); not "the
# Rampura area of Dhaka" (a named district of the city after it) nor "the Blue Area"
_AREA_AFTER = re.compile(
    r"^\s*area\b(?!\s+of\s+(?![\w'-]+\s+(?:state|province|region|governorate|oblast)\b))"
    r"(?!\s+(?:code|commander|command|council)s?\b)"
)
_COUNTRYSIDE_AFTER = re.compile(
    r"^\s*(?:'s\s+)?(?:countryside|outskirts|suburbs|environs)\b", re.IGNORECASE
)
# not "the Hunan city of Yueyang": the city named after "of" lies in X, X is its province
_CITY_AFTER = re.compile(r"^\s*(?:city|town|mayor)\b(?!\s+of\s+[A-Z])", re.IGNORECASE)
# "New York Gov. Andrew Cuomo", "the Texas governor": a governor heads a province
_GOVERNOR_AFTER = re.compile(r"^\s*(?:'s\s+)?(?:[Gg]overnor|Gov\.)(?!\w)")

# Hints inside a spelled mention: "Hama province", "province of Hama", "the city of X".
_SPLIT_ADMIN_SUFFIX = re.compile(
    r"^(?P<core>.+?)(?:'s)?\s+(?:" + _ADMIN_WORDS + r")$", re.IGNORECASE
)
_SPLIT_ADMIN_PREFIX = re.compile(
    r"^(?:the\s+)?(?:" + _ADMIN_WORDS + r")\s+of\s+(?P<core>.+)$", re.IGNORECASE
)
_ADMIN2_WORDS = r"district|county|co\.?|borough|raion|rayon|municipality|sub-district|subdistrict"
_SPLIT_ADMIN2_SUFFIX = re.compile(
    r"^(?P<core>.+?)(?:'s)?\s+(?:" + _ADMIN2_WORDS + r")$", re.IGNORECASE
)
_SPLIT_CITY_PREFIX = re.compile(
    r"^(?:the\s+)?(?:city|town|village)\s+of\s+(?P<core>.+)$", re.IGNORECASE
)
_SPLIT_CITY_SUFFIX = re.compile(r"^(?P<core>.+?)\s+city$", re.IGNORECASE)
_SPLIT_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class RelativeInfo:
    """What the words around a mention say about it."""

    relation: str = ""  # "" | near | outskirts | countryside | offset
    offset_km: float | None = None
    bearing: str = ""  # N, NE, ..., "" when not given
    kind_hint: str = ""  # "" | city | admin1 | country
    start: int = -1  # where the relative phrase starts in the text (-1: none)

    @property
    def is_relative(self) -> bool:
        return bool(self.relation)


def _bearing(word: str | None) -> str:
    if not word:
        return ""
    key = re.sub(r"[- ]", "", word.lower())
    key = re.sub(r"(?:ern|wards?)$", "", key)
    return _BEARINGS.get(key, "")


def _number(text: str) -> float | None:
    t = text.lower().strip()
    if t in _NUMBER_WORDS:
        return _NUMBER_WORDS[t]
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def parse_relative(before: str, after: str = "") -> RelativeInfo:
    """Read the relation from the text just before (and after) a place mention.

    ``before`` is the text preceding the mention (only its tail matters),
    ``after`` the text following it.  Miles are converted to km.

    >>> parse_relative("clashes 12 miles north of ").offset_km
    19.3
    """
    tail = before[-120:]
    offset = len(before) - len(tail)
    hint = ""
    scan = _may_be_relative(tail)  # most mentions follow "in": no end-anchored scans then
    low = tail.lower() if scan and tail.isascii() else None

    def may(needles: tuple[str, ...]) -> bool:  # the pattern's own word is in the tail
        return scan and (low is None or any(n in low for n in needles))

    if (may(_HINT_NEEDLES["city"]) and _CITY_BEFORE.search(tail)) or _CITY_AFTER.match(after):
        hint = "city"
    if (
        _admin_before(tail, after, may(_HINT_NEEDLES["admin1"]))
        or (_ADMIN_AFTER.match(after) and not _CONTAINER_AFTER.match(after))
        or _GOVERNOR_AFTER.match(after)
    ):
        hint = "admin1"
    elif may(_HINT_NEEDLES["country"]) and _COUNTRY_BEFORE.search(tail):
        hint = "country"
    for (rel, pat), needles in zip(_BEFORE, _BEFORE_NEEDLES, strict=True):
        if not may(needles):
            continue
        m = pat.search(tail)
        if not m:
            continue
        groups = m.groupdict()
        km: float | None = None
        if groups.get("num"):
            km = _number(groups["num"])
            if km is not None and groups.get("unit", "").lower().startswith("mi"):
                km *= MILE_KM
            if km is not None:
                km = round(km, 1)
        return RelativeInfo(rel, km, _bearing(groups.get("dir")), hint, offset + m.start())
    if _COUNTRYSIDE_AFTER.match(after):
        word = _COUNTRYSIDE_AFTER.match(after)
        rel = "outskirts" if word and "outskirts" in word.group(0).lower() else "countryside"
        if word and "suburbs" in word.group(0).lower():
            rel = "outskirts"
        return RelativeInfo(rel, None, "", hint, -1)
    if hint == "" and _AREA_AFTER.match(after) and tail.rstrip().lower().endswith("the"):
        return RelativeInfo("near", None, "", hint, -1)
    return RelativeInfo("", None, "", hint, -1)


@lru_cache(maxsize=8192)
def relative_context(text: str, start: int, end: int) -> RelativeInfo:
    """:func:`parse_relative` for the mention ``text[start:end]``. Cached: the events
    pipeline reads each mention twice (its article's ranking, then its sentence), and a
    string's hash is computed once."""
    before, after = text[max(0, start - 120) : start], text[end : end + 40]
    got = parse_relative(before, after)
    if got.is_relative or not _LIST_TAIL.search(before):
        return got
    return _list_relation(before, after) or got


# the names of a list before this one: "near the towns of Jermuk, Goris and " (Vardenis)
_LIST_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|al|el|de|da|do|du))*"
_LIST_TAIL = re.compile(r"(?:" + _LIST_NAME + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$")


def _list_relation(before: str, after: str) -> RelativeInfo | None:
    """A list's later names share the relation of its first one ("near the towns of
    Jermuk, Goris and Vardenis": all three are near); not a distance, which is measured
    from the first name only."""
    m = _LIST_TAIL.search(before)
    if m is None or m.start() == 0:
        return None
    first = parse_relative(before[: m.start()], before[m.start() :])
    if first.relation not in ("near", "outskirts", "countryside"):
        return None
    return replace(first, kind_hint=parse_relative(before, after).kind_hint)


def split_hint(spelled: str) -> tuple[str, str]:
    """Split a kind hint off a mention: "Hama province" -> ("Hama", "admin1").

    Also "province of Hama", "the city of Homs", "the Gaza Strip" (-> "Gaza Strip", "").
    """
    s = " ".join(spelled.split())
    for pat, hint in (
        (_SPLIT_ADMIN_PREFIX, "admin1"),
        (_SPLIT_ADMIN_SUFFIX, "admin1"),
        (_SPLIT_ADMIN2_SUFFIX, "admin2"),
        (_SPLIT_CITY_PREFIX, "city"),
    ):
        m = pat.match(s)
        if m:
            return _SPLIT_THE.sub("", m.group("core")).strip(), hint
    s = _SPLIT_THE.sub("", s)
    m = _SPLIT_CITY_SUFFIX.match(s)
    if m and m.group("core").strip():
        return m.group("core").strip(), "city"
    return s, ""
