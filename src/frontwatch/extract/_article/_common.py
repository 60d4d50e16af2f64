"""Word lists and patterns shared by the article extractor's stages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from frontwatch.actors import ActorInfo
from frontwatch.extract._dates import MONTH_WORDS, DateMention
from frontwatch.extract._places import (
    ArticlePlaces,
    PlaceMention,
)
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    triggers,
)
from frontwatch.geo import Gazetteer
from frontwatch.geo.gazetteer import haversine_km
from frontwatch.nlp import Sentence
from frontwatch.types import Article, Claim, Place, SourceRef

PUBLISHER = SourceRef(name="publisher", stance="unknown")


_SAME_TIME = re.compile(
    r"^\s*(?:at the same time|meanwhile|simultaneously|at the same moment)\b", re.I
)


_AFTER_ANCHOR = re.compile(
    r"\b(?:after|following|as a result of|since|in the wake of|because of)\s+(?:the\s+)?"
    r"(?:capture|fall|seizure|takeover|occupation|loss|liberation|recapture|storming)\s+of\s+",
    re.I,
)


# "killed after the army's entry", "following the rebels' takeover": the capture told before
_AFTER_TAKEOVER = re.compile(
    r"\b(?:after|following|since|in the wake of)\s+the\s+[\w-]+(?:'s|’s|s'|s’)\s+"
    r"(?:entry|capture|takeover|seizure|recapture|arrival|withdrawal|retreat|advance)\b",
    re.I,
)


_PUBLISHER_WORDS = re.compile(
    r"^(?:the\s+)?(?:report|publication|article|newspaper|outlet|paper|agency|channel|broadcaster)$",
    re.I,
)


_ANAPHORA_NOUNS = {
    "capital",
    "city",
    "cities",
    "town",
    "towns",
    "village",
    "villages",
    "settlement",
    "settlements",
    "area",
    "areas",
    "province",
    "provinces",
    "region",
    "regions",
    "district",
    "districts",
    "valley",
    "valleys",
}


_QUOTE = re.compile(r"[\"“](?P<q>[^\"”]{3,})[\"”]")


_CIVILIAN_INTER = 7


_PROMISE_VERBS = {"promise", "pledge", "vow", "threaten", "warn", "offer"}


_LOCATIVE = {"in", "at", "near", "across", "outside", "around", "inside", "from", "into", "over"}


_WEAPON_NOUNS = {
    "missile",
    "rocket",
    "drone",
    "shell",
    "bomb",
    "aircraft",
    "warplane",
    "jet",
    "helicopter",
    "vessel",
    "ship",
    "warship",
    "navy",
    "artillery",
    "tank",
    "plane",
    "strike",
    "airstrike",
}


_PRONOUNS = {"they", "it", "we", "he", "she"}


_WITNESS_VERBS = {"report", "confirm", "witness", "hear", "see", "record", "document", "describe"}


_ANNOUNCE_VERBS = {"announce", "claim", "declare"}  # "announced the capture of X"


_DEATH_VERBS = {"kill", "die", "injure", "wound", "hurt", "maim"}


_KILL_VERBS = {"kill", "die"}


_MILITARY_WORDS = {"troop", "troops", "force", "forces", "army", "military"}


# "..., killing / shooting / abducting residents": who was hit names the target
_VICTIM_VERBS = _DEATH_VERBS | {"shoot", "abduct", "kidnap", "rape", "execute", "massacre", "beat"}


_NAMED_NOT_PLACE = {"PERSON", "ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}


# "after the capture of Hama": a place named inside a reference to another event
_REFERENCE_NOUNS = {
    "capture",
    "fall",
    "seizure",
    "takeover",
    "occupation",
    "loss",
    "liberation",
    "recapture",
    "storming",
    "siege",
}


_COMPASS = {
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
}


def _drop_locating_areas(doc: Any, places: list[PlaceMention]) -> list[PlaceMention]:
    """ "in Nuseirat, in central Gaza": "central Gaza" only locates the town named with it."""
    if len(places) == 1:
        m = places[0]
        root = doc[m.start : m.end].root
        p = m.place
        if (
            p.feature == "city"
            and p.admin1
            and p.admin1.lower().startswith(p.name.lower() + " ")
            and any(c.dep_ == "amod" and c.lower_ in _COMPASS for c in root.children)
        ):
            # "in central Gaza": the part of the Gaza Strip, not Gaza City
            area = replace(p, name=p.admin1, feature="admin1", geo_precision=3, geonameid=None)
            return [replace(m, place=area)]
        return places
    out = [
        m
        for m in places
        if not any(
            c.dep_ == "amod" and c.lower_ in _COMPASS for c in doc[m.start : m.end].root.children
        )
    ]
    out = out if any(m.place.feature == "city" for m in out) else places
    # "in North Waziristan in Pakistan", "in Gedo region of Somalia": the country only locates
    # the smaller place named with it
    inner = {m.place.country for m in out if m.place.feature != "country" and m.place.country}
    kept = [m for m in out if not (m.place.feature == "country" and m.place.country in inner)]
    # "in Yargoje in Katsina state": the province only locates the town inside it
    towns_in = {(m.place.country, m.place.admin1) for m in kept if m.place.feature == "city"}
    kept = [
        m
        for m in kept
        if not (m.place.feature == "admin1" and (m.place.country, m.place.admin1) in towns_in)
    ]
    return kept or out


_DISTRICT_WORDS = {"district", "neighbourhood", "neighborhood", "quarter"}


_DISTRICT_KM = 30.0


def _district_of_last_town(ctx: _Ctx, doc: Any, m: PlaceMention) -> PlaceMention:
    """ "the presidential palace in the Malki district" after "entered Damascus": a named
    district of the town the report is in, not a namesake town far away (precision 1)."""
    if m.end >= len(doc) or doc[m.end].lower_ not in _DISTRICT_WORDS or not ctx.last_places:
        return m
    town = ctx.last_places[-1]
    p = m.place
    if None in (p.lat, p.lon, town.lat, town.lon) or town.feature != "city":
        return m
    if haversine_km((p.lat, p.lon), (town.lat, town.lon)) <= _DISTRICT_KM:  # type: ignore[arg-type]
        return m
    inside = replace(town, spelled=p.spelled, geo_precision=1, relation="", offset_km=None)
    return replace(m, place=inside)


def _not_the_scene(tok: Any, place: Place) -> bool:
    """ "near the border with Mali" (the neighbour), "a US air strike" (whose strike):
    a country named there is not where the event happened."""
    if place.feature != "country":
        return False
    if tok.dep_ == "compound":
        return True
    node = tok.head if tok.dep_ == "conj" else tok
    if node.dep_ == "pobj" and node.head.lower_ == "between":
        return True  # "a ceasefire between Israel and Hezbollah": a party, not the place
    return bool(
        tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.lemma_ == "border"
    )


def _is_reference(tok: Any) -> bool:
    node = tok
    for _ in range(3):
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    if node.dep_ == "pobj" and node.head.lower_ in ("with", "of", "for", "to"):
        # "marched in Ramallah in solidarity with Gaza", "in support of Kyiv": the cause
        prep = node.head
        before = prep.doc[prep.i - 1] if prep.i > 0 else prep
        if prep.head.lemma_.lower() in _CAUSE_NOUNS or before.lemma_.lower() in _CAUSE_NOUNS:
            return True
    return bool(
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.lemma_.lower() in _REFERENCE_NOUNS
    )


_CAUSE_NOUNS = {"solidarity", "support", "sympathy", "memory", "honour", "honor", "tribute"}


_BACKGROUND_MARKS = {"after", "before", "since", "because", "until"}


_TIME_UNITS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade"}


def _own_calendar_date(verb: Any) -> bool:
    """ "The raid came three weeks after gunmen killed 34 people in X on December 12": the
    earlier happening is told with a calendar date of its own, so it is an event (dated
    background), not a vague recall ("three weeks after it captured Goma")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(t.lower_.rstrip(".") in MONTH_WORDS and t.pos_ == "PROPN" for t in c.subtree)
        for v in verbs
        for c in v.children
    )


def _dated_precedent(tok: Any) -> bool:
    """ "The raid came three weeks after gunmen killed 34 in X on Dec. 12": the happening the
    news followed, told with its calendar day (the verb itself or the first of its conjuncts)."""
    verb = tok.head if tok.dep_ == "conj" and tok.head.pos_ == "VERB" else tok
    return (
        _background_mark(verb)
        and any(c.dep_ in ("npadvmod", "mark") for c in verb.children)
        and _own_calendar_date(verb)
    )


def _background_mark(verb: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in verb.children)


def _background(tok: Any) -> bool:
    """ "three weeks after it captured Goma", "weeks of Houthi attacks", "in response to
    attacks", "the deadliest since the factions drove ... out": an earlier happening the
    report recalls, not a new event."""
    if any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
        return True
    if any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have" for c in tok.children
    ):
        since = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "since"), None)
        if since is not None and not {t.lower_ for t in since.subtree} & _RECENT_WORDS:
            return (
                True  # "has hit 800 targets since mid-March": a running total, not "since Thursday"
            )
    if (
        _background_mark(tok)
        and any(
            t.lower_ in _TIME_UNITS for c in tok.children if c.dep_ == "mark" for t in c.subtree
        )
        and not _own_calendar_date(tok)
    ):
        return True
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in tok.children):
        return _background_mark(tok) and not _own_calendar_date(tok)
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _TIME_UNITS:
        return True
    return bool(
        tok.dep_ == "pobj" and head.lower_ in ("to", "for") and head.head.lower_ in _RESPONSE
    )


_RESPONSE = {"response", "retaliation", "revenge", "reprisal"}


_RECENT_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "weekend",
    "yesterday",
    "dawn",
    "morning",
    "afternoon",
    "evening",
    "night",
    "overnight",
}


@dataclass(frozen=True)
class _Words:
    """A sentence's lowercased lemmas, read once (see _words). A rule that acts only on
    some lemmas tests them here before walking the tokens or scanning the text:
    `if _words(ctx, sent).verbs.isdisjoint(MY_VERBS): return`. Keep such a gate a necessary
    condition of the rule (it may let through sentences the rule then skips, never the reverse)."""

    lemmas: frozenset[str]  # every token's lemma_.lower()
    verbs: frozenset[str]  # those of the tokens tagged VERB


def _words(ctx: _Ctx, sent: Sentence) -> _Words:
    found = ctx.words.get(sent.index)
    if found is None:
        tokens = list(sent.span)
        lows = [t.lemma_.lower() for t in tokens]
        verbs = frozenset([w for t, w in zip(tokens, lows, strict=True) if t.pos_ == "VERB"])
        found = ctx.words[sent.index] = _Words(frozenset(lows), verbs)
    return found


@dataclass
class _Ctx:
    """What the article has told us so far."""

    article: Article
    gaz: Gazetteer
    countries: tuple[str, ...]
    main_country: str
    story_start: date | None
    sentence_dates: list[list[DateMention]]
    actor_counts: Counter[str] = field(default_factory=Counter)
    mentioned: dict[str, int] = field(default_factory=dict)  # named actors in the whole report
    last_places: list[Place] = field(default_factory=list)
    # towns of the sentence being read, with their end token ("Residents of Lalibela said the
    # fighters took the town": the town named before "the town" in the same sentence)
    here_towns: list[tuple[Place, int]] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=dict)  # claim index -> spelled anchor place
    same_as_prev: set[int] = field(default_factory=set)
    # claims whose attack a later placeless sentence says was a suicide bombing (index: rule)
    suicide_means: dict[int, str] = field(default_factory=dict)
    antecedent: dict[int, int] = field(
        default_factory=dict
    )  # claim index -> the claim it refers back to
    para_dates: dict[int, tuple[date, date | None, int]] = field(default_factory=dict)
    claim_para: dict[int, int] = field(default_factory=dict)
    sentence_towns: dict[int, list[Place]] = field(default_factory=dict)  # towns per sentence
    sentence_areas: set[int] = field(default_factory=set)  # sentences naming a province/region
    blamed: dict[int, tuple[Claim, str]] = field(default_factory=dict)  # claim -> (before, culprit)
    dateline_town: Place | None = None
    geo: ArticlePlaces | None = None  # the article's places ranked together
    seen: list[Sentence] = field(default_factory=list)  # sentences read, for "he"/"they"
    # _actors_of per (token, main country)
    actor_memo: dict[tuple[Any, str], tuple[ActorInfo | None, ActorInfo | None]] = field(
        default_factory=dict
    )
    words: dict[int, _Words] = field(default_factory=dict)  # sentence index -> its lemmas
    background: bool = False  # past a background box's heading ("What is happening in X")

    def most_mentioned(self) -> list[str]:
        """The named actors of the report, the most mentioned first (ties in naming order)."""
        return [name for name, _ in sorted(self.mentioned.items(), key=lambda kv: -kv[1])]


def _background_heading(sent: Sentence) -> bool:
    """ "What is happening in Idlib", "Background": a heading line of a background box."""
    rx = triggers().background_headings
    text = sent.text.strip()
    if rx is None or len(text.split()) > 8 or text.endswith("."):
        return False
    return rx.fullmatch(text) is not None


def _dateline_town(ctx: _Ctx, text: str) -> Place | None:
    name = re.split(r",|\s[-–—](?:\s|$)", text)[0].strip()  # "TBILISI -", "JUBA, July 11"
    if not name:
        return None
    place = ctx.gaz.resolve(name.title(), countries=ctx.countries)
    return place if place is not None and place.feature == "city" else None


def _refine_coarse_places(ctx: _Ctx) -> None:
    """An event placed only in a country or province ("strikes across Yemen", "in central
    Gaza") takes the towns the next sentences name for it when they report nothing else
    ("Strikes were reported near Sanaa, Hodeidah and Taiz"), else the dateline's town in
    that area ("DEIR AL-BALAH, Gaza Strip -"), at precision 2."""
    told = {c.sentence_index for c in ctx.claims}
    for j, claim in enumerate(ctx.claims):
        if claim.kind != "event" or not claim.places:
            continue
        if claim.event_type == "Strategic developments" and claim.sub_event_type in _DECREES:
            continue  # a truce or a decree for the whole country is not placed in its towns
        if any(p.feature == "city" for p in claim.places):
            continue
        countries = {p.country for p in claim.places if p.country}
        towns: list[Place] = []
        for k in (claim.sentence_index + 1, claim.sentence_index + 2):
            if k in told and any(
                c.sentence_index == k and any(p.feature == "city" for p in c.places)
                for c in ctx.claims
            ):
                break  # that sentence's towns belong to its own event
            towns = [t for t in ctx.sentence_towns.get(k, []) if t.country in countries]
            if towns and k in ctx.sentence_areas:
                towns = []  # "in Beirut's suburbs, the south and the Bekaa valley": wider than a town
                break
            if towns:
                break
        if (
            not towns
            and ctx.dateline_town is not None
            and all(p.feature != "country" for p in claim.places)
        ):
            coarse_admin1 = {p.admin1 for p in claim.places if p.admin1}
            town = ctx.dateline_town
            if town.country in countries and (not coarse_admin1 or town.admin1 in coarse_admin1):
                towns = [town]
        if towns:
            near = tuple(replace(t, geo_precision=max(2, t.geo_precision)) for t in towns)
            ctx.claims[j] = replace(
                claim,
                places=near,
                notes="; ".join(n for n in (claim.notes, "place from context") if n),
            )


_DECREES = {"Agreement", "Other"}
