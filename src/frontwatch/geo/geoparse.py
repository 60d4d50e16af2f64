"""Geoparsing a whole text: find toponym mentions, then resolve them together.

Recognition: spaCy entities (GPE, LOC, FAC; NORP for demonyms) plus capitalised
token runs the gazetteer knows (the small English model misses many Middle
Eastern towns).  Resolution: every mention's candidates are ranked with the
document as context (see :mod:`frontwatch.geo.context`): the countries and
admin1 areas the text names, "Town, Province" qualifiers, distance to the
other places, population and feature kind.

A mention the gazetteer cannot resolve is kept, marked ``unresolved``, with
the best area the document gives (its main country, precision 3).
Metonymic mentions ("Moscow said") are geocoded but get ``role="metonymic"``
so that the events pipeline does not use them as event places.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from frontwatch.geo.context import DocContext, rank_mentions
from frontwatch.geo.gazetteer import Candidate, Gazetteer
from frontwatch.geo.lexicon import demonym_country, read_table
from frontwatch.geo.normalise import fold_name, normalise_name
from frontwatch.geo.relative import RelativeInfo, relative_context, split_hint
from frontwatch.geo.supplement import entry_source
from frontwatch.types import Place

__all__ = ["Geoparser", "Toponym", "feature_code"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_SPEECH = {
    "say",
    "says",
    "said",
    "announce",
    "announced",
    "announces",
    "claim",
    "claimed",
    "claims",
    "deny",
    "denied",
    "denies",
    "warn",
    "warned",
    "warns",
    "accuse",
    "accused",
    "accuses",
    "insist",
    "insisted",
    "threaten",
    "threatened",
    "urge",
    "urged",
    "urges",
    "condemn",
    "condemned",
    "condemns",
    "vow",
    "vowed",
    "agree",
    "agreed",
    "sign",
    "signed",
    "respond",
    "responded",
    "reject",
    "rejected",
    "want",
    "wants",
    "believe",
    "believes",
}
_STRIP_LEAD = ("the ", "The ")
_CONNECT = {"of", "de", "du", "al", "el", "la", "le", "an", "ar", "as", "ad", "az", "ash", "es"}


@dataclass(frozen=True)
class Toponym:
    """One toponym mention in a text, with its resolution and why."""

    start: int  # 0-based character offsets in the text as given
    end: int
    text: str
    place: Place
    feature_code: str
    role: str = "place"  # place | metonymic | demonym
    resolved: bool = True
    candidates: tuple[Candidate, ...] = ()
    why: str = ""

    def as_dict(self, file: str = "", explain: bool = False) -> dict[str, Any]:
        p = self.place
        out: dict[str, Any] = {
            "file": file,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": p.name,
            "geonameid": p.geonameid,
            "lat": p.lat,
            "lon": p.lon,
            "country_code": p.country,
            "admin1": p.admin1,
            "feature_code": self.feature_code,
            "geo_precision": p.geo_precision,
            "method": p.method,
            "score": p.score,
            "role": self.role,
        }
        if p.relation:
            out |= {"relation": p.relation, "offset_km": p.offset_km, "bearing": p.bearing}
        if explain:
            out["why"] = self.why
            out["candidates"] = [
                {
                    "name": c.name,
                    "geonameid": c.geonameid,
                    "country_code": c.country,
                    "admin1": c.admin1,
                    "feature": c.feature,
                    "population": c.population,
                    "method": c.method,
                    "source": entry_source(c.geonameid),
                    "match_score": round(c.score, 1),
                    "rank": round(c.rank, 3),
                }
                for c in self.candidates
            ]
        return out


def feature_code(gaz: Gazetteer, c: Candidate) -> str:
    """GeoNames feature code of a candidate (PCLI, ADM1, ADM2, PPLC, PPLA, PPL, RGN...)."""
    return gaz.feature_code(c)


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    source: str  # ner | gazetteer | demonym
    metonymic: bool = False
    hint: str = ""
    cands: list[Candidate] = field(default_factory=list)
    rel: RelativeInfo | None = None
    namesake: str = ""  # the town a feature the gazetteer lacks is named after


# a natural feature named after a town: "Swat Valley", "Mahim Bay", "Lake Taal"
_NAMED_FEATURE = re.compile(
    r"^(?:(?P<a>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?) (?:Valley|Bay|Lake|Island|River|Gorge|Delta)"
    r"|Lake (?P<b>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?))$"
)


def _token_range(doc: Any, m: _Mention) -> tuple[int, int]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


_PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "settlement",
        "hamlet",
        "island",
        "province",
        "region",
        "district",
        "county",
        "community",
        "municipality",
        "state",
        "capital",
        "outskirts",
        "suburb",
        "suburbs",
        "residents",
        "people",
        "parish",
        "area",
        "port",
        "towns",
        "villages",
        "provinces",
        "regions",
        "districts",
        "counties",
        "communities",
        "cities",
        "islands",
        "states",
    ]
)
# nouns after a name that make it a place ("al-Tanf area"), not its people or government
_AREA_NOUNS = _PLACE_NOUNS - {"residents", "people", "community", "communities", "state", "states"}
_AREA_NOUNS |= {"camp", "camps", "countryside", "airport", "airbase", "crossing"}
# words of the calendar: a DATE entity holding one is a date, not a mislabelled town
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "ramadan",
        "eid",
        "christmas",
        "easter",
        "lent",
        "passover",
        "hanukkah",
        "diwali",
        "thanksgiving",
        "nowruz",
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "decade",
        "century",
        "today",
        "yesterday",
        "tomorrow",
        "night",
        "morning",
        "evening",
    ]
)
_LOCATIVE = {"in", "near", "at", "from", "to", "outside", "around", "towards", "into", "across"}
# what stands or lives somewhere: "the Pirbright laboratory", "a Longview woman" (lemmas)
_LOCAL_NOUNS = frozenset(
    [
        "laboratory",
        "lab",
        "mine",
        "camp",
        "racecourse",
        "airport",
        "hospital",
        "clinic",
        "prison",
        "jail",
        "school",
        "police",
        "council",
        "resident",
        "woman",
        "man",
        "family",
        "farmer",
        "villager",
        "shop",
        "business",
        "plant",
        "factory",
        "refinery",
        "port",
        "harbour",
        "harbor",
        "market",
        "station",
        "base",
        "barracks",
        "court",
        "courthouse",
        "mosque",
        "church",
        "stadium",
        "club",
    ]
)


# "West Nile virus", "Ebola fever", "Spanish flu": a disease named after a place
_DISEASE = re.compile(
    r"\s*(?:-|\s)?(?:virus|viruses|fever|flu|influenza|disease|ebolavirus|hemorrhagic|"
    r"haemorrhagic)\b",
    re.I,
)
# a PERSON entity that looks like an Arabic place name: "Maarat al-Numan", "Deir Hafer"
_PLACE_SHAPE = re.compile(
    r"\b(?:al|el|an|ar|as|ad|ash|az|ez|er|es|at)-|^(?:Deir|Dayr|Kafr|Kfar|Tal|Tell|Khan|Ain|"
    r"Ayn|Beit|Bayt|Jabal|Jebel|Wadi|Ras|Umm|Marj|Tall|Maarat|Ma'arrat|Hayy|Qasr|Bir)\b"
)
_WORD = re.compile(r"[^\s,;/&–—-]+")
# the last word of a named feature that is not inside the place its other words name
# ("Mississippi River", "Washington Street", "Lake Erie" stays whole)
_NAMED_FEATURES = frozenset(
    [
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "highway",
        "river",
        "lake",
        "creek",
        "bay",
        "sea",
        "ocean",
        "mountains",
        "mountain",
        "mount",
        "island",
        "islands",
        "strait",
        "gulf",
        "canal",
        "peninsula",
        "delta",
        "valley",
        "basin",
        "desert",
        "plateau",
        "highlands",
        "hills",
        "forest",
        "falls",
        "dam",
        "glacier",
        "reef",
        "lagoon",
        "cape",
    ]
)
_DIRECTION = re.compile(
    r"^(?:north|south|east|west|central|upper|lower|greater|middle)(?:ern)?"
    r"(?:[- ]?(?:north|south|east|west)(?:ern)?)?$",
    re.IGNORECASE,
)
_CAMEL = re.compile(r"[a-z][A-Z]|\b[A-Z]{2,}[a-z]|\d")
_SENT_QUALIFIER = re.compile(r",\s+((?:[A-Z][\w.]*)(?:\s+[A-Z][\w.]*){0,2})")
_DATELINE = re.compile(r"^\s*(?:\(|,|—|–|-|:|&)")
_OBJECT_DEPS = {"dobj", "pobj", "conj", "appos"}
_ODD_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
_HEAD_BEFORE_QUALIFIER = re.compile(r"([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}),[ \t]*$")
_CAP_WORD = re.compile(r"[A-Z][\w'’.-]*")
_LOCAL_OFFICE = re.compile(
    r"(?<![\w'’.-])([A-Z][\w.]*(?: [A-Z][\w.]*)?) (?:City |County |Borough |Town )?"
    r"(?:Mayor|mayor|Council|Superior Court|Crown Court|Magistrates[’']? Court|District Court"
    r"|Circuit Court|Municipal Court|County Court|City Hall|Town Hall)\b"
)
WORLD_CITY = 1_000_000  # people: a one-word PERSON of this town's name is the town
_TAIL_AFTER_TOWN = re.compile(r",[ \t]*([A-Z][A-Za-z]*\.?)(?![\w'’])")
_LIST_INSIDE = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_BASED = re.compile(r"(?<![\w'’-])([A-Z][\w.]*(?: [A-Z][\w.]*)?)-based\b")
# words between a local authority's name and its "Council" ("Leeds City Council")
_COUNCIL_KINDS = frozenset(
    [
        "City",
        "County",
        "Borough",
        "District",
        "Town",
        "Metropolitan",
        "Regional",
        "Municipal",
        "Parish",
        "Shire",
        "Provincial",
        "Local",
        "Village",
        "Municipality",
    ]
)


def _locative(span: Any, extra: set[str] | None = None) -> bool:
    """The span is the object of a place preposition ("in Oxford", "near Saraqib")
    or joined to one ("near Maarat al-Numan and Saraqib")."""
    root = span.root
    for _ in range(3):
        if root.dep_ != "conj":
            break
        root = root.head
    head = root.head.lower_
    if root.dep_ == "pobj" and head == "of" and root.head.head.lower_ in _PLACE_NOUNS:
        return True  # "the town of Camborne", "the island of Bohol", "residents of X"
    return bool(root.dep_ == "pobj" and (head in _LOCATIVE or head in (extra or set())))


_PLURAL_ADMIN = re.compile(
    r"\s(?:provinces|governorates|oblasts|regions|states|districts)\b", re.IGNORECASE
)
_PLURAL_BEFORE = re.compile(
    r"\b(provinces|governorates|oblasts|regions|states|districts)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z]\.)+$")
# a bare hyphen or space joins too: "Guinea-Bissau" is tokenised Guinea / - / Bissau, and
# "Baja California" may come as Baja + California
_JOINER = re.compile(r"\s+(?:and|&|and the|do|da|dos|das|de|del|of|of the)\s+|-| ")
_RESIDENCE = re.compile(r"(?:,\s+(?:both\s+|all\s+)?|\boutside\s+)of\s+$")
_DATELINE_HEAD = re.compile(r"([A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}),? +(?:[-—–] +\S|[A-Z][a-z])")
_AND = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")


def _coordinated_hint(text: str, mentions: Sequence[_Mention], k: int) -> str:
    """ "Homs and Aleppo Governorates": Homs takes the plural kind word of the last conjunct."""
    j = k
    while j + 1 < len(mentions) and _AND.match(text[mentions[j].end : mentions[j + 1].start]):
        j += 1
    if j == k:
        return _shared_before(text, mentions, k) or _last_conjunct(text, mentions, k)
    last = mentions[j]
    m = _PLURAL_ADMIN.search(text[last.start : last.end + 14])
    if m is None:
        return ""
    return "admin2" if m.group(0).strip().lower() == "districts" else "admin1"


_TOWN_JOINER = re.compile(r"\s+(?:do|da|dos|das|de|del|di)\s+|-| ")
# "Mocimboa da Praia", and a town's first word the tagger left out ("Goz Beida", "Mission
# Viejo" found as Beida and Viejo)
_TOWN_HEAD = re.compile(r"\b([A-Z][\w'’-]+)(?:\s+(?:do|da|dos|das|de|del|di))?\s+$")
# "Fort St. John" found as "Fort St"
_TOWN_TAIL = re.compile(r"\. ([A-Z][\w'’-]+)")
# the lowercase words of a site named after a town: "nuclear power plant", "air base"
# (airports have their own rule)
_SITE_TAIL = re.compile(
    r"\s+(?:(?:nuclear|hydroelectric|thermal)\s+)?(?:power\s+)?(?:plant|station)\b"
    r"|\s+(?:air\s?base|airfield|dam|refinery|oil\s+field|gas\s+field)\b"
)


def _unresolved_beside(gaz: Gazetteer, c: Candidate, text: str) -> Place:
    """A name the gazetteer lacks, reported at the place it lies in or is named after: that
    place's coordinates under its own name, unresolved, precision 2."""
    return replace(
        gaz.to_place(c, text),
        name=text,
        geonameid=None,
        geo_precision=2,
        method="unresolved",
        score=0.0,
    )


def _town_joined(between: str, whole: str, c: Candidate) -> bool:
    """ "Mocimboa da Praia", "Ciudad del Este": a town's own name joined by a particle (not
    "and": "Aleppo and Idlib" are two towns) is one town, not Praia in Cape Verde."""
    return bool(_TOWN_JOINER.fullmatch(between)) and normalise_name(whole) == normalise_name(c.name)


def _last_conjunct(text: str, mentions: Sequence[_Mention], k: int) -> str:
    """ "the Bryansk and Kursk regions": the last conjunct takes its own plural kind word
    too (a plural noun after one name means the names before it are of that kind)."""
    if k == 0 or not _AND.match(text[mentions[k - 1].end : mentions[k].start]):
        return ""
    m = _PLURAL_ADMIN.match(text, mentions[k].end)
    if m is None:
        return ""
    return "admin2" if m.group(0).strip().lower() == "districts" else "admin1"


def _trim(text: str, m: _Mention, abbrevs: frozenset[str]) -> _Mention:
    """Drop a sentence's final dot or comma from a mention ("Hama." -> "Hama"), not the dots
    of initials ("U.S.", "B.C.") or of abbreviations ("Ky.", "Calif.")."""
    span = text[m.start : m.end]
    if span.endswith((".", ",", ";", ":")) and not (_INITIALS.search(span) or span in abbrevs):
        m.end -= 1
        m.text = span[:-1]
    return m


def _shared_before(text: str, mentions: Sequence[_Mention], k: int) -> str:
    """ "the provinces of Latakia and Tartus": Tartus takes the plural kind word before
    the first conjunct."""
    j = k
    while j > 0 and _AND.match(text[mentions[j - 1].end : mentions[j].start]):
        j -= 1
    if j == k:
        return ""
    m = _PLURAL_BEFORE.search(text[max(0, mentions[j].start - 30) : mentions[j].start])
    if m is None:
        return ""
    return "admin2" if m.group(1).lower() == "districts" else "admin1"


# a named site inside a town: an unknown "Royal Street" or "St. Michael's Hospital" gets the
# point of the town the text is about (precision 2), not only its province or country
_FACILITY = re.compile(
    r"\b(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Square|Park|Airport|"
    r"Hospital|School|College|Church|Cathedral|Basilica|Mosque|Temple|Synagogue|Bridge|"
    r"Station|Stadium|Arena|Hall|Centre|Center|Market|Museum|Prison|Jail|Courthouse|Hotel|"
    r"Mall|Plaza|Building|Tower|Library|Theatre|Theater|Canal|Railroad|Railway|Harbour|"
    r"Harbor|Pier|Zoo|Cemetery|Campus|Neighbourhood|Neighborhood|Quarter|Hills|Heights)\.?$"
)


_PREV_CAP = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+$")
# capitalised words that start sentences, not names
_OPENERS = frozenset(
    [
        "In",
        "At",
        "From",
        "To",
        "The",
        "And",
        "But",
        "Near",
        "Outside",
        "Inside",
        "Across",
        "Around",
        "Into",
        "Of",
        "On",
        "For",
        "With",
        "By",
        "As",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "Both",
        "Only",
        "Even",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Until",
        "Like",
        "Unlike",
        "Including",
        "Across",
        "Over",
        "Under",
        "Between",
        "Among",
        "Meanwhile",
        "Also",
        "Then",
        "There",
        "Here",
        "Residents",
        "Officials",
        "Police",
    ]
)


def _name_before(text: str, a: int) -> bool:
    """A capitalised word (not a sentence opener) runs into position ``a``."""
    m = _PREV_CAP.search(text[max(0, a - 30) : a])
    return m is not None and m.group(1) not in _OPENERS


def _capitalised_neighbour(text: str, a: int, b: int) -> bool:
    """Whether the match sits inside a longer word or name."""
    if (a and (text[a - 1].isalnum() or text[a - 1] in "-'’")) or (
        b < len(text) and (text[b].isalnum() or text[b] in "-")
    ):
        return True
    return _name_before(text, a)


def _overlaps_any(spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _person_words(doc: Any) -> set[str]:
    """Words of the multi-word personal names in a text ("Yulia Skripal", "Muhammadu
    Buhari"): alone, they are that person, not a place."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            out.update(t.text for t in ent if t.text[:1].isupper() and len(t.text) > 2)
    return out


def _main_town(
    ranked: Sequence[tuple[_Mention, list[Candidate], str]],
    country: str = "",
    provinces: set[str] | None = None,
) -> Candidate | None:
    """The town the text names most often (on a tie the biggest, then the first named: a
    report on New Orleans that names Lafayette once too), in the text's main country and
    its named provinces when it names them."""
    counts: dict[int, int] = {}
    first: dict[int, Candidate] = {}
    for _, cands, _ in ranked:
        if not cands or (country and cands[0].country != country):
            continue
        if provinces and cands[0].admin1 not in provinces:
            continue
        if cands[0].feature == "city" and cands[0].lat is not None:
            counts[cands[0].idx] = counts.get(cands[0].idx, 0) + 1
            first.setdefault(cands[0].idx, cands[0])
    if not counts:
        return None
    # dicts keep first-named order on ties
    best = max(counts, key=lambda i: (counts[i], first[i].population))
    return first[best]


class Geoparser:
    """Load once, then :meth:`parse` many texts."""

    def __init__(
        self, gaz: Gazetteer | None = None, nlp: Any = None, *, demonyms: bool = False
    ) -> None:
        self.gaz = gaz or Gazetteer.load()
        if nlp is None:
            from frontwatch.nlp import load_pipeline

            nlp = load_pipeline()
        self.nlp = nlp
        self.demonyms = demonyms
        self._cache: dict[tuple[str, str], list[Candidate]] = {}
        self._abbrevs = frozenset(
            a
            for row in read_table("admin1_abbreviations.csv")
            for a in row["abbreviations"].split("|")
        )
        self.resolve_seconds = 0.0
        self.resolutions = 0

    def _cands(self, spelled: str, hint: str = "") -> list[Candidate]:
        """Gazetteer candidates, memoised (names recur across a day's reports)."""
        key = (spelled, hint)
        got = self._cache.get(key)
        if got is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            got = self.gaz.candidates(spelled, kind_hint=hint, fuzzy=False, limit=0)
            self._cache[key] = got
        return got

    # ------------------------------------------------------------ recognition
    def _mentions(self, doc: Any) -> list[_Mention]:
        text = doc.text
        out: list[_Mention] = []
        taken: set[int] = set()
        ctx = self._ner_countries(doc)
        for ent in doc.ents:
            label = ent.label_
            s, e = ent.start_char, ent.end_char
            span = text[s:e]
            if span.startswith(_STRIP_LEAD):
                s += 4
                span = text[s:e]
            if span.endswith("'s") or span.endswith("’s"):
                e -= 2
                span = text[s:e]
            if not span.strip():
                continue
            if label in _PLACE_LABELS:
                m = _Mention(s, e, span, "ner")
            elif label == "NORP":
                if not self.demonyms or demonym_country(span) is None:
                    continue
                m = _Mention(s, e, span, "demonym")
            elif parts := self._place_list(ent, s, span):
                out.extend(parts)  # "the towns of Haris and Varzaqan" as one ORG
                taken.update(range(ent.start, ent.end))
                continue
            elif self._mislabelled_place(ent, span, ctx):
                m = _Mention(s, e, span, "gazetteer")  # NER mislabels towns (Hama/PERSON)
            elif head := self._dateline_head(ent, span, ctx):
                m = _Mention(s, s + len(head), head, "gazetteer")  # "SAN ANTONIO - Police"
            else:
                taken.update(range(ent.start, ent.end))
                continue
            m.metonymic = self._is_metonymic(ent)
            out.append(m)
            taken.update(range(ent.start, ent.end))
        taken_places = {t for m in out for t in range(*_token_range(doc, m))}
        out.extend(self._gazetteer_runs(doc, taken, ctx))
        out.extend(self._embedded(doc, taken_places))
        out.extend(self._conjoined(doc, out))
        based = list(self._based(text, out, _BASED))
        based.extend(self._based(text, out + based, _LOCAL_OFFICE))
        out.extend(based)
        out = [
            _trim(text, m, self._abbrevs)
            for m in out
            if not _DISEASE.match(text, m.end)
            and (m.source == "demonym" or not self.gaz.is_stop(m.text))
        ]
        out = [part for m in out for part in self._segment(m)]
        out.extend(self._qualifiers(doc, out))
        heads = list(self._qualified_heads(text, out))
        heads.extend(self._qualifying_tails(text, out + heads))
        out.extend(heads)
        out.extend(self._repeats(text, out))
        people = _person_words(doc)
        # spaCy's GPE after a place preposition ("in Cornwall") stays, whatever else a word
        # of the text's personal names is ("Cornwall Fire and Rescue" tagged PERSON)
        sure = {e.start_char for e in doc.ents if e.label_ == "GPE" and _locative(e)}
        sure.update(m.start for m in based)  # "the Kent-based team": a place, whoever Kent is
        sure.update(m.start for m in heads)
        out = [
            m
            for m in out
            if m.text not in people
            or self._well_known(m.text)
            or (m.start in sure and any(c.method == "exact" for c in self._cands(m.text)))
        ]
        out = [m for m in out if not self._camel_alias(m) and not self._acronym_word(m)]
        out.sort(key=lambda m: m.start)
        return self._joined(text, out)

    def _joined(self, text: str, found: list[_Mention]) -> list[_Mention]:
        """Two mentions joined by "and" or a small word into the name of a country or
        province the gazetteer knows as a whole ("Trinidad and Tobago", "Rio Grande do Sul",
        "Bosnia and Herzegovina") are that one mention, not two places."""
        out: list[_Mention] = []
        for m in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.source != "demonym"
                and m.source != "demonym"
                and _JOINER.fullmatch(text, prev.end, m.start)
            ):
                whole = text[prev.start : m.end]
                if any(
                    c.method == "exact"
                    and (
                        c.feature in ("country", "admin1")
                        or (
                            c.feature == "city" and _town_joined(text[prev.end : m.start], whole, c)
                        )
                    )
                    for c in self._cands(whole)
                ):
                    out[-1] = _Mention(prev.start, m.end, whole, prev.source, prev.metonymic)
                    continue
            out.append(
                self._site_tail(text, self._town_tail(text, self._town_head(text, m, prev), found))
            )
        return out

    def _site_tail(self, text: str, m: _Mention) -> _Mention:
        """A town's name before the lowercase words of a site named after it ("the
        Zaporizhzhia nuclear power plant"): the site when the gazetteer has it under that
        whole name (a plant, a base, a dam without a head count), not the town."""
        tail = _SITE_TAIL.match(text, m.end)
        if tail is None or m.source == "demonym":
            return m
        whole = text[m.start : tail.end()]
        if any(c.method == "exact" and self._named_site(c) for c in self._cands(whole)):
            return _Mention(m.start, tail.end(), whole, m.source, m.metonymic)
        return m

    def _town_tail(self, text: str, m: _Mention, found: list[_Mention]) -> _Mention:
        """A mention the tagger cut before the town's last word ("Fort St" of "Fort St.
        John"): the whole town when the gazetteer has it under that own name."""
        tail = _TOWN_TAIL.match(text, m.end)
        if tail is None or m.source == "demonym" or any(o.start == tail.start(1) for o in found):
            return m
        whole = text[m.start : tail.end()]
        key = normalise_name(whole)
        if any(
            c.method == "exact" and c.feature == "city" and normalise_name(c.name) == key
            for c in self._cands(whole)
        ):
            return _Mention(m.start, tail.end(), whole, m.source, m.metonymic)
        return m

    def _town_head(self, text: str, m: _Mention, prev: _Mention | None) -> _Mention:
        """A mention after "Word da " that the tagger did not see as a name ("Praia" of
        "Mocimboa da Praia"): the whole town when the gazetteer has that town."""
        head = _TOWN_HEAD.search(text, max(0, m.start - 40), m.start)
        if head is None or m.source == "demonym" or (prev is not None and prev.end > head.start()):
            return m
        whole = text[head.start() : m.end]
        joiner = text[head.end(1) : m.start]
        if any(
            c.method == "exact" and c.feature == "city" and _town_joined(joiner, whole, c)
            for c in self._cands(whole)
        ):
            return _Mention(head.start(), m.end, whole, m.source, m.metonymic)
        return m

    def _dateline_head(self, ent: Any, span: str, ctx: set[str] | None = None) -> str:
        """The dateline at the head of an entity spaCy ran on past it ("SAN ANTONIO - Police",
        "SAN ANTONIO Turner Sports" as one ORG): the capitals before the dash or the first
        capitalised word, when they are a known place (a province or country, or a town of
        10,000+); an entity that is the whole dateline ("BANTAM" before its dash) follows
        the rule of a dateline outside entities (`_dateline_town`)."""
        if not ent[0].is_sent_start:
            return ""
        after = ent.doc.text[ent.end_char :][:8]
        if span.isupper() and len(span) > 3 and _DATELINE.match(after):
            return span if self._dateline_town(ent.doc.text, span, ctx) else ""
        got = _DATELINE_HEAD.match(span)
        if got is None:
            return ""
        head = got.group(1)
        if len(head) <= 3 or "." in head:
            return ""  # "U.S. Army", "LE Central": initials, not a dateline
        ok = any(
            c.method == "exact" and (c.feature != "city" or c.population >= 10_000)
            for c in self._cands(head)
        )
        return head if ok else ""

    def _camel_alias(self, m: _Mention) -> bool:
        """A word capitalised inside ("MoD", "UConn", "iPhone") or holding a digit ("H5N1")
        is a place only under an entry's own name spelt so (McAllen, DeKalb), not by an
        alternate name (Maud)."""
        if m.source == "demonym" or not _CAMEL.search(m.text):
            return False
        key = fold_name(m.text)
        return not any(fold_name(c.name).startswith(key) for c in self._cands(m.text))

    def _acronym_word(self, m: _Mention) -> bool:
        """A short word not in capitals that only a country's initials spell ("Car" of
        "Touring Car Championship" is not the CAR; "Uae" would not be the UAE)."""
        word = m.text
        if m.source == "demonym" or len(word) > 4 or not word.isalpha() or word.isupper():
            return False
        exact = [c for c in self._cands(word) if c.method == "exact"]
        key = fold_name(word)
        areas = [c for c in exact if c.feature in ("country", "admin1")]
        return (
            any(c.feature == "country" for c in areas)
            and all(fold_name(c.name) != key for c in areas)
            and not any(c.feature == "city" and c.population >= 10_000 for c in exact)
        )

    def _repeats(self, text: str, found: Sequence[_Mention]) -> Iterator[_Mention]:
        """One sense per text: a spelling taken as a place once is a place wherever else it
        stands as a whole name ("in Dadaab" ... "the Dadaab camps"), unless another
        capitalised word runs into it ("New York" is no repeat of "York")."""
        spans = sorted((m.start, m.end) for m in found)
        spellings = {
            m.text
            for m in found
            if m.source != "demonym" and len(m.text) >= 4 and m.text[:1].isupper()
        }
        for sp in sorted(spellings):
            if not self._cands(sp):
                continue  # only known places repeat
            hits = [h.span() for h in re.finditer(re.escape(sp), text)]
            if any(_name_before(text, a) for a, _ in hits):
                continue  # also part of a longer name ("Mike Steele" ... "Steele said")
            for a, b in hits:
                if _capitalised_neighbour(text, a, b) or _overlaps_any(spans, a, b):
                    continue
                yield _Mention(a, b, sp, "repeat")

    def _qualifiers(self, doc: Any, found: Sequence[_Mention]) -> Iterator[_Mention]:
        """ "Brands Hatch, Kent", "Snetterton, Norfolk": a province, county or country right
        after a place and a comma is a place, whatever spaCy's label (PERSON, ORG)."""
        ends = {m.end for m in found}
        starts = {m.start for m in found}
        text = doc.text
        for ent in doc.ents:
            s, e = ent.start_char, ent.end_char
            if ent.label_ not in ("PERSON", "ORG") or s in starts:
                continue
            before = text[max(0, s - 3) : s]
            m = re.search(r",\s*$", before)
            if m is None or (s - len(before) + m.start()) not in ends:
                continue
            if any(
                c.method == "exact" and c.feature in ("admin1", "admin2", "country")
                for c in self._cands(ent.text)
            ):
                yield _Mention(s, e, ent.text, "gazetteer")

    def _qualified_heads(self, text: str, found: Sequence[_Mention]) -> Iterator[_Mention]:
        """ "all of Hugo, Oklahoma", "RUSSELLVILLE, Ark. (AP)": the capitalised words right
        before a province and a comma are a place when the gazetteer has a town of that
        name in that very province (whatever the tagger made of them)."""
        spans = [(m.start, m.end) for m in found]
        for m in found:
            areas = {
                (c.country, c.admin1)
                for c in m.cands or self._cands(m.text)
                if c.method == "exact" and c.feature == "admin1"
            }
            if not areas:
                continue
            got = _HEAD_BEFORE_QUALIFIER.search(text, max(0, m.start - 40), m.start)
            if got is None:
                continue
            words = list(_CAP_WORD.finditer(got.group(1)))
            for k in range(len(words)):  # the longest run of words that is such a town
                a, b = got.start(1) + words[k].start(), got.end(1)
                sub = text[a:b]
                if _overlaps_any(spans, a, b) or self.gaz.is_stop(sub):
                    continue
                if any(
                    c.method == "exact" and c.feature == "city" and (c.country, c.admin1) in areas
                    for c in self._cands(sub)
                ):
                    yield _Mention(a, b, sub, "gazetteer")
                    break

    def _qualifying_tails(self, text: str, found: Sequence[_Mention]) -> Iterator[_Mention]:
        """ "LOUISVILLE, KY--(Marketwire)": the capitalised word right after a town and a
        comma is a place when it is a province (its name or abbreviation) holding a town
        of that name."""
        spans = [(m.start, m.end) for m in found]
        for m in found:
            got = _TAIL_AFTER_TOWN.match(text, m.end)
            if got is None or _overlaps_any(spans, *got.span(1)):
                continue
            towns = {
                (c.country, c.admin1)
                for c in m.cands or self._cands(m.text)
                if c.method == "exact" and c.feature == "city"
            }
            word = got.group(1)
            if towns and any(
                c.method == "exact" and c.feature == "admin1" and (c.country, c.admin1) in towns
                for c in self._cands(word)
            ):
                yield _Mention(got.start(1), got.end(1), word, "gazetteer")

    def _segment(self, m: _Mention) -> list[_Mention]:
        """An entity the gazetteer does not know as a whole that joins known places
        ("Cattai and Wilberforce", "Greece Italy", "Central Africa - Nigeria") or wraps one
        in other words ("Eastern China", "South Asia Earthquake", "Manila Cathedral"):
        the places inside it become the mentions (the rest is dropped)."""
        if m.source != "ner" or self._cands(m.text) or split_hint(m.text)[1]:
            return [m]
        words = [(w.start(), w.end()) for w in _WORD.finditer(m.text)]
        if len(words) < 2 or m.text.split()[-1].lower().strip(".") in _NAMED_FEATURES:
            return [m]
        parts: list[_Mention] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                a, b = words[i][0], words[j - 1][1]
                sub = m.text[a:b]
                if (j - i < len(words)) and self._segment_place(sub):
                    parts.append(_Mention(m.start + a, m.start + b, sub, m.source, m.metonymic))
                    i = j
                    break
            else:
                i += 1
        return parts or [m]

    def _segment_place(self, sub: str) -> bool:
        if not sub[:1].isupper() or self.gaz.is_stop(sub) or _DIRECTION.match(sub):
            return False
        cands = [c for c in self._cands(sub) if c.method == "exact"]
        return any(c.feature in ("country", "admin1", "region") for c in cands) or (
            self._big_city(sub) or (" " in sub and any(c.feature == "admin2" for c in cands))
        )

    def _embedded(self, doc: Any, taken: set[int]) -> Iterator[_Mention]:
        """Countries, provinces and big towns inside an organisation's name that was not
        itself taken as a place: "U.S. Army", "University of Manitoba", "CBC Toronto"."""
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) < 2 or ent.start in taken:
                continue
            town = self._council_town(ent)
            if town is not None:
                yield town
                continue
            i = ent.start
            while i < ent.end:
                hit = 0
                for j in (5, 4, 3, 2, 1):  # "of the People's Republic of China": 5 tokens
                    sub = doc[i : i + j]
                    if i + j > ent.end or not sub.text[:1].isupper() or sub[0].is_punct:
                        continue
                    if sub[0].lower_ == "the" or self.gaz.is_stop(sub.text):
                        continue
                    if (
                        self._strong_place(sub.text)
                        or (j == 1 and self._big_city(sub.text))
                        or (j >= 2 and self._county(sub.text))
                    ):
                        hit = j
                        yield _Mention(sub.start_char, sub.end_char, sub.text, "embedded")
                        break
                i += hit or 1

    def _based(
        self, text: str, found: Sequence[_Mention], pattern: re.Pattern[str]
    ) -> Iterator[_Mention]:
        """ "a Kent-based team", "the US-based producer": the name before "-based" is where
        something is based, when the gazetteer knows it well (a country, province, region,
        county or a town of 10,000+ under its own name) and no mention holds it yet; with
        `_LOCAL_OFFICE` the town of a local office ("Beaconsfield Mayor Georges Bourelle",
        "in Litchfield Superior Court")."""
        for got in pattern.finditer(text):
            a, b = got.span(1)
            span = got.group(1)
            if _overlaps_any([(m.start, m.end) for m in found], a, b) or self.gaz.is_stop(span):
                continue
            own = fold_name(span)
            alias = pattern is _LOCAL_OFFICE  # "Mount Royal Mayor": Mont-Royal's own office
            if self._strong_place(span) or any(
                c.method == "exact"
                and (alias or fold_name(c.name) == own)
                and (c.feature == "admin2" or (c.feature == "city" and c.population >= 10_000))
                for c in self._cands(span)
            ):
                yield _Mention(a, b, span, "gazetteer")

    def _conjoined(self, doc: Any, found: Sequence[_Mention]) -> Iterator[_Mention]:
        """ "Heathrow and Gatwick", "Limpopo and Eastern Cape": a one- or two-word PERSON,
        ORG or DATE joined by "and" or a comma to a place found is a place too, when the
        gazetteer has it under its own name (a province, country or region, or a town of
        1,000+) and no personal name of the text holds the word."""
        text = doc.text
        spans = sorted((m.start, m.end) for m in found if m.source != "demonym")
        if not spans:
            return
        people: set[str] | None = None
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "DATE") or len(ent) > 2:
                continue
            a, b = ent.start_char, ent.end_char
            if _overlaps_any(spans, a, b):
                continue
            if not any(
                _AND.match(text[e:a]) if e <= a else _AND.match(text[b:s])
                for s, e in spans
                if 0 <= a - e <= 6 or 0 <= s - b <= 6
            ):
                continue
            span = ent.text
            own = fold_name(span)
            strong = self._strong_place(span)
            if not strong and (
                ent.label_ == "DATE"
                or span.isupper()  # "TASS and Interfax": agencies' initials
                or not any(
                    c.method == "exact"
                    and c.feature == "city"
                    and (c.population >= 1_000 or self._named_site(c))
                    and fold_name(c.name) == own
                    for c in self._cands(span)
                )
            ):
                continue
            if people is None:
                people = _person_words(doc)
            if span in people:
                continue
            yield _Mention(a, b, span, "gazetteer")

    def _named_site(self, c: Candidate) -> bool:
        """A site without a head count that is no town (an airport, a camp, a crossing:
        "Heathrow and Gatwick"); a GeoNames town without one (El Niño) is not enough."""
        return c.population == 0 and not feature_code(self.gaz, c).startswith("PPL")

    def _place_list(self, ent: Any, start: int, span: str) -> list[_Mention]:
        """An ORG or PERSON after a place preposition that is a list of towns the
        gazetteer knows ("south to Ingham or Townsville", "the towns of Haris and
        Varzaqan"): each town is a mention."""
        if ent.label_ not in ("PERSON", "ORG") or not _LIST_INSIDE.search(span):
            return []
        if not _locative(ent):
            return []
        out = []
        pos = 0
        for sep in [*_LIST_INSIDE.finditer(span), None]:
            a, b = pos, (sep.start() if sep else len(span))
            part = span[a:b]
            if not part[:1].isupper() or self.gaz.is_stop(part):
                return []
            if not any(
                c.method == "exact" and c.feature in ("city", "admin1", "admin2", "country")
                for c in self._cands(part)
            ):
                return []
            out.append(_Mention(start + a, start + b, part, "gazetteer"))
            pos = sep.end() if sep else b
        return out if len(out) >= 2 else []

    def _council_town(self, ent: Any) -> _Mention | None:
        """ "Enfield Council", "Leeds City Council", "Kent County Council": a local
        authority's council names its town or county (a town of 1,000+ or a county the
        gazetteer knows by that very name; "Security Council" names none)."""
        toks = [t for t in ent if not t.is_punct and t.lower_ not in ("'s", "’s")]
        if len(toks) < 2 or toks[-1].text != "Council":
            return None
        words = toks[1:-1] if toks[0].lower_ == "the" else toks[:-1]
        while words and words[-1].text in _COUNCIL_KINDS:
            words = words[:-1]
        if not 1 <= len(words) <= 3 or not all(w.text[:1].isupper() for w in words):
            return None
        sub = ent.doc[words[0].i : words[-1].i + 1]
        if len(sub) != len(words) or self.gaz.is_stop(sub.text):
            return None
        key = normalise_name(sub.text)
        if not any(
            c.method == "exact"
            and c.feature in ("city", "admin2")
            and c.population >= 1_000
            and normalise_name(c.name).startswith(key)
            for c in self._cands(sub.text)
        ):
            return None
        return _Mention(sub.start_char, sub.end_char, sub.text, "embedded")

    def _mislabelled_place(self, ent: Any, span: str, ctx: set[str]) -> bool:
        """spaCy's small model calls many towns ORG or PERSON ("at Edmonton", "Hama")."""
        label = ent.label_
        if label in _ODD_LABELS:
            return self._run_is_place(span, ctx) or (
                label != "LANGUAGE" and self._named_area_before_noun(ent, span)
            )
        if label == "DATE":
            return self._dated_town(ent, span)
        if label not in ("PERSON", "ORG"):
            return False
        if self._strong_place(span):
            return True
        if self._named_area_before_noun(ent, span):
            return True
        if _locative(ent) and _PLACE_SHAPE.search(span) and not self._cands(span):
            return True  # a village the gazetteer lacks: reported as unresolved
        if self._local_modifier(ent, span, ctx):
            return True
        if label == "PERSON" and len(ent) <= 2 and _locative(ent) and self._big_city(span, 10_000):
            return True  # "the road to Cirencester", "in Riverdale": a town, not a person
        if (
            label == "PERSON"
            and len(ent) == 1
            and self._big_city(span, WORLD_CITY)
            and span not in _person_words(ent.doc)
        ):
            return True  # "Edmonton ranked last": a city of millions no person of the text bears
        if (
            len(ent) <= 2
            and _RESIDENCE.search(ent.doc.text, 0, ent.start_char)
            and (self._big_city(span, 10_000) or self._strong_place(span))
        ):
            return True  # "Paul Block, 49, of Waterloo", "outside of Waterloo"
        if not self._run_is_place(span, ctx):
            return False
        if _locative(ent, extra={"of"} if label == "ORG" else set()):
            return True
        if len(ent) == 1 and ent.root.dep_ == "compound" and self._big_city(span):
            return True  # "the Cairns police", "Winnipeg police"
        shaped = label == "ORG" or _PLACE_SHAPE.search(span) is not None
        if shaped and ent.root.dep_ in _OBJECT_DEPS and self._town_in(span, ctx):
            return True  # "shelling hit Maarat al-Numan and Saraqib" in a Syrian report
        return label == "ORG" and len(ent) == 1 and self._big_city(span)

    def _dated_town(self, ent: Any, span: str) -> bool:
        """ "embedded with special forces in Manbij": a name tagged DATE after a place
        preposition is a town of 10,000+ (or a country or province) under its own name,
        unless it holds a digit or a word of the calendar."""
        if not _locative(ent) or any(ch.isdigit() for ch in span):
            return False
        if any(t.lower_ in _CALENDAR for t in ent) or not span[:1].isupper():
            return False
        return self._strong_place(span) or self._big_city(span, 10_000)

    def _named_area_before_noun(self, ent: Any, span: str) -> bool:
        """ "heavy weapons sent to al-Tanf area", "troops entered Kafr Nabl town": a PERSON or
        ORG of one to three words right before a noun of a place (town, village, district,
        area ...) is a place the gazetteer has under that name (its own or an alternate)."""
        doc = ent.doc
        if len(ent) > 3 or ent.end >= len(doc):
            return False
        noun = doc[ent.end]
        if noun.lower_ not in _AREA_NOUNS or not noun.text.islower():
            return False
        if demonym_country(span) is not None:
            return False  # "the English countryside": a demonym, not English, Indiana
        return not self.gaz.is_stop(span) and any(c.method == "exact" for c in self._cands(span))

    def _well_known(self, span: str) -> bool:
        """A country, province, region or town of 100,000+ under its own name."""
        return self._strong_place(span) or self._big_city(span)

    def _town_in(self, span: str, countries: set[str], people: int = 10_000) -> bool:
        return any(
            c.feature == "city"
            and c.country in countries
            # GeoNames gives some real towns population 0 (Maarat al-Numan): unknown
            and (c.population >= people or (c.population == 0 and " " in span))
            for c in self._cands(span)
            if c.method != "fuzzy"
        )

    def _big_city(self, span: str, people: int = 100_000) -> bool:
        """A town of 100,000+ (or ``people``) whose own name (not an alternate: Drug is not
        Durg) this is."""
        key = normalise_name(span)
        return any(
            c.feature == "city"
            and c.method == "exact"
            and c.population >= people
            and normalise_name(c.name) == key
            for c in self._cands(span)[:3]
        )

    def _local_modifier(self, ent: Any, span: str, ctx: set[str]) -> bool:
        """ "the Pirbright laboratory", "the Yanacocha mine", "Dadaab camps", "a Longview
        woman": a town's own name modifying a noun of what stands or lives somewhere."""
        root = ent.root
        if len(ent) > 2 or root.dep_ not in ("compound", "amod", "nmod"):
            return False
        head = root.head
        if head.i < ent.end or not head.text.islower() or head.lemma_ not in _LOCAL_NOUNS:
            return False
        return self._big_city(span, 10_000) or (
            self._big_city(span, 1_000) and self._town_in(span, ctx, 1_000)
        )

    def _county(self, span: str) -> bool:
        """ "the Plymouth County Sheriff's Office": a county the gazetteer knows by that
        name (with its word County or Parish)."""
        if span.split()[-1] not in ("County", "Parish"):
            return False
        return any(c.feature == "admin2" and c.method == "exact" for c in self._cands(span))

    def _strong_place(self, span: str) -> bool:
        """A PERSON/ORG entity that is surely a place: a country, admin1 or named region
        (continent, sea, "EU"), exactly."""
        if " " in span.strip() and not self.gaz.lookup_exact(span):
            return False
        return any(
            c.feature in ("country", "admin1", "region") and c.method == "exact"
            for c in self._cands(span)
        )

    def _ner_countries(self, doc: Any) -> set[str]:
        """Countries of the places spaCy found (they license smaller towns in the runs)."""
        out: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC"):
                for c in self._cands(ent.text)[:2]:
                    if c.method == "exact" and c.feature in ("country", "admin1"):
                        out.add(c.country)
        return out

    def _gazetteer_runs(self, doc: Any, taken: set[int], ctx: set[str]) -> Iterator[_Mention]:
        """Capitalised runs outside entities that the gazetteer knows well."""
        toks = list(doc)
        i = 0
        while i < len(toks):
            t = toks[i]
            if i in taken or not (t.is_alpha and t.text[:1].isupper()):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j not in taken and toks[j].text[:1].isupper():
                j += 1
            span_text = doc[i:j].text
            if t.is_sent_start:
                ok = self._sentence_start_place(doc, i, j, span_text, ctx)
            elif j - i == 1 and t.is_stop and not self._strong_place(span_text):
                ok = False  # '"Can we ...', "May": a capitalised function word
            else:
                ok = self._run_is_place(span_text, ctx) or (
                    _locative(doc[i:j])
                    and _PLACE_SHAPE.search(span_text) is not None
                    and not self._cands(span_text)
                )
            if ok:
                yield _Mention(
                    toks[i].idx,
                    toks[j - 1].idx + len(toks[j - 1].text),
                    span_text,
                    "gazetteer",
                    metonymic=self._is_metonymic(doc[i:j]),
                )
            elif j - i >= 2:
                yield from self._inner_areas(doc, i + int(t.is_sent_start), j)
            i = j

    def _inner_areas(self, doc: Any, i: int, j: int) -> Iterator[_Mention]:
        """A country or province inside a longer capitalised run that is no place itself
        ("SOS Children's Villages Sudan", "the Kenya Wildlife Service"); not the place a
        named feature is called after ("Niger Delta")."""
        if doc[j - 1].lower_.strip(".") in _NAMED_FEATURES:
            return
        k = i
        while k < j:
            hit = 0
            for n in (3, 2, 1):
                sub = doc[k : k + n]
                if k + n > j or sub[0].is_punct or not sub.text[:1].isupper():
                    continue
                if self.gaz.is_stop(sub.text) or not self._strong_place(sub.text):
                    continue
                if any(c.feature == "region" for c in self._cands(sub.text)[:1]):
                    continue  # "Pacific", "Atlantic" in company names
                hit = n
                yield _Mention(sub.start_char, sub.end_char, sub.text, "embedded")
                break
            k += hit or 1

    def _sentence_start_place(
        self, doc: Any, i: int, j: int, span: str, ctx: set[str] | None = None
    ) -> bool:
        """At a sentence start only a dateline ("BEIRUT (AP) -", "KYIV, Ukraine -") or a
        country's name counts: capitals there say nothing. A dateline's small town counts
        when the text names its country or names the town again ("BANTAM — ... in Bantam
        court")."""
        after = doc.text[doc[j - 1].idx + len(doc[j - 1].text) :][:8]
        if span.isupper() and len(span) > 3 and _DATELINE.match(after):
            return self._dateline_town(doc.text, span, ctx)
        cands = [c for c in self._cands(span) if c.method == "exact"]
        if any(c.feature == "country" or (c.feature == "admin1" and " " in span) for c in cands):
            return True  # "Syria ...", "New South Wales is ..."
        qual = _SENT_QUALIFIER.match(doc.text, doc[j - 1].idx + len(doc[j - 1].text))
        if qual is None or not any(c.feature == "city" for c in cands):
            return False
        return any(  # "Buffalo, New York in the United States ..."
            q.method == "exact"
            and q.feature in ("admin1", "country")
            and any(c.country == q.country for c in cands)
            for q in self._cands(qual.group(1))
        )

    def _dateline_town(self, text: str, span: str, ctx: set[str] | None) -> bool:
        """A dateline's capitals ("BEIRUT -", "BANTAM —") are a known place: a province or
        country, a town of 10,000+, or a smaller town when the text names its country or
        names the town again in ordinary letters ("... in Bantam court")."""
        again = re.search(rf"\b{re.escape(span.title())}\b", text) is not None
        return any(
            c.method == "exact"
            and (
                c.feature != "city"
                or c.population >= 10_000
                or again
                or c.country in (ctx or set())
            )
            for c in self._cands(span)
        )

    def _run_is_place(self, span: str, countries: set[str]) -> bool:
        if self.gaz.is_stop(span):
            return False
        cands = self._cands(span)
        if span.isupper() and len(span) <= 4:  # USA yes, PMS no; NSW, BC in their country
            return any(
                c.method == "exact"
                and (c.feature == "country" or (c.feature == "admin1" and c.country in countries))
                for c in cands
            )
        return any(
            c.method != "fuzzy"
            and (
                c.feature in ("country", "admin1")
                or (c.feature == "region" and c.method == "exact")
                or c.population >= 50_000
                or (c.country in countries and c.population >= 1_000)
            )
            for c in cands
        )

    @staticmethod
    def _is_metonymic(span: Any) -> bool:
        root = span.root
        return bool(root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in _SPEECH)

    # ------------------------------------------------------------ resolution
    def parse(self, text: str) -> list[Toponym]:
        return self.parse_doc(self.nlp(text))

    def parse_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[list[Toponym]]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.parse_doc(doc)

    def parse_doc(self, doc: Any) -> list[Toponym]:
        mentions = self._mentions(doc)
        t0 = time.perf_counter()
        out = self.resolve_mentions(doc.text, mentions)
        self.resolve_seconds += time.perf_counter() - t0
        self.resolutions += len(mentions)
        return out

    def resolve_mentions(self, text: str, mentions: Sequence[_Mention]) -> list[Toponym]:
        gaz = self.gaz
        for k, m in enumerate(mentions):
            rel = m.rel = relative_context(text, m.start, m.end)
            if m.source == "embedded":  # "the U.S. Department of ...": no kind word applies
                m.hint = ""
            else:
                m.hint = (
                    rel.kind_hint or split_hint(m.text)[1] or _coordinated_hint(text, mentions, k)
                )
            if m.source == "demonym":
                cc = demonym_country(m.text) or ""
                country = gaz.country(cc)
                m.cands = [gaz.country_candidate(cc)] if country is not None else []
            else:
                m.cands = self._cands(m.text, m.hint)
                if not m.cands:
                    m.cands = self._namesake_town(m)
        ctx = DocContext.build(gaz, text, mentions)
        self._fuzzy_last(mentions, ctx)
        ranked = rank_mentions(gaz, text, mentions, ctx)
        top = ctx.top_country
        town = _main_town(ranked, top, {a for cc, a in ctx.admin1s if cc == top})
        out: list[Toponym] = []
        for k, (m, cands, why) in enumerate(ranked):
            nxt = ranked[k + 1] if k + 1 < len(ranked) else None
            area = _qualifying_area(text, m, nxt)
            if cands and (
                area is None
                or not _outside(cands[0], area)
                or any(c.feature in ("admin1", "country") for c in cands)  # a list of states
            ):
                area = None
            out.append(self._toponym(text, m, cands, why, ctx, town, area))
        return out

    def _namesake_town(self, m: _Mention) -> list[Candidate]:
        """ "Swat Valley", "Mahim Bay", "Lake Taal": a valley, bay, lake, island or river the
        gazetteer lacks, named like a town or district it has: that town's candidates (ranked
        by the text as any), the feature reported beside it (precision 2, unresolved)."""
        got = _NAMED_FEATURE.match(m.text)
        if got is None:
            return []
        core = got.group("a") or got.group("b")
        if len(core) < 4 or not core[:1].isupper():
            return []
        cands = [
            c
            for c in self._cands(core)
            if c.method == "exact"
            and (c.feature == "admin2" or (c.feature == "city" and c.population >= 1_000))
            and c.lat is not None
        ]
        if cands:
            m.namesake = core
        return cands

    def _fuzzy_last(self, mentions: Sequence[_Mention], ctx: DocContext) -> None:
        """Last resort for a name no index knows: rapidfuzz within the text's countries."""
        countries = sorted(ctx.countries, key=lambda cc: -ctx.weight(cc))[:3]
        if not countries:
            return
        for m in mentions:
            if m.cands or m.source != "ner" or len(m.text) < 5 or not m.text[:1].isupper():
                continue
            key = (m.text, "~" + ",".join(countries))
            got = self._cache.get(key)
            if got is None:
                found = self.gaz.candidates(m.text, countries=countries, fuzzy=True, limit=5)
                got = self._cache[key] = [
                    c for c in found if c.method == "fuzzy" and c.country in countries
                ]
            m.cands = got

    def _toponym(
        self,
        text: str,
        m: _Mention,
        cands: list[Candidate],
        why: str,
        ctx: DocContext,
        town: Candidate | None = None,
        area_after: Candidate | None = None,
    ) -> Toponym:
        gaz = self.gaz
        role = "demonym" if m.source == "demonym" else ("metonymic" if m.metonymic else "place")
        if area_after is not None:
            # "Thruxton, Hampshire": a place the gazetteer lacks, in the area named after it
            place = replace(
                gaz.to_place(area_after, m.text),
                name=m.text,
                geonameid=None,
                feature="region",
                geo_precision=3,
                method="unresolved",
                score=0.0,
            )
            lack = "not in the gazetteer" if not cands else f"no {m.text} there"
            reason = f"{lack}; in {area_after.name}, named after it"
            return Toponym(m.start, m.end, m.text, place, "", role, False, (), reason)
        if not cands and town is not None and _FACILITY.search(m.text):
            place = _unresolved_beside(gaz, town, m.text)
            reason = f"not in the gazetteer; a named site in {town.name}, the text's main town"
            return Toponym(m.start, m.end, m.text, place, "", role, False, (), reason)
        if not cands:
            area = ctx.best_area()
            place = Place(
                name=m.text,
                spelled=m.text,
                country=area.country if area else "",
                country_name=gaz.country_name(area.country) if area else "",
                admin1=area.admin1 if area else "",
                lat=area.lat if area else None,
                lon=area.lon if area else None,
                geonameid=None,
                feature="region",
                geo_precision=3,
                method="unresolved",
                score=0.0,
            )
            reason = "not in the gazetteer; best area: " + (area.name if area else "none")
            return Toponym(m.start, m.end, m.text, place, "", role, False, (), reason)
        best = cands[0]
        if m.namesake:
            place = _unresolved_beside(gaz, best, m.text)
            reason = f"not in the gazetteer; named after {best.name}: {why}"
            return Toponym(m.start, m.end, m.text, place, "", role, False, (), reason)
        place = gaz.to_place(best, m.text)
        rel = m.rel or relative_context(text, m.start, m.end)
        if rel.is_relative:
            place = replace(
                place,
                relation=rel.relation,
                offset_km=rel.offset_km,
                bearing=rel.bearing,
                geo_precision=max(place.geo_precision, 2),
            )
        return Toponym(
            m.start, m.end, m.text, place, gaz.feature_code(best), role, True, tuple(cands[:5]), why
        )


def _outside(best: Candidate, area: Candidate) -> bool:
    """ "Turkey, Texas" (a village the gazetteer lacks): the winner is a town outside the
    province named right after it (New Providence, New Jersey, once called Turkey)."""
    return (
        best.feature == "city"
        and area.feature == "admin1"
        and (best.country, best.admin1) != (area.country, area.admin1)
    )


def _qualifying_area(
    text: str, m: _Mention, nxt: tuple[_Mention, list[Candidate], str] | None
) -> Candidate | None:
    """The province or county right after an unknown name and a comma ("Thruxton,
    Hampshire", "Donington Park, Leicestershire"): where that name lies."""
    if nxt is None or not nxt[1] or not re.fullmatch(r",\s*", text[m.end : nxt[0].start]):
        return None
    best = nxt[1][0]
    ok = best.feature in ("admin1", "admin2") and best.lat is not None
    return best if ok else None


@dataclass(frozen=True)
class PlaceSpan:
    """A place name another recogniser found (the events pipeline's), to be ranked with the
    rest of its text: offsets in the text, the spelling, a kind hint ("admin1", "city") and
    its candidates; ``source="demonym"`` spans only add their country to the context."""

    start: int
    end: int
    text: str
    hint: str = ""
    cands: tuple[Candidate, ...] = ()
    source: str = "gazetteer"


def rank_spans(
    gaz: Gazetteer, text: str, spans: Sequence[PlaceSpan]
) -> dict[tuple[str, str], tuple[Candidate | None, str]]:
    """The document ranking of :class:`Geoparser` for spans found elsewhere: (spelling,
    hint) -> the winning candidate (None without one) and why it won. The same spelling
    with the same hint gets the same place throughout the text."""
    mentions = [
        _Mention(s.start, s.end, s.text, s.source, hint=s.hint, cands=list(s.cands))
        for s in sorted(spans, key=lambda s: (s.start, s.end))
    ]
    ctx = DocContext.build(gaz, text, mentions)
    out: dict[tuple[str, str], tuple[Candidate | None, str]] = {}
    for m, cands, why in rank_mentions(gaz, text, mentions, ctx, keep=1):
        if m.source != "demonym":
            out.setdefault((m.text, m.hint), (cands[0] if cands else None, why))
    return out
