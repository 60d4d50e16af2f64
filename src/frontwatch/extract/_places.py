"""Place mentions in a parsed sentence, resolved with the gazetteer.

spaCy's NER mislabels most Middle-Eastern towns (Talbise/PERSON), so
candidates are capitalised token runs looked up in the gazetteer; the
parse only tells where a mention sits (subject of "said" = metonymy).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontwatch.extract._replace import replace
from frontwatch.extract._tables import shared_country
from frontwatch.geo import Candidate, Gazetteer, demonym_country, relative_context
from frontwatch.geo.gazetteer import haversine_km
from frontwatch.geo.geoparse import PlaceSpan, rank_spans
from frontwatch.nlp import Sentence
from frontwatch.types import Place

_PARTICLES = {
    "al",
    "el",
    "an",
    "ar",
    "as",
    "ad",
    "az",
    "ez",
    "ash",
    "at",
    "ibn",
    "bin",
    "de",
    "la",
    "le",
    "of",
    # Portuguese, Spanish and Italian particles: "Mocimboa da Praia", "Ciudad del Este"
    "da",
    "do",
    "dos",
    "das",
    "del",
    "di",
    # French: "Port-au-Prince", "Trou-du-Nord", "Croix-des-Bouquets", "Boulogne-sur-Mer"
    "au",
    "aux",
    "du",
    "des",
    "les",
    "sur",
}
# words that begin Arabic and other place names; never a place on their own inside a longer name
_NAME_PREFIXES = {
    "abu",
    "al",
    "bin",
    "ibn",
    "umm",
    "beit",
    "bayt",
    "tal",
    "tel",
    "tell",
    "deir",
    "dayr",
    "kafr",
    "ain",
    "ayn",
    "jabal",
    "jebel",
    "wadi",
    "khan",
    "saint",
    "san",
    "st",
    "new",
    "old",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "greater",
    "mount",
    "camp",
    "port",
    "fort",
    "lake",
    "ras",
    "bab",
    "tall",
    "sheikh",
}
_ADMIN_NOUNS = {
    "province",
    "provinces",
    "governorate",
    "governorates",
    "region",
    "regions",
    "oblast",
    "oblasts",
    "state",
    "states",
    "district",
    "districts",
}
_SPEECH_HEADS = {
    "say",
    "announce",
    "claim",
    "deny",
    "report",
    "state",
    "warn",
    "accuse",
    "insist",
    "threaten",
    "promise",
}


@dataclass(frozen=True)
class PlaceMention:
    start: int  # token index in the doc
    end: int
    char_start: int  # article offsets
    char_end: int
    place: Place


_EXACT_COUNTRIES = 3  # exact look-ups in the report's three main countries
_FUZZY_COUNTRIES = 1  # fuzzy ones (~1 ms each) only in its main country


@lru_cache(maxsize=262144)
def _exact_place(gaz: Gazetteer, text: str, countries: tuple[str, ...]) -> bool:
    """is_place without fuzzy look-ups, in one cached call per (name, countries)."""
    return is_place(gaz, text, countries, fuzzy=False)


def is_place(gaz: Gazetteer, text: str, countries: tuple[str, ...], fuzzy: bool = True) -> bool:
    """Whether a capitalised run names a place in the report's countries. Cached per
    (name, country): the same names recur across a day's reports, the same countries
    across a batch, and a fuzzy look-up costs ~1 ms, so it is only tried (`fuzzy`) where
    the parse puts a place (after a preposition, as an object) and no exact or normalised
    spelling matched."""
    if not countries:
        return _is_place_in(gaz, text, "")
    if any(_exact_place_in(gaz, text, cc) for cc in countries[:_EXACT_COUNTRIES]):
        return True
    return fuzzy and any(_is_place_in(gaz, text, cc) for cc in countries[:_FUZZY_COUNTRIES])


@lru_cache(maxsize=262144)
def _fuzzy_place(gaz: Gazetteer, text: str, countries: tuple[str, ...]) -> bool:
    """is_place with fuzzy look-ups, in one cached call per (name, countries)."""
    return is_place(gaz, text, countries)


@lru_cache(maxsize=262144)
def _exact_place_in(gaz: Gazetteer, text: str, country: str) -> bool:
    """An exact or normalised gazetteer hit: in the country, or a country, province or
    city of 100,000+ anywhere (the rule of Gazetteer.is_place_name, without fuzzy)."""
    anywhere, countries = _exact_hits(gaz, text)
    return anywhere or country in countries


@lru_cache(maxsize=262144)
def _exact_hits(gaz: Gazetteer, text: str) -> tuple[bool, frozenset[str]]:
    """Whether the name's exact or normalised hits hold a country, a province or a city of
    100,000+ (a place anywhere), and the countries of all its hits: one look-up per name
    for every country asked (without fuzzy matching the hits do not depend on it)."""
    s = " ".join(text.split())
    if s[:4].lower() == "the ":
        s = s[4:]
    if not s[:1].isupper():
        return False, frozenset()
    hits = gaz.candidates(s, fuzzy=False, limit=0)
    big = any(c.feature != "city" or c.population >= 100_000 for c in hits)
    return big, frozenset(c.country for c in hits)


_PLACE_SLOT_DEPS = {"pobj", "dobj", "conj", "appos", "npadvmod", "attr", "nmod", "obj"}


def place_slot(doc: Any, a: int, b: int) -> bool:
    """Whether the parse puts a place here: after a preposition, or as an object or a
    conjunct (never the subject of a speech verb or a sentence-initial name)."""
    if a > 0:
        prev = doc[a - 1]
        if prev.pos_ == "ADP" or prev.lower_ in ("and", "or", ","):
            return True
    if b < len(doc) and doc[b].lower_ in _ADMIN_NOUNS:
        return True
    if b - a == 1:
        return str(doc[a].dep_) in _PLACE_SLOT_DEPS
    return str(doc[a:b].root.dep_) in _PLACE_SLOT_DEPS


@lru_cache(maxsize=262144)
def _is_place_in(gaz: Gazetteer, text: str, country: str) -> bool:
    return gaz.is_place_name(text, (country,) if country else ())


_FUNCTION_POS = ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV")


def _runs(sent: Any) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, allowing inner particles and hyphens (a run
    starts at a capitalised word: only those are visited, see Span.capitalised)."""
    runs: list[tuple[int, int]] = []
    tokens = sent.doc.tokens
    end = sent.end
    i = sent.start  # where the next run may start
    for tok in sent.capitalised:
        word = tok.text
        if tok.i < i or not (tok.is_alpha or "-" in word or "'" in word):
            continue
        i = tok.i
        j = i + 1
        while j < end:
            t = tokens[j]
            w = t.text
            if w[:1].isupper() and (t.is_alpha or "-" in w or "'" in w):
                j += 1
                continue
            if (
                (w.lower() in _PARTICLES or w in ("-", "'", "’"))
                and j + 1 < end
                and (
                    tokens[j + 1].text[:1].isupper()
                    or tokens[j + 1].text in ("-",)
                    or tokens[j + 1].text.lower() in _PARTICLES
                )
            ):
                j += 1
                continue
            break
        while j > i and tokens[j - 1].text.lower() in _RUN_TRAILERS:
            j -= 1
        if j == i:  # a lone particle ("An attack", "At least"): no run
            i += 1
            continue
        runs.append((i, j))
        i = j
    return runs


_RUN_TRAILERS = _PARTICLES | {"-", "'", "’"}  # dropped from a run's end


def find_places(
    sentence: Sentence,
    gaz: Gazetteer,
    countries: tuple[str, ...],
    blocked: set[int],
    article_text: str,
    ranked: ArticlePlaces | None = None,
) -> list[PlaceMention]:
    """Place mentions in one sentence. `blocked` holds token indices that belong
    to actor, source or person names and so cannot be places. With `ranked` (the
    article's places ranked together) a name takes the place the whole article points
    to; without it, the gazetteer's best place for the report's countries."""
    doc = sentence.span.doc
    found: list[PlaceMention] = []
    words = [t.text_with_ws for t in sentence.span]  # plain strings: spaCy access is slow
    spans = ranked.spans_of(sentence, blocked, countries) if ranked is not None else None
    if spans is None:
        spans = list(_place_spans(sentence, gaz, countries, blocked, words))
    for a, b, text in spans:
        if not text:  # "the village of Pazigyi": a town the gazetteer lacks keeps its name
            found.append(_unresolved_town(sentence, a, b, words, sentence.span.start, countries))
            continue
        c0, c1 = sentence.char_span(a, b)
        rel = relative_context(article_text, c0, c1)
        hint = rel.kind_hint or _coordinated_hint(doc, a, b)
        if ranked is not None:
            place = ranked.resolve(text, hint)
        else:
            place = _resolve(gaz, text, countries, hint)
        area = ranked.province_instead(place, text) if ranked is not None else None
        if area is not None:
            # "near the village of Martynovka" in a report on the Kursk region: not the
            # Martynovka in Crimea, 650 km away, but a village the gazetteer lacks, placed in
            # the province the report is about
            found.append(_unresolved_in(sentence, a, b, text, area))
            continue
        if place is not None and _small_namesake_far_away(
            gaz, place, text, countries, article_text
        ):
            # "Moura, in central Mali": not Moura in Portugal nor Moore in Oklahoma, which the
            # report never names; a village the gazetteer lacks, kept by its name
            found.append(_unresolved_town(sentence, a, b, words, sentence.span.start, countries))
            continue
        if place is not None:
            if rel.is_relative:
                place = replace(
                    place,
                    geo_precision=max(2, place.geo_precision),
                    offset_km=rel.offset_km,
                    bearing=rel.bearing,
                    relation=rel.relation,
                )
            found.append(PlaceMention(a, b, c0, c1, replace(place, spelled=text)))
    placed = [_in_best_area(m, found, gaz, sentence) for m in found]
    # the area an unresolved town was placed in is that town's place, not another one
    areas = {
        id(o)
        for m, was in zip(placed, found, strict=True)
        if m is not was
        for o in found
        if o.place.method != "unresolved"
        and o.start >= m.end
        and (o.place.lat, o.place.lon) == (m.place.lat, m.place.lon)
    }
    return [m for m, was in zip(placed, found, strict=True) if id(was) not in areas]


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _in_best_area(
    m: PlaceMention, found: list[PlaceMention], gaz: Gazetteer, sentence: Sentence
) -> PlaceMention:
    """A town the gazetteer lacks keeps its name and takes the best area the sentence gives
    after it ("Kasindi, a town in North Kivu province": North Kivu; "in eastern Congo": the
    country), else its country: the area's point, ACLED's geo_precision 3."""
    p = m.place
    doc = sentence.span.doc
    after = [
        o.place
        for o in found
        if o.start >= m.end
        and o.start - m.end <= 12
        and o.place.method != "unresolved"
        and not any(t.tag_ in _FINITE_TAGS for t in doc[m.end : o.start])  # one phrase
    ]
    if (
        p.method != "unresolved"
        and p.feature == "city"
        and named_as_town(doc, m.start, m.end)
        and any(a.feature in ("admin1", "admin2", "city") and a.country != p.country for a in after)
    ):
        # "Paro, a remote district in Nduga regency in the Papua highlands": not Paro in
        # Bhutan but a place the gazetteer lacks, in the province its apposition names; "the
        # village of Banjska in the municipality of Zvecan": not Bansko in Bulgaria
        namesake = p.country
        p = replace(
            p, name=p.spelled, lat=None, lon=None, geonameid=None, method="unresolved", score=0.0
        )
        after = [a for a in after if a.feature != "city" or a.country != namesake]
    if p.method != "unresolved" or p.lat is not None:
        return m
    precision = 3
    area = next((a for a in after if a.feature in ("admin1", "admin2", "country")), None)
    town = next((a for a in after if a.feature == "city" and a.lat is not None), None)
    if area is not None and area.feature == "admin2":
        precision = 2  # "the village of Karma in Yatenga province": a district, ACLED's 2
    if town is not None:
        # "Pazigyi village, in Kanbalu township": at the town it is in, ACLED's precision 2
        area, precision = town, 2
    if area is None:
        area = gaz.country(p.country) if p.country else None
    if area is None or area.lat is None:
        return m
    placed = replace(
        p,
        country=area.country,
        country_name=area.country_name or gaz.country_name(area.country),
        admin1=area.admin1,
        lat=area.lat,
        lon=area.lon,
        geo_precision=precision,
    )
    return replace(m, place=placed)


def _place_spans(
    sentence: Sentence,
    gaz: Gazetteer,
    countries: tuple[str, ...],
    blocked: set[int],
    words: list[str],
) -> Iterator[tuple[int, int, str]]:
    """(start token, end token, spelling) of each place name in the sentence; the
    spelling is "" for a named town the gazetteer lacks ("the village of Pazigyi")."""
    doc = sentence.span.doc
    start = sentence.span.start
    lowers = [t.lower_ for t in sentence.span]
    for run_start, run_end in _runs(sentence.span):
        if run_end - run_start > 1 and doc[run_start].pos_ == "ADP":
            run_start += 1  # "In Nittambuwa, ...": the preposition opening the sentence
        i = run_start
        town = named_as_town(doc, run_start, run_end)
        while i < run_end:
            hit = None
            for j in range(run_end, i, -1):
                if blocked and any(k in blocked for k in range(i, j)):
                    continue
                if town and i == run_start and j < run_end:
                    continue  # "the town of Mai Kadra", "Let Pan Hla village": not "Mai"
                if j < run_end and lowers[j - 1 - start] in _NAME_PREFIXES:
                    continue  # "Abu" of "Abu Shouk" is not a place of its own
                text = "".join(words[i - start : j - start]).rstrip()
                if (
                    i == start
                    and j - i == 1
                    and (
                        doc[i].is_stop
                        or doc[i].pos_ in _FUNCTION_POS
                        or doc[i].tag_ in ("NN", "NNS")
                    )
                ):
                    continue  # "Power stations ... were hit": a capitalised first common noun
                if j - i == 1 and doc[i].ent_type_ == "NORP" and doc[i].pos_ == "ADJ":
                    continue  # "the Saudi city of Jeddah": a demonym, not Saudi Arabia
                if _exact_place(gaz, text, countries) or (
                    place_slot(doc, i, j) and _fuzzy_place(gaz, text, countries)
                ):
                    hit = (i, j, text)
                    break
                if _after_place_noun(doc, i) and is_place(gaz, text, ()):
                    # "the settlement of Shagra" in a report on Sudan: a village the gazetteer
                    # lacks (""), not Shaqra in Saudi Arabia, which the report never names
                    far = bool(countries) and not _in_named_countries(gaz, text, countries)
                    hit = (i, j, "" if far else text)
                    break
            if hit is None:
                if (
                    i == run_start
                    and town  # named_as_town(doc, run_start, run_end), read once per run
                    and not (blocked & set(range(i, run_end)))
                ):
                    yield i, run_end, ""
                    break
                i += 1
                continue
            a, b, text = hit
            i = b
            if not text:
                yield a, b, ""
            elif not _not_a_place_here(doc, a, b):
                yield a, b, text


def _not_a_place_here(doc: Any, a: int, b: int) -> bool:
    """A known name the sentence does not use as a place."""
    head = doc[a:b].root
    if head.dep_ in ("nsubj",) and head.head.lemma_ in _SPEECH_HEADS:
        return True  # metonymy: "Moscow said" names a government, not a place
    if doc[b - 1].lower_ in _WATER_NAMES or (b < len(doc) and doc[b].lower_ in _WATER):
        return True  # "the Red Sea", "the Dnipro river": water and landforms, not towns
    if head.dep_ == "poss" and head.head.lemma_.lower() in _INSTITUTIONS:
        return True  # "Congo's government", "Israel's army": an actor, not a place
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return True  # "authorities installed by Moscow": who did it, not where
    if b < len(doc) and doc[b].lower_ in _UNIT_NOUNS:
        return True  # "the Azov regiment", "the Aidar battalion": a unit's name, not where
    return compound_modifier(doc, b)


_UNIT_NOUNS = {
    "regiment",
    "battalion",
    "brigade",
    "brigades",
    "battalions",
    "regiments",
}  # "the Britain-based monitor": not where


_MODIFIER_PARTICIPLES = {
    "based",
    "backed",
    "led",
    "born",
    "funded",
    "allied",
    "aligned",
    "linked",
    "made",
    "supplied",
    "sponsored",
    "bound",
}


def compound_modifier(doc: Any, b: int) -> bool:
    """The place ends a compound adjective ("Britain-based", "Russia-backed")."""
    return (
        b + 1 < len(doc)
        and doc[b].text in ("-", "–")
        and doc[b].idx == doc[b - 1].idx + len(doc[b - 1].text)  # no space before the hyphen
        and doc[b + 1].lower_ in _MODIFIER_PARTICIPLES
    )


_WATER = {
    "sea",
    "ocean",
    "gulf",
    "river",
    "lake",
    "bay",
    "strait",
    "canal",
    "coast",
    "mountains",
    "valley",
    "desert",
    "dam",
}
_WATER_NAMES = {"sea", "ocean", "gulf", "river", "lake", "bay", "strait", "canal"}  # "Red Sea"
_INSTITUTIONS = {
    "government",
    "army",
    "military",
    "force",
    "president",
    "office",
    "authority",
    "ministry",
    "leader",
    "police",
    "parliament",
    "junta",
    "navy",
    "prime",
    "foreign",
    "defence",
    "defense",
}
_PLACE_NOUNS = {
    "town",
    "towns",
    "city",
    "village",
    "villages",
    "settlement",
    "district",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "kibbutz",
    "locality",
    "hamlet",
    "township",
}
_TOWN_AFTER_NOUNS = _PLACE_NOUNS - {"district", "township"}  # "X village", not "X district"


def _unresolved_town(
    sentence: Sentence, a: int, b: int, words: list[str], start: int, countries: tuple[str, ...]
) -> PlaceMention:
    """A named town without a gazetteer entry: ACLED's location as reported, no coordinates
    (method "unresolved"), in the report's main country."""
    text = "".join(words[a - start : b - start]).rstrip()
    c0, c1 = sentence.char_span(a, b)
    place = Place(
        name=text,
        spelled=text,
        country=countries[0] if countries else "",
        feature="city",
        geo_precision=1,
        method="unresolved",
        score=0.0,
    )
    return PlaceMention(a, b, c0, c1, place)


def _unresolved_in(sentence: Sentence, a: int, b: int, text: str, area: Place) -> PlaceMention:
    """A named village the gazetteer lacks, at the point of the province it lies in: the
    name kept, method "unresolved", ACLED's geo_precision 3."""
    c0, c1 = sentence.char_span(a, b)
    place = replace(
        area,
        name=text,
        spelled=text,
        feature="city",
        geonameid=None,
        geo_precision=3,
        method="unresolved",
        score=0.0,
    )
    return PlaceMention(a, b, c0, c1, place)


def _small_namesake_far_away(
    gaz: Gazetteer, place: Place, text: str, countries: tuple[str, ...], article_text: str
) -> bool:
    """A town of under 100,000 people in a country the report never names, nor its province
    ("Paris, Texas" is meant), far from every country it does name; or such a province of
    under 5 million ("Salah al-Din on the southern outskirts of Tripoli" in a report on
    Libya: a district of Tripoli, not Iraq's governorate)."""
    if not countries or place.feature not in ("city", "admin1") or place.country in countries:
        return False
    own = (place.country_name,) if place.feature == "admin1" else (place.admin1, place.country_name)
    if any(n and n in article_text for n in own):
        return False
    # a province: far from the report's main country is enough (a neighbour of Iraq being
    # named in a report on Libya does not bring Iraq's governorates in)
    reach = countries[:1] if place.feature == "admin1" else countries
    if not _far_from(gaz, place, reach):
        return False
    cands = gaz.candidates(text, limit=8)
    pop = next((c.population for c in cands if c.geonameid == place.geonameid), 0)
    return pop < (_KNOWN_PROVINCE if place.feature == "admin1" else _KNOWN_TOWN)


_KNOWN_TOWN = 100_000  # "talks in Doha", "fled to Jeddah": big towns abroad are meant
_KNOWN_PROVINCE = 5_000_000  # Punjab, Bavaria, Ontario: known abroad without their country


def _far_from(gaz: Gazetteer, place: Place, countries: tuple[str, ...]) -> bool:
    """At least _FOREIGN_REACH_KM from the point of every country named (False when a point
    is unknown)."""
    if place.lat is None or place.lon is None:
        return False
    for code in countries:
        home = gaz.country(code)
        if home is None or home.lat is None or home.lon is None:
            return False
        if haversine_km((place.lat, place.lon), (home.lat, home.lon)) < _FOREIGN_REACH_KM:
            return False
    return True


def _in_named_countries(gaz: Gazetteer, text: str, countries: tuple[str, ...]) -> bool:
    """The town's best match is in (or within reach of) the report's countries: Sudzha, just
    across the border, is meant in a report on Ukraine; Shaqra in Saudi Arabia, 1,900 km
    from Sudan, is not meant in a report on Sudan that never names Saudi Arabia."""
    place = _resolve(gaz, text, (), "")
    return place is None or place.country in countries or not _far_from(gaz, place, countries)


_FOREIGN_REACH_KM = 1500


def named_as_town(doc: Any, a: int, b: int) -> bool:
    """The text says the capitalised run is a town, whatever the tagger makes of its words
    ("Let" of "Let Pan Hla" as a verb, "Pan Hla" as a person): "the village of X",
    "X village", "X, a village in ..."."""
    return (
        _after_place_noun(doc, a)
        or _place_apposition(doc, b)
        or _in_then_in(doc, a, b)
        or (
            b < len(doc)
            and doc[b].lower_ in _TOWN_AFTER_NOUNS
            and not (b + 1 < len(doc) and doc[b + 1].lower_ == "of")  # "the Dweila district of"
            and not any(demonym_country(t.text) or t.ent_type_ == "NORP" for t in doc[a:b])
        )
    )


def _in_then_in(doc: Any, a: int, b: int) -> bool:
    """ "in Tudun Biri, in the Igabi area of Kaduna State": a place inside a place; "In
    Nittambuwa, north-east of the capital, ...": a scene opening the sentence."""
    if a == 0 or doc[a - 1].lower_ not in ("in", "at") or b + 1 >= len(doc):
        return False
    if doc[b].lower_ == "in" and b + 2 < len(doc) and doc[b + 1].lower_ == "the":
        return doc[b + 2].lower_ in _QUARTERS  # "in Medamulana in the south"
    if doc[b].text != ",":
        return False
    if doc[b + 1].lower_ == "in":
        return True
    return (
        doc[a - 1].is_sent_start
        and doc[a - 1].text == "In"
        and not any(t.ent_type_ in _NOT_A_SCENE or t.like_num for t in doc[a:b])
    )


_QUARTERS = {
    "north",
    "south",
    "east",
    "west",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "centre",
    "center",
}
_NOT_A_SCENE = {"DATE", "TIME", "ORG", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PERSON"}


def _place_apposition(doc: Any, b: int) -> bool:
    """ "Kasindi, a town in North Kivu": the name is followed by an apposition saying it is a
    town (a few words at most between the article and the noun)."""
    if b + 2 >= len(doc) or doc[b].text != "," or doc[b + 1].lower_ not in ("a", "an"):
        return False
    for k in range(b + 2, min(b + 6, len(doc))):
        word = doc[k].lower_
        if word in _PLACE_NOUNS:
            return True
        if not doc[k].is_alpha or not doc[k].text.islower():
            return False
    return False


def _after_place_noun(doc: Any, i: int) -> bool:
    """ "the town of X": a place even outside the report's countries."""
    return bool(i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _PLACE_NOUNS)


@lru_cache(maxsize=65536)
def _resolve(gaz: Gazetteer, text: str, countries: tuple[str, ...], hint: str) -> Place | None:
    """Cached: a batch of reports names the same towns again and again."""
    code = shared_country(text, countries)
    if code and gaz.country(code) is not None:  # "Congo" in a report on North Kivu: the DRC
        return replace(gaz.country(code), spelled=text)
    return gaz.resolve(text, countries=countries, kind_hint=hint)


def _coordinated_hint(doc: Any, a: int, b: int) -> str:
    """ "the provinces of Aleppo and Idlib": Idlib inherits Aleppo's admin1 hint."""
    root = doc[a:b].root
    node = root
    for _ in range(3):
        if node.dep_ != "conj":
            break
        node = node.head
        if node.head.lemma_ == "of" and node.head.head.lower_ in _ADMIN_NOUNS:
            return "admin1"
    nxt = doc[b] if b < len(doc) else None
    if nxt is not None and nxt.lower_ in _PLURAL_ADMIN:
        return "admin1"
    return _first_conjunct_hint(doc, b)


_PLURAL_ADMIN = ("provinces", "governorates", "regions", "oblasts")


def _first_conjunct_hint(doc: Any, b: int) -> str:
    """ "over the Bryansk and Kursk regions": the names before the last conjunct take the
    plural kind word after it too (a list of capitalised names joined by "and" or commas)."""
    joined = False
    for tok in doc[b : b + 8]:
        if tok.lower_ in ("and", ",", "&"):
            joined = True
        elif tok.lower_ in _PLURAL_ADMIN:
            return "admin1" if joined else ""
        elif not (tok.text[:1].isupper() and tok.is_alpha):
            return ""
    return ""


class ArticlePlaces:
    """The article's place names ranked together, the way `frontwatch places` ranks a text
    (frontwatch.geo.context): each name is read with the article's other places (distance
    to the unambiguous ones), the countries and provinces it names, its demonyms and its
    "Town, Province" qualifiers, so "Tripoli" in a report about Lebanese towns is Lebanon's.
    Built once per article, before its sentences are read for events."""

    def __init__(
        self,
        gaz: Gazetteer,
        sentences: Sequence[Sentence],
        countries: tuple[str, ...],
        article_text: str,
    ) -> None:
        self.gaz = gaz
        self.countries = countries
        self.article_text = article_text
        spans: list[PlaceSpan] = []
        # the names each sentence holds with nothing blocked, reused when no actor's name
        # overlaps them (the same scan would find the same names)
        self.found: dict[int, list[tuple[int, int, str]]] = {}
        for sent in sentences:
            spans.extend(_sentence_spans(gaz, sent, countries, article_text, self.found))
        self.chosen = rank_spans(gaz, article_text, spans)
        self._resolved: dict[tuple[str, str], Place | None] = {}
        # province_instead's article-wide inputs (built on first use) and its answers
        self._chosen_places: tuple[list[Candidate], set[str]] | None = None
        self._instead: dict[tuple[Place, str], Place | None] = {}

    def spans_of(
        self, sentence: Sentence, blocked: set[int], countries: tuple[str, ...]
    ) -> list[tuple[int, int, str]] | None:
        """The sentence's place names from the first reading, None when an actor's or a
        person's name overlaps one of them or the report's countries changed since (then
        the sentence is scanned again)."""
        got = self.found.get(sentence.index)
        if (
            got is None
            or countries != self.countries
            or (blocked and any(k in blocked for a, b, _ in got for k in range(a, b)))
        ):
            return None
        return got

    def resolve(self, text: str, hint: str) -> Place | None:
        """The article's place for a spelling (read once per spelling and hint)."""
        key = (text, hint)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(text, hint)
        return self._resolved[key]

    def province_instead(self, place: Place | None, text: str) -> Place | None:
        """The province a small far namesake is replaced by (see _province_instead)."""
        if place is None:
            return None
        key = (place, text)
        if key not in self._instead:
            if self._chosen_places is None:
                chosen = [c for c, _ in self.chosen.values() if c is not None]
                by_name = {  # countries the report names by name (not through a demonym)
                    c.country
                    for (spelled, _), (c, _) in self.chosen.items()
                    if c is not None and c.feature == "country" and not demonym_country(spelled)
                }
                self._chosen_places = (chosen, by_name)
            chosen, by_name = self._chosen_places
            self._instead[key] = _province_instead(
                self.gaz, place, text, chosen, self.article_text, by_name
            )
        return self._instead[key]

    def _resolve(self, text: str, hint: str) -> Place | None:
        """The article's place for a spelling; a spelling the first reading did not see
        (an actor's name cut it differently) is resolved alone."""
        got = self.chosen.get((text, hint))
        if got is None:
            return _resolve(self.gaz, text, self.countries, hint)
        best = got[0]
        place = self.gaz.to_place(best, text) if best is not None else None
        alone = _resolve(self.gaz, text, self.countries, hint)
        if (
            place is not None
            and alone is not None
            and alone.feature == "city"
            and place.feature != "city"
            and (alone.country, alone.admin1) == (place.country, place.admin1)
        ):
            # the article's ranking settles the country and the province; whether "Hims" or
            # "Donetsk" is the town or its province stays the sentence's own reading
            return alone
        return place


_VILLAGE = 5_000  # a namesake this small is no town a reader is expected to know
_AREA_KM = 300  # the report's places lie within this of each other: it is about one area


def _province_instead(
    gaz: Gazetteer,
    place: Place,
    text: str,
    chosen: Sequence[Candidate],
    article_text: str,
    by_name: Collection[str] = (),
) -> Place | None:
    """The province the report is about, when `place` is a small village whose namesakes all
    lie in provinces the report never names, while every other place it resolves (a province
    among them) lies in one area far from the village: the village meant is one the
    gazetteer lacks. A roundup across a country spreads its places wider than one area.
    With no province named, the one province of the report's towns stands for it, unless
    the report names the village's own country (`by_name`): "Ras Isa" in a report naming
    Yemen is Yemen's port whatever town abroad it also names."""
    if place.feature != "city" or place.lat is None or place.lon is None:
        return None
    others = [
        c
        for c in chosen
        if c.geonameid != place.geonameid
        and c.feature in ("city", "admin1")
        and c.lat is not None
        and c.lon is not None
    ]
    named = {(c.country, c.admin1) for c in others if c.feature == "admin1"}
    provinces = [c for c in others if c.feature == "admin1"]
    if not named:
        # no province named: the one province holding the report's towns ("KURSK, Russia --
        # ... Sudzha"), capitals aside (where officials speak)
        named = {
            (c.country, c.admin1) for c in others if c.admin1 and gaz.feature_code(c) != "PPLC"
        }
        provinces = [p for p in (_admin1_of(gaz, *k) for k in named) if p is not None]
        if len(named) != 1 or not provinces or place.country in by_name:
            return None
    if (place.country, place.admin1) in named or place.admin1 in article_text:
        return None
    points = [(c.lat, c.lon) for c in others if c.lat is not None and c.lon is not None]
    here = (place.lat, place.lon)
    if any(haversine_km(here, p) < _AREA_KM for p in points):
        return None
    # capitals are where officials speak ("officials in Kyiv said"), not what the report is about
    scenes = [
        (c.lat, c.lon)
        for c in others
        if c.lat is not None and c.lon is not None and gaz.feature_code(c) != "PPLC"
    ]
    if any(haversine_km(p, q) >= _AREA_KM for p in scenes for q in scenes):
        return None  # the report's places spread wider than one area: a roundup
    cands = [*gaz.candidates(text, fuzzy=False, limit=0), *gaz.candidates(text, limit=8)]
    if any(c.population >= _VILLAGE or (c.country, c.admin1) in named for c in cands):
        return None  # a town of some size, or a namesake in the province named
    held = [(c.country, c.admin1) for c in others]
    province = max(
        provinces, key=lambda c: held.count((c.country, c.admin1))
    )  # the named province holding most of the report's places (the first on a tie)
    return gaz.to_place(province, province.name)


@lru_cache(maxsize=65536)
def _admin1_of(gaz: Gazetteer, country: str, admin1: str) -> Candidate | None:
    """The province entry of a town's (country, admin1 name)."""
    for c in gaz.candidates(admin1, countries=(country,), kind_hint="admin1", fuzzy=False):
        if c.feature == "admin1" and (c.country, c.admin1) == (country, admin1):
            return c
    return None


def _sentence_spans(
    gaz: Gazetteer,
    sent: Sentence,
    countries: tuple[str, ...],
    article_text: str,
    found: dict[int, list[tuple[int, int, str]]],
) -> Iterator[PlaceSpan]:
    """The sentence's place names (no actor blocking: context only) and its demonyms."""
    doc = sent.span.doc
    words = [t.text_with_ws for t in sent.span]
    found[sent.index] = list(_place_spans(sent, gaz, countries, set(), words))
    for a, b, text in found[sent.index]:
        if not text:
            continue
        c0, c1 = sent.char_span(a, b)
        rel = relative_context(article_text, c0, c1)
        hint = rel.kind_hint or _coordinated_hint(doc, a, b)
        yield PlaceSpan(c0, c1, text, hint, _candidates(gaz, text, countries, hint))
    for tok in sent.span.capitalised:
        cc = demonym_country(tok.text)
        if cc and gaz.country(cc) is not None:
            c0, c1 = sent.char_span(tok.i, tok.i + 1)
            yield PlaceSpan(c0, c1, tok.text, "", (gaz.country_candidate(cc),), "demonym")


@lru_cache(maxsize=65536)
def _candidates(
    gaz: Gazetteer, text: str, countries: tuple[str, ...], hint: str
) -> tuple[Candidate, ...]:
    """Every candidate of a spelling (fuzzy ones only when none is in the report's
    countries, as for `_resolve`), cached: a batch names the same towns again and again."""
    code = shared_country(text, countries)
    if code and gaz.country(code) is not None:  # "Congo": the one the report is about
        return (gaz.country_candidate(code),)
    return tuple(gaz.candidates(text, countries=countries, kind_hint=hint, limit=0))
